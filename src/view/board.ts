/**
 * The whole view's content: header, next actions and one card per shown goal. A refresh told
 * which goals changed re-renders only their cards, keeping the others (and the scroll position,
 * the open branches and the focused row) as they are.
 */
import type { GoalReport } from '../engine/types';
import { renderCard } from './card';
import type { RenderContext } from './context';
import { renderHeader } from './header';
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
}

export class Board {
  readonly root: HTMLElement;
  private readonly status: HTMLElement;
  private readonly next: HTMLElement;
  private readonly list: HTMLElement;
  private readonly cards = new Map<string, ShownCard>();

  constructor(
    container: HTMLElement,
    private readonly ctx: RenderContext,
    private readonly prefs: ViewPrefs,
    private readonly source: BoardSource,
  ) {
    container.empty();
    this.root = container.createDiv({ cls: 'action-plan-view' });
    renderHeader(this.root, prefs, () => this.refresh(null));
    this.status = this.root.createDiv({ cls: 'action-plan-status' });
    this.next = this.root.createDiv({ cls: 'action-plan-next-holder' });
    this.list = this.root.createDiv({ cls: 'action-plan-cards' });
    this.refresh(null);
  }

  /** Brings the view up to date; `changed` names the goals whose reports changed (null: all). */
  refresh(changed: ReadonlySet<string> | null): void {
    const reports = this.source.reports();
    this.status.empty();
    this.next.empty();
    if (reports === null || reports.length === 0) {
      this.clearCards();
      if (reports === null) this.status.createDiv({ cls: 'action-plan-muted', text: 'Reading your goals…' });
      else this.renderEmpty(this.status);
      return;
    }
    const shown = selectGoals(reports, this.prefs, this.source.notePath());
    renderNextActions(this.next, shown, this.ctx, this.source.nextLimit());
    if (shown.length === 0) this.status.createDiv({ cls: 'action-plan-empty-filter', text: this.prefs.filter === 'note' ? 'The note open is not part of a goal.' : 'No goals match.' });
    const keep = new Set(shown.map((r) => r.path));
    for (const [path, card] of this.cards) {
      if (keep.has(path)) continue;
      card.el.remove();
      this.cards.delete(path);
    }
    shown.forEach((report, i) => {
      const old = this.cards.get(report.path);
      let el = old?.el;
      if (old === undefined || changed === null || changed.has(report.path) || old.report !== report) {
        el = this.renderCardEl(report, old?.el);
        this.cards.set(report.path, { el, report });
      }
      if (el !== undefined && this.list.children[i] !== el) this.list.insertBefore(el, this.list.children[i] ?? null);
    });
  }

  /** A card built apart and put in the old one's place; the focused tree row keeps the focus. */
  private renderCardEl(report: GoalReport, old: HTMLElement | undefined): HTMLElement {
    const holder = createDiv();
    const el = renderCard(holder, report, this.ctx);
    if (old === undefined) return el;
    const focused = old.contains(document.activeElement) ? document.activeElement : null;
    const focusId = focused instanceof HTMLElement ? focused.getAttribute('data-id') : null;
    old.replaceWith(el);
    if (focusId !== null) {
      const again = Array.from(el.querySelectorAll<HTMLElement>('[role="treeitem"]')).find((n) => n.getAttribute('data-id') === focusId);
      if (again !== undefined) {
        for (const n of Array.from(el.querySelectorAll<HTMLElement>('[role="treeitem"][tabindex="0"]'))) n.tabIndex = -1;
        again.tabIndex = 0;
        again.focus();
      }
    }
    return el;
  }

  private clearCards(): void {
    for (const card of this.cards.values()) card.el.remove();
    this.cards.clear();
  }

  private renderEmpty(parent: HTMLElement): void {
    const empty = parent.createDiv({ cls: 'action-plan-empty' });
    empty.createEl('h4', { cls: 'action-plan-section-title', text: 'No goals yet' });
    empty.createEl('p', {
      text: 'A goal note is a note with "type: goal" in its frontmatter, and a start and a target date. Its headings become the phases of your plan and its tasks the steps, each with a due date.',
    });
    const button = empty.createEl('button', { cls: 'mod-cta action-plan-new-goal', text: 'Create a goal note' });
    button.addEventListener('click', () => this.ctx.actions.newGoal());
  }
}
