/**
 * Working days numbered one after another (ordinals), so that the schedule counts working days by
 * subtraction. The days themselves come from calendar.ts, a stretch at a time, as far as the
 * schedule reaches.
 */
import { workingDaysThrough } from '../days/working-days';
import type { Day } from '../days/dates';

/** Calendar days added to the table at a time, at least. */
const STRETCH = 128;
/** The table reaches no further than this from the day it was made around (about a century). */
const REACH = 36_525;

export class WorkingDayLine {
  /** Consecutive working days; `days[k]` has the ordinal `first + k`. */
  private days: Day[];
  private first = 0;
  private readonly min: Day;
  private readonly max: Day;

  constructor(
    private readonly workingDays: readonly number[],
    around: Day,
  ) {
    this.days = workingDaysThrough(around - 7, around + STRETCH, workingDays);
    this.min = around - REACH;
    this.max = around + REACH;
  }

  private get last(): Day {
    return this.days[this.days.length - 1] as Day;
  }

  private growLeft(): void {
    const to = (this.days[0] as Day) - 1;
    const more = workingDaysThrough(to - Math.max(STRETCH, this.days.length), to, this.workingDays);
    this.days = more.concat(this.days);
    this.first -= more.length;
  }

  private growRight(): void {
    const from = this.last + 1;
    for (const d of workingDaysThrough(from, from + Math.max(STRETCH, this.days.length), this.workingDays)) this.days.push(d);
  }

  /** Makes the table hold `day` and a working day on each side of it, within the reach. */
  private cover(day: Day): Day {
    const d = Math.min(this.max, Math.max(this.min, day));
    while ((this.days[0] as Day) >= d && (this.days[0] as Day) > this.min) this.growLeft();
    while (this.last <= d && this.last < this.max) this.growRight();
    return d;
  }

  /** Index in `days` of the last working day on or before `day`. */
  private below(day: Day): number {
    let lo = 0;
    let hi = this.days.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.days[mid] as Day) <= day) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The ordinal of the last working day on or before `day`. */
  floor(day: Day): number {
    return this.first + this.below(this.cover(day));
  }

  /** The ordinal of the first working day on or after `day`. */
  ceil(day: Day): number {
    const d = this.cover(day);
    const k = this.below(d);
    return this.first + ((this.days[k] as Day) < d ? k + 1 : k);
  }

  /** The working day of an ordinal (held at the reach of the table). */
  day(ordinal: number): Day {
    while (ordinal < this.first && (this.days[0] as Day) > this.min) this.growLeft();
    while (ordinal >= this.first + this.days.length && this.last < this.max) this.growRight();
    const k = Math.min(this.days.length - 1, Math.max(0, ordinal - this.first));
    return this.days[k] as Day;
  }
}
