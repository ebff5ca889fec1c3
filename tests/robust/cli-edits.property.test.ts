/**
 * Random edits by the command line (toggles and postpones, each its own process) on random notes
 * while another program keeps appending lines to the same note: every edit is applied or refused
 * (exit 0 or 1), no appended line is lost, and the note is exactly the original with the applied
 * edits made in order, followed by every appended line once: no other byte changes.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseDay } from '../../src/engine/days/dates';
import { postponeStep, toggleStep, type EditResult } from '../../src/engine/edit';
import { lineSpan } from '../../src/engine/read/lines';
import { BIN, removeVaults, TODAY, vault } from './cli-helpers';

afterAll(removeVaults);

const LINE = fc.oneof(
  fc.constantFrom('- [ ] Call the printer', '- [x] Draft the text ✅ 2026-11-01', '- [ ] Send it 📅 2026-11-30', '    - [/] Nested [due:: 2026-12-02]', '\t- [-] Dropped ❌ 2026-11-02'),
  fc.constantFrom('# Heading', '', 'Some text, kept as it is  ', '- plain item'),
);
const NOTE = fc.record({ lines: fc.array(LINE, { minLength: 2, maxLength: 12 }), eol: fc.constantFrom('\n', '\r\n', '\r') }).filter((n) => n.lines.some((l) => l.includes('- [')));
const EDIT = fc.record({ kind: fc.constantFrom('toggle', 'postpone'), pick: fc.nat(), by: fc.constantFrom('+1d', '+2w', '+1m') });

function run(args: string[]): Promise<number> {
  return new Promise((resolve) => spawn(process.execPath, [BIN, ...args], { stdio: 'ignore' }).on('close', (c) => resolve(c ?? -1)));
}

/** Appends a line with `eol` about every 2 ms until `stop` exists; resolves with what it appended. */
function appender(file: string, stop: string, eol: string): Promise<string> {
  const code = `const fs=require('fs');const w=new Int32Array(new SharedArrayBuffer(4));let out='';for(let i=0;i<20000&&!fs.existsSync(${JSON.stringify(stop)});i++){const l='appended '+i+${JSON.stringify(eol)};fs.appendFileSync(${JSON.stringify(file)},l);out+=l;Atomics.wait(w,0,0,2)}process.stdout.write(out)`;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-e', code]);
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('close', () => resolve(out));
  });
}

/** The same edit made by the engine in this process: what the note's own lines must become. */
function expectedEdit(text: string, kind: string, line: number, by: string): EditResult {
  const span = lineSpan(text, line);
  const expected = span === null ? '' : text.slice(span.start, span.end);
  const today = parseDay(TODAY);
  const [n, unit] = [Number(by.slice(1, -1)), by.slice(-1) as 'd' | 'w' | 'm'];
  return kind === 'toggle' ? toggleStep(text, { line, expected }, { today, format: 'tasks' }) : postponeStep(text, { line, expected }, { by: n, unit }, today, 'tasks');
}

test('random edits beside a program appending to the note: each applied or refused, nothing lost, no other byte changed', async () => {
  await fc.assert(
    fc.asyncProperty(NOTE, fc.array(EDIT, { minLength: 1, maxLength: 5 }), async (note, edits) => {
      const original = note.lines.join(note.eol) + note.eol;
      const dir = vault({ 'Note.md': original });
      const file = join(dir, 'Note.md');
      const stop = join(dir, '.stop');
      const tasks = note.lines.flatMap((l, i) => (l.includes('- [') ? [i] : []));
      const appended = appender(file, stop, note.eol);
      let expected = original;
      for (const e of edits) {
        const line = tasks[e.pick % tasks.length] ?? 0;
        const args = e.kind === 'toggle' ? ['toggle', dir, `Note.md:${line + 1}`] : ['postpone', dir, `Note.md:${line + 1}`, e.by];
        const code = await run([...args, '--today', TODAY]);
        expect([0, 1]).toContain(code);
        if (code !== 0) continue;
        const r = expectedEdit(expected, e.kind, line, e.by);
        if (r.ok) expected = r.text;
      }
      writeFileSync(stop, '');
      const lines = await appended;
      expect(existsSync(file)).toBe(true);
      const text = readFileSync(file, 'utf8');
      expect(text.slice(0, expected.length)).toBe(expected);
      // Every appended line once. A line carried over at the instant of a replace while the other
      // program keeps appending may come after its later lines (safe-write.ts, carryOver).
      const tail = text.slice(expected.length);
      expect(tail.length).toBe(lines.length);
      expect(tail.split(note.eol).sort()).toEqual(lines.split(note.eol).sort());
    }),
    { numRuns: 6 },
  );
}, 240_000);
