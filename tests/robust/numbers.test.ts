/** Numbers stay numbers: weights in bounds, totals without float noise, percent, forecast. */
import fc from 'fast-check';
import { dayFromCivil, formatDay, isDay, NO_DAY } from '../../src/engine/days/dates';
import { forecastDay, LAST_DAY, MAX_WEIGHT, percentOf, readWeight, roundTotal } from '../../src/engine/read/numbers';
import { indexTexts } from '../../src/cli/load';
import { DEFAULT_ENGINE_OPTIONS } from '../../src/engine/types';

const TODAY = dayFromCivil(2026, 11, 25);

describe('weights', () => {
  it.each([
    ['3', 3],
    [' 2.5 ', 2.5],
    ['0.1', 0.1],
    [String(MAX_WEIGHT), MAX_WEIGHT],
    ['0', null],
    ['-1', null],
    ['1e309', null],
    ['Infinity', null],
    ['NaN', null],
    ['', null],
    ['abc', null],
    [String(MAX_WEIGHT + 1), null],
    ['0x10', 16],
  ])('weight %j reads as %p', (text, expected) => {
    expect(readWeight(text)).toBe(expected);
  });
});

describe('percent and totals', () => {
  it.each([
    [0, 0, 0],
    [0, 3, 0],
    [3, 3, 100],
    [199, 200, 99],
    [999, 1000, 99],
    [1, 1000, 0],
    [0.1 + 0.2, 0.3, 100],
    [0.7, 0.1 + 0.2 + 0.4, 100],
    [1, 3, 33],
  ])('percentOf(%p, %p) = %p', (done, total, percent) => {
    expect(percentOf(done, total)).toBe(percent);
  });

  it('rounds totals of fractional weights', () => {
    expect(roundTotal(0.1 + 0.2)).toBe(0.3);
    const texts = new Map([['G.md', '---\ntype: goal\n---\n# Part\n- [x] a [weight:: 0.1]\n- [x] b [weight:: 0.2]\n- [ ] c [weight:: 0.4]\n']]);
    const [r] = indexTexts(['G.md'], texts, DEFAULT_ENGINE_OPTIONS).index.reports(TODAY);
    expect(r?.progress).toEqual({ done: 0.3, total: 0.7, percent: 43 });
    expect(r?.tree.children[0]?.progress).toEqual({ done: 0.3, total: 0.7, percent: 43 });
    expect(Object.is(roundTotal(-0), 0)).toBe(true);
    expect(roundTotal(NaN)).toBe(0);
  });

  it('never says 100 while something counted is open, whatever the weights', () => {
    const weight = fc.double({ min: 0.000001, max: MAX_WEIGHT, noNaN: true });
    fc.assert(
      fc.property(fc.array(fc.tuple(weight, fc.boolean()), { minLength: 1, maxLength: 50 }), (leaves) => {
        const total = leaves.reduce((s, [w]) => s + w, 0);
        const done = leaves.reduce((s, [w, d]) => s + (d ? w : 0), 0);
        const p = percentOf(done, total);
        expect(Number.isInteger(p)).toBe(true);
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(100);
        if (roundTotal(done) < roundTotal(total)) expect(p).toBeLessThan(100);
        if (leaves.every(([, d]) => d)) expect(p).toBe(100);
        const json = JSON.stringify([roundTotal(done), roundTotal(total)]);
        expect(json).not.toMatch(/\d\.\d{7,}/); // no float noise
      }),
    );
  });
});

describe('forecast', () => {
  it.each([
    ['a normal pace: 56 days', 10, 5, 28, '2027-01-20'],
    ['nothing left', 0, 5, 28, null],
    ['no pace', 10, 0, 28, null],
    ['a pace of tiny weights', 1000, 0.000001, 28, null],
    ['NaN remaining', NaN, 5, 28, null],
    ['infinite pace', 10, Infinity, 28, null],
  ])('%s', (_name, remaining, pace, window, expected) => {
    expect(formatDay(forecastDay(TODAY, remaining, pace, window))).toBe(expected);
  });

  it('is a real day up to 9999-12-31 or none, for any numbers', () => {
    fc.assert(
      fc.property(fc.double(), fc.double(), fc.integer({ min: 1, max: 365 }), (remaining, pace, window) => {
        const day = forecastDay(TODAY, remaining, pace, window);
        if (day === NO_DAY) return;
        expect(isDay(day)).toBe(true);
        expect(Number.isInteger(day)).toBe(true);
        expect(day).toBeGreaterThan(TODAY);
        expect(day).toBeLessThanOrEqual(LAST_DAY);
        expect(formatDay(day)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }),
    );
  });

  it('formats no day past 9999 and no fraction of a day', () => {
    expect(formatDay(LAST_DAY)).toBe('9999-12-31');
    expect(formatDay(LAST_DAY + 1)).toBeNull();
    expect(formatDay(NaN)).toBeNull();
    expect(formatDay(TODAY + 0.5)).toBeNull();
  });
});
