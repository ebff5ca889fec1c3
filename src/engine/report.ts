/** The JSON report of SPEC 6, from the engine's reports. */
import { formatDay, type Day } from './dates';
import { roundTotal } from './numbers';
import type { Capacity, CheckpointView, GoalReport, PlanNode, Problem, Progress, StepRef } from './types';

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

/** The JSON of a tree, built with a stack: a vault can nest deeper than the call stack goes. */
export function nodeJson(root: PlanNode): NodeJson {
  const top = shallowJson(root);
  const stack: [PlanNode, NodeJson][] = [[root, top]];
  while (stack.length > 0) {
    const [n, json] = stack.pop() as [PlanNode, NodeJson];
    for (const c of n.children) {
      const child = shallowJson(c);
      json.children.push(child);
      stack.push([c, child]);
    }
  }
  return top;
}

function shallowJson(n: PlanNode): NodeJson {
  return {
    kind: n.kind,
    text: n.text,
    path: n.path,
    line: n.line,
    status: n.status,
    due: formatDay(n.due),
    scheduled: formatDay(n.scheduled),
    start: formatDay(n.start),
    done: formatDay(n.done),
    help: n.help,
    link: n.link,
    progress: progressJson(n.progress),
    children: [],
  };
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
    capacity: r.capacity === null ? null : { work: r.capacity.work, days: r.capacity.days, slack: r.capacity.slack },
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
    tree: nodeJson(r.tree),
    problems: r.problems.map((p) => ({ path: p.path, line: p.line, severity: p.severity, code: p.code, message: p.message })),
  };
}

export function reportJson(today: Day, reports: GoalReport[]): ReportJson {
  return { today: formatDay(today) ?? '', goals: reports.map(goalJson) };
}
