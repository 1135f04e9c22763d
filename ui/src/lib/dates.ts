// Civil-date steps on "YYYY-MM-DD" strings (next day, week of a date). No time zones involved:
// core places blocks in wall-clock time; the UI only needs to know which dates to ask for.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function toUtc(date: string): Date | null {
  const m = ISO_DATE.exec(date);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d) return null;
  return t;
}

function fromUtc(t: Date): string {
  return t.toISOString().slice(0, 10);
}

/** A real calendar date in "YYYY-MM-DD" form. */
export function isIsoDate(s: string): boolean {
  return toUtc(s) !== null;
}

/** Midnight UTC of a civil date, for formatting with `timeZone: 'UTC'`. */
export function civilDate(date: string): Date {
  const t = toUtc(date);
  if (!t) throw new RangeError(`not a date: ${date}`);
  return t;
}

export function addDays(date: string, days: number): string {
  const t = civilDate(date);
  t.setUTCDate(t.getUTCDate() + days);
  return fromUtc(t);
}

/** The Monday on or before `date`. */
export function weekStart(date: string): string {
  const dow = (civilDate(date).getUTCDay() + 6) % 7; // Monday = 0
  return addDays(date, -dow);
}

/** Seven dates from `start`. */
export function weekDates(start: string): string[] {
  return Array.from({ length: 7 }, (_, i) => addDays(start, i));
}

/** Inclusive range test on ISO dates (they sort as strings). */
export function inRange(date: string, from: string, to: string): boolean {
  return date >= from && date <= to;
}

/** The date on the computer's clock, in its own time zone. */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
