// Calendar place with mocked IPC and the real grids (TimeGrid, MonthGrid): loading, error, no plan,
// empty range, full week (blocks + milestones with track names), views and navigation, details,
// Move… (success and core's refusal), the re-plan panel. Dragging is tested on the grid itself (CalendarGrid.test.ts).
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { BlockView } from '../lib/bindings/BlockView';
import type { CalView } from '../lib/components/calendar/calendarDates';
import {
  calendarMilestones,
  calendarWeek,
  outsidePlanError,
  overlapError,
  replanView,
  callsFor,
  dayColumn,
} from '../test/calendarFixtures';
import { block, noPlanOverview, overview, ready, storageError } from '../test/fixtures';
import { fails, mockCommands, never, type Answer } from '../test/ipc';
import App from '../App.svelte';
import Calendar from './Calendar.svelte';

function renderCalendar(props: Partial<{ date: string; overview: typeof overview; initialView: CalView }> = {}) {
  const handlers = { onnavigate: vi.fn(), onopenday: vi.fn(), onopenlog: vi.fn(), onreload: vi.fn() };
  render(Calendar, {
    date: props.date ?? '2025-08-19',
    overview: ready(props.overview ?? overview),
    initialView: props.initialView ?? 'week',
    ...handlers,
  });
  return handlers;
}

/** Where the grid put an event: day column (Monday = 1) and top offset (07:00 = 0, 48 px an hour). */
const placed = (testid: string) => {
  const el = screen.getByTestId(testid);
  return { column: dayColumn(el), top: el.style.top };
};
const text = (el: Element) => el.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const commands = (handlers: Record<string, Answer> = {}) =>
  mockCommands({ agenda: calendarWeek, milestones: calendarMilestones, revisits: [], busy_between: [], ...handlers });

/** Opens an event's details the keyboard way (Enter); also a plain click works (see below). */
async function openWithEnter(testid: string) {
  const el = await screen.findByTestId(testid);
  el.focus();
  await userEvent.keyboard('{Enter}');
  return screen.findByTestId('cal-details');
}

describe('Calendar states', () => {
  it('shows a calendar-shaped skeleton when the week takes a while to load, not for a quick load', async () => {
    mockCommands({ agenda: never(), milestones: never(), revisits: never(), busy_between: never() });
    renderCalendar();
    expect(screen.getByRole('heading', { level: 1, name: 'Calendar' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Loading the week…');
    expect(screen.queryByTestId('cal-skeleton')).not.toBeInTheDocument();
    expect(await screen.findByTestId('cal-skeleton')).toHaveAttribute('data-view', 'week');
    expect(text(screen.getByTestId('cal-range'))).toBe('18 – 24 Aug 2025');
    expect(screen.queryByTestId('cal-grid')).not.toBeInTheDocument();
  });

  it("shows core's error in words", async () => {
    mockCommands({ agenda: fails(storageError), milestones: [], revisits: [], busy_between: [] });
    renderCalendar();
    const alert = await screen.findByTestId('error');
    expect(alert).toHaveAttribute('role', 'alert');
    expect(alert).toHaveTextContent("Couldn't load this week");
    expect(alert).toHaveTextContent('database error: disk I/O error');
  });

  it('says no plan is loaded and links to Settings', () => {
    mockCommands({});
    renderCalendar({ overview: noPlanOverview });
    expect(screen.getByRole('heading', { name: 'No plan loaded' })).toBeInTheDocument();
    expect(screen.getByTestId('no-plan-load')).toHaveAttribute('href', '#/settings');
    expect(screen.queryByTestId('cal-view-week')).not.toBeInTheDocument();
    expect(screen.queryByTestId('replan')).not.toBeInTheDocument();
  });

  it("says when a range is empty and offers the plan's first day", async () => {
    mockCommands({ agenda: [], milestones: [], revisits: [], busy_between: [] });
    const { onnavigate } = renderCalendar({ date: '2025-12-03' });
    const empty = await screen.findByTestId('cal-empty');
    expect(within(empty).getByRole('heading', { name: 'Nothing planned this week' })).toBeInTheDocument();
    expect(empty).toHaveTextContent('“Data Engineering in 9 Weeks” runs from Mon 4 Aug 2025 to Sun 5 Oct 2025.');
    await userEvent.click(screen.getByTestId('go-plan-start'));
    expect(onnavigate).toHaveBeenCalledWith('2025-08-04');
    // The (empty) grid stays, so the person can still move around.
    expect(await screen.findByTestId('cal-grid')).toBeInTheDocument();
  });

  it('shows the blocks with their track names and status, and the milestones', async () => {
    const calls = commands();
    renderCalendar();
    const t1 = await screen.findByTestId('cal-event-t1');
    expect(calls).toEqual([
      { cmd: 'agenda', args: { from: '2025-08-18', to: '2025-08-24' } },
      { cmd: 'milestones', args: { from: '2025-08-18', to: '2025-08-24' } },
      { cmd: 'revisits', args: { from: '2025-08-18', to: '2025-08-24' } },
      { cmd: 'busy_between', args: { from: '2025-08-18', to: '2025-08-24' } },
    ]);

    expect(text(t1)).toBe('09:00–10:30 Data Engineering Spark joins lab');
    expect(placed('cal-event-t1')).toEqual({ column: '2', top: '96px' });
    expect(placed('cal-event-m1')).toEqual({ column: '1', top: '48px' });
    expect(t1).toHaveClass('sp-event', 'sp-block');
    expect(t1).toHaveAttribute('role', 'button');
    expect(text(screen.getByTestId('cal-event-t2'))).toBe('Python DSA Partial · 20 of 60 min Hashing drills 11:00–12:00');
    expect(screen.getByTestId('cal-event-m1')).toHaveTextContent('✓ Done');
    expect(screen.getByTestId('cal-event-w1')).toHaveTextContent('Skipped');
    expect(screen.getByTestId('cal-event-w1').querySelector('[data-status="skipped"]')).not.toBeNull();

    expect(text(screen.getByTestId('cal-milestone-0'))).toBe('Delivery Spark project demo');
    expect(text(screen.getByTestId('cal-milestone-1'))).toBe('Exam Databricks associate');
    expect(screen.getByTestId('cal-milestone-1')).toHaveClass('sp-milestone-exam');

    // Today is marked in words in its column heading; the plan week is named.
    expect(screen.getByTestId('cal-grid')).toHaveTextContent('Tue 19 Aug Today');
    expect(screen.getByTestId('plan-weeks')).toHaveTextContent('Plan week 3 of 9');
    expect(screen.getByTestId('cal-today')).toBeDisabled();
  });

  it('still shows the blocks when only the milestones fail', async () => {
    commands({ milestones: fails(storageError) });
    renderCalendar();
    expect(await screen.findByTestId('cal-event-t1')).toBeInTheDocument();
    expect(screen.getByTestId('cal-milestone-error')).toHaveTextContent("Couldn't load the milestones");
  });
});

describe('Calendar views and navigation', () => {
  it('switches between day, week and month and asks core for each range', async () => {
    const calls = commands();
    renderCalendar();
    await screen.findByTestId('cal-event-t1');
    expect(screen.getByTestId('cal-view-week')).toHaveAttribute('aria-pressed', 'true');

    await userEvent.click(screen.getByTestId('cal-view-month'));
    expect(screen.getByTestId('cal-view-month')).toHaveAttribute('aria-pressed', 'true');
    expect(text(screen.getByTestId('cal-range'))).toBe('1 – 31 Aug 2025');
    // Asked for now, or already ahead of time while the week was shown.
    const month = { from: '2025-07-28', to: '2025-08-31' };
    for (const cmd of ['agenda', 'milestones', 'revisits', 'busy_between']) expect(callsFor(calls, cmd, month)).not.toHaveLength(0);
    expect(await screen.findByTestId('cal-grid')).toHaveAttribute('data-view', 'month');

    await userEvent.click(screen.getByTestId('cal-view-day'));
    expect(text(screen.getByTestId('cal-range'))).toBe('Tue 19 Aug 2025');
    expect(callsFor(calls, 'agenda', { from: '2025-08-19', to: '2025-08-19' })).not.toHaveLength(0);
    expect(await screen.findByTestId('cal-event-t2')).toBeInTheDocument();
    expect(screen.queryByTestId('cal-event-m1')).not.toBeInTheDocument();

    // Keys 1 / 2 / 3 pick the view too.
    await userEvent.keyboard('2');
    expect(screen.getByTestId('cal-view-week')).toHaveAttribute('aria-pressed', 'true');
    await userEvent.keyboard('3');
    expect(screen.getByTestId('cal-view-month')).toHaveAttribute('aria-pressed', 'true');
  });

  it('moves by the view’s unit with the buttons and ←/→, and back to today', async () => {
    commands();
    const { onnavigate } = renderCalendar({ initialView: 'day' });
    await screen.findByTestId('cal-event-t1');
    await userEvent.click(screen.getByTestId('cal-next'));
    expect(onnavigate).toHaveBeenLastCalledWith('2025-08-20');
    await userEvent.keyboard('{ArrowLeft}');
    expect(onnavigate).toHaveBeenLastCalledWith('2025-08-18');
    expect(screen.getByTestId('cal-prev')).toHaveAccessibleName('Previous day');

    await userEvent.click(screen.getByTestId('cal-view-week'));
    await userEvent.keyboard('{ArrowRight}');
    expect(onnavigate).toHaveBeenLastCalledWith('2025-08-26');
    expect(screen.getByTestId('cal-next')).toHaveAccessibleName('Next week');

    await userEvent.click(screen.getByTestId('cal-view-month'));
    await userEvent.click(screen.getByTestId('cal-prev'));
    expect(onnavigate).toHaveBeenLastCalledWith('2025-07-19');
    await userEvent.keyboard('{ArrowRight}');
    expect(onnavigate).toHaveBeenLastCalledWith('2025-09-19');
  });

  it('cuts a full month cell to three blocks and "+N more", which opens that day', async () => {
    const full = ['08:00', '09:00', '10:00', '11:00', '12:00', '13:00'].map((start, i) =>
      block({ id: `f${i}`, date: '2025-08-20', start, end: start.replace(':00', ':30'), minutes: 30, title: `Block ${i}` }),
    );
    commands({ agenda: full });
    const { onnavigate } = renderCalendar({ initialView: 'month' });
    const more = await screen.findByTestId('cal-more-2025-08-20');
    expect(more).toHaveTextContent('+3 more');
    for (const id of ['f0', 'f1', 'f2']) expect(screen.getByTestId(`cal-event-${id}`)).toBeInTheDocument();
    for (const id of ['f3', 'f4', 'f5']) expect(screen.queryByTestId(`cal-event-${id}`)).not.toBeInTheDocument();
    await userEvent.click(more);
    expect(onnavigate).toHaveBeenLastCalledWith('2025-08-20');
    expect(screen.getByTestId('cal-view-day')).toHaveAttribute('aria-pressed', 'true');
  });

  it('opens the shown day’s log from the day view', async () => {
    commands();
    const { onopenlog } = renderCalendar({ initialView: 'day' });
    await userEvent.click(await screen.findByTestId('cal-open-log'));
    expect(onopenlog).toHaveBeenCalledWith('2025-08-19');
    await userEvent.click(screen.getByTestId('cal-view-week'));
    expect(screen.queryByTestId('cal-open-log')).not.toBeInTheDocument();
  });

  it('goes back to today from another week', async () => {
    commands();
    const { onnavigate } = renderCalendar({ date: '2025-09-02' });
    await screen.findByTestId('cal-grid');
    await userEvent.click(screen.getByTestId('cal-today'));
    expect(onnavigate).toHaveBeenCalledWith(null);
  });
});

describe('Calendar in the app shell', () => {
  it('opens the date in the URL, and ←/→ step by the view’s unit keeping the URL in sync', async () => {
    history.replaceState(null, '', '#/calendar/2025-08-19');
    const calls = commands({ overview });
    render(App);
    await screen.findByTestId('cal-event-t1');
    expect(calls.find((c) => c.cmd === 'agenda')?.args).toEqual({ from: '2025-08-18', to: '2025-08-24' });

    await userEvent.keyboard('{ArrowRight}');
    expect(window.location.hash).toBe('#/calendar/2025-08-26');
    await userEvent.click(screen.getByTestId('cal-view-month'));
    await userEvent.click(document.body);
    await userEvent.keyboard('{ArrowRight}');
    expect(window.location.hash).toBe('#/calendar/2025-09-26');
    // Asked for now, or ahead of time while the month before was shown.
    await vi.waitFor(() => expect(callsFor(calls, 'agenda', { from: '2025-09-01', to: '2025-10-05' })).not.toHaveLength(0));
    await userEvent.click(screen.getByTestId('cal-view-day'));
    await userEvent.click(document.body);
    await userEvent.keyboard('{ArrowLeft}');
    expect(window.location.hash).toBe('#/calendar/2025-09-25');

    // Not while the shortcuts overlay is open.
    await userEvent.keyboard('?');
    await userEvent.keyboard('{ArrowLeft}');
    expect(window.location.hash).toBe('#/calendar/2025-09-25');
  });

  it('closes the details of a block that the next range no longer shows', async () => {
    history.replaceState(null, '', '#/calendar/2025-08-19');
    commands({ overview });
    render(App);
    await openWithEnter('cal-event-t1');
    await userEvent.keyboard('{ArrowRight}');
    expect(window.location.hash).toBe('#/calendar/2025-08-26');
    await vi.waitFor(() => expect(screen.queryByTestId('cal-details')).not.toBeInTheDocument());
  });
});

describe('Calendar details and moving blocks', () => {
  it('opens a block’s details on click or Enter, and closes them with Esc', async () => {
    commands();
    const { onopenday } = renderCalendar();
    // A plain click; pointer gestures are tested in CalendarGrid.test.ts.
    await fireEvent.click(await screen.findByTestId('cal-event-t2'));
    let details = await screen.findByTestId('cal-details');
    expect(details).toHaveAttribute('role', 'dialog');
    expect(within(details).getByRole('heading', { name: 'Hashing drills' })).toBeInTheDocument();
    expect(details).toHaveTextContent('Python DSA');
    expect(screen.getByTestId('cal-details-time')).toHaveTextContent('Tue 19 Aug 2025, 11:00–12:00 (1 h)');
    expect(details).toHaveTextContent('Week 3 topics');
    expect(details).toHaveTextContent('Arrays/Strings, Hashing, Sliding Window');
    expect(screen.getByTestId('cal-details-status')).toHaveTextContent('Partial · 20 of 60 min');
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByTestId('cal-details')).not.toBeInTheDocument();

    details = await openWithEnter('cal-event-t1');
    expect(within(details).getByRole('heading', { name: 'Spark joins lab' })).toBeInTheDocument();
    expect(screen.getByTestId('cal-move-date')).toHaveValue('2025-08-19');
    expect(screen.getByTestId('cal-move-start')).toHaveValue('09:00');
    expect(screen.getByTestId('cal-move-minutes')).toHaveValue(90);
    await userEvent.click(screen.getByTestId('cal-open-day'));
    expect(onopenday).toHaveBeenCalledWith('2025-08-19');
    await userEvent.click(screen.getByTestId('cal-details-close'));
    expect(screen.queryByTestId('cal-details')).not.toBeInTheDocument();
    expect(screen.getByTestId('cal-event-t1')).toHaveFocus();
  });

  it('shows a milestone’s details without a move form', async () => {
    commands();
    renderCalendar();
    await fireEvent.click(await screen.findByTestId('cal-milestone-0'));
    const details = await screen.findByTestId('cal-details');
    expect(details).toHaveTextContent('Spark project demo');
    expect(details).toHaveTextContent('Delivery');
    expect(details).toHaveTextContent('Fri 22 Aug 2025');
    expect(details).toHaveTextContent('Record a 3-minute demo');
    expect(screen.queryByTestId('cal-move-submit')).not.toBeInTheDocument();
  });

  it('moves a block with the Move… form and shows it at its new time', async () => {
    const calls = commands({
      block_move: (args: Record<string, unknown>): BlockView => ({
        ...calendarWeek[1]!,
        date: args.date as string,
        start: args.start as string,
        end: '15:30',
      }),
    });
    renderCalendar();
    await openWithEnter('cal-event-t1');
    const date = screen.getByTestId('cal-move-date');
    await userEvent.clear(date);
    await userEvent.type(date, '2025-08-20');
    const start = screen.getByTestId('cal-move-start');
    await userEvent.clear(start);
    await userEvent.type(start, '14:00');
    await userEvent.click(screen.getByTestId('cal-move-submit'));

    expect(calls.filter((c) => c.cmd === 'block_move')).toEqual([
      { cmd: 'block_move', args: { id: 't1', date: '2025-08-20', start: '14:00', minutes: 90 } },
    ]);
    expect(await screen.findByTestId('cal-move-notice')).toHaveTextContent('Moved to Wed 20 Aug 2025, 14:00–15:30.');
    expect(screen.getByTestId('cal-details-time')).toHaveTextContent('Wed 20 Aug 2025, 14:00–15:30');
    expect(text(screen.getByTestId('cal-event-t1'))).toBe('14:00–15:30 Data Engineering Spark joins lab');
    expect(placed('cal-event-t1')).toEqual({ column: '3', top: '336px' });
    expect(screen.queryByTestId('cal-error')).not.toBeInTheDocument();
  });

  it('sends a new length from the Move… form', async () => {
    const calls = commands({ block_move: { ...calendarWeek[1]!, end: '10:00', minutes: 60 } });
    renderCalendar();
    await openWithEnter('cal-event-t1');
    const minutes = screen.getByTestId('cal-move-minutes');
    await userEvent.clear(minutes);
    await userEvent.type(minutes, '60');
    await userEvent.click(screen.getByTestId('cal-move-submit'));
    expect(calls.at(-1)).toEqual({ cmd: 'block_move', args: { id: 't1', date: '2025-08-19', start: '09:00', minutes: 60 } });
    expect(await screen.findByTestId('cal-move-notice')).toHaveTextContent('Moved to Tue 19 Aug 2025, 09:00–10:00.');
  });

  it("shows core's refusal in words and leaves the block where it was", async () => {
    commands({ block_move: fails(overlapError) });
    renderCalendar();
    await openWithEnter('cal-event-t1');
    const start = screen.getByTestId('cal-move-start');
    await userEvent.clear(start);
    await userEvent.type(start, '08:30');
    await userEvent.click(screen.getByTestId('cal-move-submit'));

    const alert = await screen.findByTestId('cal-error');
    expect(alert).toHaveAttribute('role', 'alert');
    expect(alert).toHaveTextContent('Couldn\'t move “Spark joins lab”');
    expect(alert).toHaveTextContent('it would overlap “Python DSA” (08:00–09:30) on 2025-08-19');
    expect(text(screen.getByTestId('cal-event-t1'))).toBe('09:00–10:30 Data Engineering Spark joins lab');
    expect(placed('cal-event-t1')).toEqual({ column: '2', top: '96px' });
    expect(screen.getByTestId('cal-details-time')).toHaveTextContent('Tue 19 Aug 2025, 09:00–10:30');
    expect(screen.queryByTestId('cal-move-notice')).not.toBeInTheDocument();
  });

  it('checks the form before asking core', async () => {
    const calls = commands();
    renderCalendar();
    await openWithEnter('cal-event-t1');
    await userEvent.clear(screen.getByTestId('cal-move-minutes'));
    await userEvent.click(screen.getByTestId('cal-move-submit'));
    expect(screen.getByTestId('cal-move-invalid')).toHaveTextContent('Enter the length in whole minutes, from 1 to 1440.');
    expect(calls.some((c) => c.cmd === 'block_move')).toBe(false);
  });
});

describe('Re-plan panel', () => {
  it('shows the debt, the proposals (also on the calendar), what does not fit; accept applies it', async () => {
    let accepted = false;
    const calls = commands({
      replan: replanView,
      replan_accept: () => {
        accepted = true;
        return replanView;
      },
      agenda: () =>
        accepted
          ? calendarWeek.map((b) => (b.id === 'c1' ? { ...b, track: 'dsa', track_name: 'Python DSA', title: 'Catch-up: Python DSA' } : b))
          : calendarWeek,
    });
    renderCalendar();
    await screen.findByTestId('cal-event-c1');
    const panel = screen.getByTestId('replan');
    await userEvent.click(within(panel).getByTestId('replan-open'));
    expect(calls.find((c) => c.cmd === 'replan')).toEqual({ cmd: 'replan', args: { week: null } });

    const debt = await within(panel).findByTestId('replan-debt');
    expect(within(debt).getAllByRole('listitem').map(text)).toEqual([
      'Python DSA · 90 min missed',
      'Project work · 570 min missed',
    ]);
    expect(text(within(panel).getByTestId('replan-proposals'))).toBe(
      'Thu 21 Aug 13:15–14:00: 45 min of Python DSA instead of Fundamentals/Basics or catch-up',
    );
    expect(within(within(panel).getByTestId('replan-unplaced')).getAllByRole('listitem').map(text)).toEqual([
      'no catch-up time left this week for 45 min of Python DSA',
      'no catch-up time left this week for 570 min of Project work',
    ]);
    expect(within(panel).getByTestId('replan-rest')).toHaveTextContent(
      '60 min of missed time fell in your weekly rest half-day and is forgiven.',
    );

    // Previewed on the calendar: the catch-up block outlined and labelled.
    const c1 = screen.getByTestId('cal-event-c1');
    expect(c1).toHaveClass('sp-proposed');
    expect(c1).toHaveTextContent('Proposed: 45 min of Python DSA');

    await userEvent.click(within(panel).getByTestId('replan-accept'));
    expect(calls.find((c) => c.cmd === 'replan_accept')).toEqual({ cmd: 'replan_accept', args: { week: 3 } });
    expect(await within(panel).findByTestId('replan-done')).toHaveTextContent(
      'Re-planned week 3: 1 catch-up block now takes 45 min of missed time.',
    );
    expect(callsFor(calls, 'agenda')).toHaveLength(2);
    expect(await screen.findByText('Catch-up: Python DSA')).toBeInTheDocument();
    expect(screen.getByTestId('cal-event-c1')).not.toHaveClass('sp-proposed');
    expect(within(panel).queryByTestId('replan-debt')).not.toBeInTheDocument();
  });

  it('dismiss clears the preview without changing anything', async () => {
    const calls = commands({ replan: replanView });
    renderCalendar();
    await screen.findByTestId('cal-event-c1');
    await userEvent.click(screen.getByTestId('replan-open'));
    await screen.findByTestId('replan-proposals');
    expect(screen.getByTestId('cal-event-c1')).toHaveClass('sp-proposed');
    await userEvent.click(screen.getByTestId('replan-dismiss'));
    expect(screen.queryByTestId('replan-proposals')).not.toBeInTheDocument();
    expect(screen.getByTestId('cal-event-c1')).not.toHaveClass('sp-proposed');
    expect(screen.getByTestId('cal-event-c1')).not.toHaveTextContent('Proposed');
    expect(calls.some((c) => c.cmd === 'replan_accept')).toBe(false);
  });

  it('explains when today is outside the plan and re-plans a chosen week', async () => {
    const calls = commands({
      replan: (args: Record<string, unknown>) => (args.week === null ? Promise.reject(outsidePlanError) : { ...replanView, week: 2 }),
    });
    const { onnavigate } = renderCalendar({ date: '2025-12-03' });
    await screen.findByTestId('cal-grid');
    await userEvent.click(screen.getByTestId('replan-open'));
    const error = await screen.findByTestId('replan-error');
    expect(error).toHaveAttribute('role', 'alert');
    expect(error).toHaveTextContent('today (2025-12-03) is outside the plan (2025-08-04 – 2025-10-05); pass a week');

    await userEvent.type(screen.getByTestId('replan-week'), '2');
    await userEvent.click(screen.getByTestId('replan-week-submit'));
    expect(calls.filter((c) => c.cmd === 'replan').map((c) => c.args)).toEqual([{ week: null }, { week: 2 }]);
    expect(await screen.findByTestId('replan-result')).toHaveTextContent('Week 2');
    expect(screen.getByTestId('replan-unplaced')).toHaveTextContent('no catch-up time left in week 2 for 570 min of Project work');
    // The proposals are in another week than the one shown: offer to go there.
    await userEvent.click(screen.getByTestId('replan-show'));
    expect(onnavigate).toHaveBeenCalledWith('2025-08-21');
  });

  it("shows core's refusal to accept in words and keeps the preview", async () => {
    commands({
      replan: replanView,
      replan_accept: fails({ kind: 'conflict', message: 'block c1 changed since the proposal was made; re-plan again', diagnostics: [] }),
    });
    renderCalendar();
    await screen.findByTestId('cal-event-c1');
    await userEvent.click(screen.getByTestId('replan-open'));
    await userEvent.click(await screen.findByTestId('replan-accept'));
    expect(await screen.findByTestId('replan-accept-error')).toHaveTextContent(
      'block c1 changed since the proposal was made; re-plan again',
    );
    expect(screen.getByTestId('cal-event-c1')).toHaveClass('sp-proposed');
  });
});
