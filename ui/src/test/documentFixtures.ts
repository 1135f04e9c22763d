// Sample documents workspace shaped like core's answers, for the Documents tests. ADR link titles are
// adr-tools' link text, as core sends them: "N. Title".
import type { Completeness } from '../lib/bindings/Completeness';
import type { DocumentContent } from '../lib/bindings/DocumentContent';
import type { DocumentEntry } from '../lib/bindings/DocumentEntry';
import type { DocumentList } from '../lib/bindings/DocumentList';

export function entry(over: Partial<DocumentEntry> & Pick<DocumentEntry, 'path' | 'kind'>): DocumentEntry {
  return {
    title: '',
    number: null,
    status: null,
    date: null,
    project: null,
    week: null,
    links: [],
    status_history: [],
    duplicate: false,
    problem: null,
    changed_outside: false,
    completeness: null,
    ...over,
  };
}

export const readmeCompleteness: Completeness = {
  sections: [
    { name: 'Goal', state: 'written', line: 3 },
    { name: 'Architecture', state: 'placeholder', line: 7 },
    { name: 'How to run', state: 'missing', line: null },
  ],
  deliverables: [
    { name: 'Bronze table', mentioned: true },
    { name: 'Benchmark notebook', mentioned: false },
  ],
  written: 1,
  total: 3,
  percent: 33.3,
};

export const adr1 = entry({
  path: 'docs/adr/0001-record-architecture-decisions.md',
  kind: 'adr',
  title: 'Record architecture decisions',
  number: 1,
  status: 'Accepted',
  date: '2025-08-04',
  status_history: [
    { status: 'Proposed', date: '2025-08-04' },
    { status: 'Accepted', date: '2025-08-05' },
  ],
});

export const adr2 = entry({
  path: 'docs/adr/0002-use-parquet.md',
  kind: 'adr',
  title: 'Use Parquet for raw data',
  number: 2,
  status: 'Superseded by 3',
  date: '2025-08-06',
  links: [
    { kind: 'Superseded by', target_number: 3, target_path: 'docs/adr/0003-use-delta-lake.md', target_title: '3. Use Delta Lake' },
  ],
  status_history: [
    { status: 'Accepted', date: '2025-08-06' },
    { status: 'Superseded', date: '2025-08-12' },
  ],
});

export const adr3 = entry({
  path: 'docs/adr/0003-use-delta-lake.md',
  kind: 'adr',
  title: 'Use Delta Lake',
  number: 3,
  status: 'Proposed',
  date: '2025-08-12',
  links: [
    {
      kind: 'Supersedes',
      target_number: 2,
      target_path: 'docs/adr/0002-use-parquet.md',
      target_title: '2. Use Parquet for raw data',
    },
    {
      kind: 'Amends',
      target_number: 1,
      target_path: 'docs/adr/0001-record-architecture-decisions.md',
      target_title: '1. Record architecture decisions',
    },
  ],
  status_history: [{ status: 'Proposed', date: '2025-08-12' }],
});

export const adr3dup = entry({
  path: 'docs/adr/0003-partition-by-day.md',
  kind: 'adr',
  title: 'Partition by day',
  number: 3,
  status: 'Proposed',
  date: '2025-08-13',
  duplicate: true,
});

export const readme = entry({
  path: 'projects/lakehouse/README.md',
  kind: 'readme',
  title: 'Lakehouse',
  project: 'lakehouse',
  week: 3,
  completeness: readmeCompleteness,
});

export const log18 = entry({ path: 'logs/2025-08-18.md', kind: 'daily_log', title: '2025-08-18', date: '2025-08-18' });
export const log19 = entry({
  path: 'logs/2025-08-19.md',
  kind: 'daily_log',
  title: '2025-08-19',
  date: '2025-08-19',
  changed_outside: true,
});
export const broken = entry({
  path: 'docs/adr/0004-broken.md',
  kind: 'adr',
  title: '',
  problem: 'no "# N. Title" heading on the first line',
});
export const notes = entry({ path: 'notes/ideas.md', kind: 'other', title: 'Ideas' });

export const docList: DocumentList = {
  workspace: '/home/ada/study',
  adr_dir: '/home/ada/study/docs/adr',
  entries: [log18, adr3, readme, adr1, notes, broken, log19, adr2, adr3dup],
  projects: [
    { id: 'lakehouse', title: 'Lakehouse', week: 3, due: '2025-08-24', readme: 'projects/lakehouse/README.md', new_readme_path: 'week-03/README.md' },
    { id: 'streaming', title: 'Streaming pipeline', week: 5, due: '2025-09-07', readme: null, new_readme_path: 'week-05/README.md' },
  ],
  toc: '# Architecture Decision Records\n\n* [1. Record architecture decisions](0001-record-architecture-decisions.md)\n',
};

export const emptyList: DocumentList = {
  workspace: '/home/ada/empty',
  adr_dir: '/home/ada/empty/docs/adr',
  entries: [],
  projects: docList.projects,
  toc: '',
};

export function content(over: Partial<DocumentContent> & Pick<DocumentContent, 'path'>): DocumentContent {
  return {
    abs_path: `/home/ada/study/${over.path}`,
    kind: 'other',
    text: '# Title\n\nBody text.',
    hash: 'h0',
    recovery: null,
    ...over,
  };
}
