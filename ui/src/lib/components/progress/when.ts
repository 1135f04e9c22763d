// Pure: how far a day or window is from today, in words ("today", "tomorrow", "in 5 days", "now").
import { civilDate } from '../../dates';

function daysBetween(from: string, to: string): number {
  return Math.round((civilDate(to).getTime() - civilDate(from).getTime()) / 86_400_000);
}

/** Relative words for a milestone from `start` to `end` (inclusive) seen from `today`. */
export function daysUntil(today: string, start: string, end: string): string {
  if (start <= today && today <= end) return start === end ? 'today' : 'now';
  const d = daysBetween(today, start);
  if (d === 1) return 'tomorrow';
  if (d > 1) return d < 14 ? `in ${d} days` : `in ${Math.round(d / 7)} weeks`;
  return '';
}

/** "2 days in a row · best 5". */
export function streakText(days: number, best: number): string {
  return `${days} ${days === 1 ? 'day' : 'days'} in a row · best ${best}`;
}
