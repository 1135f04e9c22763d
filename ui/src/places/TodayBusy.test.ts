// Today and the other calendars: the day's busy instances in time order among the blocks (colour, time,
// summary, "busy · <calendar>"), read-only; a block that collides with one says so; errors and empty days;
// fetched again after the app's background refresh.
import { render, screen, within } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { block, dayBlocks, overview, ready, storageError } from '../test/fixtures';
import { busy, dayBusy } from '../test/calendarsFixtures';
import { fails, mockCommands, type Answer, type Call } from '../test/ipc';
import { liveProps } from '../test/liveProps.svelte';
import TimelineBlock from '../lib/components/TimelineBlock.svelte';
import Today from './Today.svelte';

/** b2 (11:00–12:30) collides with the 12:00 lecture, as core marks it. */
const blocks = [dayBlocks[0]!, { ...dayBlocks[1]!, busy: 'Lecture: Databases (Course)' }];

function renderToday(handlers: Record<string, Answer> = {}, date = '2025-08-19') {
  const calls = mockCommands({ agenda: blocks, busy_between: dayBusy, ...handlers });
  const props = liveProps({ date, overview: ready(overview), onnavigate: vi.fn(), onreload: vi.fn(), calendarsVersion: 0 });
  render(Today, props);
  return { calls, setVersion: (v: number) => flushSync(() => (props.calendarsVersion = v)) };
}

const count = (calls: Call[], cmd: string) => calls.filter((c) => c.cmd === cmd).length;
const text = (el: Element) => el.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('Today: busy time of other calendars', () => {
  it('asks core for the day’s busy time with the blocks', async () => {
    const { calls } = renderToday();
    await screen.findByTestId('block-b1');
    expect(calls.filter((c) => c.cmd === 'busy_between').map((c) => c.args)).toEqual([
      { from: '2025-08-19', to: '2025-08-19' },
    ]);
  });

  it('shows each busy instance in time order among the blocks, with colour, time, summary and calendar', async () => {
    renderToday();
    await screen.findByTestId('block-b1');
    const list = screen.getByRole('list', { name: 'Blocks on Tue 19 Aug 2025' });
    const order = within(list)
      .getAllByRole('listitem')
      .filter((li) => li.parentElement === list)
      .map((li) => li.dataset.testid + ':' + (li.dataset.testid === 'today-busy' ? li.querySelector('.summary')?.textContent : ''));
    expect(order).toEqual([
      'today-busy:Data Summit',
      'today-busy:Call with Bob',
      'block-b1:',
      'today-busy:Team stand-up',
      'block-b2:',
      'today-busy:Lecture: Databases',
    ]);

    const items = screen.getAllByTestId('today-busy');
    expect(text(items[2]!)).toBe('10:30–11:00 30 min busy · Work Team stand-up');
    expect(items[2]!.style.getPropertyValue('--sp-cal')).toBe('#5f8a8b');
    expect(items[2]).toHaveAttribute('title', expect.stringContaining('Team stand-up — busy · Work, 10:30–11:00'));
    expect(text(items[3]!)).toBe('12:00–13:30 1 h 30 busy · Course Lecture: Databases');
    expect(items[3]!.style.getPropertyValue('--sp-cal')).toBe('#9a7b4f');
    // An all-day event that its calendar marks as not taking time.
    expect(text(items[0]!)).toBe('All day free · Course Data Summit');

    // Read-only: nothing to press, and j/k move between the blocks only.
    for (const item of items) expect(within(item).queryByRole('button')).toBeNull();
    await userEvent.keyboard('j');
    expect(screen.getByTestId('block-b1')).toHaveFocus();
    await userEvent.keyboard('j');
    expect(screen.getByTestId('block-b2')).toHaveFocus();
    expect(screen.getByTestId('day-summary')).toHaveTextContent('2 blocks · 3 h planned · 4 events from your other calendars');
  });

  it('warns on a block that collides with busy time, and not on the others', async () => {
    renderToday();
    const b2 = await screen.findByTestId('block-b2');
    expect(within(b2).getByTestId('block-busy')).toHaveTextContent('Collides with Lecture: Databases (Course)');
    expect(within(screen.getByTestId('block-b1')).queryByTestId('block-busy')).not.toBeInTheDocument();
    expect(screen.getAllByTestId('block-busy')).toHaveLength(1);
  });

  it('gives times on other days for an instance that spans midnight', async () => {
    renderToday({
      agenda: [],
      busy_between: [
        busy({
          summary: 'Night shift',
          start_utc: '2025-08-18T20:00:00Z',
          end_utc: '2025-08-19T04:00:00Z',
          date: '2025-08-18',
          end_date: '2025-08-19',
          start: '22:00',
          end: '06:00',
        }),
      ],
    });
    const item = await screen.findByTestId('today-busy');
    expect(text(item)).toBe('Mon 18 Aug 22:00–06:00 8 h busy · Work Night shift');
  });

  it('lists the busy time on a day without blocks, under a heading that says what it is', async () => {
    renderToday({ agenda: [] }, '2025-08-23');
    expect(await screen.findByRole('heading', { name: 'Nothing planned for Sat 23 Aug 2025' })).toBeInTheDocument();
    const list = screen.getByRole('list', { name: 'Busy in your other calendars' });
    expect(within(list).getAllByTestId('today-busy')).toHaveLength(4);
  });

  it('shows no busy items when the other calendars have nothing that day', async () => {
    renderToday({ busy_between: [] });
    await screen.findByTestId('block-b1');
    expect(screen.queryByTestId('today-busy')).not.toBeInTheDocument();
    expect(screen.getByTestId('day-summary')).toHaveTextContent(/^2 blocks · 3 h planned$/);
  });

  it('still shows the blocks when the busy time fails, and says so with a retry', async () => {
    let broken = true;
    const failing = fails(storageError);
    const { calls } = renderToday({ busy_between: (args) => (broken ? failing(args) : dayBusy) });
    expect(await screen.findByTestId('block-b1')).toBeInTheDocument();
    const alert = screen.getByTestId('today-busy-error');
    expect(alert).toHaveTextContent("Couldn't load the busy time of your other calendars");
    expect(alert).toHaveTextContent('database error: disk I/O error');
    broken = false;
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findAllByTestId('today-busy')).toHaveLength(4);
    expect(screen.queryByTestId('today-busy-error')).not.toBeInTheDocument();
    expect(screen.getByTestId('block-b1')).toBeInTheDocument();
    expect(count(calls, 'busy_between')).toBe(2);
    expect(count(calls, 'agenda')).toBe(1);
  });

  it("fetches the day again after the app's background refresh of the calendars", async () => {
    let lecture = true;
    const { calls, setVersion } = renderToday({
      agenda: () => (lecture ? blocks : dayBlocks),
      busy_between: () => (lecture ? dayBusy : dayBusy.slice(0, 3)),
    });
    await screen.findByTestId('block-busy');
    lecture = false;
    setVersion(1);
    await vi.waitFor(() => expect(screen.queryAllByTestId('today-busy')).toHaveLength(3));
    expect(screen.queryByTestId('block-busy')).not.toBeInTheDocument();
    // Quietly: the day stayed on screen while core answered.
    expect(screen.queryByTestId('loading')).not.toBeInTheDocument();
    expect(count(calls, 'agenda')).toBe(2);
    expect(count(calls, 'busy_between')).toBe(2);
  });
});

describe('TimelineBlock collision warning', () => {
  it('says which busy event the block collides with', () => {
    render(TimelineBlock, { block: block({ busy: 'Team stand-up (Work)' }) });
    expect(screen.getByTestId('block-busy')).toHaveTextContent('Collides with Team stand-up (Work)');
  });

  it('says nothing when the block’s time is free', () => {
    render(TimelineBlock, { block: block() });
    expect(screen.queryByTestId('block-busy')).not.toBeInTheDocument();
  });
});
