/**
 * A person who does every step exactly on its due date is never told they are behind or at
 * risk before the target (SPEC 1.4): in random plans of nested and linked steps, some dated,
 * some taking the date of the step above, with weights, on every day that matters.
 */
import fc from 'fast-check';
import { indexTexts } from '../../src/cli/load';
import { dayFromCivil, formatDay, type Day } from '../../src/engine/days/dates';
import { DEFAULT_ENGINE_OPTIONS } from '../../src/engine/types';

interface Item {
  depth: number;
  /** Days after the start, or null: the step takes the date of the step above. */
  due: number | null;
  weight: number;
  link: boolean;
}

const START = dayFromCivil(2026, 3, 2);

const item = fc.record({
  depth: fc.integer({ min: 0, max: 3 }),
  due: fc.option(fc.integer({ min: 0, max: 200 }), { nil: null }),
  weight: fc.integer({ min: 1, max: 3 }),
  link: fc.boolean(),
});

const plan = fc.record({ span: fc.integer({ min: 5, max: 200 }), items: fc.array(item, { minLength: 1, maxLength: 14 }) });

/** Depths that nest one level at a time, and a date on every top-level step, within the span. */
function normalise(items: Item[], span: number): Item[] {
  const out: Item[] = [];
  for (const it of items) {
    const prev = out[out.length - 1];
    const depth = prev === undefined ? 0 : Math.min(it.depth, prev.depth + 1);
    const due = it.due === null ? (depth === 0 ? 0 : null) : Math.min(it.due, span);
    out.push({ depth, due, weight: it.weight, link: it.link });
  }
  return out;
}

/** The planned day of each item: its own date, else the nearest dated step's above. */
function plannedDays(items: Item[]): Day[] {
  const stack: Day[] = [];
  return items.map((it) => {
    stack.length = it.depth;
    const day = it.due !== null ? START + it.due : (stack[it.depth - 1] as Day);
    stack.push(day);
    return day;
  });
}

/** The notes on `today`: a step is done once its planned day is past, with that day as its done date. */
function notes(items: Item[], target: Day, today: Day): Map<string, string> {
  const planned = plannedDays(items);
  const goal: string[] = ['---', 'type: goal', `start: ${formatDay(START) ?? ''}`, `target: ${formatDay(target) ?? ''}`, '---', '# Plan'];
  const texts = new Map<string, string>();
  const parts: [string, string[]][] = [];
  let into = goal;
  let linkDepth = -1;
  items.forEach((it, k) => {
    if (linkDepth >= 0 && it.depth <= linkDepth) {
      into = goal;
      linkDepth = -1;
    }
    const day = planned[k] as Day;
    const done = day < today;
    const next = items[k + 1];
    const opensLink = into === goal && it.link && next !== undefined && next.depth > it.depth;
    const depth = linkDepth >= 0 ? it.depth - linkDepth - 1 : it.depth;
    const fields = `${it.due !== null ? ` 📅 ${formatDay(day) ?? ''}` : ''} [weight:: ${it.weight}]${done ? ` ✅ ${formatDay(day) ?? ''}` : ''}`;
    into.push(`${'    '.repeat(depth)}- [${done ? 'x' : ' '}] Step ${k}${opensLink ? ` [[Part ${k}]]` : ''}${fields}`);
    if (opensLink) {
      // The steps below this one go into the linked note.
      into = [];
      parts.push([`Part ${k}.md`, into]);
      linkDepth = it.depth;
    }
  });
  for (const [name, lines] of parts) texts.set(name, lines.join('\n') + '\n');
  texts.set('Goal.md', goal.join('\n') + '\n');
  return texts;
}

describe('a plan kept to its dates', () => {
  it('is never behind or at risk on any day before its target', () => {
    fc.assert(
      fc.property(plan, ({ span, items: raw }) => {
        const items = normalise(raw, span);
        const target = START + span;
        const days = new Set<Day>([START - 1, START, target - 1]);
        for (const d of plannedDays(items)) for (const x of [d - 1, d, d + 1]) days.add(x);
        for (const today of days) {
          if (today >= target) continue;
          const texts = notes(items, target, today);
          const { index } = indexTexts([...texts.keys()].sort(), texts, DEFAULT_ENGINE_OPTIONS);
          const r = index.report('Goal.md', today);
          expect(r?.overdue).toEqual([]);
          const day = formatDay(today);
          expect({ day, health: r?.health }).toEqual({ day, health: expect.not.stringMatching(/^(behind|at-risk)$/) as unknown });
        }
      }),
      { numRuns: Number(process.env['HEALTH_RUNS'] ?? 150) },
    );
  });
});
