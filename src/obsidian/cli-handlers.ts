/**
 * `action-plan:report` and `action-plan:check` on Obsidian's own command line (SPEC 7): once the
 * first index is built, with the open editors' text, the text (or JSON) that `action-plan report`
 * and `action-plan check` print for the same notes, without colour. A handler has no exit code,
 * so `check` ends by saying in words whether it found errors.
 */
import { MarkdownView, requireApiVersion, TFile, type App, type Plugin } from 'obsidian';
import type { PlanApi } from '../api/plan-api';
import { isDay, parseDayAt, type Day } from '../engine/days/dates';
import { GoalNotFound, writeCheck, writeReport } from '../cli/report-text';
import type { LiveIndex } from './live-index';

/** What a handler is given: Obsidian's `CliData`, flag names to their values (`'true'` for a bare flag). */
export type CliParams = Record<string, string>;

export interface CliHost {
  app: App;
  index: LiveIndex;
  api: PlanApi;
}

/** `today=YYYY-MM-DD`, or the plugin's today; a line saying what is wrong otherwise. */
function todayOf(params: CliParams, host: CliHost): Day | string {
  const value = params['today'];
  if (value === undefined) return host.index.clock.today();
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value) ? parseDayAt(value, 0) : NaN;
  return isDay(day) ? day : `today wants a date as YYYY-MM-DD, not "${value}"`;
}

/** The open editors' text of the notes the index holds, taken before answering (it may not be saved yet). */
async function followEditors(host: CliHost): Promise<void> {
  for (const leaf of host.app.workspace.getLeavesOfType('markdown')) {
    const view = leaf.view;
    if (!(view instanceof MarkdownView) || !(view.file instanceof TFile)) continue;
    const text = view.editor.getValue();
    if (text !== (await host.app.vault.cachedRead(view.file))) host.index.followEditor(view.file.path, text);
  }
}

/** Waits for the first index, takes in the editors' text, and reads `today=`: the day, or the line that refuses it. */
async function prepare(host: CliHost, params: CliParams): Promise<Day | string> {
  await host.api.ready();
  await followEditors(host);
  return todayOf(params, host);
}

function collect(): { out(text: string): void; text(): string } {
  const parts: string[] = [];
  return { out: (t) => parts.push(t), text: () => parts.join('') };
}

/** `action-plan:report` (flags `goal`, `json`, `today`). */
export async function reportHandler(host: CliHost, params: CliParams): Promise<string> {
  const today = await prepare(host, params);
  if (typeof today === 'string') return today + '\n';
  const io = collect();
  const goal = params['goal'];
  try {
    writeReport(host.index.reports(today), today, { json: params['json'] !== undefined, color: false, helpTag: host.index.engineOptions.helpTag, ...(goal !== undefined ? { goal } : {}) }, io);
  } catch (e) {
    if (e instanceof GoalNotFound) return e.message + '\n';
    throw e;
  }
  return io.text();
}

/** `action-plan:check` (flags `json`, `today`): the problems, then whether any is an error. */
export async function checkHandler(host: CliHost, params: CliParams): Promise<string> {
  const today = await prepare(host, params);
  if (typeof today === 'string') return today + '\n';
  const io = collect();
  const json = params['json'] !== undefined;
  const errors = writeCheck(host.index.reports(today), [], today, { json, color: false }, io);
  if (json) return io.text();
  return io.text() + (errors === 0 ? 'No errors found.\n' : `Errors found: ${errors === 1 ? '1 error' : `${errors} errors`} (the standalone command line exits 1).\n`);
}

const TODAY_FLAG = { value: '<YYYY-MM-DD>', description: 'The day taken as today (default: today)' };
const JSON_FLAG = { description: 'Print one JSON object, as action-plan --json does' };

/** Registers both handlers where Obsidian has a command line (1.12.2 and later); nothing on older apps. */
export function registerCliHandlers(plugin: Plugin & CliHost): void {
  if (requireApiVersion('1.12.2')) {
    plugin.registerCliHandler(
      'action-plan:report',
      'Every goal (or one) with progress, checkpoints, health and the next action',
      { goal: { value: '<name>', description: 'Only this goal: its title, path or file name' }, json: JSON_FLAG, today: TODAY_FLAG },
      (params) => reportHandler(plugin, params),
    );
    plugin.registerCliHandler('action-plan:check', 'The problems of every goal, and whether any is an error', { json: JSON_FLAG, today: TODAY_FLAG }, (params) =>
      checkHandler(plugin, params),
    );
  }
}
