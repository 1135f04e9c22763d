import { describe, expect, it } from 'vitest';
import { busy as busyAt } from '../../../test/calendarsFixtures';
import { block } from '../../../test/fixtures';
import { wallClock } from './calendarDates';
import { blockToEvent, type CalEvent } from './events';
import { allDaySpans, dayMinutes, daySegments, gridFirstMinute, snap, wallMinutes } from './gridLayout';
import { busyToEvent } from './busyEvents';

const week = ['2025-08-18', '2025-08-19', '2025-08-20', '2025-08-21', '2025-08-22', '2025-08-23', '2025-08-24'];

function allDay(id: string, from: string, toExclusive: string): CalEvent {
  return { ...blockToEvent(block({ id })), id, allDay: true, start: wallClock(from), end: wallClock(toExclusive) };
}

describe('the time grid’s geometry', () => {
  it('puts each block in its day’s column at its minutes, one lane when nothing overlaps', () => {
    const days = daySegments([blockToEvent(block({ id: 'a', date: '2025-08-19', start: '09:00', end: '10:30', minutes: 90 }))], week);
    expect(days.get('2025-08-19')).toMatchObject([{ from: 540, to: 630, first: true, lane: 0, lanes: 1 }]);
    expect(days.get('2025-08-18')).toEqual([]);
  });

  it('sets overlapping events side by side and gives the next free lane back to later ones', () => {
    const busy = busyToEvent(busyAt({ date: '2025-08-19', start: '09:30', end_date: '2025-08-19', end: '10:00', all_day: false }));
    const a = blockToEvent(block({ id: 'a', date: '2025-08-19', start: '09:00', end: '10:30', minutes: 90 }));
    const b = blockToEvent(block({ id: 'b', date: '2025-08-19', start: '11:00', end: '12:00', minutes: 60 }));
    const segs = daySegments([busy, a, b], week).get('2025-08-19')!;
    expect(segs.map((s) => [s.event.id, s.lane, s.lanes])).toEqual([
      ['a', 0, 2],
      [busy.id, 1, 2],
      ['b', 0, 1],
    ]);
  });

  it('cuts a block that runs past midnight, the first part carrying its id', () => {
    const late = blockToEvent(block({ id: 'n', date: '2025-08-19', start: '23:30', end: '00:30', minutes: 60 }));
    const days = daySegments([late], week);
    expect(days.get('2025-08-19')).toMatchObject([{ from: 1410, to: 1440, first: true }]);
    expect(days.get('2025-08-20')).toMatchObject([{ from: 0, to: 30, first: false }]);
  });

  it('starts the grid at the plan’s hour, or the hour of anything earlier', () => {
    const early = blockToEvent(block({ id: 'e', date: '2025-08-20', start: '05:45', end: '06:30', minutes: 45 }));
    expect(gridFirstMinute('07:00', daySegments([], week).values())).toBe(420);
    expect(gridFirstMinute('07:00', daySegments([early], week).values())).toBe(300);
  });

  it('spans all-day items over the days shown, cut at the week’s edges', () => {
    const spans = allDaySpans([allDay('m', '2025-08-16', '2025-08-20'), allDay('x', '2025-08-22', '2025-08-23')], week);
    expect(spans.map((s) => [s.event.id, s.col, s.span])).toEqual([
      ['m', 0, 2],
      ['x', 4, 1],
    ]);
  });

  it('keeps wall-clock times whatever the computer’s zone: a time its zone skips is still that time', () => {
    // 02:30 on 2026-03-29 does not exist in Berlin; the plan's zone may be another.
    expect(wallClock('2026-03-29', '02:30').getTime()).toBe(Date.UTC(2026, 2, 29, 2, 30));
    expect(wallMinutes(wallClock('2026-03-29', '02:30')) - dayMinutes('2026-03-29')).toBe(150);
  });

  it('snaps drags to quarter hours', () => {
    expect([snap(7), snap(8), snap(-22), snap(-23)]).toEqual([0, 15, -15, -30]);
  });
});
