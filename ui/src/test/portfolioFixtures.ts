// The reference plan's portfolio (senior-de-2025) as core would answer it on Wed 27 Aug 2025 (week 2):
// three projects with their items, deliverables, success criteria and quality criteria; the weekly plan
// checklist copied into each week with the items data fills in; the environment setup list; one item
// the plan no longer has. Built from a state of ticks and evidence, so a test can answer a change with
// the portfolio core would return, counts included.
import type { EvidenceView } from '../lib/bindings/EvidenceView';
import type { ItemView } from '../lib/bindings/ItemView';
import type { Measurement } from '../lib/bindings/Measurement';
import type { ProjectStatus } from '../lib/bindings/ProjectStatus';
import type { ReadmeState } from '../lib/bindings/ReadmeState';
import type { Checklist, Portfolio, Project, Section, Tally, Week } from '../lib/api/portfolio';

export const PORTFOLIO_TODAY = '2025-08-27';

/** Ticks (item id → when, RFC 3339) and evidence (item id → evidence) held in the store. */
export type PortfolioState = { ticks: Map<string, string>; evidence: Map<string, EvidenceView[]> };

/** Core's slug: the text's head (before a short `name:`), lower-case words joined by `-`, at most 40 bytes. */
export function slug(text: string): string {
  const i = text.indexOf(':');
  const name = i < 0 ? '' : text.slice(0, i).trim();
  const head = name.length >= 2 && name.length <= 40 ? text.slice(0, i) : text;
  let out = '';
  for (const word of head.split(/[^A-Za-z0-9]+/).filter(Boolean)) {
    if (out && out.length + 1 + word.length > 40) break;
    out += (out ? '-' : '') + word.toLowerCase();
  }
  return out.slice(0, 40) || 'item';
}

function tally(items: readonly { done: boolean }[]): Tally {
  const done = items.filter((i) => i.done).length;
  return { done, total: items.length, percent: items.length ? Math.floor((done * 100) / items.length) : 0 };
}

function merge(parts: readonly Tally[]): Tally {
  const done = parts.reduce((n, t) => n + t.done, 0);
  const total = parts.reduce((n, t) => n + t.total, 0);
  return { done, total, percent: total ? Math.floor((done * 100) / total) : 0 };
}

function item(
  s: PortfolioState,
  id: string,
  text: string,
  kind: string,
  over: { group?: string | null; measured?: Measurement[]; begun?: boolean } = {},
): ItemView {
  const measured = over.measured ?? [];
  const filled = measured.length > 0 && (over.begun ?? true) && measured.every((m) => m.met);
  const doneAt = s.ticks.get(id) ?? null;
  return {
    id,
    text,
    kind,
    group: over.group ?? null,
    done: doneAt !== null || filled,
    ticked: doneAt !== null,
    done_at: doneAt,
    measured,
    filled,
    evidence: s.evidence.get(id) ?? [],
  };
}

export const QUALITY_CRITERIA = [
  'Code quality: linted, typed (where reasonable), unit tests + some integration tests; reproducible Makefile or scripts.',
  'Observability: logs/metrics; for streaming—consumer lag/throughput; for batch—runtime/row counts; basic dashboards or emitted metrics.',
  'Data quality: dbt or Great Expectations tests; clear failure pathways; idempotency/retries.',
  'Documentation: architecture diagram; run instructions; SLA/SLOs; backfill/replay; cost/security considerations; tradeoffs; failure playbook.',
  'Operability: retries/exponential backoff; DLQ/quarantine; env configs; Secrets management.',
  'Version control: feature branches; PRs; CI checks must pass.',
];

const CRITERIA = ['All quality criteria met', 'Includes one notable performance or cost insight'];

type ProjectSpec = {
  id: string;
  title: string;
  summary: string;
  group: string;
  week: number;
  due: string;
  items: string[];
  deliverables: string[];
  readme: ReadmeState | null;
};

const PROJECTS: ProjectSpec[] = [
  {
    id: 'p1-log-etl',
    title: 'Project 1 (Sun): Log ETL + Analytics in Postgres',
    summary: 'Foundations + Postgres analytics',
    group: 'Week 1: Foundations: Linux, Git, SQL Core, Python Baseline',
    week: 1,
    due: '2025-08-24',
    items: [
      'Parse nginx/app logs → staging → cleaned → marts in Postgres.',
      'SQL analytics: sessionization, top-K endpoints, p95 latency; indexes vs scans; plan screenshots.',
    ],
    deliverables: ['Tests', 'Dockerfile', 'Makefile', 'CI (lint+test)', 'README', 'ERD', 'performance notes'],
    readme: { path: 'p1-log-etl/README.md', missing: false, written: 5, total: 16, percent: 31 },
  },
  {
    id: 'p2-s3-lake',
    title: 'Project 2: S3 Lake with dbt + Glue + Lambda',
    summary: 'S3 + Glue + dbt + Lambda + Athena',
    group: 'Week 2: S3 Lake + Glue Catalog + Athena + dbt + Lambda',
    week: 2,
    due: '2025-08-31',
    items: [
      'Raw → bronze; convert to Parquet (silver); marts (gold) with dbt.',
      'Data quality: dbt tests; cost notes (Athena scanned bytes); IAM snippets.',
      'CI: run dbt tests on PR; publish dbt docs as artifact.',
    ],
    deliverables: [],
    readme: { path: 'p2-s3-lake/README.md', missing: true, written: 0, total: 16, percent: 0 },
  },
  {
    id: 'p3-medallion',
    title: 'Project 3: Medallion Pipeline on Databricks + Glue Job',
    summary: 'Databricks + Delta + Glue ETL',
    group: 'Week 3: Spark + Delta (Databricks) and Glue ETL (Spark)',
    week: 3,
    due: '2025-09-07',
    items: [
      'Bronze→Silver→Gold; CDC via MERGE; late data handling; schema evolution.',
      'One Glue ETL job for a batch step; tests (pytest + chispa); job parameters.',
    ],
    deliverables: [],
    readme: null,
  },
];

function section(key: string, title: string, items: ItemView[]): Section {
  return { key, title, completeness: tally(items), items };
}

function project(s: PortfolioState, p: ProjectSpec): Project {
  const kinds: [string, string, string[]][] = [
    ['item', 'Items', p.items],
    ['deliverable', 'Deliverables', p.deliverables],
    ['criterion', 'Success criteria', CRITERIA],
  ];
  const sections = kinds
    .filter(([, , texts]) => texts.length > 0)
    .map(([kind, title, texts]) => section(kind, title, texts.map((t) => item(s, `${p.id}:${kind}:${slug(t)}`, t, kind))));
  sections.push(
    section(
      'quality-criteria',
      '11. Senior-Level Quality Criteria (every weekly project must include)',
      QUALITY_CRITERIA.map((t) => item(s, `${p.id}:quality-criteria:${slug(t)}`, t, 'quality')),
    ),
  );
  const delivered = item(s, `${p.id}:delivered`, 'Delivered', 'delivered');
  const all = sections.flatMap((x) => x.items);
  const started = all.some((i) => i.ticked || i.evidence.length > 0) || (p.readme !== null && !p.readme.missing);
  const status: ProjectStatus = delivered.ticked ? 'delivered' : started ? 'in_progress' : 'not_started';
  return {
    id: p.id,
    title: p.title,
    summary: p.summary,
    group: p.group,
    week: p.week,
    due: p.due,
    status,
    delivered_on: delivered.done_at ? delivered.done_at.slice(0, 10) : null,
    delivered,
    completeness: merge(sections.map((x) => x.completeness)),
    sections,
    readme: p.readme,
    documents: p.id === 'p1-log-etl' ? [{ path: 'p1-log-etl/adr/0001-postgres-over-duckdb.md', kind: 'adr' }] : [],
  };
}

const WEEKLY_PLAN = [
  'Python DSA: 25–35 problems, notes logged, misses revisited',
  'SQL: 5–10 advanced queries, EXPLAIN captured, 1+ perf improvement',
  'Labs completed; notes on cost/security/perf',
  'Project delivered with tests, docs, diagrams, quality gates',
  'CI pipeline green; PR merged; release notes updated',
];

const WEEKS: [number, string, string, string][] = [
  [1, 'Foundations: Linux, Git, SQL Core, Python Baseline', '2025-08-19', '2025-08-24'],
  [2, 'S3 Lake + Glue Catalog + Athena + dbt + Lambda', '2025-08-25', '2025-08-31'],
  [3, 'Spark + Delta (Databricks) and Glue ETL (Spark)', '2025-09-01', '2025-09-07'],
];

/** What the week's data says: problems solved, misses revisited, queries, projects delivered. */
const MEASURES: Record<number, { dsa: number; revisited: [number, number]; sql: number }> = {
  1: { dsa: 27, revisited: [0, 1], sql: 7 },
  2: { dsa: 12, revisited: [2, 2], sql: 3 },
  3: { dsa: 0, revisited: [0, 0], sql: 0 },
};

function measured(s: PortfolioState, week: number, text: string, projects: Project[]): Measurement[] {
  const m = MEASURES[week]!;
  const goal = (measure: string, label: string, value: number, min: number, max: number): Measurement => ({
    measure,
    label,
    value,
    target: `${min}–${max}`,
    met: value >= min,
  });
  if (text.startsWith('Python DSA')) {
    const [closed, all] = m.revisited;
    return [
      goal('goal:dsa-problems', 'Python DSA problems', m.dsa, 25, 35),
      { measure: 'mistakes:revisited', label: 'misses revisited', value: closed, target: `all ${all}`, met: closed === all },
    ];
  }
  if (text.startsWith('SQL')) return [goal('goal:sql-queries', 'Advanced SQL queries', m.sql, 5, 10)];
  if (text.startsWith('Project delivered')) {
    const mine = projects.filter((p) => p.week === week);
    const delivered = mine.filter((p) => s.ticks.has(p.delivered.id)).length;
    return [
      {
        measure: 'projects:delivered',
        label: 'projects delivered',
        value: delivered,
        target: `all ${mine.length}`,
        met: mine.length > 0 && delivered === mine.length,
      },
    ];
  }
  return [];
}

function week(s: PortfolioState, [number, title, start, end]: (typeof WEEKS)[number], projects: Project[]): Week {
  const items = WEEKLY_PLAN.map((t) =>
    item(s, `weekly-plan:w${number}:${slug(t)}`, t, 'check', {
      measured: measured(s, number, t, projects),
      begun: start <= PORTFOLIO_TODAY,
    }),
  );
  const list: Checklist = {
    list: 'weekly-plan',
    title: 'A. Weekly Plan Checklist',
    scope: 'weekly',
    week: number,
    completeness: tally(items),
    items,
  };
  const mine = projects.filter((p) => p.week === number);
  return {
    number,
    title,
    start,
    end,
    completeness: merge([list.completeness, ...mine.map((p) => p.completeness)]),
    projects: mine.map((p) => p.id),
    checklists: [list],
  };
}

const SETUP: [string, string[]][] = [
  [
    'OS/Dev',
    [
      'Linux (native or WSL2), Docker + Docker Compose, Python 3.11+, pyenv/poetry, Git, pre-commit.',
      'Quality: ruff/flake8, black, isort, mypy, pytest, tox.',
    ],
  ],
  ['Data infra (local via Docker unless noted)', ['Postgres', 'Airflow', 'Kafka + Schema Registry']],
  ['CI', ['Jenkins (Docker) or GitHub Actions.']],
];

function setup(s: PortfolioState): Checklist {
  const items = SETUP.flatMap(([group, texts]) =>
    texts.map((t) => item(s, `environment-setup:${slug(t)}`, t, 'check', { group })),
  );
  return {
    list: 'environment-setup',
    title: '3. Environment Setup (Day 1) — complete on 2025-08-19',
    scope: 'once',
    week: null,
    completeness: tally(items),
    items,
  };
}

/** The portfolio for state `s`. */
export function buildPortfolio(s: PortfolioState): Portfolio {
  const projects = PROJECTS.map((p) => project(s, p));
  const weeks = WEEKS.map((w) => week(s, w, projects));
  const checklists = [setup(s)];
  const history: ItemView[] = [
    {
      id: 'p1-log-etl:deliverable:benchmarks',
      text: 'Benchmarks',
      kind: 'deliverable',
      group: null,
      done: true,
      ticked: true,
      done_at: '2025-08-22T18:04:00Z',
      measured: [],
      filled: false,
      evidence: [],
    },
  ];
  return {
    plan_id: 'senior-de-2025',
    plan_title: 'Senior Data Engineering Study Plan',
    today: PORTFOLIO_TODAY,
    current_week: 2,
    completeness: merge([
      ...projects.map((p) => p.completeness),
      ...weeks.flatMap((w) => w.checklists.map((c) => c.completeness)),
      ...checklists.map((c) => c.completeness),
    ]),
    projects,
    weeks,
    checklists,
    history,
    matrices: [['quality-criteria', '11. Senior-Level Quality Criteria (every weekly project must include)']],
  };
}

/** Week 1's Project 1 half done (two items, three deliverables, the code-quality criterion), with evidence; Project 2 delivered on 27 Aug. */
export function portfolioState(): PortfolioState {
  const at = '2025-08-23T17:30:00Z';
  return {
    ticks: new Map([
      ['p1-log-etl:item:parse-nginx-app-logs-staging-cleaned', at],
      ['p1-log-etl:item:sql-analytics', at],
      ['p1-log-etl:deliverable:tests', at],
      ['p1-log-etl:deliverable:dockerfile', at],
      ['p1-log-etl:deliverable:makefile', at],
      ['p1-log-etl:quality-criteria:code-quality', at],
      ['p2-s3-lake:item:raw-bronze-convert-to-parquet-silver', '2025-08-26T10:00:00Z'],
      ['p2-s3-lake:delivered', '2025-08-27T09:15:00Z'],
      ['weekly-plan:w1:labs-completed-notes-on-cost-security', '2025-08-24T19:00:00Z'],
      ['environment-setup:postgres', '2025-08-19T08:00:00Z'],
    ]),
    evidence: new Map([
      [
        'p1-log-etl:deliverable:tests',
        [
          {
            id: 7,
            kind: 'url',
            value: 'https://github.com/ada/de-portfolio-2025/actions/runs/42',
            repo: null,
            added_at: '2025-08-23T17:31:00Z',
            missing: false,
          },
          {
            id: 8,
            kind: 'commit',
            value: '3f9c2ab41d0e',
            repo: '/home/ada/src/de-portfolio-2025',
            added_at: '2025-08-23T17:32:00Z',
            missing: false,
          },
        ],
      ],
      [
        'p1-log-etl:deliverable:dockerfile',
        [{ id: 9, kind: 'path', value: 'p1-log-etl/Dockerfile', repo: null, added_at: '2025-08-23T17:33:00Z', missing: true }],
      ],
    ]),
  };
}

/** The portfolio as loaded. */
export const portfolio: Portfolio = buildPortfolio(portfolioState());
