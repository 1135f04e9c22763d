// Sample data for the Calendar tests (a week of blocks, milestones, a re-plan, core's refusals), and
// the layout observers @event-calendar/core needs, which jsdom lacks.
import type { BlockView } from '../lib/bindings/BlockView';
import type { ErrorBody } from '../lib/bindings/ErrorBody';
import type { MilestoneView } from '../lib/bindings/MilestoneView';
import type { ReplanView } from '../lib/bindings/ReplanView';
import { block } from './fixtures';

class NoopObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
  takeRecords(): [] {
    return [];
  }
}

/**
 * Give jsdom no-op ResizeObserver / IntersectionObserver so the real calendar renders (it measures
 * nothing in jsdom, but draws its grid and events). Pointer gestures on events need layout jsdom
 * lacks (elementsFromPoint): open events with a plain click event or Enter, not userEvent.click.
 * Returns a function that takes the observers away again.
 */
export function installLayoutObservers(): () => void {
  const g = globalThis as Record<string, unknown>;
  const before = { ResizeObserver: g.ResizeObserver, IntersectionObserver: g.IntersectionObserver };
  g.ResizeObserver = NoopObserver;
  g.IntersectionObserver = NoopObserver;
  return () => {
    g.ResizeObserver = before.ResizeObserver;
    g.IntersectionObserver = before.IntersectionObserver;
  };
}

/** Mon 18 – Sun 24 Aug 2025 (plan week 3); today is Tue 19 Aug. */
export const calendarWeek: BlockView[] = [
  block({
    id: 'm1',
    date: '2025-08-18',
    start: '08:00',
    end: '09:00',
    minutes: 60,
    title: 'Spark intro',
    status: 'done',
  }),
  block({ id: 't1', date: '2025-08-19', title: 'Spark joins lab' }),
  block({
    id: 't2',
    date: '2025-08-19',
    start: '11:00',
    end: '12:00',
    minutes: 60,
    track: 'dsa',
    track_name: 'Python DSA',
    title: 'Hashing drills',
    topics: 'Arrays/Strings, Hashing, Sliding Window',
    status: 'partial',
    minutes_done: 20,
  }),
  block({
    id: 'w1',
    date: '2025-08-20',
    start: '08:00',
    end: '09:30',
    track: 'dsa',
    track_name: 'Python DSA',
    title: 'Sliding window set',
    status: 'skipped',
  }),
  block({
    id: 'c1',
    date: '2025-08-21',
    start: '13:15',
    end: '14:00',
    minutes: 45,
    track: 'fund',
    track_name: 'Fundamentals',
    title: 'Fundamentals/Basics or catch-up',
    topics: null,
  }),
];

export const calendarMilestones: MilestoneView[] = [
  { title: 'Spark project demo', kind: 'delivery', start: '2025-08-22', end: '2025-08-22', note: 'Record a 3-minute demo' },
  { title: 'Databricks associate', kind: 'exam', start: '2025-08-23', end: '2025-08-24', note: null },
];

export const replanView: ReplanView = {
  plan_id: 'de-9w',
  week: 3,
  debt: [
    { track: 'dsa', track_name: 'Python DSA', minutes: 90, blocks: ['w1'] },
    { track: 'proj', track_name: 'Project work', minutes: 570, blocks: ['p1', 'p2'] },
  ],
  proposals: [
    {
      block_id: 'c1',
      date: '2025-08-21',
      start: '13:15',
      end: '14:00',
      track: 'dsa',
      track_name: 'Python DSA',
      minutes: 45,
      replaces: 'Fundamentals/Basics or catch-up',
    },
  ],
  unplaced: [
    { track: 'dsa', track_name: 'Python DSA', minutes: 45, blocks: ['w1'] },
    { track: 'proj', track_name: 'Project work', minutes: 570, blocks: ['p1', 'p2'] },
  ],
  rest_minutes: 60,
};

export const overlapError: ErrorBody = {
  kind: 'conflict',
  message: 'it would overlap “Python DSA” (08:00–09:30) on 2025-08-19',
  diagnostics: [],
};

export const outsidePlanError: ErrorBody = {
  kind: 'invalid_input',
  message: 'today (2025-12-03) is outside the plan (2025-08-04 – 2025-10-05); pass a week',
  diagnostics: [],
};
