// Busy time in words: where an instance ends, its time on a day, its label, a day's items in time order, reports.
import { describe, expect, it } from 'vitest';
import { block } from '../test/fixtures';
import { brokenCalendar, busy, courseCalendar, workCalendar } from '../test/calendarsFixtures';
import { allDayEnd, busyEndDay, busyLabel, busyTimeText, dayItems, refreshedText, reportText, sourceKindText } from './busy';

describe('busy instances', () => {
  it('ends on its last day, or at midnight after it', () => {
    expect(busyEndDay(busy())).toBe('2025-08-19');
    const night = busy({ start_utc: '2025-08-18T20:00:00Z', end_utc: '2025-08-19T04:00:00Z', date: '2025-08-18', end_date: '2025-08-19', start: '22:00', end: '06:00' });
    expect(busyEndDay(night)).toBe('2025-08-19');
    // Ends at midnight: core counts it to the day before; its end is 00:00 of the next day.
    const late = busy({ start_utc: '2025-08-19T20:00:00Z', end_utc: '2025-08-19T22:00:00Z', start: '22:00', end: '00:00' });
    expect(busyEndDay(late)).toBe('2025-08-20');
    expect(busyTimeText(late, '2025-08-19')).toBe('22:00–00:00');
    // An instant event at midnight stays on its day.
    const instant = busy({ start_utc: '2025-08-19T22:00:00Z', end_utc: '2025-08-19T22:00:00Z', date: '2025-08-20', end_date: '2025-08-20', start: '00:00', end: '00:00' });
    expect(busyEndDay(instant)).toBe('2025-08-20');
  });

  it('covers whole days when all-day', () => {
    const oneDay = busy({ all_day: true, start_utc: '2025-08-18T22:00:00Z', end_utc: '2025-08-19T22:00:00Z', start: '00:00', end: '00:00' });
    expect(allDayEnd(oneDay)).toBe('2025-08-20');
    const threeDays = { ...oneDay, end_utc: '2025-08-21T22:00:00Z', end_date: '2025-08-21' };
    expect(allDayEnd(threeDays)).toBe('2025-08-22');
    expect(busyTimeText(oneDay, '2025-08-19')).toBe('All day');
  });

  it('gives its time on a day, with dates when it starts or ends on another', () => {
    expect(busyTimeText(busy(), '2025-08-19')).toBe('10:30–11:00');
    const night = busy({ start_utc: '2025-08-18T20:00:00Z', end_utc: '2025-08-19T04:00:00Z', date: '2025-08-18', end_date: '2025-08-19', start: '22:00', end: '06:00' });
    expect(busyTimeText(night, '2025-08-19')).toBe('Mon 18 Aug 22:00–06:00');
    expect(busyTimeText(night, '2025-08-18')).toBe('22:00–Tue 19 Aug 06:00');
  });

  it('says busy or free, with the calendar’s name', () => {
    expect(busyLabel(busy())).toBe('busy · Work');
    expect(busyLabel(busy({ busy: false, source: 'Course' }))).toBe('free · Course');
  });

  it('puts a day’s all-day instances first, then blocks and busy time by start', () => {
    const b1 = block({ id: 'b1', start_utc: '2025-08-19T07:00:00Z' });
    const b2 = block({ id: 'b2', start_utc: '2025-08-19T09:00:00Z' });
    const early = busy({ uid: 'early', start_utc: '2025-08-19T06:00:00Z' });
    const same = busy({ uid: 'same', start_utc: '2025-08-19T09:00:00Z' });
    const allDay = busy({ uid: 'all', all_day: true, start_utc: '2025-08-18T22:00:00Z' });
    const ids = dayItems([b1, b2], [allDay, early, same]).map((i) => (i.kind === 'block' ? i.block.id : i.busy.uid));
    expect(ids).toEqual(['all', 'early', 'b1', 'b2', 'same']);
    expect(dayItems([b1], []).map((i) => i.kind)).toEqual(['block']);
  });
});

describe('calendars in words', () => {
  it('tells the kind, the report and when it was read', () => {
    expect(sourceKindText(workCalendar)).toBe('File');
    expect(sourceKindText(courseCalendar)).toBe('Subscription, every 60 min');
    expect(reportText(workCalendar)).toBe('14 events · 52 shown · 2 skipped');
    expect(reportText({ ...courseCalendar, report: { ...courseCalendar.report, cancelled: 3 } })).toBe(
      '6 events · 30 shown · 3 cancelled · 0 skipped',
    );
    expect(reportText({ ...courseCalendar, report: { ...courseCalendar.report, events: 1 } })).toMatch(/^1 event ·/);
    expect(refreshedText(workCalendar)).toMatch(/^Refreshed Tue 19 Aug/);
    expect(refreshedText(brokenCalendar)).toBe('Not read yet');
  });
});
