/**
 * Settings data (SPEC 5): typed, defaulted, versioned and migrated. Unknown keys are kept, so a
 * newer version's settings survive a round trip through an older one.
 */
import type { EngineOptions } from '../engine/types';
import { folderPath } from '../engine/read/text';

export const SETTINGS_VERSION = 1;

export type DateFormat = 'tasks' | 'dataview';

export interface ActionPlanSettings {
  /** Version of this shape; `migrate` brings older data up to it. */
  version: number;
  /** Frontmatter key that marks a goal note. */
  goalKey: string;
  /** Value of `goalKey` that marks a goal note. */
  goalValue: string;
  /** Tag (without `#`) that marks a goal note. */
  goalTag: string;
  /** Folder whose notes are all goal notes; empty turns this off. */
  goalFolder: string;
  /** Format of the dates the plugin writes: the Tasks plugin's emoji or Dataview's inline fields. */
  dateFormat: DateFormat;
  /** Write the done date when a step is ticked. */
  recordDoneDate: boolean;
  /** Folder for action-step notes; empty means a folder named after the goal, beside it. */
  actionFolder: string;
  /** Note used as the template of new goals; empty uses the built-in template. */
  templatePath: string;
  /** Working days, 0 = Sunday … 6 = Saturday; due dates are laid out over these. */
  workingDays: number[];
  /** First day of the week, 0 = Sunday, 1 = Monday. */
  weekStart: number;
  /** Points of tolerance around the expected line before a goal is ahead or behind. */
  tolerance: number;
  /** Tag (with `#`) that marks a step where outside help is needed. */
  helpTag: string;
  /** Show done steps in the sidebar's trees. */
  showDoneSteps: boolean;
  /** How many next actions the sidebar lists. */
  nextActionsCount: number;
  /** Keep `plan-progress`, `plan-health` and `plan-next` in each goal's frontmatter (off by default). */
  progressKeys: boolean;
  /** Keys this version does not know are kept as they are. */
  [unknownKey: string]: unknown;
}

export const DEFAULT_SETTINGS: ActionPlanSettings = {
  version: SETTINGS_VERSION,
  goalKey: 'type',
  goalValue: 'goal',
  goalTag: 'goal',
  goalFolder: '',
  dateFormat: 'tasks',
  recordDoneDate: true,
  actionFolder: '',
  templatePath: '',
  workingDays: [1, 2, 3, 4, 5],
  weekStart: 1,
  tolerance: 10,
  helpTag: '#help',
  showDoneSteps: true,
  nextActionsCount: 5,
  progressKeys: false,
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value.trim() : fallback;
}

function bool(value: unknown, fallback: boolean): boolean {
  return typeof value === 'boolean' ? value : fallback;
}

function int(value: unknown, fallback: number, min: number, max: number): number {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n)) return fallback;
  return Math.min(max, Math.max(min, Math.round(n)));
}

const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

function days(value: unknown, fallback: number[]): number[] {
  let list: unknown[] | null = null;
  if (Array.isArray(value)) list = value;
  else if (typeof value === 'string') list = value.split(/[\s,]+/);
  if (list === null) return fallback;
  const out = new Set<number>();
  for (const v of list) {
    if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 6) out.add(v);
    else if (typeof v === 'string') {
      const i = DAY_NAMES.indexOf(v.trim().slice(0, 3).toLowerCase());
      if (i !== -1) out.add(i);
    }
  }
  return out.size === 0 ? fallback : [...out].sort((a, b) => a - b);
}

/**
 * Brings saved data of any version (or garbage) to the current shape.
 * Version 0 (data without `version`) stored the help tag without `#`, the working days as
 * names (`"mon, tue"`) and the tolerance as a fraction (`0.1`); those are converted.
 */
export function migrate(raw: unknown): ActionPlanSettings {
  const data: Record<string, unknown> = isRecord(raw) ? { ...raw } : {};
  const version = typeof data['version'] === 'number' ? data['version'] : 0;
  if (version < 1) {
    const tag = data['helpTag'];
    if (typeof tag === 'string' && tag.trim() !== '' && !tag.trim().startsWith('#')) data['helpTag'] = '#' + tag.trim();
    const tol = data['tolerance'];
    if (typeof tol === 'number' && tol > 0 && tol < 1) data['tolerance'] = Math.round(tol * 100);
  }
  const d = DEFAULT_SETTINGS;
  const format = data['dateFormat'];
  const helpTag = text(data['helpTag'], d.helpTag);
  return {
    ...data,
    version: SETTINGS_VERSION,
    goalKey: text(data['goalKey'], d.goalKey) || d.goalKey,
    goalValue: text(data['goalValue'], d.goalValue) || d.goalValue,
    goalTag: text(data['goalTag'], d.goalTag).replace(/^#/, ''),
    goalFolder: folderPath(text(data['goalFolder'], d.goalFolder)),
    dateFormat: format === 'dataview' || format === 'tasks' ? format : d.dateFormat,
    recordDoneDate: bool(data['recordDoneDate'], d.recordDoneDate),
    progressKeys: bool(data['progressKeys'], d.progressKeys),
    actionFolder: folderPath(text(data['actionFolder'], d.actionFolder)),
    templatePath: text(data['templatePath'], d.templatePath),
    workingDays: days(data['workingDays'], d.workingDays),
    weekStart: int(data['weekStart'], d.weekStart, 0, 6),
    tolerance: int(data['tolerance'], d.tolerance, 0, 100),
    helpTag: helpTag === '' ? d.helpTag : helpTag.startsWith('#') ? helpTag : '#' + helpTag,
    showDoneSteps: bool(data['showDoneSteps'], d.showDoneSteps),
    nextActionsCount: int(data['nextActionsCount'], d.nextActionsCount, 1, 50),
  };
}

/** What the engine needs of the settings. */
export function engineOptions(s: ActionPlanSettings): EngineOptions {
  return {
    goalKey: s.goalKey,
    goalValue: s.goalValue,
    goalTag: s.goalTag,
    goalFolder: s.goalFolder,
    helpTag: s.helpTag,
    tolerance: s.tolerance,
    workingDays: s.workingDays,
  };
}

/** Do two settings recognise goals and read notes the same way? If not, the index is rebuilt. */
export function sameRecognition(a: ActionPlanSettings, b: ActionPlanSettings): boolean {
  return a.goalKey === b.goalKey && a.goalValue === b.goalValue && a.goalTag === b.goalTag && a.goalFolder === b.goalFolder && a.helpTag === b.helpTag;
}

/** Do two settings give the same index and views? If not, every goal is computed and drawn again. */
export function shownDifferently(a: ActionPlanSettings, b: ActionPlanSettings): boolean {
  return (
    !sameRecognition(a, b) ||
    a.tolerance !== b.tolerance ||
    a.workingDays.join() !== b.workingDays.join() ||
    a.showDoneSteps !== b.showDoneSteps ||
    a.nextActionsCount !== b.nextActionsCount
  );
}
