/**
 * The names and usage of the goal commands, apart from their code: the entry point dispatches on
 * them without loading the goal modules (and the YAML writer) for `check` or `report`.
 */
import { usageOf } from './help';

export const GOAL_COMMANDS: ReadonlySet<string> = new Set(['summary', 'review', 'status']);

export const GOAL_USAGE = usageOf([...GOAL_COMMANDS]);
