/**
 * The sidebar view's shell: an `ItemView` that hands the index's reports to the board and
 * refreshes, debounced, only the goals the index says changed.
 */
import { ItemView, TFile, type WorkspaceLeaf } from 'obsidian';
import type { Clock } from '../obsidian/clock';
import { readBackFromEditor } from '../obsidian/follow-typing';
import type { LiveIndex } from '../obsidian/live-index';
import type { ActionPlanSettings } from '../settings/settings';
import { Board } from './board';
import { newTreeState, type RenderContext, type ViewActions } from './context';
import { startNewGoal } from './new-goal';
import { RefreshTimer } from './refresh';
import type { ViewPrefs } from './select';
import { toggleStepFromView } from './toggle-step';

export const VIEW_TYPE_PLAN = 'action-plan-view';

/** What the view needs from the plugin. */
export interface PlanViewHost {
  index: LiveIndex;
  /** "Today" for the plugin. */
  clock: Clock;
  manifest: { id: string };
  settings: ActionPlanSettings;
  /** The header's choices, kept on the plugin so they outlive the view while Obsidian runs. */
  viewPrefs: ViewPrefs;
  /** Opens a goal's timeline in a tab of the main area. */
  openTimeline?(path: string): Promise<void>;
}

/** The least time between two refreshes of the view while changes keep coming, in ms. */
export const REFRESH_DELAY = 150;

/**
 * The actions of the view and of the code block: open a note at a line, tick a step, start a
 * goal. A tick written through a note's open editor is read back from it at once.
 */
export function viewActions(app: ItemView['app'], host: Pick<PlanViewHost, 'clock' | 'settings' | 'manifest' | 'index' | 'openTimeline'>): ViewActions {
  const timeline = host.openTimeline?.bind(host);
  return {
    open: (path, line) => {
      const file = app.vault.getFileByPath(path);
      if (file instanceof TFile) void app.workspace.getLeaf(false).openFile(file, { eState: { line } });
    },
    toggle: (node) => {
      const s = host.settings;
      return toggleStepFromView(app, node, { today: host.clock.today(), recordDone: s.recordDoneDate, format: s.dateFormat }).then(
        (result) => {
          if (result.ok) readBackFromEditor(app, host.index, node.path);
          return result.ok;
        },
        () => false,
      );
    },
    newGoal: () => startNewGoal(app, host.manifest.id),
    ...(timeline === undefined ? {} : { timeline: (path: string) => void timeline(path) }),
  };
}

/** A render context for the view or a code block, sharing the cards' disclosures of the plugin. */
export function newContext(actions: ViewActions, host: Pick<PlanViewHost, 'clock' | 'settings' | 'viewPrefs'>): RenderContext {
  const s = host.settings;
  return { actions, today: host.clock.today(), tree: newTreeState(), showDone: s.showDoneSteps, openOnly: false, helpTag: s.helpTag, search: '', disclosed: host.viewPrefs.disclosed };
}

export class PlanView extends ItemView {
  private board: Board | null = null;
  private readonly changed = new Set<string>();
  private everything = false;
  private readonly ctx: RenderContext;

  constructor(
    leaf: WorkspaceLeaf,
    private readonly host: PlanViewHost,
  ) {
    super(leaf);
    this.ctx = newContext(viewActions(this.app, host), host);
  }

  getViewType(): string {
    return VIEW_TYPE_PLAN;
  }

  getDisplayText(): string {
    return 'Action plan';
  }

  override getIcon(): string {
    return 'target';
  }

  protected override onOpen(): Promise<void> {
    const timer = new RefreshTimer(() => this.flush(), REFRESH_DELAY);
    const flush = (): void => timer.request();
    const unsubscribe = this.host.index.onChange((goals) => {
      for (const g of goals) this.changed.add(g);
      flush();
    });
    this.register(() => {
      unsubscribe();
      timer.cancel();
    });
    this.registerEvent(
      this.app.workspace.on('file-open', () => {
        if (this.host.viewPrefs.filter !== 'note') return;
        this.everything = true;
        flush();
      }),
    );
    this.contentEl.addClass('action-plan-content');
    this.board = new Board(this.contentEl, this.ctx, this.host.viewPrefs, {
      reports: () => (this.host.index.isReady() ? this.host.index.reports(this.ctx.today) : null),
      notePath: () => this.app.workspace.getActiveFile()?.path ?? null,
      nextLimit: () => this.host.settings.nextActionsCount,
    });
    return Promise.resolve();
  }

  /** The branches opened or closed by hand, by node id (the timeline starts from them). */
  branches(): ReadonlyMap<string, boolean> {
    return this.ctx.tree.expanded;
  }

  /** Resolves once the cards of the last refresh are all drawn. */
  whenDrawn(): Promise<void> {
    return this.board?.whenDrawn() ?? Promise.resolve();
  }

  protected override onClose(): Promise<void> {
    this.board?.dispose();
    this.board = null;
    return Promise.resolve();
  }

  /** Renders what changed since the last render; a new day or a new setting renders everything. */
  private flush(): void {
    if (this.board === null) return;
    const today = this.host.clock.today();
    const showDone = this.host.settings.showDoneSteps;
    const all = this.everything || today !== this.ctx.today || showDone !== this.ctx.showDone;
    this.ctx.today = today;
    this.ctx.showDone = showDone;
    this.ctx.helpTag = this.host.settings.helpTag;
    const changed = all ? null : new Set(this.changed);
    this.changed.clear();
    this.everything = false;
    this.board.refresh(changed);
  }
}
