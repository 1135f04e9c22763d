// Calendar building blocks: view ranges and steps, wall-clock Dates, core data → calendar events,
// and what a drag / resize sends to core (success, rejection → revert).
import { describe, expect, it, vi } from 'vitest';
import type { BlockMove } from '../../api/calendar';
import type { BlockView } from '../../bindings/BlockView';
import { block } from '../../../test/fixtures';
import { calendarMilestones, calendarWeek, overlapError, replanView } from '../../../test/calendarFixtures';
import {
  addMonths,
  endDate,
  fromWallClock,
  stepDate,
  viewHolds,
  viewLabel,
  visibleRange,
  wallClock,
  wallMinutesBetween,
} from './calendarDates';
import {
  applyEventChange,
  blockToEvent,
  buildEvents,
  capMonthCells,
  eventData,
  eventTestId,
  gridStart,
  milestoneToEvent,
  moveFromEvent,
  replaceBlock,
} from './events';
import { acceptedText, proposalText, restText, unplacedText } from './replanText';

describe('view ranges', () => {
  it('covers a day, Monday to Sunday, or the whole weeks of a month', () => {
    expect(visibleRange('day', '2025-08-19')).toEqual({ from: '2025-08-19', to: '2025-08-19' });
    expect(visibleRange('week', '2025-08-19')).toEqual({ from: '2025-08-18', to: '2025-08-24' });
    expect(visibleRange('week', '2025-08-24')).toEqual({ from: '2025-08-18', to: '2025-08-24' });
    // August 2025 starts on a Friday and ends on a Sunday: 28 Jul – 31 Aug (35 days).
    expect(visibleRange('month', '2025-08-19')).toEqual({ from: '2025-07-28', to: '2025-08-31' });
    // June 2025 needs six rows: 26 May – 6 Jul (42 days, the most a month takes).
    expect(visibleRange('month', '2025-06-30')).toEqual({ from: '2025-05-26', to: '2025-07-06' });
  });

  it('steps by the view’s unit', () => {
    expect(stepDate('day', '2025-08-19', 1)).toBe('2025-08-20');
    expect(stepDate('week', '2025-08-19', -1)).toBe('2025-08-12');
    expect(stepDate('month', '2025-08-19', 1)).toBe('2025-09-19');
    expect(stepDate('month', '2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29');
    expect(addMonths('2025-12-15', 1)).toBe('2026-01-15');
  });

  it('names the range and knows when it holds today', () => {
    expect(viewLabel('day', '2025-08-19')).toBe('Tue 19 Aug 2025');
    // Intl puts thin spaces around the dash.
    expect(viewLabel('week', '2025-08-19').replace(/\s/g, ' ')).toBe('18 – 24 Aug 2025');
    expect(viewLabel('month', '2025-08-19').replace(/\s/g, ' ')).toBe('1 – 31 Aug 2025');
    expect(viewHolds('week', '2025-08-24', '2025-08-19')).toBe(true);
    expect(viewHolds('day', '2025-08-20', '2025-08-19')).toBe(false);
    expect(viewHolds('month', '2025-08-01', '2025-08-19')).toBe(true);
  });
});

describe('wall-clock dates', () => {
  it('builds local Dates from core’s strings and reads them back unchanged', () => {
    const d = wallClock('2025-08-19', '09:05');
    expect([d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes()]).toEqual([2025, 7, 19, 9, 5]);
    expect(fromWallClock(d)).toEqual({ date: '2025-08-19', time: '09:05' });
    expect(fromWallClock(wallClock('2025-10-26', '02:30'))).toEqual({ date: '2025-10-26', time: '02:30' });
  });

  it('counts minutes on the wall clock and ends past midnight on the next day', () => {
    expect(wallMinutesBetween({ date: '2025-08-19', time: '23:30' }, { date: '2025-08-20', time: '00:15' })).toBe(45);
    expect(endDate('2025-08-19', '23:30', '00:15')).toBe('2025-08-20');
    expect(endDate('2025-08-19', '09:00', '10:30')).toBe('2025-08-19');
  });
});

describe('core data as calendar events', () => {
  it('places a block by its date and wall-clock times, coloured by track, editable unless moved', () => {
    const e = blockToEvent(calendarWeek[1]!);
    expect(e.id).toBe('t1');
    expect(fromWallClock(e.start as Date)).toEqual({ date: '2025-08-19', time: '09:00' });
    expect(fromWallClock(e.end as Date)).toEqual({ date: '2025-08-19', time: '10:30' });
    expect(e.styles).toEqual(['--sp-track: #E69F00']);
    expect(e.classNames).toEqual(['sp-block', 'sp-planned']);
    expect(e.startEditable).toBe(true);
    expect(blockToEvent(block({ status: 'moved' })).startEditable).toBe(false);
    expect(eventTestId(eventData({ extendedProps: e.extendedProps ?? {} })!)).toBe('cal-event-t1');
  });

  it('draws a block in the repeated hour of a fall-back night for its elapsed length, not for nothing or a day', () => {
    // ../shared/cases/fallback.toml: 60 min from 01:30 EDT end at 01:30 EST.
    const b = block({ date: '2025-11-02', start: '01:30', end: '01:30', start_pass: null, end_pass: 'EST', minutes: 60 });
    const e = blockToEvent(b);
    expect(fromWallClock(e.start as Date)).toEqual({ date: '2025-11-02', time: '01:30' });
    expect(fromWallClock(e.end as Date)).toEqual({ date: '2025-11-02', time: '02:30' });
    const plain = blockToEvent(block({ date: '2025-11-02', start: '23:30', end: '00:30', minutes: 60 }));
    expect(fromWallClock(plain.end as Date)).toEqual({ date: '2025-11-03', time: '00:30' });
  });

  it('shows milestones as all-day items over their inclusive days', () => {
    const exam = milestoneToEvent(calendarMilestones[1]!, 1);
    expect(exam.allDay).toBe(true);
    expect(exam.startEditable).toBe(false);
    expect(fromWallClock(exam.start as Date).date).toBe('2025-08-23');
    expect(fromWallClock(exam.end as Date)).toEqual({ date: '2025-08-25', time: '00:00' });
    expect(eventTestId(eventData({ extendedProps: exam.extendedProps ?? {} })!)).toBe('cal-milestone-1');
  });

  it('keeps to the range and marks proposed catch-up blocks', () => {
    const range = { from: '2025-08-19', to: '2025-08-21' };
    const events = buildEvents(calendarWeek, calendarMilestones, replanView.proposals, range);
    expect(events.map((e) => e.id)).toEqual(['t1', 't2', 'w1', 'c1', 'milestone:0', 'milestone:1']);
    const c1 = events.find((e) => e.id === 'c1')!;
    expect(c1.classNames).toContain('sp-proposed');
    expect(eventData({ extendedProps: c1.extendedProps ?? {} })).toMatchObject({ kind: 'block', proposal: { minutes: 45 } });

    // A proposal for a block that isn't loaded is drawn on its own.
    const alone = buildEvents([], [], replanView.proposals, range);
    expect(alone.map((e) => e.id)).toEqual(['proposal:c1']);
    expect(alone[0]!.startEditable).toBe(false);
  });

  it('starts the time grid an hour before the first block, at 07:00 at the latest', () => {
    expect(gridStart(calendarWeek)).toBe('07:00');
    expect(gridStart([])).toBe('07:00');
    expect(gridStart([block({ start: '10:00' })])).toBe('07:00');
    expect(gridStart([block({ start: '05:30' })])).toBe('04:00');
    expect(gridStart([block({ start: '00:15' })])).toBe('00:00');
  });

  it('replaces a block with the one core returned', () => {
    const moved = { ...calendarWeek[1]!, date: '2025-08-20', start: '14:00', end: '15:30' };
    const next = replaceBlock(calendarWeek, moved);
    expect(next[1]).toBe(moved);
    expect(next).toHaveLength(calendarWeek.length);
  });
});

describe('drag and resize', () => {
  const t1 = calendarWeek[1]!;
  const dragged = (start: Date, end: Date) => ({
    event: { start, end, extendedProps: blockToEvent(t1).extendedProps ?? {} },
    revert: vi.fn(),
  });

  it('sends the new place and the unchanged length on a drag', () => {
    const m = moveFromEvent(t1, { start: wallClock('2025-08-20', '14:15'), end: wallClock('2025-08-20', '15:45') }, 'drop');
    expect(m).toEqual({ id: 't1', date: '2025-08-20', start: '14:15', minutes: 90 });
  });

  it('sends the new length on a resize', () => {
    const m = moveFromEvent(t1, { start: wallClock('2025-08-19', '09:00'), end: wallClock('2025-08-19', '11:15') }, 'resize');
    expect(m).toEqual({ id: 't1', date: '2025-08-19', start: '09:00', minutes: 135 });
  });

  it('returns the block core stored', async () => {
    const stored: BlockView = { ...t1, date: '2025-08-20', start: '14:15', end: '15:45' };
    const move = vi.fn((_: BlockMove) => Promise.resolve(stored));
    const info = dragged(wallClock('2025-08-20', '14:15'), wallClock('2025-08-20', '15:45'));
    await expect(applyEventChange(info, 'drop', move)).resolves.toEqual({ ok: true, block: stored });
    expect(move).toHaveBeenCalledWith({ id: 't1', date: '2025-08-20', start: '14:15', minutes: 90 });
    expect(info.revert).not.toHaveBeenCalled();
  });

  it('snaps the block back and gives core’s reason when core refuses', async () => {
    const move = vi.fn(() => Promise.reject(overlapError));
    const info = dragged(wallClock('2025-08-19', '08:30'), wallClock('2025-08-19', '10:00'));
    await expect(applyEventChange(info, 'drop', move)).resolves.toEqual({ ok: false, error: overlapError, block: t1 });
    expect(info.revert).toHaveBeenCalledOnce();
  });

  it('turns any other failure into words and reverts too', async () => {
    const info = dragged(wallClock('2025-08-19', '09:00'), wallClock('2025-08-19', '12:00'));
    const outcome = await applyEventChange(info, 'resize', () => Promise.reject('IPC is down'));
    expect(outcome).toMatchObject({ ok: false, error: { kind: 'internal', message: 'IPC is down' } });
    expect(info.revert).toHaveBeenCalledOnce();
  });

  it('reverts anything that is not a block without asking core', async () => {
    const move = vi.fn();
    const milestone = milestoneToEvent(calendarMilestones[0]!, 0);
    const info = {
      event: { start: new Date(), end: new Date(), extendedProps: milestone.extendedProps ?? {} },
      revert: vi.fn(),
    };
    await expect(applyEventChange(info, 'drop', move)).resolves.toBeNull();
    expect(move).not.toHaveBeenCalled();
    expect(info.revert).toHaveBeenCalledOnce();
  });
});

describe('re-plan in words', () => {
  it('says where missed time goes, what does not fit and what is forgiven', () => {
    expect(proposalText(replanView.proposals[0]!)).toBe(
      'Thu 21 Aug 13:15–14:00: 45 min of Python DSA instead of Fundamentals/Basics or catch-up',
    );
    expect(unplacedText(replanView.unplaced[1]!, 'this week')).toBe(
      'no catch-up time left this week for 570 min of Project work',
    );
    expect(restText(60)).toBe('60 min of missed time fell in your weekly rest half-day and is forgiven.');
    expect(acceptedText(replanView)).toBe('Re-planned week 3: 1 catch-up block now takes 45 min of missed time.');
    expect(acceptedText({ ...replanView, proposals: [] })).toBe('Nothing to re-plan in week 3.');
  });
});

describe('month cells', () => {
  const at = (date: string, start: string, n: number) =>
    blockToEvent(block({ id: `b-${date}-${n}`, date, start, end: start.replace(/:00$/, ':30'), minutes: 30 }));

  it('keeps the first three of a full day by start time and puts the rest behind one "+N more" item', () => {
    const day = ['12:00', '08:00', '10:00', '09:00', '11:00', '13:00', '14:00'].map((t, i) => at('2025-09-15', t, i));
    const out = capMonthCells([...day, milestoneToEvent(calendarMilestones[0]!, 0)]);
    const shown = out.map((e) => eventData(e as { extendedProps: Record<string, unknown> })!);
    const blocks = shown.filter((d) => d.kind === 'block').map((d) => (d.kind === 'block' ? d.block.start : ''));
    expect(blocks).toEqual(['08:00', '09:00', '10:00']);
    const more = shown.find((d) => d.kind === 'more');
    expect(more).toEqual({ kind: 'more', date: '2025-09-15', hidden: 4 });
    expect(eventTestId(more!)).toBe('cal-more-2025-09-15');
    expect(shown.filter((d) => d.kind === 'milestone')).toHaveLength(1);
  });

  it('shows a day with one event too many in full, and leaves short days alone', () => {
    const four = ['08:00', '09:00', '10:00', '11:00'].map((t, i) => at('2025-09-16', t, i));
    const two = ['08:00', '09:00'].map((t, i) => at('2025-09-17', t, i));
    const out = capMonthCells([...four, ...two]);
    expect(out).toHaveLength(6);
    expect(out.some((e) => String(e.id).startsWith('more:'))).toBe(false);
  });
});
