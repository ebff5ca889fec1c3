/**
 * Action Plan: lifecycle only. Settings, the live index, the view, the commands and the
 * settings tab are wired here; the work lives in their modules.
 */
import { Plugin, type WorkspaceLeaf } from 'obsidian';
import { PlanApi } from './api/plan-api';
import { registerPlanBasesView } from './bases/register';
import { registerCommands } from './commands/commands';
import { registerCliHandlers } from './obsidian/cli-handlers';
import { Clock } from './obsidian/clock';
import { followTyping } from './obsidian/follow-typing';
import { LiveIndex } from './obsidian/live-index';
import { ProgressKeyWriter, removeProgressKeys } from './obsidian/progress-keys';
import { ActionPlanSettingTab } from './settings/settings-tab';
import { DEFAULT_SETTINGS, engineOptions, migrate, sameRecognition, shownDifferently, type ActionPlanSettings } from './settings/settings';
import { registerPlanBlock } from './view/code-block';
import { PlanView, VIEW_TYPE_PLAN } from './view/plan-view';
import { defaultPrefs, type ViewPrefs } from './view/select';
import { openTimeline } from './view/timeline/open';
import { TimelineView, VIEW_TYPE_TIMELINE } from './view/timeline/timeline-view';

export default class ActionPlanPlugin extends Plugin {
  override settings: ActionPlanSettings = { ...DEFAULT_SETTINGS };
  index!: LiveIndex;
  /** The plan view's filter, sort and search, kept while Obsidian runs. */
  viewPrefs: ViewPrefs = defaultPrefs();
  /** "Today" for the index, the view and the commands. */
  clock!: Clock;
  /** Action Plan's API for other plugins, DataviewJS and Templater (src/api/types.ts). */
  readonly api = new PlanApi();
  /** Keeps the opt-in progress keys in the goals' frontmatter. */
  progressKeys!: ProgressKeyWriter;

  override async onload(): Promise<void> {
    this.register(() => this.api.detach());
    this.settings = migrate(await this.loadData());
    this.clock = new Clock();
    this.clock.watch(this);
    this.index = new LiveIndex(this.app, engineOptions(this.settings), undefined, undefined, this.clock);
    this.api.attach(this.index);
    this.progressKeys = new ProgressKeyWriter(this);
    this.progressKeys.watch(this);
    this.registerView(VIEW_TYPE_PLAN, (leaf) => new PlanView(leaf, this));
    this.registerView(VIEW_TYPE_TIMELINE, (leaf) => new TimelineView(leaf, this));
    this.addRibbonIcon('target', 'Open action plan', () => void this.activateView());
    this.addSettingTab(new ActionPlanSettingTab(this.app, this));
    registerCommands(this);
    registerPlanBlock(this);
    registerPlanBasesView(this);
    registerCliHandlers(this);
    // Indexing waits until Obsidian has laid out the workspace.
    this.app.workspace.onLayoutReady(() => void this.index.start());
    this.register(() => this.index.stop());
    followTyping(this, this.index);
  }

  override onUserEnable(): void {
    void this.activateView();
  }

  /** Saved settings changed outside (sync): load them and re-index if goals read differently. */
  override async onExternalSettingsChange(): Promise<void> {
    const previous = this.settings;
    this.settings = migrate(await this.loadData());
    await this.applySettings(previous);
  }

  async saveSettings(previous: ActionPlanSettings): Promise<void> {
    await this.saveData(this.settings);
    await this.applySettings(previous);
  }

  /** Takes the progress keys out of every goal note (the command and the settings' button). */
  removeProgressKeys(): Promise<number> {
    return removeProgressKeys(this.app, this.index);
  }

  /** New settings are in force at once: in the index (during its first build too), in every open view and code block. */
  private applySettings(previous: ActionPlanSettings): Promise<void> {
    if (previous.progressKeys !== this.settings.progressKeys) {
      if (this.settings.progressKeys) this.progressKeys.requestAll();
      else this.progressKeys.cancel();
    }
    if (!shownDifferently(previous, this.settings)) return Promise.resolve();
    return this.index.setOptions(engineOptions(this.settings), !sameRecognition(previous, this.settings));
  }

  /** Opens the plan view in the right sidebar, or reveals it. */
  async activateView(): Promise<void> {
    const { workspace } = this.app;
    let leaf: WorkspaceLeaf | null = workspace.getLeavesOfType(VIEW_TYPE_PLAN)[0] ?? null;
    if (leaf === null) {
      leaf = workspace.getRightLeaf(false);
      if (leaf === null) return;
      await leaf.setViewState({ type: VIEW_TYPE_PLAN, active: true });
    }
    await workspace.revealLeaf(leaf);
  }

  /** Opens a goal's timeline in a tab of the main area, or reveals it. */
  openTimeline(path: string): Promise<void> {
    return openTimeline(this.app, path);
  }
}
