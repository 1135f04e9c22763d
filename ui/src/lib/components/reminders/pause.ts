// Pure: whether reminders are paused at a given instant, and until when in the person's words ("14:05").
import { formatDayShort, formatTime } from '../../format';

const pad = (n: number) => String(n).padStart(2, '0');

/** The computer's local civil date of an instant, "YYYY-MM-DD". */
function localDate(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** True when `until` (RFC 3339) is a valid instant after `now` (ms since the epoch). */
export function isPaused(until: string | null, now: number): boolean {
  if (until === null) return false;
  const t = Date.parse(until);
  return Number.isFinite(t) && t > now;
}

/** "14:05" when the pause ends today, "Wed 20 Aug, 14:05" otherwise (local time, the locale's clock). */
export function pausedUntilText(until: string, now: number): string {
  const end = new Date(until);
  const time = formatTime(`${pad(end.getHours())}:${pad(end.getMinutes())}`);
  const day = localDate(end);
  return day === localDate(new Date(now)) ? time : `${formatDayShort(day)}, ${time}`;
}

/** Milliseconds until the pause ends (for a timer), capped to what setTimeout accepts. */
export function msUntil(until: string, now: number): number {
  return Math.min(Math.max(0, Date.parse(until) - now), 2_147_000_000);
}
