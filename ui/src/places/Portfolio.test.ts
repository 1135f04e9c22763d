// Portfolio: progress above the portfolio; loading, error, no plan, empty; project cards with n/m, status,
// due date, README and "overdue"; ticking items through portfolio_check; evidence; measured items; the
// week picker; the quality matrix; history; export and import.
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Portfolio as PortfolioData } from '../lib/api/portfolio';
import type { ErrorBody } from '../lib/bindings/ErrorBody';
import type { EvidenceKind } from '../lib/bindings/EvidenceKind';
import { noPlanOverview, overview, portfolio, progress, ready, storageError } from '../test/fixtures';
import { fails, mockCommands, never, type Answer } from '../test/ipc';
import { buildPortfolio, portfolioState } from '../test/portfolioFixtures';
import { noTeam } from '../test/teamFixtures';
import Portfolio from './Portfolio.svelte';

const renderPortfolio = (o = overview) => render(Portfolio, { overview: ready(o), onreload: vi.fn() });
const text = (el: Element) => el.textContent?.replace(/\s+/g, ' ').trim() ?? '';

// jsdom has no canvas: the chart is skipped (its data is tested in chartConfig.test.ts and ProgressSection.test.ts).
beforeEach(() => {
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
});

/** Core with a store behind it: each change answers the portfolio as it then is. */
function core(over: Record<string, Answer> = {}) {
  const state = portfolioState();
  let nextEvidence = 100;
  const view = () => buildPortfolio(state);
  return mockCommands({
    portfolio: view,
    progress,
    mistakes_list: [],
    certifications: [],
    team_view: fails(noTeam),
    portfolio_check: ({ item, done }) => {
      const id = item as string;
      if (done) state.ticks.set(id, state.ticks.get(id) ?? '2025-08-27T12:00:00Z');
      else state.ticks.delete(id);
      return view();
    },
    portfolio_evidence_add: ({ item, value, repo }) => {
      const v = value as string;
      const kind: EvidenceKind = v.startsWith('https://') ? 'url' : /^[0-9a-f]{7,64}$/.test(v) ? 'commit' : 'path';
      const list = state.evidence.get(item as string) ?? [];
      const e = { id: nextEvidence++, kind, value: v, repo: (repo as string | null) ?? null, added_at: '2025-08-27T12:00:00Z', missing: false };
      state.evidence.set(item as string, [...list, e]);
      return view();
    },
    portfolio_evidence_remove: ({ id }) => {
      for (const [item, list] of state.evidence) state.evidence.set(item, list.filter((e) => e.id !== id));
      return view();
    },
    ...over,
  });
}

async function openProject(id: string) {
  const toggle = await screen.findByTestId(`project-toggle-${id}`);
  await userEvent.click(toggle);
  return screen.getByTestId(`project-${id}`);
}

const invalid = (message: string): ErrorBody => ({ kind: 'invalid_input', message, diagnostics: [] });

describe('Portfolio', () => {
  it('shows skeletons while loading', () => {
    mockCommands({ portfolio: never(), progress: never(), mistakes_list: never(), team_view: never() });
    renderPortfolio();
    expect(screen.getByRole('heading', { level: 1, name: 'Portfolio' })).toBeInTheDocument();
    expect(screen.getAllByRole('status').map((s) => s.textContent)).toEqual(['Loading progress…', 'Loading the portfolio…']);
  });

  it("shows core's error in words, with a retry", async () => {
    const calls = mockCommands({ portfolio: fails(storageError), progress, mistakes_list: [], team_view: fails(noTeam) });
    renderPortfolio();
    const alert = await screen.findByTestId('error');
    expect(alert).toHaveAttribute('role', 'alert');
    expect(alert).toHaveTextContent("Couldn't load the portfolio");
    expect(alert).toHaveTextContent('database error: disk I/O error');
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(calls.filter((c) => c.cmd === 'portfolio')).toHaveLength(2);
  });

  it('says when the plan has no projects and no checklists', async () => {
    const empty: PortfolioData = { ...portfolio, projects: [], weeks: [], checklists: [], history: [], matrices: [] };
    mockCommands({ portfolio: empty, progress, mistakes_list: [], team_view: fails(noTeam) });
    renderPortfolio();
    expect(await screen.findByRole('heading', { name: 'No projects or checklists in this plan' })).toBeInTheDocument();
    expect(screen.queryByTestId('portfolio-total')).not.toBeInTheDocument();
  });

  it('says no plan is loaded, for progress and the portfolio, without asking core for progress', async () => {
    const calls = mockCommands({ portfolio: fails({ kind: 'not_found', message: 'no plan is active; load a plan first', diagnostics: [] }) });
    renderPortfolio(noPlanOverview);
    expect(await screen.findByRole('heading', { name: 'No plan loaded' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'No progress to show yet' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Load a plan in Settings' })).toHaveAttribute('href', '#/settings');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(calls.map((c) => c.cmd)).toEqual(['portfolio']);
  });

  it('shows progress above the portfolio', async () => {
    core();
    renderPortfolio();
    const section = await screen.findByTestId('progress');
    expect(within(section).getByRole('heading', { level: 2, name: 'Progress' })).toBeInTheDocument();
    expect(await within(section).findByTestId('progress-chart')).toBeInTheDocument();
    const card = await screen.findByTestId('project-p1-log-etl');
    expect(section.compareDocumentPosition(card) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('shows each project as a card: week and due date, status, n/m, README, overdue, Delivered box', async () => {
    core();
    renderPortfolio();
    const p1 = await screen.findByTestId('project-p1-log-etl');
    const { done, total, percent } = portfolio.completeness;
    expect(screen.getByTestId('portfolio-total')).toHaveTextContent(`${done}/${total} items · ${percent} %`);
    expect(within(p1).getByRole('heading', { level: 3, name: 'Project 1 (Sun): Log ETL + Analytics in Postgres' })).toBeInTheDocument();
    expect(p1).toHaveTextContent('Foundations + Postgres analytics');
    expect(p1).toHaveTextContent('Week 1 · due Sun 24 Aug');
    expect(screen.getByTestId('project-status-p1-log-etl')).toHaveTextContent('In progress');
    expect(screen.getByTestId('project-completeness-p1-log-etl')).toHaveTextContent(/^6\/17$/);
    expect(within(p1).getByRole('progressbar', { name: 'Project 1 (Sun): Log ETL + Analytics in Postgres progress' })).toHaveAttribute(
      'aria-valuenow',
      '6',
    );
    expect(screen.getByTestId('project-readme-p1-log-etl')).toHaveTextContent('README 5/16 sections');
    expect(screen.getByTestId('project-overdue-p1-log-etl')).toHaveTextContent('overdue');
    expect(screen.getByTestId('item-p1-log-etl:delivered')).not.toBeChecked();
    expect(within(p1).getByRole('checkbox', { name: 'Delivered: Project 1 (Sun): Log ETL + Analytics in Postgres' })).toBe(
      screen.getByTestId('item-p1-log-etl:delivered'),
    );

    expect(screen.getByTestId('project-status-p2-s3-lake')).toHaveTextContent('Delivered 27 Aug');
    expect(screen.getByTestId('item-p2-s3-lake:delivered')).toBeChecked();
    expect(text(screen.getByTestId('project-readme-p2-s3-lake'))).toBe('README missing: p2-s3-lake/README.md');
    expect(screen.queryByTestId('project-overdue-p2-s3-lake')).not.toBeInTheDocument();

    expect(screen.getByTestId('project-status-p3-medallion')).toHaveTextContent('Not started');
    expect(screen.getByTestId('project-completeness-p3-medallion')).toHaveTextContent('0/10');
    expect(screen.getByTestId('project-readme-p3-medallion')).toHaveTextContent('No README yet');
    expect(screen.queryByTestId('project-overdue-p3-medallion')).not.toBeInTheDocument();
    // One group per project says nothing the cards don't: no group headings.
    expect(screen.queryByRole('heading', { name: /^Week 1: Foundations/ })).not.toBeInTheDocument();
  });

  it('groups the cards when projects share groups (tiers)', async () => {
    const tiered: PortfolioData = {
      ...portfolio,
      projects: portfolio.projects.map((p, i) => ({ ...p, group: i < 2 ? 'Tier 1 — Foundations' : 'Tier 2 — Streaming' })),
    };
    mockCommands({ portfolio: tiered, progress, mistakes_list: [], team_view: fails(noTeam) });
    renderPortfolio();
    const tier1 = (await screen.findByRole('heading', { level: 3, name: 'Tier 1 — Foundations' })).closest('section')!;
    expect(within(tier1).getByTestId('project-p1-log-etl')).toBeInTheDocument();
    expect(within(tier1).getByTestId('project-p2-s3-lake')).toBeInTheDocument();
    expect(within(tier1).getByRole('heading', { level: 4, name: /^Project 2/ })).toBeInTheDocument();
    const tier2 = screen.getByRole('heading', { level: 3, name: 'Tier 2 — Streaming' }).closest('section')!;
    expect(within(tier2).getByTestId('project-p3-medallion')).toBeInTheDocument();
  });

  it('opens a card on its sections with their items and evidence', async () => {
    const calls = core({ open_external: null });
    renderPortfolio();
    const toggle = await screen.findByTestId('project-toggle-p1-log-etl');
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(toggle).toHaveAccessibleName('Show items of Project 1 (Sun): Log ETL + Analytics in Postgres');
    expect(screen.queryByTestId('item-p1-log-etl:deliverable:erd')).not.toBeInTheDocument();
    const card = await openProject('p1-log-etl');
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(within(card).getAllByRole('heading', { level: 4 }).map(text)).toEqual([
      'Items',
      'Deliverables',
      'Success criteria',
      '11. Senior-Level Quality Criteria (every weekly project must include)',
      'Documents',
    ]);
    expect(screen.getByTestId('item-p1-log-etl:item:sql-analytics')).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'ERD' })).toBe(screen.getByTestId('item-p1-log-etl:deliverable:erd'));
    expect(screen.getByRole('checkbox', { name: 'ERD' })).not.toBeChecked();
    expect(card).toHaveTextContent('p1-log-etl/adr/0001-postgres-over-duckdb.md');

    // A link opens in the browser on a click; a path is shown as code, flagged when missing; a commit by its short id.
    const link = within(screen.getByTestId('evidence-7')).getByRole('button', {
      name: 'https://github.com/ada/de-portfolio-2025/actions/runs/42',
    });
    expect(text(screen.getByTestId('evidence-8'))).toBe('commit 3f9c2ab in /home/ada/src/de-portfolio-2025 Remove');
    expect(text(screen.getByTestId('evidence-9'))).toBe('p1-log-etl/Dockerfile missing Remove');
    expect(within(screen.getByTestId('evidence-9')).getByText('missing')).toHaveClass('missing');
    expect(screen.queryByTestId('evidence-1')).not.toBeInTheDocument();
    expect(calls.some((c) => c.cmd === 'open_external')).toBe(false);
    await userEvent.click(link);
    expect(calls.at(-1)).toEqual({ cmd: 'open_external', args: { url: 'https://github.com/ada/de-portfolio-2025/actions/runs/42' } });

    await userEvent.click(toggle);
    expect(screen.queryByTestId('item-p1-log-etl:deliverable:erd')).not.toBeInTheDocument();
  });

  it('ticks an item through core by its id, shows what core stored, and keeps the focus', async () => {
    const calls = core();
    renderPortfolio();
    await openProject('p1-log-etl');
    const box = screen.getByTestId('item-p1-log-etl:deliverable:erd');
    await userEvent.click(box);
    expect(calls.at(-1)).toEqual({ cmd: 'portfolio_check', args: { item: 'p1-log-etl:deliverable:erd', done: true } });
    expect(await screen.findByText('7/17')).toBeInTheDocument();
    expect(screen.getByTestId('project-completeness-p1-log-etl')).toHaveTextContent('7/17');
    expect(box).toBeChecked();
    expect(box).toHaveFocus();

    await userEvent.click(screen.getByRole('checkbox', { name: 'Tests' }));
    expect(calls.at(-1)).toEqual({ cmd: 'portfolio_check', args: { item: 'p1-log-etl:deliverable:tests', done: false } });
    expect(await screen.findByText('6/17')).toBeInTheDocument();

    // Delivering the project.
    await userEvent.click(screen.getByTestId('item-p1-log-etl:delivered'));
    expect(calls.at(-1)).toEqual({ cmd: 'portfolio_check', args: { item: 'p1-log-etl:delivered', done: true } });
    expect(await screen.findByText('Delivered 27 Aug', { selector: '[data-testid="project-status-p1-log-etl"]' })).toBeInTheDocument();
    expect(screen.queryByTestId('project-overdue-p1-log-etl')).not.toBeInTheDocument();
  });

  it('ignores clicks on an item while its save is in flight', async () => {
    let answer: (v: PortfolioData) => void = () => {};
    const calls = core({ portfolio_check: () => new Promise<PortfolioData>((r) => (answer = r)) });
    renderPortfolio();
    await openProject('p1-log-etl');
    const box = screen.getByTestId('item-p1-log-etl:deliverable:erd');
    await userEvent.click(box);
    expect(box).toBeChecked();
    expect(box).toHaveAttribute('aria-busy', 'true');
    await userEvent.click(box);
    expect(box).toBeChecked();
    expect(calls.filter((c) => c.cmd === 'portfolio_check')).toHaveLength(1);
    const state = portfolioState();
    state.ticks.set('p1-log-etl:deliverable:erd', '2025-08-27T12:00:00Z');
    answer(buildPortfolio(state));
    await vi.waitFor(() => expect(box).toHaveAttribute('aria-busy', 'false'));
    expect(box).toBeChecked();
  });

  it('puts the box back and explains when saving a tick fails', async () => {
    core({ portfolio_check: fails(storageError) });
    renderPortfolio();
    await openProject('p1-log-etl');
    const box = screen.getByTestId('item-p1-log-etl:deliverable:erd');
    await userEvent.click(box);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent("Couldn't save that tick");
    expect(alert).toHaveTextContent('database error: disk I/O error');
    expect(box).not.toBeChecked();
    expect(screen.getByTestId('project-completeness-p1-log-etl')).toHaveTextContent('6/17');
  });

  it('adds evidence through core with Enter, and offers the repository for a commit id', async () => {
    const calls = core();
    renderPortfolio();
    await openProject('p1-log-etl');
    // Folded until asked for; the button names its item, and opening it puts the cursor in the input.
    const unfold = screen.getByTestId('evidence-open-p1-log-etl:deliverable:erd');
    expect(unfold).toHaveAccessibleName('+ Evidence for ERD');
    await userEvent.click(unfold);
    const input = screen.getByTestId('evidence-input-p1-log-etl:deliverable:erd');
    expect(input).toHaveFocus();
    expect(input).toHaveAccessibleName('Evidence for ERD');
    await userEvent.type(input, 'p1-log-etl/docs/erd.png{Enter}');
    expect(calls.at(-1)).toEqual({
      cmd: 'portfolio_evidence_add',
      args: { item: 'p1-log-etl:deliverable:erd', value: 'p1-log-etl/docs/erd.png', repo: null },
    });
    expect(await screen.findByTestId('evidence-100')).toHaveTextContent('p1-log-etl/docs/erd.png');
    expect(input).toHaveValue('');
    expect(input).toHaveFocus();
    // The project now has evidence: in progress, even without a tick.
    expect(screen.getByTestId('project-status-p1-log-etl')).toHaveTextContent('In progress');

    expect(screen.queryByRole('textbox', { name: 'Repository' })).not.toBeInTheDocument();
    await userEvent.type(input, '9e1d0c7');
    const repo = within(screen.getByTestId('project-p1-log-etl')).getByRole('textbox', { name: 'Repository' });
    await userEvent.type(repo, '/home/ada/src/de-portfolio-2025');
    await userEvent.click(screen.getByTestId('evidence-add-p1-log-etl:deliverable:erd'));
    expect(calls.at(-1)).toEqual({
      cmd: 'portfolio_evidence_add',
      args: { item: 'p1-log-etl:deliverable:erd', value: '9e1d0c7', repo: '/home/ada/src/de-portfolio-2025' },
    });
    expect(text(await screen.findByTestId('evidence-101'))).toBe('commit 9e1d0c7 in /home/ada/src/de-portfolio-2025 Remove');
  });

  it("shows core's refusal of evidence under the input", async () => {
    const message =
      'evidence is a link (https://…), a path inside the documents workspace, or a git commit id (7–64 hex digits)';
    core({ portfolio_evidence_add: fails(invalid(message)) });
    renderPortfolio();
    await openProject('p1-log-etl');
    await userEvent.click(screen.getByTestId('evidence-open-p1-log-etl:deliverable:erd'));
    const input = screen.getByTestId('evidence-input-p1-log-etl:deliverable:erd');
    await userEvent.type(input, 'ftp://example.com/erd.png{Enter}');
    const error = await screen.findByTestId('evidence-error-p1-log-etl:deliverable:erd');
    expect(error).toHaveAttribute('role', 'alert');
    expect(error).toHaveTextContent(message);
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription(message);
    expect(input).toHaveValue('ftp://example.com/erd.png');
  });

  it('removes evidence through core and keeps the keyboard in the item', async () => {
    const calls = core();
    renderPortfolio();
    await openProject('p1-log-etl');
    await userEvent.click(within(screen.getByTestId('evidence-9')).getByRole('button', { name: 'Remove p1-log-etl/Dockerfile' }));
    expect(calls.at(-1)).toEqual({ cmd: 'portfolio_evidence_remove', args: { item: 'p1-log-etl:deliverable:dockerfile', id: 9 } });
    await vi.waitFor(() => expect(screen.queryByTestId('evidence-9')).not.toBeInTheDocument());
    expect(screen.getByTestId('evidence-open-p1-log-etl:deliverable:dockerfile')).toHaveFocus();
  });

  it('folds the evidence input again with Esc when it is empty', async () => {
    core();
    renderPortfolio();
    await openProject('p1-log-etl');
    await userEvent.click(screen.getByTestId('evidence-open-p1-log-etl:deliverable:erd'));
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByTestId('evidence-input-p1-log-etl:deliverable:erd')).not.toBeInTheDocument();
    expect(screen.getByTestId('evidence-open-p1-log-etl:deliverable:erd')).toHaveFocus();
  });

  it("shows what data filled in for measured items, this week first; they stay tickable", async () => {
    const calls = core();
    renderPortfolio();
    const picker = await screen.findByTestId('week-picker');
    expect(picker).toHaveValue('2');
    const week2 = screen.getByTestId('week-checklist-weekly-plan-w2');
    expect(within(week2).getByRole('heading', { level: 3, name: 'A. Weekly Plan Checklist' })).toBeInTheDocument();
    expect(text(screen.getByTestId('measured-weekly-plan:w2:python-dsa'))).toBe(
      'Filled from data: Python DSA problems 12 (goal 25–35) ✗ · misses revisited 2 (goal all 2) ✓',
    );
    expect(screen.getByTestId('item-weekly-plan:w2:python-dsa')).not.toBeChecked();
    // The box is described by that line.
    const line = screen.getByTestId('measured-weekly-plan:w2:python-dsa');
    expect(screen.getByTestId('item-weekly-plan:w2:python-dsa')).toHaveAttribute('aria-describedby', line.id);
    // Project 2 was delivered: the week's delivery item filled itself.
    const delivered = screen.getByTestId('item-weekly-plan:w2:project-delivered-with-tests-docs');
    expect(delivered).toBeChecked();
    expect(delivered.closest('li')).toHaveTextContent('filled from data');
    expect(text(screen.getByTestId('measured-weekly-plan:w2:project-delivered-with-tests-docs'))).toBe(
      'Filled from data: projects delivered 1 (goal all 1) ✓',
    );
    expect(screen.queryByTestId('measured-weekly-plan:w2:labs-completed-notes-on-cost-security')).not.toBeInTheDocument();

    await userEvent.click(screen.getByTestId('item-weekly-plan:w2:python-dsa'));
    expect(calls.at(-1)).toEqual({ cmd: 'portfolio_check', args: { item: 'weekly-plan:w2:python-dsa', done: true } });
    await vi.waitFor(() => expect(screen.getByTestId('item-weekly-plan:w2:python-dsa')).toBeChecked());
  });

  it('switches weeks with the picker and the previous / next buttons', async () => {
    core();
    renderPortfolio();
    const picker = await screen.findByTestId('week-picker');
    expect(screen.getByTestId('week-completeness')).toHaveTextContent(/\d+\/\d+ items · \d+ %/);
    await userEvent.selectOptions(picker, '1');
    expect(screen.getByTestId('week-checklist-weekly-plan-w1')).toBeInTheDocument();
    expect(screen.queryByTestId('week-checklist-weekly-plan-w2')).not.toBeInTheDocument();
    expect(screen.getByTestId('week-1')).toHaveTextContent('Week 1: Foundations: Linux, Git, SQL Core, Python Baseline');
    expect(screen.getByTestId('week-1')).toHaveTextContent('Projects: Project 1 (Sun): Log ETL + Analytics in Postgres');
    // Week 1's queries met their goal: done from data, not by hand.
    expect(screen.getByTestId('item-weekly-plan:w1:sql')).toBeChecked();
    expect(text(screen.getByTestId('measured-weekly-plan:w1:python-dsa'))).toBe(
      'Filled from data: Python DSA problems 27 (goal 25–35) ✓ · misses revisited 0 (goal all 1) ✗',
    );

    const prev = screen.getByRole('button', { name: 'Previous week' });
    expect(prev).toHaveAttribute('aria-disabled', 'true');
    await userEvent.click(prev);
    expect(picker).toHaveValue('1');
    await userEvent.click(screen.getByRole('button', { name: 'Next week' }));
    await userEvent.click(screen.getByRole('button', { name: 'Next week' }));
    expect(picker).toHaveValue('3');
    expect(screen.getByTestId('week-checklist-weekly-plan-w3')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Next week' })).toHaveAttribute('aria-disabled', 'true');
  });

  it('shows the quality criteria as a matrix of projects and criteria, ticked like the cards', async () => {
    const calls = core();
    renderPortfolio();
    const table = await screen.findByTestId('matrix-quality-criteria');
    const headers = within(table).getAllByRole('columnheader').map(text);
    expect(headers).toEqual([
      'Project',
      'Code quality',
      'Observability',
      'Data quality',
      'Documentation',
      'Operability',
      'Version control',
      'Done',
    ]);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => text(within(r).getByRole('rowheader')))).toEqual(portfolio.projects.map((p) => p.title));
    expect(text(rows[0]!.lastElementChild!)).toBe('1/6');
    const p1 = 'Project 1 (Sun): Log ETL + Analytics in Postgres';
    expect(within(table).getByRole('checkbox', { name: `Code quality — ${p1}` })).toBeChecked();
    const cell = within(table).getByRole('checkbox', { name: `Observability — ${p1}` });
    expect(cell).not.toBeChecked();
    await userEvent.click(cell);
    expect(calls.at(-1)).toEqual({ cmd: 'portfolio_check', args: { item: 'p1-log-etl:quality-criteria:observability', done: true } });
    await vi.waitFor(() => expect(text(rows[0]!.lastElementChild!)).toBe('2/6'));
    expect(cell).toBeChecked();
    expect(cell).toHaveFocus();
    expect(screen.getByTestId('project-completeness-p1-log-etl')).toHaveTextContent('7/17');
  });

  it('shows the once checklists with their groups', async () => {
    core();
    renderPortfolio();
    const list = await screen.findByTestId('checklist-environment-setup');
    expect(within(list).getByRole('heading', { level: 3, name: '3. Environment Setup (Day 1) — complete on 2025-08-19' })).toBeInTheDocument();
    expect(within(list).getAllByRole('heading', { level: 4 }).map(text)).toEqual([
      'OS/Dev',
      'Data infra (local via Docker unless noted)',
      'CI',
    ]);
    expect(list).toHaveTextContent('1/6');
    expect(within(list).getByRole('checkbox', { name: 'Postgres' })).toBeChecked();
  });

  it('keeps items the plan no longer has in a closed, read-only history', async () => {
    core();
    renderPortfolio();
    const history = await screen.findByTestId('portfolio-history');
    expect(within(history).getByRole('heading', { level: 2, name: 'No longer in the plan (1)' })).toBeInTheDocument();
    expect(history.querySelector('details')).not.toHaveAttribute('open');
    const row = screen.getByTestId('history-p1-log-etl:deliverable:benchmarks');
    expect(row).toHaveTextContent('✓ Ticked Benchmarks');
    expect(within(row).queryByRole('checkbox')).not.toBeInTheDocument();
  });

  it('exports Markdown and HTML and says where the file went', async () => {
    const calls = core({
      portfolio_export: ({ format }) => ({
        path: `/home/ada/studyplan/senior-de-2025/portfolio.${format as string}`,
        section_replaced: format === 'md',
        bytes: 4096,
      }),
    });
    renderPortfolio();
    const status = await screen.findByTestId('portfolio-io-status');
    expect(status).toHaveAttribute('role', 'status');
    await userEvent.click(screen.getByTestId('portfolio-export-md'));
    expect(calls.at(-1)).toEqual({ cmd: 'portfolio_export', args: { format: 'md' } });
    await vi.waitFor(() =>
      expect(status).toHaveTextContent('Updated the studyplan section of /home/ada/studyplan/senior-de-2025/portfolio.md.'),
    );
    await userEvent.click(screen.getByTestId('portfolio-export-html'));
    expect(calls.at(-1)).toEqual({ cmd: 'portfolio_export', args: { format: 'html' } });
    await vi.waitFor(() => expect(status).toHaveTextContent('Wrote /home/ada/studyplan/senior-de-2025/portfolio.html.'));
  });

  it("shows core's refusal to overwrite a portfolio.md it did not write", async () => {
    const message =
      '/home/ada/studyplan/senior-de-2025/portfolio.md exists and has no studyplan portfolio section (add the lines `<!-- studyplan:portfolio:begin -->` and `<!-- studyplan:portfolio:end -->` where the list should go); pass --force to replace it';
    core({ portfolio_export: fails({ kind: 'conflict', message, diagnostics: [] }) });
    renderPortfolio();
    await userEvent.click(await screen.findByTestId('portfolio-export-md'));
    const alert = await screen.findByTestId('portfolio-io-error');
    expect(alert).toHaveTextContent("Couldn't export the portfolio as Markdown");
    expect(alert).toHaveTextContent(message);
    expect(screen.getByTestId('portfolio-io-status')).toHaveTextContent('');
  });

  it('imports the ticks from portfolio.md, lists the lines not applied, and shows the portfolio again', async () => {
    const calls = core({
      portfolio_import: {
        matched: 14,
        changed: 2,
        problems: [{ line: 31, id: 'p1-log-etl:deliverable:benchmark', reason: 'no such item in the plan' }],
      },
    });
    renderPortfolio();
    await userEvent.click(await screen.findByTestId('portfolio-import-md'));
    const status = screen.getByTestId('portfolio-io-status');
    await vi.waitFor(() =>
      expect(text(status)).toBe(
        'Read portfolio.md: 14 items matched, 2 changed. 1 line was not applied: Line 31 (p1-log-etl:deliverable:benchmark): no such item in the plan',
      ),
    );
    expect(calls.filter((c) => c.cmd === 'portfolio')).toHaveLength(2);
    expect(calls.find((c) => c.cmd === 'portfolio_import')).toEqual({ cmd: 'portfolio_import', args: {} });
  });
});
