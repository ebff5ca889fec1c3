/**
 * A card's progress bar: the fill, the marker where the plan should be today and the
 * checkpoints as marks at their expected percent (SPEC 4). The bar is a button, one stop in the
 * tab order: its name says every mark, and pressing it (a click, a tap, Enter) shows the same in
 * words below it, so that no meaning is left to a hover title. That caption stays open for the
 * goal while Obsidian runs, like the card's disclosures.
 */
import { percentLabel, type CheckpointChip, type GoalView } from '../engine/present/present';
import { isDisclosed, setDisclosed, type RenderContext } from './context';
import type { Disclosure } from './select';

/** "31 Dec, First draft finished: upcoming, 45% expected" */
function markWords(c: CheckpointChip): string {
  return `${c.dateLabel}${c.label === null ? '' : `, ${c.label}`}: ${c.stateLabel.toLowerCase()}, ${percentLabel(c.expected ?? 0)} expected`;
}

/** What the bar shows, in words: its own numbers, then each mark. */
function barWords(v: GoalView, placed: readonly CheckpointChip[]): string[] {
  const expected = v.expectedPercent === null ? '' : `, ${percentLabel(v.expectedPercent)} expected today`;
  return [`${v.progress.percent}% done${expected}`, ...placed.map((c) => `Checkpoint ${markWords(c)}`)];
}

/**
 * The caption the button shows: the marks in words, or, on a goal that is not active (its
 * numbers are not written beside the bar), the bar's numbers. Said by the button's name already,
 * it is not read a second time.
 */
function renderCaption(parent: HTMLElement, v: GoalView, placed: readonly CheckpointChip[], words: readonly string[]): HTMLElement {
  const caption = parent.createDiv({ cls: 'action-plan-bar-caption', attr: { 'aria-hidden': 'true' } });
  if (v.status !== 'active') {
    caption.createDiv({ text: words[0] ?? '' });
    return caption;
  }
  if (placed.length > 0) caption.createDiv({ cls: 'action-plan-bar-caption-title', text: 'Checkpoints' });
  for (const c of placed) caption.createDiv({ text: markWords(c), attr: { dir: 'auto' } });
  return caption;
}

/** The marks, beside the bar (a progress bar's own children are not read): each named, with its tooltip. */
function renderMarks(wrap: HTMLElement, placed: readonly CheckpointChip[]): void {
  if (placed.length === 0) return;
  const strip = wrap.createDiv({ cls: 'action-plan-marks' });
  for (const c of placed) {
    const name = `Checkpoint ${markWords(c)}`;
    const mark = strip.createSpan({ cls: 'action-plan-mark', attr: { role: 'img', 'aria-label': name, title: name, 'data-state': c.state, 'data-date': c.date } });
    if (c.onTrack !== null) mark.setAttribute('data-on-track', String(c.onTrack));
    mark.setCssProps({ '--action-plan-at': `${c.expected ?? 0}%` });
  }
}

function renderFill(button: HTMLElement, v: GoalView): void {
  const { percent } = v.progress;
  const bar = button.createDiv({
    cls: 'action-plan-progress',
    attr: { role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-valuenow': percent, 'aria-label': `${v.title}: ${percent}% done` },
  });
  bar.setCssProps({ '--action-plan-progress': `${percent}%` });
  bar.createDiv({ cls: 'action-plan-progress-fill' });
  if (v.expectedPercent === null) return;
  bar.setCssProps({ '--action-plan-expected': `${v.expectedPercent}%` });
  bar.createDiv({ cls: 'action-plan-progress-marker' });
}

/** The bar of `v` and its caption; `marks`: with its checkpoints (an active goal). Returns the button. */
export function renderProgressBar(parent: HTMLElement, v: GoalView, ctx: RenderContext, marks: boolean): HTMLElement {
  const placed = marks ? v.checkpoints.filter((c) => c.expected !== null) : [];
  const words = barWords(v, placed);
  const which: Disclosure = 'marks';
  const button = parent.createEl('button', {
    cls: 'action-plan-progress-wrap',
    attr: { 'aria-label': `${v.title}: ${words.join('; ')}`, title: words.join('\n'), 'data-focus': `bar:${v.path}` },
  });
  renderFill(button, v);
  renderMarks(button, placed);
  const caption = renderCaption(parent, v, placed, words);
  const show = (): void => {
    const open = isDisclosed(ctx, v.path, which);
    button.setAttribute('aria-expanded', String(open));
    caption.toggleClass('action-plan-hidden', !open);
  };
  button.addEventListener('click', () => {
    setDisclosed(ctx, v.path, which, !isDisclosed(ctx, v.path, which));
    show();
  });
  show();
  return button;
}
