/** Shapes shared by the engine, the command line and the plugin. */
import type { Day } from './days/dates';
import type { ExpectedProgress } from './plan/expected';
import type { PlanTree } from './plan/plan-tree';
import type { Dependencies, Schedule } from './schedule';

export type StepStatus = 'todo' | 'doing' | 'done' | 'cancelled' | 'deferred';
export type GoalStatus = 'active' | 'paused' | 'staying' | 'done' | 'dropped';
export type Health = 'done' | 'paused' | 'staying' | 'dropped' | 'overdue' | 'ahead' | 'on-track' | 'at-risk' | 'behind' | 'unknown';
export type CheckpointState = 'reviewed' | 'due' | 'missed' | 'upcoming';
export type Severity = 'error' | 'warning';
export type ProblemCode =
  | 'bad-frontmatter'
  | 'bad-date'
  | 'bad-checkpoint'
  | 'link-cycle'
  | 'unresolved-link'
  | 'due-after-parent'
  | 'done-with-open-steps'
  | 'checkpoint-missed'
  | 'missing-start'
  | 'bad-dates'
  | 'bad-weight'
  | 'unreadable-note'
  | 'skipped-link'
  | 'yaml-warning'
  | 'deep-plan'
  | 'unknown-dependency'
  | 'duplicate-id'
  | 'dependency-cycle'
  | 'dependency-order';

export interface Problem {
  path: string;
  line: number;
  severity: Severity;
  code: ProblemCode;
  message: string;
}

/** What the engine needs to know from the settings. */
export interface EngineOptions {
  /** Frontmatter key and value that mark a goal note (`type: goal`). */
  goalKey: string;
  goalValue: string;
  /** Tag that marks a goal note, without `#`. */
  goalTag: string;
  /** Folder whose notes are goal notes; empty = off. */
  goalFolder: string;
  /** Tag that marks a step where outside help is needed, with `#`. */
  helpTag: string;
  /** Points of tolerance when comparing progress with the expected progress. */
  tolerance: number;
  /** Working days, 0 = Sunday … 6 = Saturday. */
  workingDays: readonly number[];
}

export const DEFAULT_ENGINE_OPTIONS: EngineOptions = {
  goalKey: 'type',
  goalValue: 'goal',
  goalTag: 'goal',
  goalFolder: '',
  helpTag: '#help',
  tolerance: 10,
  workingDays: [1, 2, 3, 4, 5],
};

/** A task line as read from a note. Dates are day numbers (see dates.ts). */
export interface StepData {
  line: number;
  /** Index in the note's `steps` of the task it hangs under, or -1. */
  parent: number;
  /** Index just past its last descendant: the steps below it are `steps[i + 1 .. end)`. */
  end: number;
  /** Index in the note's `headings` of its section, or -1 before the first heading. */
  section: number;
  status: StepStatus;
  text: string;
  /**
   * The whole line as read, without its line ending: what an edit checks before it writes
   * (SPEC 2.1). Empty when the note was read without text (`check`).
   */
  readonly raw: string;
  due: Day;
  scheduled: Day;
  start: Day;
  done: Day;
  estimate: number;
  weight: number;
  help: boolean;
  /** Raw link targets on the line, or null. */
  links: string[] | null;
  /** The id written on the line (`🆔`, `[id::]`), or null (SPEC 1.7). */
  id: string | null;
  /** The ids it depends on as written (`⛔`, `[dependsOn::]`), or null when none. */
  dependsOn: readonly string[] | null;
}

export interface HeadingData {
  line: number;
  level: number;
  text: string;
}

export interface Checkpoint {
  date: Day;
  label: string | null;
  expect: number | null;
  progress: number | null;
  feeling: number | null;
  note: string | null;
  reviewed: Day;
  /** Line of the entry in the note (its first line). */
  line: number;
  /** Last line of the entry (its last key or value line); equal to `line` in a flow list. */
  lastLine: number;
  /** Position of the entry in the frontmatter's `checkpoints` list. */
  index: number;
  /** The entry is written in flow style (`[...]`, `{...}`): it cannot be edited line by line. */
  flow: boolean;
}

export interface GoalMeta {
  title: string;
  status: GoalStatus;
  start: Day;
  target: Day;
  checkpoints: Checkpoint[];
}

/** One note as the engine keeps it: no file text is retained. */
export interface NoteData {
  path: string;
  basename: string;
  headings: HeadingData[];
  steps: StepData[];
  /** Set when the note is a goal note. */
  goal: GoalMeta | null;
  /** Problems found reading this note (frontmatter, dates). */
  problems: Problem[];
}

export interface Progress {
  done: number;
  total: number;
  percent: number;
}

export type NodeKind = 'goal' | 'phase' | 'step' | 'ref';

export interface PlanNode {
  /**
   * Stable while lines are inserted above it: the chain of texts from the goal down. Empty
   * until `ensureIds` (plan.ts) has run on the tree: the view and the presentation call it.
   */
  id: string;
  kind: NodeKind;
  text: string;
  path: string;
  line: number;
  /** A step's whole line as read (SPEC 2.1's check); null for other nodes. */
  raw: string | null;
  status: StepStatus | null;
  due: Day;
  scheduled: Day;
  start: Day;
  done: Day;
  /** Estimated effort in minutes, 0 when none. */
  estimate: number;
  help: boolean;
  /** Path of the note a step links (expanded or referenced), or null. */
  link: string | null;
  weight: number;
  /** Raw link targets of a step's line (read while the tree is built). */
  links: string[] | null;
  /** A step with no step below it (after links are expanded): a countable unit of SPEC 1.3. */
  leaf: boolean;
  progress: Progress;
  children: PlanNode[];
  /** The id written on a step's line (`🆔`), null when none (SPEC 1.7). */
  stepId: string | null;
  /** The ids a step depends on as written, empty when none. */
  dependsOn: readonly string[];
  /** A step that waits on a step not finished (SPEC 1.7). */
  blocked: boolean;
  /** The schedule of an open leaf of an active goal (SPEC 1.7), `NO_DAY` and null elsewhere. */
  earlyStart: Day;
  earlyFinish: Day;
  lateFinish: Day;
  /** Late start − early start in working days. */
  slack: number | null;
  /** Slack of 0 or less: late, this leaf pushes the goal's finish out. */
  critical: boolean;
}

export interface StepRef {
  path: string;
  line: number;
  text: string;
  due: Day;
}

export interface CheckpointView extends Checkpoint {
  state: CheckpointState;
  onTrack: boolean | null;
}

export interface BurnupPoint {
  date: Day;
  done: number;
}

/** SPEC 1.4: open work against the working days left before the target. */
export interface Capacity {
  /** Open leaves' estimates, in working days (1 for a leaf without one). */
  work: number;
  /** Working days of the open leaves that carry an estimate. */
  estimated: number;
  /** Working days from today through the target. */
  days: number;
  /** days - work: negative when the plan is that many working days short. */
  slack: number;
}

export interface GoalReport {
  path: string;
  title: string;
  status: GoalStatus;
  start: Day;
  target: Day;
  progress: Progress;
  /** E(today) to one decimal (SPEC 1.4); null without a baseline. */
  expectedPercent: number | null;
  /** E on any day: the checkpoints, the burn-up and the commands read it. */
  expected: ExpectedProgress;
  health: Health;
  forecast: Day;
  capacity: Capacity | null;
  checkpoints: CheckpointView[];
  nextAction: StepRef | null;
  overdue: StepRef[];
  help: StepRef[];
  /** The tree as evaluated: numbers per node, in pre-order. */
  plan: PlanTree;
  /** The same tree as node objects, made on first use. */
  readonly tree: PlanNode;
  /** Cumulative done leaves by done date (made on first use). */
  readonly burnup: BurnupPoint[];
  /** Blocked steps and the dependency problems (schedule/). */
  dependencies: Dependencies;
  /** Each open leaf's schedule (made on first use; nothing scheduled when the goal is not active). */
  readonly schedule: Schedule;
  /** The projected finish of SPEC 1.7: the latest early finish; `NO_DAY` when none or not active. */
  readonly finish: Day;
  /** Every note the tree reads (the goal note first). */
  notes: string[];
  /** Names (lower case, no folder or extension) of notes its links lead to that do not exist. */
  missing: ReadonlySet<string>;
  problems: Problem[];
}
