// pause.ts: is a pause running, and until when in words (local time).
import { describe, expect, it } from 'vitest';
import { isPaused, msUntil, pausedUntilText } from './pause';

const local = (h: number, m: number, day = 19) => new Date(2025, 7, day, h, m).getTime();

describe('pause', () => {
  it('is paused only until the instant given', () => {
    const now = local(13, 0);
    expect(isPaused(null, now)).toBe(false);
    expect(isPaused(new Date(local(14, 5)).toISOString(), now)).toBe(true);
    expect(isPaused(new Date(local(12, 0)).toISOString(), now)).toBe(false);
    expect(isPaused('not a time', now)).toBe(false);
  });

  it('says the time, and the day when it is not today', () => {
    const now = local(13, 0);
    expect(pausedUntilText(new Date(local(14, 5)).toISOString(), now)).toBe('14:05');
    expect(pausedUntilText(new Date(local(9, 30, 20)).toISOString(), now)).toBe('Wed 20 Aug, 09:30');
    expect(msUntil(new Date(local(14, 5)).toISOString(), now)).toBe(65 * 60_000);
  });
});
