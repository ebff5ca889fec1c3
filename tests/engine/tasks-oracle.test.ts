/**
 * On every line where the Tasks plugin (8.3.0) reads a field, in its emoji format or its
 * Dataview format, the engine reads the same value; lines Obsidian hides (code, comments,
 * frontmatter) are not tasks to the engine either.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { outlineNote, type FieldDates, type OutlineItem } from '../../src/engine/present/outline';
import { PEER_DATA } from '../peer-data';

const ROOT = join(PEER_DATA, 'tasks-demo');

/** What the Tasks plugin read from a line; its dates are `YYYY-MM-DD`, null or 'Invalid date'. */
interface OracleRow extends FieldDates {
  file: string;
  line: number;
  text: string;
  format: 'tasks' | 'dataview';
  status: string;
  hiddenFromObsidianHeuristic: string | null;
}

const rows = readFileSync(join(ROOT, 'tasks-oracle.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as OracleRow);

const outlines = new Map<string, Map<number, OutlineItem>>();
function itemAt(file: string, line: number): OutlineItem | undefined {
  let byLine = outlines.get(file);
  if (!byLine) {
    const text = readFileSync(join(ROOT, 'vault', file), 'utf8');
    byLine = new Map();
    for (const item of outlineNote(text, null).listItems) if (!byLine.has(item.line)) byLine.set(item.line, item);
    outlines.set(file, byLine);
  }
  return byLine.get(line);
}

const FIELDS = ['due', 'scheduled', 'start', 'created', 'done', 'cancelled'] as const;

describe('task fields agree with the Tasks plugin', () => {
  const visible = rows.filter((r) => r.hiddenFromObsidianHeuristic === null);
  const hidden = rows.filter((r) => r.hiddenFromObsidianHeuristic !== null);

  it('has oracle rows to check', () => {
    expect(visible.length).toBeGreaterThan(1000);
    expect(hidden.length).toBeGreaterThan(0);
  });

  const byFile = new Map<string, OracleRow[]>();
  for (const r of visible) byFile.set(r.file, [...(byFile.get(r.file) ?? []), r]);

  it.each([...byFile.keys()].sort())('%s', (file) => {
    const got: unknown[] = [];
    const want: unknown[] = [];
    for (const row of byFile.get(file) ?? []) {
      const item = itemAt(row.file, row.line);
      const where = `${row.line} (${row.format})`;
      got.push([where, 'task', item?.task ?? null]);
      want.push([where, 'task', row.status]);
      for (const field of FIELDS) {
        const expected = row[field];
        if (expected === null) continue;
        got.push([where, field, item?.[field] ?? null]);
        want.push([where, field, expected === 'Invalid date' ? null : expected]);
      }
    }
    expect(got).toEqual(want);
  });

  it.each(hidden.map((r) => [`${r.file}:${r.line} (${r.hiddenFromObsidianHeuristic})`, r] as const))('hides %s', (_n, row) => {
    expect(itemAt(row.file, row.line)?.task ?? null).toBeNull();
  });
});
