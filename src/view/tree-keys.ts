/** The keyboard in a plan's tree (the WAI-ARIA tree pattern): arrows, Home, End, Enter, Space. */

function isOpen(item: HTMLElement): boolean {
  return item.getAttribute('aria-expanded') === 'true';
}

function visibleItems(tree: HTMLElement): HTMLElement[] {
  return Array.from(tree.querySelectorAll<HTMLElement>('[role="treeitem"]')).filter((el) => el.closest('.action-plan-hidden') === null);
}

/** Makes `item` its tree's one tab stop and focuses it. */
export function moveFocus(within: HTMLElement, item: HTMLElement | undefined): void {
  if (item === undefined) return;
  const tree = within.closest<HTMLElement>('[role="tree"]') ?? within;
  for (const el of Array.from(tree.querySelectorAll<HTMLElement>('[role="treeitem"][tabindex="0"]'))) el.tabIndex = -1;
  item.tabIndex = 0;
  item.focus();
}

function toggleBranch(item: HTMLElement): void {
  item.querySelector<HTMLElement>(':scope > .action-plan-row > .action-plan-twisty')?.click();
}

/** Space ticks a step's box; "Show more" and "N done" do with it what they do with Enter. */
function spaceTarget(item: HTMLElement, row: HTMLElement | null): HTMLElement | null {
  const kind = item.dataset.kind;
  if (kind === 'more' || kind === 'fold') return row?.querySelector<HTMLElement>(':scope > .action-plan-node-text') ?? null;
  return row?.querySelector<HTMLElement>(':scope > .action-plan-checkbox') ?? null;
}

export function onTreeKey(e: KeyboardEvent, tree: HTMLElement): void {
  const target = e.target;
  if (!(target instanceof HTMLElement) || target.getAttribute('role') !== 'treeitem') return;
  const items = visibleItems(tree);
  const i = items.indexOf(target);
  const row = target.querySelector<HTMLElement>(':scope > .action-plan-row');
  // An item stands in its branch, in its parent's group, in the parent's branch (tree.ts).
  const parentItem = target.parentElement?.parentElement?.closest('.action-plan-branch')?.querySelector<HTMLElement>(':scope > [role="treeitem"]') ?? undefined;
  const actions: Record<string, () => void> = {
    ArrowDown: () => moveFocus(tree, items[i + 1]),
    ArrowUp: () => moveFocus(tree, items[i - 1]),
    Home: () => moveFocus(tree, items[0]),
    End: () => moveFocus(tree, items[items.length - 1]),
    ArrowRight: () => {
      if (!target.hasAttribute('aria-expanded')) return;
      if (!isOpen(target)) toggleBranch(target);
      else moveFocus(tree, items[i + 1]);
    },
    ArrowLeft: () => {
      if (isOpen(target)) toggleBranch(target);
      else moveFocus(tree, parentItem);
    },
    ' ': () => spaceTarget(target, row)?.click(),
    Enter: () => row?.querySelector<HTMLElement>(':scope > .action-plan-node-text')?.click(),
  };
  const action = actions[e.key];
  if (action === undefined) return;
  e.preventDefault();
  e.stopPropagation();
  action();
}
