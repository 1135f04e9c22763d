// Calendar and the other calendars: busy time fetched with the agenda for the range, drawn read-only in its
// calendar's colour with the calendar's name (not draggable, not opened), all-day ones in the all-day row; a
// block that collides with busy time says so in its details.
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { calendarMilestones, calendarWeek, callsFor, dayColumn } from '../test/calendarFixtures';
import { dayBusy } from '../test/calendarsFixtures';
import { overview, ready, storageError } from '../test/fixtures';
import { fails, mockCommands, type Answer } from '../test/ipc';
import Calendar from './Calendar.svelte';

const text = (el: Element) => el.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** t1 (Tue 09:00–10:30) collides with a meeting added to the work calendar after it was placed. */
const agenda = calendarWeek.map((b) => (b.id === 't1' ? { ...b, busy: 'Design review (Work)' } : b));

function renderCalendar(handlers: Record<string, Answer> = {}) {
  const calls = mockCommands({
    agenda,
    milestones: calendarMilestones,
    revisits: [],
    busy_between: dayBusy,
    certifications: [],
    ...handlers,
  });
  render(Calendar, {
    date: '2025-08-19',
    overview: ready(overview),
    initialView: 'week',
    onnavigate: vi.fn(),
    onopenday: vi.fn(),
    onreload: vi.fn(),
  });
  return calls;
}

const busyEvent = (summary: string) => {
  const found = screen.getAllByTestId('busy-event').find((e) => e.textContent?.includes(summary));
  if (!found) throw new Error(`no busy event “${summary}”`);
  return found;
};

describe('Calendar: busy time of other calendars', () => {
  it('fetches the busy time of the range with the agenda', async () => {
    const calls = renderCalendar();
    await screen.findByTestId('cal-event-t1');
    expect(calls.filter((c) => c.cmd === 'busy_between').map((c) => c.args)).toEqual([
      { from: '2025-08-18', to: '2025-08-24' },
    ]);
  });

  it('draws each instance read-only in its calendar’s colour, with the calendar’s name', async () => {
    renderCalendar();
    await screen.findByTestId('cal-event-t1');
    expect(screen.getAllByTestId('busy-event')).toHaveLength(4);

    const standUp = busyEvent('Team stand-up');
    expect(text(standUp)).toBe('Team stand-up busy · Work 10:30–11:00');
    expect(standUp).toHaveClass('sp-event', 'sp-busy', 'sp-busy-busy');
    expect(standUp).not.toHaveClass('sp-block');
    expect(standUp.getAttribute('style')).toContain('--sp-cal: #5f8a8b');
    expect(dayColumn(standUp)).toBe('2');
    expect(standUp).toHaveAttribute('title', 'Team stand-up — busy · Work, 10:30–11:00 (from another calendar, read-only)');

    // Not a button, not in the Tab order, not draggable nor resizable (unlike a block).
    expect(screen.getByTestId('cal-event-t1')).toHaveAttribute('role', 'button');
    expect(standUp).not.toHaveAttribute('role');
    expect(standUp).not.toHaveAttribute('tabindex');
    expect(standUp).not.toHaveAttribute('aria-haspopup');
    expect(standUp).not.toHaveClass('sp-draggable');
    expect(standUp.querySelector('.sp-resizer')).toBeNull();

    // A click opens nothing.
    await fireEvent.click(standUp);
    expect(screen.queryByTestId('cal-details')).not.toBeInTheDocument();

    expect(text(busyEvent('Lecture: Databases'))).toBe('Lecture: Databases busy · Course 12:00–13:30');
    expect(busyEvent('Lecture: Databases').getAttribute('style')).toContain('--sp-cal: #9a7b4f');
  });

  it('puts all-day instances in the all-day row', async () => {
    renderCalendar();
    await screen.findByTestId('cal-event-t1');
    const summit = busyEvent('Data Summit');
    expect(summit.closest('.sp-all-day')).not.toBeNull();
    expect(summit).toHaveClass('sp-busy-free');
    expect(text(summit)).toBe('Data Summit free · Course');
    expect(busyEvent('Team stand-up').closest('.sp-all-day')).toBeNull();
  });

  it('warns in a block’s details when it collides with busy time', async () => {
    renderCalendar();
    const t1 = await screen.findByTestId('cal-event-t1');
    t1.focus();
    await userEvent.keyboard('{Enter}');
    const details = await screen.findByTestId('cal-details');
    expect(within(details).getByTestId('block-busy')).toHaveTextContent('Collides with Design review (Work)');
    expect(t1).toHaveTextContent('⚠ Busy');

    await userEvent.keyboard('{Escape}');
    await fireEvent.click(screen.getByTestId('cal-event-t2'));
    const other = await screen.findByTestId('cal-details');
    expect(within(other).queryByTestId('block-busy')).not.toBeInTheDocument();
  });

  it('still shows the blocks when only the busy time fails, and says so', async () => {
    const calls = renderCalendar({ busy_between: fails(storageError) });
    expect(await screen.findByTestId('cal-event-t1')).toBeInTheDocument();
    const alert = screen.getByTestId('cal-busy-error');
    expect(alert).toHaveTextContent("Couldn't load the busy time of your other calendars");
    expect(alert).toHaveTextContent('database error: disk I/O error');
    expect(screen.queryByTestId('busy-event')).not.toBeInTheDocument();
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await vi.waitFor(() => expect(callsFor(calls, 'busy_between')).toHaveLength(2));
  });
});
