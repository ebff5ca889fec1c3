/** @jest-environment jsdom */
/** A goal's card: every element of SPEC 4 and the data-* attributes of 4.1, from the engine's report. */
import { renderCard } from '../../src/view/card';
import { installDomHelpers } from '../host';
import { presentGoal } from '../../src/engine/present/present';
import { day } from '../engine/helpers';
import { container, demoGoal, demoReports, recording, TODAY } from './helpers';

installDomHelpers();

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
      });
    }
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
    expect(card.querySelector('.action-plan-progress-text')?.textContent).toBe('33% of 43 steps, 27.1% expected by today');
    // No inline style but the custom properties.
    for (const el of Array.from(card.querySelectorAll<HTMLElement>('[style]'))) {
      for (let i = 0; i < el.style.length; i++) expect(el.style.item(i)).toMatch(/^--action-plan-/);
    }
  });

  it('shows each checkpoint with its state and feeling; a click opens its entry', () => {
    const rec = recording();
    const report = demoGoal('Publish my first novel');
    const card = renderCard(container(), report, rec.ctx);
    const items = Array.from(card.querySelectorAll<HTMLElement>('.action-plan-checkpoint'));
    expect(items.map((i) => i.dataset.state)).toEqual(report.checkpoints.map((c) => c.state));
    expect(items.map((i) => i.querySelector('.action-plan-feeling')?.textContent ?? null)).toEqual(report.checkpoints.map((c) => (c.feeling === null ? null : String(c.feeling))));
    expect(items[0]?.dataset.onTrack).toBe('true');
    expect(items[0]?.getAttribute('aria-label')).toBe('30 Sep · Outline of part one done · Reviewed · expected 10% · measured 12% · feeling 4 of 5 (good)');
    items[1]?.click();
    expect(rec.opened).toEqual([[report.path, report.checkpoints[1]?.line]]);
  });

  it('marks a missed checkpoint', () => {
    const card = renderCard(container(), demoGoal('Run three times a week'), recording().ctx);
    expect(Array.from(card.querySelectorAll<HTMLElement>('.action-plan-checkpoint')).map((i) => i.dataset.state)).toContain('missed');
  });

  it('draws the burn-up chart: done steps, the expected line, today and the dashed forecast', () => {
    const report = demoGoal('Publish my first novel');
    const svg = renderCard(container(), report, recording().ctx).querySelector('svg.action-plan-burnup');
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

  it('gives the forecast, the feelings beside measured progress and the counts of overdue and help-needed steps', () => {
    const rec = recording();
    const report = demoGoal('Publish my first novel');
    const card = renderCard(container(), report, rec.ctx);
    expect(card.querySelector('.action-plan-forecast')?.textContent).toBe('Done around 21 Mar 2027, before the target');
    expect(card.querySelector('.action-plan-feelings')?.textContent).toBe('Feeling: 4 at 12% → 3 at 19%');
    const overdue = card.querySelector<HTMLElement>('.action-plan-count[data-kind="overdue"]');
    expect(overdue?.textContent).toBe(`${report.overdue.length} overdue`);
    expect(card.querySelector('.action-plan-count[data-kind="help"]')?.textContent).toBe(`${report.help.length} need help`);
    overdue?.click();
    expect(rec.opened).toEqual([[report.overdue[0]?.path, report.overdue[0]?.line]]);
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
    const card = renderCard(container(), report, recording().ctx);
    const capacity = card.querySelector<HTMLElement>('.action-plan-capacity');
    expect(report.capacity).not.toBeNull();
    expect(capacity?.dataset.slack).toBe(String(report.capacity?.slack));
    expect(capacity?.textContent).toMatch(/^(\d+ working days? to spare|Short by \d+ working days?|Just fits: no working day to spare)$/);
  });

  it('lists its problems; each opens its note at its line', () => {
    const rec = recording();
    const report = demoGoal('Learn Spanish');
    const card = renderCard(container(), report, rec.ctx);
    const problems = Array.from(card.querySelectorAll<HTMLElement>('.action-plan-problem'));
    expect(problems.map((p) => [p.textContent, p.dataset.severity, p.dataset.path, p.dataset.line])).toEqual(
      report.problems.map((p) => [p.message, p.severity, p.path, String(p.line)]),
    );
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
