// Today, logging a mistake: `e` or the button opens the dialog prefilled from the selected (or first) block,
// Enter in the link / Ctrl+Enter sends mistake_add, core's refusal shows in the dialog, success names the
// revisit dates; Esc closes and gives focus back; keys don't leak to the app while it is open.
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ErrorBody } from '../lib/bindings/ErrorBody';
import { SHORTCUTS } from '../lib/shortcuts';
import { dayBlocks, overview, ready } from '../test/fixtures';
import { fails, mockCommands, type Answer, type Call } from '../test/ipc';
import { sparkMistake } from '../test/mistakeFixtures';
import Today from './Today.svelte';

function renderToday(handlers: Record<string, Answer> = {}, date = '2025-08-19') {
  const calls = mockCommands({ agenda: dayBlocks, busy_between: [], mistake_add: sparkMistake, ...handlers });
  const onopenlog = vi.fn();
  render(Today, { date, overview: ready(overview), onnavigate: vi.fn(), onreload: vi.fn(), onopenlog });
  return { calls, onopenlog };
}

const dialog = () => screen.findByRole('dialog', { name: 'Log a mistake' });
const adds = (calls: Call[]) => calls.filter((c) => c.cmd === 'mistake_add');

describe('Logging a mistake from Today', () => {
  it('is in the ? list under e', () => {
    expect(SHORTCUTS.find((s) => s.keys.includes('e'))?.action).toBe('Log a mistake for the selected block (Today)');
  });

  it('opens with e, prefilled with the first block’s track and week topic and the day shown, focus on what went wrong', async () => {
    renderToday();
    await screen.findByTestId('block-b1');
    await userEvent.keyboard('e');
    const d = await dialog();
    expect(d).toHaveAttribute('aria-modal', 'true');
    expect(d).toHaveTextContent('Tue 19 Aug 2025');
    expect(within(d).getByTestId('mistake-track')).toHaveValue('de');
    expect(within(d).getByRole('combobox', { name: 'Track' })).toHaveDisplayValue('Data Engineering');
    expect(within(d).getByTestId('mistake-topic')).toHaveValue('Spark DataFrames, Delta Lake');
    expect(within(d).getByTestId('mistake-what')).toHaveFocus();
    // The key itself is not typed into the field.
    expect(within(d).getByTestId('mistake-what')).toHaveValue('');
  });

  it('takes the selected block (j) and sends what was typed with Enter in the link field', async () => {
    const { calls } = renderToday();
    await screen.findByTestId('block-b1');
    await userEvent.keyboard('jj');
    expect(screen.getByTestId('block-b2')).toHaveAttribute('aria-current', 'true');
    await userEvent.keyboard('e');
    const d = await dialog();
    expect(within(d).getByTestId('mistake-track')).toHaveValue('dsa');
    expect(within(d).getByTestId('mistake-topic')).toHaveValue('Arrays/Strings, Hashing, Sliding Window');

    await userEvent.keyboard('Moved the left pointer past the right one');
    await userEvent.click(within(d).getByTestId('mistake-fix'));
    await userEvent.keyboard('Loop while left < right');
    await userEvent.click(within(d).getByTestId('mistake-link'));
    await userEvent.keyboard('https://leetcode.com/problems/two-sum/{Enter}');
    expect(adds(calls)).toEqual([
      {
        cmd: 'mistake_add',
        args: {
          date: '2025-08-19',
          track: 'dsa',
          topic: 'Arrays/Strings, Hashing, Sliding Window',
          what: 'Moved the left pointer past the right one',
          fix: 'Loop while left < right',
          link: 'https://leetcode.com/problems/two-sum/',
        },
      },
    ]);
    const done = await within(d).findByTestId('mistake-logged');
    expect(done).toHaveAttribute('role', 'status');
    expect(done).toHaveTextContent('Logged “Spark DataFrames, Delta Lake”. Revisits on Thu 21 Aug and Tue 26 Aug.');
    expect(within(d).getByTestId('mistake-done')).toHaveFocus();
  });

  it('logs with Ctrl+Enter, sending empty fix and link as null; Enter in the topic moves on instead', async () => {
    const { calls } = renderToday();
    await userEvent.click(await screen.findByRole('button', { name: 'Log a mistake' }));
    const d = await dialog();
    const topic = within(d).getByTestId('mistake-topic');
    await userEvent.clear(topic);
    await userEvent.type(topic, 'Delta MERGE{Enter}');
    expect(adds(calls)).toHaveLength(0);
    expect(within(d).getByTestId('mistake-what')).toHaveFocus();
    await userEvent.keyboard('  Forgot the match condition  {Control>}{Enter}{/Control}');
    expect(adds(calls).at(-1)?.args).toEqual({
      date: '2025-08-19',
      track: 'de',
      topic: 'Delta MERGE',
      what: 'Forgot the match condition',
      fix: null,
      link: null,
    });
    expect(await within(d).findByTestId('mistake-logged')).toBeInTheDocument();
  });

  it('asks for what went wrong before sending anything', async () => {
    const { calls } = renderToday();
    await screen.findByTestId('block-b1');
    await userEvent.keyboard('e');
    const d = await dialog();
    await userEvent.click(within(d).getByTestId('mistake-submit'));
    expect(within(d).getByText('Write what went wrong.')).toBeInTheDocument();
    expect(within(d).getByTestId('mistake-what')).toHaveAttribute('aria-invalid', 'true');
    expect(within(d).getByTestId('mistake-what')).toHaveFocus();
    expect(adds(calls)).toHaveLength(0);
  });

  it("shows core's refusal in words in the dialog and keeps what was typed", async () => {
    const refusal: ErrorBody = {
      kind: 'invalid_input',
      message: 'a mistake link must be http or https, not `ftp://example.org/notes`',
      diagnostics: [],
    };
    renderToday({ mistake_add: fails(refusal) });
    await screen.findByTestId('block-b1');
    await userEvent.keyboard('e');
    const d = await dialog();
    await userEvent.keyboard('Wrong join type');
    await userEvent.type(within(d).getByTestId('mistake-link'), 'ftp://example.org/notes{Enter}');
    const alert = await within(d).findByRole('alert');
    expect(alert).toHaveTextContent("Couldn't log the mistake");
    expect(alert).toHaveTextContent('a mistake link must be http or https, not `ftp://example.org/notes`');
    expect(within(d).getByTestId('mistake-what')).toHaveValue('Wrong join type');
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });

  it('changing the track brings that track’s week topic while the topic is untouched', async () => {
    renderToday();
    await userEvent.click(await screen.findByTestId('log-mistake'));
    const d = await dialog();
    await userEvent.selectOptions(within(d).getByTestId('mistake-track'), 'dsa');
    expect(within(d).getByTestId('mistake-topic')).toHaveValue('Arrays/Strings, Hashing, Sliding Window');
    await userEvent.clear(within(d).getByTestId('mistake-topic'));
    await userEvent.type(within(d).getByTestId('mistake-topic'), 'Heaps');
    await userEvent.selectOptions(within(d).getByTestId('mistake-track'), 'de');
    expect(within(d).getByTestId('mistake-topic')).toHaveValue('Heaps');
  });

  it('closes with Esc and gives focus back; while open, keys stay in the dialog', async () => {
    const { onopenlog } = renderToday();
    const button = await screen.findByTestId('log-mistake');
    await userEvent.click(button);
    const d = await dialog();
    // On a button in the dialog, Today's keys (l: daily log, j: next block) do nothing.
    within(d).getByRole('button', { name: 'Cancel' }).focus();
    await userEvent.keyboard('lj');
    expect(onopenlog).not.toHaveBeenCalled();
    expect(screen.getByTestId('block-b1')).not.toHaveAttribute('aria-current');
    // Tab stays inside.
    await userEvent.tab();
    expect(d).toContainElement(document.activeElement as HTMLElement);
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(button).toHaveFocus();
    // And Today's keys work again.
    await userEvent.keyboard('l');
    expect(onopenlog).toHaveBeenCalledWith('2025-08-19');
  });

  it('opens on a day without blocks with the plan’s first track and that week’s topic', async () => {
    renderToday({ agenda: [] }, '2025-08-23');
    await screen.findByTestId('empty-day');
    await userEvent.keyboard('e');
    const d = await dialog();
    expect(d).toHaveTextContent('Sat 23 Aug 2025');
    expect(within(d).getByTestId('mistake-track')).toHaveValue('de');
    expect(within(d).getByTestId('mistake-topic')).toHaveValue('Spark DataFrames, Delta Lake');
  });

  it('"Log another" starts a fresh form after a success', async () => {
    const { calls } = renderToday();
    await userEvent.click(await screen.findByTestId('log-mistake'));
    const d = await dialog();
    await userEvent.keyboard('First{Control>}{Enter}{/Control}');
    await userEvent.click(await within(d).findByTestId('mistake-another'));
    expect(within(d).getByTestId('mistake-what')).toHaveValue('');
    expect(within(d).getByTestId('mistake-what')).toHaveFocus();
    expect(adds(calls)).toHaveLength(1);
    await userEvent.click(within(d).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });
});
