/**
 * The note writer beside another writer, on random notes: random ticks and postpones fired at
 * once from what the plan read (as quick clicks do), while another program inserts lines. No
 * line of the other writer is lost, and no byte changes outside the step lines edited.
 */
import fc from 'fast-check';
import { dayFromCivil } from '../../src/engine/days/dates';
import { postponeStep, toggleStep } from '../../src/engine/edit';
import { applyStepEdit } from '../../src/obsidian/note-writer';
import { stopPlugin } from '../host';
import { freezeToday, startWith } from '../plugin/helpers';
import { InMemoryVault } from '../host';

beforeEach(() => freezeToday());
afterEach(() => jest.useRealTimers());

const TODAY = dayFromCivil(2026, 11, 25);

const stepLine = fc
  .tuple(fc.constantFrom(' ', 'x', '/', '-'), fc.constantFrom('', ' 📅 2026-12-01', ' [due:: 2026-12-03]'), fc.constantFrom('\n', '\r\n'))
  .map(([box, due, eol]) => ({ box, due, eol }));

const op = fc.record({ step: fc.nat(), kind: fc.constantFrom('tick', 'postpone'), other: fc.option(fc.nat(), { nil: undefined }) });

test('no line of another writer is lost and no byte outside the step lines changes', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(stepLine, { minLength: 1, maxLength: 6 }), fc.array(op, { minLength: 1, maxLength: 8 }), async (steps, ops) => {
      const head = ['---', 'type: goal', 'start: 2026-11-01', 'target: 2026-12-31', '---', '# Plan'].map((l) => `${l}\n`);
      const lines = [...head, ...steps.map((s, i) => `- [${s.box}] Step ${i}${s.due}${s.eol}`)];
      const s = await startWith(InMemoryVault.fromRecord({ 'G.md': lines.join('') }));
      const file = s.vault.getFileByPath('G.md');
      if (file === null) throw new Error('no note');
      const others: string[] = [];
      const pending: Promise<unknown>[] = [];
      for (const [k, o] of ops.entries()) {
        const i = o.step % steps.length;
        const line = head.length + i;
        const raw = (lines[line] ?? '').replace(/\r?\n$/, '');
        pending.push(
          applyStepEdit(s.app, 'G.md', line, raw, (text, at) => (o.kind === 'tick' ? toggleStep(text, at, { today: TODAY }) : postponeStep(text, at, { by: 1, unit: 'd' }, TODAY)), { quiet: true, undo: false }),
        );
        if (o.other !== undefined) {
          const mine = `Other writer ${k}`;
          others.push(mine);
          const at = o.other;
          pending.push(
            s.app.vault.process(file, (t) => {
              const parts = t.split('\n');
              parts.splice(head.length + (at % (parts.length - head.length)), 0, mine);
              return parts.join('\n');
            }),
          );
        }
      }
      await Promise.all(pending);
      await s.app.settle();
      const after = (s.vault.textAt('G.md') ?? '').split('\n');
      for (const mine of others) expect(after).toContain(mine);
      // Without the other writer's lines, only step lines differ, each still the same step.
      const kept = after.filter((l) => !l.startsWith('Other writer '));
      const was = lines.join('').split('\n');
      expect(kept).toHaveLength(was.length);
      kept.forEach((l, n) => {
        if (l === was[n]) return;
        expect(n).toBeGreaterThanOrEqual(head.length);
        expect(l.replace(/^- \[.\] (Step \d+).*$/s, '$1')).toBe((was[n] ?? '').replace(/^- \[.\] (Step \d+).*$/s, '$1'));
        expect(l.endsWith('\r')).toBe((was[n] ?? '').endsWith('\r'));
      });
      await stopPlugin(s.plugin);
    }),
    { numRuns: 40 },
  );
});
