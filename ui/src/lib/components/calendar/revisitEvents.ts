// Mistake revisits as calendar events. Apart from events.ts so that it is loaded with the
// grid, not with the app: only the grid draws them.
import type { RevisitView } from '../../bindings/RevisitView';
import { trackColour } from '../../tracks';
import { wallClock } from './calendarDates';
import type { CalEvent, RevisitEvent } from './events';

/** How long a revisit is drawn: core gives only its start (the first minutes of the track's block). */
export const REVISIT_MINUTES = 30;

/** A mistake revisit at its start: its own kind (class, "↻ Revisit:" label), never draggable. */
export function revisitToEvent(revisit: RevisitView): CalEvent {
  const data: RevisitEvent = { kind: 'revisit', revisit };
  const start = wallClock(revisit.date, revisit.start);
  return {
    id: `revisit:${revisit.id}`,
    allDay: false,
    start,
    end: new Date(start.getTime() + REVISIT_MINUTES * 60_000),
    title: `↻ Revisit: ${revisit.topic}`,
    startEditable: false,
    durationEditable: false,
    classNames: ['sp-revisit', `sp-revisit-${revisit.outcome ?? 'open'}`],
    styles: [`--sp-track: ${trackColour(revisit.track)}`],
    extendedProps: { data },
  };
}
