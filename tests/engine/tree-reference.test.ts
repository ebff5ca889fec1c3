/**
 * The tree of a goal, built as rows (src/engine/plan/tree.ts), against a reference built as plain
 * node objects (reference/): on random vaults of linked notes with sections, headings inside
 * list items, fractional weights and cycles, in several evaluation orders and after notes
 * change, both give the same nodes in the same order, the same progress and the same lists.
 */
import fc from 'fast-check';
import { indexTexts } from '../../src/cli/load';
import { dayFromCivil } from '../../src/engine/days/dates';
import { listPlan } from '../../src/engine/plan/plan';
import type { PlanIndex } from '../../src/engine/report/plan-index';
import { buildTree } from '../../src/engine/plan/tree';
import { DEFAULT_ENGINE_OPTIONS, type GoalReport, type NoteData, type PlanNode } from '../../src/engine/types';
import { listPlan as referenceLists } from './reference/plan';
import { buildTree as referenceTree } from './reference/tree';

const OPTIONS = DEFAULT_ENGINE_OPTIONS;
const TODAY = dayFromCivil(2026, 11, 25);
const NAMES = ['A', 'B', 'C', 'D', 'E'];

const target = fc.constantFrom(...NAMES, 'Missing');
const section = fc.constantFrom('', '#Part', '#Sub', '#Part#Sub', '#Other', '#Deep', '#Nowhere');
const link = fc.tuple(target, section).map(([t, s]) => `[[${t}${s}]]`);

const task = fc
  .record({
    indent: fc.constantFrom('', '', '  ', '    ', '\t', '        '),
    status: fc.constantFrom(' ', ' ', 'x', '/', '-', '>'),
    links: fc.array(link, { maxLength: 2 }),
    due: fc.option(fc.constantFrom('2026-10-01', '2026-11-30', '2027-01-15'), { nil: undefined }),
    done: fc.option(fc.constantFrom('2026-11-20', '2026-09-01'), { nil: undefined }),
    weight: fc.option(fc.constantFrom('0.1', '0.2', '0.5', '1.5', '2', '3'), { nil: undefined }),
    help: fc.boolean(),
  })
  .map((t) => {
    let line = `${t.indent}- [${t.status}] step${t.help ? ' #help' : ''}`;
    for (const l of t.links) line += ' ' + l;
    if (t.due !== undefined) line += ` 📅 ${t.due}`;
    if (t.done !== undefined) line += ` ✅ ${t.done}`;
    if (t.weight !== undefined) line += ` [weight:: ${t.weight}]`;
    return line;
  });

const line = fc.oneof(
  { weight: 8, arbitrary: task },
  { weight: 3, arbitrary: fc.constantFrom('# Part', '## Part', '## Sub', '### Sub', '# Other', '## Deep', '#### Deep') },
  // Headings inside list items, and lines that end a list.
  { weight: 2, arbitrary: fc.constantFrom('- ## Sub', '  ## Part', '- # Other', '    ### Deep', '- plain', '', 'Text') },
);

const noteText = fc.record({ goal: fc.boolean(), body: fc.array(line, { maxLength: 12 }) }).map(({ goal, body }) => (goal ? '---\ntype: goal\ntarget: 2026-12-31\n---\n' : '') + body.join('\n') + '\n');

const vault = fc.array(noteText, { minLength: NAMES.length, maxLength: NAMES.length });

/** Everything a node shows, children included, as plain data. */
function dump(n: PlanNode): unknown {
  return {
    kind: n.kind,
    text: n.text,
    path: n.path,
    line: n.line,
    link: n.link,
    leaf: n.leaf,
    status: n.status,
    weight: n.weight,
    progress: { ...n.progress },
    children: n.children.map(dump),
  };
}

function textsOf(notes: string[]): Map<string, string> {
  return new Map(notes.map((t, i) => [`${NAMES[i] ?? 'X'}.md`, t]));
}

/** The reports of `index` against the reference built from the same notes. */
function check(index: PlanIndex, reports: GoalReport[]): void {
  for (const r of reports) {
    const goal = index.get(r.path);
    if (goal === undefined) throw new Error(`no goal ${r.path}`);
    const { root, follower } = referenceTree(goal, r.title, index);
    expect(dump(r.tree)).toEqual(dump(root));
    expect(r.notes).toEqual(follower.notes);
    const want = referenceLists(root, goal.goal?.target ?? 0, TODAY, 14);
    const got = listPlan(r.plan, goal.goal?.target ?? 0, TODAY, 14);
    const burn = new Map<number, number>();
    got.burnDays.forEach((d, k) => burn.set(d, (burn.get(d) ?? 0) + (got.burnWeights[k] ?? 0)));
    expect({ ...got, burnDays: [], burnWeights: [], burn }).toEqual({ ...want, burnDays: [], burnWeights: [] });
  }
}

describe('the tree as rows against the tree as node objects', () => {
  const RUNS = Number(process.env['VAULT_RUNS'] ?? 300);

  it('agrees on every goal, in any evaluation order and after notes change', () => {
    fc.assert(
      fc.property(vault, fc.integer({ min: 0, max: NAMES.length - 1 }), noteText, (notes, changed, text) => {
        const texts = textsOf(notes);
        const paths = [...texts.keys()];
        const { index } = indexTexts(paths, texts, OPTIONS);
        check(index, index.reports(TODAY));
        // Reverse order, then again twice (rows kept from a second walk are copied after).
        index.invalidateAll();
        for (const g of [...index.goalPaths()].reverse()) index.report(g, TODAY);
        check(index, index.reports(TODAY));
        index.invalidateAll();
        check(index, index.reports(TODAY));
        // One note changed: a new NoteData, read with the kept trees of the others.
        const kept = index.reports(TODAY);
        const keptWant = kept.map((r) => dump(referenceTree(index.get(r.path) as NoteData, r.title, index).root));
        const { index: other } = indexTexts(paths, new Map([...texts, [paths[changed] as string, text]]), OPTIONS);
        const note = other.get(paths[changed] as string);
        if (note !== undefined) index.setNote(note);
        else index.deleteNote(paths[changed] as string);
        check(index, index.reports(TODAY));
        // Reports made before the change still show the tree they were computed from.
        expect(kept.map((r) => dump(r.tree))).toEqual(keptWant);
      }),
      { numRuns: RUNS },
    );
  });

  it('agrees when a build starts while another is under way (scratch arrays are not shared)', () => {
    fc.assert(
      fc.property(vault, (notes) => {
        const texts = textsOf(notes);
        const { index } = indexTexts([...texts.keys()], texts, OPTIONS);
        const goals = index.goalPaths().map((g) => index.get(g) as NoteData);
        let depth = 0;
        // Each note the outer build reads starts a whole build of every goal first.
        const nested = {
          resolve: (link: string, from: string) => index.resolve(link, from),
          get: (path: string) => {
            if (depth === 0) {
              depth++;
              for (const g of goals) buildTree(g, g.basename, index);
              depth--;
            }
            return index.get(path);
          },
        };
        for (const g of goals) {
          const { tree } = buildTree(g, g.basename, nested);
          expect(dump(tree.root())).toEqual(dump(referenceTree(g, g.basename, index).root));
        }
      }),
      { numRuns: RUNS / 3 },
    );
  });
});
