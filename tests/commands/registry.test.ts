/**
 * The command registry in the test host: each of Obsidian's three command shapes, commands
 * offered only on the task lines of a goal's plan, and the editor menu that offers them there.
 */
import { registerCommands, type CommandSpec } from '../../src/commands/commands';
import { onStep, type StepTarget } from '../../src/commands/step-target';
import { freezeToday, startOver, type Started } from '../plugin/helpers';

beforeEach(() => freezeToday());
afterEach(() => jest.useRealTimers());

/** The 0-based line of the first line of a note that contains `text`. */
function lineOf(s: Started, path: string, text: string): number {
  const line = (s.vault.textAt(path) ?? '').split('\n').findIndex((l) => l.includes(text));
  if (line === -1) throw new Error(`no line with ${text} in ${path}`);
  return line;
}

describe('commands that apply only on a step line', () => {
  let s: Started;
  let seen: StepTarget[];

  beforeEach(async () => {
    s = await startOver('tests/fixtures/plan');
    seen = [];
    const spec: CommandSpec = { id: 'probe-step', name: 'Probe step', icon: 'check', step: true, create: (host) => onStep(host, (t) => seen.push(t)) };
    const other: CommandSpec = { id: 'probe-anywhere', name: 'Probe anywhere', create: () => ({ checkCallback: () => seen.length === 0 }) };
    registerCommands(s.plugin, [spec, other]);
  });

  async function at(path: string, text: string): Promise<number> {
    const line = lineOf(s, path, text);
    await s.app.workspace.openNote(path, line);
    return line;
  }

  it('is unavailable on a heading, a plain line and a plain list item of a goal', async () => {
    for (const text of ['## Prepare', 'I want to talk', '- Notes on the studio:']) {
      await at('Launch podcast.md', text);
      expect(s.app.commands.isAvailable('probe-step')).toBe(false);
      expect(s.app.commands.executeCommandById('probe-step')).toBe(false);
    }
    expect(seen).toEqual([]);
  });

  it('is unavailable on a task of a note no goal reads, and without an editor', async () => {
    expect(s.app.commands.isAvailable('probe-step')).toBe(false);
    await at('Ordinary note.md', 'Buy milk');
    expect(s.app.commands.isAvailable('probe-step')).toBe(false);
  });

  it('runs on a task of a goal, and of a note a goal links to, with that step', async () => {
    const line = await at('Launch podcast.md', 'Bring the microphone');
    expect(s.app.commands.isAvailable('probe-step')).toBe(true);
    expect(await s.app.commands.run('probe-step')).toBe(true);
    expect(seen.map((t) => [t.path, t.line, t.step.text, [...t.goals]])).toEqual([['Launch podcast.md', line, 'Bring the microphone', ['Launch podcast.md']]]);

    const artwork = await at('Steps/Artwork.md', 'Ask a designer friend');
    expect(await s.app.commands.run('probe-step')).toBe(true);
    expect(seen[1]?.line).toBe(artwork);
    expect(seen[1]?.goals).toEqual(new Set(['Launch podcast.md']));
  });

  it('a checkCallback command is offered while its check holds', async () => {
    expect(s.app.commands.isAvailable('probe-anywhere')).toBe(true);
    await at('Launch podcast.md', 'Pick a name');
    await s.app.commands.run('probe-step');
    expect(s.app.commands.isAvailable('probe-anywhere')).toBe(false);
  });

  it('the editor menu offers step commands on a step line only, and runs them', async () => {
    await at('Launch podcast.md', '## Publish');
    expect(s.app.workspace.openEditorMenu().item('Probe step')).toBeUndefined();
    await at('Ordinary note.md', 'Buy milk');
    expect(s.app.workspace.openEditorMenu().item('Probe step')).toBeUndefined();

    await at('Launch podcast.md', 'Edit episodes');
    const menu = s.app.workspace.openEditorMenu();
    const item = menu.item('Probe step');
    expect(item?.icon).toBe('check');
    // A command not flagged for steps stays out of the menu.
    expect(menu.item('Probe anywhere')).toBeUndefined();
    item?.click();
    expect(seen.map((t) => t.step.text)).toEqual(['Edit episodes']);
  });
});
