/** Block structure beyond the peer data: the CommonMark rules Obsidian's parser follows. */
import { scanMarkdown } from '../../src/engine/read/markdown';

function items(text: string) {
  return scanMarkdown(text).items.map((i) => [i.line, i.parent, i.task]);
}

describe('list items', () => {
  it('nests by indentation, tabs and spaces alike', () => {
    expect(items('- [ ] a\n\t- [ ] b\n    - [x] c\n- [ ] d')).toEqual([
      [0, -1, ' '],
      [1, 0, ' '],
      [2, 0, 'x'],
      [3, -1, ' '],
    ]);
  });
  it('ignores tasks in fenced code, tilde fences, indented code, HTML comments and %% comments', () => {
    const text = ['```', '- [ ] a', '```', '~~~~', '- [ ] b', '~~~~', '', '    - [ ] c', '', '<!--', '- [ ] d', '-->', '%%', '- [ ] e', '%%', '- [ ] f'].join('\n');
    expect(items(text)).toEqual([[15, -15, ' ']]);
  });
  it('keeps a list going across a blank line, and ends it at a paragraph', () => {
    expect(items('- [ ] a\n\n- [ ] b\n\ntext\n\n- [ ] c')).toEqual([
      [0, -1, ' '],
      [2, -1, ' '],
      [6, -6, ' '],
    ]);
    // Text right below an item continues it (a lazy continuation line).
    expect(items('- [ ] a\ntext\n- [ ] b')).toEqual([
      [0, -1, ' '],
      [2, -1, ' '],
    ]);
  });
  it('does not let an ordered list other than 1 interrupt a paragraph', () => {
    expect(items('Some text\n2. [ ] not an item\n1. [ ] an item')).toEqual([[2, -2, ' ']]);
  });
  it('reads a thematic break, not an item, in "* * *"', () => {
    expect(items('* * *\n- [ ] a')).toEqual([[1, -1, ' ']]);
  });
  it('reads the same with CRLF line endings', () => {
    expect(items('- [ ] a\r\n    - [x] b\r\n')).toEqual(items('- [ ] a\n    - [x] b\n'));
  });
  it('sees lists inside block quotes and callouts', () => {
    expect(items('> [!todo] Plan\n> - [ ] a\n>     - [ ] b\n\n- [ ] c')).toEqual([
      [1, -1, ' '],
      [2, 1, ' '],
      [4, -4, ' '],
    ]);
  });
});

describe('headings', () => {
  it('reads ATX headings with closing hashes and setext headings', () => {
    const scan = scanMarkdown('# One #\n\nTwo\n===\n\n## Three ##\n#not a heading\n');
    expect(scan.headings).toEqual([
      { line: 0, level: 1, heading: 'One' },
      { line: 2, level: 1, heading: 'Two' },
      { line: 5, level: 2, heading: 'Three' },
    ]);
  });
  it('does not read headings in code or frontmatter', () => {
    const scan = scanMarkdown('---\ntitle: x\n# no\n---\n```\n# no\n```\n# yes');
    expect(scan.headings.map((h) => h.heading)).toEqual(['yes']);
  });
});

describe('a byte-order mark', () => {
  it('does not hide the frontmatter, a heading or a task on the first line', () => {
    expect(scanMarkdown('\uFEFF---\ntype: goal\n---\n- [ ] a').frontmatter).toMatchObject({ from: 1, to: 2 });
    expect(scanMarkdown('\uFEFF# Title\n').headings).toEqual([{ line: 0, level: 1, heading: 'Title' }]);
    expect(items('\uFEFF- [ ] a')).toEqual([[0, -1, ' ']]);
  });
});
