// Today: loading, error, no plan, empty day, full timeline, day navigation.
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { dayBlocks, noPlanOverview, overview, ready, storageError } from '../test/fixtures';
import { fails, mockCommands, never } from '../test/ipc';
import Today from './Today.svelte';

function renderToday(props: Partial<{ date: string | null; overview: typeof overview }> = {}) {
  const onnavigate = vi.fn();
  const onreload = vi.fn();
  render(Today, {
    date: props.date === undefined ? '2025-08-19' : props.date,
    overview: ready(props.overview ?? overview),
    onnavigate,
    onreload,
  });
  return { onnavigate, onreload };
}

describe('Today', () => {
  it('shows a skeleton of the timeline while the day loads', () => {
    mockCommands({ agenda: never(), busy_between: never() });
    renderToday();
    expect(screen.getByRole('heading', { level: 1, name: 'Today' })).toBeInTheDocument();
    expect(screen.getByText('Tue 19 Aug 2025')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent("Loading the day's blocks…");
    expect(screen.getByTestId('loading')).toHaveAttribute('aria-busy', 'true');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows a skeleton while core has not yet said what today is', () => {
    mockCommands({});
    render(Today, { date: null, overview: { status: 'loading' }, onnavigate: vi.fn(), onreload: vi.fn() });
    expect(screen.getByRole('status')).toHaveTextContent("Loading the day's blocks…");
  });

  it("shows core's error in words with a retry", async () => {
    const calls = mockCommands({ agenda: fails(storageError), busy_between: [] });
    renderToday();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveAttribute('data-testid', 'error');
    expect(alert).toHaveTextContent("Couldn't load this day");
    expect(alert).toHaveTextContent('database error: disk I/O error');
    expect(alert).toHaveTextContent('The database could not be read or written');
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(calls.filter((c) => c.cmd === 'agenda')).toHaveLength(2);
  });

  it('says no plan is loaded, and what to do, without asking for blocks', () => {
    const calls = mockCommands({});
    const { onreload } = renderToday({ overview: noPlanOverview });
    expect(screen.getByRole('heading', { name: 'No plan loaded' })).toBeInTheDocument();
    expect(screen.getByText(/in Settings → Plans/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Load a plan' })).toHaveAttribute('href', '#/settings');
    screen.getByRole('button', { name: 'Reload' }).click();
    expect(onreload).toHaveBeenCalled();
    expect(calls).toHaveLength(0);
  });

  it("says when a day has no blocks and offers the plan's first day", async () => {
    mockCommands({ agenda: [], busy_between: [] });
    const { onnavigate } = renderToday({ date: '2025-11-01' });
    expect(await screen.findByRole('heading', { name: 'Nothing planned for Sat 1 Nov 2025' })).toBeInTheDocument();
    expect(screen.getByText(/This day is after the plan ends/)).toHaveTextContent(
      '“Data Engineering in 9 Weeks” runs from Mon 4 Aug 2025 to Sun 5 Oct 2025.',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Go to the first day (Mon 4 Aug)' }));
    expect(onnavigate).toHaveBeenCalledWith('2025-08-04');
  });

  it('shows the day as a timeline: time, track, title, topics, status', async () => {
    const calls = mockCommands({ agenda: dayBlocks, busy_between: [] });
    renderToday();
    const first = await screen.findByTestId('block-b1');
    expect(calls).toEqual([
      { cmd: 'agenda', args: { from: '2025-08-19', to: '2025-08-19' } },
      { cmd: 'busy_between', args: { from: '2025-08-19', to: '2025-08-19' } },
    ]);

    expect(first).toHaveTextContent('09:00–10:30');
    expect(first).toHaveTextContent('1 h 30');
    expect(within(first).getByText('Data Engineering')).toBeInTheDocument();
    expect(within(first).getByRole('heading', { name: 'Spark joins lab' })).toBeInTheDocument();
    expect(within(first).getByText('Spark DataFrames, Delta Lake')).toBeInTheDocument();
    expect(within(first).getByText('Done')).toBeInTheDocument();

    const second = screen.getByTestId('block-b2');
    expect(within(second).getByText('Python DSA')).toBeInTheDocument();
    expect(screen.getByTestId('block-status-b2')).toHaveTextContent('Partial · 45 of 90 min');
    expect(second).toHaveTextContent('Note: Finish problem 3');

    expect(screen.getByTestId('day-summary')).toHaveTextContent('2 blocks · 3 h planned');
    const week = screen.getByRole('complementary', { name: 'Week 3 — Spark + Delta' });
    expect(within(week).getByText('Arrays/Strings, Hashing, Sliding Window')).toBeInTheDocument();
  });

  it('marks the block in progress and the next one on the real today', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2025-08-19T07:30:00Z'));
    try {
      mockCommands({ agenda: dayBlocks, busy_between: [] });
      renderToday();
      expect(within(await screen.findByTestId('block-b1')).getByText('Now')).toBeInTheDocument();
      expect(within(screen.getByTestId('block-b2')).getByText('Next')).toBeInTheDocument();
    } finally {
      vi.useRealTimers();
    }
  });

  it('moves between days with the buttons', async () => {
    mockCommands({ agenda: dayBlocks, busy_between: [] });
    const { onnavigate } = renderToday({ date: '2025-08-20' });
    await userEvent.click(screen.getByRole('button', { name: 'Previous day' }));
    expect(onnavigate).toHaveBeenLastCalledWith('2025-08-19');
    await userEvent.click(screen.getByRole('button', { name: 'Next day' }));
    expect(onnavigate).toHaveBeenLastCalledWith('2025-08-21');
    await userEvent.click(screen.getByRole('button', { name: 'Today' }));
    expect(onnavigate).toHaveBeenLastCalledWith(null);
  });
});

describe('Today: next reminder', () => {
  it('names the next reminder and its time when showing today', async () => {
    mockCommands({ agenda: () => dayBlocks, busy_between: [] });
    renderToday();
    const line = await screen.findByTestId('next-reminder');
    expect(line).toHaveTextContent('Next reminder: In 5 min: Spark joins lab at');
  });

  it('is not shown on another day', async () => {
    mockCommands({ agenda: () => dayBlocks, busy_between: [] });
    renderToday({ date: '2025-08-20' });
    await screen.findByTestId('day-summary');
    expect(screen.queryByTestId('next-reminder')).toBeNull();
  });
});

describe('Today: daily log', () => {
  it('opens the shown day’s log with l or the button, but not while typing', async () => {
    mockCommands({ agenda: dayBlocks, busy_between: [] });
    const onopenlog = vi.fn();
    render(Today, { date: '2025-08-20', overview: ready(overview), onnavigate: vi.fn(), onreload: vi.fn(), onopenlog });
    await screen.findByTestId('day-summary');
    await userEvent.keyboard('l');
    expect(onopenlog).toHaveBeenCalledWith('2025-08-20');
    expect(screen.getByTestId('open-log')).toHaveAttribute('aria-keyshortcuts', 'l');
    await userEvent.click(screen.getByTestId('open-log'));
    expect(onopenlog).toHaveBeenCalledTimes(2);

    await userEvent.click(screen.getByTestId('block-b1'));
    await userEvent.keyboard('n');
    const note = await screen.findByTestId('note-text');
    await userEvent.type(note, 'log');
    expect(onopenlog).toHaveBeenCalledTimes(2);
  });

  it('ignores l while the shortcuts overlay owns the keyboard', async () => {
    mockCommands({ agenda: dayBlocks, busy_between: [] });
    const onopenlog = vi.fn();
    render(Today, { date: '2025-08-20', overview: ready(overview), onnavigate: vi.fn(), onreload: vi.fn(), onopenlog, keyboard: false });
    await screen.findByTestId('day-summary');
    await userEvent.keyboard('l');
    expect(onopenlog).not.toHaveBeenCalled();
  });
});
