// Today, acting on blocks: buttons and keys (j k x Space s m n u Esc) update the block in place or show core's words.
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { BlockView } from '../lib/bindings/BlockView';
import type { ErrorBody } from '../lib/bindings/ErrorBody';
import { block, overview, ready } from '../test/fixtures';
import { mockCommands, type Call } from '../test/ipc';
import Today from './Today.svelte';

const day: BlockView[] = [
  block({ id: 'b1' }),
  block({ id: 'b2', start: '11:00', end: '12:00', minutes: 60, track: 'dsa', track_name: 'Python DSA', title: 'Two pointers' }),
  block({ id: 'b3', start: '14:00', end: '14:45', minutes: 45, title: 'SQL window functions', status: 'done' }),
];

/** A core stand-in: keeps the blocks, applies changes, rejects partial minutes outside 1..length−1 in words. */
function core(extra: Record<string, unknown> = {}) {
  const stored = new Map(day.map((b) => [b.id, { ...b }]));
  const get = (id: unknown) => stored.get(id as string)!;
  const calls = mockCommands({
    agenda: () => [...stored.values()],
    busy_between: [],
    block_status: ({ id, status, minutes }) => {
      const b = get(id);
      if (status === 'partial' && (typeof minutes !== 'number' || minutes < 1 || minutes >= b.minutes)) {
        return Promise.reject({
          kind: 'invalid_input',
          message: `partial minutes must be between 1 and ${b.minutes - 1} for a ${b.minutes}-minute block, got ${minutes}`,
          diagnostics: [],
        } satisfies ErrorBody);
      }
      Object.assign(b, { status, minutes_done: status === 'partial' ? minutes : null });
      return { ...b };
    },
    block_annotate: ({ id, note, problems, queries }) => {
      const b = get(id);
      if (note !== null) b.user_note = note === '' ? null : (note as string);
      if (problems !== null) b.problems = problems as number;
      if (queries !== null) b.queries = queries as number;
      return { ...b };
    },
    ...extra,
  });
  return calls;
}

function renderToday(keyboard = true) {
  render(Today, { date: '2025-08-19', overview: ready(overview), onnavigate: vi.fn(), onreload: vi.fn(), keyboard });
}

const status = (id: string) => screen.getByTestId(`block-status-${id}`);
const count = (calls: Call[], cmd: string) => calls.filter((c) => c.cmd === cmd).length;

describe('Today block actions', () => {
  it('marks a block done from its button, in place, without reloading the day', async () => {
    const calls = core();
    renderToday();
    const b1 = await screen.findByTestId('block-b1');
    expect(status('b1')).toHaveTextContent('Planned');
    expect(within(b1).queryByRole('button', { name: 'Undo' })).not.toBeInTheDocument();

    await userEvent.click(within(b1).getByRole('button', { name: 'Mark done' }));
    expect(status('b1')).toHaveTextContent('Done');
    expect(b1).toHaveAttribute('data-status', 'done');
    expect(screen.getByTestId('action-done-b1')).toBeDisabled();
    expect(calls.at(-1)).toEqual({ cmd: 'block_status', args: { id: 'b1', status: 'done', minutes: null } });
    expect(count(calls, 'agenda')).toBe(1);
    expect(screen.queryByTestId('loading')).not.toBeInTheDocument();
  });

  it('skips a block and undoes it back to planned', async () => {
    const calls = core();
    renderToday();
    await userEvent.click(await screen.findByTestId('action-skip-b2'));
    expect(status('b2')).toHaveTextContent('Skipped');
    expect(screen.getByTestId('block-b2')).toHaveAttribute('data-status', 'skipped');

    await userEvent.click(screen.getByTestId('action-undo-b2'));
    expect(status('b2')).toHaveTextContent('Planned');
    expect(screen.queryByTestId('action-undo-b2')).not.toBeInTheDocument();
    expect(calls.at(-1)?.args).toEqual({ id: 'b2', status: 'planned', minutes: null });
  });

  it('records partial minutes from the inline field (Enter saves)', async () => {
    const calls = core();
    renderToday();
    await userEvent.click(await screen.findByTestId('action-partial-b1'));
    const minutes = screen.getByTestId('partial-minutes');
    expect(minutes).toHaveFocus();
    expect(screen.getByLabelText('Minutes spent')).toBe(minutes);
    await userEvent.type(minutes, '40{Enter}');

    expect(status('b1')).toHaveTextContent('Partial · 40 of 90 min');
    expect(screen.getByTestId('block-b1')).toHaveAttribute('data-status', 'partial');
    expect(screen.queryByTestId('partial-minutes')).not.toBeInTheDocument();
    expect(screen.getByTestId('block-b1')).toHaveFocus();
    expect(calls.at(-1)).toEqual({ cmd: 'block_status', args: { id: 'b1', status: 'partial', minutes: 40 } });
  });

  it("shows core's words next to the block when the minutes are out of range, and keeps the field", async () => {
    core();
    renderToday();
    await userEvent.click(await screen.findByTestId('action-partial-b2'));
    await userEvent.type(screen.getByTestId('partial-minutes'), '60');
    await userEvent.click(screen.getByTestId('partial-save'));

    const alert = await within(screen.getByTestId('block-b2')).findByRole('alert');
    expect(alert).toHaveAttribute('data-testid', 'error');
    expect(alert).toHaveTextContent('Couldn\'t save the minutes for “Two pointers”');
    expect(alert).toHaveTextContent('partial minutes must be between 1 and 59 for a 60-minute block, got 60');
    expect(alert).toHaveTextContent('Check the values and try again.');
    expect(status('b2')).toHaveTextContent('Planned');
    expect(screen.getByTestId('partial-minutes')).toHaveValue(60);

    await userEvent.clear(screen.getByTestId('partial-minutes'));
    await userEvent.type(screen.getByTestId('partial-minutes'), '30{Enter}');
    expect(status('b2')).toHaveTextContent('Partial · 30 of 60 min');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('asks for whole minutes without calling core, and Esc cancels', async () => {
    const calls = core();
    renderToday();
    await userEvent.click(await screen.findByTestId('action-partial-b1'));
    await userEvent.click(screen.getByTestId('partial-save'));
    expect(within(screen.getByTestId('block-b1')).getByRole('alert')).toHaveTextContent(
      'Enter the minutes you spent on this block.',
    );
    await userEvent.type(screen.getByTestId('partial-minutes'), '2.5{Enter}');
    expect(screen.getByRole('alert')).toHaveTextContent('Enter the minutes you spent as a whole number, 0 or more.');
    expect(count(calls, 'block_status')).toBe(0);

    await userEvent.keyboard('{Escape}');
    expect(screen.queryByTestId('partial-minutes')).not.toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByTestId('block-b1')).toHaveFocus();
  });

  it('saves a note and counters, then shows them on the block', async () => {
    const calls = core();
    renderToday();
    await userEvent.click(await screen.findByTestId('action-note-b2'));
    expect(screen.getByTestId('note-text')).toHaveFocus();
    await userEvent.type(screen.getByTestId('note-text'), 'Stuck on 3Sum; revisit sorting first.');
    await userEvent.type(screen.getByTestId('note-problems'), '4');
    await userEvent.click(screen.getByTestId('note-save'));

    expect(calls.at(-1)).toEqual({
      cmd: 'block_annotate',
      args: { id: 'b2', note: 'Stuck on 3Sum; revisit sorting first.', problems: 4, queries: null },
    });
    const b2 = screen.getByTestId('block-b2');
    expect(b2).toHaveTextContent('Your note: Stuck on 3Sum; revisit sorting first.');
    expect(b2).toHaveTextContent('4 problems solved');
    expect(screen.queryByTestId('note-text')).not.toBeInTheDocument();

    // Opening it again starts from what is stored; Ctrl+Enter saves; an emptied note is cleared.
    await userEvent.click(screen.getByTestId('action-note-b2'));
    expect(screen.getByTestId('note-text')).toHaveValue('Stuck on 3Sum; revisit sorting first.');
    expect(screen.getByTestId('note-problems')).toHaveValue(4);
    await userEvent.clear(screen.getByTestId('note-text'));
    await userEvent.type(screen.getByTestId('note-queries'), '2');
    await userEvent.click(screen.getByTestId('note-text'));
    await userEvent.keyboard('{Control>}{Enter}{/Control}');
    expect(calls.at(-1)?.args).toEqual({ id: 'b2', note: '', problems: null, queries: 2 });
    expect(b2).not.toHaveTextContent('Your note');
    expect(b2).toHaveTextContent('4 problems solved · 2 queries written');
  });

  it('closes the note editor without calling core when nothing changed', async () => {
    const calls = core();
    renderToday();
    await userEvent.click(await screen.findByTestId('action-note-b1'));
    await userEvent.click(screen.getByTestId('note-save'));
    expect(screen.queryByTestId('note-text')).not.toBeInTheDocument();
    expect(count(calls, 'block_annotate')).toBe(0);
  });

  it("shows a failed action in words next to the block it was for", async () => {
    core({
      block_status: () =>
        Promise.reject({ kind: 'not_found', message: 'no block `b3` in the loaded plans', diagnostics: [] }),
    });
    renderToday();
    await userEvent.click(await screen.findByTestId('action-undo-b3'));
    const alert = await within(screen.getByTestId('block-b3')).findByRole('alert');
    expect(alert).toHaveTextContent('Couldn\'t undo “SQL window functions”');
    expect(alert).toHaveTextContent('no block `b3` in the loaded plans');
    expect(within(screen.getByTestId('block-b1')).queryByRole('alert')).not.toBeInTheDocument();
    expect(status('b3')).toHaveTextContent('Done');
  });
});

describe('Today block keys', () => {
  it('j / k select the next / previous block, shown and focused', async () => {
    core();
    renderToday();
    await screen.findByTestId('block-b1');
    await userEvent.keyboard('j');
    expect(screen.getByTestId('block-b1')).toHaveFocus();
    expect(screen.getByTestId('block-b1')).toHaveAttribute('aria-current', 'true');
    await userEvent.keyboard('jj');
    expect(screen.getByTestId('block-b3')).toHaveFocus();
    await userEvent.keyboard('j');
    expect(screen.getByTestId('block-b3')).toHaveFocus();
    await userEvent.keyboard('k');
    expect(screen.getByTestId('block-b2')).toHaveFocus();
    expect(screen.getByTestId('block-b2')).toHaveAttribute('aria-current', 'true');
    expect(screen.getByTestId('block-b3')).not.toHaveAttribute('aria-current');
  });

  it('x / Space mark done, s skips, u undoes the selected block', async () => {
    const calls = core();
    renderToday();
    await screen.findByTestId('block-b1');
    await userEvent.keyboard('x');
    expect(count(calls, 'block_status')).toBe(0); // nothing selected yet

    await userEvent.keyboard('jx');
    expect(status('b1')).toHaveTextContent('Done');
    await userEvent.keyboard('u');
    expect(status('b1')).toHaveTextContent('Planned');
    await userEvent.keyboard('[Space]');
    expect(status('b1')).toHaveTextContent('Done');
    await userEvent.keyboard('js');
    expect(status('b2')).toHaveTextContent('Skipped');
    expect(calls.filter((c) => c.cmd === 'block_status').map((c) => [c.args.id, c.args.status])).toEqual([
      ['b1', 'done'],
      ['b1', 'planned'],
      ['b1', 'done'],
      ['b2', 'skipped'],
    ]);
  });

  it('m opens the minutes field; keys typed there are minutes, not shortcuts', async () => {
    const calls = core();
    renderToday();
    await screen.findByTestId('block-b1');
    await userEvent.keyboard('jm');
    const minutes = screen.getByTestId('partial-minutes');
    expect(minutes).toHaveFocus();
    expect(minutes).toHaveValue(null); // the "m" was not typed into it
    await userEvent.keyboard('jksxun45');
    expect(screen.getByTestId('block-b1')).toHaveAttribute('aria-current', 'true');
    expect(count(calls, 'block_status')).toBe(0);
    await userEvent.keyboard('{Enter}');
    expect(status('b1')).toHaveTextContent('Partial · 45 of 90 min');
    expect(screen.getByTestId('block-b1')).toHaveFocus();
  });

  it('n opens the note editor; typing there is text; Esc cancels', async () => {
    const calls = core();
    renderToday();
    await screen.findByTestId('block-b1');
    await userEvent.keyboard('jjn');
    const text = screen.getByTestId('note-text');
    expect(text).toHaveFocus();
    await userEvent.keyboard('skip x, undo u');
    expect(text).toHaveValue('skip x, undo u');
    expect(status('b2')).toHaveTextContent('Planned');
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByTestId('note-text')).not.toBeInTheDocument();
    expect(screen.getByTestId('block-b2')).toHaveFocus();
    expect(count(calls, 'block_status') + count(calls, 'block_annotate')).toBe(0);
  });

  it('Space on a focused button presses that button only', async () => {
    const calls = core();
    renderToday();
    (await screen.findByTestId('action-skip-b2')).focus();
    await userEvent.keyboard('[Space]');
    expect(status('b2')).toHaveTextContent('Skipped');
    expect(count(calls, 'block_status')).toBe(1);
  });

  it('ignores the keys while something else owns the keyboard', async () => {
    const calls = core();
    renderToday(false);
    await screen.findByTestId('block-b1');
    await userEvent.keyboard('jxsmn');
    expect(screen.getByTestId('block-b1')).not.toHaveAttribute('aria-current');
    expect(screen.queryByTestId('partial-minutes')).not.toBeInTheDocument();
    expect(count(calls, 'block_status')).toBe(0);
  });
});
