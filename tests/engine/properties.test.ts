/**
 * Property tests of the engine: reading never throws, LF and CRLF read the same, a random vault
 * of linked notes gives consistent progress, and the day arithmetic round-trips.
 */
import fc from 'fast-check';
import { indexTexts, frontmatterOf } from '../../src/cli/load';
import { BAD_DAY, NO_DAY, civilFromDay, dayFromCivil, formatDay, parseDayAt } from '../../src/engine/days/dates';
import { scanMarkdown } from '../../src/engine/read/markdown';
import { readNote } from '../../src/engine/read/note';
import { outlineNote } from '../../src/engine/present/outline';
import { reportJson } from '../../src/engine/report/json-report';
import { ensureIds } from '../../src/engine/plan/plan';
import { DEFAULT_ENGINE_OPTIONS, type GoalReport, type PlanNode } from '../../src/engine/types';

const FRAGMENTS = [
  '- [ ] ',
  '* [x] ',
  '1. [/] ',
  '+ [-] ',
  '- [>] ',
  '- ',
  '    ',
  '  ',
  '\t',
  '> ',
  '> [!note] ',
  '```',
  '~~~',
  '%%',
  '<!--',
  '-->',
  '<div>',
  '# ',
  '## ',
  '---\n',
  '---',
  'type: goal\n',
  '📅 2026-02-30',
  '📅 2026-12-01',
  '✅ 2026-11-01',
  '⏳ 2026-13-01',
  '[due:: 2026-01-01]',
  '(due:: 2026-01-01)',
  '[completion:: 2024-02-29]',
  '[weight:: 3]',
  '⏱ 3d',
  '🔺',
  '🔁 every day',
  '^abc',
  '[[Note]]',
  '[[Note#Heading|alias]]',
  '[text](Note.md)',
  '#help',
  'text',
  ' ',
  '\n',
  '\n',
  '\n',
  '\r\n',
  '\r',
];

const unicode = fc.string({ unit: 'binary', maxLength: 6 });
const fragment = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...FRAGMENTS) }, { weight: 1, arbitrary: unicode });
/** Markdown-ish text, possibly with CR characters anywhere. */
const markdownish = fc.array(fragment, { maxLength: 60 }).map((parts) => parts.join(''));
/** Line-shaped Markdown: container prefixes (indents, quotes, list markers) then bits of content. */
const linePrefix = fc.array(fc.constantFrom('', ' ', '  ', '    ', '\t', '> ', '>', '1. ', '- ', '* ', '10) ', '+ '), { maxLength: 3 }).map((a) => a.join(''));
const lineBody = fc
  .array(
    fc.constantFrom('[ ] ', '[x] ', '[/]', '[-] ', 'a', ' ', '%%', '```', '~~~', '<!--', '-->', '<div>', '# h', '#', '---', '===', 'type: goal', '📅 2026-01-01', '[due:: 2026-02-30]', '[[N]]', '#help', '\t', '`'),
    { maxLength: 4 },
  )
  .map((a) => a.join(''));
const lines = fc.array(fc.tuple(linePrefix, lineBody).map(([a, b]) => a + b), { maxLength: 25 }).map((l) => l.join('\n'));
/** Markdown-ish text with LF line endings only. */
const lfText = fc.oneof(markdownish.map((t) => t.replace(/\r/g, '')), lines);

const OPTIONS = DEFAULT_ENGINE_OPTIONS;

function readAll(text: string): void {
  scanMarkdown(text);
  outlineNote(text, null);
  readNote('Folder/Note.md', text, null, OPTIONS);
  readNote('Folder/Note.md', text, 'unreadable', OPTIONS);
  const fm = frontmatterOf(text);
  readNote('Folder/Note.md', text, fm, OPTIONS);
  readNote('Folder/Note.md', text, { type: 'goal', start: '2026-02-30', checkpoints: [{ date: 'x' }, null, { date: '2026-01-01', expect: 300 }] }, OPTIONS);
  outlineNote(text, fm === 'unreadable' ? null : fm);
}

describe('reading never throws', () => {
  it('for arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        readAll(text);
      }),
      { numRuns: 300 },
    );
  });

  it('for Markdown-ish text', () => {
    fc.assert(
      fc.property(fc.oneof(markdownish, lines), (text) => {
        readAll(text);
      }),
      { numRuns: 600 },
    );
  });

  it('for a few hand-picked edge cases', () => {
    for (const text of ['', '\n', '\r\n', '\r', '---', '---\n', '---\r\n---', '---\n---\n', '- [', '- [ ]', '- [ ', '```\n- [ ] x', '%%\n- [ ] x', '<!--', '\u0000', '\ud800', '>'.repeat(1000), ' '.repeat(1000) + '- [ ] x', '- '.repeat(500) + '[ ] deep']) {
      expect(() => readAll(text)).not.toThrow();
    }
  });
});

describe('LF and CRLF read the same', () => {
  const crlf = (t: string): string => t.replace(/\n/g, '\r\n');

  it('outlineNote', () => {
    fc.assert(
      fc.property(lfText, (text) => {
        expect(outlineNote(crlf(text), null)).toEqual(outlineNote(text, null));
      }),
      { numRuns: 500 },
    );
  });

  it("readNote's steps, headings and problems (no frontmatter given)", () => {
    fc.assert(
      fc.property(lfText, (text) => {
        const a = readNote('Note.md', text, null, OPTIONS);
        const b = readNote('Note.md', crlf(text), null, OPTIONS);
        expect(b.steps).toEqual(a.steps);
        expect(b.headings).toEqual(a.headings);
        expect(b.problems).toEqual(a.problems);
        expect(b.goal).toEqual(a.goal);
      }),
      { numRuns: 500 },
    );
  });

  it("readNote's steps, headings, problems and goal (frontmatter parsed from the text)", () => {
    fc.assert(
      fc.property(lfText, (text) => {
        const a = readNote('Note.md', text, frontmatterOf(text), OPTIONS);
        const b = readNote('Note.md', crlf(text), frontmatterOf(crlf(text)), OPTIONS);
        expect(b.steps).toEqual(a.steps);
        expect(b.headings).toEqual(a.headings);
        expect(b.problems).toEqual(a.problems);
        expect(b.goal).toEqual(a.goal);
      }),
      { numRuns: 300 },
    );
  });

  it('for a goal note whose frontmatter has problems', () => {
    const text = '---\ntype: goal\nstart: 2026-02-30\ncheckpoints:\n  - date: 2026-01-01\n    expect: 300\n  - label: none\n---\n# Plan\n- [ ] a 📅 2026-02-31\n';
    const a = readNote('G.md', text, frontmatterOf(text), OPTIONS);
    const b = readNote('G.md', crlf(text), frontmatterOf(crlf(text)), OPTIONS);
    expect(a.problems.map((p) => [p.line, p.code])).toEqual([
      [2, 'bad-date'],
      [4, 'bad-checkpoint'],
      [6, 'bad-checkpoint'],
      [9, 'bad-date'],
    ]);
    expect(b).toEqual(a);
  });
});

describe('a random vault of linked notes', () => {
  const NAMES = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'];
  const TODAY = dayFromCivil(2026, 11, 25);

  const dateText = fc
    .tuple(fc.integer({ min: 2025, max: 2027 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
    .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);

  /** A link to another note of the vault, sometimes to a heading, sometimes to a missing note. */
  const link = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...NAMES).map((n) => `[[${n}]]`) },
    { weight: 3, arbitrary: fc.constantFrom(...NAMES).map((n) => `[[${n}#Part]]`) },
    { weight: 1, arbitrary: fc.constantFrom(...NAMES).map((n) => `[${n}](${n}.md)`) },
    { weight: 1, arbitrary: fc.constant('[[Missing]]') },
  );

  const taskLine = fc
    .record({
      indent: fc.constantFrom('', '', '    ', '\t', '        ', '  '),
      marker: fc.constantFrom('- ', '* ', '1. ', '+ '),
      status: fc.constantFrom(' ', ' ', 'x', 'X', '/', '-', '>', '?'),
      text: fc.constantFrom('step', 'do it', 'call #help', 'write'),
      links: fc.array(link, { maxLength: 2 }),
      due: fc.option(dateText, { nil: undefined }),
      done: fc.option(dateText, { nil: undefined }),
      weight: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
    })
    .map((t) => {
      let line = `${t.indent}${t.marker}[${t.status}] ${t.text}`;
      for (const l of t.links) line += ' ' + l;
      if (t.due !== undefined) line += ` 📅 ${t.due}`;
      if (t.done !== undefined) line += ` ✅ ${t.done}`;
      if (t.weight !== undefined) line += ` [weight:: ${t.weight}]`;
      return line;
    });

  const bodyLine = fc.oneof(
    { weight: 8, arbitrary: taskLine },
    { weight: 2, arbitrary: fc.constantFrom('# Plan', '## Part', '### Deeper', '## Why', '# Part') },
    { weight: 1, arbitrary: fc.constantFrom('', '- plain bullet', '    - nested plain', 'Some text', '> quoted') },
    { weight: 1, arbitrary: fc.constantFrom('```', '%%', '<!--', '-->') },
  );

  const frontmatter = fc.record({
    goal: fc.boolean(),
    start: fc.option(dateText, { nil: undefined }),
    target: fc.option(dateText, { nil: undefined }),
    status: fc.option(fc.constantFrom('active', 'paused', 'done', 'staying', 'dropped'), { nil: undefined }),
  });

  const note = fc.record({
    fm: frontmatter,
    body: fc.array(bodyLine, { maxLength: 14 }),
    folder: fc.constantFrom('', '', 'sub/'),
    crlf: fc.boolean(),
  });

  const vault = fc.integer({ min: 3, max: 8 }).chain((n) => fc.array(note, { minLength: n, maxLength: n }));

  function noteText(n: { fm: { goal: boolean; start?: string; target?: string; status?: string }; body: string[]; crlf: boolean }): string {
    const lines: string[] = [];
    if (n.fm.goal || n.fm.start !== undefined) {
      lines.push('---');
      if (n.fm.goal) lines.push('type: goal');
      if (n.fm.start !== undefined) lines.push(`start: ${n.fm.start}`);
      if (n.fm.target !== undefined) lines.push(`target: ${n.fm.target}`);
      if (n.fm.status !== undefined) lines.push(`status: ${n.fm.status}`);
      lines.push('---');
    }
    lines.push(...n.body);
    return lines.join(n.crlf ? '\r\n' : '\n') + '\n';
  }

  /** Checks SPEC 1.3 on every node; returns how many nodes were seen. */
  function checkNode(node: PlanNode): number {
    const p = node.progress;
    expect(p.done).toBeGreaterThanOrEqual(0);
    expect(p.done).toBeLessThanOrEqual(p.total);
    expect(p.percent).toBe(p.total > 0 ? Math.round((100 * p.done) / p.total) : 0);
    if (node.kind === 'ref') {
      expect(node.children).toEqual([]);
      return 1;
    }
    let count = 1;
    let total = 0;
    let done = 0;
    for (const c of node.children) {
      count += checkNode(c);
      if (c.kind === 'ref') continue;
      total += c.progress.total;
      done += c.progress.done;
    }
    const exempt = node.kind === 'step' && (node.status === 'done' || node.status === 'cancelled' || node.leaf);
    if (!exempt) {
      expect({ at: `${node.path}:${node.line} ${node.text}`, total: p.total }).toEqual({ at: `${node.path}:${node.line} ${node.text}`, total });
      expect(p.done).toBe(done);
    }
    if (node.kind === 'step' && node.status === 'cancelled') expect(p).toEqual({ done: 0, total: 0, percent: 0 });
    else if (node.kind === 'step' && node.leaf) {
      expect(p.total).toBe(node.weight);
      expect(p.done).toBe(node.status === 'done' ? node.weight : 0);
    } else if (node.kind === 'step' && node.status === 'done') {
      expect(p.total).toBe(total);
      expect(p.done).toBe(p.total);
    }
    if (node.kind === 'phase') expect(node.children.length).toBeGreaterThan(0);
    return count;
  }

  type GenNote = { fm: { goal: boolean }; folder: string; body: string[]; crlf: boolean };

  function build(notes: GenNote[]): { texts: Map<string, string>; goals: Set<string>; reports: GoalReport[] } {
    const texts = new Map<string, string>();
    const goals = new Set<string>();
    notes.forEach((n, i) => {
      const path = `${n.folder}${NAMES[i] ?? 'X'}.md`;
      texts.set(path, noteText(n));
      if (n.fm.goal) goals.add(path);
    });
    const paths = [...texts.keys()].sort();
    const { index } = indexTexts(paths, texts, OPTIONS);
    return { texts, goals, reports: index.reports(TODAY) };
  }

  function* nodes(node: PlanNode): Generator<PlanNode> {
    yield node;
    for (const c of node.children) yield* nodes(c);
  }

  const RUNS = Number(process.env['VAULT_RUNS'] ?? 150);

  it('gives consistent reports without throwing', () => {
    const seen = { refs: 0, expanded: 0, cycles: 0, unresolved: 0, phases: 0 };
    fc.assert(
      fc.property(vault, (notes) => {
        const { texts, goals, reports } = build(notes);
        expect(reports.map((r) => r.path)).toEqual([...goals].sort());
        for (const r of reports) {
          expect(r.progress).toEqual(r.tree.progress);
          expect(r.tree.kind).toBe('goal');
          expect(r.tree.line).toBe(0);
          expect(r.notes[0]).toBe(r.path);
          checkNode(r.tree);
          for (const p of r.problems) expect(texts.has(p.path)).toBe(true);
          for (const n of nodes(r.tree)) {
            if (n.kind === 'ref') seen.refs++;
            if (n.kind === 'phase') seen.phases++;
            if (n.kind === 'step' && n.children.some((c) => c.path !== n.path && c.kind !== 'ref')) seen.expanded++;
          }
          if (r.problems.some((p) => p.code === 'link-cycle')) seen.cycles++;
          if (r.problems.some((p) => p.code === 'unresolved-link')) seen.unresolved++;
        }
        expect(() => JSON.stringify(reportJson(TODAY, reports))).not.toThrow();
      }),
      { numRuns: RUNS },
    );
    // The generator does reach the interesting cases.
    for (const [what, count] of Object.entries(seen)) expect({ what, reached: count > 0 }).toEqual({ what, reached: true });
  });

  /** Does a step have a step below it (references and phases that only hold references aside)? */
  function hasStepBelow(node: PlanNode): boolean {
    for (const c of node.children) {
      if (c.kind === 'step') return true;
      if (c.kind === 'phase' && hasStepBelow(c)) return true;
    }
    return false;
  }

  /**
   * SPEC 1.3 restated from the leaves: a node's total is the weight of the leaves below it that
   * no cancelled step covers, done the weight of those that are done or under a done step.
   */
  function recount(node: PlanNode, doneAbove = false): { done: number; total: number } {
    if (node.kind === 'ref') return { done: 0, total: 0 };
    if (node.kind === 'step' && node.status === 'cancelled') return { done: 0, total: 0 };
    const done = doneAbove || (node.kind === 'step' && node.status === 'done');
    if (node.kind === 'step' && !hasStepBelow(node)) return { done: done ? node.weight : 0, total: node.weight };
    let d = 0;
    let t = 0;
    for (const c of node.children) {
      const r = recount(c, done);
      d += r.done;
      t += r.total;
    }
    return { done: d, total: t };
  }

  /** Open steps in document order, as SPEC 1.5 defines them, for the lists of a report. */
  function openSteps(node: PlanNode, out: PlanNode[] = [], closed = false, planned = new Map<PlanNode, number>(), above = NO_DAY): PlanNode[] {
    if (node.kind === 'ref') return out;
    const shut = closed || (node.kind === 'step' && (node.status === 'done' || node.status === 'cancelled'));
    const day = node.kind === 'step' && node.due > NO_DAY ? node.due : above;
    if (node.kind === 'step' && !shut && (node.status === 'todo' || node.status === 'doing')) {
      out.push(node);
      planned.set(node, day);
    }
    for (const c of node.children) openSteps(c, out, shut, planned, day);
    return out;
  }

  it('gives every node the numbers a plain recount of its leaves gives, and lists read off the same tree', () => {
    fc.assert(
      fc.property(vault, (notes) => {
        for (const r of build(notes).reports) {
          for (const n of nodes(r.tree)) {
            if (n.kind === 'ref') continue;
            const { done, total } = recount(n);
            expect({ at: `${n.path}:${n.line} ${n.text}`, done: n.progress.done, total: n.progress.total }).toEqual({ at: `${n.path}:${n.line} ${n.text}`, done, total });
            expect(n.leaf).toBe(n.kind === 'step' && !hasStepBelow(n));
          }
          expect(r.progress).toEqual(r.tree.progress);
          const planned = new Map<PlanNode, number>();
          const open = openSteps(r.tree, [], false, planned);
          const active = r.status === 'active';
          const overdue = active ? open.filter((s) => s.due > NO_DAY && s.due < TODAY).sort((a, b) => a.due - b.due) : [];
          expect(r.overdue.map((s) => `${s.path}:${s.line}`)).toEqual(overdue.map((s) => `${s.path}:${s.line}`));
          expect(r.help.map((s) => `${s.path}:${s.line}`)).toEqual(open.filter((s) => s.help).map((s) => `${s.path}:${s.line}`));
          const leaves = open.filter((s) => s.leaf);
          const day = (s: PlanNode): number => planned.get(s) ?? NO_DAY;
          const dated = leaves.filter((s) => day(s) > NO_DAY);
          const earliest = dated.reduce<PlanNode | null>((best, s) => (best === null || day(s) < day(best) ? s : best), null);
          const next = active ? (earliest ?? leaves[0] ?? null) : null;
          expect(r.nextAction === null ? null : `${r.nextAction.path}:${r.nextAction.line}`).toBe(next === null ? null : `${next.path}:${next.line}`);
          ensureIds(r.tree);
          const ids = new Set<string>();
          for (const n of nodes(r.tree)) ids.add(n.id);
          expect(ids.size).toBe([...nodes(r.tree)].length);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('counts every task at most once in a goal tree (no step or phase appears twice outside reference nodes)', () => {
    fc.assert(
      fc.property(vault, (notes) => {
        for (const r of build(notes).reports) {
          const where = new Set<string>();
          for (const n of nodes(r.tree)) {
            if (n.kind === 'ref' || n.kind === 'goal') continue;
            const key = `${n.kind} ${n.path}:${n.line}`;
            expect({ goal: r.path, duplicate: where.has(key) ? key : null }).toEqual({ goal: r.path, duplicate: null });
            where.add(key);
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('gives the same reports whichever goal expands a shared note first, and again from the notes it kept', () => {
    fc.assert(
      fc.property(vault, (notes) => {
        const { texts } = build(notes);
        const paths = [...texts.keys()].sort();
        const forward = indexTexts(paths, texts, OPTIONS).index;
        const first = JSON.stringify(reportJson(TODAY, forward.reports(TODAY)));
        // Goals in reverse order: a note two goals read is written by the other goal first.
        const backward = indexTexts(paths, texts, OPTIONS).index;
        for (const g of [...backward.goalPaths()].reverse()) backward.report(g, TODAY);
        expect(JSON.stringify(reportJson(TODAY, backward.reports(TODAY)))).toBe(first);
        // Every goal again, twice: rows are kept from a note's second walk and copied after.
        for (let again = 0; again < 2; again++) {
          forward.invalidateAll();
          expect(JSON.stringify(reportJson(TODAY, forward.reports(TODAY)))).toBe(first);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("keeps each node's own children (from its own note) in document order", () => {
    fc.assert(
      fc.property(vault, (notes) => {
        for (const r of build(notes).reports) {
          for (const n of nodes(r.tree)) {
            const lines = n.children.filter((c) => c.kind !== 'ref' && c.path === n.path).map((c) => c.line);
            const sorted = [...lines].sort((a, b) => a - b);
            expect({ at: `${n.path}:${n.line} ${n.text}`, lines }).toEqual({ at: `${n.path}:${n.line} ${n.text}`, lines: sorted });
          }
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe('days', () => {
  const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  const leap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const iso = (y: number, m: number, d: number): string => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

  it('round-trip through formatDay and parseDayAt for every date from 1900 to 2200', () => {
    let previous: number | null = null;
    const failures: string[] = [];
    for (let y = 1900; y <= 2200; y++) {
      for (let m = 1; m <= 12; m++) {
        const max = m === 2 && leap(y) ? 29 : (DAYS_IN_MONTH[m - 1] ?? 31);
        for (let d = 1; d <= max; d++) {
          const s = iso(y, m, d);
          const day = dayFromCivil(y, m, d);
          const ok =
            formatDay(day) === s &&
            parseDayAt(s, 0) === day &&
            parseDayAt(`x ${s} y`, 2) === day &&
            (previous === null || day === previous + 1) &&
            civilFromDay(day).join('-') === `${y}-${m}-${d}` &&
            day === Date.UTC(y, m - 1, d) / 86_400_000;
          if (!ok && failures.length < 5) failures.push(s);
          previous = day;
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('1970-01-01 is day 0', () => {
    expect(dayFromCivil(1970, 1, 1)).toBe(0);
    expect(formatDay(0)).toBe('1970-01-01');
  });

  it('reject 2023-02-29 but accept 2024-02-29, 2000-02-29, not 1900-02-29', () => {
    expect(parseDayAt('2023-02-29', 0)).toBe(BAD_DAY);
    expect(parseDayAt('2024-02-29', 0)).toBe(dayFromCivil(2024, 2, 29));
    expect(parseDayAt('2000-02-29', 0)).toBe(dayFromCivil(2000, 2, 29));
    expect(parseDayAt('1900-02-29', 0)).toBe(BAD_DAY);
    expect(parseDayAt('2100-02-29', 0)).toBe(BAD_DAY);
  });

  it('reject impossible dates and ignore text that is not date-shaped', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }), (y, m, d) => {
        const s = iso(y, m, d);
        const valid = m >= 1 && m <= 12 && d >= 1 && d <= (m === 2 && leap(y) ? 29 : (DAYS_IN_MONTH[m - 1] ?? 31));
        expect(parseDayAt(s, 0)).toBe(valid ? dayFromCivil(y, m, d) : BAD_DAY);
      }),
      { numRuns: 1000 },
    );
    expect(parseDayAt('2024-2-29', 0)).toBe(NO_DAY);
    expect(parseDayAt('2024/02/29', 0)).toBe(NO_DAY);
    expect(parseDayAt('2024-02-2', 0)).toBe(NO_DAY);
    expect(parseDayAt('2024-02-2x', 0)).toBe(NO_DAY);
    expect(formatDay(NO_DAY)).toBeNull();
    expect(formatDay(BAD_DAY)).toBeNull();
  });
});

describe('counterexamples found by the properties', () => {
  const TODAY = dayFromCivil(2026, 11, 25);
  const reportOf = (notes: Record<string, string>): GoalReport => {
    const texts = new Map(Object.entries(notes));
    const r = indexTexts([...texts.keys()], texts, OPTIONS).index.reports(TODAY)[0];
    if (r === undefined) throw new Error('no goal');
    return r;
  };
  const GOAL = '---\ntype: goal\n---\n';

  it('tree keeps document order: a task before a sub-heading comes before that sub-heading, a task before the first heading comes first', () => {
    const r = reportOf({ 'G.md': GOAL + '- [ ] top\n# Goal\n- [ ] first\n## Later\n- [ ] second\n' });
    expect(r.tree.children.map((c) => c.text)).toEqual(['top', 'Goal']);
    expect(r.tree.children[1]?.children.map((c) => c.text)).toEqual(['first', 'Later']);
  });

  it('next action is the first open leaf in document order when no step has a due date (a task above a sub-heading)', () => {
    const r = reportOf({ 'G.md': GOAL + '# Goal\n- [ ] first\n## Later\n- [ ] second\n' });
    expect(r.nextAction?.text).toBe('first');
  });

  it('next action is the first open leaf in document order when no step has a due date (a task before the first heading)', () => {
    const r = reportOf({ 'G.md': GOAL + '- [ ] top\n# Goal\n- [ ] inner\n' });
    expect(r.nextAction?.text).toBe('top');
  });

  it('overdue steps due the same day are listed in document order', () => {
    const r = reportOf({ 'G.md': GOAL + '# Goal\n- [ ] first 📅 2026-01-01\n## Later\n- [ ] second 📅 2026-01-01\n' });
    expect(r.overdue.map((s) => s.text)).toEqual(['first', 'second']);
  });

  it('a note linked first by a heading and later whole is not counted twice (the later link should not re-count the section)', () => {
    const r = reportOf({
      'G.md': GOAL + '- [ ] part [[B#Part]]\n- [ ] whole [[B]]\n',
      'B.md': '# B\n- [ ] intro\n## Part\n- [ ] p1\n- [ ] p2\n',
    });
    // B has three tasks; p1 and p2 must count once in the goal's totals.
    expect(r.progress.total).toBe(3);
  });
});
