/** Frontmatter edits line by line (SPEC 2.6) and dated entries under a heading: before and after. */
import { appendToSection, editFrontmatter, type FrontmatterOp } from '../../src/engine/edit/frontmatter';

const review = (index: number, note?: string): FrontmatterOp => ({ kind: 'review', index, values: { progress: 38, feeling: 3, note, reviewed: '2026-11-25' } });

const setDone: FrontmatterOp = { kind: 'set', key: 'status', value: 'done' };

const cases: { name: string; before: string; op: FrontmatterOp; after: string; changed: number[] }[] = [
  {
    name: 'a review fills the keys an entry lacks after its last line, at its keys\' column',
    before: '---\ntype: goal\ncheckpoints:\n  - date: 2026-11-20 # first\n    label: "Draft, part one"\n  # between\n  - date: 2026-12-31\n---\nbody\n',
    op: review(0, 'Slow: but steady'),
    after: '---\ntype: goal\ncheckpoints:\n  - date: 2026-11-20 # first\n    label: "Draft, part one"\n    progress: 38\n    feeling: 3\n    note: "Slow: but steady"\n    reviewed: 2026-11-25\n  # between\n  - date: 2026-12-31\n---\nbody\n',
    changed: [5, 6, 7, 8],
  },
  {
    name: 'a key the entry has gets its value replaced where it stands, its comment kept',
    before: '---\ncheckpoints:\n-   date: 2026-11-20\n    feeling: 2   # was low\n    label: x\n---\n',
    op: review(0, 'fine'),
    after: '---\ncheckpoints:\n-   date: 2026-11-20\n    feeling: 3   # was low\n    label: x\n    progress: 38\n    note: fine\n    reviewed: 2026-11-25\n---\n',
    changed: [3, 5, 6, 7],
  },
  {
    name: 'CRLF notes get CRLF lines',
    before: '---\r\nstatus: active # for now\r\n---\r\n',
    op: { kind: 'set', key: 'status', value: 'paused' },
    after: '---\r\nstatus: paused # for now\r\n---\r\n',
    changed: [1],
  },
  {
    name: 'a quoted status keeps its quotes',
    before: "---\nstatus:   'active'\n---\n",
    op: { kind: 'set', key: 'status', value: 'staying' },
    after: "---\nstatus:   'staying'\n---\n",
    changed: [1],
  },
  {
    name: 'a missing status is the last frontmatter line',
    before: '---\ntype: goal\ntags:\n  - goal\n---\n# Goal\n',
    op: { kind: 'set', key: 'status', value: 'paused' },
    after: '---\ntype: goal\ntags:\n  - goal\nstatus: paused\n---\n# Goal\n',
    changed: [4],
  },
  {
    name: 'a checkpoint goes in date order, shaped like its neighbours',
    before: '---\ncheckpoints:\n    -  date: 2026-10-01\n       expect: 10\n    -  date: 2027-01-01\n---\n',
    op: { kind: 'add-checkpoint', checkpoint: { date: '2026-12-01', label: 'Half way', expect: 30 } },
    after: '---\ncheckpoints:\n    -  date: 2026-10-01\n       expect: 10\n    -  date: 2026-12-01\n       label: Half way\n       expect: 30\n    -  date: 2027-01-01\n---\n',
    changed: [4, 5, 6],
  },
  {
    name: 'the first checkpoint creates the list',
    before: '---\ntype: goal\n---\n',
    op: { kind: 'add-checkpoint', checkpoint: { date: '2026-12-01', label: 'yes', expect: null } },
    after: '---\ntype: goal\ncheckpoints:\n  - date: 2026-12-01\n    label: "yes"\n---\n',
    changed: [2, 3, 4],
  },
];

test.each(cases)('$name', ({ before, op, after, changed }) => {
  const r = editFrontmatter(before, op);
  if (!r.ok) throw new Error(r.reason);
  expect(r.text).toBe(after);
  expect(r.changed).toEqual(changed);
});

test.each<[string, string, FrontmatterOp]>([
  ['flow-style checkpoints', '---\ncheckpoints: [{date: 2026-11-20}]\n---\n', review(0)],
  ['a flow-style entry value', '---\ncheckpoints:\n  - date: 2026-11-20\n    tags: [a, b]\n---\n', review(0)],
  ['an anchored entry', '---\ncheckpoints:\n  - &first date: 2026-11-20\n---\n', review(0)],
  ['an alias as a value', '---\nbase: &d 2026-11-20\ncheckpoints:\n  - date: *d\n---\n', review(0)],
  ['a block scalar note', '---\ncheckpoints:\n  - date: 2026-11-20\n    note: |\n      two\n      lines\n---\n', review(0, 'new')],
  ['a status given twice', '---\nstatus: active\nstatus: paused\n---\n', setDone],
  ['a merge key', '---\n<<: {status: active}\n---\n', setDone],
  ['a note without frontmatter', '# Goal\n', setDone],
])('%s needs the fallback', (_name, before, op) => {
  const r = editFrontmatter(before, op);
  expect(r).toMatchObject({ ok: false, fallback: true });
  if (!r.ok) expect(r.reason).toMatch(/^needs fallback/);
});

test('a review of a checkpoint that is not there is refused, not sent to the fallback', () => {
  expect(editFrontmatter('---\ncheckpoints:\n  - date: 2026-11-20\n---\n', review(3))).toMatchObject({ ok: false, fallback: false });
});

describe('appendToSection', () => {
  test('an entry goes at the end of its section, before the blank lines and the next heading', () => {
    const before = '# G\n## Reviews\n- 2026-10-01 — first\n\n## Decisions\n- old\n';
    const r = appendToSection(before, 'Reviews', ['- 2026-11-25 — second']);
    expect(r).toEqual({ ok: true, text: '# G\n## Reviews\n- 2026-10-01 — first\n- 2026-11-25 — second\n\n## Decisions\n- old\n', changed: [3] });
  });
  test('a missing heading is created at the end after a blank line, in CRLF when the note is', () => {
    const r = appendToSection('---\na: 1\n---\r\n# G\r\n- [ ] x', 'Decisions', ['- 2026-11-25 — Paused: winter']);
    expect(r).toMatchObject({ ok: true, text: '---\na: 1\n---\r\n# G\r\n- [ ] x\n\n## Decisions\n- 2026-11-25 — Paused: winter\n' });
  });
  test('a heading inside a code block is not the section', () => {
    const r = appendToSection('# G\n```\n## Reviews\n```\n\n', 'Reviews', ['- e']);
    expect(r).toMatchObject({ ok: true, text: '# G\n```\n## Reviews\n```\n\n## Reviews\n- e\n' });
  });
});
