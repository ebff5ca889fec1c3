/**
 * A box ticked in the view: it shows its new state at once, marked pending (`data-pending`) on
 * `row` until the note confirms and the row is drawn again from it; when the edit is refused
 * (the note-writer says why in a notice) it goes back to what the note says.
 */
import type { PlanNode } from '../engine/types';
import type { RenderContext } from './context';

/** What the box shows after a tick: ticking a cancelled step makes it todo (SPEC 2.3). */
function tickedState(node: PlanNode): boolean {
  return node.status !== 'done' && node.status !== 'cancelled';
}

/**
 * Wires `box` (showing `node`'s own box) to tick the step. `show` mirrors the box's state
 * elsewhere (a tree item's `aria-checked`); `started` runs as the tick starts.
 */
export function tickBox(box: HTMLInputElement, row: HTMLElement, node: PlanNode, ctx: { actions: Pick<RenderContext['actions'], 'toggle'> }, show: (checked: boolean) => void, started: () => void = () => undefined): void {
  box.addEventListener('click', (e) => {
    e.stopPropagation();
    if (row.getAttribute('data-pending') === 'true') {
      // One write at a time: the box keeps the state it shows.
      box.checked = !box.checked;
      return;
    }
    const was = node.status === 'done';
    const now = tickedState(node);
    box.checked = now;
    show(now);
    row.setAttribute('data-pending', 'true');
    started();
    void ctx.actions.toggle(node).then((ok) => {
      if (ok) return;
      box.checked = was;
      show(was);
      row.removeAttribute('data-pending');
    });
  });
}
