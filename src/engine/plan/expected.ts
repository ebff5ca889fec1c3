/**
 * Expected progress (SPEC 1.4). The plan's own due dates say what should be done by when: a
 * dated leaf is expected once its planned day has passed. The checkpoint line (start,
 * checkpoints with `expect`, target) paces only the leaves that carry no date.
 */
import { isDay, type Day } from '../days/dates';
import type { GoalMeta } from '../types';

export interface LinePoint {
  date: Day;
  value: number;
}

/** The checkpoint line's points: (start, 0), checkpoints with `expect` by date, (target, 100); null without a start. */
export function checkpointLine(meta: GoalMeta): LinePoint[] | null {
  if (!isDay(meta.start)) return null;
  const points: LinePoint[] = [{ date: meta.start, value: 0 }];
  for (const cp of meta.checkpoints) {
    if (cp.expect !== null && cp.date > meta.start && (!isDay(meta.target) || cp.date < meta.target)) {
      points.push({ date: cp.date, value: cp.expect });
    }
  }
  if (isDay(meta.target) && meta.target > meta.start) points.push({ date: meta.target, value: 100 });
  points.sort((a, b) => a.date - b.date);
  return points;
}

/** L(d): 0 up to the start, 100 from the target on, linear between points, then flat at the last one. */
export function lineValue(points: readonly LinePoint[], target: Day, day: Day): number {
  const first = points[0];
  if (first === undefined || day <= first.date) return 0;
  if (isDay(target) && day >= target) return 100;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1] as LinePoint;
    const b = points[i] as LinePoint;
    if (day <= b.date) return a.value + ((b.value - a.value) * (day - a.date)) / (b.date - a.date);
  }
  return points[points.length - 1]?.value ?? 0;
}

/** A percent to one decimal, as the report gives it. */
export function oneDecimal(v: number): number {
  return Math.round(v * 10) / 10;
}

/** The countable leaves as E needs them: dated leaves' planned days and weights, and the undated weight. */
export interface PlannedWork {
  days: readonly Day[];
  weights: readonly number[];
  undated: number;
}

/** E(d) of one goal: its checkpoint line and its planned work. */
export class ExpectedProgress {
  private readonly datedWeight: number;

  constructor(
    private readonly line: readonly LinePoint[] | null,
    private readonly target: Day,
    private readonly work: PlannedWork,
  ) {
    let sum = 0;
    for (const w of work.weights) sum += w;
    this.datedWeight = sum;
  }

  /** Weight of the dated leaves planned before `day` (a leaf due today is not yet expected). */
  private weightBefore(day: Day): number {
    const { days, weights } = this.work;
    let sum = 0;
    for (let k = 0; k < days.length; k++) if ((days[k] as Day) < day) sum += weights[k] as number;
    return sum;
  }

  /** No baseline: neither a start nor a dated leaf. */
  private get baseless(): boolean {
    return this.line === null && this.work.days.length === 0;
  }

  /** E on `day` when `before` is the weight of the dated leaves planned before it. */
  private value(day: Day, before: number): number {
    const l = this.line === null ? 0 : lineValue(this.line, this.target, day);
    const total = this.datedWeight + this.work.undated;
    if (total <= 0) return l;
    return Math.min(100, (100 * (before + (this.work.undated * l) / 100)) / total);
  }

  /** E(d) in percent, not rounded; null when there is neither a start nor a dated leaf. */
  at(day: Day): number | null {
    return this.baseless ? null : this.value(day, this.weightBefore(day));
  }

  /** E(d) to one decimal. */
  percentAt(day: Day): number | null {
    const v = this.at(day);
    return v === null ? null : oneDecimal(v);
  }

  /**
   * E from `from` to `to` through every day where it bends (the line's points, and each planned
   * day with the day after: E steps up between them), in one pass over the planned days sorted.
   * Between two points E is a straight line. Empty without a baseline.
   */
  series(from: Day, to: Day): LinePoint[] {
    if (this.baseless) return [];
    const { days, weights } = this.work;
    const order = days.map((_, k) => k).sort((a, b) => (days[a] as Day) - (days[b] as Day));
    const bends = new Set<Day>([from, to]);
    for (const p of this.line ?? []) bends.add(p.date);
    for (const d of days) bends.add(d).add(d + 1);
    const out: LinePoint[] = [];
    let k = 0;
    let before = 0;
    for (const day of [...bends].filter((d) => d >= from && d <= to).sort((a, b) => a - b)) {
      for (; k < order.length && (days[order[k] as number] as Day) < day; k++) before += weights[order[k] as number] as number;
      out.push({ date: day, value: this.value(day, before) });
    }
    return out;
  }
}
