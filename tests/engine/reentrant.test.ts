/**
 * Reading is reentrant: no module-level state changes per call, so a scan or a read that
 * starts while another is under way (here: from inside a string method the outer one calls)
 * leaves the outer one's result as it would have been.
 */
import { scanMarkdown } from '../../src/engine/read/markdown';
import { readNote } from '../../src/engine/read/note';
import { DEFAULT_ENGINE_OPTIONS } from '../../src/engine/types';

const METHODS = ['charCodeAt', 'charAt', 'indexOf', 'lastIndexOf', 'startsWith', 'slice', 'includes', 'toLowerCase'] as const;

/** The text as a String object whose methods call `onCall` before they answer. */
function watched(text: string, onCall: () => void): string {
  const boxed = new String(text);
  for (const name of METHODS) {
    Object.defineProperty(boxed, name, {
      value: (...args: unknown[]) => {
        onCall();
        return (text[name] as (...a: unknown[]) => unknown).call(text, ...args);
      },
    });
  }
  return boxed as unknown as string;
}

/** Runs `nested` at every `step`-th string call of `outer`; each result must be the plain one. */
function expectReentrant<T>(outer: (text: string) => T, text: string, nested: () => void, step = 1): void {
  const plain = outer(text);
  let calls = 0;
  expect(outer(watched(text, () => calls++))).toEqual(plain);
  expect(calls).toBeGreaterThan(10);
  for (let at = 1; at <= calls; at += step) {
    let n = 0;
    expect(outer(watched(text, () => ++n === at && nested()))).toEqual(plain);
  }
}

const WITH_COMMENTS = ['# Plan', '', '- [ ] One %% hidden', '- [ ] Two [[Inside]] %%', '- [ ] Three', '%%', '- [ ] Commented out', '%%', '## After', '- [x] Four', ''].join('\n');
const PLAIN = ['# Other', '- [ ] a', '    - [ ] b', '        - [ ] c', '- [ ] d', ''].join('\n');
const NESTED = ['# Goal', '', '- [ ] Top', '    - plain bullet', '        - [ ] Under a bullet', '    - [x] Child ✅ 2026-01-02', '- [ ] Second', '    - [ ] Deep', '        - [ ] Deeper', ''].join('\n');
const BIG = Array.from({ length: 60 }, (_, i) => `${'    '.repeat(i % 3)}- [ ] Item ${i}`).join('\n');

describe('reentrant reading', () => {
  it('a scan that runs inside another leaves the outer scan as it was (comments included)', () => {
    expectReentrant((t) => scanMarkdown(t), WITH_COMMENTS, () => scanMarkdown(PLAIN));
  });

  it('a note read inside the reading of another keeps its parents and steps', () => {
    const read = (t: string) => readNote('Goal.md', t, null, DEFAULT_ENGINE_OPTIONS);
    expectReentrant(read, NESTED, () => read(BIG), 3);
  });
});
