/**
 * The names and usage of the goal commands, apart from their code: the entry point dispatches on
 * them without loading the goal modules (and the YAML writer) for `check` or `report`.
 */
export const GOAL_COMMANDS: ReadonlySet<string> = new Set(['summary', 'review', 'status']);

export const GOAL_USAGE = `  action-plan summary <vault> --goal NAME [--steps] [--today D]
  action-plan review  <vault> --goal NAME --feeling 1-5 [--note TEXT] [--checkpoint YYYY-MM-DD] [--today D] [--dry-run]
  action-plan status  <vault> --goal NAME <active|paused|staying|done|dropped> --reason TEXT [--today D] [--dry-run]`;
