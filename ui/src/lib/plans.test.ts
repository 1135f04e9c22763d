// Words for plans and block edits: shipped plan spans, load reports, minutes and note checks, block keys.
import { describe, expect, it } from 'vitest';
import { block, firstLoad, shippedPlans } from '../test/fixtures';
import { checkMinutes, noteChanges } from './blockEdits';
import { describeLoad, shippedSpan } from './plans';
import { blockCommand } from './shortcuts';

describe('plan words', () => {
  it('gives a shipped plan its dates, or its length and that the person picks the start', () => {
    expect(shippedSpan(shippedPlans[0]!)).toBe('Tue 19 Aug 2025 – Sat 18 Oct 2025');
    expect(shippedSpan(shippedPlans[1]!)).toBe('12 weeks, you pick the start');
    expect(shippedSpan({ ...shippedPlans[1]!, weeks: 1 })).toBe('1 week, you pick the start');
  });

  it('tells a first load and a reload apart, with singular history', () => {
    expect(describeLoad(firstLoad)).toEqual({
      headline: 'Loaded “Senior Data Engineering Study Plan”: 392 blocks in 9 weeks',
      history: null,
    });
    const reload = describeLoad({ ...firstLoad, reloaded: true, added: 0, moved: 1, removed: 0, unchanged: 391, history_kept: 1 });
    expect(reload.headline).toBe('Reloaded “Senior Data Engineering Study Plan”: 0 added, 1 moved, 0 removed, 391 unchanged');
    expect(reload.history).toBe('1 moved or removed block had a status or notes; its history stays in the log.');
    const dropped = describeLoad({ ...firstLoad, reloaded: true, portfolio_kept: ['p1-log-etl:criterion:x'] });
    expect(dropped.history).toBe(
      '1 portfolio item with a tick or evidence left the plan; it is kept under “No longer in the plan” in Portfolio (p1-log-etl:criterion:x).',
    );
  });
});

describe('block edits', () => {
  it('checks only the form of minutes; the range is for core', () => {
    expect(checkMinutes(40)).toEqual({ value: 40 });
    expect(checkMinutes(0)).toEqual({ value: 0 });
    expect(checkMinutes(500)).toEqual({ value: 500 });
    expect(checkMinutes(null)).toEqual({ message: 'Enter the minutes you spent on this block.' });
    expect(checkMinutes(Number.NaN)).toEqual({ message: 'Enter the minutes you spent on this block.' });
    expect(checkMinutes(-3)).toEqual({ message: 'Enter the minutes you spent as a whole number, 0 or more.' });
  });

  it('sends only what changed in a note, 0 for an emptied counter, nothing when nothing changed', () => {
    const b = block({ user_note: 'old', problems: 2, queries: null });
    expect(noteChanges(b, { note: 'old ', problems: 2, queries: null })).toEqual({ value: null });
    expect(noteChanges(b, { note: 'new', problems: 2, queries: 5 })).toEqual({
      value: { note: 'new', problems: null, queries: 5 },
    });
    expect(noteChanges(b, { note: '', problems: null, queries: null })).toEqual({
      value: { note: '', problems: 0, queries: null },
    });
    expect(noteChanges(b, { note: 'old', problems: 1.5, queries: null })).toEqual({
      message: 'Enter the problems solved as a whole number, 0 or more.',
    });
  });
});

describe('block keys', () => {
  const key = (k: string, init: KeyboardEventInit = {}, target: EventTarget = document.body) => {
    const e = new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true, ...init });
    Object.defineProperty(e, 'target', { value: target });
    return blockCommand(e);
  };

  it('maps j k x Space s m n u, and nothing else', () => {
    expect(['j', 'k', 'x', ' ', 's', 'm', 'n', 'u', 'q'].map((k) => key(k))).toEqual([
      'next',
      'previous',
      'done',
      'done',
      'skip',
      'partial',
      'note',
      'undo',
      null,
    ]);
  });

  it('stays out of the way of typing, modifiers and buttons pressed with Space', () => {
    expect(key('x', {}, document.createElement('textarea'))).toBeNull();
    expect(key('s', { ctrlKey: true })).toBeNull();
    expect(key('J', { shiftKey: true })).toBeNull();
    expect(key(' ', {}, document.createElement('button'))).toBeNull();
    expect(key('x', {}, document.createElement('button'))).toBe('done');
  });
});
