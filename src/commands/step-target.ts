/**
 * The step under the cursor: for commands that act on one step of a plan, and for the editor's
 * context menu that offers them.
 */
import type { Editor, MarkdownFileInfo, MarkdownView } from 'obsidian';
import type { LiveIndex } from '../obsidian/live-index';
import type { StepData } from '../engine/types';
import type { CommandBody, CommandHost } from './spec';

export interface StepTarget {
  /** The note's vault path. */
  path: string;
  /** 0-based line of the task. */
  line: number;
  step: StepData;
  /** Goals whose plans read this note. */
  goals: ReadonlySet<string>;
}

/** The task on `line` of the note at `path`, when some goal's plan reads that note. */
function stepTargetAt(index: LiveIndex, path: string, line: number): StepTarget | null {
  const goals = index.goalsReadingNote(path);
  if (goals.size === 0) return null;
  const step = index.stepAt(path, line);
  return step === null ? null : { path, line, step, goals };
}

/**
 * The note's path when a goal's plan reads it, the index having read it as the editor holds it
 * now (SPEC 2.7): a line typed a moment ago is where the person sees it.
 */
export function planNoteInEditor(index: LiveIndex, editor: Editor, ctx: MarkdownView | MarkdownFileInfo): string | null {
  const path = ctx.file?.path;
  if (path === undefined || index.goalsReadingNote(path).size === 0) return null;
  index.followEditor(path, editor.getValue());
  return path;
}

/** The step on the editor's cursor line, as the editor holds it now, if it is one of a goal's plan. */
export function stepUnderCursor(index: LiveIndex, editor: Editor, ctx: MarkdownView | MarkdownFileInfo): StepTarget | null {
  const path = planNoteInEditor(index, editor, ctx);
  if (path === null) return null;
  const line = editor.getCursor().line;
  const target = stepTargetAt(index, path, line);
  // The line check of the edit is against the line the editor holds, never an older copy.
  return target !== null && target.step.raw === editor.getLine(line) ? target : null;
}

/** A command body offered only where `find` finds something on the editor's cursor line; `run` acts on it. */
export function onCursorLine<T>(
  find: (editor: Editor, ctx: MarkdownView | MarkdownFileInfo) => T | null,
  run: (found: T, editor: Editor, ctx: MarkdownView | MarkdownFileInfo) => unknown,
): CommandBody {
  return {
    editorCheckCallback: (checking, editor, ctx) => {
      const found = find(editor, ctx);
      if (found === null) return false;
      if (!checking) void run(found, editor, ctx);
      return true;
    },
  };
}

/** A command body offered only on a step line; `run` acts on that step. */
export function onStep(host: CommandHost, run: (target: StepTarget, editor: Editor, ctx: MarkdownView | MarkdownFileInfo) => unknown): CommandBody {
  return onCursorLine((editor, ctx) => stepUnderCursor(host.index, editor, ctx), run);
}
