// Progress card: loading, error, no plan, full (chart drawn from the data, goals, streak, milestones).
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Overview } from '../../bindings/Overview';
import type { Load } from '../../resource.svelte';
import { noPlanOverview, overview, progress, ready, storageError } from '../../../test/fixtures';
import { fails, mockCommands, never } from '../../../test/ipc';
import { buildChartConfig } from './chartConfig';
import ProgressSection from './ProgressSection.svelte';

// Chart.js can't draw in jsdom: a stand-in records what it was given.
const charts = vi.hoisted(() => [] as { canvas: unknown; config: unknown; destroyed: boolean }[]);
vi.mock('chart.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('chart.js')>();
  class FakeChart {
    static register() {}
    record: { canvas: unknown; config: unknown; destroyed: boolean };
    constructor(canvas: unknown, config: unknown) {
      this.record = { canvas, config, destroyed: false };
      charts.push(this.record);
    }
    destroy() {
      this.record.destroyed = true;
    }
  }
  return { ...real, Chart: FakeChart };
});

let canDraw = true;
beforeEach(() => {
  charts.length = 0;
  canDraw = true;
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(
    () => (canDraw ? {} : null) as ReturnType<HTMLCanvasElement['getContext']>,
  );
});

const renderProgress = (o: Load<Overview> = ready(overview)) => render(ProgressSection, { overview: o });

describe('Progress', () => {
  it('shows a skeleton while the overview or the progress loads', () => {
    const calls = mockCommands({ progress: never() });
    renderProgress({ status: 'loading' });
    expect(screen.getByRole('heading', { level: 2, name: 'Progress' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Loading progress…');
    expect(calls).toEqual([]);
  });

  it('keeps the skeleton while core works on it', () => {
    mockCommands({ progress: never() });
    renderProgress();
    expect(screen.getByRole('status')).toHaveTextContent('Loading progress…');
    expect(screen.queryByTestId('progress-chart')).not.toBeInTheDocument();
  });

  it("shows core's error in words, with a way to try again", async () => {
    let failing = true;
    mockCommands({ progress: () => (failing ? Promise.reject(storageError) : progress) });
    renderProgress();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent("Couldn't load your progress");
    expect(alert).toHaveTextContent('database error: disk I/O error');
    failing = false;
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByTestId('progress-chart')).toBeInTheDocument();
  });

  it('points to Settings when no plan is loaded, without asking core', () => {
    const calls = mockCommands({ progress: fails(storageError) });
    renderProgress(ready(noPlanOverview));
    expect(screen.getByRole('heading', { name: 'No progress to show yet' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Load a plan in Settings' })).toHaveAttribute('href', '#/settings');
    expect(calls).toEqual([]);
  });

  it('draws the chart from the data: planned vs done minutes per track per week', async () => {
    mockCommands({ progress });
    const { unmount } = renderProgress();
    const chart = await screen.findByTestId('progress-chart');
    // Chart.js is imported on first use.
    await vi.waitFor(() => expect(charts).toHaveLength(1));
    const drawn = charts[0]!;
    expect(drawn.canvas).toBe(chart.querySelector('canvas'));
    const expected = buildChartConfig(progress);
    const config = drawn.config as typeof expected;
    expect(config.data.labels).toEqual(['W1', 'W2', 'W3']);
    expect(config.data.datasets.map((d) => [d.label, d.stack, d.data])).toEqual([
      ['Data Engineering (planned)', 'planned', [600, 600, 540]],
      ['Data Engineering', 'done', [540, 450, 90]],
      ['Python DSA (planned)', 'planned', [300, 300, 270]],
      ['Python DSA', 'done', [300, 120, 45]],
    ]);
    expect(within(chart).getByRole('img')).toHaveAccessibleName(/planned and done study time per track for 3 weeks/);
    unmount();
    expect(drawn.destroyed).toBe(true);
  });

  it('gives the same numbers as a table', async () => {
    mockCommands({ progress });
    renderProgress();
    const table = await screen.findByRole('table', { name: 'Study time done of planned, per track and week' });
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      'Week',
      'Data Engineering',
      'Python DSA',
    ]);
    const row = within(screen.getByTestId('progress-row-3'));
    expect(row.getByRole('rowheader')).toHaveTextContent('Week 3 · Spark + Delta');
    expect(row.getAllByRole('cell').map((c) => c.textContent)).toEqual(['1 h 30 of 9 h', '45 min of 4 h 30']);
  });

  it('shows the table (and draws nothing) where canvas cannot draw', async () => {
    canDraw = false;
    mockCommands({ progress });
    renderProgress();
    expect(await screen.findByTestId('progress-table')).toBeInTheDocument();
    expect(charts).toHaveLength(0);
  });

  it("shows the week's goals, with 'not counted' instead of 0 when core doesn't count one", async () => {
    mockCommands({ progress });
    renderProgress();
    expect(await screen.findByTestId('progress-week')).toHaveTextContent('Week 3 of 9');
    expect(screen.getByRole('heading', { name: 'Week 3 goals' })).toBeInTheDocument();
    const dsa = screen.getByTestId('goal-dsa-problems');
    expect(dsa).toHaveTextContent('Python: 25–35 DSA problems/week');
    expect(dsa).toHaveTextContent('Python DSA');
    expect(dsa).toHaveTextContent('5 of 25–35 problems · 20 more to reach 25');
    const perf = screen.getByTestId('goal-sql-perf-fix');
    expect(perf).toHaveTextContent('not counted by studyplan yet');
    expect(perf).not.toHaveTextContent(/\b0 of\b/);
    expect(screen.getByRole('heading', { name: 'Across the plan' })).toBeInTheDocument();
    expect(screen.getByTestId('goal-dea-practice')).toHaveTextContent('not counted by studyplan yet');
  });

  it('shows the streak and the milestones ahead', async () => {
    mockCommands({ progress });
    renderProgress();
    expect(await screen.findByTestId('streak')).toHaveTextContent('2 days in a row · best 5');
    const ahead = screen.getByTestId('milestones-ahead');
    const items = within(ahead).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('Project 1 delivered');
    expect(items[0]).toHaveTextContent('Delivery');
    expect(items[0]).toHaveTextContent('Sun 24 Aug');
    expect(items[0]).toHaveTextContent('in 5 days');
    expect(items[1]).toHaveTextContent('Databricks Data Engineer Associate');
    expect(items[1]).toHaveTextContent('Exam');
    expect(items[1]).toHaveTextContent('8 – 21 Sept 2025');
    expect(items[1]).toHaveTextContent('Sit around Week 4–5.');
  });

  it('says when there are no goals, no milestones and nothing planned', async () => {
    mockCommands({
      progress: {
        ...progress,
        weeks: progress.weeks.map((w) => ({ ...w, tracks: [] })),
        goals: [],
        milestones_ahead: [],
        streak_days: 0,
        best_streak_days: 0,
      },
    });
    renderProgress();
    expect(await screen.findByTestId('progress-chart-empty')).toHaveTextContent('No study time is planned');
    expect(screen.getByText('This plan sets no weekly goals.')).toBeInTheDocument();
    expect(screen.getByTestId('milestones-ahead')).toHaveTextContent('No milestones ahead.');
    expect(screen.getByTestId('streak')).toHaveTextContent('0 days in a row · best 0');
    expect(charts).toHaveLength(0);
  });
});
