// Calendar and mistake revisits: fetched with the agenda for the range, drawn as their own kind (label, class,
// not draggable), a click opens the mistake with Solid / Again, closing reloads the range ("again" adds one).
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { calendarMilestones, calendarWeek, callsFor, dayColumn } from '../test/calendarFixtures';
import { overview, ready, storageError } from '../test/fixtures';
import { fails, mockCommands, type Answer } from '../test/ipc';
import { mistakesCore } from '../test/mistakeFixtures';
import Calendar from './Calendar.svelte';

const text = (el: Element) => el.textContent?.replace(/\s+/g, ' ').trim() ?? '';

function renderCalendar(handlers: Record<string, Answer> = {}) {
  const calls = mockCommands({ agenda: calendarWeek, milestones: calendarMilestones, busy_between: [], ...mistakesCore(), ...handlers });
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


describe('Calendar revisits', () => {
  it('fetches the revisits of the range with the agenda and draws them as their own kind', async () => {
    const calls = renderCalendar();
    const thu = await screen.findByTestId('cal-revisit-11');
    expect(callsFor(calls, 'revisits')).toEqual([{ from: '2025-08-18', to: '2025-08-24' }]);

    // Words, not colour alone: "↻ Revisit:", the topic and the track's name.
    expect(text(thu)).toBe('↻ Revisit: Spark DataFrames, Delta Lake Data Engineering');
    expect(thu).toHaveClass('sp-event', 'sp-revisit', 'sp-revisit-open');
    expect(dayColumn(thu)).toBe('4');
    expect(thu).toHaveAttribute('aria-haspopup', 'dialog');
    // Not draggable nor resizable, unlike a block.
    expect(screen.getByTestId('cal-event-t1')).toHaveClass('sp-draggable');
    expect(thu).not.toHaveClass('sp-draggable');
    expect(thu.querySelector('.sp-resizer')).toBeNull();

    // Closed ones say how they went; those outside the week are not drawn.
    expect(text(screen.getByTestId('cal-revisit-31'))).toBe('↻ Revisit: Hashing Python DSA ✓ Solid');
    expect(screen.getByTestId('cal-revisit-31')).toHaveClass('sp-revisit-solid');
    expect(screen.getByTestId('cal-revisit-22')).toBeInTheDocument();
    expect(screen.queryByTestId('cal-revisit-12')).not.toBeInTheDocument();
    expect(screen.queryByTestId('cal-revisit-21')).not.toBeInTheDocument();
  });

  it('still shows the blocks when only the revisits fail, and says so', async () => {
    renderCalendar({ revisits: fails(storageError) });
    expect(await screen.findByTestId('cal-event-t1')).toBeInTheDocument();
    const alert = screen.getByTestId('cal-revisit-error');
    expect(alert).toHaveTextContent("Couldn't load the mistake revisits");
    expect(alert).toHaveTextContent('database error: disk I/O error');
  });

  it('opens the mistake on click, closes the revisit as solid and reloads the week', async () => {
    const calls = renderCalendar();
    await fireEvent.click(await screen.findByTestId('cal-revisit-11'));
    const panel = await screen.findByTestId('cal-revisit-details');
    expect(within(panel).getByRole('heading', { name: 'Revisit: Spark DataFrames, Delta Lake' })).toHaveFocus();
    expect(within(panel).getByTestId('revisit-when')).toHaveTextContent(
      '48-hour revisit · Thu 21 Aug 2025, 09:00, at the start of the Data Engineering block',
    );
    expect(within(panel).getByTestId('revisit-state')).toHaveTextContent('Open');
    expect(await within(panel).findByTestId('mistake-what-1')).toHaveTextContent('Called collect() on a 40 GB DataFrame');
    expect(within(panel).getByTestId('mistake-fix-1')).toHaveTextContent('Use take(n) or write the result out');
    expect(panel).toHaveTextContent('Mistake of Tue 19 Aug 2025');
    expect(calls.filter((c) => c.cmd === 'mistakes_list').at(-1)?.args).toEqual({ due: false });

    await userEvent.click(within(panel).getByTestId('revisit-solid-11'));
    expect(calls.filter((c) => c.cmd === 'revisit_close')).toEqual([{ cmd: 'revisit_close', args: { id: 11, outcome: 'solid' } }]);
    expect(await within(panel).findByTestId('revisit-done')).toHaveTextContent('Marked solid.');
    expect(within(panel).getByTestId('revisit-done')).toHaveFocus();
    expect(within(panel).getByTestId('revisit-state')).toHaveTextContent('Solid (closed Tue 19 Aug 2025)');
    expect(within(panel).queryByTestId('revisit-solid-11')).not.toBeInTheDocument();
    // The week is asked for again, quietly, and the item shows its new state.
    await vi.waitFor(() => expect(callsFor(calls, 'revisits')).toHaveLength(2));
    expect(callsFor(calls, 'agenda')).toHaveLength(2);
    await vi.waitFor(() => expect(screen.getByTestId('cal-revisit-11')).toHaveClass('sp-revisit-solid'));

    await userEvent.keyboard('{Escape}');
    expect(screen.queryByTestId('cal-revisit-details')).not.toBeInTheDocument();
  });

  it('"Again" adds a revisit two days later, which appears on the calendar', async () => {
    const calls = renderCalendar();
    await fireEvent.click(await screen.findByTestId('cal-revisit-22'));
    const panel = await screen.findByTestId('cal-revisit-details');
    await userEvent.click(within(panel).getByTestId('revisit-again-22'));
    expect(calls.filter((c) => c.cmd === 'revisit_close').at(-1)?.args).toEqual({ id: 22, outcome: 'again' });
    expect(await within(panel).findByTestId('revisit-done')).toHaveTextContent('Again: one more revisit on Thu 21 Aug.');
    const added = await screen.findByTestId('cal-revisit-100');
    expect(text(added)).toBe('↻ Revisit: Sliding window Python DSA');
    expect(dayColumn(added)).toBe('4');
  });

  it("shows core's refusal to close in words", async () => {
    renderCalendar({
      revisit_close: fails({ kind: 'conflict', message: 'revisit 11 is already closed (solid on 2025-08-19)', diagnostics: [] }),
    });
    await fireEvent.click(await screen.findByTestId('cal-revisit-11'));
    const panel = await screen.findByTestId('cal-revisit-details');
    await userEvent.click(within(panel).getByTestId('revisit-solid-11'));
    const alert = await within(panel).findByTestId('revisit-error');
    expect(alert).toHaveTextContent("Couldn't close the revisit");
    expect(alert).toHaveTextContent('revisit 11 is already closed (solid on 2025-08-19)');
    expect(within(panel).getByTestId('revisit-solid-11')).toBeEnabled();
  });

  it('has no buttons on a closed revisit, and closing the panel gives focus back to the item', async () => {
    renderCalendar();
    const item = await screen.findByTestId('cal-revisit-31');
    item.focus();
    await userEvent.keyboard('{Enter}');
    const panel = await screen.findByTestId('cal-revisit-details');
    expect(within(panel).getByTestId('revisit-state')).toHaveTextContent('Solid (closed Tue 19 Aug 2025)');
    expect(within(panel).queryByRole('button', { name: 'Solid' })).not.toBeInTheDocument();
    expect(await within(panel).findByTestId('mistake-what-3')).toHaveTextContent('Used a list where a set was needed');
    await userEvent.click(within(panel).getByTestId('cal-details-close'));
    expect(screen.queryByTestId('cal-revisit-details')).not.toBeInTheDocument();
    expect(screen.getByTestId('cal-revisit-31')).toHaveFocus();
  });
});
