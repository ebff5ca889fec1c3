/**
 * Edits on a large note: toggle and postpone on a 1 MB note (at its middle and its last line,
 * and a step that moved, found by its text), and a break-down of 50 sub-steps laid out backward
 * and written under a step of that note. Each is timed over many runs; the median and p95.
 * `BENCH_GC=1` collects garbage before each run, to tell the edit's own time from pauses of
 * the collector cleaning up after earlier runs.
 */
import { dayFromCivil, type Day } from '../src/engine/days/dates';
import { breakDownStep, estimateDays, layOutBackward, postponeStep, toggleStep, type SubStep } from '../src/engine/edit';

const TODAY: Day = dayFromCivil(2026, 11, 25);
const RUNS = 300;

/** A note of about `bytes` bytes: phases of tasks in both formats, nested, with tags and links. */
function bigNote(bytes: number): string {
  const lines = ['---', 'type: goal', 'target: 2027-06-30', '---', '# Big plan'];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const line =
      i % 40 === 0
        ? `\n## Phase ${i / 40}`
        : i % 3 === 0
          ? `\t- [ ] Sub-step ${i} of the plan [[Note ${i % 97}]] #tag [due:: 2027-0${(i % 9) + 1}-1${i % 10}] [estimate:: 2h]`
          : `- [${i % 5 === 0 ? 'x' : ' '}] Step ${i} with some words to read 🔼 📅 2027-0${(i % 9) + 1}-2${i % 9} ⏱ 1d ^b${i}`;
    lines.push(line);
    size += line.length + 1;
  }
  return lines.join('\n') + '\n';
}

declare const gc: (() => void) | undefined;

function time(fn: () => unknown): { p50: number; p95: number } {
  for (let i = 0; i < 20; i++) fn();
  const xs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    if (process.env['BENCH_GC'] === '1' && typeof gc === 'function') gc();
    const t0 = performance.now();
    fn();
    xs.push(performance.now() - t0);
  }
  xs.sort((a, b) => a - b);
  return { p50: xs[Math.floor(xs.length / 2)] ?? 0, p95: xs[Math.floor(xs.length * 0.95)] ?? 0 };
}

function fmt(name: string, t: { p50: number; p95: number }): string {
  return `${name} p50 ${t.p50.toFixed(3)} ms, p95 ${t.p95.toFixed(3)} ms`;
}

export function benchEdits(): string {
  const text = bigNote(1_000_000);
  const lines = text.split('\n');
  const taskLine = (from: number): number => {
    for (let i = from; i >= 0; i--) if ((lines[i] ?? '').startsWith('- [ ]')) return i;
    throw new Error('no task line');
  };
  const middle = taskLine(Math.floor(lines.length / 2));
  const last = taskLine(lines.length - 2);
  const at = (line: number, shift = 0): { line: number; expected: string } => ({ line: line + shift, expected: lines[line] ?? '' });
  const must = <T extends { ok: boolean }>(r: T): T => {
    if (!r.ok) throw new Error('edit refused in the benchmark');
    return r;
  };
  const subs: SubStep[] = Array.from({ length: 50 }, (_, i) => ({ text: `Micro-step ${i + 1}`, estimate: i % 3 === 0 ? '2d' : i % 3 === 1 ? '4h' : null }));
  const results = [
    fmt('toggle, middle line', time(() => must(toggleStep(text, at(middle), { today: TODAY })))),
    fmt('toggle, last line', time(() => must(toggleStep(text, at(last), { today: TODAY })))),
    fmt('toggle, step moved 3 lines', time(() => must(toggleStep(text, at(middle, 3), { today: TODAY })))),
    fmt('postpone +1w, middle line', time(() => must(postponeStep(text, at(middle), { by: 1, unit: 'w' }, TODAY)))),
    fmt('postpone +1m, last line', time(() => must(postponeStep(text, at(last), { by: 1, unit: 'm' }, TODAY)))),
    fmt(
      'break-down of 50 sub-steps (layout + write), middle line',
      time(() => {
        const layout = layOutBackward(subs.map((s) => estimateDays(s.estimate)), TODAY, dayFromCivil(2027, 6, 30), [1, 2, 3, 4, 5]);
        must(breakDownStep(text, at(middle), subs, { days: layout.days }));
      }),
    ),
  ];
  return `edits on a ${(text.length / 1e6).toFixed(2)} M-character note (${lines.length} lines), ${RUNS} runs each:\n  ` + results.join('\n  ');
}
