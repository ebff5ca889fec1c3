/**
 * The whole view's content: header, next actions and one card per shown goal. A refresh told
 * which goals changed re-renders only their cards, keeping the others as they are; after any
 * refresh the focus and the place on screen are what they were (keep-place.ts).
 */
import { NO_GOALS, WHAT_A_GOAL_IS } from '../engine/present/labels';
import type { GoalReport } from '../engine/types';
import { renderCard } from './card';
import type { RenderContext } from './context';
import { renderHeader } from './header';
import { rememberPlace, restorePlace } from './keep-place';
import { renderNextActions } from './next-actions';
import { selectGoals, type ViewPrefs } from './select';

export interface BoardSource {
  /** Every goal's report, or null while the index is being built. */
  reports(): GoalReport[] | null;
  /** The note open in the editor, for the "this note's goal" filter. */
  notePath(): string | null;
  /** How many next actions to list. */
  nextLimit(): number;
}

interface ShownCard {
  el: HTMLElement;
  report: GoalReport;
  /** The board's generation when it was drawn: a full refresh draws every card again. */
  generation: number;
  /** A stand-in of the card's height, drawn when it comes into sight. */
  waiting: boolean;
}

/** Work done in one go before the rest of the cards wait for the next turn, in ms. */
const SLICE_MS = 8;

/** Cards always drawn; past them, a card is drawn when it comes near the screen. */
export const EAGER_CARDS = 8;

export class Board {
  readonly root: HTMLElement;
  private readonly header: HTMLElement;
  private readonly status: HTMLElement;
  private readonly next: HTMLElement;
  private readonly list: HTMLElement;
  private readonly cards = new Map<string, ShownCard>();
  private generation = 0;
  /** The timer of the cards still to draw, when a refresh did not finish in one slice. */
  private rest: number | null = null;
  private waiting: (() => void)[] = [];
  /** Sees stand-ins come near the screen (none where the platform has no IntersectionObserver). */
  private readonly seen: IntersectionObserver | null;

  constructor(
    container: HTMLElement,
    private readonly ctx: RenderContext,
    private readonly prefs: ViewPrefs,
    private readonly source: BoardSource,
    private readonly sliceMs = SLICE_MS,
  ) {
    container.empty();
    this.root = container.createDiv({ cls: 'action-plan-view' });
    this.header = renderHeader(this.root, prefs, () => this.reorder());
    this.status = this.root.createDiv({ cls: 'action-plan-status' });
    this.next = this.root.createDiv({ cls: 'action-plan-next-holder' });
    this.list = this.root.createDiv({ cls: 'action-plan-cards' });
    this.seen = typeof IntersectionObserver === 'undefined' ? null : new IntersectionObserver((entries) => this.onSeen(entries), { rootMargin: '600px 0px' });
    this.refresh(null);
  }

  /**
   * Brings the view up to date; `changed` names the goals whose reports changed (null: all, as
   * when the day or a setting changed). The first cards are drawn at once, the rest in slices
   * that leave the interface responsive.
   */
  refresh(changed: ReadonlySet<string> | null): void {
    const place = rememberPlace(this.root);
    this.draw(changed);
    restorePlace(this.root, place);
  }

  /** The filter, search, sort or toggle changed: ticked rows take their places, all is drawn again. */
  private reorder(): void {
    this.ctx.tree.stay.clear();
    this.ctx.tree.stayNext.clear();
    this.refresh(null);
  }

  private draw(changed: ReadonlySet<string> | null): void {
    if (changed === null) this.generation++;
    this.cancelRest();
    this.ctx.search = this.prefs.search.trim().toLowerCase();
    this.ctx.openOnly = this.prefs.openOnly;
    this.ctx.disclosed = this.prefs.disclosed;
    const reports = this.source.reports();
    this.status.empty();
    this.next.empty();
    this.header.toggleClass('action-plan-hidden', reports === null || reports.length === 0);
    if (reports === null || reports.length === 0) {
      this.clearCards();
      if (reports === null) this.status.createDiv({ cls: 'action-plan-muted', text: 'Reading notes…' });
      else this.renderEmpty(this.status);
      return;
    }
    const shown = selectGoals(reports, this.prefs, this.source.notePath());
    renderNextActions(this.next, shown, this.ctx, this.source.nextLimit());
    if (shown.length === 0) this.status.createDiv({ cls: 'action-plan-empty-filter', text: this.hiddenLine(reports.length) });
    const keep = new Set(shown.map((r) => r.path));
    for (const [path, card] of this.cards) {
      if (keep.has(path)) continue;
      this.seen?.unobserve(card.el);
      card.el.remove();
      this.cards.delete(path);
    }
    this.place(shown, 0, changed ?? new Set());
  }

  /** The one line shown when goals exist but none passes the header's choices. */
  private hiddenLine(hidden: number): string {
    const goals = hidden === 1 ? '1 goal is' : `${hidden} goals are`;
    if (this.prefs.search.trim() !== '') return `No goal matches the search: ${goals} hidden.`;
    if (this.prefs.filter === 'note') return `The note open is not part of a goal: ${goals} hidden.`;
    return `No active goal: ${goals} hidden by the filter.`;
  }

  /** Draws and orders the cards from `from` on, for one slice; schedules the rest. */
  private place(shown: GoalReport[], from: number, changed: ReadonlySet<string>): void {
    const started = performance.now();
    for (let i = from; i < shown.length; i++) {
      const report = shown[i] as GoalReport;
      const old = this.cards.get(report.path);
      let el = old?.el;
      if (old === undefined || old.generation !== this.generation || changed.has(report.path) || old.report !== report) {
        if (this.seen !== null && i >= EAGER_CARDS && (old === undefined || old.waiting)) el = this.standIn(report, old?.el);
        else {
          el = this.renderCardEl(report, old?.el);
          this.cards.set(report.path, { el, report, generation: this.generation, waiting: false });
        }
      }
      if (el !== undefined && this.list.children[i] !== el) this.list.insertBefore(el, this.list.children[i] ?? null);
      if (i + 1 < shown.length && performance.now() - started > this.sliceMs) {
        this.rest = window.setTimeout(() => {
          this.rest = null;
          this.place(shown, i + 1, changed);
        }, 0);
        return;
      }
    }
    for (const resolve of this.waiting.splice(0)) resolve();
  }

  /** A stand-in for a card far down the list, drawn when it comes near the screen. */
  private standIn(report: GoalReport, old: HTMLElement | undefined): HTMLElement {
    let el = old;
    if (el === undefined || !el.hasClass('action-plan-placeholder')) {
      el = createDiv({ cls: 'action-plan-placeholder', attr: { 'data-path': report.path, 'aria-busy': 'true' } });
      this.seen?.observe(el);
    }
    this.cards.set(report.path, { el, report, generation: this.generation, waiting: true });
    return el;
  }

  private onSeen(entries: IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      const path = entry.target.getAttribute('data-path') ?? '';
      const card = this.cards.get(path);
      if (card === undefined || !card.waiting || card.el !== entry.target) continue;
      this.seen?.unobserve(card.el);
      const el = this.renderCardEl(card.report, card.el);
      this.cards.set(path, { el, report: card.report, generation: this.generation, waiting: false });
    }
  }

  /** Resolves once every card of the last refresh is drawn. */
  whenDrawn(): Promise<void> {
    if (this.rest === null) return Promise.resolve();
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private cancelRest(): void {
    if (this.rest === null) return;
    window.clearTimeout(this.rest);
    this.rest = null;
  }

  /** Stops drawing (the view closed). */
  dispose(): void {
    this.cancelRest();
    this.seen?.disconnect();
    for (const resolve of this.waiting.splice(0)) resolve();
  }

  /** A card built apart and put in the old one's place (the board gives the focus back). */
  private renderCardEl(report: GoalReport, old: HTMLElement | undefined): HTMLElement {
    const holder = createDiv();
    const el = renderCard(holder, report, this.ctx);
    old?.replaceWith(el);
    return el;
  }

  private clearCards(): void {
    for (const card of this.cards.values()) card.el.remove();
    this.cards.clear();
  }

  private renderEmpty(parent: HTMLElement): void {
    const empty = parent.createDiv({ cls: 'action-plan-empty' });
    empty.createEl('h4', { cls: 'action-plan-section-title', text: NO_GOALS });
    empty.createEl('p', { text: `${WHAT_A_GOAL_IS} Start one and this view shows how far along you are and what to do next.` });
    const button = empty.createEl('button', { cls: 'mod-cta action-plan-new-goal', text: 'New goal' });
    button.addEventListener('click', () => this.ctx.actions.newGoal());
  }
}
