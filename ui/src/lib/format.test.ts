// Formatting (en-GB pinned in setup) and civil-date steps.
import { describe, expect, it } from 'vitest';
import { addDays, inRange, isIsoDate, weekDates, weekStart } from './dates';
import { formatDateRange, formatDay, formatDayMonth, formatDayShort, formatDuration, formatTime, setFormatLocale } from './format';
import { weekLine } from './overview';
import { noPlanOverview, overview, plan } from '../test/fixtures';

/** ICU puts thin spaces around range dashes; compare with plain spaces. */
const norm = (s: string | null) => s?.replace(/\s/g, ' ') ?? null;

describe('format', () => {
  it('formats days like "Tue 19 Aug 2025"', () => {
    expect(formatDay('2025-08-19')).toBe('Tue 19 Aug 2025');
    expect(formatDayShort('2025-08-19')).toBe('Tue 19 Aug');
    expect(formatDayMonth('2025-08-24')).toBe('24 Aug');
  });

  it('formats date ranges', () => {
    expect(norm(formatDateRange('2025-08-18', '2025-08-24'))).toBe('18 – 24 Aug 2025');
  });

  it('formats wall-clock times in the locale style', () => {
    expect(formatTime('09:05')).toBe('09:05');
    expect(formatTime('nonsense')).toBe('nonsense');
  });

  it('uses a 12-hour clock where the locale does', () => {
    setFormatLocale('en-US');
    try {
      expect(norm(formatTime('14:05'))).toBe('2:05 PM');
      expect(formatDay('2025-08-19')).toBe('Tue Aug 19, 2025');
    } finally {
      setFormatLocale('en-GB');
    }
  });

  it('formats durations like "1 h 30"', () => {
    expect(formatDuration(90)).toBe('1 h 30');
    expect(formatDuration(45)).toBe('45 min');
    expect(formatDuration(120)).toBe('2 h');
    expect(formatDuration(65)).toBe('1 h 05');
  });
});

describe('dates', () => {
  it('steps over month and year ends', () => {
    expect(addDays('2025-08-31', 1)).toBe('2025-09-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
  });

  it('finds the Monday of a week and its seven days', () => {
    expect(weekStart('2025-08-19')).toBe('2025-08-18');
    expect(weekStart('2025-08-24')).toBe('2025-08-18');
    expect(weekStart('2025-08-18')).toBe('2025-08-18');
    expect(weekDates('2025-08-18')).toEqual([
      '2025-08-18',
      '2025-08-19',
      '2025-08-20',
      '2025-08-21',
      '2025-08-22',
      '2025-08-23',
      '2025-08-24',
    ]);
  });

  it('validates ISO dates', () => {
    expect(isIsoDate('2025-08-19')).toBe(true);
    expect(isIsoDate('2025-02-30')).toBe(false);
    expect(isIsoDate('19/08/2025')).toBe(false);
    expect(inRange('2025-08-19', '2025-08-18', '2025-08-24')).toBe(true);
    expect(inRange('2025-08-25', '2025-08-18', '2025-08-24')).toBe(false);
  });
});

describe('weekLine', () => {
  it('names the current week of the plan', () => {
    expect(weekLine(overview)).toBe('Week 3 of 9 — Spark + Delta');
  });

  it('says when the plan starts or ended when today is outside it', () => {
    expect(weekLine({ ...overview, week: null, today: '2025-07-01' })).toBe('Starts Mon 4 Aug 2025');
    expect(weekLine({ ...overview, week: null, today: '2025-12-01' })).toBe('Ended Sun 5 Oct 2025');
    expect(norm(weekLine({ ...overview, week: null }))).toBe('4 Aug – 5 Oct 2025');
  });

  it('is empty without a plan', () => {
    expect(weekLine(noPlanOverview)).toBeNull();
    expect(plan.active).toBe(true);
  });
});
