// Busy time of the person's other calendars as @event-calendar/core events. Apart from events.ts so that
// it is loaded with the grid, not with the app: only the grid draws them.
import type { Calendar } from '@event-calendar/core';
import type { BusyView } from '../../bindings/BusyView';
import { allDayEnd, busyEndDay, busyKey } from '../../busy';
import { wallClock } from './calendarDates';
import type { BusyEvent } from './events';

/**
 * A busy instance in its calendar's colour (striped, outlined: not a block), never draggable nor
 * resizable; all-day ones in the all-day row. Shown in the plan's wall-clock time, like the blocks.
 */
export function busyToEvent(busy: BusyView): Calendar.EventInput {
  const data: BusyEvent = { kind: 'busy', busy };
  const common = {
    id: `busy:${busyKey(busy)}`,
    title: busy.summary,
    editable: false,
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
