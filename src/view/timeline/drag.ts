/**
 * Moving a bar with the pointer and the keys (SPEC 4.3): a drag of the bar or of its right end
 * (mouse or pen) shows the bar where it would go, day by day, and on release asks for the move;
 * Escape cancels. A tap selects a bar. On a focused bar Shift+Right and Shift+Left move the due date a day, Enter opens
 * the step's note, the up and down arrows go to the bar above or below.
 */
import type { BarMove } from './move';

export interface BarHandlers {
  /** Asks for a move of the bar; the drawing follows the note once written. */
  move(bar: HTMLElement, move: BarMove): void;
  open(bar: HTMLElement): void;
  /** The bar is chosen (a click or a tap): its details show, with the day buttons. */
  select(bar: HTMLElement): void;
}

/** Where a drag is: which bar, which part, from where, and how many days so far. */
interface Drag {
  bar: HTMLElement;
  kind: 'bar' | 'end';
  x0: number;
  days: number;
  pointer: number;
  touch: boolean;
}

function showDrag(d: Drag, dayWidth: number): void {
  const px = `${d.days * dayWidth}px`;
  d.bar.setCssProps(d.kind === 'bar' ? { '--action-plan-drag-x': px, '--action-plan-drag-w': '0px' } : { '--action-plan-drag-x': '0px', '--action-plan-drag-w': px });
  d.bar.setAttribute('data-dragging', 'true');
}

function endDrag(d: Drag): void {
  if (d.touch) return;
  d.bar.setCssProps({ '--action-plan-drag-x': '0px', '--action-plan-drag-w': '0px' });
  d.bar.removeAttribute('data-dragging');
  if (d.bar.hasPointerCapture(d.pointer)) d.bar.releasePointerCapture(d.pointer);
}

/** Follows pointer drags of the movable bars inside `lanes`; returns what cancels a drag under way. */
export function followDrags(lanes: HTMLElement, dayWidth: number, handlers: BarHandlers): () => void {
  let drag: Drag | null = null;
  const cancel = (): void => {
    if (drag !== null) endDrag(drag);
    drag = null;
  };
  lanes.addEventListener('pointerdown', (e) => {
    const target = e.target instanceof Element ? e.target : null;
    const bar = target?.closest<HTMLElement>('.action-plan-bar[data-movable="true"]') ?? null;
    if (bar === null || e.button !== 0) return;
    drag = { bar, kind: target?.closest('.action-plan-bar-end') !== null ? 'end' : 'bar', x0: e.clientX, days: 0, pointer: e.pointerId, touch: e.pointerType === 'touch' };
    // A finger scrolls the chart; a tap selects the bar, whose day buttons then move it.
    if (drag.touch) return;
    e.preventDefault();
    bar.focus();
    bar.setPointerCapture(e.pointerId);
  });
  lanes.addEventListener('pointermove', (e) => {
    if (drag === null || e.pointerId !== drag.pointer || drag.touch) return;
    const days = Math.round((e.clientX - drag.x0) / dayWidth);
    if (days === drag.days) return;
    drag.days = days;
    showDrag(drag, dayWidth);
  });
  const release = (e: PointerEvent): void => {
    if (drag === null || e.pointerId !== drag.pointer) return;
    const d = drag;
    drag = null;
    if (e.type === 'pointercancel' || d.days === 0) {
      endDrag(d);
      if (e.type === 'pointerup') handlers.select(d.bar);
      return;
    }
    // The bar stays where it was dropped until the note is written and the timeline drawn again.
    if (d.bar.hasPointerCapture(d.pointer)) d.bar.releasePointerCapture(d.pointer);
    d.bar.setAttribute('data-pending', 'true');
    handlers.move(d.bar, { kind: d.kind, days: d.days });
  };
  lanes.addEventListener('pointerup', release);
  lanes.addEventListener('pointercancel', release);
  lanes.addEventListener('keydown', (e) => onBarKey(e, lanes, handlers, drag !== null ? cancel : null));
  return cancel;
}

function neighbour(lanes: HTMLElement, bar: HTMLElement, step: number): HTMLElement | null {
  const bars = Array.from(lanes.querySelectorAll<HTMLElement>('.action-plan-bar'));
  return bars[bars.indexOf(bar) + step] ?? null;
}

function onBarKey(e: KeyboardEvent, lanes: HTMLElement, handlers: BarHandlers, cancelDrag: (() => void) | null): void {
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
    if (bar.getAttribute('data-movable') === 'true') handlers.move(bar, { kind: 'key', days: e.key === 'ArrowRight' ? 1 : -1 });
  } else if (e.key === 'Enter') {
    handled();
    handlers.open(bar);
  } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
    handled();
    neighbour(lanes, bar, e.key === 'ArrowDown' ? 1 : -1)?.focus();
  }
}
