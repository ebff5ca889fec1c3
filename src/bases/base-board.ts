/**
 * What the Bases view draws, from plain data the view reads off the base (its groups and their
 * notes' paths, in the base's order): each goal note as a card, a row or a timeline, each group under its
 * heading, and one line counting the entries that are not goals. Redrawn when the base's data
 * changes and when the index changes one of its notes.
 */
import { plural } from '../engine/present/labels';
import type { GoalReport } from '../engine/types';
import { renderCard } from '../view/card';
import type { RenderContext } from '../view/context';
import { newContext, REFRESH_DELAY, viewActions, type PlanViewHost } from '../view/plan-view';
import { RefreshTimer } from '../view/refresh';
import { renderGoalRow } from './goal-row';
import { Timeline } from '../view/timeline/timeline';
import { timelineSettings } from '../view/timeline/timeline-view';

export type BaseShow = 'card' | 'row' | 'timeline';

export const BASE_SHOWS: Readonly<Record<BaseShow, string>> = { card: 'Cards', row: 'Rows', timeline: 'Timelines' };

/** One group of the base: its key as text (null without grouping) and its entries' paths. */
export interface BaseGroup {
  label: string | null;
  paths: string[];
}

export type BoardHost = PlanViewHost & { app: Parameters<typeof viewActions>[0] };

export function baseShow(value: unknown): BaseShow {
  return typeof value === 'string' && value in BASE_SHOWS ? (value as BaseShow) : 'card';
}

export class BaseBoard {
  private groups: BaseGroup[] = [];
  private show: BaseShow = 'card';
  /** Whether the last drawing had the index to draw from. */
  private drawnReady = false;
  private readonly ctx: RenderContext;
  private readonly redraw = new RefreshTimer(() => this.render(), REFRESH_DELAY);

  constructor(
    private readonly el: HTMLElement,
    private readonly host: BoardHost,
  ) {
    el.addClass('action-plan-base');
    this.ctx = newContext(viewActions(host.app, host), host);
  }

  /** Follows the index; returns what stops it. */
  follow(): () => void {
    const stop = this.host.index.onChange((goals) => {
      // Drawn before the first index: any change may be the end of the build.
      if (!this.drawnReady || this.groups.some((g) => g.paths.some((p) => goals.has(p)))) this.redraw.request();
    });
    return () => {
      stop();
      this.redraw.cancel();
    };
  }

  /** The base's data changed: draw it now. */
  update(groups: BaseGroup[], show: BaseShow): void {
    this.groups = groups;
    this.show = show;
    this.render();
  }

  render(): void {
    const el = this.el;
    el.empty();
    el.setAttr('data-show', this.show);
    this.drawnReady = this.host.index.isReady();
    if (!this.drawnReady) {
      el.createDiv({ cls: 'action-plan-block-message', text: 'Reading your goals…' });
      return;
    }
    this.ctx.today = this.host.clock.today();
    this.ctx.showDone = this.host.settings.showDoneSteps;
    let goals = 0;
    let others = 0;
    for (const group of this.groups) {
      const reports = group.paths.map((p) => this.host.index.report(p, this.ctx.today)).filter((r): r is GoalReport => r !== null);
      goals += reports.length;
      others += group.paths.length - reports.length;
      if (reports.length > 0) this.renderGroup(group.label, reports);
    }
    if (goals === 0) this.renderEmpty(others);
    else if (others > 0) el.createDiv({ cls: 'action-plan-base-others', text: `${plural(others, 'note is', 'notes are')} not ${others === 1 ? 'a goal' : 'goals'}` });
  }

  private renderGroup(label: string | null, reports: GoalReport[]): void {
    const section = this.el.createDiv({ cls: 'action-plan-base-group' });
    if (label !== null) section.createDiv({ cls: 'action-plan-base-group-title', text: label, attr: { dir: 'auto' } });
    const list = section.createDiv({ cls: 'action-plan-base-list' });
    for (const r of reports) {
      if (this.show === 'row') renderGoalRow(list, r, this.ctx);
      else if (this.show === 'timeline') new Timeline(list.createDiv({ cls: 'action-plan-base-timeline' }), { app: this.host.app, actions: this.ctx.actions, settings: () => timelineSettings(this.host) }).render(r, this.ctx.today);
      else renderCard(list, r, this.ctx);
    }
  }

  private renderEmpty(notes: number): void {
    const box = this.el.createDiv({ cls: 'action-plan-base-empty' });
    const text = notes === 0 ? 'This base shows no notes.' : notes === 1 ? 'This note is not a goal.' : `None of these ${notes} notes is a goal.`;
    box.createDiv({ cls: 'action-plan-block-message', text });
    const button = box.createEl('button', { cls: 'mod-cta', text: 'New goal' });
    button.addEventListener('click', () => this.ctx.actions.newGoal());
  }
}
