/**
 * "Today" for the whole plugin: the index, the view and the commands ask this clock, never
 * `new Date()` on their own, so what a person sees is computed for one day. When the date
 * changes (midnight, or the device waking up on another day) the clock says so once, and the
 * plugin computes health, overdue steps and due chips again without waiting for a note to change.
 */
import type { Component } from 'obsidian';
import { dayOfDate, type Day } from '../engine/days/dates';

export type DayListener = (today: Day) => void;

/** How often the date is looked at while the app is open: a new day shows within a minute. */
const CHECK_EVERY_MS = 60_000;

export class Clock {
  private day: Day;
  private readonly listeners = new Set<DayListener>();

  constructor(private readonly now: () => Date = () => new Date()) {
    this.day = dayOfDate(now());
  }

  /** Today in the local time zone. A new day seen here is announced to the listeners. */
  today(): Day {
    const day = dayOfDate(this.now());
    if (day !== this.day) {
      this.day = day;
      // After the caller's work, so it computes with today before anyone recomputes.
      void Promise.resolve().then(() => this.announce(day));
    }
    return day;
  }

  /** Subscribes to new days; returns the unsubscribe function. */
  onNewDay(listener: DayListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Looks at the date every minute and whenever the app comes back (the window regains focus,
   * or the document becomes visible again), for as long as `owner` is loaded.
   */
  watch(owner: Component): void {
    const check = (): void => void this.today();
    owner.registerInterval(window.setInterval(check, CHECK_EVERY_MS));
    owner.registerDomEvent(window, 'focus', check);
    owner.registerDomEvent(document, 'visibilitychange', check);
    owner.register(() => this.listeners.clear());
  }

  private announce(day: Day): void {
    if (day !== this.day) return; // another change came meanwhile; it announces itself
    for (const l of this.listeners) {
      try {
        l(day);
      } catch (e) {
        console.error('Action Plan: a listener of the new day failed', e);
      }
    }
  }
}
