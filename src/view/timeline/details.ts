/**
 * The timeline's line of details (SPEC 4.3): what the bar under the pointer, the focus or the
 * last tap shows (its name, the linked note's name apart and muted, its dates and states, its
 * early start, early finish and slack), and for a selected bar the −1 and +1 day buttons.
 */
import type { TimelineRow } from '../../engine/present/timeline';
import { barWords } from './bars';
import { rowPart } from '../text';
import type { RowName } from './rows';

/** Shows the hint (nothing chosen yet). */
export function showHint(details: HTMLElement, text: string): void {
  details.empty();
  details.createSpan({ cls: 'action-plan-muted', text });
}

/** Shows a bar's details; with `move`, the day buttons that call it with −1 or +1. */
export function showDetails(details: HTMLElement, row: TimelineRow, name: RowName, move: ((days: number) => void) | null): void {
  details.empty();
  const words = barWords(row, '');
  details.createSpan({ cls: 'action-plan-timeline-details-text', text: name.text, attr: { dir: 'auto' } });
  if (name.link !== null) rowPart(details, 'action-plan-timeline-link', name.link, { dir: 'auto', title: `Plan continues in ${name.link}` });
  if (words.label !== '') details.createSpan({ cls: 'action-plan-timeline-details-text', text: ` · ${words.label}` });
  if (words.schedule !== null) details.createSpan({ cls: 'action-plan-muted', text: ` · ${words.schedule}` });
  if (move === null) return;
  for (const [text, days] of [['−1 day', -1], ['+1 day', 1]] as const) {
    const b = details.createEl('button', { cls: 'action-plan-timeline-day', text, attr: { 'aria-label': `${text}: ${name.text}` } });
    b.addEventListener('click', () => move(days));
  }
}
