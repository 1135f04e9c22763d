// Sample data for the other-calendars views: calendars as core lists them (a file, a subscription, one that
// failed to read) and busy instances on Tue 19 Aug 2025 (plan zone Europe/Berlin, UTC+2).
import type { BusyView } from '../lib/bindings/BusyView';
import type { SourceView } from '../lib/bindings/SourceView';

export function source(over: Partial<SourceView> = {}): SourceView {
  return {
    id: 1,
    kind: 'file',
    location: '/home/ada/calendars/work.ics',
    name: 'Work',
    colour: '#5f8a8b',
    refresh_minutes: null,
    refreshed_at: '2025-08-19T12:00:00Z',
    last_error: null,
    report: {
      events: 14,
      instances: 52,
      cancelled: 0,
      skipped: [],
      stray_lines: 0,
      window_from: '2025-07-19',
      window_to: '2026-09-23',
      not_modified: false,
    },
    ...over,
  };
}

export const workCalendar = source({
  report: {
    ...source().report,
    skipped: [
      { line: 120, component: 'VEVENT', reason: 'no DTSTART' },
      { line: 301, component: 'VEVENT', reason: 'RRULE with FREQ=SECONDLY is not supported' },
    ],
  },
});

export const courseCalendar = source({
  id: 2,
  kind: 'url',
  location: 'https://uni.example.org/timetable/ada.ics',
  name: 'Course',
  colour: '#9a7b4f',
  refresh_minutes: 60,
  refreshed_at: '2025-08-19T12:30:00Z',
  report: { ...source().report, events: 6, instances: 30 },
});

export const brokenCalendar = source({
  id: 3,
  kind: 'url',
  location: 'https://calendar.example.com/gone.ics',
  name: 'Club',
  colour: '#6f8f5a',
  refresh_minutes: 120,
  refreshed_at: null,
  last_error: 'the server answered 404 Not Found',
  report: { ...source().report, events: 0, instances: 0 },
});

export function busy(over: Partial<BusyView> = {}): BusyView {
  return {
    source_id: 1,
    source: 'Work',
    colour: '#5f8a8b',
    uid: 'standup@work',
    summary: 'Team stand-up',
    start_utc: '2025-08-19T08:30:00Z',
    end_utc: '2025-08-19T09:00:00Z',
    date: '2025-08-19',
    end_date: '2025-08-19',
    start: '10:30',
    end: '11:00',
    all_day: false,
    busy: true,
    ...over,
  };
}

/** Tue 19 Aug: an all-day event, a call before the first block, a stand-up between the blocks, a lecture over b2. */
export const dayBusy: BusyView[] = [
  busy({
    uid: 'conf@course',
    source_id: 2,
    source: 'Course',
    colour: '#9a7b4f',
    summary: 'Data Summit',
    start_utc: '2025-08-18T22:00:00Z',
    end_utc: '2025-08-19T22:00:00Z',
    start: '00:00',
    end: '00:00',
    all_day: true,
    busy: false,
  }),
  busy({
    uid: 'call@work',
    summary: 'Call with Bob',
    start_utc: '2025-08-19T06:00:00Z',
    end_utc: '2025-08-19T06:30:00Z',
    start: '08:00',
    end: '08:30',
  }),
  busy(),
  busy({
    uid: 'lecture@course',
    source_id: 2,
    source: 'Course',
    colour: '#9a7b4f',
    summary: 'Lecture: Databases',
    start_utc: '2025-08-19T10:00:00Z',
    end_utc: '2025-08-19T11:30:00Z',
    start: '12:00',
    end: '13:30',
  }),
];
