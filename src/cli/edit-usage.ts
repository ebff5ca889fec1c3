/**
 * The names and usage of the edit commands, apart from their code: the entry point dispatches on
 * them without loading the edit modules (and the date libraries they use) for `check` or `report`.
 */
import { usageOf } from './help';

export const EDIT_COMMANDS: ReadonlySet<string> = new Set(['toggle', 'postpone', 'reschedule-overdue', 'break-down']);

export const EDIT_USAGE = usageOf([...EDIT_COMMANDS]);
