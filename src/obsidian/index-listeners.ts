/** The live index's listeners: who is told which goals changed, each shielded from the others' failures. */

export type ChangeListener = (goals: ReadonlySet<string>) => void;

export class ChangeListeners {
  private readonly listeners = new Set<ChangeListener>();

  /** Subscribes; returns the unsubscribe function. */
  add(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Tells the listeners which goals changed; `evenNone` at the end of a build, which a view waits for even in a vault without goals. */
  emit(goals: ReadonlySet<string>, evenNone = false): void {
    if (goals.size === 0 && !evenNone) return;
    for (const l of this.listeners) {
      try {
        l(goals);
      } catch (e) {
        console.error('Action Plan: a listener failed', e);
      }
    }
  }

  clear(): void {
    this.listeners.clear();
  }
}
