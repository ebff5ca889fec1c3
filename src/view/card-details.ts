/**
 * A card's Details: the burn-up chart, the checkpoints with their states, feelings and notes,
 * the forecast, the capacity, the steps that need help and the problems.
 */
import { feelingWords, onTrackLabel, percentLabel, type CheckpointChip, type GoalView } from '../engine/present/present';
import { renderBurnup } from './burnup';
import type { RenderContext } from './context';
import { rowPart } from './text';

/**
 * A checkpoint in words, "30 Sep · Outline done · Reviewed · 10 % expected · felt 4/5 at 12 %":
 * each part kept on one line (a number never apart from its unit), the label, the person's own
 * words, wrapping in its own direction.
 */
function renderCheckpointLine(parent: HTMLElement, c: CheckpointChip): void {
  const words = [c.stateLabel, c.expected === null ? null : `${percentLabel(c.expected, true)} expected`];
  if (c.progress !== null && c.feeling === null) words.push(`measured ${percentLabel(c.progress, true)}`);
  if (c.feeling !== null) words.push(feelingWords(c.feeling, c.progress));
  words.push(onTrackLabel(c.onTrack));
  parent.createSpan({ cls: 'action-plan-nowrap', text: c.dateLabel });
  if (c.label !== null) {
    parent.appendText(' · ');
    parent.createSpan({ text: c.label, attr: { dir: 'auto' } });
  }
  for (const w of words) {
    if (w === null) continue;
    parent.appendText(' · ');
    parent.createSpan({ cls: 'action-plan-nowrap', text: w });
  }
}

function renderCheckpoints(parent: HTMLElement, v: GoalView, ctx: RenderContext): void {
  if (v.checkpoints.length === 0) return;
  parent.createDiv({ cls: 'action-plan-section-title', text: 'Checkpoints' });
  const list = parent.createEl('ul', { cls: 'action-plan-checkpoint-list' });
  for (const c of v.checkpoints) {
    const li = list.createEl('li', { cls: 'action-plan-checkpoint', attr: { 'data-state': c.state } });
    if (c.onTrack !== null) li.setAttribute('data-on-track', String(c.onTrack));
    const button = li.createEl('button', { cls: 'action-plan-checkpoint-open', attr: { title: `Open the checkpoint of ${c.date}` } });
    button.createSpan({ cls: 'action-plan-checkpoint-dot', attr: { 'aria-hidden': 'true' } });
    renderCheckpointLine(button.createSpan(), c);
    button.addEventListener('click', () => ctx.actions.open(v.path, c.line));
    if (c.note !== null && c.note.trim() !== '') li.createDiv({ cls: 'action-plan-checkpoint-note', text: c.note, attr: { dir: 'auto' } });
  }
}

function renderProblems(parent: HTMLElement, v: GoalView, ctx: RenderContext): void {
  if (v.problems.length === 0) return;
  const box = parent.createDiv({ cls: 'action-plan-problems' });
  box.createDiv({ cls: 'action-plan-problems-title', text: v.problems.length === 1 ? '1 problem' : `${v.problems.length} problems` });
  for (const p of v.problems) {
    const b = box.createEl('button', { cls: 'action-plan-problem', attr: { 'data-severity': p.severity, 'data-code': p.code, 'data-path': p.path, 'data-line': p.line } });
    b.createSpan({ text: p.message });
    // Where it is, in words: the line, and the note when it is not the goal's own.
    const note = p.path === v.path ? '' : `${p.path.slice(p.path.lastIndexOf('/') + 1).replace(/\.md$/, '')}, `;
    rowPart(b, 'action-plan-problem-place', `${note}line ${p.line + 1}`, { dir: 'auto' });
    b.addEventListener('click', () => ctx.actions.open(p.path, p.line));
  }
}

function renderHelp(parent: HTMLElement, v: GoalView, ctx: RenderContext): void {
  const first = v.help[0];
  if (first === undefined) return;
  const n = v.help.length;
  const b = parent.createEl('button', { cls: 'action-plan-count', text: `${n} ${n === 1 ? 'needs help' : 'need help'}`, attr: { 'data-kind': 'help', 'data-count': n, title: 'Open the first step that needs help' } });
  b.addEventListener('click', () => ctx.actions.open(first.path, first.line));
}

export function renderDetails(parent: HTMLElement, v: GoalView, ctx: RenderContext): void {
  if (v.burnup !== null) renderBurnup(parent, v.burnup, `Burn-up of ${v.title}: done steps over time beside the expected line`, ctx.today);
  renderCheckpoints(parent, v, ctx);
  const facts = parent.createDiv({ cls: 'action-plan-facts' });
  if (v.forecastLabel !== null) facts.createDiv({ cls: 'action-plan-forecast', text: v.forecastLabel });
  if (v.capacityLabel !== null && v.capacity !== null) facts.createDiv({ cls: 'action-plan-capacity', text: v.capacityLabel, attr: { 'data-slack': v.capacity.slack } });
  renderHelp(parent, v, ctx);
  renderProblems(parent, v, ctx);
}
