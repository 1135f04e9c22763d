// Calendar week list: loading, error, no plan, empty week, full week, week navigation.
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { block, noPlanOverview, overview, ready, storageError } from '../test/fixtures';
import { fails, mockCommands, never } from '../test/ipc';
import Calendar from './Calendar.svelte';

function renderCalendar(props: Partial<{ date: string; overview: typeof overview }> = {}) {
  const handlers = { onnavigate: vi.fn(), onopenday: vi.fn(), onreload: vi.fn() };
  render(Calendar, { date: props.date ?? '2025-08-19', overview: ready(props.overview ?? overview), ...handlers });
  return handlers;
}

const weekBlocks = [
  block({ id: 'm1', date: '2025-08-18', start: '08:00', end: '09:00', title: 'Spark intro', status: 'done' }),
  block({ id: 't1', date: '2025-08-19', title: 'Spark joins lab' }),
  block({ id: 't2', date: '2025-08-19', start: '11:00', end: '12:00', track: 'dsa', track_name: 'Python DSA', title: 'Hashing drills' }),
];

describe('Calendar', () => {
  it('shows seven skeleton days while the week loads', () => {
    mockCommands({ agenda: never() });
    renderCalendar();
    expect(screen.getByRole('heading', { level: 1, name: 'Calendar' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Loading the week…');
    expect(screen.getByText('18 – 24 Aug 2025')).toBeInTheDocument();
  });

  it("shows core's error in words", async () => {
    mockCommands({ agenda: fails(storageError) });
    renderCalendar();
    const alert = await screen.findByTestId('error');
    expect(alert).toHaveAttribute('role', 'alert');
    expect(alert).toHaveTextContent("Couldn't load this week");
    expect(alert).toHaveTextContent('database error: disk I/O error');
  });

  it('says no plan is loaded', () => {
    mockCommands({});
    renderCalendar({ overview: noPlanOverview });
    expect(screen.getByRole('heading', { name: 'No plan loaded' })).toBeInTheDocument();
  });

  it("says when a week is empty and offers the plan's first week", async () => {
    mockCommands({ agenda: [] });
    const { onnavigate } = renderCalendar({ date: '2025-12-03' });
    expect(await screen.findByRole('heading', { name: 'Nothing planned this week' })).toBeInTheDocument();
    expect(screen.getByText('“Data Engineering in 9 Weeks” runs from Mon 4 Aug 2025 to Sun 5 Oct 2025.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: "Go to the plan's first week" }));
    expect(onnavigate).toHaveBeenCalledWith('2025-08-04');
  });

  it('lists Monday to Sunday with each day’s blocks', async () => {
    const calls = mockCommands({ agenda: weekBlocks });
    const { onopenday } = renderCalendar();
    const tuesday = await screen.findByTestId('day-2025-08-19');
    expect(calls).toEqual([{ cmd: 'agenda', args: { from: '2025-08-18', to: '2025-08-24' } }]);

    const days = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent?.replace(/\s+/g, ' ').trim());
    expect(days).toEqual(['Mon 18 Aug', 'Tue 19 Aug Today', 'Wed 20 Aug', 'Thu 21 Aug', 'Fri 22 Aug', 'Sat 23 Aug', 'Sun 24 Aug']);

    const rows = within(tuesday).getAllByRole('listitem');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('09:00–10:30');
    expect(rows[0]).toHaveTextContent('Data Engineering');
    expect(rows[0]).toHaveTextContent('Spark joins lab');
    expect(rows[1]).toHaveTextContent('Python DSA');
    expect(rows[1]).toHaveTextContent('Hashing drills');

    expect(within(screen.getByTestId('day-2025-08-18')).getByText('Done')).toBeInTheDocument();
    expect(within(screen.getByTestId('day-2025-08-20')).getByText('Nothing planned')).toBeInTheDocument();
    expect(screen.getByTestId('plan-weeks')).toHaveTextContent('Plan week 3 of 9');

    await userEvent.click(within(tuesday).getByRole('button', { name: 'Tue 19 Aug' }));
    expect(onopenday).toHaveBeenCalledWith('2025-08-19');
  });

  it('moves a week at a time', async () => {
    mockCommands({ agenda: weekBlocks });
    const { onnavigate } = renderCalendar();
    await userEvent.click(screen.getByRole('button', { name: 'Next week' }));
    expect(onnavigate).toHaveBeenLastCalledWith('2025-08-25');
    await userEvent.click(screen.getByRole('button', { name: 'Previous week' }));
    expect(onnavigate).toHaveBeenLastCalledWith('2025-08-11');
    expect(screen.getByRole('button', { name: 'This week' })).toBeDisabled();
  });
});
