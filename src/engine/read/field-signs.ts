/**
 * The fields a task line can carry: the Tasks plugin's signs by code point, with what each one's
 * value is, and the Dataview keys read as dates; an estimate's text in minutes.
 */

export const enum DateField {
  Due = 0,
  Scheduled = 1,
  Start = 2,
  Created = 3,
  Done = 4,
  Cancelled = 5,
}
export const DATE_FIELD_NAMES = ['due', 'scheduled', 'start', 'created', 'done', 'cancelled'] as const;

export const enum SignKind {
  Date,
  Estimate,
  Priority,
  Recurrence,
  Token,
  Tokens,
}

export interface EmojiField {
  /** The field's name in edits: `due`, `priority`, `recurrence`, `id`, `dependsOn`, … */
  name: string;
  kind: SignKind;
  date?: DateField;
}

/** The Tasks plugin's field signs, by code point. */
export const EMOJI = new Map<number, EmojiField>([
  [0x1f4c5, { name: 'due', kind: SignKind.Date, date: DateField.Due }], // 📅
  [0x1f4c6, { name: 'due', kind: SignKind.Date, date: DateField.Due }], // 📆
  [0x1f5d3, { name: 'due', kind: SignKind.Date, date: DateField.Due }], // 🗓
  [0x23f3, { name: 'scheduled', kind: SignKind.Date, date: DateField.Scheduled }], // ⏳
  [0x231b, { name: 'scheduled', kind: SignKind.Date, date: DateField.Scheduled }], // ⌛
  [0x1f6eb, { name: 'start', kind: SignKind.Date, date: DateField.Start }], // 🛫
  [0x2795, { name: 'created', kind: SignKind.Date, date: DateField.Created }], // ➕
  [0x2705, { name: 'done', kind: SignKind.Date, date: DateField.Done }], // ✅
  [0x274c, { name: 'cancelled', kind: SignKind.Date, date: DateField.Cancelled }], // ❌
  [0x23f1, { name: 'estimate', kind: SignKind.Estimate }], // ⏱
  [0x1f53a, { name: 'priority', kind: SignKind.Priority }], // 🔺
  [0x23eb, { name: 'priority', kind: SignKind.Priority }], // ⏫
  [0x1f53c, { name: 'priority', kind: SignKind.Priority }], // 🔼
  [0x1f53d, { name: 'priority', kind: SignKind.Priority }], // 🔽
  [0x23ec, { name: 'priority', kind: SignKind.Priority }], // ⏬
  [0x1f501, { name: 'recurrence', kind: SignKind.Recurrence }], // 🔁
  [0x1f3c1, { name: 'onCompletion', kind: SignKind.Token }], // 🏁 on completion
  [0x1f194, { name: 'id', kind: SignKind.Token }], // 🆔
  [0x26d4, { name: 'dependsOn', kind: SignKind.Tokens }], // ⛔
]);

/**
 * Dataview keys (lower case) the engine reads as dates. A Map, not an object: `[constructor:: x]`
 * is a field of the note, not a property every object has.
 */
export const DATAVIEW_DATE: ReadonlyMap<string, DateField> = new Map([
  ['due', DateField.Due],
  ['scheduled', DateField.Scheduled],
  ['start', DateField.Start],
  ['created', DateField.Created],
  ['completion', DateField.Done],
  ['cancelled', DateField.Cancelled],
]);

/** An estimate longer than this (`1.5h` is 4) is not one; keeps `⏱⏱⏱…` runs linear. */
export const MAX_ESTIMATE_LENGTH = 24;

/** Estimate text like `30m`, `2h`, `3d`, `1w`, `1.5h` in minutes; 0 when not one. */
export function parseEstimate(value: string): number {
  const s = value.trim();
  if (s.length < 2) return 0;
  const unit = s.charCodeAt(s.length - 1) | 0x20;
  const n = Number(s.slice(0, -1));
  if (!Number.isFinite(n) || n <= 0) return 0;
  switch (unit) {
    case 109: return Math.round(n); // m
    case 104: return Math.round(n * 60); // h
    case 100: return Math.round(n * 480); // d: a working day of 8 hours
    case 119: return Math.round(n * 2400); // w: five working days
    default: return 0;
  }
}
