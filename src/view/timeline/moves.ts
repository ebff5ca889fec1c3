/**
 * The timeline's moves under way (SPEC 4.3, 2.7): a bar moved is drawn at once where the move
 * puts it, marked pending, while the move is written through the one note writer; the note's
 * next reading confirms it (the line changed once every write of it is done), and a refused move
 * snaps back to what the note says. Quick moves of one bar (Shift+Right three times) each start
 * from where the one before left it.
 */
import type { Day } from '../../engine/days/dates';
import type { TimelineBar, TimelineModel, TimelineRow } from '../../engine/present/timeline';
import { movedPlace, placeOf, planMove, type BarMove, type BarPlace } from '../../engine/present/timeline-move';
import { WorkingDayLine } from '../../engine/schedule/day-line';
import { writeMove } from './move';
import type { TimelineHost } from './timeline';

/** A move being written, or written and not yet read back from the note. */
interface Pending {
  /** The step's line as the note had it before the first of these moves. */
  raw: string | null;
  /** Writes under way. */
  writes: number;
  /** Where the moves leave the bar. */
  place: BarPlace;
}

export class Moves {
  /** By node id. */
  private readonly pending = new Map<string, Pending>();

  constructor(
    private readonly host: TimelineHost,
    /** Draws the timeline again (only what changed). */
    private readonly redraw: () => void,
  ) {}

  /** A move is being written or waits for the note to confirm it. */
  get any(): boolean {
    return this.pending.size > 0;
  }

  /** Where a pending move puts the row's bar, or undefined when none is pending. */
  barOf(row: TimelineRow): TimelineBar | null | undefined {
    return this.pending.get(row.node.id)?.place.bar;
  }

  /** Pending moves the note has confirmed (or whose row is gone) are done. */
  settle(model: TimelineModel): void {
    for (const [id, p] of this.pending) {
      const row = model.rows.find((r) => r.node.id === id);
      if (row === undefined || (p.writes === 0 && row.node.raw !== p.raw)) this.pending.delete(id);
    }
  }

  /** Draws the bar where the move puts it at once, then writes the move. */
  move(row: TimelineRow, move: BarMove, today: Day): void {
    const id = row.node.id;
    const was = this.pending.get(id);
    const plan = planMove(row, move, was?.place);
    if (plan !== null) {
      const line = new WorkingDayLine(this.host.settings().workingDays, today);
      const place = movedPlace(row, was?.place ?? placeOf(row), plan, line);
      this.pending.set(id, { raw: was?.raw ?? row.node.raw, writes: (was?.writes ?? 0) + 1, place });
      this.redraw();
    }
    // Written once the frame that shows the bar moved is drawn: the person sees the move at once,
    // the note's reading and the redraws that follow come after.
    const written = nextFrame()
      .then(() => sleep(0))
      .then(() => writeMove(this.host.app, row, plan, this.host.settings().dateFormat));
    void written.then((r) => {
      const p = this.pending.get(id);
      if (p !== undefined) p.writes--;
      if (!r.ok) {
        // A refused move snaps back to what the note says.
        this.pending.delete(id);
        this.redraw();
      } else this.host.written?.(row.node.path);
    });
  }
}
