// Busy time from the person's other calendars, in words: where an instance ends, its time on a given day,
// its "busy · Work" label, and the day's blocks and busy instances in one time-ordered list.
import type { BlockView } from './bindings/BlockView';
import type { BusyView } from './bindings/BusyView';
import type { SourceView } from './bindings/SourceView';
import { addDays } from './dates';
import { formatDayShort, formatMoment, formatTime } from './format';
import { plural } from './plans';

/** Its length in minutes (from the UTC instants; 0 for an instant event or unreadable times). */
export function busyMinutes(b: BusyView): number {
  const ms = Date.parse(b.end_utc) - Date.parse(b.start_utc);
  return Number.isFinite(ms) && ms > 0 ? Math.round(ms / 60_000) : 0;
}

/**
 * The local date its end time is on. Core's `end_date` is the last day it covers, so an end at midnight
 * (`end` "00:00") is on the day after that.
 */
export function busyEndDay(b: BusyView): string {
  return b.end === '00:00' && busyMinutes(b) > 0 ? addDays(b.end_date, 1) : b.end_date;
}

/** The days an all-day instance covers, as an exclusive end date (at least the day after its start). */
export function allDayEnd(b: BusyView): string {
  return addDays(b.end_date < b.date ? b.date : b.end_date, 1);
}

/** Its time as seen on `day`: "09:00–10:00", "All day", or with dates when it starts or ends on another day. */
export function busyTimeText(b: BusyView, day: string): string {
  if (b.all_day) return 'All day';
  const from = b.date === day ? formatTime(b.start) : `${formatDayShort(b.date)} ${formatTime(b.start)}`;
  // Ending at midnight after the day shown is still "until 00:00" of it.
  const to = b.end_date === day ? formatTime(b.end) : `${formatDayShort(busyEndDay(b))} ${formatTime(b.end)}`;
  return `${from}–${to}`;
}

/** "busy · Work", or "free · Work" for an event its calendar marks as not taking time (shown only). */
export function busyLabel(b: BusyView): string {
  return `${b.busy ? 'busy' : 'free'} · ${b.source}`;
}

/** A stable key for one instance (the same event can recur, and two calendars can share uids). */
export function busyKey(b: BusyView): string {
  return `${String(b.source_id)}|${b.uid}|${b.start_utc}`;
}

export type DayItem = { kind: 'block'; block: BlockView } | { kind: 'busy'; busy: BusyView };

/**
 * A day's blocks and busy instances in time order: all-day instances first, then by start (a block
 * before a busy instance starting at the same moment). Blocks keep their own order among themselves.
 */
export function dayItems(blocks: readonly BlockView[], busy: readonly BusyView[]): DayItem[] {
  const allDay = busy.filter((b) => b.all_day).map((b): DayItem => ({ kind: 'busy', busy: b }));
  const timed = busy.filter((b) => !b.all_day);
  const items: DayItem[] = [...allDay];
  let i = 0;
  for (const block of blocks) {
    const at = Date.parse(block.start_utc);
    while (i < timed.length && Date.parse(timed[i]!.start_utc) < at) items.push({ kind: 'busy', busy: timed[i++]! });
    items.push({ kind: 'block', block });
  }
  while (i < timed.length) items.push({ kind: 'busy', busy: timed[i++]! });
  return items;
}

/** "12 events · 40 shown · 2 skipped" (and cancelled ones, when there are any). */
export function reportText(s: SourceView): string {
  const r = s.report;
  const parts = [plural(r.events, 'event'), `${r.instances} shown`];
  if (r.cancelled > 0) parts.push(`${r.cancelled} cancelled`);
  parts.push(`${r.skipped.length} skipped`);
  return parts.join(' · ');
}

/** "File" or "Subscription, every 60 min". */
export function sourceKindText(s: SourceView): string {
  if (s.kind === 'file') return 'File';
  if (s.kind === 'url') return s.refresh_minutes ? `Subscription, every ${s.refresh_minutes} min` : 'Subscription';
  return s.kind;
}

/** "Refreshed Tue 19 Aug, 14:05" (and "unchanged on the server" after a 304), or "Not read yet". */
export function refreshedText(s: SourceView): string {
  if (!s.refreshed_at) return 'Not read yet';
  return `Refreshed ${formatMoment(s.refreshed_at)}${s.report.not_modified ? ' (unchanged on the server)' : ''}`;
}
