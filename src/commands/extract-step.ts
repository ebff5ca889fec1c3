/**
 * `extract-step-to-note`: turns the step under the cursor into a linked action-step note. Its
 * sub-steps move into the new note (`type: action`, `goal`, `due`); the step keeps its line and
 * checkbox and gains a link in the vault's own link style, so the plan's numbers stay the same.
 */
import { Notice, normalizePath, TFile, type App } from 'obsidian';
import { extractStep } from '../engine/edit';
import type { GoalReport } from '../engine/types';
import { currentText, editNote } from '../obsidian/note-writer';
import type { ActionPlanSettings } from '../settings/settings';
import type { CommandSpec } from './spec';
import { chooseGoal, goalsOfNote } from './active-goal';
import { onStep, type StepTarget } from './step-target';

/** The folder of action-step notes: the setting, else a folder named after the goal beside it. */
export function actionFolder(settings: ActionPlanSettings, goalPath: string): string {
  if (settings.actionFolder.trim() !== '') return normalizePath(settings.actionFolder);
  const slash = goalPath.lastIndexOf('/');
  const name = goalPath.slice(slash + 1).replace(/\.md$/i, '');
  return normalizePath(slash === -1 ? name : `${goalPath.slice(0, slash)}/${name}`);
}

/** A path for a new note that no file has yet: `Title.md`, else `Title 2.md`, … */
function freePath(app: App, folder: string, title: string): string {
  for (let n = 1; ; n++) {
    const path = normalizePath(`${folder}/${title}${n === 1 ? '' : ` ${n}`}.md`);
    if (app.vault.getAbstractFileByPath(path) === null) return path;
  }
}

async function extractToNote(app: App, settings: ActionPlanSettings, target: StepTarget, goal: GoalReport): Promise<TFile | null> {
  const goalFile = app.vault.getFileByPath(goal.path);
  if (goalFile === null) return null;
  const at = { line: target.line, expected: target.step.raw };
  // A first look, with a stand-in link, tells the note's name and text, or why not.
  const source = app.vault.getFileByPath(target.path);
  if (source === null) return null;
  const preview = extractStep((await currentText(app, target.path)) ?? '', at, { link: '[[]]', goalLink: '' });
  if (!preview.ok) {
    new Notice(`Action Plan: nothing written, ${preview.reason}.`);
    return null;
  }
  const folder = actionFolder(settings, goal.path);
  const path = freePath(app, folder, preview.title);
  const goalLink = `[[${app.metadataCache.fileToLinktext(goalFile, path)}]]`;
  if (app.vault.getAbstractFileByPath(folder) === null) await app.vault.createFolder(folder);
  const file = await app.vault.create(path, preview.note);
  const link = app.fileManager.generateMarkdownLink(file, target.path);
  let note = '';
  const r = await editNote(
    app,
    target.path,
    (text) => {
      const e = extractStep(text, at, { link, goalLink });
      if (e.ok) note = e.note;
      return e;
    },
    { undo: false, notice: (done) => `Action Plan: ${done.message}: ${path}.` },
  );
  if (!r.ok) {
    // The plan changed meanwhile: the new note goes away and nothing else was written.
    await app.fileManager.trashFile(file);
    return null;
  }
  if (note !== preview.note) await editNote(app, path, () => ({ ok: true, text: note, changed: [], message: 'written' }), { undo: false });
  return file;
}

export const extractStepCommand: CommandSpec = {
  id: 'extract-step-to-note',
  name: 'Extract step to note',
  icon: 'file-output',
  step: true,
  create: (host) =>
    onStep(host, (target) => chooseGoal(host.app, goalsOfNote(host, target.path), (goal) => extractToNote(host.app, host.settings, target, goal))),
};
