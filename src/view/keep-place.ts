/**
 * A redraw never moves the ground: the element with the focus and the place on screen of what
 * the person looks at are read before it and given back after it. Elements are matched by their
 * `data-focus` key, tree rows by their `data-id`, cards by their `data-path`.
 */

export interface Place {
  focus: string | null;
  /**
   * Where the focused element stood in its `data-focus-group` (a list whose rows come and go,
   * as next actions do): when it is gone after the redraw, the element now in its place gets the focus.
   */
  slot: { group: string; index: number } | null;
  /** The element kept in place, and where its top stood on screen. */
  anchor: { attr: string; value: string } | null;
  top: number;
}

function keyOf(el: Element): { attr: string; value: string } | null {
  for (const attr of ['data-focus', 'data-id']) {
    const value = el.getAttribute(attr);
    if (value !== null) return { attr, value };
  }
  if (el.classList.contains('action-plan-card')) return { attr: 'data-path', value: el.getAttribute('data-path') ?? '' };
  return null;
}

function find(root: HTMLElement, key: { attr: string; value: string }): HTMLElement | null {
  for (const el of Array.from(root.querySelectorAll<HTMLElement>(`[${key.attr}]`))) {
    if (el.getAttribute(key.attr) === key.value && (key.attr !== 'data-path' || el.classList.contains('action-plan-card'))) return el;
  }
  return null;
}

/** What to give back after a redraw of `root`. */
export function rememberPlace(root: HTMLElement): Place {
  const active = root.ownerDocument.activeElement;
  const focused = active instanceof HTMLElement && root.contains(active) ? active : null;
  const focus = focused === null ? null : keyOf(focused);
  let anchorEl: Element | null = focused;
  if (anchorEl === null) {
    const viewTop = Math.max(0, root.getBoundingClientRect().top);
    anchorEl = Array.from(root.querySelectorAll('.action-plan-card')).find((c) => c.getBoundingClientRect().bottom > viewTop) ?? null;
  }
  const anchor = anchorEl === null ? null : keyOf(anchorEl);
  return { focus: focus === null ? null : `${focus.attr}\n${focus.value}`, slot: focused === null ? null : slotOf(focused), anchor, top: anchorEl?.getBoundingClientRect().top ?? 0 };
}

function slotOf(el: HTMLElement): Place['slot'] {
  const group = el.closest('[data-focus-group]');
  if (group === null) return null;
  const index = Array.from(group.querySelectorAll('[data-focus]')).indexOf(el);
  return index === -1 ? null : { group: group.getAttribute('data-focus-group') ?? '', index };
}

/** The element standing where the focused one stood in its group, or null. */
function inSlot(root: HTMLElement, slot: Place['slot']): HTMLElement | null {
  if (slot === null) return null;
  const group = Array.from(root.querySelectorAll('[data-focus-group]')).find((g) => g.getAttribute('data-focus-group') === slot.group);
  const items = group === undefined ? [] : Array.from(group.querySelectorAll<HTMLElement>('[data-focus]'));
  return items[Math.min(slot.index, items.length - 1)] ?? null;
}

function scroller(el: HTMLElement): HTMLElement | null {
  for (let p = el.parentElement; p !== null; p = p.parentElement) {
    const overflow = getComputedStyle(p).overflowY;
    if ((overflow === 'auto' || overflow === 'scroll') && p.scrollHeight > p.clientHeight) return p;
  }
  return el.ownerDocument.scrollingElement as HTMLElement | null;
}

/** Gives the focus back and scrolls so the anchor stands where it stood. */
export function restorePlace(root: HTMLElement, place: Place): void {
  if (place.focus !== null) {
    const [attr = '', value = ''] = place.focus.split('\n');
    const el = find(root, { attr, value }) ?? inSlot(root, place.slot);
    if (el !== null && root.ownerDocument.activeElement !== el) {
      if (el.getAttribute('role') === 'treeitem') {
        const tree = el.closest('[role="tree"]');
        for (const other of Array.from(tree?.querySelectorAll<HTMLElement>('[role="treeitem"][tabindex="0"]') ?? [])) other.tabIndex = -1;
        el.tabIndex = 0;
      }
      el.focus({ preventScroll: true });
    }
  }
  if (place.anchor === null) return;
  const again = find(root, place.anchor);
  if (again === null) return;
  const moved = again.getBoundingClientRect().top - place.top;
  if (Math.abs(moved) < 0.5) return;
  const box = scroller(root);
  if (box !== null) box.scrollTop += moved;
}
