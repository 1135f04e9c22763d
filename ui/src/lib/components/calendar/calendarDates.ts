// Calendar views and their date ranges, on civil "YYYY-MM-DD" dates and "HH:MM" wall-clock times.
// No time zones: core places blocks in wall-clock time; Date objects are only built for the calendar's
// events (CalEvent), from those strings, in UTC, and read back with UTC getters.
import { addDays, civilDate, weekStart } from '../../dates';
import { formatDateRange, formatDay } from '../../format';

export type CalView = 'day' | 'week' | 'month';

export const CAL_VIEWS: readonly { id: CalView; label: string; key: string }[] = [
  { id: 'day', label: 'Day', key: '1' },
  { id: 'week', label: 'Week', key: '2' },
  { id: 'month', label: 'Month', key: '3' },
];

/** Inclusive range of dates. */
export type DateRange = { from: string; to: string };

/** The first day of the month holding `date`. */
export function monthStart(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

/** The last day of the month holding `date`. */
export function monthEnd(date: string): string {
  return addDays(addMonths(monthStart(date), 1), -1);
}

/** Same day `n` months later, clamped to the month's last day (31 Jan + 1 → 28/29 Feb). */
export function addMonths(date: string, n: number): string {
  const d = civilDate(date);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + n;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const t = new Date(Date.UTC(y, m, Math.min(d.getUTCDate(), last)));
  return t.toISOString().slice(0, 10);
}

/**
 * The dates a view shows around `date` (what to ask core for): one day; Monday to Sunday; or the
 * whole weeks (Monday first) covering the month, at most 42 days, as the month grid draws them.
 */
export function visibleRange(view: CalView, date: string): DateRange {
  switch (view) {
    case 'day':
      return { from: date, to: date };
    case 'week': {
      const from = weekStart(date);
      return { from, to: addDays(from, 6) };
    }
    case 'month':
      return { from: weekStart(monthStart(date)), to: addDays(weekStart(monthEnd(date)), 6) };
  }
}

/** The date one view-unit before or after `date` (←/→ and the previous/next buttons). */
export function stepDate(view: CalView, date: string, direction: -1 | 1): string {
  switch (view) {
    case 'day':
      return addDays(date, direction);
    case 'week':
      return addDays(date, 7 * direction);
    case 'month':
      return addMonths(date, direction);
  }
}

/** What the range shown is called in the header: "Tue 19 Aug 2025", "18 – 24 Aug 2025", "1 – 31 Aug 2025". */
export function viewLabel(view: CalView, date: string): string {
  switch (view) {
    case 'day':
      return formatDay(date);
    case 'week': {
      const from = weekStart(date);
      return formatDateRange(from, addDays(from, 6));
    }
    case 'month':
      return formatDateRange(monthStart(date), monthEnd(date));
  }
}

/** Whether `date` is in the part of the view that is "this day/week/month" (for the Today button). */
export function viewHolds(view: CalView, date: string, day: string): boolean {
  switch (view) {
    case 'day':
      return date === day;
    case 'week':
      return weekStart(date) === weekStart(day);
    case 'month':
      return monthStart(date) === monthStart(day);
  }
}

export function inDateRange(date: string, range: DateRange): boolean {
  return date >= range.from && date <= range.to;
}

const HHMM = /^(\d{1,2}):(\d{2})/;

/** Minutes since midnight of "HH:MM" (NaN when it is not a time). */
export function clockMinutes(hhmm: string): number {
  const m = HHMM.exec(hhmm);
  return m ? Number(m[1]) * 60 + Number(m[2]) : Number.NaN;
}

/** "HH:MM" of minutes since midnight (0–1439). */
export function clockString(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/**
 * A Date standing for `date` at `hhmm` (plus `later` minutes) on the plan's wall clock (for calendar events
 * only). Built and read in UTC, so the computer's own zone never moves it: a time its zone skips (02:30 on a
 * spring-forward night there) is still 02:30 here.
 */
export function wallClock(date: string, hhmm = '00:00', later = 0): Date {
  const [y, mo, d] = date.split('-').map(Number);
  const minutes = clockMinutes(hhmm) + later;
  return new Date(Date.UTC(y ?? 0, (mo ?? 1) - 1, d ?? 1, 0, minutes));
}

/** The wall-clock date and time a calendar event's Date stands for (see wallClock). */
export function fromWallClock(d: Date): { date: string; time: string } {
  const date = `${String(d.getUTCFullYear()).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(
    d.getUTCDate(),
  ).padStart(2, '0')}`;
  return { date, time: clockString(d.getUTCHours() * 60 + d.getUTCMinutes()) };
}

/** Whole days from `from` to `to` (civil dates). */
export function daysBetween(from: string, to: string): number {
  return Math.round((civilDate(to).getTime() - civilDate(from).getTime()) / 86_400_000);
}

/** Wall-clock minutes between two (date, time) points, ignoring any DST change in between. */
export function wallMinutesBetween(a: { date: string; time: string }, b: { date: string; time: string }): number {
  return daysBetween(a.date, b.date) * 1440 + clockMinutes(b.time) - clockMinutes(a.time);
}

/** The date a block ends on: the next day when it runs past midnight (end ≤ start). */
export function endDate(date: string, start: string, end: string): string {
  return clockMinutes(end) <= clockMinutes(start) ? addDays(date, 1) : date;
}
