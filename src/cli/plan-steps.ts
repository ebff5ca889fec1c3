/** The steps of a vault's plans, as the edit commands look them up. */
import type { Day } from '../engine/days/dates';
import { isDay } from '../engine/days/dates';
import { STEP, type PlanTree } from '../engine/plan/plan-tree';
import type { GoalReport } from '../engine/types';
import type { Io } from './main';
import { loadVaultWithSettings } from './settings';

/** The goals of the vault, recognised as the vault's plugin settings say. */
export function goalReports(root: string, today: Day, io: Io): GoalReport[] {
  return loadVaultWithSettings(root, io).index.reports(today);
}

/** The row of the plan's step at that place, or -1. Read off its rows: no recursion, however deep a plan nests. */
export function stepRow(plan: PlanTree, path: string, line: number): number {
  for (let i = 0; i < plan.size; i++) if (plan.kind(i) === STEP && plan.line(i) === line && plan.path(i) === path) return i;
  return -1;
}

/** The goal whose plan holds the step: one with a target first. */
export function goalOfStep(reports: GoalReport[], path: string, line: number): GoalReport | undefined {
  const holding = reports.filter((r) => stepRow(r.plan, path, line) !== -1);
  return holding.find((r) => isDay(r.target)) ?? holding[0];
}
