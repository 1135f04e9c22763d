// Calendar, logging a mistake from a block's details: "Log a mistake…" (reachable with Tab) opens the mistake
// dialog prefilled with the block's track, topic and day; logging sends mistake_add with that day and reloads
// the range quietly so the new revisits show; Esc closes the dialog and gives focus back to the button.
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { MistakeView } from '../lib/bindings/MistakeView';
import type { RevisitView } from '../lib/bindings/RevisitView';
import { addDays } from '../lib/dates';
import { calendarMilestones, calendarWeek, callsFor, dayColumn } from '../test/calendarFixtures';
import { overview, ready } from '../test/fixtures';
import { mockCommands, type Call } from '../test/ipc';
import { mistakesCore, revisit } from '../test/mistakeFixtures';
import Calendar from './Calendar.svelte';

const text = (el: Element) => el.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** Core's mistakes log, with mistake_add placing revisits 2 and 7 days after the mistake's date. */
function renderCalendar() {
  const core = mistakesCore();
  const added: RevisitView[] = [];
  let nextId = 500;
  const calls = mockCommands({
    agenda: calendarWeek,
    busy_between: [],
    milestones: calendarMilestones,
    ...core,
    revisits: (args) => [
      ...core.revisits(args),
      ...added.filter((r) => r.date >= (args.from as string) && r.date <= (args.to as string)),
    ],
    mistake_add: (args) => {
      const id = nextId++;
      const { date, track, topic } = args as { date: string; track: string; topic: string };
      const revisits = [2, 7].map((days, i) =>
        revisit({ id: id * 10 + i, mistake_id: id, seq: i + 1, date: addDays(date, days), track, track_name: 'Fundamentals', topic }),
      );
      added.push(...revisits);
      return {
        id,
        date,
        track,
        track_name: 'Fundamentals',
        topic,
        what: args.what as string,
        fix: null,
        link: null,
        revisits,
        settled: false,
      } satisfies MistakeView;
    },
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

const ofCmd = (calls: Call[], cmd: string) => calls.filter((c) => c.cmd === cmd).map((c) => c.args);
const dialog = () => screen.findByRole('dialog', { name: 'Log a mistake' });

describe('Logging a mistake from the calendar', () => {
  it("opens the dialog with the block's track, title and day, logs it on that day and shows its revisits", async () => {
    const calls = renderCalendar();
    // Thu 21 Aug, Fundamentals (not one of the week's topic tracks), no week topics: the block's title.
    await fireEvent.click(await screen.findByTestId('cal-event-c1'));
    const details = await screen.findByTestId('cal-details');
    const button = within(details).getByTestId('cal-log-mistake');
    expect(button).toHaveTextContent('Log a mistake…');
    expect(button).toHaveAttribute('aria-haspopup', 'dialog');
    await userEvent.click(button);

    const d = await dialog();
    expect(d).toHaveAttribute('aria-modal', 'true');
    expect(d).toHaveTextContent('Thu 21 Aug 2025');
    expect(within(d).getByTestId('mistake-track')).toHaveValue('fund');
    expect(within(d).getByRole('combobox', { name: 'Track' })).toHaveDisplayValue('Fundamentals');
    expect(within(d).getByTestId('mistake-topic')).toHaveValue('Fundamentals/Basics or catch-up');
    expect(within(d).getByTestId('mistake-what')).toHaveFocus();
    expect(callsFor(calls, 'revisits')).toHaveLength(1);

    await userEvent.keyboard('Mixed up TCP and UDP ports{Control>}{Enter}{/Control}');
    expect(ofCmd(calls, 'mistake_add')).toEqual([
      {
        date: '2025-08-21',
        track: 'fund',
        topic: 'Fundamentals/Basics or catch-up',
        what: 'Mixed up TCP and UDP ports',
        fix: null,
        link: null,
      },
    ]);
    expect(await within(d).findByTestId('mistake-logged')).toHaveTextContent('Revisits on Sat 23 Aug and Thu 28 Aug.');

    // The week is asked for again, quietly, and the 48-hour revisit (Sat 23 Aug) is on it.
    await vi.waitFor(() => expect(callsFor(calls, 'revisits')).toHaveLength(2));
    expect(ofCmd(calls, 'revisits').at(-1)).toEqual({ from: '2025-08-18', to: '2025-08-24' });
    const shown = await screen.findByTestId('cal-revisit-5000');
    expect(text(shown)).toBe('↻ Revisit: Fundamentals/Basics or catch-up Fundamentals');
    expect(dayColumn(shown)).toBe('6');
    expect(screen.queryByTestId('cal-revisit-5001')).not.toBeInTheDocument();

    await userEvent.click(within(d).getByTestId('mistake-done'));
    expect(screen.queryByRole('dialog', { name: 'Log a mistake' })).not.toBeInTheDocument();
    expect(screen.getByTestId('cal-log-mistake')).toHaveFocus();
    expect(screen.getByTestId('cal-details')).toBeInTheDocument();
  });

  it('is reachable with Tab, takes the week topic of the block, and Esc closes the dialog only', async () => {
    const calls = renderCalendar();
    const event = await screen.findByTestId('cal-event-t2');
    event.focus();
    await userEvent.keyboard('{Enter}');
    const details = await screen.findByTestId('cal-details');
    expect(within(details).getByRole('heading', { name: 'Hashing drills' })).toHaveFocus();

    const button = within(details).getByTestId('cal-log-mistake');
    for (let i = 0; i < 12 && document.activeElement !== button; i++) await userEvent.tab();
    expect(button).toHaveFocus();
    await userEvent.keyboard('{Enter}');

    const d = await dialog();
    expect(d).toHaveTextContent('Tue 19 Aug 2025');
    expect(within(d).getByTestId('mistake-track')).toHaveValue('dsa');
    expect(within(d).getByTestId('mistake-topic')).toHaveValue('Arrays/Strings, Hashing, Sliding Window');
    // Another track brings that track's topic of the week.
    await userEvent.selectOptions(within(d).getByTestId('mistake-track'), 'de');
    expect(within(d).getByTestId('mistake-topic')).toHaveValue('Spark DataFrames, Delta Lake');

    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog', { name: 'Log a mistake' })).not.toBeInTheDocument();
    // The block's details stay open, with focus back on the button; a second Esc closes them.
    expect(screen.getByTestId('cal-details')).toBeInTheDocument();
    expect(screen.getByTestId('cal-log-mistake')).toHaveFocus();
    expect(ofCmd(calls, 'mistake_add')).toHaveLength(0);
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByTestId('cal-details')).not.toBeInTheDocument();
  });

  it('has no "Log a mistake…" for a milestone', async () => {
    renderCalendar();
    const milestones = await screen.findAllByTestId(/^cal-milestone-/);
    const first = milestones[0];
    if (!first) throw new Error('no milestone drawn');
    await fireEvent.click(first);
    const details = await screen.findByTestId('cal-details');
    expect(within(details).queryByTestId('cal-log-mistake')).not.toBeInTheDocument();
  });
});
