/**
 * A card's progress bar: the fill, the marker where the plan should be today and the
 * checkpoints as marks at their expected percent (SPEC 4). The bar is one stop in the tab order:
 * its name says every mark, and while it has the focus (a tap gives it too) a caption below it
 * says the same in words, so that no meaning is left to a hover title.
 */
import { percentLabel, type CheckpointChip, type GoalView } from '../engine/present/present';

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
 * The caption shown while the bar has the focus: the marks in words, or, on a goal that is not
 * active (its numbers are not written beside the bar), the bar's numbers.
 */
function renderCaption(parent: HTMLElement, v: GoalView, placed: readonly CheckpointChip[], words: readonly string[]): void {
  // Said by the bar's name already: shown, not read a second time.
  const caption = parent.createDiv({ cls: 'action-plan-bar-caption', attr: { 'aria-hidden': 'true' } });
  if (v.status !== 'active') {
    caption.createDiv({ text: words[0] ?? '' });
    return;
  }
  if (placed.length === 0) return;
  caption.createDiv({ cls: 'action-plan-bar-caption-title', text: 'Checkpoints' });
  for (const c of placed) caption.createDiv({ text: markWords(c), attr: { dir: 'auto' } });
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

/** The bar of `v`; `marks`: with its checkpoints (an active goal). */
export function renderProgressBar(parent: HTMLElement, v: GoalView, marks: boolean): HTMLElement {
  const { percent } = v.progress;
  const placed = marks ? v.checkpoints.filter((c) => c.expected !== null) : [];
  const words = barWords(v, placed);
  const wrap = parent.createDiv({ cls: 'action-plan-progress-wrap' });
  const bar = wrap.createDiv({
    cls: 'action-plan-progress',
    attr: { role: 'progressbar', tabindex: 0, 'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-valuenow': percent, 'aria-label': `${v.title}: ${words.join('; ')}`, 'data-focus': `bar:${v.path}` },
  });
  bar.setAttribute('title', words.join('\n'));
  bar.setCssProps({ '--action-plan-progress': `${percent}%` });
  bar.createDiv({ cls: 'action-plan-progress-fill' });
  if (v.expectedPercent !== null) {
    bar.setCssProps({ '--action-plan-expected': `${v.expectedPercent}%` });
    bar.createDiv({ cls: 'action-plan-progress-marker' });
  }
  renderMarks(wrap, placed);
  renderCaption(parent, v, placed, words);
  return bar;
}
