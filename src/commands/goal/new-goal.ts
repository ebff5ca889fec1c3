/**
 * `new-goal`: a title, a target date (words accepted), a checkpoint cadence and the first steps;
 * the note is made from the template (settings) or the built-in one, run through Templater when
 * that plugin is enabled and the template uses it, and opened.
 */
import { normalizePath, Notice, TFile, type App } from 'obsidian';
import { formatDay } from '../../engine/days/dates';
import { newGoalNote, type Cadence } from '../../engine/edit/new-goal';
import { dateField } from '../date-field';
import { type GoalCommandHost } from './context';
import { todayOf } from '../step-context';
import { areaRow, choiceRow, FormModal, textRow } from './form';

export interface NewGoalForm {
  title: string;
  target: number | null;
  cadence: Cadence;
  steps: string;
}

/** Characters a file name cannot hold on some system Obsidian runs on. */
function fileName(title: string): string {
  return title.replace(/[\\/:*?"<>|#^[\]]/g, ' ').replace(/\s+/g, ' ').trim();
}

interface TemplaterPlugin {
  templater?: { overwrite_file_commands?: (file: TFile) => Promise<void> };
}

/** Templater, when it is installed and enabled. */
function templater(app: App): TemplaterPlugin | null {
  const plugins = (app as unknown as { plugins?: { enabledPlugins?: Set<string>; plugins?: Record<string, unknown> } }).plugins;
  if (plugins?.enabledPlugins?.has('templater-obsidian') !== true) return null;
  return (plugins.plugins?.['templater-obsidian'] as TemplaterPlugin | undefined) ?? null;
}

async function createGoal(host: GoalCommandHost, form: NewGoalForm): Promise<true | string> {
  const title = form.title.trim();
  if (title === '') return 'Give the goal a title.';
  if (form.target === null) return 'Give a target date the goal should be reached by.';
  const { app, settings } = host;
  let template: string | null = null;
  if (settings.templatePath !== '') {
    const path = normalizePath(settings.templatePath.endsWith('.md') ? settings.templatePath : `${settings.templatePath}.md`);
    const file = app.vault.getFileByPath(path);
    if (!(file instanceof TFile)) return `The goal template ${path} does not exist; change it in the settings or empty it for the built-in one.`;
    template = await app.vault.read(file);
  }
  const start = todayOf(host);
  const made = newGoalNote({ title, start, target: form.target, cadence: form.cadence, steps: form.steps, format: settings.dateFormat, workingDays: settings.workingDays, goalKey: settings.goalKey, goalValue: settings.goalValue, template });
  if ('error' in made) return made.error;
  // Typed by hand in the settings: `Goals//2027/` or `Goals\2027` name the folder `Goals/2027`.
  const folder = settings.goalFolder.trim() === '' ? '' : normalizePath(settings.goalFolder);
  const path = normalizePath(`${folder === '' ? '' : `${folder}/`}${fileName(title)}.md`);
  if (app.vault.getAbstractFileByPath(path) !== null) return `${path} already exists: choose another title.`;
  if (folder !== '' && app.vault.getAbstractFileByPath(folder) === null) await app.vault.createFolder(folder);
  const file = await app.vault.create(path, made.text);
  const t = templater(app);
  if (template !== null && template.includes('<%') && t?.templater?.overwrite_file_commands) await t.templater.overwrite_file_commands(file);
  await app.workspace.getLeaf(false).openFile(file);
  const layout = made.layout;
  if (layout !== null && !layout.fits) {
    new Notice(`${title}: the first steps need ${layout.work} working days but ${layout.window} are left before ${formatDay(layout.deadline) ?? ''}; several share a day. Move the target to ${formatDay(layout.extendTo) ?? ''} to give each its time.`);
  } else new Notice(`${title}: goal created.`);
  return true;
}

export function newGoalCommand(host: GoalCommandHost): void {
  const form: NewGoalForm = { title: '', target: null, cadence: 'monthly', steps: '' };
  new FormModal(
    host.app,
    'New goal',
    (el) => {
      textRow(el, 'Title', 'The decision, as a goal.', '', (v) => (form.title = v));
      const target = dateField(el, { name: 'Target date', today: todayOf(host), weekStart: host.settings.weekStart, placeholder: 'end of june, in 6 months, 2027-06-30', onChange: () => (form.target = target.value()) });
      choiceRow(el, 'Checkpoints', { none: 'None', monthly: 'Monthly', quarterly: 'Quarterly' }, form.cadence, (v) => (form.cadence = v === 'none' || v === 'quarterly' ? v : 'monthly'));
      areaRow(el, 'First steps', 'Optional, one per line, with an estimate such as ~2d or ~1w; they are dated backward from the target.', (v) => (form.steps = v));
    },
    'Create goal',
    () => createGoal(host, form),
  ).open();
}
