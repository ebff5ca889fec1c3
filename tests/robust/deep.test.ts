/**
 * No recursion a vault can reach: JSON text written with a stack, steps nested thousands of
 * levels deep and chains of thousands of linked notes read, evaluated, drawn and serialised.
 */
import fc from 'fast-check';
import { indexTexts } from '../../src/cli/load';
import { MAX_DISPLAY_DEPTH, renderGoal } from '../../src/cli/render';
import { dayFromCivil } from '../../src/engine/days/dates';
import { jsonText, PRETTY_DEPTH } from '../../src/engine/present/json-text';
import { reportJson } from '../../src/engine/report/json-report';
import { DEFAULT_ENGINE_OPTIONS, type GoalReport } from '../../src/engine/types';
import { defaultPrefs, selectGoals } from '../../src/view/select';
import { branches } from '../../src/commands/goal/pivot';
import { planSummary, SUMMARY_DEPTH } from '../../src/engine/present/summary';
import { cli, removeVaults, vault as diskVault } from './cli-helpers';

const TODAY = dayFromCivil(2026, 11, 25);
const DEPTH = 5000;

describe('JSON text without recursion', () => {
  it('is what JSON.stringify writes, for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(0, 2), (value, indent) => {
        expect(jsonText(value, indent)).toBe(JSON.stringify(value, null, indent));
      }),
    );
  });

  it.each([
    ['undefined members', { a: undefined, b: 1 }],
    ['non-finite numbers', { a: NaN, b: [Infinity, -0] }],
    ['empty containers', { a: {}, b: [], c: [[]] }],
    ['strings that need escapes', { 'k"\n': 'a\u0000\u001b\u2028"' }],
  ])('%s', (_name, value) => {
    expect(jsonText(value)).toBe(JSON.stringify(value, null, 2));
  });

  it('writes 100,000 levels that JSON.stringify cannot, and they parse back', () => {
    type Deep = { c: Deep[] };
    const root: Deep = { c: [] };
    let at = root;
    for (let i = 0; i < 100_000; i++) {
      const next: Deep = { c: [] };
      at.c.push(next);
      at = next;
    }
    expect(() => JSON.stringify(root)).toThrow(RangeError);
    const text = jsonText(root);
    // Past PRETTY_DEPTH the text is on one line, so it grows with the depth, not its square.
    expect(text.length).toBeLessThan(100_000 * 10 + PRETTY_DEPTH * PRETTY_DEPTH * 4);
    let depth = 0;
    let walk = JSON.parse(text) as Deep;
    while (walk.c[0] !== undefined) {
      walk = walk.c[0];
      depth++;
    }
    expect(depth).toBe(100_000);
  });
});

function vault(notes: Record<string, string>): GoalReport[] {
  const texts = new Map(Object.entries(notes));
  return indexTexts([...texts.keys()], texts, DEFAULT_ENGINE_OPTIONS).index.reports(TODAY);
}

function deepNesting(): Record<string, string> {
  let body = '---\ntype: goal\n---\n';
  for (let i = 0; i < DEPTH; i++) body += '  '.repeat(i) + `- [${i === DEPTH - 1 ? 'x' : ' '}] step ${i}\n`;
  return { 'Deep.md': body };
}

function longChain(): Record<string, string> {
  const notes: Record<string, string> = { 'Chain.md': '---\ntype: goal\n---\n- [ ] start [[N0]]\n' };
  for (let i = 0; i < DEPTH; i++) notes[`N${i}.md`] = i === DEPTH - 1 ? '- [x] last\n' : `- [ ] step ${i} [[N${i + 1}]]\n`;
  return notes;
}

describe.each([
  ['steps nested 5,000 levels deep', deepNesting],
  ['a chain of 5,000 linked notes', longChain],
])('%s', (_name, make) => {
  const [report] = vault(make());

  it('is evaluated', () => {
    expect(report?.progress).toEqual({ done: 1, total: 1, percent: 100 });
  });

  it('is serialised to JSON that parses back to the whole depth', () => {
    const parsed = JSON.parse(jsonText(reportJson(TODAY, [report as GoalReport]))) as { goals: { tree: { children: unknown[] } }[] };
    let depth = 0;
    let node = parsed.goals[0]?.tree as { children: { children: unknown[] }[] } | undefined;
    while (node !== undefined && node.children.length > 0) {
      node = node.children[0] as { children: { children: unknown[] }[] };
      depth++;
    }
    expect(depth).toBeGreaterThanOrEqual(DEPTH);
  });

  it("is searched by the board to the last step", () => {
    const reports = [report as GoalReport];
    expect(selectGoals(reports, { ...defaultPrefs(), filter: 'all', search: 'no such step' }, null)).toEqual([]);
    const last = report?.path === 'Deep.md' ? `step ${DEPTH - 1}` : 'last';
    expect(selectGoals(reports, { ...defaultPrefs(), filter: 'all', search: last }, null)).toEqual(reports);
  });

  it('is drawn to a depth cap with a deep-plan problem', () => {
    const text = renderGoal(report as GoalReport, TODAY, { color: false });
    expect(text).toContain('deep-plan');
    expect(text).toContain(`deeper than ${MAX_DISPLAY_DEPTH} levels`);
    expect(text.split('\n').length).toBeLessThan(MAX_DISPLAY_DEPTH + 50);
  });
});

describe('any depth', () => {
  it('a plan nested or chained to a random depth is counted, serialised and drawn', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3000 }), fc.boolean(), fc.integer({ min: 0, max: 2999 }), (depth, chained, doneAt) => {
        const done = doneAt % depth;
        const notes: Record<string, string> = {};
        if (chained) {
          notes['G.md'] = '---\ntype: goal\n---\n- [ ] [[N0]]\n';
          for (let i = 0; i < depth; i++) notes[`N${i}.md`] = `- [${i === done ? 'x' : ' '}] s${i}${i < depth - 1 ? ` [[N${i + 1}]]` : ''}\n`;
        } else {
          let body = '---\ntype: goal\n---\n';
          for (let i = 0; i < depth; i++) body += `${'  '.repeat(i)}- [${i === done ? 'x' : ' '}] s${i}\n`;
          notes['G.md'] = body;
        }
        const [r] = vault(notes);
        // One leaf at the bottom; it is done when any step above it (or itself) is done.
        expect(r?.progress).toEqual({ done: 1, total: 1, percent: 100 });
        const parsed = JSON.parse(jsonText(reportJson(TODAY, [r as GoalReport]))) as { goals: { progress: { total: number } }[] };
        expect(parsed.goals[0]?.progress.total).toBe(1);
        expect(() => renderGoal(r as GoalReport, TODAY, { color: true })).not.toThrow();
      }),
      { numRuns: 15 },
    );
  });
});

describe('a large note linked section by section', () => {
  it('keeps, per section, memory for that section and not for the whole note', () => {
    const SECTIONS = 2000;
    const big: string[] = [];
    const goal = ['---', 'type: goal', '---'];
    for (let k = 0; k < SECTIONS; k++) {
      big.push(`## Part ${k}`, `- [${k % 2 === 0 ? 'x' : ' '}] task ${k}`);
      goal.push(`- [ ] step ${k} [[Big#Part ${k}]]`);
    }
    const before = process.memoryUsage().arrayBuffers;
    const texts = new Map([
      ['Big.md', big.join('\n') + '\n'],
      ['Goal.md', goal.join('\n') + '\n'],
    ]);
    const { index } = indexTexts([...texts.keys()], texts, DEFAULT_ENGINE_OPTIONS);
    // Evaluated three times: local trees are kept with the note from their second use.
    for (let k = 0; k < 3; k++) {
      index.invalidateAll();
      const [r] = index.reports(TODAY);
      expect(r?.progress).toEqual({ done: SECTIONS / 2, total: SECTIONS, percent: 50 });
    }
    // A section's tree sized to the whole note would keep 2,000 × 64 KB here, as long as the
    // index holds the note (it is used below).
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(32e6);
    expect(index.size()).toBe(2);
  });
});

/** A goal (with a target) over a chain of `depth` linked notes, each step open: nested as deep, in linear text. */
function chained(depth: number): Record<string, string> {
  const notes: Record<string, string> = { 'Deep.md': '---\ntype: goal\ntarget: 2027-06-30\n---\n- [ ] step 0 [[N1]]\n' };
  for (let i = 1; i < depth; i++) notes[`N${i}.md`] = `- [ ] step ${i}${i < depth - 1 ? ` [[N${i + 1}]]` : ''}\n`;
  return notes;
}

describe('walks of a plan chained 20,000 levels deep', () => {
  const DEEPEST = 20_000;
  const notes = chained(DEEPEST);
  const [report] = vault(notes);
  afterAll(removeVaults);

  it('break-down finds the goal of the bottom step and lays its sub-steps out to the goal\'s target', () => {
    const dir = diskVault(notes);
    const place = `N${DEEPEST - 1}.md:1`;
    const r = cli(['break-down', dir, place, 'first ~1d', 'second ~1d', '--today', '2026-11-25', '--dry-run']);
    expect(r.err).toContain(`N${DEEPEST - 1}.md: `);
    expect(r.code).toBe(0);
    expect(r.out).toContain('+\t- [ ] second 📅 2027-06-30 ⏱ 1d\n');
  });

  it('pivot lists every open branch, in tree order, at its depth', () => {
    const list = branches(report as GoalReport);
    expect(list).toHaveLength(DEEPEST);
    expect(list.every((b, i) => b.depth === i && b.node.text.startsWith(`step ${i} `) === i < DEEPEST - 1)).toBe(true);
  });

  it('the summary with steps keeps every step, indented up to a cap', () => {
    const lines = planSummary(report as GoalReport, TODAY, 'steps').split('\n');
    const plan = lines.slice(lines.indexOf('## Plan') + 1, -1);
    expect(plan).toHaveLength(DEEPEST);
    expect(plan[3]).toBe(`${'    '.repeat(3)}- ☐ step 3 [[N4]] 0/1`);
    expect(plan[DEEPEST - 1]).toBe(`${'    '.repeat(SUMMARY_DEPTH)}- ☐ step ${DEEPEST - 1}`);
  });

  it('the summary command prints it', () => {
    const dir = diskVault(notes);
    const r = cli(['summary', dir, '--goal', 'Deep', '--steps', '--today', '2026-11-25']);
    expect(r.err).toBe('');
    expect(r.out).toContain(`- ☐ step ${DEEPEST - 1}\n`);
  });
});
