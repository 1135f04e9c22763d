// Portfolio: progress above the checklists; loading, error, empty, full checklists, ticking items through checklist_set.
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChecklistView } from '../lib/bindings/ChecklistView';
import { checklists, noPlanOverview, overview, progress, ready, storageError } from '../test/fixtures';
import { fails, mockCommands, never } from '../test/ipc';
import Portfolio from './Portfolio.svelte';

const renderPortfolio = (o = overview) => render(Portfolio, { overview: ready(o), onreload: vi.fn() });

// jsdom has no canvas: the chart is skipped (its data is tested in chartConfig.test.ts and ProgressSection.test.ts).
beforeEach(() => {
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
});

/** What core would answer after setting item `id`. */
function afterSet(id: number, done: boolean): ChecklistView {
  const list = checklists[0]!;
  const items = list.items.map((i) => (i.id === id ? { ...i, done } : i));
  return { ...list, items, done: items.filter((i) => i.done).length };
}

describe('Portfolio', () => {
  it('shows checklist skeletons while loading', () => {
    mockCommands({ portfolio: never(), progress: never(), mistakes_list: never() });
    renderPortfolio();
    expect(screen.getByRole('heading', { level: 1, name: 'Portfolio' })).toBeInTheDocument();
    expect(screen.getAllByRole('status').map((s) => s.textContent)).toEqual(['Loading progress…', 'Loading checklists…']);
  });

  it("shows core's error in words", async () => {
    mockCommands({ portfolio: fails(storageError), progress, mistakes_list: [] });
    renderPortfolio();
    const alert = await screen.findByTestId('error');
    expect(alert).toHaveAttribute('role', 'alert');
    expect(alert).toHaveTextContent('database error: disk I/O error');
  });

  it('says when there are no checklists, or no plan', async () => {
    mockCommands({ portfolio: [], progress, mistakes_list: [] });
    renderPortfolio();
    expect(await screen.findByRole('heading', { name: 'No checklists in this plan' })).toBeInTheDocument();
  });

  it('says no plan is loaded, for progress and checklists, without asking core for progress', async () => {
    const calls = mockCommands({ portfolio: [] });
    renderPortfolio(noPlanOverview);
    expect(await screen.findByRole('heading', { name: 'No plan loaded' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'No progress to show yet' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Load a plan in Settings' })).toHaveAttribute('href', '#/settings');
    expect(calls.map((c) => c.cmd)).toEqual(['portfolio']);
  });

  it('shows progress above the checklists: chart, goals, streak, milestones', async () => {
    mockCommands({ portfolio: checklists, progress, mistakes_list: [] });
    renderPortfolio();
    const section = await screen.findByTestId('progress');
    expect(within(section).getByRole('heading', { level: 2, name: 'Progress' })).toBeInTheDocument();
    expect(await within(section).findByTestId('progress-chart')).toBeInTheDocument();
    expect(within(section).getByTestId('goal-dsa-problems')).toHaveTextContent('5 of 25–35 problems');
    expect(within(section).getByTestId('goal-sql-perf-fix')).toHaveTextContent('not counted by studyplan yet');
    expect(within(section).getByTestId('streak')).toHaveTextContent('2 days in a row · best 5');
    expect(within(section).getByTestId('milestones-ahead')).toHaveTextContent('Project 1 delivered');
    const list = await screen.findByTestId('checklist-portfolio');
    expect(section.compareDocumentPosition(list) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it("shows core's progress error without hiding the checklists", async () => {
    mockCommands({ portfolio: checklists, progress: fails(storageError), mistakes_list: [] });
    renderPortfolio();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent("Couldn't load your progress");
    expect(await screen.findByTestId('checklist-portfolio')).toBeInTheDocument();
  });

  it('shows each checklist with progress, groups and ticked items', async () => {
    mockCommands({ portfolio: checklists, progress, mistakes_list: [] });
    renderPortfolio();
    const list = await screen.findByTestId('checklist-portfolio');
    expect(within(list).getByRole('heading', { level: 2, name: 'Portfolio project' })).toBeInTheDocument();
    expect(within(list).getByText('Once')).toBeInTheDocument();
    expect(within(list).getByRole('progressbar', { name: 'Portfolio project progress' })).toHaveAttribute(
      'aria-valuenow',
      '1',
    );
    expect(list).toHaveTextContent('1 of 3 done');
    expect(within(list).getByRole('heading', { level: 3, name: 'Repository' })).toBeInTheDocument();
    expect(within(list).getByRole('heading', { level: 3, name: 'Demo' })).toBeInTheDocument();
    expect(within(screen.getByTestId('checklist-item-1')).getByRole('checkbox')).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'CI runs the tests' })).not.toBeChecked();
    expect(screen.getByTestId('portfolio-total')).toHaveTextContent('1 of 3 items done across 1 checklist');
  });

  it('ticks an item through core and shows what core stored', async () => {
    const calls = mockCommands({
      portfolio: checklists,
      progress,
      mistakes_list: [],
      checklist_set: (args) => afterSet(args.itemId as number, args.done as boolean),
    });
    renderPortfolio();
    const box = await screen.findByRole('checkbox', { name: 'CI runs the tests' });
    await userEvent.click(box);
    expect(calls.at(-1)).toEqual({ cmd: 'checklist_set', args: { itemId: 2, done: true } });
    expect(await screen.findByText('2 of 3 done')).toBeInTheDocument();
    expect(box).toBeChecked();
    expect(box).toHaveFocus();
    expect(screen.getByTestId('checklist-item-2')).toHaveAttribute('data-done', 'true');

    await userEvent.click(screen.getByRole('checkbox', { name: 'README with architecture diagram' }));
    expect(calls.at(-1)).toEqual({ cmd: 'checklist_set', args: { itemId: 1, done: false } });
  });

  it('puts the box back and explains when saving a tick fails', async () => {
    mockCommands({ portfolio: checklists, progress, mistakes_list: [], checklist_set: fails(storageError) });
    renderPortfolio();
    const box = await screen.findByRole('checkbox', { name: 'CI runs the tests' });
    await userEvent.click(box);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent("Couldn't save that tick");
    expect(alert).toHaveTextContent('database error: disk I/O error');
    expect(box).not.toBeChecked();
    expect(screen.getByText('1 of 3 done')).toBeInTheDocument();
  });
});
