/**
 * Property tests of the engine: reading never throws, LF and CRLF read the same, a random vault
 * of linked notes gives consistent progress, and the day arithmetic round-trips.
 */
import fc from 'fast-check';
import { indexTexts, frontmatterOf } from '../../src/cli/load';
import { BAD_DAY, NO_DAY, civilFromDay, dayFromCivil, formatDay, parseDayAt } from '../../src/engine/dates';
import { scanMarkdown } from '../../src/engine/markdown';
import { readNote } from '../../src/engine/note';
import { outlineNote } from '../../src/engine/outline';
import { reportJson } from '../../src/engine/report';
import { isLeaf } from '../../src/engine/tree';
import { DEFAULT_ENGINE_OPTIONS, type PlanNode } from '../../src/engine/types';

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
/** Markdown-ish text with LF line endings only. */
const lfText = markdownish.map((t) => t.replace(/\r/g, ''));

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
      fc.property(markdownish, (text) => {
        readAll(text);
      }),
      { numRuns: 500 },
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
    { weight: 1, arbitrary: fc.constantFrom(...NAMES).map((n) => `[[${n}#Part]]`) },
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
    const exempt = node.kind === 'step' && (node.status === 'done' || node.status === 'cancelled' || isLeaf(node));
    if (!exempt) {
      expect({ at: `${node.path}:${node.line} ${node.text}`, total: p.total }).toEqual({ at: `${node.path}:${node.line} ${node.text}`, total });
      expect(p.done).toBe(done);
    }
    if (node.kind === 'step' && node.status === 'cancelled') expect(p).toEqual({ done: 0, total: 0, percent: 0 });
    else if (node.kind === 'step' && isLeaf(node)) {
      expect(p.total).toBe(node.weight);
      expect(p.done).toBe(node.status === 'done' ? node.weight : 0);
    } else if (node.kind === 'step' && node.status === 'done') {
      expect(p.total).toBe(total);
      expect(p.done).toBe(p.total);
    }
    if (node.kind === 'phase') expect(node.children.length).toBeGreaterThan(0);
    return count;
  }

  it('gives consistent reports without throwing', () => {
    fc.assert(
      fc.property(vault, (notes) => {
        const texts = new Map<string, string>();
        const goals = new Set<string>();
        notes.forEach((n, i) => {
          const path = `${n.folder}${NAMES[i] ?? 'X'}.md`;
          texts.set(path, noteText(n));
          if (n.fm.goal) goals.add(path);
        });
        const paths = [...texts.keys()].sort();
        const { index } = indexTexts(paths, texts, OPTIONS);
        const reports = index.reports(TODAY);
        expect(reports.map((r) => r.path)).toEqual([...goals].sort());
        for (const r of reports) {
          expect(r.progress).toBe(r.tree.progress);
          expect(r.tree.kind).toBe('goal');
          expect(r.tree.line).toBe(0);
          expect(r.notes[0]).toBe(r.path);
          checkNode(r.tree);
          for (const p of r.problems) expect(texts.has(p.path)).toBe(true);
        }
        expect(() => JSON.stringify(reportJson(TODAY, reports))).not.toThrow();
      }),
      { numRuns: Number(process.env.VAULT_RUNS ?? 150) },
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
