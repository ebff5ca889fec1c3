/**
 * The Bases view `action-plan` ("Action plan", SPEC 7): registered only where Obsidian has Bases
 * (1.10 and later). The view's class is defined inside that branch, so that an older app, which
 * has no `BasesView` to extend, still loads the plugin. It reads the base's groups and entries
 * into plain data and leaves the drawing to the board.
 */
import { BasesView, requireApiVersion, type Plugin, type QueryController } from 'obsidian';
import { BASE_SHOWS, BaseBoard, baseShow, type BaseGroup, type BoardHost } from './base-board';

export const BASES_VIEW_TYPE = 'action-plan';

/** Registers the view; false when Bases is off in this vault or the app has no Bases. */
export function registerPlanBasesView(plugin: Plugin & BoardHost): boolean {
  if (requireApiVersion('1.10.0')) {
    class PlanBasesView extends BasesView {
      readonly type = BASES_VIEW_TYPE;
      private readonly board: BaseBoard;

      constructor(controller: QueryController, containerEl: HTMLElement) {
        super(controller);
        this.board = new BaseBoard(containerEl.createDiv(), plugin);
        this.register(this.board.follow());
      }

      onDataUpdated(): void {
        const groups: BaseGroup[] = this.data.groupedData.map((g) => ({
          label: g.hasKey() ? String(g.key) : null,
          paths: g.entries.map((e) => e.file.path),
        }));
        this.board.update(groups, baseShow(this.config.get('show')));
      }
    }
    return plugin.registerBasesView(BASES_VIEW_TYPE, {
      name: 'Action plan',
      icon: 'target',
      factory: (controller, containerEl) => new PlanBasesView(controller, containerEl),
      options: () => [{ type: 'dropdown', key: 'show', displayName: 'Show goals as', default: 'card', options: { ...BASE_SHOWS } }],
    });
  }
  return false;
}
