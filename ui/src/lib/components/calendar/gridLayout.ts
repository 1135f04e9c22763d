// Where the grids put events: wall-clock minutes, day columns, and lanes for events that overlap.
// Pure functions over CalEvent, so the geometry is tested without a browser; the grids only turn the
// numbers into CSS. Everything is wall-clock time in the plan's zone (see CalEvent).
import { addDays, civilDate } from '../../dates';
import { fromWallClock } from './calendarDates';
import type { CalEvent } from './events';

/** Minutes since 1970-01-01 00:00 of the wall clock an event's Date stands for (see wallClock). */
export function wallMinutes(d: Date): number {
  return Math.floor(d.getTime() / 60_000);
}

/** Minutes after 00:00 of its own day of an event's Date (see wallClock). */
export function minuteOfDay(d: Date): number {
  return ((wallMinutes(d) % 1440) + 1440) % 1440;
}

/** Wall minutes at 00:00 of a civil date ("YYYY-MM-DD"). */
export function dayMinutes(date: string): number {
  return civilDate(date).getTime() / 60_000;
}

/** An event's day, its start in minutes after that day's 00:00, and its length in wall-clock minutes. */
export function wallSpan(event: CalEvent): { date: string; from: number; minutes: number } {
  return { date: fromWallClock(event.start).date, from: minuteOfDay(event.start), minutes: wallMinutes(event.end) - wallMinutes(event.start) };
}

/** The civil dates from `from` to `to`, both included. */
export function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to && out.length < 1000; d = addDays(d, 1)) out.push(d);
  return out;
}

/** The part of a timed event drawn in one day's column. */
export type Segment = {
  event: CalEvent;
  date: string;
  /** Minutes after that day's 00:00 where the part starts and ends (0–1440, `to` > `from`). */
  from: number;
  to: number;
  /** The event's first part in the days shown: the one that carries its test id and focus. */
  first: boolean;
  /** Side by side with the events it overlaps: lane `lane` of `lanes`. */
  lane: number;
  lanes: number;
};

/**
 * The timed events of `days`, cut at midnight (a block past 00:00 goes on in the next column) and laid out
 * in lanes: events that overlap (busy time of another calendar beside a block, a revisit in a block) share
 * their column side by side, in order of start, the longer first. Zero-length events are drawn 15 minutes
 * long, so they can be seen and opened.
 */
export function daySegments(events: readonly CalEvent[], days: readonly string[]): Map<string, Segment[]> {
  const byDay = new Map<string, Segment[]>(days.map((d) => [d, []]));
  const starts = days.map(dayMinutes);
  for (const event of events) {
    if (event.allDay) continue;
    const s = wallMinutes(event.start);
    const e = Math.max(wallMinutes(event.end), s + 15);
    let first = true;
    days.forEach((date, i) => {
      const d0 = starts[i]!;
      const from = Math.max(s, d0) - d0;
      const to = Math.min(e, d0 + 1440) - d0;
      if (to <= from) return;
      byDay.get(date)!.push({ event, date, from, to, first, lane: 0, lanes: 1 });
      first = false;
    });
  }
  for (const segments of byDay.values()) assignLanes(segments);
  return byDay;
}

/** Sort one day's parts and give each a lane; a run of overlapping parts shares one lane count. */
function assignLanes(segments: Segment[]): void {
  segments.sort((a, b) => a.from - b.from || b.to - a.to);
  let group: Segment[] = [];
  let laneEnds: number[] = [];
  let groupEnd = -Infinity;
  const close = () => {
    for (const s of group) s.lanes = laneEnds.length;
    group = [];
    laneEnds = [];
  };
  for (const s of segments) {
    if (s.from >= groupEnd) {
      close();
      groupEnd = -Infinity;
    }
    let lane = laneEnds.findIndex((end) => end <= s.from);
    if (lane < 0) {
      lane = laneEnds.length;
      laneEnds.push(s.to);
    } else {
      laneEnds[lane] = s.to;
    }
    s.lane = lane;
    group.push(s);
    groupEnd = Math.max(groupEnd, s.to);
  }
  close();
}

/** An all-day event over the columns of `days`: columns `col` to `col + span - 1` (0-based). */
export type Span = { event: CalEvent; col: number; span: number };

/** The all-day events that fall in `days`, each cut to the days shown. */
export function allDaySpans(events: readonly CalEvent[], days: readonly string[]): Span[] {
  if (days.length === 0) return [];
  const first = dayMinutes(days[0]!);
  const out: Span[] = [];
  for (const event of events) {
    if (!event.allDay) continue;
    const from = Math.floor((wallMinutes(event.start) - first) / 1440);
    const to = Math.max(from + 1, Math.ceil((wallMinutes(event.end) - first) / 1440));
    const col = Math.max(0, from);
    const end = Math.min(days.length, to);
    if (end > col) out.push({ event, col, span: end - col });
  }
  return out.sort((a, b) => a.col - b.col || b.span - a.span);
}

/** The dates an all-day event covers among `days`. */
export function allDayDates(event: CalEvent, days: readonly string[]): string[] {
  const span = allDaySpans([event], days)[0];
  return span ? days.slice(span.col, span.col + span.span) : [];
}

/**
 * The first minute of the time grid: the plan's hour (`slotMin`, "HH:MM") or the hour of an earlier event in
 * `segments`, whichever is earlier, so nothing is cut off at the top.
 */
export function gridFirstMinute(slotMin: string, segments: Iterable<Segment[]>): number {
  const m = /^(\d{1,2}):(\d{2})/.exec(slotMin);
  let first = m ? Number(m[1]) * 60 + Number(m[2]) : 0;
  for (const day of segments) for (const s of day) if (s.from < first) first = Math.floor(s.from / 60) * 60;
  return Math.max(0, Math.min(first, 23 * 60));
}

/** Snap minutes to the grid's step (15 min, as core stores them). */
export function snap(minutes: number, step = 15): number {
  return Math.round(minutes / step) * step;
}
