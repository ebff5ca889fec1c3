/** What the commands share: today and a notice. */
import { Notice } from 'obsidian';
import type { Day } from '../engine/days/dates';
import type { LiveIndex } from '../obsidian/live-index';

/** Today, from the plugin's one clock (the index's). */
export function todayOf(host: { index: LiveIndex }): Day {
  return host.index.clock.today();
}

/** A short notice for the person, named after the plugin. */
export function say(text: string): void {
  new Notice(`Action Plan: ${text}`);
}
