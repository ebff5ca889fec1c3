/**
 * A redraw never moves the ground: the element with the focus and the place on screen of what
 * the person looks at are read before it and given back after it. Elements are matched by their
 * `data-focus` key, tree rows by their `data-id`, cards by their `data-path`.
 */

export interface Place {
  focus: string | null;
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
  return { focus: focus === null ? null : `${focus.attr}\n${focus.value}`, anchor, top: anchorEl?.getBoundingClientRect().top ?? 0 };
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
    const el = find(root, { attr, value });
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
