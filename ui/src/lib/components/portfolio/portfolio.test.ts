// Portfolio words and shapes: counts, status, due dates and "overdue", card groups, criterion names, the
// quality matrix, the first week shown, commit ids, what an export or import did.
import { describe, expect, it } from 'vitest';
import type { Project } from '../../api/portfolio';
import { portfolio } from '../../../test/fixtures';
import {
  criterionName,
  exportText,
  firstWeek,
  importText,
  isEmpty,
  isOverdue,
  looksLikeCommit,
  matrixOf,
  projectGroups,
  readmeText,
  statusText,
  tallyLong,
  tallyText,
  whenText,
} from './portfolio';

const [p1, p2, p3] = portfolio.projects as [Project, Project, Project];

describe('portfolio words', () => {
  it('counts like an Org-mode cookie', () => {
    expect(tallyText({ done: 5, total: 8, percent: 62 })).toBe('5/8');
    expect(tallyLong({ done: 12, total: 48, percent: 25 })).toBe('12/48 items · 25 %');
    expect(tallyLong({ done: 1, total: 1, percent: 100 })).toBe('1/1 item · 100 %');
  });

  it("names a project's status, week and due date, and its README", () => {
    expect(statusText(p1)).toBe('In progress');
    expect(statusText(p2)).toBe('Delivered 27 Aug');
    expect(statusText({ ...p2, delivered_on: null })).toBe('Delivered');
    expect(statusText(p3)).toBe('Not started');
    expect(whenText(p1)).toBe('Week 1 · due Sun 24 Aug');
    expect(whenText({ ...p1, week: null })).toBe('due Sun 24 Aug');
    expect(whenText({ ...p1, week: null, due: null })).toBe('');
    expect(readmeText(p1.readme)).toBe('README 5/16 sections');
    expect(readmeText(p2.readme)).toBe('README missing');
    expect(readmeText(null)).toBe('No README yet');
  });

  it('calls a project overdue only when late, not delivered, with items open', () => {
    expect(isOverdue(p1, '2025-08-27')).toBe(true);
    expect(isOverdue(p1, '2025-08-24')).toBe(false);
    expect(isOverdue(p2, '2025-09-30')).toBe(false);
    expect(isOverdue({ ...p1, completeness: { done: 17, total: 17, percent: 100 } }, '2025-08-27')).toBe(false);
    expect(isOverdue({ ...p1, due: null }, '2025-08-27')).toBe(false);
  });

  it('groups cards only when projects share a group, in plan order', () => {
    expect(projectGroups(portfolio.projects).map((g) => [g.title, g.projects.length])).toEqual([[null, 3]]);
    const tiers = projectGroups([{ ...p1, group: 'Tier 1' }, { ...p2, group: 'Tier 2' }, { ...p3, group: 'Tier 1' }]);
    expect(tiers.map((g) => [g.title, g.projects.map((p) => p.id)])).toEqual([
      ['Tier 1', ['p1-log-etl', 'p3-medallion']],
      ['Tier 2', ['p2-s3-lake']],
    ]);
    const some = projectGroups([{ ...p1, group: 'Tier 1' }, { ...p2, group: 'Tier 1' }, { ...p3, group: null }]);
    expect(some.map((g) => g.title)).toEqual(['Tier 1', 'Other projects']);
  });

  it('shortens a criterion to its name', () => {
    expect(criterionName('Code quality: linted, typed (where reasonable), unit tests')).toBe('Code quality');
    expect(criterionName('All quality criteria met')).toBe('All quality criteria met');
    expect(criterionName(': odd')).toBe(': odd');
  });

  it('lays the quality matrix out by project and criterion, leaving gaps where a project lacks one', () => {
    const m = matrixOf(portfolio, 'quality-criteria');
    expect(m.columns.map((c) => c.name)).toEqual([
      'Code quality',
      'Observability',
      'Data quality',
      'Documentation',
      'Operability',
      'Version control',
    ]);
    expect(m.rows.map((r) => [r.project.id, tallyText(r.tally)])).toEqual([
      ['p1-log-etl', '1/6'],
      ['p2-s3-lake', '0/6'],
      ['p3-medallion', '0/6'],
    ]);
    expect(m.rows[0]!.cells[0]!.id).toBe('p1-log-etl:quality-criteria:code-quality');

    const shorter = {
      ...portfolio,
      projects: [
        p1,
        { ...p2, sections: p2.sections.map((s) => (s.key === 'quality-criteria' ? { ...s, items: s.items.slice(1) } : s)) },
      ],
    };
    expect(matrixOf(shorter, 'quality-criteria').rows[1]!.cells[0]).toBeNull();
    expect(matrixOf(portfolio, 'nothing')).toEqual({ columns: [], rows: [] });
  });

  it("shows today's week first, else week 1, else the first", () => {
    expect(firstWeek(portfolio)).toBe(2);
    expect(firstWeek({ ...portfolio, current_week: null })).toBe(1);
    expect(firstWeek({ ...portfolio, current_week: null, weeks: portfolio.weeks.slice(1) })).toBe(2);
    expect(firstWeek({ ...portfolio, weeks: [] })).toBeNull();
  });

  it('knows an empty portfolio', () => {
    expect(isEmpty(portfolio)).toBe(false);
    expect(isEmpty({ ...portfolio, projects: [], checklists: [] })).toBe(false);
    expect(isEmpty({ ...portfolio, projects: [], checklists: [], weeks: [] })).toBe(true);
  });

  it('offers a repository for what looks like a commit id', () => {
    expect(looksLikeCommit('3f9c2ab')).toBe(true);
    expect(looksLikeCommit(' 3F9C2AB41D0E ')).toBe(true);
    expect(looksLikeCommit('3f9c2a')).toBe(false);
    expect(looksLikeCommit('docs/erd.png')).toBe(false);
  });

  it('says what an export and an import did', () => {
    expect(exportText({ path: '/w/portfolio.md', section_replaced: true, bytes: 10 })).toBe(
      'Updated the studyplan section of /w/portfolio.md.',
    );
    expect(exportText({ path: '/w/portfolio.html', section_replaced: false, bytes: 10 })).toBe('Wrote /w/portfolio.html.');
    expect(importText({ matched: 1, changed: 0, problems: [] })).toBe('Read portfolio.md: 1 item matched, 0 changed.');
    expect(
      importText({
        matched: 3,
        changed: 1,
        problems: [
          { line: 4, id: 'a', reason: 'x' },
          { line: 9, id: 'b', reason: 'y' },
        ],
      }),
    ).toBe('Read portfolio.md: 3 items matched, 1 changed. 2 lines were not applied:');
  });
});
