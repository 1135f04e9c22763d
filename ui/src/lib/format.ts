// Formatting dates, times and durations for people, with the OS locale via Intl.
import { civilDate } from './dates';

let locale: string | undefined;

/** Pin the locale (tests); `undefined` means the OS/webview default. */
export function setFormatLocale(l: string | undefined): void {
  locale = l;
}

// Building an Intl formatter costs far more than using one (about 0.1 ms each in WebKit; a month of the
// calendar formats several hundred times), so each one is made once per locale and options and kept.
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(kind: string, options: object, make: () => T): T {
  const key = `${kind}|${locale ?? ''}|${JSON.stringify(options)}`;
  let f = formatters.get(key) as T | undefined;
  if (!f) {
    f = make();
    formatters.set(key, f);
  }
  return f;
}

/** A date formatter in UTC: civil dates and wall-clock times are built as UTC instants here. */
function fmt(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return cached('utc', options, () => new Intl.DateTimeFormat(locale, { timeZone: 'UTC', ...options }));
}

/** A date formatter in the computer's own zone. */
function localFmt(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return cached('local', options, () => new Intl.DateTimeFormat(locale, options));
}

/** "Tue 19 Aug 2025" (word order follows the locale). */
export function formatDay(date: string): string {
  const d = civilDate(date);
  const weekday = fmt({ weekday: 'short' }).format(d);
  return `${weekday} ${fmt({ day: 'numeric', month: 'short', year: 'numeric' }).format(d)}`;
}

/** "Tue 19 Aug" for headings where the year is obvious. */
export function formatDayShort(date: string): string {
  const d = civilDate(date);
  const weekday = fmt({ weekday: 'short' }).format(d);
  return `${weekday} ${fmt({ day: 'numeric', month: 'short' }).format(d)}`;
}

/** "24 Aug": a day and month, for dates in the plan's year. */
export function formatDayMonth(date: string): string {
  return fmt({ day: 'numeric', month: 'short' }).format(civilDate(date));
}

/** "18 – 24 Aug 2025". */
export function formatDateRange(from: string, to: string): string {
  return fmt({ day: 'numeric', month: 'short', year: 'numeric' }).formatRange(civilDate(from), civilDate(to));
}

/** A wall-clock "HH:MM" in the locale's own style ("09:05" or "9:05 AM"). */
export function formatTime(hhmm: string): string {
  const key = `${locale ?? ''}|${hhmm}`;
  let text = times.get(key);
  if (text === undefined) {
    text = clockText(hhmm);
    // A day has 1,440 minutes: the table stays small.
    if (times.size < 4096) times.set(key, text);
  }
  return text;
}

const times = new Map<string, string>();

function clockText(hhmm: string): string {
  const m = /^(\d{1,2}):(\d{2})/.exec(hhmm);
  if (!m) return hhmm;
  const { hourCycle } = fmt({ hour: 'numeric' }).resolvedOptions();
  const hour = hourCycle === 'h23' || hourCycle === 'h24' ? '2-digit' : 'numeric';
  return fmt({ hour, minute: '2-digit' }).format(new Date(Date.UTC(2000, 0, 1, Number(m[1]), Number(m[2]))));
}

/**
 * "1:30 AM" or, for a time in the second pass of an hour the clocks repeat, "1:30 AM EST" (the zone's
 * abbreviation core gives as `pass`), so the two 1:30s of a fall-back night can be told apart.
 */
export function formatClock(hhmm: string, pass: string | null = null): string {
  return pass ? `${formatTime(hhmm)} ${pass}` : formatTime(hhmm);
}

/** A block's "9:00 AM–10:30 AM", with the repeated hour's second pass marked (formatClock). */
export function formatTimes(b: { start: string; end: string; start_pass: string | null; end_pass: string | null }): string {
  return `${formatClock(b.start, b.start_pass)}–${formatClock(b.end, b.end_pass)}`;
}

/** "45 min", "2 h", "1 h 30". */
export function formatDuration(minutes: number): string {
  const total = Math.max(0, Math.round(minutes));
  const h = Math.floor(total / 60);
  const m = total % 60;
  if (h === 0) return `${m} min`;
  if (m === 0) return `${h} h`;
  return `${h} h ${String(m).padStart(2, '0')}`;
}

/** Capitalises the first letter of a word from core ("weekly" → "Weekly"). */
export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** "Tue 19 Aug, 14:05" for an instant (RFC 3339), in the computer's time zone; the text itself if unreadable. */
export function formatMoment(iso: string): string {
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return iso;
  const options: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short' };
  const day = localFmt(options).format(t).replace(',', '');
  const time = localFmt({ hour: 'numeric', minute: '2-digit' }).format(t);
  return `${day}, ${time}`;
}

/** A count with the locale's digit grouping ("1,800"). */
export function formatCount(n: number): string {
  return cached('number', {}, () => new Intl.NumberFormat(locale)).format(n);
}
