// Sample data shaped like core's answers, for the view tests.
import type { AppInfo } from '../lib/bindings/AppInfo';
import type { BlockView } from '../lib/bindings/BlockView';
import type { DocumentTemplateView } from '../lib/bindings/DocumentTemplateView';
import type { ErrorBody } from '../lib/bindings/ErrorBody';
import type { Overview } from '../lib/bindings/Overview';
import type { PlanSummary } from '../lib/bindings/PlanSummary';
import type { Settings } from '../lib/bindings/Settings';
import type { ShippedPlan } from '../lib/bindings/ShippedPlan';
import type { LoadReport } from '../lib/bindings/LoadReport';
import type { Notification } from '../lib/bindings/Notification';
import type { ProgressView } from '../lib/bindings/ProgressView';
import type { Load } from '../lib/resource.svelte';

export const plan: PlanSummary = {
  id: 'de-9w',
  title: 'Data Engineering in 9 Weeks',
  author: 'Ada',
  start: '2025-08-04',
  end: '2025-10-05',
  timezone: 'Europe/Berlin',
  weeks: 9,
  block_count: 180,
  loaded_at: '2025-08-01T10:00:00Z',
  active: true,
};

export const overview: Overview = {
  today: '2025-08-19',
  plan,
  week: {
    number: 3,
    title: 'Spark + Delta',
    start: '2025-08-18',
    end: '2025-08-24',
    topics: [
      { track: 'de', track_name: 'Data Engineering', topics: 'Spark DataFrames, Delta Lake' },
      { track: 'dsa', track_name: 'Python DSA', topics: 'Arrays/Strings, Hashing, Sliding Window' },
    ],
  },
  week_count: 9,
  tracks: [
    { id: 'de', name: 'Data Engineering' },
    { id: 'dsa', name: 'Python DSA' },
  ],
  next_reminder: { title: 'In 5 min: Spark joins lab', date: '2025-08-19', time: '08:55' },
  run_offer: null,
};

export const noPlanOverview: Overview = {
  today: '2025-08-19',
  plan: null,
  week: null,
  week_count: 0,
  tracks: [],
  next_reminder: null,
  run_offer: null,
};

export function ready<T>(data: T): Load<T> {
  return { status: 'ready', data };
}

export function block(over: Partial<BlockView> = {}): BlockView {
  return {
    id: 'b1',
    plan_id: 'de-9w',
    date: '2025-08-19',
    start: '09:00',
    end: '10:30',
    start_utc: '2025-08-19T07:00:00Z',
    end_utc: '2025-08-19T08:30:00Z',
    start_pass: null,
    end_pass: null,
    minutes: 90,
    track: 'de',
    track_name: 'Data Engineering',
    title: 'Spark joins lab',
    note: null,
    status: 'planned',
    minutes_done: null,
    user_note: null,
    problems: null,
    queries: null,
    week: 3,
    topics: 'Spark DataFrames, Delta Lake',
    busy: null,
    ...over,
  };
}

export const dayBlocks: BlockView[] = [
  block({ status: 'done' }),
  block({
    id: 'b2',
    start: '11:00',
    end: '12:30',
    start_utc: '2025-08-19T09:00:00Z',
    end_utc: '2025-08-19T10:30:00Z',
    track: 'dsa',
    track_name: 'Python DSA',
    title: 'Two pointers practice',
    topics: 'Arrays/Strings, Hashing, Sliding Window',
    status: 'partial',
    minutes_done: 45,
    note: 'Finish problem 3',
  }),
];

export const templates: DocumentTemplateView[] = [
  { id: 'adr', plan_id: 'de-9w', title: 'Architecture decision', kind: 'adr', fields: ['Context', 'Decision', 'Consequences'] },
  { id: 'log', plan_id: 'de-9w', title: 'Daily log', kind: 'daily-log', fields: ['Did', 'Learned'] },
];

/** The reference plan's portfolio (built in portfolioFixtures.ts). */
export { portfolio } from './portfolioFixtures';

export const settings: Settings = {
  reminder_lead_minutes: 10,
  quiet_hours_start: '22:00',
  quiet_hours_end: '07:00',
  close_to_tray: true,
  muted_tracks: [],
  reminders_paused_until: null,
  start_at_login: false,
  stored_problem: null,
};

export const appInfo: AppInfo = {
  version: '0.1.0',
  db_path: '/home/ada/.local/share/studyplan/studyplan.db',
  schema_version: 4,
  timezone: 'Europe/Berlin',
};

export const storageError: ErrorBody = {
  kind: 'storage',
  message: 'database error: disk I/O error',
  diagnostics: [],
};

/** One absolute plan (dates of its own) and one relative plan with variants. */
export const shippedPlans: ShippedPlan[] = [
  {
    id: 'senior-de-2025',
    title: 'Senior Data Engineering Study Plan',
    summary: 'Nine weeks of data engineering, Python DSA and SQL.',
    relative: false,
    start: '2025-08-19',
    end: '2025-10-18',
    weeks: null,
    variants: [],
  },
  {
    id: 'de-30-projects',
    title: 'Advanced Data Engineering with Python',
    summary: '30 hands-on projects in three tiers.',
    relative: true,
    start: null,
    end: null,
    weeks: 12,
    variants: ['12-week', '20-week', 'self-paced'],
  },
];

export const seniorPlan: PlanSummary = {
  id: 'senior-de-2025',
  title: 'Senior Data Engineering Study Plan',
  author: null,
  start: '2025-08-19',
  end: '2025-10-18',
  timezone: 'Europe/Berlin',
  weeks: 9,
  block_count: 392,
  loaded_at: '2025-08-02T10:00:00Z',
  active: true,
};

export const firstLoad: LoadReport = {
  plan: seniorPlan,
  reloaded: false,
  added: 392,
  moved: 0,
  removed: 0,
  unchanged: 0,
  history_kept: 0,
  portfolio_kept: [],
};

/** Three weeks of the 9-week plan, week 3 (today's) half done; one goal core counts, one it doesn't. */
export const progress: ProgressView = {
  plan_id: 'de-9w',
  week: 3,
  weeks: [
    {
      number: 1,
      title: 'Foundations',
      start: '2025-08-04',
      end: '2025-08-10',
      tracks: [
        { track: 'de', track_name: 'Data Engineering', planned: 600, done: 540 },
        { track: 'dsa', track_name: 'Python DSA', planned: 300, done: 300 },
      ],
    },
    {
      number: 2,
      title: 'Cloud storage',
      start: '2025-08-11',
      end: '2025-08-17',
      tracks: [
        { track: 'de', track_name: 'Data Engineering', planned: 600, done: 450 },
        { track: 'dsa', track_name: 'Python DSA', planned: 300, done: 120 },
      ],
    },
    {
      number: 3,
      title: 'Spark + Delta',
      start: '2025-08-18',
      end: '2025-08-24',
      tracks: [
        { track: 'de', track_name: 'Data Engineering', planned: 540, done: 90 },
        { track: 'dsa', track_name: 'Python DSA', planned: 270, done: 45 },
      ],
    },
  ],
  goals: [
    {
      id: 'dsa-problems',
      label: 'Python: 25–35 DSA problems/week',
      track: 'dsa',
      metric: 'problems',
      min: 25,
      max: 35,
      per: 'week',
      value: 5,
      certification: null,
    },
    {
      id: 'sql-perf-fix',
      label: 'SQL: at least one performance fix documented',
      track: 'dsa',
      metric: 'performance-fixes',
      min: 1,
      max: null,
      per: 'week',
      value: null,
      certification: null,
    },
    {
      id: 'dea-practice',
      label: 'Two full-length practice exams before the DEA exam',
      track: null,
      metric: 'practice-exams',
      min: 2,
      max: null,
      per: 'plan',
      value: null,
      certification: 'dea',
    },
  ],
  streak_days: 2,
  best_streak_days: 5,
  milestones_ahead: [
    {
      title: 'Project 1 delivered',
      kind: 'delivery',
      start: '2025-08-24',
      end: '2025-08-24',
      note: null,
    },
    {
      title: 'Databricks Data Engineer Associate',
      kind: 'exam',
      start: '2025-09-08',
      end: '2025-09-21',
      note: 'Sit around Week 4–5.',
    },
  ],
};

/** A block reminder as the engine sends it (with Snooze / Done). */
export const blockReminder: Notification = {
  key: 'b1|pre',
  subject: 'b1',
  kind: 'pre',
  title: 'In 10 min: Spark joins lab',
  body: '09:00–10:30 · Spark DataFrames, Delta Lake',
  actions: true,
};
