/** Edits of notes as pure functions over their text (SPEC 2): the one way a task line is written. */
export { anchorLine, type FieldAnchor, type FieldFormat, type LineAnchor } from '../read/anchor';
export { checkLine, type LineCheck } from './line-check';
export { isTaskLine, taskAnchor } from './task-line';
export { formatField, lineFormat } from './field-write';
export { editTaskLine, stepName, type StepRef } from './line-edit';
export { toggleStep, type ToggleOptions } from './toggle';
export { moveStepDue, shiftStepDates } from './move-dates';
export { overdueDays, parseShift, postponeStep, setDueDates, setStepDue, shiftedDay, type DueChange, type Shift } from './postpone';
export { estimateDays, layOutBackward, parseSubStep, type BackwardLayout, type SubStep } from '../schedule/backward';
export { addStep, breakDownStep, type AddStepOptions, type BreakDownOptions } from './insert-steps';
export { extractStep, stepTitle, type ExtractOptions, type ExtractResult } from './extract';
export { refuse, type EditDone, type EditRefused, type EditResult, type WriteFormat } from './result';
