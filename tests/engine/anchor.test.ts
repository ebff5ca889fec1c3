/**
 * The anchor of a task line finds the same fields the reader reads: on every task line of the
 * Tasks plugin's demo vault, each date field's value range holds the date `readFields` reads,
 * and the rows the Tasks plugin itself read agree on dates, recurrence and ids.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { anchorLine, fieldNamed } from '../../src/engine/read/anchor';
import { formatDay } from '../../src/engine/days/dates';
import { DATE_FIELD_NAMES, readFields } from '../../src/engine/read/fields';
import { scanMarkdown } from '../../src/engine/read/markdown';
import { PEER_DATA } from '../peer-data';

const ROOT = join(PEER_DATA, 'tasks-demo');

interface OracleRow {
  file: string;
  line: number;
  text: string;
  format: 'tasks' | 'dataview';
  hiddenFromObsidianHeuristic: string | null;
  recurrence: string | null;
  id: string | null;
  [date: string]: unknown;
}

const rows = readFileSync(join(ROOT, 'tasks-oracle.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as OracleRow)
  .filter((r) => r.hiddenFromObsidianHeuristic === null);

const files = [...new Set(rows.map((r) => r.file))].sort();

function lineOf(text: string, from: number, to: number): string {
  return text.slice(from, to);
}

describe('anchors agree with the field reader', () => {
  it.each(files)('%s', (file) => {
    const text = readFileSync(join(ROOT, 'vault', file), 'utf8');
    const got: unknown[] = [];
    const want: unknown[] = [];
    for (const item of scanMarkdown(text).items) {
      if (item.task === null) continue;
      const raw = lineOf(text, item.lineStart, item.lineEnd);
      const anchor = anchorLine(raw);
      expect(anchor).not.toBeNull();
      if (anchor === null) continue;
      expect(anchor.status).toBe(item.task);
      expect(anchor.textStart).toBe(item.textStart - item.lineStart);
      const read = readFields(raw, anchor.textStart, raw.length, '#help');
      for (const name of DATE_FIELD_NAMES) {
        const field = fieldNamed(anchor, name);
        const value = field === undefined ? null : raw.slice(field.valueFrom, field.valueTo);
        got.push([item.line, name, value !== null && /^\d{4}-\d\d-\d\d/.test(value) ? value.slice(0, 10) : value]);
        want.push([item.line, name, formatDay(read[name]) ?? (field === undefined ? null : value)]);
      }
    }
    expect(got).toEqual(want);
  });

  it.each(rows.filter((r) => r.format === 'tasks').map((r) => [`${r.file}:${r.line}`, r] as const))('%s', (_n, row) => {
    const anchor = anchorLine(row.text);
    expect(anchor).not.toBeNull();
    if (anchor === null) return;
    const value = (name: string): string | null => {
      const f = fieldNamed(anchor, name);
      return f === undefined ? null : row.text.slice(f.valueFrom, f.valueTo);
    };
    for (const name of DATE_FIELD_NAMES) {
      const expected = row[name];
      if (expected === null || expected === 'Invalid date') continue;
      expect([name, value(name)]).toEqual([name, expected]);
    }
    if (row.recurrence !== null) expect(value('recurrence')).toBe(row.recurrence);
    if (row.id !== null) expect(value('id')).toBe(row.id);
  });
});

describe('anchor of one line', () => {
  it('reads the parts of a line in the Tasks format', () => {
    const raw = '\t- [ ] Call movers 🔼 📅 2027-01-12 ⏱ 2d #home ^abc-1';
    const a = anchorLine(raw);
    expect(a).toMatchObject({ indent: '\t', marker: '-', status: ' ', statusCol: 4, textStart: 7, blockId: 'abc-1' });
    expect(a?.fields.map((f) => [f.name, f.format, f.sign, raw.slice(f.from, f.to), raw.slice(f.valueFrom, f.valueTo)])).toEqual([
      ['priority', 'tasks', '🔼', '🔼', '🔼'],
      ['due', 'tasks', '📅', '📅 2027-01-12', '2027-01-12'],
      ['estimate', 'tasks', '⏱', '⏱ 2d', '2d'],
    ]);
    expect(raw.slice(a?.blockIdFrom)).toBe('^abc-1');
  });

  it('reads Dataview fields in brackets and parentheses, unknown keys included', () => {
    const raw = '12) [x] Ship [due:: 2027-01-12] (completion:: 2027-01-10) [Custom Key:: a b ] [[Link]] [x](y.md)';
    const a = anchorLine(raw);
    expect(a).toMatchObject({ indent: '', marker: '12)', status: 'x', blockId: null, blockIdFrom: -1 });
    expect(a?.fields.map((f) => [f.name, f.format, raw.slice(f.from, f.to), raw.slice(f.valueFrom, f.valueTo)])).toEqual([
      ['due', 'dataview-bracket', '[due:: 2027-01-12]', '2027-01-12'],
      ['done', 'dataview-paren', '(completion:: 2027-01-10)', '2027-01-10'],
      ['custom key', 'dataview-bracket', '[Custom Key:: a b ]', 'a b'],
    ]);
  });

  it('reads recurrence up to the next field, and ids', () => {
    const raw = '> - [/] Water 🔁 every week on Monday 📅 2027-01-04 🆔 w1 ⛔ a,b 🏁 delete ^blk';
    const a = anchorLine(raw);
    expect(a?.indent).toBe('> ');
    expect(a?.fields.map((f) => [f.name, raw.slice(f.valueFrom, f.valueTo)])).toEqual([
      ['recurrence', 'every week on Monday'],
      ['due', '2027-01-04'],
      ['id', 'w1'],
      ['dependsOn', 'a,b'],
      ['onCompletion', 'delete'],
    ]);
  });

  it.each([
    ['a plain item', '- plain'],
    ['a paragraph', 'text [ ] here'],
    ['no space after the box', '- [ ]x'],
    ['an empty box', '- []'],
    ['a heading', '# [ ] no'],
  ])('is null on %s', (_n, raw) => {
    expect(anchorLine(raw)).toBeNull();
  });

  it('takes an empty task and a box at the end of the line', () => {
    expect(anchorLine('- [ ]')).toMatchObject({ status: ' ', textStart: 5, fields: [] });
    expect(anchorLine('  * [-] ')).toMatchObject({ indent: '  ', marker: '*', status: '-', textStart: 8 });
  });
});
