/** The JSON report of SPEC 6, from the engine's reports. */
import { formatDay, isDay, NO_DAY, type Day } from '../days/dates';
import { roundTotal } from '../read/numbers';
import { KINDS, type PlanTree } from '../plan/plan-tree';
import type { Capacity, CheckpointView, GoalReport, PlanNode, Problem, Progress, StepRef } from '../types';

export interface StepRefJson {
  path: string;
  line: number;
  text: string;
  due: string | null;
}

export interface NodeJson {
  kind: PlanNode['kind'];
  text: string;
  path: string;
  line: number;
  status: PlanNode['status'];
  due: string | null;
  scheduled: string | null;
  start: string | null;
  done: string | null;
  help: boolean;
  link: string | null;
  progress: Progress;
  children: NodeJson[];
  id: string | null;
  dependsOn: string[];
  blocked: boolean;
  earlyStart: string | null;
  earlyFinish: string | null;
  lateFinish: string | null;
  slack: number | null;
  critical: boolean;
}

export interface CheckpointJson {
  date: string | null;
  label: string | null;
  expect: number | null;
  progress: number | null;
  feeling: number | null;
  state: CheckpointView['state'];
  onTrack: boolean | null;
}

export interface GoalJson {
  path: string;
  title: string;
  status: GoalReport['status'];
  start: string | null;
  target: string | null;
  progress: Progress;
  expectedPercent: number | null;
  health: GoalReport['health'];
  forecast: string | null;
  finish: string | null;
  capacity: Capacity | null;
  checkpoints: CheckpointJson[];
  nextAction: StepRefJson | null;
  overdue: StepRefJson[];
  help: StepRefJson[];
  tree: NodeJson;
  problems: Problem[];
}

export interface ReportJson {
  today: string;
  goals: GoalJson[];
}

/** Totals of fractional weights carry no float noise; the percent is the engine's. */
function progressJson(p: Progress): Progress {
  return { done: roundTotal(p.done), total: roundTotal(p.total), percent: p.percent };
}

export function stepRefJson(r: StepRef): StepRefJson {
  return { path: r.path, line: r.line, text: r.text, due: formatDay(r.due) };
}

/**
 * The JSON of a tree, read off its rows (no node objects made): children follow their parent
 * in pre-order, so no stack is needed however deep a vault nests.
 */
export function treeJson(tree: PlanTree): NodeJson {
  const out: NodeJson[] = new Array<NodeJson>(tree.size);
  const blocked = tree.timing?.dependencies.blocked;
  const schedule = tree.timing?.schedule;
  for (let i = 0; i < tree.size; i++) {
    const step = tree.step(i);
    const es = schedule?.earlyStart[i] ?? NO_DAY;
    const slack = isDay(es) ? (schedule?.slack[i] ?? null) : null;
    out[i] = {
      kind: KINDS[tree.kind(i)] as NodeJson['kind'],
      text: tree.text(i),
      path: tree.path(i),
      line: tree.line(i),
      status: step === null ? null : step.status,
      due: step === null ? null : formatDay(step.due),
      scheduled: step === null ? null : formatDay(step.scheduled),
      start: step === null ? null : formatDay(step.start),
      done: step === null ? null : formatDay(step.done),
      help: step === null ? false : step.help,
      link: tree.link(i),
      progress: progressJson(tree.progress(i)),
      children: [],
      id: step === null ? null : step.id,
      dependsOn: step === null || step.dependsOn === null ? [] : [...step.dependsOn],
      blocked: blocked?.[i] === 1,
      earlyStart: formatDay(es),
      earlyFinish: formatDay(schedule?.earlyFinish[i] ?? NO_DAY),
      lateFinish: formatDay(schedule?.lateFinish[i] ?? NO_DAY),
      slack,
      critical: slack !== null && slack <= 0,
    };
  }
  for (let i = 0; i < tree.size; i++) {
    const end = tree.end(i);
    const children = (out[i] as NodeJson).children;
    for (let c = i + 1; c < end; c = tree.end(c)) children.push(out[c] as NodeJson);
  }
  return out[0] as NodeJson;
}

export function goalJson(r: GoalReport): GoalJson {
  return {
    path: r.path,
    title: r.title,
    status: r.status,
    start: formatDay(r.start),
    target: formatDay(r.target),
    progress: progressJson(r.progress),
    expectedPercent: r.expectedPercent,
    health: r.health,
    forecast: formatDay(r.forecast),
    finish: formatDay(r.finish),
    capacity: r.capacity === null ? null : { work: r.capacity.work, estimated: r.capacity.estimated, days: r.capacity.days, slack: r.capacity.slack },
    checkpoints: r.checkpoints.map((c) => ({
      date: formatDay(c.date),
      label: c.label,
      expect: c.expect,
      progress: c.progress,
      feeling: c.feeling,
      state: c.state,
      onTrack: c.onTrack,
    })),
    nextAction: r.nextAction === null ? null : stepRefJson(r.nextAction),
    overdue: r.overdue.map(stepRefJson),
    help: r.help.map(stepRefJson),
    tree: treeJson(r.plan),
    problems: r.problems.map((p) => ({ path: p.path, line: p.line, severity: p.severity, code: p.code, message: p.message })),
  };
}

export function reportJson(today: Day, reports: GoalReport[]): ReportJson {
  return { today: formatDay(today) ?? '', goals: reports.map(goalJson) };
}
