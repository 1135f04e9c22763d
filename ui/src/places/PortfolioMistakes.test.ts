// Portfolio's mistakes log: loading, error, empty, grouped by week, revisits with their state, Solid / Again
// through revisit_close (and core's refusal), "Due now", links opened only through open_external.
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import MistakesSection from '../lib/components/mistakes/MistakesSection.svelte';
import { noPlanOverview, overview, portfolio, progress, ready, storageError } from '../test/fixtures';
import { fails, mockCommands, never, type Answer } from '../test/ipc';
import { TODAY, mistakesCore } from '../test/mistakeFixtures';
import { noTeam } from '../test/teamFixtures';
import Portfolio from './Portfolio.svelte';

const text = (el: Element) => el.textContent?.replace(/\s+/g, ' ').trim() ?? '';

function renderLog(handlers: Record<string, Answer> = {}) {
  const calls = mockCommands({ ...mistakesCore(), ...handlers });
  render(MistakesSection, { today: TODAY });
  return calls;
}

describe('Portfolio mistakes section', () => {
  beforeEach(() => {
    // jsdom has no canvas: the progress chart is skipped.
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
  });

  it('is part of Portfolio when a plan is loaded, fetched with the whole log', async () => {
    const calls = mockCommands({ portfolio, progress, certifications: [], team_view: fails(noTeam), ...mistakesCore() });
    render(Portfolio, { overview: ready(overview), onreload: vi.fn() });
    const section = await screen.findByTestId('mistakes');
    expect(within(section).getByRole('heading', { level: 2, name: 'Mistakes' })).toBeInTheDocument();
    expect(await within(section).findByTestId('mistake-1')).toBeInTheDocument();
    expect(calls.filter((c) => c.cmd === 'mistakes_list')).toEqual([{ cmd: 'mistakes_list', args: { due: false } }]);
    // After the portfolio.
    const list = screen.getByTestId('checklist-environment-setup');
    expect(list.compareDocumentPosition(section) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('is not shown without a plan', async () => {
    const calls = mockCommands({
      portfolio: fails({ kind: 'not_found', message: 'no plan is active; load a plan first', diagnostics: [] }),
    });
    render(Portfolio, { overview: ready(noPlanOverview), onreload: vi.fn() });
    expect(await screen.findByRole('heading', { name: 'No plan loaded' })).toBeInTheDocument();
    expect(screen.queryByTestId('mistakes')).not.toBeInTheDocument();
    expect(calls.map((c) => c.cmd)).toEqual(['portfolio']);
  });
});

describe('Mistakes log', () => {
  it('shows a skeleton while loading', () => {
    renderLog({ mistakes_list: never() });
    expect(screen.getByRole('status')).toHaveTextContent('Loading the mistakes log…');
  });

  it("shows core's error in words with a retry", async () => {
    const calls = renderLog({ mistakes_list: fails(storageError) });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent("Couldn't load the mistakes log");
    expect(alert).toHaveTextContent('database error: disk I/O error');
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(calls.filter((c) => c.cmd === 'mistakes_list')).toHaveLength(2);
  });

  it('explains what the log is for when it is empty', async () => {
    renderLog({ mistakes_list: [] });
    const empty = await screen.findByTestId('mistakes-empty');
    expect(within(empty).getByRole('heading', { name: 'No mistakes logged yet' })).toBeInTheDocument();
    expect(text(empty)).toContain(
      'The plan asks you to revisit mistakes after 48 hours and a week; log one from Today with e.',
    );
  });

  it('groups the mistakes by week, newest first, with track, topic, what, fix, link and revisits', async () => {
    renderLog();
    await screen.findByTestId('mistake-1');
    const weeks = screen.getAllByRole('heading', { level: 3 }).map(text);
    expect(weeks.map((w) => w.replace(/\s/g, ' '))).toEqual(['Week of 18 – 24 Aug 2025', 'Week of 11 – 17 Aug 2025']);
    const thisWeek = screen.getByTestId('mistakes-week-2025-08-18');
    expect(within(thisWeek).getAllByRole('heading', { level: 4 }).map(text)).toEqual(['Spark DataFrames, Delta Lake', 'Hashing']);
    expect(within(screen.getByTestId('mistakes-week-2025-08-11')).getByTestId('mistake-2')).toBeInTheDocument();
    expect(screen.getByTestId('mistakes-count')).toHaveTextContent('3 mistakes');

    const spark = screen.getByTestId('mistake-1');
    expect(spark).toHaveTextContent('Data Engineering');
    expect(spark).toHaveTextContent('Tue 19 Aug');
    expect(screen.getByTestId('mistake-what-1')).toHaveTextContent('Called collect() on a 40 GB DataFrame');
    expect(screen.getByTestId('mistake-fix-1')).toHaveTextContent('Use take(n) or write the result out');
    expect(screen.getByTestId('mistake-link-1')).toHaveTextContent('https://spark.apache.org/docs/latest/rdd-programming-guide.html');
    expect(text(screen.getByTestId('revisit-11'))).toBe('48-hour revisit Thu 21 Aug, 09:00 Open Solid Again');
    expect(text(screen.getByTestId('revisit-12'))).toBe('One-week revisit Tue 26 Aug, 19:00 Open Solid Again');
    expect(screen.getByTestId('revisit-solid-11')).toHaveAccessibleName('Solid: 48-hour revisit of Spark DataFrames, Delta Lake');

    // Closed revisits say how they went and when, without buttons; one due today says so.
    expect(text(screen.getByTestId('revisit-21'))).toBe('48-hour revisit Thu 14 Aug, 09:00 Again · Fri 15 Aug');
    expect(text(screen.getByTestId('revisit-22'))).toContain('Open · due');
    expect(text(screen.getByTestId('revisit-23'))).toBe('Extra revisit Sun 17 Aug, 09:00 Solid · Sun 17 Aug');
    expect(screen.queryByTestId('revisit-solid-21')).not.toBeInTheDocument();
    // In date order: the extra revisit "again" added comes before the one-week one.
    const rows = within(screen.getByRole('list', { name: 'Revisits of Sliding window' })).getAllByRole('listitem');
    expect(rows.map((r) => r.dataset.testid)).toEqual(['revisit-21', 'revisit-23', 'revisit-22']);
    expect(screen.getByTestId('revisit-21')).toHaveAttribute('data-state', 'again');
    expect(screen.getByTestId('mistake-3')).toHaveTextContent('Settled');
    expect(screen.queryByTestId('mistake-fix-3')).not.toBeInTheDocument();
  });

  it('"Due now" asks core for the due ones only, and says when none are due', async () => {
    const calls = renderLog();
    await screen.findByTestId('mistake-1');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Due now' }));
    expect(await screen.findByTestId('mistake-2')).toBeInTheDocument();
    expect(screen.queryByTestId('mistake-1')).not.toBeInTheDocument();
    expect(screen.getByTestId('mistakes-count')).toHaveTextContent('1 mistake with a revisit due');
    expect(calls.filter((c) => c.cmd === 'mistakes_list').map((c) => c.args)).toEqual([{ due: false }, { due: true }]);

    await userEvent.click(screen.getByTestId('revisit-solid-22'));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Due now' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Due now' }));
    const none = await screen.findByTestId('mistakes-none-due');
    expect(none).toHaveTextContent('Nothing due now');
    expect(none).toHaveTextContent('No revisit is due today or earlier.');
  });

  it('closes a revisit as solid through core and shows what core stored, in place', async () => {
    const calls = renderLog();
    await userEvent.click(await screen.findByTestId('revisit-solid-11'));
    expect(calls.at(-1)).toEqual({ cmd: 'revisit_close', args: { id: 11, outcome: 'solid' } });
    const row = screen.getByTestId('revisit-11');
    expect(row).toHaveAttribute('data-state', 'solid');
    expect(text(row)).toBe('48-hour revisit Thu 21 Aug, 09:00 Solid · Tue 19 Aug');
    expect(row).toHaveFocus();
    expect(within(screen.getByTestId('mistake-1')).getByRole('status')).toHaveTextContent('Marked solid.');
    expect(calls.filter((c) => c.cmd === 'mistakes_list')).toHaveLength(1);
  });

  it('"Again" adds one more revisit two days later', async () => {
    const calls = renderLog();
    await userEvent.click(await screen.findByTestId('revisit-again-22'));
    expect(calls.at(-1)).toEqual({ cmd: 'revisit_close', args: { id: 22, outcome: 'again' } });
    const mistake = screen.getByTestId('mistake-2');
    expect(screen.getByTestId('revisit-22')).toHaveAttribute('data-state', 'again');
    expect(text(screen.getByTestId('revisit-100'))).toBe('Extra revisit Thu 21 Aug, 11:00 Open Solid Again');
    expect(within(mistake).getByRole('status')).toHaveTextContent('Again: one more revisit on Thu 21 Aug.');
  });

  it("shows core's refusal in words next to the mistake", async () => {
    renderLog({
      revisit_close: fails({ kind: 'conflict', message: 'revisit 11 is already closed (solid on 2025-08-19)', diagnostics: [] }),
    });
    await userEvent.click(await screen.findByTestId('revisit-solid-11'));
    const alert = within(screen.getByTestId('mistake-1')).getByRole('alert');
    expect(alert).toHaveTextContent("Couldn't close the revisit");
    expect(alert).toHaveTextContent('revisit 11 is already closed (solid on 2025-08-19)');
    expect(screen.getByTestId('revisit-11')).toHaveAttribute('data-state', 'open');
  });

  it('opens a web link only through open_external, on a click; other links are not opened', async () => {
    const calls = renderLog({ open_external: null });
    const link = await screen.findByTestId('mistake-link-1');
    expect(link.tagName).toBe('BUTTON');
    expect(document.querySelector('[data-testid="mistakes"] a[href]')).toBeNull();
    expect(calls.some((c) => c.cmd === 'open_external')).toBe(false);
    await userEvent.click(link);
    expect(calls.at(-1)).toEqual({
      cmd: 'open_external',
      args: { url: 'https://spark.apache.org/docs/latest/rdd-programming-guide.html' },
    });

    const file = screen.getByTestId('mistake-link-2');
    expect(file.tagName).toBe('SPAN');
    expect(file).toHaveTextContent('file:///home/ada/notes.md');
    await userEvent.click(file);
    expect(calls.filter((c) => c.cmd === 'open_external')).toHaveLength(1);
  });

  it('says so when the browser could not be opened', async () => {
    renderLog({ open_external: fails({ kind: 'io', message: 'no browser found', diagnostics: [] }) });
    await userEvent.click(await screen.findByTestId('mistake-link-1'));
    expect(await within(screen.getByTestId('mistake-1')).findByRole('alert')).toHaveTextContent(
      "Couldn't open https://spark.apache.org/docs/latest/rdd-programming-guide.html: no browser found",
    );
  });
});
