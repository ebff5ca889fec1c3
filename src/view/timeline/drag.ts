/**
 * Moving a bar with the pointer (SPEC 4.3). A mouse or a pen drags a bar, or its right end, at
 * once; a finger does after a long press (`LONG_PRESS` ms without moving), so that a swipe
 * still scrolls the chart. While a drag is under way the bar shows where it would go, day by
 * day, and on release asks for the move; Escape (keys.ts) cancels it. A click or a tap that
 * moves nothing selects the bar.
 */
import type { BarMove } from '../../engine/present/timeline-move';
import { onBarKey } from './keys';

export interface BarHandlers {
  /** Asks for a move of the bar; the drawing follows the note once written. */
  move(bar: HTMLElement, move: BarMove): void;
  open(bar: HTMLElement): void;
  /** The bar is chosen (a click or a tap): its details show, with the day buttons. */
  select(bar: HTMLElement): void;
}

/** How long a finger rests on a bar before it drags it, in ms. */
export const LONG_PRESS = 500;
/** The width of a bar's right end, in px. */
const END = 8;
/** How far a finger may stray, in px, and still be resting (a tap or the start of a long press). */
const SLOP = 8;

/** Where a drag is: which bar, which part, from where, how many days so far, and whether it has started. */
interface Drag {
  bar: HTMLElement;
  kind: 'bar' | 'end';
  x0: number;
  y0: number;
  days: number;
  pointer: number;
  /** A finger's press: a drag once the long press is over (`live`), else a tap or a swipe. */
  touch: boolean;
  live: boolean;
  timer: number | null;
}

function showDrag(d: Drag, dayWidth: number): void {
  const px = `${d.days * dayWidth}px`;
  d.bar.setCssProps(d.kind === 'bar' ? { '--action-plan-drag-x': px, '--action-plan-drag-w': '0px' } : { '--action-plan-drag-x': '0px', '--action-plan-drag-w': px });
}

/** Starts the drag proper: the bar follows the pointer, which it holds until release. */
function lift(d: Drag): void {
  d.live = true;
  d.bar.setAttribute('data-dragging', 'true');
  d.bar.focus({ preventScroll: true });
  d.bar.setPointerCapture(d.pointer);
}

/** Ends a drag without moving: the bar goes back where it was. */
function endDrag(d: Drag): void {
  if (d.timer !== null) window.clearTimeout(d.timer);
  d.bar.setCssProps({ '--action-plan-drag-x': '0px', '--action-plan-drag-w': '0px' });
  d.bar.removeAttribute('data-dragging');
  if (d.bar.hasPointerCapture(d.pointer)) d.bar.releasePointerCapture(d.pointer);
}

function pressed(e: PointerEvent): Drag | null {
  const target = e.target instanceof Element ? e.target : null;
  const bar = target?.closest<HTMLElement>('.action-plan-bar') ?? null;
  if (bar === null || e.button !== 0) return null;
  // The right end is the bar's last few pixels (drawn a little past it, styles.css), on a bar
  // long enough to have a middle as well.
  const right = bar.getBoundingClientRect().right;
  const width = bar.offsetWidth;
  const kind = width > 2 * END && e.clientX >= right - END ? 'end' : 'bar';
  return { bar, kind, x0: e.clientX, y0: e.clientY, days: 0, pointer: e.pointerId, touch: e.pointerType === 'touch', live: false, timer: null };
}

/** Follows pointer drags of the movable bars inside `lanes`; returns what cancels a drag under way. */
export function followDrags(lanes: HTMLElement, dayWidth: number, handlers: BarHandlers): () => void {
  let drag: Drag | null = null;
  const cancel = (): void => {
    if (drag !== null) endDrag(drag);
    drag = null;
  };
  lanes.addEventListener('pointerdown', (e) => {
    cancel();
    const d = pressed(e);
    if (d === null) return;
    drag = d;
    if (d.touch) {
      d.timer = window.setTimeout(() => {
        d.timer = null;
        if (drag === d) lift(d);
      }, LONG_PRESS);
      return;
    }
    e.preventDefault();
    lift(d);
  });
  lanes.addEventListener('pointermove', (e) => {
    const d = drag;
    if (d === null || e.pointerId !== d.pointer) return;
    if (!d.live) {
      // A finger that moves before the long press is over scrolls the chart.
      if (Math.hypot(e.clientX - d.x0, e.clientY - d.y0) > SLOP) cancel();
      return;
    }
    const days = Math.round((e.clientX - d.x0) / dayWidth);
    if (days === d.days) return;
    d.days = days;
    showDrag(d, dayWidth);
  });
  // While a finger drags a bar, its moves are the drag's, not a scroll of the chart.
  lanes.addEventListener('touchmove', (e) => (drag?.live === true ? e.preventDefault() : undefined), { passive: false });
  lanes.addEventListener('contextmenu', (e) => (drag?.touch === true ? e.preventDefault() : undefined));
  const release = (e: PointerEvent): void => {
    const d = drag;
    if (d === null || e.pointerId !== d.pointer) return;
    drag = null;
    if (e.type === 'pointercancel' || d.days === 0) {
      endDrag(d);
      if (e.type === 'pointerup') handlers.select(d.bar);
      return;
    }
    // The move draws the bar where it was dropped at once (pending): the drag's offset goes.
    endDrag(d);
    handlers.move(d.bar, { kind: d.kind, days: d.days });
  };
  lanes.addEventListener('pointerup', release);
  lanes.addEventListener('pointercancel', release);
  lanes.addEventListener('keydown', (e) => onBarKey(e, lanes, handlers, drag?.live === true ? cancel : null));
  return cancel;
}
