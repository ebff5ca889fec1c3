/**
 * Action Plan's API for other plugins, DataviewJS and Templater (SPEC 7), version 1:
 * `app.plugins.plugins['action-plan'].api`. Within version 1 nothing is removed or changes
 * meaning; additions are listed in the README with the version that brought them.
 */
import type { CheckpointJson, GoalJson, NodeJson, StepRefJson } from '../engine/report/json-report';

export type { CheckpointJson, GoalJson, NodeJson, StepRefJson };

export interface ActionPlanApi {
  readonly version: 1;
  /** Resolves once the first index is built (under the settings then in force). */
  ready(): Promise<void>;
  /** Every goal as in the command line's `--json`, sorted by path; copies. */
  goals(): GoalJson[];
  /** The goal a name means, as `--goal` matches it; null when none or several. */
  goal(name: string): GoalJson | null;
  /** The paths of the goals whose plan reads the note (the note itself when it is a goal). */
  goalsOf(notePath: string): string[];
  /** Called with the sorted paths of the goals changed, added or removed; returns the unsubscribe. */
  onChange(listener: (goalPaths: string[]) => void): () => void;
}
