/**
 * The `action-plan` code block (SPEC 4): a goal's card, tree, next action or timeline inside any note,
 * drawn by the view's own functions and kept current from the index until the block goes away.
 *
 *     ```action-plan
 *     goal: Publish my first novel      # a title or path; omitted: the goal of this note
 *     show: card                        # card, tree, next or timeline
 *     ```
 */
import { MarkdownRenderChild, type Plugin } from 'obsidian';
import { matchGoalName } from '../engine/report/goal-match';
import type { GoalReport } from '../engine/types';
import { renderCard } from './card';
import type { RenderContext } from './context';
import { renderNextAction } from './next-actions';
import { newContext, REFRESH_DELAY, viewActions, type PlanViewHost } from './plan-view';
import { RefreshTimer } from './refresh';
import { readBackFromEditor } from '../obsidian/follow-typing';
import { Timeline } from './timeline/timeline';
import { timelineSettings } from './timeline/timeline-view';

export type BlockShow = 'card' | 'tree' | 'next' | 'timeline';

export interface BlockOptions {
  goal: string | null;
  show: BlockShow;
}

const SHOWS: readonly BlockShow[] = ['card', 'tree', 'next', 'timeline'];

/** Reads the block: `key: value` lines, `#` comments; a bad line is an error said in one sentence. */
export function parseBlock(source: string): { options: BlockOptions } | { error: string } {
  const options: BlockOptions = { goal: null, show: 'card' };
  for (const rawLine of source.split('\n')) {
    const hash = rawLine.search(/(^|\s)#/);
    const line = (hash === -1 ? rawLine : rawLine.slice(0, hash)).trim();
    if (line === '') continue;
    const colon = line.indexOf(':');
    const key = colon === -1 ? line : line.slice(0, colon).trim().toLowerCase();
    const value = colon === -1 ? '' : line.slice(colon + 1).trim().replace(/^(["'])(.*)\1$/, '$2');
    if (key === 'goal') options.goal = value === '' ? null : value;
    else if (key === 'show') {
      const show = value.toLowerCase() as BlockShow;
      if (!SHOWS.includes(show)) return { error: `"show" is card, tree, next or timeline, not "${value}".` };
      options.show = show;
    } else return { error: `Unknown line "${line}": write "goal:" and "show:".` };
  }
  return { options };
}

/**
 * The goal a block names, as the command line's `--goal` matches it; without a name, the goal
 * note itself, or the one goal whose plan reads this note. A sentence when there is none.
 */
function findGoal(reports: readonly GoalReport[], name: string | null, sourcePath: string): GoalReport | string {
  if (name === null) {
    const own = reports.find((r) => r.path === sourcePath);
    if (own !== undefined) return own;
    const reading = reports.filter((r) => r.notes.includes(sourcePath));
    return reading.length === 1 && reading[0] !== undefined ? reading[0] : 'This note is not part of a goal: name one with "goal:".';
  }
  const match = matchGoalName(reports, name);
  if ('goal' in match) return match.goal;
  if ('ambiguous' in match) return `"${name}" names several goals: ${match.ambiguous.map((g) => g.path).join(', ')}.`;
  return match.none.length === 0 ? `No goal named "${name}".` : `No goal named "${name}". Did you mean ${match.none.join(', ')}?`;
}

/** One block in a rendered note: draws itself, and again when the index says its goal changed. */
export class PlanBlock extends MarkdownRenderChild {
  private readonly ctx: RenderContext;
  private goalPath: string | null = null;
  private timeline: Timeline | null = null;

  constructor(
    containerEl: HTMLElement,
    private readonly host: PlanViewHost & { app: Plugin['app'] },
    private readonly parsed: ReturnType<typeof parseBlock>,
    private readonly sourcePath: string,
  ) {
    super(containerEl);
    this.ctx = newContext(viewActions(host.app, host), host);
  }

  override onload(): void {
    this.containerEl.addClass('action-plan-block');
    const redraw = new RefreshTimer(() => this.render(), REFRESH_DELAY);
    const unsubscribe = this.host.index.onChange((goals) => {
      // A block whose goal is not found yet may be satisfied by any change.
      if (this.goalPath === null || goals.has(this.goalPath)) redraw.request();
    });
    this.register(() => {
      unsubscribe();
      redraw.cancel();
    });
    this.render();
  }

  render(): void {
    const el = this.containerEl;
    if ('error' in this.parsed) {
      this.message(this.parsed.error);
      return;
    }
    const { goal, show } = this.parsed.options;
    if (!this.host.index.isReady()) {
      this.message('Reading your goals…');
      return;
    }
    this.ctx.today = this.host.clock.today();
    this.ctx.showDone = this.host.settings.showDoneSteps;
    this.ctx.helpTag = this.host.settings.helpTag;
    const report = findGoal(this.host.index.reports(this.ctx.today), goal, this.sourcePath);
    this.goalPath = typeof report === 'string' ? null : report.path;
    if (typeof report === 'string') {
      this.message(report);
      return;
    }
    if (show === 'timeline') {
      // Drawn over itself, so that its branches, zoom, scroll and focus stay.
      const written = (path: string): void => readBackFromEditor(this.host.app, this.host.index, path);
      this.timeline ??= new Timeline(el, { app: this.host.app, actions: this.ctx.actions, settings: () => timelineSettings(this.host), written });
      this.timeline.render(report, this.ctx.today);
      return;
    }
    this.timeline = null;
    el.empty();
    if (show === 'next') {
      if (report.nextAction === null) this.message(`${report.title}: no next action.`);
      else renderNextAction(el, report, report.nextAction, this.ctx);
      return;
    }
    renderCard(el, report, this.ctx, show);
  }

  private message(text: string): void {
    this.timeline = null;
    this.containerEl.empty();
    this.containerEl.createDiv({ cls: 'action-plan-block-message', text });
  }
}

/** Registers the `action-plan` code block on the plugin. */
export function registerPlanBlock(plugin: Plugin & PlanViewHost): void {
  plugin.registerMarkdownCodeBlockProcessor('action-plan', (source, el, ctx) => {
    ctx.addChild(new PlanBlock(el, plugin, parseBlock(source), ctx.sourcePath));
  });
}
