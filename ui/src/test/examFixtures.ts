// Certifications shaped like core's answers (today is Tue 19 Aug 2025): the Databricks associate on the
// Data Engineering track (window Mon 8 – Sun 21 Sep, one practice exam of two, behind), a Python
// certification on the DSA track (ready); a remediation proposal; and a core stand-in that keeps the
// practice exams logged.
import type { CertificationView } from '../lib/bindings/CertificationView';
import type { PracticeExamView } from '../lib/bindings/PracticeExamView';
import type { Readiness } from '../lib/bindings/Readiness';
import type { Remediation } from '../lib/bindings/Remediation';
import type { Answer } from './ipc';

export const dea: CertificationView = {
  id: 'dea',
  title: 'Databricks Data Engineer Associate',
  track: 'de',
  track_name: 'Data Engineering',
  window_start: '2025-09-08',
  window_end: '2025-09-21',
  practice_required: 2,
  practice_done: 1,
  practice_logged: 2,
  pass_percent: 70,
  domains: [
    { id: 'spark', name: 'Spark SQL & DataFrames', weight: 30 },
    { id: 'delta', name: 'Delta Lake', weight: 25 },
    { id: 'prod', name: 'Production pipelines', weight: 20 },
    { id: 'gov', name: 'Data governance', weight: 25 },
  ],
};

export const pyc: CertificationView = {
  id: 'pyc',
  title: 'Python Certified Associate',
  track: 'dsa',
  track_name: 'Python DSA',
  window_start: '2025-10-01',
  window_end: '2025-10-01',
  practice_required: 1,
  practice_done: 1,
  practice_logged: 1,
  pass_percent: 70,
  domains: [
    { id: 'basics', name: 'Basics', weight: 60 },
    { id: 'oop', name: 'OOP', weight: 40 },
  ],
};

/** Weakest first, as core orders them: Delta Lake (55), Production pipelines (never scored), Spark, governance. */
export const deaReadiness: Readiness = {
  cert: dea,
  today: '2025-08-19',
  days_to_window: 20,
  overall_latest: 64,
  overall_trend: [
    { date: '2025-08-11', percent: 58 },
    { date: '2025-08-18', percent: 64 },
  ],
  domains: [
    {
      id: 'delta',
      name: 'Delta Lake',
      weight: 25,
      latest: 55,
      trend: [
        { date: '2025-08-11', percent: 48 },
        { date: '2025-08-18', percent: 55 },
      ],
      weak: true,
      priority: 1125,
    },
    { id: 'prod', name: 'Production pipelines', weight: 20, latest: null, trend: [], weak: true, priority: 720 },
    {
      id: 'spark',
      name: 'Spark SQL & DataFrames',
      weight: 30,
      latest: 78,
      trend: [
        { date: '2025-08-11', percent: 70 },
        { date: '2025-08-18', percent: 78 },
      ],
      weak: false,
      priority: 660,
    },
    { id: 'gov', name: 'Data governance', weight: 25, latest: 80, trend: [{ date: '2025-08-18', percent: 80 }], weak: false, priority: 500 },
  ],
  minutes_planned: 1800,
  minutes_done: 720,
  blocks_to_come: 8,
  minutes_to_come: 720,
  practice_done: 1,
  practice_required: 2,
  ready: false,
  reasons: [
    'latest practice score 64 % is below the pass mark of 70 %',
    '1 of 2 full-length practice exams done',
    'below the pass mark in: Delta Lake',
  ],
  pacing: {
    on_track: false,
    projected_minutes: 1500,
    pace: 0.75,
    defer_weeks: 2,
    deferred_to: '2025-09-22',
    advice:
      'Behind: at this pace 25 h of 30 h planned by the window. Proposal: defer Databricks Data Engineer Associate by 2 weeks (window from 2025-09-22), or add study time before the window.',
  },
};

export const pycReadiness: Readiness = {
  cert: pyc,
  today: '2025-08-19',
  days_to_window: 43,
  overall_latest: 82,
  overall_trend: [{ date: '2025-08-15', percent: 82 }],
  domains: [
    { id: 'oop', name: 'OOP', weight: 40, latest: 75, trend: [{ date: '2025-08-15', percent: 75 }], weak: false, priority: 1000 },
    { id: 'basics', name: 'Basics', weight: 60, latest: 90, trend: [{ date: '2025-08-15', percent: 90 }], weak: false, priority: 600 },
  ],
  minutes_planned: 900,
  minutes_done: 450,
  blocks_to_come: 6,
  minutes_to_come: 450,
  practice_done: 1,
  practice_required: 1,
  ready: true,
  reasons: [],
  pacing: {
    on_track: true,
    projected_minutes: 900,
    pace: 1,
    defer_weeks: null,
    deferred_to: null,
    advice: 'On track: at this pace 15 h of 15 h planned by the window, 0 practice exams still to take in 6 blocks.',
  },
};

export const deaRemediation: Remediation = {
  cert: 'dea',
  blocks: [
    {
      block_id: 'r1',
      date: '2025-08-21',
      start: '09:00',
      end: '10:30',
      minutes: 90,
      domain: 'delta',
      domain_name: 'Delta Lake',
      replaces: 'Spark joins lab',
      title: 'Remediation (DEA): Delta Lake',
    },
    {
      block_id: 'r2',
      date: '2025-08-22',
      start: '09:00',
      end: '10:30',
      minutes: 90,
      domain: 'prod',
      domain_name: 'Production pipelines',
      replaces: 'Streaming ingestion',
      title: 'Remediation (DEA): Production pipelines',
    },
    {
      block_id: 'r3',
      date: '2025-08-25',
      start: '09:00',
      end: '10:30',
      minutes: 90,
      domain: 'delta',
      domain_name: 'Delta Lake',
      replaces: 'Delta time travel',
      title: 'Remediation (DEA): Delta Lake',
    },
  ],
  reason: null,
  renamed: 0,
};

export const nothingToPropose: Remediation = {
  cert: 'pyc',
  blocks: [],
  reason: 'every domain is at or above the pass mark of 70 %',
  renamed: 0,
};

/**
 * Core's certification commands over a store of practice exams: each exam logged counts towards
 * `practice_done` (when full) and `practice_logged`, and comes back with one mistake id per missed question.
 */
export function examsCore(): Record<string, Answer> {
  const done = new Map<string, number>([
    ['dea', dea.practice_done],
    ['pyc', pyc.practice_done],
  ]);
  const logged = new Map<string, number>([
    ['dea', dea.practice_logged],
    ['pyc', pyc.practice_logged],
  ]);
  const fresh = (c: CertificationView): CertificationView => ({
    ...c,
    practice_done: done.get(c.id) ?? 0,
    practice_logged: logged.get(c.id) ?? 0,
  });
  let nextId = 10;
  let nextMistake = 100;
  return {
    certifications: () => [fresh(dea), fresh(pyc)],
    readiness: ({ cert }) => {
      const r = cert === 'dea' ? deaReadiness : pycReadiness;
      const c = fresh(r.cert);
      return { ...r, cert: c, practice_done: c.practice_done };
    },
    practice_exam_log: (args) => {
      const a = args as { cert: string; date: string | null; full: boolean; minutes: number | null; score: string | null; missed: [string, string][] };
      if (a.full) done.set(a.cert, (done.get(a.cert) ?? 0) + 1);
      logged.set(a.cert, (logged.get(a.cert) ?? 0) + 1);
      return {
        id: nextId++,
        cert: a.cert,
        date: a.date ?? '2025-08-19',
        full: a.full,
        minutes: a.minutes,
        score: a.score === null ? 66.5 : Number.parseFloat(a.score),
        domains: [],
        mistakes: a.missed.map(() => nextMistake++),
      } satisfies PracticeExamView;
    },
    remediation_propose: ({ cert }) => (cert === 'dea' ? deaRemediation : nothingToPropose),
    remediation_accept: ({ cert }) =>
      cert === 'dea' ? { ...deaRemediation, renamed: deaRemediation.blocks.length } : nothingToPropose,
  };
}
