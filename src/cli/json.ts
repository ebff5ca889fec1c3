/**
 * --json output. Indented for a terminal; compact when piped or redirected, where a program
 * reads it: a 10 MB vault's report is 87 MB indented and 27 MB compact, and indenting took longer
 * than building the report. The compact report is written a goal at a time, so that neither the
 * whole JSON object nor one string of all of it is ever held (nor, with reports made as they are
 * written, every goal's report).
 */
import type { Day } from '../engine/days/dates';
import { jsonText } from '../engine/present/json-text';
import { goalJson, reportJson } from '../engine/report/json-report';
import type { GoalReport } from '../engine/types';

export interface JsonOut {
  out(text: string): void;
  /** Indent (the default), or compact when false. */
  indent?: boolean;
}

/** JSON text as JSON.stringify writes it, without its recursion (a plan may nest deeper than the stack). */
export function toJson(value: unknown, io: JsonOut): string {
  return (io.indent === false ? compactJson(value) : jsonText(value, 2)) + '\n';
}

/**
 * Compact JSON text: V8's own JSON.stringify, about twice as fast as the loop of jsonText and
 * with far less garbage, and jsonText only when a value nests too deep for its stack.
 */
export function compactJson(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch (e) {
    if (e instanceof RangeError) return jsonText(value, 0);
    throw e;
  }
}

/** Gathers small pieces into writes of about this many characters. */
const CHUNK = 1 << 20;

/** Writes the report of SPEC 6: the same text as `toJson(reportJson(today, reports))`. */
export function writeReportJson(today: Day, reports: Iterable<GoalReport>, io: JsonOut, chunk = CHUNK): void {
  if (io.indent !== false) {
    io.out(toJson(reportJson(today, [...reports]), io));
    return;
  }
  // The head of the object as JSON.stringify writes it, goals left empty.
  const empty = compactJson(reportJson(today, []));
  let pending = empty.slice(0, -2);
  let first = true;
  for (const report of reports) {
    pending += (first ? '' : ',') + compactJson(goalJson(report));
    first = false;
    if (pending.length >= chunk) {
      io.out(pending);
      pending = '';
    }
  }
  io.out(pending + empty.slice(-2) + '\n');
}
