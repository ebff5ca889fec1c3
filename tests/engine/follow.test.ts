/**
 * Following links into the sections of a note: which earlier expansion covers a section, and
 * which ones an expansion holds, are what a direct scan of every earlier expansion finds; and a
 * note linked section by section thousands of times is followed in time that grows with the
 * number of sections, not its square.
 */
import fc from 'fast-check';
import { indexTexts } from '../../src/cli/load';
import { dayFromCivil } from '../../src/engine/days/dates';
import { Follower, sectionRange, type Expansion, type Followed } from '../../src/engine/plan/follow';
import { DEFAULT_ENGINE_OPTIONS, type NoteData } from '../../src/engine/types';

function note(path: string, levels: number[]): NoteData {
  const headings = levels.map((level, i) => ({ line: i * 2, level, text: `h${i}` }));
  return { path, headings, steps: [], problems: [] } as unknown as NoteData;
}

/** The rule written out: the first earlier expansion holding the section, and those it holds. */
function direct(done: Expansion[], target: NoteData, h: number): { covering: Expansion | undefined; inner: Expansion[] } {
  const covering = done.find((e) => e.heading === -1 || (h >= 0 && e.heading <= h && h < sectionRange(target, e.heading).to));
  const range = sectionRange(target, h);
  return { covering, inner: covering === undefined ? done.filter((e) => e.heading >= range.from && e.heading < range.to) : [] };
}

describe('following links into sections', () => {
  it('covers and holds what a scan of every earlier expansion finds', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 6 }), { maxLength: 30 }),
        fc.array(fc.integer({ min: -2, max: 30 }), { maxLength: 40 }),
        (levels, links) => {
          const goal = note('Goal.md', []);
          const big = note('Big.md', levels);
          const follower = new Follower(goal, { resolve: (l) => (l === 'Big' ? 'Big.md' : null), get: (p) => (p === 'Big.md' ? big : undefined) });
          const done: Expansion[] = [];
          for (const k of links) {
            const sub = k === -2 ? '#no such heading' : k >= 0 && k < levels.length ? `#h${k}` : '';
            const h = k >= 0 && k < levels.length ? k : -1;
            const want = direct(done, big, h);
            const got: Followed = follower.follow('Goal.md', 0, `Big${sub}`, () => undefined);
            if (want.covering !== undefined) {
              expect(got).toMatchObject({ kind: 'ref', heading: h, expansion: want.covering });
            } else {
              expect(got.kind).toBe('expand');
              if (got.kind !== 'expand') return;
              expect(got.heading).toBe(h);
              expect(got.inner).toEqual(want.inner);
              expect(got.inner.every((e, i) => e === want.inner[i])).toBe(true);
              done.push(got.expansion);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('a note linked section by section', () => {
  const TODAY = dayFromCivil(2026, 11, 25);

  /** Milliseconds to evaluate a goal linking each of `sections` sections of one note (best of three). */
  function evaluate(sections: number): number {
    const big: string[] = [];
    const goal = ['---', 'type: goal', '---'];
    for (let k = 0; k < sections; k++) {
      big.push(`## Part ${k}`, `- [${k % 2 === 0 ? 'x' : ' '}] task ${k}`);
      goal.push(`- [ ] step ${k} [[Big#Part ${k}]]`);
    }
    // The whole note last: every section linked before is inside it.
    goal.push('- [ ] all of it [[Big]]');
    const texts = new Map([
      ['Big.md', big.join('\n') + '\n'],
      ['Goal.md', goal.join('\n') + '\n'],
    ]);
    const { index } = indexTexts([...texts.keys()], texts, DEFAULT_ENGINE_OPTIONS);
    let best = Infinity;
    for (let run = 0; run < 3; run++) {
      index.invalidateAll();
      const start = performance.now();
      const [r] = index.reports(TODAY);
      best = Math.min(best, performance.now() - start);
      expect(r?.progress.total).toBeGreaterThanOrEqual(sections);
    }
    return best;
  }

  it('takes time that grows with the sections, not their square', () => {
    evaluate(500); // warm up
    const small = evaluate(1000);
    const large = evaluate(4000);
    // Four times the sections: 4 for linear work, 16 for quadratic.
    expect(large / Math.max(small, 1)).toBeLessThan(8);
  });
});
