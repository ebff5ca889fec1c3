/**
 * A date typed in words inside a modal: the resolved date is shown under the field as the person
 * types, or a line saying it cannot be read.
 */
import { Setting } from 'obsidian';
import type { Day } from '../engine/days/dates';
import { parseDateInput } from '../engine/days/nldate';

export interface DateField {
  /** The date read from the field, null when it is empty or cannot be read. */
  value(): Day | null;
  /** Whether the field holds text that is not a date. */
  invalid(): boolean;
  setting: Setting;
}

export interface DateFieldOptions {
  name: string;
  placeholder?: string;
  initial?: string;
  /** An empty field is allowed (no date). */
  optional?: boolean;
  weekStart?: number;
  /** The plugin clock's today: what words such as "next friday" count from. */
  today: Day;
  onChange?: () => void;
}

export function dateField(container: HTMLElement, options: DateFieldOptions): DateField {
  const today = options.today;
  let text = options.initial ?? '';
  const setting = new Setting(container).setName(options.name);
  const read = (): ReturnType<typeof parseDateInput> | null => (text.trim() === '' ? null : parseDateInput(text, today, options.weekStart));
  const show = (): void => {
    const r = read();
    if (r === null) setting.setDesc(options.optional === true ? 'No date.' : 'Type a date, such as "next friday", "in 2 weeks" or 2027-03-01.');
    else if ('error' in r) setting.setDesc(r.error);
    else setting.setDesc(r.label);
  };
  setting.addText((t) => {
    t.setPlaceholder(options.placeholder ?? 'next friday, in 2 weeks, 2027-03-01');
    t.setValue(text);
    t.onChange((v) => {
      text = v;
      show();
      options.onChange?.();
    });
  });
  show();
  return {
    value: () => {
      const r = read();
      return r === null || 'error' in r ? null : r.day;
    },
    invalid: () => {
      const r = read();
      return r === null ? options.optional !== true : 'error' in r;
    },
    setting,
  };
}
