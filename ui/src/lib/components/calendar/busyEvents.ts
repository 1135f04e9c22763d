// Busy time of the person's other calendars as calendar events. Apart from events.ts so that
// it is loaded with the grid, not with the app: only the grid draws them.
import type { BusyView } from '../../bindings/BusyView';
import { allDayEnd, busyEndDay, busyKey, busyLabel } from '../../busy';
import { formatTime } from '../../format';
import { wallClock } from './calendarDates';
import type { BusyEvent, CalEvent } from './events';

/**
 * A busy instance in its calendar's colour (striped, outlined: not a block), never draggable nor
 * resizable; all-day ones in the all-day row. Shown in the plan's wall-clock time, like the blocks.
 */
export function busyToEvent(busy: BusyView): CalEvent {
  const data: BusyEvent = { kind: 'busy', busy };
  const common = {
    id: `busy:${busyKey(busy)}`,
    title: busy.summary,
    startEditable: false,
    durationEditable: false,
    classNames: ['sp-busy', busy.busy ? 'sp-busy-busy' : 'sp-busy-free'],
    styles: [`--sp-cal: ${busy.colour}`],
    extendedProps: { data },
  };
  if (busy.all_day) {
    return { ...common, allDay: true, start: wallClock(busy.date), end: wallClock(allDayEnd(busy)) };
  }
  const start = wallClock(busy.date, busy.start);
  const end = wallClock(busyEndDay(busy), busy.end);
  // An instant event (a deadline at 17:00) still gets a sliver to be seen and read.
  return { ...common, allDay: false, start, end: end > start ? end : new Date(start.getTime() + 15 * 60_000) };
}

/** "Team sync — busy · Work, 09:00–10:00 (from another calendar, read-only)": its tooltip. */
export function busyTitle(b: BusyView): string {
  const time = b.all_day ? 'all day' : `${formatTime(b.start)}–${formatTime(b.end)}`;
  return `${b.summary} — ${busyLabel(b)}, ${time} (from another calendar, read-only)`;
}
