/**
 * The keys of a focused bar (SPEC 4.3): Shift+Right and Shift+Left move its due date a day,
 * Enter opens the step's note at its line, the up and down arrows go to the bar above or below,
 * and Escape cancels a drag under way.
 */
import type { BarHandlers } from './drag';

function neighbour(lanes: HTMLElement, bar: HTMLElement, step: number): HTMLElement | null {
  const bars = Array.from(lanes.querySelectorAll<HTMLElement>('.action-plan-bar'));
  return bars[bars.indexOf(bar) + step] ?? null;
}

/** Handles a key pressed on a bar inside `lanes`; `cancelDrag` is set while a drag is under way. */
export function onBarKey(e: KeyboardEvent, lanes: HTMLElement, handlers: BarHandlers, cancelDrag: (() => void) | null): void {
  const bar = e.target instanceof HTMLElement && e.target.matches('.action-plan-bar') ? e.target : null;
  if (bar === null) return;
  const handled = (): void => {
    e.preventDefault();
    e.stopPropagation();
  };
  if (e.key === 'Escape' && cancelDrag !== null) {
    handled();
    cancelDrag();
  } else if (e.shiftKey && (e.key === 'ArrowRight' || e.key === 'ArrowLeft')) {
    handled();
    handlers.move(bar, { kind: 'key', days: e.key === 'ArrowRight' ? 1 : -1 });
  } else if (e.key === 'Enter') {
    handled();
    handlers.open(bar);
  } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
    handled();
    neighbour(lanes, bar, e.key === 'ArrowDown' ? 1 : -1)?.focus();
  }
}
