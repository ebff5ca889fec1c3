/**
 * The progress of a node (SPEC 1.3) as a report shows it, and the anchor an edit needs on a
 * step node of a shown tree.
 */
import { anchorLine, type LineAnchor } from './anchor';
import { percentOf, roundTotal } from './numbers';
import type { PlanNode, Progress } from './types';

/** Totals rounded (no float noise from fractional weights); percent 100 only when all is done. */
export function makeProgress(done: number, total: number): Progress {
  // Whole numbers (no fractional weights) need no rounding.
  if (Number.isInteger(done) && Number.isInteger(total)) return { done, total, percent: percentOf(done, total) };
  return { done: roundTotal(done), total: roundTotal(total), percent: percentOf(done, total) };
}

const anchors = new WeakMap<PlanNode, LineAnchor | null>();

/**
 * What an edit needs to change a step's line safely: the raw line, the status column, each
 * field's name, format and range, the indent, marker and block id. Read from the raw line the
 * tree holds, once per node, when an edit or the view first asks.
 */
export function anchorOf(node: PlanNode): LineAnchor | null {
  if (node.raw === null) return null;
  let a = anchors.get(node);
  if (a === undefined) {
    a = anchorLine(node.raw);
    anchors.set(node, a);
  }
  return a;
}
