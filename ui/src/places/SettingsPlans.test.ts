// Settings → Plans: shipped plans and their load form, loading a file, the load report, activate and remove.
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ErrorBody } from '../lib/bindings/ErrorBody';
import type { LoadReport } from '../lib/bindings/LoadReport';
import type { PlanSummary } from '../lib/bindings/PlanSummary';
import { appInfo, firstLoad, overview, plan, ready, seniorPlan, settings, shippedPlans } from '../test/fixtures';
import { fails, mockCommands, type Answer, type Call } from '../test/ipc';
import Settings from './Settings.svelte';

/** Core with a plan list that loading, activating and removing change. */
function core(loaded: PlanSummary[], extra: Record<string, Answer> = {}) {
  let list = loaded;
  const calls = mockCommands({
    settings_get: settings,
    app_info: { ...appInfo, timezone: 'America/Chicago' },
    plan_shipped: shippedPlans,
    calendar_sources: [],
    sync_status: null,
    plan_list: () => list,
    plan_load: () => {
      list = [seniorPlan, ...list.map((p) => ({ ...p, active: false }))];
      return firstLoad;
    },
    plan_activate: ({ id }) => {
      list = list.map((p) => ({ ...p, active: p.id === id }));
      return list.find((p) => p.id === id);
    },
    plan_remove: ({ id }) => {
      list = list.filter((p) => p.id !== id);
      return null;
    },
    ...extra,
  });
  return calls;
}

function renderSettings() {
  const onplanschange = vi.fn();
  render(Settings, { overview: ready(overview), onplanschange });
  return onplanschange;
}

const count = (calls: Call[], cmd: string) => calls.filter((c) => c.cmd === cmd).length;

describe('Settings → Plans: shipped plans', () => {
  it('lists the shipped plans with their dates or length, and a load form for the chosen one', async () => {
    core([plan]);
    renderSettings();
    const senior = await screen.findByTestId('shipped-senior-de-2025');
    expect(senior).toHaveTextContent('Senior Data Engineering Study Plan');
    expect(senior).toHaveTextContent('Nine weeks of data engineering, Python DSA and SQL.');
    expect(senior).toHaveTextContent('Tue 19 Aug 2025 – Sat 18 Oct 2025');
    expect(screen.getByTestId('shipped-de-30-projects')).toHaveTextContent('12 weeks, you pick the start');

    // The first plan is chosen: its dates are its own, so the start is optional and there are no variants.
    const form = within(screen.getByRole('region', { name: 'Load a plan that comes with the app' }));
    expect(form.getByLabelText('Start date (optional)')).toBe(screen.getByTestId('load-start'));
    expect(screen.getByText(/a date here moves it to the same weekday on or after it/)).toBeInTheDocument();
    expect(screen.queryByTestId('load-variant')).not.toBeInTheDocument();
    expect(await form.findByPlaceholderText('America/Chicago')).toBe(screen.getByTestId('load-tz'));
    expect(screen.getByTestId('load-tz')).toHaveAccessibleDescription(
      "An IANA name such as Europe/Berlin. Empty: the plan's own zone, else this computer's (America/Chicago).",
    );
    expect(screen.getByTestId('load-submit')).toHaveTextContent('Load “Senior Data Engineering Study Plan”');

    await userEvent.click(screen.getByRole('radio', { name: /Advanced Data Engineering with Python/ }));
    expect(form.getByLabelText('Start date')).toBeRequired();
    expect(screen.getByText('Required: the plan counts its weeks from this day.')).toBeInTheDocument();
    const variant = screen.getByTestId('load-variant');
    expect(within(variant).getAllByRole('option').map((o) => o.textContent)).toEqual([
      '12-week (default)',
      '20-week',
      'self-paced',
    ]);
    expect(variant).toHaveValue('12-week');
  });

  it("sends a relative plan without a start to core and shows core's error", async () => {
    const calls = core([plan], {
      plan_load: ({ start }) =>
        start === null
          ? Promise.reject({
              kind: 'invalid_input',
              message: '“Advanced Data Engineering with Python” gives its length in weeks: choose a start date',
              diagnostics: [],
            } satisfies ErrorBody)
          : firstLoad,
    });
    const onplanschange = renderSettings();
    await userEvent.click(await screen.findByTestId('shipped-de-30-projects'));
    await userEvent.selectOptions(screen.getByTestId('load-variant'), '20-week');
    await userEvent.click(screen.getByTestId('load-submit'));

    expect(calls.find((c) => c.cmd === 'plan_load')?.args).toEqual({
      source: 'de-30-projects',
      start: null,
      tz: null,
      variant: '20-week',
    });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveAttribute('data-testid', 'error');
    expect(alert).toHaveTextContent("Couldn't load the plan");
    expect(alert).toHaveTextContent('gives its length in weeks: choose a start date');
    expect(screen.queryByTestId('load-report')).not.toBeInTheDocument();
    expect(onplanschange).not.toHaveBeenCalled();
  });

  it('loads a plan, says what it did, and refreshes the list and the app', async () => {
    const calls = core([plan]);
    const onplanschange = renderSettings();
    await screen.findByTestId('plan-de-9w');
    await userEvent.type(screen.getByTestId('load-start'), '2025-09-01');
    await userEvent.type(screen.getByTestId('load-tz'), ' America/New_York ');
    await userEvent.click(screen.getByTestId('load-submit'));

    expect(await screen.findByTestId('load-report')).toHaveTextContent(
      'Loaded “Senior Data Engineering Study Plan”: 392 blocks in 9 weeks. It is now the active plan.',
    );
    expect(calls.find((c) => c.cmd === 'plan_load')?.args).toEqual({
      source: 'senior-de-2025',
      start: '2025-09-01',
      tz: 'America/New_York',
      variant: null,
    });
    expect(onplanschange).toHaveBeenCalledTimes(1);
    expect(count(calls, 'plan_list')).toBe(2);
    expect(within(await screen.findByTestId('plan-senior-de-2025')).getByText('Active')).toBeInTheDocument();
    expect(within(screen.getByTestId('plan-de-9w')).queryByText('Active')).not.toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('tells a reload in numbers, and that the history of changed blocks stays in the log', async () => {
    const reload: LoadReport = { ...firstLoad, reloaded: true, added: 3, moved: 2, removed: 1, unchanged: 386, history_kept: 2 };
    core([seniorPlan], { plan_load: reload });
    renderSettings();
    await userEvent.click(await screen.findByTestId('load-submit'));
    const report = await screen.findByTestId('load-report');
    expect(report).toHaveTextContent(
      'Reloaded “Senior Data Engineering Study Plan”: 3 added, 2 moved, 1 removed, 386 unchanged.',
    );
    expect(report).toHaveTextContent('2 moved or removed blocks had a status or notes; their history stays in the log.');
  });
});

describe('Settings → Plans: plan files', () => {
  it('offers the file chooser and loads a typed path', async () => {
    const calls = core([]);
    renderSettings();
    expect(await screen.findByRole('heading', { name: 'No plans loaded' })).toBeInTheDocument();
    expect(screen.getByLabelText('Plan file')).toHaveAccessibleDescription(
      "Choose a .toml plan file, or type or paste its full path.",
    );
    await userEvent.type(screen.getByTestId('load-path'), '/home/ada/plans/mine.toml');
    await userEvent.type(screen.getByTestId('load-path-start'), '2025-09-01');
    await userEvent.click(screen.getByTestId('load-path-submit'));
    expect(await screen.findByTestId('load-report')).toHaveTextContent('Loaded “Senior Data Engineering Study Plan”');
    expect(calls.find((c) => c.cmd === 'plan_load')?.args).toEqual({
      source: '/home/ada/plans/mine.toml',
      start: '2025-09-01',
      tz: null,
      variant: null,
    });
    expect(await screen.findByTestId('plan-senior-de-2025')).toBeInTheDocument();
  });

  it('lists every problem of an invalid plan file as file:line:col: message with its hint', async () => {
    const invalid: ErrorBody = {
      kind: 'plan_invalid',
      message: 'the plan has 2 problems',
      diagnostics: [
        { file: '/home/ada/plans/broken.toml', line: 12, column: 5, message: 'unknown track "sql"', hint: 'declare it under [[tracks]]' },
        { file: '/home/ada/plans/broken.toml', line: 40, column: 1, message: 'week 4 ends before it starts', hint: null },
      ],
    };
    const onplanschange = vi.fn();
    core([plan], { plan_load: fails(invalid) });
    render(Settings, { overview: ready(overview), onplanschange });
    await userEvent.type(await screen.findByTestId('load-path'), '/home/ada/plans/broken.toml');
    await userEvent.click(screen.getByTestId('load-path-submit'));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveAttribute('data-testid', 'error');
    expect(alert).toHaveTextContent("Couldn't load the plan file");
    const items = within(alert).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('/home/ada/plans/broken.toml:12:5: unknown track "sql"');
    expect(items[0]).toHaveTextContent('hint: declare it under [[tracks]]');
    expect(items[1]).toHaveTextContent('/home/ada/plans/broken.toml:40:1: week 4 ends before it starts');
    expect(alert).toHaveTextContent('Fix the plan file at the places listed and load it again.');
    expect(onplanschange).not.toHaveBeenCalled();
  });
});

describe('Settings → Plans: loaded plans', () => {
  const other: PlanSummary = { ...seniorPlan, active: false };

  it('activates a plan that is not active', async () => {
    const calls = core([plan, other]);
    const onplanschange = renderSettings();
    await screen.findByTestId('plan-de-9w');
    expect(screen.queryByTestId('plan-activate-de-9w')).not.toBeInTheDocument();
    await userEvent.click(screen.getByTestId('plan-activate-senior-de-2025'));
    expect(calls.find((c) => c.cmd === 'plan_activate')?.args).toEqual({ id: 'senior-de-2025' });
    expect(await within(screen.getByTestId('plan-senior-de-2025')).findByText('Active')).toBeInTheDocument();
    expect(screen.getByTestId('plan-activate-de-9w')).toBeInTheDocument();
    expect(onplanschange).toHaveBeenCalledTimes(1);
  });

  it('asks once before removing a plan; Cancel keeps it', async () => {
    const calls = core([plan, other]);
    const onplanschange = renderSettings();
    await userEvent.click(await screen.findByTestId('plan-remove-de-9w'));
    const prompt = screen.getByRole('group', { name: 'Remove “Data Engineering in 9 Weeks”?' });
    expect(prompt).toHaveTextContent('Its blocks and checklists are deleted; the event log keeps their history.');
    expect(within(prompt).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    expect(count(calls, 'plan_remove')).toBe(0);

    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('group', { name: /^Remove/ })).not.toBeInTheDocument();
    expect(screen.getByTestId('plan-remove-de-9w')).toHaveFocus();
    expect(count(calls, 'plan_remove')).toBe(0);

    await userEvent.click(screen.getByTestId('plan-remove-de-9w'));
    await userEvent.click(screen.getByTestId('plan-remove-confirm-de-9w'));
    expect(calls.find((c) => c.cmd === 'plan_remove')?.args).toEqual({ id: 'de-9w' });
    await vi.waitFor(() => expect(screen.queryByTestId('plan-de-9w')).not.toBeInTheDocument());
    expect(screen.getByTestId('plan-senior-de-2025')).toBeInTheDocument();
    expect(onplanschange).toHaveBeenCalledTimes(1);
  });

  it("shows core's error when a plan can't be removed", async () => {
    core([plan], {
      plan_remove: fails({ kind: 'not_found', message: 'no plan `de-9w` is loaded', diagnostics: [] }),
    });
    const onplanschange = renderSettings();
    await userEvent.click(await screen.findByTestId('plan-remove-de-9w'));
    await userEvent.click(screen.getByTestId('plan-remove-confirm-de-9w'));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Couldn\'t remove “Data Engineering in 9 Weeks”');
    expect(alert).toHaveTextContent('no plan `de-9w` is loaded');
    expect(onplanschange).not.toHaveBeenCalled();
  });
});

describe('Settings → Plans: choosing a file', () => {
  it('fills the path from the desktop file dialog and loads it', async () => {
    const calls = core([plan], { plan_choose_file: '/home/ada/plans/chosen.toml' });
    renderSettings();
    await userEvent.click(await screen.findByTestId('load-path-choose'));
    await vi.waitFor(() => expect(screen.getByTestId('load-path')).toHaveValue('/home/ada/plans/chosen.toml'));
    await userEvent.click(screen.getByTestId('load-path-submit'));
    await screen.findByTestId('load-report');
    expect(calls.find((c) => c.cmd === 'plan_load')?.args.source).toBe('/home/ada/plans/chosen.toml');
  });

  it('keeps what was typed when the dialog is cancelled', async () => {
    core([plan], { plan_choose_file: null });
    renderSettings();
    await userEvent.type(await screen.findByTestId('load-path'), '/typed.toml');
    await userEvent.click(screen.getByTestId('load-path-choose'));
    await vi.waitFor(() => expect(screen.getByTestId('load-path-choose')).toBeEnabled());
    expect(screen.getByTestId('load-path')).toHaveValue('/typed.toml');
  });
});
