/**
 * When the view draws again after a change: at once (on the next turn, so the events of one
 * edit come together) when it has been quiet, else once at the end of a cool-down. A tick shows
 * in the card without waiting, and a burst of changes (typing, a sync) is drawn at most once per
 * cool-down instead of on every event.
 */
export class RefreshTimer {
  private timer: number | null = null;
  private last = -Infinity;

  constructor(
    private readonly run: () => void,
    private readonly coolDown: number,
  ) {}

  request(): void {
    if (this.timer !== null) return;
    const wait = Math.max(0, this.last + this.coolDown - performance.now());
    this.timer = window.setTimeout(() => {
      this.timer = null;
      this.last = performance.now();
      this.run();
    }, wait);
  }

  cancel(): void {
    if (this.timer !== null) window.clearTimeout(this.timer);
    this.timer = null;
  }
}
