/** @jest-environment jsdom */
/** The whole view's content: header, next actions, cards, the empty state, and refreshes that touch only what changed. */
import type { GoalReport } from '../../src/engine/types';
import { Board, type BoardSource } from '../../src/view/board';
import { SEARCH_COOL_DOWN } from '../../src/view/header';
import { defaultPrefs, type ViewPrefs } from '../../src/view/select';
import { installDomHelpers } from '../host';
import { container, demoReports, recording } from './helpers';

installDomHelpers();

function board(reports: GoalReport[] | null, prefs: ViewPrefs = defaultPrefs(), notePath: string | null = null): { board: Board; source: { reports: GoalReport[] | null }; rec: ReturnType<typeof recording>; prefs: ViewPrefs } {
  const rec = recording();
  const source = { reports };
  const src: BoardSource = { reports: () => source.reports, notePath: () => notePath, nextLimit: () => 5 };
  return { board: new Board(container(), rec.ctx, prefs, src, Infinity), source, rec, prefs };
}

const titles = (b: Board): (string | null)[] => Array.from(b.root.querySelectorAll('.action-plan-card .action-plan-card-title')).map((e) => e.textContent);

function choose(b: Board, cls: string, value: string): void {
  const select = b.root.querySelector<HTMLSelectElement>(cls);
  if (!select) throw new Error(`no ${cls}`);
  select.value = value;
  select.dispatchEvent(new Event('change'));
}

describe('the board', () => {
  it('shows the active goals by target date, with their next actions overdue first', () => {
    const { board: b, rec } = board(demoReports());
    expect(titles(b)).toEqual(['Run three times a week', 'Publish my first novel', 'Learn Spanish']);
    const next = Array.from(b.root.querySelectorAll<HTMLElement>('.action-plan-next'));
    expect(next.map((n) => [n.querySelector('.action-plan-next-text')?.textContent, n.querySelector('.action-plan-due')?.getAttribute('data-due')])).toEqual([
      ['Pick one and outline it scene by scene', 'overdue'],
      ['Ask the parkrun group about a Tuesday evening run', 'soon'],
      ['Book a trial lesson with a tutor', 'later'],
    ]);
    const reports = demoReports();
    for (const n of next) {
      const goal = reports.find((r) => r.title === n.querySelector('.action-plan-next-goal')?.textContent);
      expect([n.dataset.path, n.dataset.line]).toEqual([goal?.nextAction?.path, String(goal?.nextAction?.line)]);
    }
    next[0]?.querySelector<HTMLElement>('.action-plan-next-open')?.click();
    expect(rec.opened).toEqual([[next[0]?.dataset.path, Number(next[0]?.dataset.line)]]);
  });

  it('filters: all goals, and the goal of the note open (any note its tree reads)', () => {
    const all = board(demoReports());
    choose(all.board, '.action-plan-filter', 'all');
    expect(all.prefs.filter).toBe('all');
    expect(titles(all.board)).toEqual(['Run three times a week', 'Change careers to UX design', 'Publish my first novel', 'Learn Spanish']);
    const note = board(demoReports(), { ...defaultPrefs(), filter: 'note' }, 'Goals/Publish my first novel/Outline chapters.md');
    expect(titles(note.board)).toEqual(['Publish my first novel']);
    const none = board(demoReports(), { ...defaultPrefs(), filter: 'note' }, 'Reading list.md');
    expect(titles(none.board)).toEqual([]);
    expect(none.board.root.querySelector('.action-plan-empty-filter')?.textContent).toBe('The note open is not part of a goal: 4 goals are hidden.');
  });

  it('sorts by health, progress and name', () => {
    const { board: b } = board(demoReports(), { ...defaultPrefs(), filter: 'all' });
    choose(b, '.action-plan-sort', 'health');
    // At risk, on track, ahead, then staying put (SPEC 4).
    expect(titles(b)).toEqual(['Publish my first novel', 'Run three times a week', 'Learn Spanish', 'Change careers to UX design']);
    choose(b, '.action-plan-sort', 'progress');
    expect(titles(b)).toEqual(['Learn Spanish', 'Publish my first novel', 'Run three times a week', 'Change careers to UX design']);
    choose(b, '.action-plan-sort', 'name');
    expect(titles(b)).toEqual(['Change careers to UX design', 'Learn Spanish', 'Publish my first novel', 'Run three times a week']);
  });

  it('searches goal titles and step texts', () => {
    jest.useFakeTimers();
    try {
      const { board: b, prefs } = board(demoReports());
      const search = b.root.querySelector<HTMLInputElement>('.action-plan-search');
      if (!search) throw new Error('no search');
      search.value = 'PARKRUN';
      search.dispatchEvent(new Event('input'));
      expect(titles(b)).toHaveLength(3);
      // A query typed after a quiet time (or pasted) searches at once, on the next turn.
      jest.advanceTimersByTime(0);
      expect(prefs.search).toBe('PARKRUN');
      expect(titles(b)).toEqual(['Run three times a week']);
      // While typing goes on, at most once per cool-down, with the latest text.
      search.value = 'nothing like';
      search.dispatchEvent(new Event('input'));
      search.value = 'nothing like this';
      search.dispatchEvent(new Event('input'));
      jest.advanceTimersByTime(0);
      expect(titles(b)).toEqual(['Run three times a week']);
      jest.advanceTimersByTime(SEARCH_COOL_DOWN);
      expect(prefs.search).toBe('nothing like this');
      expect(titles(b)).toEqual([]);
      expect(b.root.querySelector('.action-plan-empty-filter')?.textContent).toBe('No goal matches the search: 4 goals are hidden.');
    } finally {
      jest.useRealTimers();
    }
  });

  it('keeps the choices it was given', () => {
    const prefs: ViewPrefs = { ...defaultPrefs(), filter: 'all', sort: 'name', search: 'novel' };
    const { board: b } = board(demoReports(), prefs);
    expect(b.root.querySelector<HTMLSelectElement>('.action-plan-filter')?.value).toBe('all');
    expect(b.root.querySelector<HTMLSelectElement>('.action-plan-sort')?.value).toBe('name');
    expect(b.root.querySelector<HTMLInputElement>('.action-plan-search')?.value).toBe('novel');
    expect(titles(b)).toEqual(['Publish my first novel']);
  });

  it('explains a goal note when there is none, with a button that starts one', () => {
    const { board: b, rec } = board([]);
    const empty = b.root.querySelector('.action-plan-empty');
    expect(empty?.querySelector('p')?.textContent).toMatch(/^A goal is a note with a target date/);
    expect(empty?.textContent).not.toContain('frontmatter');
    // No controls for nothing: the header is hidden, the one button is New goal.
    expect(b.root.querySelector('.action-plan-header')?.classList.contains('action-plan-hidden')).toBe(true);
    expect(Array.from(b.root.querySelectorAll('button')).map((e) => e.textContent)).toEqual(['New goal']);
    b.root.querySelector<HTMLElement>('.action-plan-empty button')?.click();
    expect(rec.newGoals).toBe(1);
  });

  it('says it is reading while the index is built', () => {
    const { board: b, source } = board(null);
    expect(b.root.querySelector('.action-plan-status')?.textContent).toBe('Reading notes…');
    source.reports = demoReports();
    b.refresh(null);
    expect(b.root.querySelector('.action-plan-status')?.textContent).toBe('');
    expect(titles(b)).toHaveLength(3);
  });

  it('draws the first cards at once and the rest in later slices', async () => {
    const rec = recording();
    const reports = demoReports();
    const b = new Board(container(), rec.ctx, { ...defaultPrefs(), filter: 'all' }, { reports: () => reports, notePath: () => null, nextLimit: () => 5 }, 0);
    expect(titles(b)).toHaveLength(1);
    await b.whenDrawn();
    expect(titles(b)).toEqual(['Run three times a week', 'Change careers to UX design', 'Publish my first novel', 'Learn Spanish']);
    // A refresh meanwhile starts over; nothing is drawn twice or left out.
    b.refresh(null);
    b.refresh(null);
    await b.whenDrawn();
    expect(titles(b)).toHaveLength(4);
    expect(b.root.querySelectorAll('.action-plan-card')).toHaveLength(4);
  });

  it('gives the focus to the next action that takes the place of the one focused when the goal has another, in the list and in the card', () => {
    const reports = demoReports();
    const { board: b, source } = board(reports);
    const first = b.root.querySelector<HTMLElement>('.action-plan-next') as HTMLElement;
    const goal = reports.find((r) => r.path === first.dataset.goal) as GoalReport;
    const step = goal.overdue.find((s) => s.line !== goal.nextAction?.line || s.path !== goal.nextAction.path) as GoalReport['overdue'][number];
    const card = (): HTMLElement => b.root.querySelector<HTMLElement>(`.action-plan-card[data-path="${goal.path}"]`) as HTMLElement;
    const next = { ...goal, nextAction: step };
    for (const [where, box] of [
      ['list', () => b.root.querySelector<HTMLElement>('.action-plan-next input')],
      ['card', () => card().querySelector<HTMLElement>('.action-plan-card-next input')],
    ] as const) {
      source.reports = reports;
      b.refresh(null);
      box()?.focus();
      expect([where, document.activeElement?.closest('[data-line]')?.getAttribute('data-line')]).toEqual([where, String(goal.nextAction?.line)]);
      // The note confirms the tick: the goal's next action is another step now.
      source.reports = reports.map((r) => (r === goal ? next : r));
      b.refresh(new Set([goal.path]));
      expect([where, document.activeElement === box(), document.activeElement?.closest('[data-line]')?.getAttribute('data-line')]).toEqual([where, true, String(step.line)]);
    }
  });

  it('re-renders only the cards of the goals that changed, in place, keeping the focused row', () => {
    const reports = demoReports();
    const { board: b, source } = board(reports);
    const before = Array.from(b.root.querySelectorAll<HTMLElement>('.action-plan-card'));
    const novel = before.find((c) => c.dataset.path === 'Goals/Publish my first novel.md') as HTMLElement;
    novel.querySelector<HTMLElement>('.action-plan-disclosure[data-disclosure="plan"]')?.click();
    const row = novel.querySelector<HTMLElement>('[role="treeitem"]');
    row?.focus();
    // The index hands over the same report objects for goals that did not change.
    source.reports = reports.map((r) => (r.path === novel.dataset.path ? { ...r, progress: { done: 15, total: 43, percent: 35 } } : r));
    b.refresh(new Set([novel.dataset.path ?? '']));
    const after = Array.from(b.root.querySelectorAll<HTMLElement>('.action-plan-card'));
    expect(after).toHaveLength(3);
    for (const [i, card] of after.entries()) {
      if (card.dataset.path === novel.dataset.path) {
        expect(card).not.toBe(before[i]);
        expect(card.dataset.percent).toBe('35');
      } else expect(card).toBe(before[i]);
    }
    expect(novel.isConnected).toBe(false);
    expect((document.activeElement as HTMLElement).getAttribute('data-id')).toBe(row?.getAttribute('data-id'));
    expect(document.activeElement?.closest('.action-plan-card')).toBe(after.find((c) => c.dataset.path === novel.dataset.path));
  });
});
