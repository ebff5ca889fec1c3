/** @jest-environment jsdom */
/** The plan's tree: rows, checkboxes, chips, badges, markers, collapsing, paging and the keyboard. */
import type { PlanNode } from '../../src/engine/types';
import { ensureIds } from '../../src/engine/plan/plan';
import { PAGE, renderTree } from '../../src/view/tree';
import { installDomHelpers } from '../host';
import { day } from '../engine/helpers';
import { allNodes, container, demoGoal, demoReports, expandAll, key, recording } from './helpers';

installDomHelpers();

function stepRows(root: HTMLElement): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>('.action-plan-step'));
}

function rowOf(root: HTMLElement, text: string): HTMLElement {
  const row = Array.from(root.querySelectorAll<HTMLElement>('.action-plan-row')).find((r) => r.querySelector('.action-plan-node-text')?.textContent === text);
  if (!row) throw new Error(`no row "${text}"`);
  return row;
}

function itemOf(row: HTMLElement): HTMLElement {
  return row.parentElement as HTMLElement;
}

/** A tree item with the group of its children after it. */
function branchOf(item: HTMLElement): HTMLElement {
  return item.parentElement as HTMLElement;
}

describe('the tree', () => {
  it('once every branch is open, has one step row per step of the report, with its place, status and box', () => {
    for (const report of demoReports()) {
      const tree = renderTree(container(), report.tree, recording().ctx);
      expandAll(tree);
      const steps = allNodes(report.tree).filter((n) => n.kind === 'step');
      // Open steps stand before the done ones in a long branch: compared in the note's order.
      const byPlace = (a: HTMLElement, b: HTMLElement): number => (a.dataset.path ?? '').localeCompare(b.dataset.path ?? '') || Number(a.dataset.line) - Number(b.dataset.line);
      steps.sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line);
      const rows = stepRows(tree).sort(byPlace);
      expect(rows.map((r) => [r.dataset.path, r.dataset.line, r.dataset.status])).toEqual(steps.map((s) => [s.path, String(s.line), s.status]));
      for (const [i, row] of rows.entries()) {
        const box = row.querySelector<HTMLInputElement>('input[type="checkbox"]');
        expect(box?.checked).toBe(steps[i]?.status === 'done');
        expect(itemOf(row).getAttribute('aria-checked')).toBe(String(steps[i]?.status === 'done'));
      }
    }
  });

  it('is an ARIA tree with levels, and expanded state on branches only', () => {
    const tree = renderTree(container(), demoGoal('Learn Spanish').tree, recording().ctx);
    expect(tree.getAttribute('role')).toBe('tree');
    const basics = itemOf(rowOf(tree, 'Basics'));
    expect(basics.getAttribute('role')).toBe('treeitem');
    expect(basics.getAttribute('aria-level')).toBe('1');
    expect(basics.getAttribute('aria-expanded')).toBe('true');
    const course = itemOf(rowOf(tree, 'Finish the A1 course in the app'));
    expect(course.getAttribute('aria-level')).toBe('2');
    // Open down to the first open leaf (Units 4-6); Speaking, whose first open leaf is a direct child, opens too.
    expect(course.getAttribute('aria-expanded')).toBe('true');
    expect(itemOf(rowOf(tree, 'Speaking')).getAttribute('aria-expanded')).toBe('true');
    expect(itemOf(rowOf(tree, 'Join the language exchange at the library')).hasAttribute('aria-expanded')).toBe(false);
  });

  it('skips the H1 phase named like the goal', () => {
    const report = demoGoal('Learn Spanish');
    expect(report.tree.children.map((c) => c.text)).toEqual(['Learn Spanish']);
    const tree = renderTree(container(), report.tree, recording().ctx);
    expect(Array.from(tree.querySelectorAll('[aria-level="1"] > .action-plan-row .action-plan-node-text')).map((e) => e.textContent)).toEqual(['Basics', 'Speaking']);
  });

  it('builds a closed branch only when it opens, and remembers it open across renders', () => {
    const rec = recording();
    const report = demoGoal('Learn Spanish');
    ensureIds(report.tree);
    rec.ctx.tree.expanded.set(report.tree.children[0]?.children[0]?.children[0]?.id ?? '', false);
    let tree = renderTree(container(), report.tree, rec.ctx);
    const course = itemOf(rowOf(tree, 'Finish the A1 course in the app'));
    expect(branchOf(course).querySelector('.action-plan-children')).toBeNull();
    course.querySelector<HTMLElement>('.action-plan-twisty')?.click();
    expect(course.getAttribute('aria-expanded')).toBe('true');
    // The item holds its own row only; its children follow it in its branch.
    expect(Array.from(course.querySelectorAll('.action-plan-node-text')).map((e) => e.textContent)).toEqual(['Finish the A1 course in the app']);
    expect(Array.from(branchOf(course).querySelectorAll('.action-plan-node-text')).map((e) => e.textContent)).toEqual(['Finish the A1 course in the app', 'Units 1-3', 'Units 4-6', 'Units 7-9']);
    tree = renderTree(container(), report.tree, rec.ctx);
    expect(itemOf(rowOf(tree, 'Finish the A1 course in the app')).getAttribute('aria-expanded')).toBe('true');
    // Closing hides the built children and is remembered too.
    itemOf(rowOf(tree, 'Basics')).querySelector<HTMLElement>('.action-plan-twisty')?.click();
    tree = renderTree(container(), report.tree, rec.ctx);
    expect(itemOf(rowOf(tree, 'Basics')).getAttribute('aria-expanded')).toBe('false');
    expect(tree.querySelectorAll('.action-plan-step')).toHaveLength(2);
  });

  it('shows due chips: overdue, today, soon and later', () => {
    const report = demoGoal('Learn Spanish');
    const tree = renderTree(container(), report.tree, recording('2026-12-05').ctx);
    expandAll(tree);
    const chip = (text: string): [string | undefined, string | null] => {
      const c = rowOf(tree, text).querySelector<HTMLElement>('.action-plan-due');
      return [c?.dataset.due, c?.textContent ?? null];
    };
    expect(chip('Book a trial lesson with a tutor')).toEqual(['today', 'Due today']);
    expect(chip('Units 4-6')).toEqual(['later', '20 Dec']);
    const late = renderTree(container(), report.tree, recording('2026-12-22').ctx);
    expandAll(late);
    expect(rowOf(late, 'Units 4-6').querySelector<HTMLElement>('.action-plan-due')?.dataset.due).toBe('overdue');
    expect(rowOf(late, 'Units 4-6').querySelector('.action-plan-due')?.textContent).toBe('2 days overdue');
    const soon = renderTree(container(), report.tree, recording('2026-12-15').ctx);
    expandAll(soon);
    expect(rowOf(soon, 'Units 4-6').querySelector('.action-plan-due')?.textContent).toBe('In 5 days');
    // A done step has no chip.
    expect(rowOf(soon, 'Units 1-3').querySelector('.action-plan-due')).toBeNull();
  });

  it('badges a step that needs help, marks a step that expands a note or refers to one, and shows per-node progress', () => {
    const report = demoGoal('Publish my first novel');
    const tree = renderTree(container(), report.tree, recording().ctx);
    expandAll(tree);
    const beta = rowOf(tree, 'Find two beta readers');
    expect(beta.querySelector('.action-plan-help-badge')?.textContent).toBe('Help');
    expect(beta.querySelector('.action-plan-link')?.getAttribute('data-link')).toBe('expands');
    const sunday = rowOf(tree, 'Keep doing the Sunday review while revising');
    expect(sunday.querySelector('.action-plan-link')?.getAttribute('data-link')).toBe('expands');
    // A note reached a second time is a reference: marked, and counted where it first appears.
    const refs = allNodes(report.tree).filter((n) => n.kind === 'ref');
    expect(refs.length).toBeGreaterThan(0);
    const refRows = Array.from(tree.querySelectorAll<HTMLElement>('.action-plan-ref'));
    expect(refRows).toHaveLength(refs.length);
    for (const r of refRows) expect(r.querySelector('.action-plan-link')?.getAttribute('data-link')).toBe('ref');
    const draft = rowOf(tree, 'Draft');
    const node = report.tree.children[0]?.children.find((c) => c.text === 'Draft') as PlanNode;
    expect(draft.querySelector('.action-plan-mini-text')?.textContent).toBe(`${node.progress.done}/${node.progress.total}`);
    expect(draft.querySelector<HTMLElement>('.action-plan-mini')?.style.getPropertyValue('--action-plan-percent')).toBe(`${node.progress.percent}%`);
    // A leaf step has no mini bar.
    expect(rowOf(tree, 'Hire a professional editor').querySelector('.action-plan-mini')).toBeNull();
  });

  it("shows a link's name apart from the step's words, in the row and in its name", () => {
    const tree = renderTree(container(), demoGoal('Learn Spanish').tree, recording().ctx);
    const row = rowOf(tree, 'Book a trial lesson with a tutor');
    expect(row.querySelector('.action-plan-step-link')?.textContent).toBe('Spanish tutors');
    expect(row.querySelector('.action-plan-step-link')?.getAttribute('dir')).toBe('auto');
    expect(itemOf(row).getAttribute('aria-label')).toBe('Book a trial lesson with a tutor, Spanish tutors, 5 Dec, to do');
    // A link inside the sentence reads as its words.
    const step: PlanNode = { ...leaf(3), text: 'Read [[Grammar#Verbs]] first [[Workbook|the workbook]]', link: 'Workbook.md' };
    const root: PlanNode = { ...leaf(0), kind: 'goal', status: null, text: 'Big', children: [step] };
    const inner = rowOf(renderTree(container(), root, recording().ctx), 'Read Grammar › Verbs first');
    expect(inner.querySelector('.action-plan-step-link')?.textContent).toBe('the workbook');
  });

  it('badges a step that waits on another as blocked, in the row and in its name', () => {
    const report = demoGoal('Publish my first novel');
    const tree = renderTree(container(), report.tree, recording().ctx);
    expandAll(tree);
    const blocked = allNodes(report.tree).filter((n) => n.blocked);
    expect(blocked.length).toBeGreaterThan(0);
    for (const n of blocked) {
      const row = tree.querySelector<HTMLElement>(`.action-plan-step[data-path="${n.path}"][data-line="${n.line}"]`) as HTMLElement;
      expect(row.querySelector('.action-plan-blocked-badge')?.textContent).toBe('Blocked');
      expect(itemOf(row).getAttribute('aria-label')).toContain(', Blocked');
    }
    expect(tree.querySelectorAll('.action-plan-blocked-badge')).toHaveLength(blocked.length);
  });

  it('opens only the branches that hold the matches of a search and marks them; cleared, the default branches are back', () => {
    const rec = recording();
    const report = demoGoal('Run three times a week');
    rec.ctx.search = 'parkrun';
    let tree = renderTree(container(), report.tree, rec.ctx);
    const matches = Array.from(tree.querySelectorAll<HTMLElement>('.action-plan-row[data-match="true"]'));
    expect(matches.map((m) => m.querySelector('.action-plan-node-text')?.textContent)).toEqual(['Try the Saturday parkrun', 'Ask the parkrun group about a Tuesday evening run']);
    for (const m of matches) expect(m.closest('.action-plan-hidden')).toBeNull();
    // Open by default, but holding no match.
    expect(itemOf(rowOf(tree, 'Keep it going')).getAttribute('aria-expanded')).toBe('false');
    rec.ctx.search = '';
    tree = renderTree(container(), report.tree, rec.ctx);
    expect(itemOf(rowOf(tree, 'Keep it going')).getAttribute('aria-expanded')).toBe('true');
    expect(tree.querySelector('[data-match]')).toBeNull();
  });

  it('names each row with what it shows, in its order, then its state and link', () => {
    const report = demoGoal('Run three times a week');
    const tree = renderTree(container(), report.tree, recording().ctx);
    expandAll(tree);
    expect(itemOf(rowOf(tree, 'Find a running buddy or a club for the dark months')).getAttribute('aria-label')).toBe('Find a running buddy or a club for the dark months, In 4 days, Help, 2/3 done, to do');
    expect(itemOf(rowOf(tree, 'Try the Saturday parkrun')).getAttribute('aria-label')).toBe('Try the Saturday parkrun, done');
    expect(itemOf(rowOf(tree, 'Couch to 5K')).getAttribute('aria-label')).toMatch(/^Couch to 5K, \d+\/\d+ done, done, Plan continues in the linked note$/);
    // Every row's words, as its text reads them (arrows and marks aside), stand together in its name.
    const words = (s: string): string[] => s.toLowerCase().replace(/[^\p{L}\p{N}\s]/gu, ' ').split(/\s+/).filter(Boolean);
    for (const report of demoReports()) {
      const t = renderTree(container(), report.tree, recording().ctx);
      expandAll(t);
      for (const item of Array.from(t.querySelectorAll<HTMLElement>('[role="treeitem"]'))) {
        expect(` ${words(item.getAttribute('aria-label') ?? '').join(' ')} `).toContain(` ${words(item.textContent ?? '').join(' ')} `);
      }
    }
  });

  it('opens the note at the step line when its text is clicked, and asks to toggle when its box is', () => {
    const rec = recording();
    const report = demoGoal('Learn Spanish');
    const tree = renderTree(container(), report.tree, rec.ctx);
    expandAll(tree);
    const row = rowOf(tree, 'Join the language exchange at the library');
    row.querySelector<HTMLElement>('.action-plan-node-text')?.click();
    expect(rec.opened).toEqual([['Goals/Learn Spanish.md', Number(row.dataset.line)]]);
    const box = row.querySelector<HTMLInputElement>('input[type="checkbox"]');
    box?.click();
    expect(rec.toggled.map((n) => [n.path, n.line])).toEqual([['Goals/Learn Spanish.md', Number(row.dataset.line)]]);
    // The box shows its new state at once, pending until the note confirms.
    expect(box?.checked).toBe(true);
    expect(row.dataset.pending).toBe('true');
    expect(itemOf(row).getAttribute('aria-checked')).toBe('true');
  });

  it('shows a ticked cancelled step as to do at once, as the note will have it', () => {
    const rec = recording();
    const tree = renderTree(container(), demoGoal('Publish my first novel').tree, rec.ctx);
    expandAll(tree);
    const row = rowOf(tree, 'Prologue');
    expect(row.dataset.status).toBe('cancelled');
    const box = row.querySelector<HTMLInputElement>('input[type="checkbox"]');
    expect(box?.checked).toBe(false);
    box?.click();
    expect(rec.toggled.map((n) => n.text)).toEqual(['Prologue']);
    expect(box?.checked).toBe(false);
    expect(row.dataset.pending).toBe('true');
    expect(itemOf(row).getAttribute('aria-checked')).toBe('false');
  });

  it('puts a refused tick back', async () => {
    const rec = recording();
    rec.accept = false;
    const tree = renderTree(container(), demoGoal('Learn Spanish').tree, rec.ctx);
    const row = rowOf(tree, 'Units 4-6');
    const box = row.querySelector<HTMLInputElement>('input[type="checkbox"]');
    box?.click();
    expect(box?.checked).toBe(true);
    await Promise.resolve();
    await Promise.resolve();
    expect(box?.checked).toBe(false);
    expect(row.hasAttribute('data-pending')).toBe(false);
    expect(itemOf(row).getAttribute('aria-checked')).toBe('false');
  });

  it('hides done steps when the setting says so', () => {
    const tree = renderTree(container(), demoGoal('Learn Spanish').tree, recording(undefined, { showDone: false }).ctx);
    expandAll(tree);
    expect(stepRows(tree).map((r) => r.dataset.status)).not.toContain('done');
  });

  it('moves with the arrows, opens and closes with right and left, opens the note with Enter and ticks with Space', () => {
    const rec = recording();
    const tree = renderTree(container(), demoGoal('Learn Spanish').tree, rec.ctx);
    const focused = (): string | null | undefined => (document.activeElement as HTMLElement | null)?.querySelector(':scope > .action-plan-row .action-plan-node-text')?.textContent;
    const press = (k: string): void => key(document.activeElement as HTMLElement, k);
    const first = tree.querySelector<HTMLElement>('[role="treeitem"][tabindex="0"]');
    expect(tree.querySelectorAll('[role="treeitem"][tabindex="0"]')).toHaveLength(1);
    first?.focus();
    expect(focused()).toBe('Basics');
    press('ArrowDown');
    expect(focused()).toBe('Finish the A1 course in the app');
    press('ArrowLeft');
    expect((document.activeElement as HTMLElement).getAttribute('aria-expanded')).toBe('false');
    press('ArrowRight');
    expect((document.activeElement as HTMLElement).getAttribute('aria-expanded')).toBe('true');
    press('ArrowRight');
    expect(focused()).toBe('Units 1-3');
    press('ArrowDown');
    expect(focused()).toBe('Units 4-6');
    press(' ');
    expect(rec.toggled.map((n) => n.text)).toEqual(['Units 4-6']);
    press('Enter');
    expect(rec.opened).toHaveLength(1);
    press('ArrowLeft');
    expect(focused()).toBe('Finish the A1 course in the app');
    press('ArrowLeft');
    expect((document.activeElement as HTMLElement).getAttribute('aria-expanded')).toBe('false');
    press('End');
    expect(focused()).toBe('Watch one episode a week with Spanish subtitles');
    press('Home');
    expect(focused()).toBe('Basics');
    expect(tree.querySelectorAll('[role="treeitem"][tabindex="0"]')).toHaveLength(1);
  });

  it('shows a long branch a page at a time', () => {
    const steps: PlanNode[] = Array.from({ length: 5000 }, (_, i) => leaf(i + 2));
    const phase: PlanNode = { ...leaf(0), kind: 'phase', status: null, text: 'Everything', children: steps, progress: { done: 0, total: 5000, percent: 0 } };
    const root: PlanNode = { ...leaf(0), kind: 'goal', status: null, text: 'Big', children: [phase], progress: phase.progress };
    const started = performance.now();
    const tree = renderTree(container(), root, recording().ctx);
    const ms = performance.now() - started;
    expect(stepRows(tree)).toHaveLength(PAGE);
    expect(ms).toBeLessThan(500);
    const more = tree.querySelector<HTMLElement>('.action-plan-more');
    expect(more?.textContent).toBe(`Show ${PAGE} more (${5000 - PAGE} hidden)`);
    more?.click();
    expect(stepRows(tree)).toHaveLength(2 * PAGE);
    expect(tree.querySelectorAll('.action-plan-more')).toHaveLength(1);
    // From the keyboard: the focus goes on to the first row it added, the one tab stop of the tree.
    const again = tree.querySelector<HTMLElement>('[role="treeitem"][data-kind="more"]');
    expect(again?.getAttribute('aria-label')).toBe(`Show ${PAGE} more (${5000 - 2 * PAGE} hidden)`);
    again?.focus();
    if (again) key(again, 'Enter');
    expect(document.activeElement?.getAttribute('aria-label')).toBe(`Step ${2 * PAGE + 2}, 1 Jan 2027, to do`);
    expect(tree.querySelectorAll('[role="treeitem"][tabindex="0"]')).toHaveLength(1);
  });
});

function leaf(line: number): PlanNode {
  return {
    id: `big/${line}`,
    kind: 'step',
    text: `Step ${line}`,
    raw: `- [ ] Step ${line} 📅 2027-01-01`,
    estimate: 0,
    leaf: true,
    path: 'Big.md',
    line,
    status: 'todo',
    due: day('2027-01-01'),
    scheduled: -1_000_000,
    start: -1_000_000,
    done: -1_000_000,
    help: false,
    link: null,
    weight: 1,
    links: null,
    progress: { done: 0, total: 1, percent: 0 },
    children: [],
    stepId: null,
    dependsOn: [],
    blocked: false,
    earlyStart: -1_000_000,
    earlyFinish: -1_000_000,
    lateFinish: -1_000_000,
    slack: null,
    critical: false,
  };
}
