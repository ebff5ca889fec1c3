/**
 * The names and usage of the edit commands, apart from their code: the entry point dispatches on
 * them without loading the edit modules (and the date libraries they use) for `check` or `report`.
 */
export const EDIT_COMMANDS: ReadonlySet<string> = new Set(['toggle', 'postpone', 'reschedule-overdue', 'break-down']);

export const EDIT_USAGE = `  action-plan toggle   <vault> <path:line> [--today D] [--expect TEXT] [--format tasks|dataview] [--dry-run]
  action-plan postpone <vault> <path:line> <YYYY-MM-DD|+Nd|+Nw|+Nm> [--today D] [--expect TEXT] [--format tasks|dataview] [--dry-run]
  action-plan reschedule-overdue <vault> --goal NAME [--spread] [--today D] [--working-days mon,tue,…] [--format tasks|dataview] [--dry-run]
  action-plan break-down <vault> <path:line> <sub-step>... [--today D] [--extend | --keep] [--working-days mon,tue,…] [--format tasks|dataview] [--dry-run]`;
