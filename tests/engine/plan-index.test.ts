/**
 * The engine's index (src/engine/report/plan-index.ts), built the way the command line builds it
 * (`indexTexts`): which goals a change reaches, and which reports are recomputed or kept.
 */
import { frontmatterOf, indexTexts } from '../../src/cli/load';
import { dayFromCivil } from '../../src/engine/days/dates';
import type { LinkResolver } from '../../src/engine/read/links';
import { readNote } from '../../src/engine/read/note';
import type { PlanIndex } from '../../src/engine/report/plan-index';
import { DEFAULT_ENGINE_OPTIONS, type GoalReport, type NoteData, type PlanNode } from '../../src/engine/types';

const OPTIONS = DEFAULT_ENGINE_OPTIONS;
const TODAY = dayFromCivil(2026, 11, 25);

const goal = (body: string, title?: string): string => `---\ntype: goal\nstart: 2026-11-01\n${title ? `title: ${title}\n` : ''}---\n${body}`;

/** A vault: two goals share a note, one goal has a note of its own, one reads nothing but itself. */
const NOTES: Record<string, string> = {
  'Goals/One.md': goal('# Plan\n- [ ] shared part [[Shared]]\n- [ ] own part [[Only one]]\n- [ ] sub-goal [[Sub]]\n'),
  'Goals/Two.md': goal('- [ ] shared part [[Shared]]\n- [x] done here\n'),
  'Goals/Three.md': goal('- [ ] alone\n- [ ] and again\n'),
  'Goals/Sub.md': goal('- [ ] sub step\n'),
  'Notes/Shared.md': '# Shared\n- [ ] s1\n- [x] s2\n',
  'Notes/Only one.md': '- [ ] o1\n',
  'Notes/Unrelated.md': '- [ ] u1\n',
};

interface Vault {
  index: PlanIndex;
  texts: Map<string, string>;
  /** The resolver the index was built with: the host's view of which files exist. */
  resolver: LinkResolver;
}

function build(notes: Record<string, string> = NOTES): Vault {
  const texts = new Map(Object.entries(notes));
  const { index } = indexTexts([...texts.keys()], texts, OPTIONS);
  // indexTexts keeps the resolver inside the index; a host that sees a file created or deleted
  // updates it (as Obsidian's metadata cache does for the live index).
  const resolver = (index as unknown as { resolver: LinkResolver }).resolver;
  return { index, texts, resolver };
}

function note(path: string, text: string): NoteData {
  return readNote(path, text, frontmatterOf(text), OPTIONS);
}

const sorted = (s: Iterable<string>): string[] => [...s].sort();

function reportOf(index: PlanIndex, path: string): GoalReport {
  const r = index.report(path, TODAY);
  if (r === null) throw new Error(`no report for ${path}`);
  return r;
}

function reportsByPath(index: PlanIndex): Map<string, GoalReport> {
  return new Map(index.reports(TODAY).map((r) => [r.path, r]));
}

function find(node: PlanNode, text: string): PlanNode {
  if (node.text === text) return node;
  for (const c of node.children) {
    try {
      return find(c, text);
    } catch {
      // keep looking
    }
  }
  throw new Error(`no node "${text}"`);
}

describe('PlanIndex built through indexTexts', () => {
  it('holds the goal notes, sorted by path, and reads linked notes when a tree reaches them', () => {
    const { index } = build();
    expect(index.goalPaths()).toEqual(['Goals/One.md', 'Goals/Sub.md', 'Goals/Three.md', 'Goals/Two.md']);
    expect(index.has('Notes/Shared.md')).toBe(false);
    const reports = index.reports(TODAY);
    expect(reports.map((r) => r.path)).toEqual(index.goalPaths());
    expect(index.has('Notes/Shared.md')).toBe(true);
    expect(index.has('Notes/Unrelated.md')).toBe(false);
    expect(reportOf(index, 'Goals/One.md').notes).toEqual(['Goals/One.md', 'Notes/Shared.md', 'Notes/Only one.md', 'Goals/Sub.md']);
  });

  it('keeps a report until something it reads changes', () => {
    const { index } = build();
    const first = reportsByPath(index);
    const again = reportsByPath(index);
    for (const [path, r] of first) expect(again.get(path)).toBe(r);
  });

  it('computes every report again on a new day', () => {
    const { index } = build();
    const a = reportOf(index, 'Goals/Three.md');
    const b = index.report('Goals/Three.md', TODAY + 1) as GoalReport;
    expect(b).not.toBe(a);
    // The schedule starts from today: it moves with the day, and the rest stays as it was.
    const rest = (r: typeof a) => ({ ...r, plan: r.plan.ints, tree: null, dependencies: null, schedule: null, finish: null });
    expect(rest(b)).toEqual(rest(a));
    expect(b.finish).toBe(a.finish + 1);
  });
});

describe('setNote returns the goals that read the note', () => {
  it('a note two goals share: both', () => {
    const { index, texts } = build();
    index.reports(TODAY);
    expect(sorted(index.setNote(note('Notes/Shared.md', texts.get('Notes/Shared.md') ?? '')))).toEqual(['Goals/One.md', 'Goals/Two.md']);
  });

  it('a note one goal reads: that goal only', () => {
    const { index, texts } = build();
    index.reports(TODAY);
    expect(sorted(index.setNote(note('Notes/Only one.md', texts.get('Notes/Only one.md') ?? '')))).toEqual(['Goals/One.md']);
  });

  it('an unrelated note: none', () => {
    const { index } = build();
    index.reports(TODAY);
    expect(sorted(index.setNote(note('Notes/Unrelated.md', '- [ ] changed\n')))).toEqual([]);
    expect(sorted(index.setNote(note('Notes/Unrelated.md', '- [x] changed again\n')))).toEqual([]);
  });

  it('a goal that is also a sub-goal of another: itself and the goal that reads it', () => {
    const { index } = build();
    index.reports(TODAY);
    expect(sorted(index.setNote(note('Goals/Sub.md', goal('- [x] sub step\n'))))).toEqual(['Goals/One.md', 'Goals/Sub.md']);
  });

  it('a goal no other goal reads: itself', () => {
    const { index } = build();
    index.reports(TODAY);
    expect(sorted(index.setNote(note('Goals/Three.md', goal('- [x] alone\n'))))).toEqual(['Goals/Three.md']);
  });

  it('a note a goal no longer links: none, once that goal was computed again', () => {
    const { index, texts } = build();
    index.reports(TODAY);
    index.setNote(note('Goals/One.md', goal('- [ ] shared part [[Shared]]\n')));
    index.reports(TODAY);
    expect(sorted(index.setNote(note('Notes/Only one.md', texts.get('Notes/Only one.md') ?? '')))).toEqual([]);
    expect(sorted(index.setNote(note('Notes/Shared.md', texts.get('Notes/Shared.md') ?? '')))).toEqual(['Goals/One.md', 'Goals/Two.md']);
  });
});

describe('after a change', () => {
  it("a changed linked note changes its goals' reports; the other goals' reports are the same objects", () => {
    const { index } = build();
    const before = reportsByPath(index);
    expect(before.get('Goals/Two.md')?.progress).toEqual({ done: 2, total: 3, percent: 67 });

    index.setNote(note('Notes/Shared.md', '# Shared\n- [x] s1\n- [x] s2\n- [x] s3\n'));
    const after = reportsByPath(index);

    expect(after.get('Goals/Two.md')).not.toBe(before.get('Goals/Two.md'));
    expect(after.get('Goals/Two.md')?.progress).toEqual({ done: 4, total: 4, percent: 100 });
    expect(after.get('Goals/One.md')).not.toBe(before.get('Goals/One.md'));
    expect(find(after.get('Goals/One.md')?.tree as PlanNode, 'shared part [[Shared]]').progress).toEqual({ done: 3, total: 3, percent: 100 });
    expect(after.get('Goals/Three.md')).toBe(before.get('Goals/Three.md'));
    expect(after.get('Goals/Sub.md')).toBe(before.get('Goals/Sub.md'));
  });

  it('a note only one goal reads changes that goal only', () => {
    const { index } = build();
    const before = reportsByPath(index);
    index.setNote(note('Notes/Only one.md', '- [x] o1\n'));
    const after = reportsByPath(index);
    expect(after.get('Goals/One.md')).not.toBe(before.get('Goals/One.md'));
    for (const p of ['Goals/Two.md', 'Goals/Three.md', 'Goals/Sub.md']) expect(after.get(p)).toBe(before.get(p));
  });

  it('an unrelated note changes no report', () => {
    const { index } = build();
    const before = reportsByPath(index);
    index.setNote(note('Notes/Unrelated.md', '- [x] u1\n'));
    const after = reportsByPath(index);
    for (const [p, r] of before) expect(after.get(p)).toBe(r);
  });

  it('a changed sub-goal changes itself and the goal that reads it', () => {
    const { index } = build();
    const before = reportsByPath(index);
    index.setNote(note('Goals/Sub.md', goal('- [x] sub step\n')));
    const after = reportsByPath(index);
    expect(after.get('Goals/Sub.md')?.progress.done).toBe(1);
    expect(after.get('Goals/One.md')).not.toBe(before.get('Goals/One.md'));
    expect(find(after.get('Goals/One.md')?.tree as PlanNode, 'sub-goal [[Sub]]').progress.done).toBe(1);
    expect(after.get('Goals/Two.md')).toBe(before.get('Goals/Two.md'));
    expect(after.get('Goals/Three.md')).toBe(before.get('Goals/Three.md'));
  });
});

describe('deleting a linked note', () => {
  it('makes the goal report an unresolved link at the linking line, and leaves the other goals alone', () => {
    const { index, texts, resolver } = build();
    const before = reportsByPath(index);
    expect(before.get('Goals/One.md')?.problems).toEqual([]);

    texts.delete('Notes/Only one.md');
    resolver.remove('Notes/Only one.md');
    expect(sorted(index.deleteNote('Notes/Only one.md'))).toEqual(['Goals/One.md']);

    const after = reportsByPath(index);
    const one = after.get('Goals/One.md');
    expect(one).not.toBe(before.get('Goals/One.md'));
    expect(one?.problems).toEqual([
      { path: 'Goals/One.md', line: 6, severity: 'warning', code: 'unresolved-link', message: expect.stringContaining('Only one') as unknown },
    ]);
    expect(one?.notes).not.toContain('Notes/Only one.md');
    expect(find(one?.tree as PlanNode, 'own part [[Only one]]')).toMatchObject({ link: null, children: [], progress: { done: 0, total: 1 } });
    expect(index.unresolvedGoals()).toEqual(['Goals/One.md']);
    for (const p of ['Goals/Two.md', 'Goals/Three.md', 'Goals/Sub.md']) expect(after.get(p)).toBe(before.get(p));
  });

  it('a shared note: both goals report it', () => {
    const { index, texts, resolver } = build();
    index.reports(TODAY);
    texts.delete('Notes/Shared.md');
    resolver.remove('Notes/Shared.md');
    expect(sorted(index.deleteNote('Notes/Shared.md'))).toEqual(['Goals/One.md', 'Goals/Two.md']);
    for (const p of ['Goals/One.md', 'Goals/Two.md']) {
      expect(reportOf(index, p).problems.map((x) => x.code)).toEqual(['unresolved-link']);
    }
    expect(sorted(index.unresolvedGoals())).toEqual(['Goals/One.md', 'Goals/Two.md']);
  });
});

describe('creating a note a goal linked while it was missing', () => {
  const MISSING: Record<string, string> = {
    'Goal.md': goal('- [ ] later part [[Later]]\n- [ ] now\n'),
    'Other.md': goal('- [ ] other\n'),
  };

  it('resolves the link: the goal is recomputed and expands the new note', () => {
    const { index, texts, resolver } = build(MISSING);
    const before = reportsByPath(index);
    expect(before.get('Goal.md')?.problems.map((p) => [p.code, p.line])).toEqual([['unresolved-link', 4]]);
    expect(index.unresolvedGoals()).toEqual(['Goal.md']);

    const text = '- [x] l1\n- [ ] l2\n';
    texts.set('Later.md', text);
    resolver.add('Later.md');
    expect(sorted(index.setNote(note('Later.md', text)))).toEqual(['Goal.md']);

    const after = reportsByPath(index);
    const r = after.get('Goal.md');
    expect(r).not.toBe(before.get('Goal.md'));
    expect(r?.problems).toEqual([]);
    expect(r?.notes).toEqual(['Goal.md', 'Later.md']);
    expect(find(r?.tree as PlanNode, 'later part [[Later]]')).toMatchObject({ link: 'Later.md', progress: { done: 1, total: 2 } });
    expect(r?.progress).toEqual({ done: 1, total: 3, percent: 33 });
    expect(index.unresolvedGoals()).toEqual([]);
    expect(after.get('Other.md')).toBe(before.get('Other.md'));
  });

  it('after the link resolved, a change to the new note reaches the goal', () => {
    const { index, texts, resolver } = build(MISSING);
    index.reports(TODAY);
    texts.set('Later.md', '- [ ] l1\n');
    resolver.add('Later.md');
    index.setNote(note('Later.md', '- [ ] l1\n'));
    index.reports(TODAY);
    expect(sorted(index.setNote(note('Later.md', '- [x] l1\n')))).toEqual(['Goal.md']);
    expect(reportOf(index, 'Goal.md').progress).toEqual({ done: 1, total: 2, percent: 50 });
  });
});

describe('a note that stops being a goal', () => {
  it('disappears from goalPaths() and from the reports', () => {
    const { index } = build();
    const before = reportsByPath(index);
    const affected = index.setNote(note('Goals/Three.md', '- [ ] alone\n- [ ] and again\n'));
    expect(sorted(affected)).toEqual(['Goals/Three.md']);
    expect(index.goalPaths()).toEqual(['Goals/One.md', 'Goals/Sub.md', 'Goals/Two.md']);
    expect(index.report('Goals/Three.md', TODAY)).toBeNull();
    const after = reportsByPath(index);
    expect([...after.keys()]).toEqual(['Goals/One.md', 'Goals/Sub.md', 'Goals/Two.md']);
    for (const p of after.keys()) expect(after.get(p)).toBe(before.get(p));
  });

  it('a sub-goal that stops being a goal is still expanded in the goal that links it', () => {
    const { index } = build();
    index.reports(TODAY);
    const affected = index.setNote(note('Goals/Sub.md', '- [ ] sub step\n- [ ] new step\n'));
    expect(sorted(affected)).toEqual(['Goals/One.md', 'Goals/Sub.md']);
    expect(index.goalPaths()).not.toContain('Goals/Sub.md');
    expect(find(reportOf(index, 'Goals/One.md').tree, 'sub-goal [[Sub]]').progress.total).toBe(2);
  });

  it('no longer counts as a reader of the notes it linked: setNote of such a note returns only goals', () => {
    const { index, texts } = build();
    index.reports(TODAY);
    index.setNote(note('Goals/Two.md', '- [ ] shared part [[Shared]]\n'));
    index.reports(TODAY);
    expect(index.goalPaths()).not.toContain('Goals/Two.md');
    // Goals/Two.md is no goal any more: it has no report to recompute.
    expect(sorted(index.setNote(note('Notes/Shared.md', texts.get('Notes/Shared.md') ?? '')))).toEqual(['Goals/One.md']);
  });

  it('no longer counts among the goals with an unresolved link', () => {
    const { index } = build({
      'Goal.md': goal('- [ ] later part [[Later]]\n'),
      'Other.md': goal('- [ ] other\n'),
      'Unrelated.md': '- [ ] u\n',
    });
    index.reports(TODAY);
    expect(index.unresolvedGoals()).toEqual(['Goal.md']);
    index.setNote(note('Goal.md', '- [ ] later part [[Later]]\n'));
    index.reports(TODAY);
    expect(index.unresolvedGoals()).toEqual([]);
    // A note appearing for the first time reaches no goal.
    expect(sorted(index.setNote(note('Unrelated.md', '- [ ] u\n')))).toEqual([]);
  });

  it('and a note that becomes a goal appears', () => {
    const { index } = build();
    index.reports(TODAY);
    index.setNote(note('Notes/Unrelated.md', goal('- [ ] u1\n', 'Now a goal')));
    expect(index.goalPaths()).toContain('Notes/Unrelated.md');
    expect(reportOf(index, 'Notes/Unrelated.md').title).toBe('Now a goal');
  });

  it('a deleted goal is gone, and no longer counts as a reader of its notes', () => {
    const { index, texts } = build();
    index.reports(TODAY);
    expect(sorted(index.deleteNote('Goals/Two.md'))).toEqual(['Goals/Two.md']);
    expect(index.goalPaths()).not.toContain('Goals/Two.md');
    expect(index.report('Goals/Two.md', TODAY)).toBeNull();
    expect(sorted(index.setNote(note('Notes/Shared.md', texts.get('Notes/Shared.md') ?? '')))).toEqual(['Goals/One.md']);
  });
});
