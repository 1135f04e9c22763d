// Sample data for the Calendar tests (a week of blocks, milestones, a re-plan, core's refusals), and
// where the time grid drew an event.
import type { BlockView } from '../lib/bindings/BlockView';
import type { ErrorBody } from '../lib/bindings/ErrorBody';
import type { MilestoneView } from '../lib/bindings/MilestoneView';
import type { ReplanView } from '../lib/bindings/ReplanView';
import { block } from './fixtures';

/** The week the Calendar tests show (Mon 18 – Sun 24 Aug 2025). */
export const WEEK = { from: '2025-08-18', to: '2025-08-24' };

/**
 * The arguments of the calls of `cmd` for `range` (the week shown, by default): the Calendar also fetches the
 * ranges around it ahead, which the tests of one range leave aside.
 */
export function callsFor(
  calls: readonly { cmd: string; args: Record<string, unknown> }[],
  cmd: string,
  range: { from: string; to: string } = WEEK,
): Record<string, unknown>[] {
  return calls.filter((c) => c.cmd === cmd && c.args.from === range.from && c.args.to === range.to).map((c) => c.args);
}

/** The day column (Monday = 1) the time grid drew an event in, as a string ("" when not in one). */
export function dayColumn(el: HTMLElement): string {
  const col = el.closest<HTMLElement>('[data-date]');
  if (!col?.parentElement) return '';
  return String([...col.parentElement.querySelectorAll(':scope > [data-date]')].indexOf(col) + 1);
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
