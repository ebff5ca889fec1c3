/**
 * Hostile lines: one task line of 1 MB and of 10 MB made of a pattern that has no close
 * (`[[`, `[key:: `, `(due:: `, …). The field reader, the edit anchor reader and the whole note
 * reader must take time in proportion to the line: the time per byte is printed for both sizes,
 * and it stays flat from 1 MB to 10 MB when the reading is linear.
 */
import { scanFields } from '../src/engine/read/anchor';
import { readFields } from '../src/engine/read/fields';
import { readNote } from '../src/engine/read/note';
import { DEFAULT_ENGINE_OPTIONS } from '../src/engine/types';

const HOSTILE_PATTERNS = ['[', '[[', '(', '[key:: ', '(due:: ', '[a](', '`', '``x', '⏱', '🔁 [', '#', ' ^', '[[a|', '🆔', '📅 2026-'];

export interface HostileResult {
  pattern: string;
  /** Nanoseconds per byte of the field reader, anchor reader and note reader, at 1 MB and 10 MB. */
  fields: [number, number];
  anchor: [number, number];
  note: [number, number];
  /** Milliseconds of the note reader on the 10 MB line. */
  noteMs: number;
}

function line(pattern: string, bytes: number): string {
  return '- [ ] ' + pattern.repeat(Math.ceil(bytes / Buffer.byteLength(pattern)));
}

function nsPerByte(run: () => void, bytes: number, runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    run();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return ((times[Math.floor(times.length / 2)] ?? 0) * 1e6) / bytes;
}

export function benchHostile(): HostileResult[] {
  const out: HostileResult[] = [];
  for (const pattern of HOSTILE_PATTERNS) {
    const sizes: [number, number] = [1_000_000, 10_000_000];
    const per = sizes.map((bytes) => {
      const text = line(pattern, bytes);
      const n = Buffer.byteLength(text);
      return {
        fields: nsPerByte(() => readFields(text, 6, text.length, '#help'), n, 5),
        anchor: nsPerByte(() => scanFields(text, 6, text.length), n, 5),
        note: nsPerByte(() => readNote('Hostile.md', text, null, DEFAULT_ENGINE_OPTIONS), n, 3),
        bytes: n,
      };
    });
    const [a, b] = per as [(typeof per)[number], (typeof per)[number]];
    out.push({ pattern, fields: [a.fields, b.fields], anchor: [a.anchor, b.anchor], note: [a.note, b.note], noteMs: (b.note * b.bytes) / 1e6 });
  }
  return out;
}

export function hostileSummary(results: HostileResult[]): string {
  const f = (x: number): string => x.toFixed(1);
  const rows = results.map(
    (r) => `  ${JSON.stringify(r.pattern).padEnd(12)} fields ${f(r.fields[0])} → ${f(r.fields[1])} ns/B | anchor ${f(r.anchor[0])} → ${f(r.anchor[1])} ns/B | note ${f(r.note[0])} → ${f(r.note[1])} ns/B (${r.noteMs.toFixed(0)} ms for 10 MB)`,
  );
  const worst = Math.max(...results.map((r) => r.noteMs));
  return `hostile lines, 1 MB → 10 MB (flat = linear):\n${rows.join('\n')}\n  slowest 10 MB line read whole: ${worst.toFixed(0)} ms`;
}
