// Core's blocks, milestones and re-plan proposals as calendar events (CalEvent), and what a drag,
// resize or the Move… form sends back to core. Mistake revisits: revisitEvents.ts; busy time of the
// person's other calendars: busyEvents.ts. The grids that draw them: TimeGrid.svelte, MonthGrid.svelte.
import type { BlockMove } from '../../api/calendar';
import { toErrorBody } from '../../api/errors';
import type { BlockView } from '../../bindings/BlockView';
import type { BusyView } from '../../bindings/BusyView';
import type { ErrorBody } from '../../bindings/ErrorBody';
import type { MilestoneView } from '../../bindings/MilestoneView';
import type { Proposal } from '../../bindings/Proposal';
import type { RevisitView } from '../../bindings/RevisitView';
import { addDays } from '../../dates';
import { capitalise } from '../../format';
import { trackColour } from '../../tracks';
import { endDate, fromWallClock, inDateRange, wallClock, wallMinutesBetween, type DateRange } from './calendarDates';

/**
 * One item the calendar draws, on the wall clock of the plan's zone: `start` and `end` are Dates built from
 * core's civil date and "HH:MM" strings in UTC (wallClock) and read back in UTC (fromWallClock), so the
 * computer's own zone never shifts them. `end` is exclusive; an all-day item ends at 00:00 of the day after
 * its last day.
 */
export type CalEvent = {
  id: string;
  allDay: boolean;
  start: Date;
  end: Date;
  title: string;
  /** Whether it can be dragged, or resized from its bottom edge (a block that is not `moved`). */
  startEditable: boolean;
  durationEditable: boolean;
  /** Classes on the event's element (its kind and status: `sp-block sp-done`). */
  classNames: string[];
  /** Custom properties on the element (`--sp-track: #E69F00`). */
  styles: string[];
  extendedProps: { data: EventData };
};

/** What each calendar event stands for (kept in the event's extendedProps). */
export type BlockEvent = { kind: 'block'; block: BlockView; proposal: Proposal | null };
export type MilestoneEvent = { kind: 'milestone'; milestone: MilestoneView; index: number };
export type ProposalEvent = { kind: 'proposal'; proposal: Proposal };
export type RevisitEvent = { kind: 'revisit'; revisit: RevisitView };
/** Busy time of another calendar: read-only, never opened. */
export type BusyEvent = { kind: 'busy'; busy: BusyView };
/** The events of a month cell beyond what it shows: one "+N more" item; opening it shows that day. */
export type MoreEvent = { kind: 'more'; date: string; hidden: number };
export type EventData = BlockEvent | MilestoneEvent | ProposalEvent | RevisitEvent | BusyEvent | MoreEvent;
/** The events a click (or Enter) opens. */
export type OpenableEvent = Exclude<EventData, BusyEvent | MoreEvent>;

/** Event ids: blocks keep core's id; milestones and stand-alone proposals get prefixed ones. */
export const milestoneEventId = (index: number) => `milestone:${index}`;
export const proposalEventId = (blockId: string) => `proposal:${blockId}`;

/** The data an event was made from, or null for events that are not ours (drag helpers). */
export function eventData(event: { extendedProps: Record<string, unknown> }): EventData | null {
  const data = event.extendedProps.data as EventData | undefined;
  return data && typeof data === 'object' && 'kind' in data ? data : null;
}

/** The test id an event's element carries. */
export function eventTestId(data: EventData): string {
  switch (data.kind) {
    case 'block':
      return `cal-event-${data.block.id}`;
    case 'milestone':
      return `cal-milestone-${data.index}`;
    case 'proposal':
      return `cal-proposal-${data.proposal.block_id}`;
    case 'revisit':
      return `cal-revisit-${data.revisit.id}`;
    case 'busy':
      return 'busy-event';
    case 'more':
      return `cal-more-${data.date}`;
  }
}

/** How many timed events a month cell shows; a fifth and more go behind "+N more". */
export const MONTH_CELL_SHOWN = 3;

/**
 * The month view's events, each day's timed ones cut to what its cell shows: the first MONTH_CELL_SHOWN by start,
 * then one "+N more" item for the rest, which the calendar never builds (building and measuring every event of
 * 35 days was most of the month view's time). A day with one event too many shows it rather than "+1 more".
 * All-day events (milestones, all-day busy time) are few and always kept.
 */
export function capMonthCells(events: readonly CalEvent[]): CalEvent[] {
  const kept: CalEvent[] = [];
  const byDay = new Map<string, CalEvent[]>();
  for (const e of events) {
    if (e.allDay) {
      kept.push(e);
      continue;
    }
    const day = fromWallClock(e.start).date;
    const list = byDay.get(day);
    if (list) list.push(e);
    else byDay.set(day, [e]);
  }
  for (const [day, list] of byDay) {
    if (list.length <= MONTH_CELL_SHOWN + 1) {
      kept.push(...list);
      continue;
    }
    list.sort((a, b) => a.start.getTime() - b.start.getTime());
    kept.push(...list.slice(0, MONTH_CELL_SHOWN));
    const first = list[MONTH_CELL_SHOWN]!;
    const more: MoreEvent = { kind: 'more', date: day, hidden: list.length - MONTH_CELL_SHOWN };
    kept.push({
      id: `more:${day}`,
      start: first.start,
      end: first.start,
      allDay: false,
      title: '',
      startEditable: false,
      durationEditable: false,
      classNames: ['sp-more'],
      styles: [],
      extendedProps: { data: more },
    });
  }
  return kept;
}

/** "Milestone", "Delivery", "Exam" (unknown kinds capitalised as they come). */
export function milestoneKindLabel(kind: string): string {
  return capitalise(kind);
}

/**
 * Where a block ends on the wall-clock grid. A block touching an hour the clocks repeat (fall back) is drawn
 * with its elapsed length from its start: its wall-clock end (01:30 to 01:30 EST for an hour's block) would
 * draw nothing, or a whole day. Its label carries the true times (formatTimes).
 */
export function blockWallEnd(block: BlockView): Date {
  if (block.start_pass !== null || block.end_pass !== null) return wallClock(block.date, block.start, block.minutes);
  return wallClock(endDate(block.date, block.start, block.end), block.end);
}

/** A block placed by its wall-clock date and times; `moved` blocks can't be moved again (core refuses). */
export function blockToEvent(block: BlockView, proposal: Proposal | null = null): CalEvent {
  const colour = trackColour(block.track);
  const movable = block.status !== 'moved';
  const data: BlockEvent = { kind: 'block', block, proposal };
  return {
    id: block.id,
    allDay: false,
    start: wallClock(block.date, block.start),
    end: blockWallEnd(block),
    title: block.title,
    startEditable: movable,
    durationEditable: movable,
    classNames: ['sp-block', `sp-${block.status}`, ...(proposal ? ['sp-proposed'] : [])],
    styles: [`--sp-track: ${colour}`],
    extendedProps: { data },
  };
}

/** An all-day item over its days (`end` is inclusive in core, exclusive in the calendar). */
export function milestoneToEvent(milestone: MilestoneView, index: number): CalEvent {
  const data: MilestoneEvent = { kind: 'milestone', milestone, index };
  return {
    id: milestoneEventId(index),
    allDay: true,
    start: wallClock(milestone.start),
    end: wallClock(addDays(milestone.end < milestone.start ? milestone.start : milestone.end, 1)),
    title: milestone.title,
    startEditable: false,
    durationEditable: false,
    classNames: ['sp-milestone', `sp-milestone-${milestone.kind}`],
    styles: [],
    extendedProps: { data },
  };
}

/** A proposal whose block is not among those shown: drawn on its own, dashed, not editable. */
export function proposalToEvent(proposal: Proposal): CalEvent {
  const data: ProposalEvent = { kind: 'proposal', proposal };
  return {
    id: proposalEventId(proposal.block_id),
    allDay: false,
    start: wallClock(proposal.date, proposal.start),
    end: wallClock(endDate(proposal.date, proposal.start, proposal.end), proposal.end),
    title: `Proposed: ${proposal.track_name}`,
    startEditable: false,
    durationEditable: false,
    classNames: ['sp-proposal', 'sp-proposed'],
    styles: [`--sp-track: ${trackColour(proposal.track)}`],
    extendedProps: { data },
  };
}

/**
 * Everything the calendar shows for `range`: the blocks in it (each marked with the re-plan proposal
 * for it, if any), the milestones, and proposals for blocks not loaded.
 */
export function buildEvents(
  blocks: readonly BlockView[],
  milestones: readonly MilestoneView[],
  proposals: readonly Proposal[],
  range: DateRange,
): CalEvent[] {
  const byBlock = new Map(proposals.map((p) => [p.block_id, p]));
  const shown = blocks.filter((b) => inDateRange(b.date, range));
  const ids = new Set(shown.map((b) => b.id));
  return [
    ...shown.map((b) => blockToEvent(b, byBlock.get(b.id) ?? null)),
    ...milestones.map((m, i) => milestoneToEvent(m, i)),
    ...proposals.filter((p) => !ids.has(p.block_id) && inDateRange(p.date, range)).map(proposalToEvent),
  ];
}

/**
 * The hour the time grid starts at: an hour before the first block shown, never later than 07:00
 * (a plan starting at 08:00 gets a little room above it and 08:00–17:00 fits a 1280×800 window), as "HH:00".
 */
export function gridStart(blocks: readonly BlockView[]): string {
  let hour = 8;
  for (const b of blocks) {
    const h = Number(b.start.slice(0, 2));
    if (Number.isFinite(h) && h < hour) hour = h;
  }
  return `${String(Math.max(0, hour - 1)).padStart(2, '0')}:00`;
}

/** Replace one block (as core returned it) in a list. */
export function replaceBlock(blocks: readonly BlockView[], updated: BlockView): BlockView[] {
  return blocks.map((b) => (b.id === updated.id ? updated : b));
}

/**
 * What `block_move` gets after a drag or resize, read from the event's new wall-clock start and end.
 * A drag keeps the block's length; a resize sends the new one.
 */
export function moveFromEvent(
  block: BlockView,
  event: { start: Date; end: Date },
  kind: 'drop' | 'resize',
): BlockMove {
  const start = fromWallClock(event.start);
  const minutes = kind === 'resize' ? wallMinutesBetween(start, fromWallClock(event.end)) : block.minutes;
  return { id: block.id, date: start.date, start: start.time, minutes };
}

export type MoveOutcome = { ok: true; block: BlockView } | { ok: false; error: ErrorBody; block: BlockView };

/** The part of eventDrop / eventResize info this needs. */
export type ChangeInfo = { event: { start: Date; end: Date; extendedProps: Record<string, unknown> }; revert: () => void };

/**
 * Send a drag or resize to core. On success the caller replaces the event with the returned block;
 * on rejection the event snaps back (revert) and the caller shows core's message.
 * Returns null (and reverts) for events that can't be moved.
 */
export async function applyEventChange(
  info: ChangeInfo,
  kind: 'drop' | 'resize',
  move: (m: BlockMove) => Promise<BlockView>,
): Promise<MoveOutcome | null> {
  const data = eventData(info.event);
  if (data?.kind !== 'block') {
    info.revert();
    return null;
  }
  try {
    return { ok: true, block: await move(moveFromEvent(data.block, info.event, kind)) };
  } catch (e) {
    info.revert();
    return { ok: false, error: toErrorBody(e), block: data.block };
  }
}
