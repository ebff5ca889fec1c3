/** @jest-environment jsdom */
/**
 * The timeline drawn in jsdom from the demo vault's reports (SPEC 4.1, 4.3): a bar for every
 * step with something to draw, with the engine's dates and states; arrows between the steps of
 * each kept dependency; the checkpoints as diamonds; zoom and folding; the keys of a bar.
 */
import { run } from '../../src/cli/main';
import type { GoalJson, NodeJson, ReportJson } from '../../src/engine/report/json-report';
import { Timeline, type TimelineHost } from '../../src/view/timeline/timeline';
import { installDomHelpers } from '../host';
import { container, demoGoal, recording, ROOT, TODAY } from './helpers';
import { day } from '../engine/helpers';

installDomHelpers();

function json(): ReportJson {
  let out = '';
  expect(run(['report', `${ROOT}/demo-vault`, '--today', TODAY, '--json'], { out: (t) => (out += t), err: (t) => (out += t), color: false })).toBe(0);
  return JSON.parse(out) as ReportJson;
}

function steps(node: NodeJson): NodeJson[] {
  return [...(node.kind === 'step' ? [node] : []), ...node.children.flatMap(steps)];
}

function draw(title: string): { el: HTMLElement; rec: ReturnType<typeof recording>; timeline: Timeline } {
  const rec = recording();
  const host: TimelineHost = { app: null as unknown as TimelineHost['app'], actions: rec.ctx.actions, settings: () => ({ dateFormat: 'tasks', weekStart: 1, workingDays: [1, 2, 3, 4, 5], helpTag: '#help' }) };
  const el = container();
  const timeline = new Timeline(el, host);
  timeline.render(demoGoal(title), day(TODAY));
  return { el, rec, timeline };
}

const report = json();
const goal = (title: string): GoalJson => report.goals.find((g) => g.title === title) as GoalJson;

describe('the timeline of a goal', () => {
  const title = 'Publish my first novel';

  it('has a row with its checkbox for every step, and a bar with the schedule for every open step without a due date', () => {
    const { el } = draw(title);
    const all = steps(goal(title).tree);
    const rows = Array.from(el.querySelectorAll<HTMLElement>('.action-plan-timeline-name.action-plan-step'));
    expect(rows.map((r) => `${r.dataset.path}:${r.dataset.line}:${r.dataset.status}`)).toEqual(all.map((s) => `${s.path}:${s.line}:${s.status}`));
    expect(rows.every((r) => r.querySelector('input[type="checkbox"]') !== null)).toBe(true);
    const bars = new Map(Array.from(el.querySelectorAll<HTMLElement>('.action-plan-bar')).map((b) => [`${b.dataset.path}:${b.dataset.line}`, b]));
    for (const s of all) {
      const b = bars.get(`${s.path}:${s.line}`);
      if (s.earlyStart !== null && s.due === null) {
        expect([b?.dataset.start, b?.dataset.end, b?.dataset.estimated]).toEqual([s.earlyStart, s.earlyFinish, 'true']);
      }
      if (s.due !== null) expect(b?.dataset.end).toBe(s.due);
      if (b !== undefined) {
        expect(b.dataset.critical).toBe(String(s.critical));
        expect(b.dataset.blocked).toBe(String(s.blocked));
        expect(b.getAttribute('tabindex')).toBe('0');
        // Named by what its row shows: the text without link syntax or the help tag.
        const shown = el.querySelector(`.action-plan-timeline-name.action-plan-step[data-path="${s.path}"][data-line="${s.line}"] .action-plan-node-text`)?.textContent ?? '';
        expect(b.getAttribute('aria-label')?.startsWith(shown)).toBe(true);
        expect(b.getAttribute('aria-label')).not.toMatch(/\[\[|#help/);
      }
    }
    expect(el.querySelectorAll('.action-plan-bar[data-critical="true"]').length).toBeGreaterThan(0);
    expect(el.querySelectorAll('.action-plan-bar[data-blocked="true"]').length).toBeGreaterThan(0);
  });

  it('draws an arrow for each dependency, the checkpoints as diamonds, and its range on the root', () => {
    const { el } = draw(title);
    const g = goal(title);
    const all = steps(g.tree);
    const byId = new Map(all.filter((s) => s.id !== null).map((s) => [s.id, s]));
    const expected = all.flatMap((s) => s.dependsOn.map((id) => `${byId.get(id)?.path}:${byId.get(id)?.line}>${s.path}:${s.line}`));
    const arrows = Array.from(el.querySelectorAll('.action-plan-arrow')).map((a) => `${a.getAttribute('data-from')}>${a.getAttribute('data-to')}`);
    expect(arrows.sort()).toEqual(expected.sort());
    expect(Array.from(el.querySelectorAll<HTMLElement>('.action-plan-milestone')).map((m) => `${m.dataset.date} ${m.dataset.state}`)).toEqual(g.checkpoints.map((c) => `${c.date} ${c.state}`));
    const root = el.querySelector<HTMLElement>('.action-plan-timeline');
    expect([root?.dataset.path, root?.dataset.from, root?.dataset.to, root?.dataset.zoom]).toEqual([g.path, '2026-08-25', '2027-07-07', 'months']);
    // Today is a line through the middle of its day, the target one at the end of its day (6 px a day by month).
    const x = (cls: string): string | null | undefined => el.querySelector(`.action-plan-timeline-layer .${cls}`)?.getAttribute('x1');
    expect([x('action-plan-timeline-today'), x('action-plan-timeline-target')]).toEqual([String((day(TODAY) - day('2026-08-25')) * 6 + 3), String((day('2027-06-30') + 1 - day('2026-08-25')) * 6)]);
  });

  it('zooms, folds a branch, and keeps both across a redraw', () => {
    const { el, timeline } = draw(title);
    el.querySelector<HTMLButtonElement>('.action-plan-timeline-zoom button[data-zoom="weeks"]')?.click();
    expect(el.querySelector('.action-plan-timeline')?.getAttribute('data-zoom')).toBe('weeks');
    const before = el.querySelectorAll('.action-plan-timeline-name').length;
    const draft = Array.from(el.querySelectorAll<HTMLElement>('.action-plan-timeline-name')).find((n) => n.getAttribute('aria-label') === 'Draft');
    expect(draft?.getAttribute('aria-expanded')).toBe('true');
    draft?.querySelector<HTMLButtonElement>('.action-plan-twisty')?.click();
    const folded = el.querySelectorAll('.action-plan-timeline-name').length;
    expect(folded).toBeLessThan(before);
    timeline.render(demoGoal(title), day(TODAY));
    expect(el.querySelectorAll('.action-plan-timeline-name').length).toBe(folded);
    expect(el.querySelector('.action-plan-timeline')?.getAttribute('data-zoom')).toBe('weeks');
    // The arrows of folded steps start at the folded branch's row: none is lost.
    expect(el.querySelectorAll('.action-plan-arrow').length).toBe(3);
  });

  it('Enter on a bar opens its note at its line; the checkbox ticks its step', () => {
    const { el, rec } = draw(title);
    const b = el.querySelector<HTMLElement>('.action-plan-bar[data-blocked="true"]');
    b?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(rec.opened).toEqual([[b?.dataset.path, Number(b?.dataset.line)]]);
    el.querySelector<HTMLInputElement>('.action-plan-timeline-name.action-plan-step input')?.click();
    expect(rec.toggled.map((n) => n.text)).toEqual(['Decide on point of view and tense']);
  });

  it("shows the name of a linked note whose plan a step brings in apart from the step's text, muted, in its row and its details", () => {
    const { el } = draw(title);
    const row = (text: string): HTMLElement | undefined => Array.from(el.querySelectorAll<HTMLElement>('.action-plan-timeline-name.action-plan-step')).find((r) => r.querySelector('.action-plan-node-text')?.textContent === text);
    const sunday = row('Sunday writing review');
    expect(sunday?.querySelector('.action-plan-timeline-link')?.textContent).toBe('Weekly review');
    expect(sunday?.closest('.action-plan-timeline-name')?.getAttribute('aria-label')).toBe('Sunday writing review (plan in Weekly review)');
    const beta = row('Find two beta readers');
    expect(beta?.querySelector('.action-plan-timeline-link')?.textContent).toBe('Find beta readers');
    // The details on focus: the text, the note apart, the dates and the schedule.
    const bar = el.querySelector<HTMLElement>(`.action-plan-bar[data-line="${beta?.dataset.line ?? ''}"]`);
    bar?.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    const details = el.querySelector('.action-plan-timeline-details');
    expect(Array.from(details?.children ?? []).map((c) => [c.className, c.textContent])).toEqual([
      ['action-plan-timeline-details-text', 'Find two beta readers'],
      ['action-plan-timeline-link', 'Find beta readers'],
      ['action-plan-timeline-details-text', ' · 2026-11-25 to 2027-01-15'],
    ]);
    // A leaf's details on hover add its early start, early finish and slack.
    el.querySelector('.action-plan-bar[data-line="59"]')?.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    expect(details?.textContent).toBe('Read the whole draft on paper and mark it up · 2027-01-05 to 2027-01-20, blocked · Can start 2027-01-05, finish 2027-01-11 at the earliest; slack 7 working days');
    // A step whose link brings no plan in reads its link as its text, inline.
    expect(el.textContent).not.toContain('[[');
  });

  it('a goal that is not active shows no red and no critical marks', () => {
    const { el } = draw('Change careers to UX design');
    expect(el.querySelector('.action-plan-timeline')?.getAttribute('data-active')).toBe('false');
    expect(el.querySelectorAll('.action-plan-bar[data-critical="true"], .action-plan-bar[data-overdue="true"], .action-plan-bar[data-estimated="true"]').length).toBe(0);
  });
});
