/**
 * The sidebar view's shell: an `ItemView` that renders the index's goals and re-renders,
 * debounced, when the index reports a change.
 */
import { ItemView, debounce, type WorkspaceLeaf } from 'obsidian';
import type { LiveIndex } from '../obsidian/live-index';
import { renderSummary } from './render';

export const VIEW_TYPE_PLAN = 'action-plan-view';

export class PlanView extends ItemView {
  private unsubscribe: (() => void) | null = null;

  constructor(
    leaf: WorkspaceLeaf,
    private readonly index: LiveIndex,
  ) {
    super(leaf);
  }

  getViewType(): string {
    return VIEW_TYPE_PLAN;
  }

  getDisplayText(): string {
    return 'Action plan';
  }

  override getIcon(): string {
    return 'target';
  }

  protected override onOpen(): Promise<void> {
    const refresh = debounce(() => this.render(), 150, true);
    this.unsubscribe = this.index.onChange(() => refresh());
    this.register(() => refresh.cancel());
    this.render();
    return Promise.resolve();
  }

  protected override onClose(): Promise<void> {
    this.unsubscribe?.();
    this.unsubscribe = null;
    return Promise.resolve();
  }

  render(): void {
    renderSummary(this.contentEl, this.index.isReady() ? this.index.reports() : null);
  }
}
