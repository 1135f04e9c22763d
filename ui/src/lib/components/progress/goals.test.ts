// goals.ts and when.ts: goals, streak and milestone timing in words; goal bar geometry.
import { describe, expect, it } from 'vitest';
import type { GoalProgress } from '../../bindings/GoalProgress';
import { goalBar, goalStatus, goalStatusText, goalText, splitGoals } from './goals';
import { daysUntil, streakText } from './when';

const goal = (over: Partial<GoalProgress> = {}): GoalProgress => ({
  id: 'dsa-problems',
  label: 'DSA problems',
  track: 'dsa',
  metric: 'problems',
  min: 25,
  max: 35,
  per: 'week',
  value: 5,
  certification: null,
  ...over,
});

describe('goalText', () => {
  it('says where the week stands against the range', () => {
    expect(goalText(goal())).toBe('5 of 25–35 problems');
    expect(goalText(goal({ min: 1, max: 1, metric: 'projects', value: 0 }))).toBe('0 of 1 projects');
    expect(goalText(goal({ max: null, min: 2, metric: 'practice-exams', value: 1 }))).toBe(
      '1 of at least 2 practice exams',
    );
    expect(goalText(goal({ min: null, max: 5, value: 3 }))).toBe('3 of at most 5 problems');
    expect(goalText(goal({ min: null, max: null, value: 3 }))).toBe('3 problems');
  });

  it('says "not counted by studyplan yet" instead of 0 when core has no value', () => {
    const text = goalText(goal({ metric: 'performance-fixes', min: 1, max: null, value: null }));
    expect(text).toBe('Aim: at least 1 performance fixes · not counted by studyplan yet');
    expect(text).not.toMatch(/\b0\b/);
    expect(goalText(goal({ min: null, max: null, value: null }))).toBe('Not counted by studyplan yet');
  });
});

describe('goal status and bar', () => {
  it('tells below, within and above the range apart', () => {
    expect(goalStatus(goal())).toBe('below');
    expect(goalStatusText(goal())).toBe('20 more to reach 25');
    expect(goalStatus(goal({ value: 30 }))).toBe('within');
    expect(goalStatusText(goal({ value: 30 }))).toBe('On target');
    expect(goalStatusText(goal({ value: 40 }))).toBe('More than the 35 aimed for');
    expect(goalStatus(goal({ value: null }))).toBe('uncounted');
    expect(goalStatusText(goal({ value: null }))).toBe('');
  });

  it('runs the bar from 0 to max with the min marked', () => {
    expect(goalBar(goal())).toEqual({ fill: 14.3, min: 71.4 });
    expect(goalBar(goal({ value: 50 }))).toEqual({ fill: 100, min: 50 });
    expect(goalBar(goal({ max: null, min: 2, value: 1 }))).toEqual({ fill: 50, min: 100 });
    expect(goalBar(goal({ value: null })).fill).toBe(0);
  });

  it("puts the week's goals apart from the plan's", () => {
    const split = splitGoals([goal(), goal({ id: 'exams', per: 'plan' })]);
    expect(split.week.map((g) => g.id)).toEqual(['dsa-problems']);
    expect(split.plan.map((g) => g.id)).toEqual(['exams']);
  });
});

describe('streak and milestone timing', () => {
  it('words the streak', () => {
    expect(streakText(2, 5)).toBe('2 days in a row · best 5');
    expect(streakText(1, 1)).toBe('1 day in a row · best 1');
    expect(streakText(0, 5)).toBe('0 days in a row · best 5');
  });

  it('words how far a milestone is', () => {
    expect(daysUntil('2025-08-19', '2025-08-19', '2025-08-19')).toBe('today');
    expect(daysUntil('2025-08-19', '2025-08-20', '2025-08-20')).toBe('tomorrow');
    expect(daysUntil('2025-08-19', '2025-08-24', '2025-08-24')).toBe('in 5 days');
    expect(daysUntil('2025-08-19', '2025-09-08', '2025-09-21')).toBe('in 3 weeks');
    expect(daysUntil('2025-09-10', '2025-09-08', '2025-09-21')).toBe('now');
  });
});
