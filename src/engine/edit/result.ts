/**
 * What every edit returns: the new text and the lines it changed, or the text as it was and why
 * the edit refused. An edit never throws on bad input.
 */

export interface EditDone {
  ok: true;
  text: string;
  /** 0-based lines of the new text that changed or were inserted, ascending. */
  changed: number[];
  /** One line for the person: what was written. */
  message: string;
  /** The target line was found elsewhere than where the plan read it (2.1). */
  moved?: boolean;
}

export interface EditRefused {
  ok: false;
  /** The note's text, unchanged. */
  text: string;
  /** One line for the person: why nothing was written. */
  reason: string;
}

export type EditResult = EditDone | EditRefused;

export function refuse(text: string, reason: string): EditRefused {
  return { ok: false, text, reason };
}

/** The format a new field takes on a line that has none (settings, or `--format`). */
export type WriteFormat = 'tasks' | 'dataview';
