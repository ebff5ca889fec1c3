/** The host's Editor: transactions, several selections and `replaceSelection`, as CodeMirror 6 does them. */
import { Editor } from './editor';

const pos = (line: number, ch: number) => ({ line, ch });

describe('the Editor of the test host', () => {
  it('applies the changes of one transaction against the text before it, as one change', () => {
    const e = new Editor('- [ ] one 📅 2026-01-01\n- [ ] two');
    e.transaction({
      changes: [
        { from: pos(0, 3), to: pos(0, 4), text: 'x' },
        { from: pos(0, 13), to: pos(0, 23), text: '2026-02-02' },
        { from: pos(1, 9), text: ' ✅ 2026-01-05' },
      ],
    });
    expect(e.getValue()).toBe('- [x] one 📅 2026-02-02\n- [ ] two ✅ 2026-01-05');
    expect(e.changeCount).toBe(1);
  });

  it('refuses changes of one transaction that overlap', () => {
    const e = new Editor('abcdef');
    expect(() => e.transaction({ changes: [{ from: pos(0, 1), to: pos(0, 4), text: 'X' }, { from: pos(0, 3), to: pos(0, 5), text: 'Y' }] })).toThrow(RangeError);
    expect(e.getValue()).toBe('abcdef');
  });

  it('sets the selections given with a transaction, in the text after it', () => {
    const e = new Editor('alpha\nbeta');
    e.transaction({
      changes: [{ from: pos(0, 0), text: '- ' }],
      selections: [{ from: pos(1, 0), to: pos(1, 4) }, { from: pos(0, 2) }],
    });
    expect(e.getValue()).toBe('- alpha\nbeta');
    expect(e.listSelections()).toEqual([
      { anchor: pos(0, 2), head: pos(0, 2) },
      { anchor: pos(1, 0), head: pos(1, 4) },
    ]);
    // The first range given is the main one, wherever it sorts.
    expect(e.getSelection()).toBe('beta');
  });

  it('maps selections through changes not given one: a cursor at an insertion stays before it', () => {
    const e = new Editor('one two three');
    e.setSelections([{ anchor: pos(0, 4) }, { anchor: pos(0, 8), head: pos(0, 13) }]);
    e.transaction({ changes: [{ from: pos(0, 4), text: 'and ' }, { from: pos(0, 8), text: '[' }, { from: pos(0, 13), text: ']' }] });
    expect(e.getValue()).toBe('one and two [three]');
    expect(e.listSelections()).toEqual([
      { anchor: pos(0, 4), head: pos(0, 4) },
      // A selection's edges do not grow over text inserted at them.
      { anchor: pos(0, 13), head: pos(0, 18) },
    ]);
  });

  it('replaceSelection replaces every selection, each becoming a cursor after its copy', () => {
    const e = new Editor('a b c');
    e.setSelections([{ anchor: pos(0, 0), head: pos(0, 1) }, { anchor: pos(0, 4), head: pos(0, 5) }, { anchor: pos(0, 2) }]);
    e.replaceSelection('XY');
    expect(e.getValue()).toBe('XY XYb XY');
    expect(e.listSelections().map((s) => s.head)).toEqual([pos(0, 2), pos(0, 5), pos(0, 9)]);
    expect(e.somethingSelected()).toBe(false);
  });

  it('a transaction with replaceSelection and changes does both at once', () => {
    const e = new Editor('- [ ] step\nnote');
    e.setSelection(pos(1, 0), pos(1, 4));
    e.transaction({ replaceSelection: 'text', changes: [{ from: pos(0, 3), to: pos(0, 4), text: 'x' }] });
    expect(e.getValue()).toBe('- [x] step\ntext');
    expect(e.getCursor()).toEqual(pos(1, 4));
    expect(e.changeCount).toBe(1);
  });

  it('merges selections that overlap, as CodeMirror normalises them', () => {
    const e = new Editor('abcdefgh');
    e.setSelections([{ anchor: pos(0, 1), head: pos(0, 4) }, { anchor: pos(0, 3), head: pos(0, 6) }, { anchor: pos(0, 6) }]);
    expect(e.listSelections()).toEqual([{ anchor: pos(0, 1), head: pos(0, 6) }]);
  });
});
