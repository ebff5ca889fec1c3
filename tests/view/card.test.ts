/** @jest-environment jsdom */
/** A goal's card: every element of SPEC 4 and the data-* attributes of 4.1, from the engine's report. */
import { renderCard } from '../../src/view/card';
import { installDomHelpers } from '../host';
import { presentGoal } from '../../src/engine/present/present';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadVault } from '../../src/cli/load';
import type { GoalReport } from '../../src/engine/types';
import { day } from '../engine/helpers';
import { container, demoGoal, demoReports, recording, TODAY } from './helpers';

installDomHelpers();

/** Opens a card's disclosure as a click does. */
function disclose(card: HTMLElement, which: 'plan' | 'details'): HTMLElement {
  card.querySelector<HTMLElement>(`.action-plan-disclosure[data-disclosure="${which}"]`)?.click();
  return card.querySelector<HTMLElement>(`.action-plan-disclosed.action-plan-${which}`) as HTMLElement;
}

function detailsOf(title: string, rec = recording()): HTMLElement {
  const card = renderCard(container(), demoGoal(title), rec.ctx);
  disclose(card, 'details');
  return card;
}

describe('a goal card', () => {
  it('exposes the goal and its numbers as data attributes (SPEC 4.1)', () => {
    for (const report of demoReports()) {
      const card = renderCard(container(), report, recording().ctx);
      expect(card.classList.contains('action-plan-card')).toBe(true);
      expect(card.dataset).toMatchObject({
        path: report.path,
        health: report.health,
        percent: String(report.progress.percent),
        done: String(report.progress.done),
        total: String(report.progress.total),
        expected: report.expectedPercent === null ? '' : String(Math.round(report.expectedPercent * 10) / 10),
        overdue: String(report.status === 'active' ? report.overdue.length : 0),
      });
    }
  });

  it('is compact by default: no tree and no chart until Plan or Details is opened, each remembered per goal', () => {
    const rec = recording();
    const report = demoGoal('Publish my first novel');
    let card = renderCard(container(), report, rec.ctx);
    expect(card.querySelector('.action-plan-tree')).toBeNull();
    expect(card.querySelector('.action-plan-burnup')).toBeNull();
    const plan = card.querySelector<HTMLElement>('.action-plan-disclosure[data-disclosure="plan"]');
    expect(plan?.getAttribute('aria-expanded')).toBe('false');
    disclose(card, 'plan');
    expect(plan?.getAttribute('aria-expanded')).toBe('true');
    expect(card.querySelector('.action-plan-tree')).not.toBeNull();
    expect(rec.ctx.disclosed.get(report.path)).toEqual(new Set(['plan']));
    // Drawn again (a refresh, a code block sharing the state): still open; another goal's card is not.
    card = renderCard(container(), report, rec.ctx);
    expect(card.querySelector('.action-plan-tree')).not.toBeNull();
    expect(card.querySelector('.action-plan-burnup')).toBeNull();
    expect(renderCard(container(), demoGoal('Learn Spanish'), rec.ctx).querySelector('.action-plan-tree')).toBeNull();
    disclose(card, 'plan');
    expect(card.querySelector('.action-plan-tree')).toBeNull();
  });

  it('shows the next action with its checkbox; ticking it ticks the step', () => {
    const rec = recording();
    const report = demoGoal('Learn Spanish');
    const card = renderCard(container(), report, rec.ctx);
    const next = card.querySelector<HTMLElement>('.action-plan-card-next');
    expect(next?.dataset.line).toBe(String(report.nextAction?.line));
    expect(next?.querySelector('.action-plan-next-text')?.textContent).toBe('Book a trial lesson with a tutor');
    // The link apart from the text (its arrow drawn by CSS), and in the button's name in the order shown.
    expect(next?.querySelector('.action-plan-next-link')?.textContent).toBe('Spanish tutors');
    expect(next?.querySelector('.action-plan-next-open')?.getAttribute('aria-label')).toBe('Next: Book a trial lesson with a tutor, Spanish tutors, 5 Dec');
    next?.querySelector<HTMLInputElement>('input[type="checkbox"]')?.click();
    expect(rec.toggled.map((n) => n.line)).toEqual([report.nextAction?.line]);
    expect(next?.dataset.pending).toBe('true');
  });

  it('shows a goal that is not active as one muted line: its chip and its bar, nothing overdue', () => {
    const card = renderCard(container(), demoGoal('Change careers to UX design'), recording().ctx);
    expect(card.dataset.status).toBe('staying');
    expect(card.querySelector('.action-plan-progress')).not.toBeNull();
    expect(card.querySelector('.action-plan-disclosure')).toBeNull();
    expect(card.querySelector('.action-plan-card-next')).toBeNull();
    expect(card.querySelector('.action-plan-count')).toBeNull();
    // Its numbers are not written beside the bar: they are its button's name, and in words once it is pressed.
    expect(card.querySelector('.action-plan-progress-wrap')?.getAttribute('aria-label')).toBe('Change careers to UX design: 82% done, 52.6% expected today');
    expect(card.querySelector('.action-plan-bar-caption')?.textContent).toBe('82% done, 52.6% expected today');
  });

  it('shows the title, which opens the note, and the health chip', () => {
    const rec = recording();
    const card = renderCard(container(), demoGoal('Publish my first novel'), rec.ctx);
    const title = card.querySelector<HTMLElement>('.action-plan-card-title');
    expect(title?.tagName).toBe('BUTTON');
    expect(title?.textContent).toBe('Publish my first novel');
    title?.click();
    expect(rec.opened).toEqual([['Goals/Publish my first novel.md', 0]]);
    const chip = card.querySelector('.action-plan-chip');
    expect(chip?.getAttribute('data-kind')).toBe('at-risk');
    expect(chip?.textContent).toBe('At risk · 4 overdue');
  });

  it('shows the target date and the days left', () => {
    const card = renderCard(container(), demoGoal('Publish my first novel'), recording().ctx);
    expect(card.querySelector('.action-plan-dates')?.textContent).toBe('Target 30 Jun 2027 · 217 days left');
    expect(card.querySelector('.action-plan-numbers')?.textContent).toBe('33% · 14/43 done · 27.1% expected today');
    expect(card.querySelector('.action-plan-days-left')?.getAttribute('data-days-left')).toBe('217');
  });

  it('draws the progress bar and the expected-today marker through CSS properties', () => {
    const report = demoGoal('Publish my first novel');
    const card = renderCard(container(), report, recording().ctx);
    const bar = card.querySelector<HTMLElement>('.action-plan-progress');
    expect(bar?.style.getPropertyValue('--action-plan-progress')).toBe(`${report.progress.percent}%`);
    expect(bar?.style.getPropertyValue('--action-plan-expected')).toBe(`${report.expectedPercent}%`);
    expect(bar?.getAttribute('aria-valuenow')).toBe(String(report.progress.percent));
    expect(bar?.querySelector('.action-plan-progress-marker')).not.toBeNull();
    // The checkpoints stand on the bar at their expected percent, their dates in their names.
    const marks = Array.from(card.querySelectorAll<HTMLElement>('.action-plan-mark'));
    expect(marks.map((m) => m.dataset.date)).toEqual(report.checkpoints.map((c) => c.date).map((d) => new Date(d * 86400000).toISOString().slice(0, 10)));
    expect(marks[0]?.style.getPropertyValue('--action-plan-at')).toBe('10%');
    // What the marks mean is said by the bar's button, one stop in the tab order, and in words below it once it is pressed.
    const button = card.querySelector<HTMLElement>('.action-plan-progress-wrap');
    expect(button?.tagName).toBe('BUTTON');
    expect(button?.contains(bar ?? null)).toBe(true);
    expect(button?.getAttribute('aria-label')).toBe(
      'Publish my first novel: 33% done, 27.1% expected today; Checkpoint 30 Sep, Outline of part one done: reviewed, 10% expected; Checkpoint 31 Oct, First chapters drafted: reviewed, 25% expected; Checkpoint 31 Dec, First draft finished: upcoming, 45% expected; Checkpoint 31 Mar 2027, Revised manuscript ready for agents: upcoming, 75% expected; Checkpoint 30 Jun 2027, Signed with an agent or a small press: upcoming, 100% expected',
    );
    const caption = card.querySelector<HTMLElement>('.action-plan-bar-caption');
    expect(Array.from(caption?.children ?? []).map((l) => l.textContent)).toEqual([
      'Checkpoints',
      ...report.checkpoints.map((_, i) => (button?.getAttribute('aria-label') ?? '').split('; ')[i + 1]?.replace(/^Checkpoint /, '')),
    ]);
    expect(caption?.previousElementSibling).toBe(button);
    expect([button?.getAttribute('aria-expanded'), caption?.classList.contains('action-plan-hidden')]).toEqual(['false', true]);
    button?.click();
    expect([button?.getAttribute('aria-expanded'), caption?.classList.contains('action-plan-hidden')]).toEqual(['true', false]);
    expect(marks[0]?.getAttribute('aria-label')).toBe('Checkpoint 30 Sep, Outline of part one done: reviewed, 10% expected');
    expect(marks[0]?.getAttribute('title')).toBe(marks[0]?.getAttribute('aria-label'));
    // No inline style but the custom properties.
    for (const el of Array.from(card.querySelectorAll<HTMLElement>('[style]'))) {
      for (let i = 0; i < el.style.length; i++) expect(el.style.item(i)).toMatch(/^--action-plan-/);
    }
  });

  it('places a checkpoint without `expect` on the bar by its date: where the plan expects to be then', () => {
    const dir = mkdtempSync(join(tmpdir(), 'action-plan-marks-'));
    // Ten steps, nine of them due by 10 December: most of the plan is expected early.
    const steps = Array.from({ length: 10 }, (_, i) => `- [ ] Step ${i + 1} 📅 2026-12-${String(i < 9 ? 1 + i : 28).padStart(2, '0')}`);
    writeFileSync(join(dir, 'Goal.md'), `---\ntype: goal\nstart: 2026-11-01\ntarget: 2026-12-31\ncheckpoints:\n  - date: 2026-12-05\n  - date: 2026-12-20\n  - date: 2026-12-30\n---\n${steps.join('\n')}\n`);
    const report = loadVault(dir).index.reports(day(TODAY))[0] as GoalReport;
    const at = Array.from(renderCard(container(), report, recording().ctx).querySelectorAll<HTMLElement>('.action-plan-mark')).map((m) => [m.dataset.date, m.style.getPropertyValue('--action-plan-at')]);
    // By 5 Dec four steps are past their day, by 20 Dec nine, by 30 Dec all but the last.
    expect(at).toEqual([
      ['2026-12-05', '40%'],
      ['2026-12-20', '90%'],
      ['2026-12-30', '100%'],
    ]);
  });

  it('lists each checkpoint in the details with its state and feeling in words; a click opens its entry', () => {
    const rec = recording();
    const report = demoGoal('Publish my first novel');
    const card = detailsOf('Publish my first novel', rec);
    const items = Array.from(card.querySelectorAll<HTMLElement>('.action-plan-checkpoint'));
    expect(items.map((i) => i.dataset.state)).toEqual(report.checkpoints.map((c) => c.state));
    expect(items[0]?.dataset.onTrack).toBe('true');
    expect(items[0]?.querySelector('.action-plan-checkpoint-open')?.textContent).toBe('30 Sep · Outline of part one done · Reviewed · 10 % expected · felt 4/5 at 12 % · on track');
    expect(items[0]?.tagName).toBe('LI');
    items[1]?.querySelector<HTMLElement>('button')?.click();
    expect(rec.opened).toEqual([[report.path, report.checkpoints[1]?.line]]);
  });

  it('marks a missed checkpoint', () => {
    const card = detailsOf('Run three times a week');
    expect(Array.from(card.querySelectorAll<HTMLElement>('.action-plan-checkpoint')).map((i) => i.dataset.state)).toContain('missed');
    expect(Array.from(card.querySelectorAll<HTMLElement>('.action-plan-mark')).map((i) => i.dataset.state)).toContain('missed');
  });

  it('asks for dates rather than saying "No baseline" when health cannot be known', () => {
    const report = { ...demoGoal('Learn Spanish'), health: 'unknown' as const };
    const card = renderCard(container(), report, recording().ctx);
    expect(card.querySelector('.action-plan-chip')?.textContent).toBe('No dates yet');
    expect(card.querySelector('.action-plan-hint')?.textContent).toBe('Add a start date or due dates to see whether you are on track');
  });

  it('draws the burn-up chart: done steps, the expected line, today and the dashed forecast', () => {
    const report = demoGoal('Publish my first novel');
    const card = detailsOf('Publish my first novel');
    const svg = card.querySelector('svg.action-plan-burnup');
    // Dates and percents on the axes, a one-line legend.
    expect(Array.from(card.querySelectorAll('.action-plan-chart-y span')).map((e) => e.textContent)).toEqual(['100 %', '0 %']);
    expect(Array.from(card.querySelectorAll('.action-plan-chart-x span')).map((e) => e.textContent)).toEqual(['1 Sep', '30 Jun 2027']);
    expect(card.querySelector('.action-plan-chart-legend')?.textContent).toBe('DoneExpectedForecastToday');
    expect(svg).not.toBeNull();
    const done = svg?.querySelector('.action-plan-burnup-done')?.getAttribute('points')?.split(' ') ?? [];
    // Two points per step up (a stair), the last one at today.
    expect(done.length).toBeGreaterThanOrEqual(report.burnup.length);
    // Expected progress from the due dates: a point where it bends, never going down.
    const expected = svg?.querySelector('.action-plan-burnup-expected')?.getAttribute('points')?.split(' ') ?? [];
    expect(expected).toHaveLength(presentGoal(report, day(TODAY)).burnup?.expected.length ?? -1);
    expect(expected.length).toBeGreaterThan(6);
    const eys = expected.map((p) => Number(p.split(',')[1]));
    for (let i = 1; i < eys.length; i++) expect(eys[i]).toBeLessThanOrEqual(eys[i - 1] ?? Infinity);
    expect(svg?.querySelector('.action-plan-burnup-today')).not.toBeNull();
    expect(svg?.querySelector('.action-plan-burnup-forecast')).not.toBeNull();
    const ys = done.map((p) => Number(p.split(',')[1]));
    // Cumulative: the line never goes down (y grows downwards in SVG).
    for (let i = 1; i < ys.length; i++) expect(ys[i]).toBeLessThanOrEqual(ys[i - 1] ?? Infinity);
  });

  it('gives the forecast and the counts of overdue (beside the chip) and help-needed steps', () => {
    const rec = recording();
    const report = demoGoal('Publish my first novel');
    const card = detailsOf('Publish my first novel', rec);
    expect(card.querySelector('.action-plan-forecast')?.textContent).toBe('Done around 21 Mar 2027, before the target');
    expect(card.querySelector('.action-plan-chip')?.textContent).toMatch(new RegExp(` · ${report.overdue.length} overdue$`));
    const help = card.querySelector<HTMLElement>('.action-plan-count[data-kind="help"]');
    expect(help?.textContent).toBe(`${report.help.length} need help`);
    help?.click();
    expect(rec.opened).toEqual([[report.help[0]?.path, report.help[0]?.line]]);
  });

  it('gives a goal decided to stay put no forecast, days left or capacity', () => {
    const card = renderCard(container(), demoGoal('Change careers to UX design'), recording().ctx);
    expect(card.querySelector('.action-plan-chip')?.textContent).toBe('Staying put');
    expect(card.querySelector('.action-plan-forecast')).toBeNull();
    expect(card.querySelector('.action-plan-days-left')).toBeNull();
    expect(card.querySelector('.action-plan-capacity')).toBeNull();
  });

  it('says how the open work fits the working days left', () => {
    const report = demoGoal('Publish my first novel');
    const card = detailsOf('Publish my first novel');
    const capacity = card.querySelector<HTMLElement>('.action-plan-capacity');
    expect(report.capacity).not.toBeNull();
    expect(capacity?.dataset.slack).toBe(String(report.capacity?.slack));
    expect(capacity?.textContent).toMatch(/^(\d+ working days? to spare|Short by \d+ working days?|Just fits: no working day to spare)$/);
  });

  it('lists its problems; each opens its note at its line', () => {
    const rec = recording();
    const report = demoGoal('Learn Spanish');
    const card = detailsOf('Learn Spanish', rec);
    const problems = Array.from(card.querySelectorAll<HTMLElement>('.action-plan-problem'));
    expect(problems.map((p) => [p.textContent, p.dataset.severity, p.dataset.path, p.dataset.line])).toEqual(
      report.problems.map((p) => [`${p.message} line ${p.line + 1}`, p.severity, p.path, String(p.line)]),
    );
    // Where each is stands in the row, not only in a hover title; the note's name when it is another.
    expect(problems[0]?.getAttribute('title')).toBeNull();
    const novel = detailsOf('Publish my first novel');
    expect(novel.querySelector('.action-plan-problem')?.textContent).toBe('The link to "Publish my first novel" leads back to a note this step is already part of; it is not followed. Query literary agents, line 23');
    problems[2]?.click();
    expect(rec.opened).toEqual([[report.problems[2]?.path, report.problems[2]?.line]]);
  });

  it('shows only the tree when asked for the tree', () => {
    const card = renderCard(container(), demoGoal('Learn Spanish'), recording().ctx, 'tree');
    expect(card.querySelector('.action-plan-tree')).not.toBeNull();
    expect(card.querySelector('.action-plan-progress')).toBeNull();
    expect(card.querySelector('.action-plan-burnup')).toBeNull();
  });
});
