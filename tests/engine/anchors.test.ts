/**
 * What edits and the view need from a report: the raw line of every step, node ids that
 * survive lines inserted above, checkpoint anchors, the capacity of SPEC 1.4, and a report
 * that is one fixed value.
 */
import { join } from 'node:path';
import { indexTexts, loadVault } from '../../src/cli/load';
import { ensureIds } from '../../src/engine/plan/plan';
import { anchorLine } from '../../src/engine/read/anchor';
import { DEFAULT_ENGINE_OPTIONS, type GoalReport, type PlanNode } from '../../src/engine/types';
import { day, find } from './helpers';

const TODAY = day('2026-11-25');

function reportOf(files: Record<string, string>, options = DEFAULT_ENGINE_OPTIONS): GoalReport {
  const texts = new Map(Object.entries(files));
  const { index } = indexTexts([...texts.keys()].sort(), texts, options);
  const r = index.reports(TODAY)[0];
  if (r === undefined) throw new Error('no goal');
  ensureIds(r.tree);
  return r;
}

function* nodes(node: PlanNode): Generator<PlanNode> {
  yield node;
  for (const c of node.children) yield* nodes(c);
}

const GOAL = [
  '---',
  'type: goal',
  'start: 2026-11-01',
  'target: 2026-12-31',
  'checkpoints:',
  '  # the first review',
  '  - date: 2026-11-20',
  '    label: First',
  '    expect: 20',
  '',
  '  - {date: 2026-12-15, expect: 60}',
  '  - date: 2026-12-20',
  '    note: |',
  '      two lines',
  '      of note',
  'status: active',
  '---',
  '# Plan',
  '## Draft',
  '- [ ] Write [[Chapter]] 📅 2026-12-01',
  '\t- [x] Outline ✅ 2026-11-10',
  '\t- [ ] Same text',
  '\t- [ ] Same text ⏱ 3d',
  '- [/] Review  📅 2026-12-10 ^blk',
  '',
].join('\n');

const CHAPTER = '# Chapter\n- [ ] Scene one\n- [ ] Scene two ⏱ 4h\n';

describe('anchored steps', () => {
  it('carry their whole line as read, without the line ending, with CRLF too', () => {
    for (const eol of ['\n', '\r\n']) {
      const r = reportOf({ 'Goal.md': GOAL.split('\n').join(eol), 'Chapter.md': CHAPTER.split('\n').join(eol) });
      const lines = GOAL.split('\n');
      for (const n of nodes(r.tree)) {
        if (n.kind !== 'step') {
          expect(n.raw).toBeNull();
          continue;
        }
        const source = n.path === 'Goal.md' ? lines : CHAPTER.split('\n');
        expect(n.raw).toBe(source[n.line]);
      }
      expect(find(r.tree, 'Review').raw).toBe('- [/] Review  📅 2026-12-10 ^blk');
    }
  });

  it('have ids unique in the goal that survive lines inserted above them, and differ for equal texts', () => {
    const before = reportOf({ 'Goal.md': GOAL, 'Chapter.md': CHAPTER });
    const inserted = GOAL.replace('# Plan\n', '# Plan\nA new paragraph.\n\n- [ ] A new first step\n').replace('## Draft\n', '## Draft\n- plain bullet\n');
    const after = reportOf({ 'Goal.md': inserted, 'Chapter.md': CHAPTER.replace('# Chapter\n', '# Chapter\nIntro.\n') });
    const ids = (r: GoalReport): Map<string, string> => {
      const out = new Map<string, string>();
      const seen = new Map<string, number>();
      for (const n of nodes(r.tree)) {
        const k = `${n.kind} ${n.text}`;
        const i = seen.get(k) ?? 0;
        seen.set(k, i + 1);
        out.set(`${k} #${i}`, n.id);
      }
      return out;
    };
    const a = ids(before);
    const b = ids(after);
    for (const [key, id] of a) expect({ key, id: b.get(key) }).toEqual({ key, id });
    expect(find(after.tree, 'Scene one').line).toBe(find(before.tree, 'Scene one').line + 1);
    const same = [...nodes(before.tree)].filter((n) => n.text === 'Same text');
    expect(same).toHaveLength(2);
    expect(same[0]?.id).not.toBe(same[1]?.id);
    const all = [...nodes(before.tree)].map((n) => n.id);
    expect(new Set(all).size).toBe(all.length);
  });

  it('mark leaves and keep estimates in minutes', () => {
    const r = reportOf({ 'Goal.md': GOAL, 'Chapter.md': CHAPTER });
    expect(find(r.tree, 'Write [[Chapter]]').leaf).toBe(false);
    expect(find(r.tree, 'Scene two').leaf).toBe(true);
    expect(find(r.tree, 'Scene two').estimate).toBe(240);
    expect([...nodes(r.tree)].filter((n) => n.leaf).map((n) => n.text)).toEqual(['Outline', 'Same text', 'Same text', 'Scene one', 'Scene two', 'Review']);
  });
});

describe('checkpoint anchors', () => {
  it('give each entry its index in the list, its first and last line, and whether it is flow style', () => {
    const r = reportOf({ 'Goal.md': GOAL, 'Chapter.md': CHAPTER });
    expect(r.checkpoints.map((c) => ({ index: c.index, line: c.line, lastLine: c.lastLine, flow: c.flow }))).toEqual([
      { index: 0, line: 6, lastLine: 8, flow: false },
      { index: 1, line: 10, lastLine: 10, flow: true },
      { index: 2, line: 11, lastLine: 14, flow: false },
    ]);
  });

  it('keep the index of the frontmatter list when entries are sorted by date', () => {
    const text = ['---', 'type: goal', 'start: 2026-11-01', 'checkpoints:', '- date: 2026-12-20', '- date: 2026-11-10', '---', ''].join('\n');
    const r = reportOf({ 'Goal.md': text });
    expect(r.checkpoints.map((c) => [c.index, c.line])).toEqual([
      [1, 5],
      [0, 4],
    ]);
  });

  it('call a whole flow list flow style', () => {
    const text = ['---', 'type: goal', 'checkpoints: [{date: 2026-12-01}, {date: 2027-01-01}]', '---', ''].join('\n');
    const r = reportOf({ 'Goal.md': text });
    expect(r.checkpoints.map((c) => [c.index, c.line, c.flow])).toEqual([
      [0, 2, true],
      [1, 2, true],
    ]);
  });
});

describe('capacity (SPEC 1.4)', () => {
  it('weighs open leaves in working days against the working days left through the target', () => {
    const r = reportOf({ 'Goal.md': GOAL, 'Chapter.md': CHAPTER });
    // Open leaves: Same text (1), Same text ⏱ 3d (3), Scene one (1), Scene two ⏱ 4h (1), Review (1).
    // 2026-11-25 (Wed) through 2026-12-31 (Thu): 27 working days.
    expect(r.capacity).toEqual({ work: 7, estimated: 4, days: 27, slack: 20 });
  });

  it('counts the working days of the settings', () => {
    const r = reportOf({ 'Goal.md': GOAL, 'Chapter.md': CHAPTER }, { ...DEFAULT_ENGINE_OPTIONS, workingDays: [1, 2, 3, 4, 5, 6] });
    expect(r.capacity?.days).toBe(32);
  });

  it('is short when the work does not fit, and null without a target or with nothing open', () => {
    const short = reportOf({ 'Goal.md': ['---', 'type: goal', 'start: 2026-11-01', 'target: 2026-11-27', '---', '- [ ] Big ⏱ 2w', '- [ ] Small', ''].join('\n') });
    expect(short.capacity).toEqual({ work: 11, estimated: 10, days: 3, slack: -8 });
    const past = reportOf({ 'Goal.md': ['---', 'type: goal', 'target: 2026-11-01', '---', '- [ ] Late', ''].join('\n') });
    expect(past.capacity).toEqual({ work: 1, estimated: 0, days: 0, slack: -1 });
    expect(reportOf({ 'Goal.md': ['---', 'type: goal', '---', '- [ ] No target', ''].join('\n') }).capacity).toBeNull();
    expect(reportOf({ 'Goal.md': ['---', 'type: goal', 'target: 2027-01-01', '---', '- [x] Done ✅ 2026-11-01', ''].join('\n') }).capacity).toBeNull();
  });
});

describe('a report is one fixed value', () => {
  it('holds its tree as data, and its totals are the tree root', () => {
    const r = reportOf({ 'Goal.md': GOAL, 'Chapter.md': CHAPTER });
    const d = Object.getOwnPropertyDescriptor(r, 'plan');
    expect(d !== undefined && 'value' in d && d.get === undefined).toBe(true);
    expect(r.plan.size).toBeGreaterThan(1);
    // The node objects are made once from that data.
    expect(r.tree).toBe(r.tree);
    expect(r.progress).toEqual(r.tree.progress);
    expect(r.progress).toEqual(r.plan.progress(0));
  });

  it('shows the tree it was computed from after the notes change, even when first shown after', () => {
    const texts = new Map(Object.entries({ 'Goal.md': GOAL, 'Chapter.md': CHAPTER }));
    const { index } = indexTexts([...texts.keys()].sort(), texts, DEFAULT_ENGINE_OPTIONS);
    const before = index.reports(TODAY)[0] as GoalReport;
    const chapter = index.get('Chapter.md');
    if (chapter === undefined) throw new Error('no chapter');
    // Both scenes done, read again as a changed note would be.
    const { index: changed } = indexTexts(['Chapter.md', 'Goal.md'], new Map([...texts, ['Chapter.md', CHAPTER.replace(/\[ \]/g, '[x]')]]), DEFAULT_ENGINE_OPTIONS);
    const after = changed.reports(TODAY)[0] as GoalReport;
    index.setNote(changed.get('Chapter.md') ?? chapter);
    const again = index.reports(TODAY)[0] as GoalReport;
    expect(again.progress.done).toBe(after.progress.done);
    expect(after.progress.done).toBeGreaterThan(before.progress.done);
    // The kept report's tree, made only now, still agrees with its own totals.
    const scene = find(before.tree, 'Scene one');
    expect(scene.status).toBe('todo');
    expect(before.tree.progress).toEqual(before.progress);
    expect(find(again.tree, 'Scene one').status).toBe('done');
  });
});

describe('anchorLine', () => {
  it('gives every step of the demo vault its checkbox, marker and field ranges, matching what the tree read', () => {
    const reports = loadVault(join(__dirname, '..', '..', 'demo-vault')).index.reports(TODAY);
    let steps = 0;
    let dues = 0;
    for (const r of reports) {
      for (const n of nodes(r.tree)) {
        if (n.kind !== 'step') {
          expect(n.raw).toBeNull();
          continue;
        }
        const a = n.raw === null ? null : anchorLine(n.raw);
        steps++;
        if (a === null) throw new Error(`no anchor for ${n.path}:${n.line}`);
        expect(a.raw).toBe(n.raw);
        expect(a.raw.slice(0, a.indent.length)).toBe(a.indent);
        const status = a.raw.charAt(a.statusCol);
        expect({ done: 'xX', cancelled: '-', doing: '/', deferred: '>', todo: ' ' }[n.status ?? 'todo'].includes(status) || n.status === 'todo').toBe(true);
        const due = a.fields.find((f) => f.name === 'due');
        if (n.due > -1_000_000) {
          dues++;
          if (due === undefined) throw new Error(`no due field on ${n.raw ?? ''}`);
          expect(day(a.raw.slice(due.valueFrom, due.valueTo))).toBe(n.due);
        }
      }
    }
    expect(steps).toBeGreaterThan(50);
    expect(dues).toBeGreaterThan(10);
  });
});
