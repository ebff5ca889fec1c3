/**
 * A new goal note (`new-goal`): the built-in template or the person's own, with `{{title}}`,
 * `{{start}}` and `{{target}}` filled in; the goal's marker, `start` and `target` made sure of;
 * checkpoints at the chosen cadence with `expect` from the straight line; and the first steps
 * laid out backward from the target (SPEC 2.5).
 */
import { addToDay } from '../days/calendar';
import { formatDay, type Day } from '../days/dates';
import { lineFormat } from './field-write';
import { stepLine } from './insert-steps';
import { estimateDays, layOutBackward, parseSubStep, type BackwardLayout } from '../schedule/backward';
import type { WriteFormat } from './result';
import { appendToSection, editFrontmatter, yamlString } from './frontmatter';
import { noteEol } from '../read/lines';
import { scanFrontmatterBlock } from '../read/markdown';

export type Cadence = 'none' | 'monthly' | 'quarterly';

export interface NewGoal {
  title: string;
  start: Day;
  target: Day;
  cadence: Cadence;
  /** First steps as typed, one per line, each with an optional `~estimate`. */
  steps: string;
  format: WriteFormat;
  workingDays: readonly number[];
  goalKey: string;
  goalValue: string;
  /** The template's text; null for the built-in one. */
  template: string | null;
}

/** The heading the first steps go under. */
export const PLAN_HEADING = 'Plan';

const BUILT_IN = `---
{{marker}}
title: {{title-yaml}}
status: active
start: {{start}}
target: {{target}}
---
# {{title}}

## Why this goal


## What is the next step


## Am I happy with where I am


## Where will I need outside help


## ${PLAN_HEADING}
`;

/** Checkpoint dates between start and target: every month or every three months after the start. */
export function cadenceDates(start: Day, target: Day, cadence: Cadence): Day[] {
  if (cadence === 'none') return [];
  const months = cadence === 'monthly' ? 1 : 3;
  const out: Day[] = [];
  for (let k = 1; k < 400; k++) {
    const d = addToDay(start, k * months, 'm');
    if (d >= target) break;
    out.push(d);
  }
  return out;
}

export interface NewGoalNote {
  text: string;
  /** How the first steps fit before the target; null without steps. */
  layout: BackwardLayout | null;
}

/** The note's text, or why it cannot be made. */
export function newGoalNote(g: NewGoal): NewGoalNote | { error: string } {
  const start = formatDay(g.start) ?? '';
  const target = formatDay(g.target) ?? '';
  if (g.target <= g.start) return { error: 'The target date must come after today.' };
  const fill = (t: string): string =>
    t
      .replace(/\{\{marker\}\}/g, `${g.goalKey}: ${yamlString(g.goalValue)}`)
      .replace(/\{\{title-yaml\}\}/g, yamlString(g.title))
      .replace(/\{\{title\}\}/g, g.title)
      .replace(/\{\{start\}\}/g, start)
      .replace(/\{\{target\}\}/g, target);
  let text = fill(g.template ?? BUILT_IN);
  if (scanFrontmatterBlock(text) === null) text = `---${noteEol(text)}---${noteEol(text)}${text}`;
  // The marker, start and target, when the template does not give them.
  for (const [key, value] of [[g.goalKey, g.goalValue], ['start', start], ['target', target]] as const) {
    if (new RegExp(`^["']?${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']?[ \\t]*:`, 'm').test(frontmatterOf(text))) continue;
    const r = editFrontmatter(text, { kind: 'set', key, value });
    if (!r.ok) return { error: `The template's frontmatter cannot take "${key}": ${r.reason}` };
    text = r.text;
  }
  const span = g.target - g.start;
  for (const d of cadenceDates(g.start, g.target, g.cadence)) {
    const expect = Math.round((100 * (d - g.start)) / span);
    const r = editFrontmatter(text, { kind: 'add-checkpoint', checkpoint: { date: formatDay(d) ?? '', expect } });
    if (!r.ok) return { error: `The template's checkpoints cannot take a new entry: ${r.reason}` };
    text = r.text;
  }
  const subs = g.steps.split('\n').map(parseSubStep).filter((s) => s !== null);
  if (subs.length === 0) return { text, layout: null };
  const layout = layOutBackward(subs.map((s) => estimateDays(s.estimate)), g.start, g.target, g.workingDays);
  const format = lineFormat(null, g.format);
  const lines = subs.map((s, i) => `- ${stepLine(s.text, layout.days[i] ?? g.target, s.estimate, format)}`);
  const r = appendToSection(text, PLAN_HEADING, lines);
  return r.ok ? { text: r.text, layout } : { error: r.reason };
}

function frontmatterOf(text: string): string {
  const b = scanFrontmatterBlock(text);
  return b === null ? '' : text.slice(b.textStart, b.textEnd);
}
