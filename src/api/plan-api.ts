/**
 * The API object (`plugin.api`, SPEC 7) over the live index: the goals as the command line's
 * JSON prints them, built afresh by the same code at every call (so callers get copies), and the
 * index's changes passed on as sorted goal paths, the goals that stopped being goals included.
 */
import { matchGoalName } from '../engine/report/goal-match';
import { goalJson, type GoalJson } from '../engine/report/json-report';
import type { LiveIndex } from '../obsidian/live-index';
import type { ActionPlanApi } from './types';

type Listener = (goalPaths: string[]) => void;

export class PlanApi implements ActionPlanApi {
  readonly version = 1 as const;
  private index: LiveIndex | null = null;
  private readonly listeners = new Set<Listener>();
  /** The goals at the last change, to tell which ones a change removed. */
  private known = new Set<string>();
  private closed = false;
  private unsubscribe: () => void = () => undefined;
  private markReady: () => void = () => undefined;
  private readonly whenReady = new Promise<void>((resolve) => (this.markReady = resolve));

  /** Starts answering from the index; ready once its first build (and any queued after it) is done. */
  attach(index: LiveIndex): void {
    this.index = index;
    this.unsubscribe = index.onChange((goals) => this.changed(index, goals));
  }

  /** The plugin unloads: every call answers empty from now on, listeners are dropped. */
  detach(): void {
    this.unsubscribe();
    this.closed = true;
    this.index = null;
    this.listeners.clear();
    this.known.clear();
    this.markReady();
  }

  ready(): Promise<void> {
    return this.whenReady;
  }

  goals(): GoalJson[] {
    return this.index === null ? [] : this.index.reports().map(goalJson);
  }

  goal(name: string): GoalJson | null {
    if (this.index === null) return null;
    const match = matchGoalName(this.index.reports(), String(name));
    return 'goal' in match ? goalJson(match.goal) : null;
  }

  goalsOf(notePath: string): string[] {
    return this.index === null ? [] : [...this.index.goalsReadingNote(String(notePath))].sort();
  }

  onChange(listener: Listener): () => void {
    if (this.closed || typeof listener !== 'function') return () => undefined;
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  private changed(index: LiveIndex, goals: ReadonlySet<string>): void {
    const current = new Set(index.goalPaths());
    const paths = new Set(goals);
    for (const path of this.known) if (!current.has(path)) paths.add(path);
    this.known = current;
    if (index.isReady()) void index.whenBuilt().then(this.markReady);
    const sorted = [...paths].sort();
    for (const listener of [...this.listeners]) {
      try {
        listener([...sorted]);
      } catch (e) {
        console.error('Action Plan: an API listener failed', e);
      }
    }
  }
}
