/**
 * The preview's today: `Date` answers with that day, the clock running from 10:00 in the page's
 * zone, so everything the plugin dates (the plan, the done dates it writes) takes that day.
 */
export function freezeToday(day: string): void {
  const Real = Date;
  const offset = new Real(`${day}T10:00:00`).getTime() - Real.now();
  class PreviewDate extends Real {
    constructor(...args: ConstructorParameters<DateConstructor> | []) {
      if (args.length === 0) super(Real.now() + offset);
      else super(...(args as [string]));
    }
    static override now(): number {
      return Real.now() + offset;
    }
  }
  globalThis.Date = PreviewDate as DateConstructor;
}
