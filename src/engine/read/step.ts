/**
 * A task line as the engine keeps it (`StepData`), in a dense record: an index holds every step
 * of a vault, so what a step costs is most of what the index costs. Two dates share a small
 * integer, status, help and the estimate share another, and what few steps have (a weight,
 * links, ids, a date before 2000 or after 2089, an odd estimate) sits in one object shared by
 * nothing else, null for the rest. 11 fields instead of 16: 40 bytes less a step.
 */
import { NO_DAY, type Day } from '../days/dates';
import { expand } from './compact';
import type { StepData, StepStatus } from '../types';

const STATUSES: readonly StepStatus[] = ['todo', 'doing', 'done', 'cancelled', 'deferred'];

/** The status of a task's checkbox character. */
export function statusIndex(ch: string): number {
  switch (ch) {
    case 'x':
    case 'X':
      return 2;
    case '/':
      return 1;
    case '-':
      return 3;
    case '>':
      return 4;
    default:
      return 0;
  }
}

/**
 * A day in 15 bits, so that two make an integer that is small everywhere (31 bits): 0 for
 * none, 1 … 32766 for the days from 2000-01-01 on, `FAR` for a day kept in `Rare`.
 */
const BASE = 10956;
const FAR = 0x7fff;

function packDay(day: Day): number {
  if (day === NO_DAY) return 0;
  return day > BASE && day - BASE < FAR ? day - BASE : FAR;
}

/** A packed day; `FAR` stands for the day kept in `Rare`, read only then. */
function unpackDay(packed: number): Day {
  return packed === 0 ? NO_DAY : packed + BASE;
}

/** Estimates kept in the bits: whole minutes under 2^25 (over 60 years of working days). */
const ESTIMATE_LIMIT = 1 << 25;
const HELP = 8;
const ESTIMATE_HERE = 16;

/** What few steps have; see the module comment. */
class Rare {
  constructor(
    readonly due: Day,
    readonly scheduled: Day,
    readonly start: Day,
    readonly done: Day,
    readonly estimate: number,
    readonly weight: number,
    readonly links: string[] | null,
    readonly id: string | null,
    readonly dependsOn: readonly string[] | null,
  ) {}
}

export class Step implements StepData {
  /** due << 15 | done, each a packed day. */
  private readonly dueDone: number;
  /** scheduled << 15 | start, each a packed day. */
  private readonly scheduledStart: number;
  /** Status (3 bits), help, whether the estimate is here, then the estimate. */
  private readonly bits: number;
  private readonly rare: Rare | null;

  constructor(
    public line: number,
    public parent: number,
    public end: number,
    public section: number,
    status: number,
    public text: string,
    /** What comes before the text on the line, or the whole line when `tail` is null (compact.ts). */
    private readonly head: string,
    /** What comes after the text (compact.ts), or null when the text is not one piece of the line. */
    private readonly tail: string | null,
    due: Day,
    scheduled: Day,
    start: Day,
    done: Day,
    estimate: number,
    weight: number,
    help: boolean,
    links: string[] | null,
    id: string | null = null,
    dependsOn: readonly string[] | null = null,
  ) {
    const d = packDay(due), s = packDay(scheduled), st = packDay(start), dn = packDay(done);
    const estimateHere = Number.isInteger(estimate) && estimate >= 0 && estimate < ESTIMATE_LIMIT;
    this.dueDone = (d << 15) | dn;
    this.scheduledStart = (s << 15) | st;
    this.bits = status | (help ? HELP : 0) | (estimateHere ? ESTIMATE_HERE | (estimate << 5) : 0);
    this.rare =
      d === FAR || s === FAR || st === FAR || dn === FAR || !estimateHere || weight !== 1 || links !== null || id !== null || dependsOn !== null
        ? new Rare(due, scheduled, start, done, estimate, weight, links, id, dependsOn)
        : null;
  }

  get status(): StepStatus {
    return STATUSES[this.bits & 7] ?? 'todo';
  }
  get help(): boolean {
    return (this.bits & HELP) !== 0;
  }
  get estimate(): number {
    return (this.bits & ESTIMATE_HERE) !== 0 ? this.bits >>> 5 : (this.rare?.estimate ?? 0);
  }
  get weight(): number {
    return this.rare === null ? 1 : this.rare.weight;
  }
  get links(): string[] | null {
    return this.rare === null ? null : this.rare.links;
  }
  get id(): string | null {
    return this.rare === null ? null : this.rare.id;
  }
  get dependsOn(): readonly string[] | null {
    return this.rare === null ? null : this.rare.dependsOn;
  }
  get due(): Day {
    const packed = this.dueDone >>> 15;
    return packed === FAR ? (this.rare?.due ?? NO_DAY) : unpackDay(packed);
  }
  get done(): Day {
    const packed = this.dueDone & FAR;
    return packed === FAR ? (this.rare?.done ?? NO_DAY) : unpackDay(packed);
  }
  get scheduled(): Day {
    const packed = this.scheduledStart >>> 15;
    return packed === FAR ? (this.rare?.scheduled ?? NO_DAY) : unpackDay(packed);
  }
  get start(): Day {
    const packed = this.scheduledStart & FAR;
    return packed === FAR ? (this.rare?.start ?? NO_DAY) : unpackDay(packed);
  }

  get raw(): string {
    return this.tail === null ? expand(this.head, this) : expand(this.head, this) + this.text + expand(this.tail, this);
  }
}
