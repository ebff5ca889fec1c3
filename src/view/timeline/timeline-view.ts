/**
 * The timeline's tab in the main area (SPEC 4.3): an `ItemView` per goal whose path is kept in
 * the view's state (so the workspace restores it) and follows the note's renames. It draws the
 * goal's timeline from the index and again, debounced, whenever the index says the goal changed
 * (at once when that is the timeline's own move being confirmed: the cool-down is for typing);
 * a goal that is gone leaves a message.
 */
import { ItemView, type TAbstractFile, type WorkspaceLeaf } from 'obsidian';
import { readBackFromEditor } from '../../obsidian/follow-typing';
import { PlanView, REFRESH_DELAY, VIEW_TYPE_PLAN, viewActions, type PlanViewHost } from '../plan-view';
import { RefreshTimer } from '../refresh';
import { Timeline, type TimelineSettings } from './timeline';

export const VIEW_TYPE_TIMELINE = 'action-plan-timeline';

export function timelineSettings(host: Pick<PlanViewHost, 'settings'>): TimelineSettings {
  const s = host.settings;
  return { dateFormat: s.dateFormat, weekStart: s.weekStart, workingDays: s.workingDays, helpTag: s.helpTag };
}

export class TimelineView extends ItemView {
  /** The goal note shown; null until the state names it. */
  goalPath: string | null = null;
  private timeline: Timeline | null = null;
  private readonly timer = new RefreshTimer(() => this.draw(), REFRESH_DELAY);

  constructor(
    leaf: WorkspaceLeaf,
    private readonly host: PlanViewHost,
  ) {
    super(leaf);
  }

  getViewType(): string {
    return VIEW_TYPE_TIMELINE;
  }

  getDisplayText(): string {
    const report = this.goalPath === null ? null : this.host.index.report(this.goalPath);
    return `Timeline: ${report?.title ?? this.goalPath?.replace(/^.*\//, '').replace(/\.md$/, '') ?? 'no goal'}`;
  }

  override getIcon(): string {
    return 'gantt-chart';
  }

  override getState(): Record<string, unknown> {
    return this.goalPath === null ? {} : { path: this.goalPath };
  }

  override async setState(state: unknown, result: { history: boolean }): Promise<void> {
    const path = (state as { path?: unknown } | null)?.path;
    if (typeof path === 'string' && path !== this.goalPath) {
      this.goalPath = path;
      this.timeline = null;
      this.draw();
    }
    await super.setState(state, result);
  }

  protected override onOpen(): Promise<void> {
    this.contentEl.addClass('action-plan-timeline-content');
    const stop = this.host.index.onChange((goals) => {
      if (this.goalPath !== null && !goals.has(this.goalPath)) return;
      if (this.timeline?.moving !== true) return this.timer.request();
      this.timer.cancel();
      this.draw();
    });
    this.register(() => {
      stop();
      this.timer.cancel();
    });
    this.registerEvent(
      this.app.vault.on('rename', (file: TAbstractFile, oldPath: string) => {
        if (oldPath !== this.goalPath) return;
        this.goalPath = file.path;
        this.app.workspace.requestSaveLayout();
        this.timer.request();
      }),
    );
    this.draw();
    return Promise.resolve();
  }

  /** The branches the person opened or closed in the sidebar: the tab starts from them. */
  private sidebarBranches(): ReadonlyMap<string, boolean> {
    const view = this.app.workspace.getLeavesOfType(VIEW_TYPE_PLAN)[0]?.view;
    return view instanceof PlanView ? view.branches() : new Map();
  }

  /** Draws the goal's timeline, or says why there is none. */
  draw(): void {
    const el = this.contentEl;
    const today = this.host.clock.today();
    const report = this.goalPath === null || !this.host.index.isReady() ? null : this.host.index.report(this.goalPath, today);
    if (report === null) {
      this.timeline = null;
      el.empty();
      const text = !this.host.index.isReady() ? 'Reading notes…' : this.goalPath === null ? 'No goal chosen.' : `The goal ${this.goalPath} is gone: the note was deleted or is no longer a goal.`;
      el.createDiv({ cls: 'action-plan-block-message', text });
      return;
    }
    const actions = viewActions(this.app, this.host);
    const written = (path: string): void => readBackFromEditor(this.app, this.host.index, path);
    this.timeline ??= new Timeline(el, { app: this.app, actions, settings: () => timelineSettings(this.host), written }, this.sidebarBranches());
    this.timeline.render(report, today);
  }
}
