// exams.ts: the window and its distance in words, scores and trends, and the form as core's arguments.
import { describe, expect, it } from 'vitest';
import { dea, deaReadiness } from '../../../test/examFixtures';
import { examArgs, minutesProblem, percentText, practiceText, trendText, windowText, windowWhen } from './exams';

describe('windowText / windowWhen', () => {
  it('formats the window like other dates, one day alone', () => {
    expect(windowText(dea)).toBe('Mon 8 Sept – Sun 21 Sept');
    expect(windowText({ window_start: '2025-10-01', window_end: '2025-10-01' })).toBe('Wed 1 Oct');
    expect(windowText({ window_start: null, window_end: null })).toBeNull();
  });

  it('says how far the window is, and when it is open or over', () => {
    const at = (days_to_window: number | null, today = '2025-08-19') => windowWhen({ ...deaReadiness, days_to_window, today });
    expect(at(20)).toBe('in 20 days');
    expect(at(1)).toBe('tomorrow');
    expect(at(0)).toBe('opens today');
    expect(at(-3, '2025-09-11')).toBe('open now');
    expect(at(-20, '2025-09-28')).toBe('closed');
    expect(at(null)).toBeNull();
  });
});

describe('scores', () => {
  it('shows whole or one-decimal percents, and the last four of a trend', () => {
    expect(percentText(62)).toBe('62 %');
    expect(percentText(72.5)).toBe('72.5 %');
    expect(percentText(71.66666)).toBe('71.7 %');
    expect(percentText(null)).toBe('—');
    const points = [50, 55, 58, 60, 62].map((percent, i) => ({ date: `2025-08-1${i}`, percent }));
    expect(trendText(points.slice(-2))).toBe('60 → 62');
    expect(trendText(points)).toBe('… 55 → 58 → 60 → 62');
    expect(trendText([])).toBe('—');
  });

  it('counts the practice exams, and those logged in all when some were partial', () => {
    expect(practiceText({ practice_done: 1, practice_required: 2, practice_logged: 1 })).toBe(
      '1 of 2 full-length practice exams done',
    );
    expect(practiceText({ practice_done: 1, practice_required: 2, practice_logged: 3 })).toBe(
      '1 of 2 full-length practice exams done · 3 logged in all',
    );
  });
});

describe('examArgs', () => {
  const form = {
    cert: 'dea',
    date: '2025-08-18',
    full: true,
    minutes: null,
    score: '  ',
    scores: { gov: '80', spark: ' 43/60 ', delta: '' },
    missed: [
      { domain: 'delta', what: ' MERGE with a duplicate key ' },
      { domain: 'spark', what: '   ' },
    ],
  };

  it('sends the scored domains in plan order as pairs, trimmed, and the missed questions with text', () => {
    expect(examArgs(form, dea.domains)).toEqual({
      cert: 'dea',
      date: '2025-08-18',
      full: true,
      minutes: null,
      score: null,
      domains: [
        ['spark', '43/60'],
        ['gov', '80'],
      ],
      missed: [['delta', 'MERGE with a duplicate key']],
    });
  });

  it('sends null for an empty date (today) and the overall score as typed', () => {
    const args = examArgs({ ...form, date: '', score: ' 72.5% ', minutes: 90 }, dea.domains);
    expect(args.date).toBeNull();
    expect(args.score).toBe('72.5%');
    expect(args.minutes).toBe(90);
  });

  it('leaves out scores of domains the certification does not have', () => {
    expect(examArgs({ ...form, scores: { other: '50' } }, dea.domains).domains).toEqual([]);
  });

  it('checks the minutes are a whole number, leaving the range to core', () => {
    expect(minutesProblem(null)).toBeNull();
    expect(minutesProblem(90)).toBeNull();
    expect(minutesProblem(900)).toBeNull();
    expect(minutesProblem(1.5)).not.toBeNull();
    expect(minutesProblem(0)).not.toBeNull();
  });
});
