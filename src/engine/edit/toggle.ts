/**
 * Toggling a step (SPEC 2.3): open → done with the done date, done → todo without it,
 * cancelled → todo without the cancelled date. Only the step's own line changes.
 */
import { formatDay, type Day } from '../days/dates';
import { applyChanges, removeFieldChanges, setFieldChange, type LineChange } from './field-write';
import { editTaskLine, stepName, type StepRef } from './line-edit';
import type { EditResult, WriteFormat } from './result';

export interface ToggleOptions {
  today: Day;
  /** Add the done date when a step is done (default true). */
  recordDone?: boolean;
  /** Format of a new field on a line without fields. */
  format?: WriteFormat;
}

export function toggleStep(text: string, at: StepRef, options: ToggleOptions): EditResult {
  return editTaskLine(text, at, (anchor) => {
    const status = anchor.status;
    const box: LineChange = { from: anchor.statusCol, to: anchor.statusCol + 1, text: ' ' };
    const name = stepName(anchor);
    if (status === 'x' || status === 'X') {
      return { raw: applyChanges(anchor.raw, [box, ...removeFieldChanges(anchor, 'done')]), message: `Reopened "${name}"` };
    }
    if (status === '-') {
      return { raw: applyChanges(anchor.raw, [box, ...removeFieldChanges(anchor, 'cancelled')]), message: `Reopened "${name}"` };
    }
    const changes: LineChange[] = [{ ...box, text: 'x' }];
    const day = formatDay(options.today) ?? '';
    if (options.recordDone !== false) changes.push(setFieldChange(anchor, 'done', day, options.format ?? 'tasks'));
    return { raw: applyChanges(anchor.raw, changes), message: `Done: "${name}"${options.recordDone !== false ? ` on ${day}` : ''}` };
  });
}
