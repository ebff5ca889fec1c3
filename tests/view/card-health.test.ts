/** @jest-environment jsdom */
/**
 * The card shows the engine's health: the chip with the overdue count beside it, the
 * expected-today marker at E, and the due dates of a goal that is not active without the
 * overdue or soon colours (SPEC 1.4, 4).
 */
import { indexTexts } from '../../src/cli/load';
import { DEFAULT_ENGINE_OPTIONS, type GoalReport } from '../../src/engine/types';
import { renderCard } from '../../src/view/card';
import { CASE_TODAY, HEALTH_CASES, type HealthCase } from '../engine/health-cases';
import { day } from '../engine/helpers';
import { installDomHelpers } from '../host';
import { container, recording } from './helpers';

installDomHelpers();

function reportOf(notes: Record<string, string>): GoalReport {
  const texts = new Map(Object.entries(notes));
  const { index } = indexTexts([...texts.keys()].sort(), texts, DEFAULT_ENGINE_OPTIONS);
  const r = index.report(Object.keys(notes)[0] ?? '', day(CASE_TODAY));
  if (!r) throw new Error('no goal');
  return r;
}

function card(notes: Record<string, string>): HTMLElement {
  return renderCard(container(), reportOf(notes), recording(CASE_TODAY).ctx);
}

/** The plan's tree of the goal (the card's Plan, or a code block's `show: tree`). */
function planOf(notes: Record<string, string>): HTMLElement {
  return renderCard(container(), reportOf(notes), recording(CASE_TODAY).ctx, 'tree');
}

describe.each(HEALTH_CASES.map((c) => [c.name, c] as const))('%s', (_name, c: HealthCase) => {
  it('shows the health chip with the overdue count and the expected marker at E', () => {
    const el = card(c.notes);
    const chip = el.querySelector('.action-plan-chip');
    expect([chip?.getAttribute('data-kind'), chip?.textContent]).toEqual([c.health, c.label]);
    const bar = el.querySelector<HTMLElement>('.action-plan-progress');
    expect(bar?.style.getPropertyValue('--action-plan-expected') || null).toBe(c.expectedPercent === null ? null : `${c.expectedPercent}%`);
  });
});

describe('a goal that is not active', () => {
  const paused = HEALTH_CASES.find((c) => c.health === 'paused') as HealthCase;
  const text = paused.notes['Status paused.md'] ?? '';
  const dueOf = (el: HTMLElement): (string | null)[] => Array.from(el.querySelectorAll('.action-plan-due')).map((d) => d.getAttribute('data-due'));

  it('shows its due dates without the overdue or soon colours, and counts nothing overdue', () => {
    const el = planOf({ 'Status paused.md': text });
    expect(card({ 'Status paused.md': text }).dataset.overdue).toBe('0');
    expect(dueOf(el)).toEqual(['later', 'later']);
    expect(Array.from(el.querySelectorAll('.action-plan-due')).map((d) => d.textContent)).toEqual(['20 Nov', '20 Dec']);
    expect(el.querySelector('.action-plan-count[data-kind="overdue"]')).toBeNull();
  });

  it('while the same goal active shows the step overdue', () => {
    const el = planOf({ 'Status paused.md': text.replace('status: paused', 'status: active') });
    expect(dueOf(el)).toEqual(['overdue', 'later']);
    expect(card({ 'Status paused.md': text.replace('status: paused', 'status: active') }).dataset.overdue).toBe('1');
  });
});
