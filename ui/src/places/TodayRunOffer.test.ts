// Today when the plan has ended: the offer to follow it again on coming dates (core::runs), in one step or on a
// picked date, with core's refusal shown in words.
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Overview } from '../lib/bindings/Overview';
import type { LoadReport } from '../lib/bindings/LoadReport';
import { firstLoad, overview, ready } from '../test/fixtures';
import { fails, mockCommands } from '../test/ipc';
import Today from './Today.svelte';

const ended: Overview = {
  ...overview,
  today: '2026-11-30',
  week: null,
  next_reminder: null,
  run_offer: { plan_id: overview.plan!.id, state: 'ended', next_start: '2026-12-01', weekday: 'Tuesday', zone: 'Europe/Berlin' },
};

const report = (start: string): LoadReport => ({
  ...firstLoad,
  plan: { ...firstLoad.plan, id: `${overview.plan!.id}-${start}`, start, end: '2027-01-30' },
});

function renderEnded() {
  const onnavigate = vi.fn();
  const onreload = vi.fn();
  render(Today, { date: '2026-11-30', overview: ready(ended), onnavigate, onreload });
  return { onnavigate, onreload };
}

describe('Today after the plan ended', () => {
  it('offers the next Tuesday in one step, then shows that day', async () => {
    const calls = mockCommands({ agenda: [], busy_between: [], plan_restart: report('2026-12-01') });
    const { onnavigate, onreload } = renderEnded();
    const offer = screen.getByTestId('run-offer');
    expect(offer).toHaveTextContent('This plan ended on Sun 5 Oct 2025');
    expect(offer).toHaveTextContent('it starts on a Tuesday');
    expect(offer).toHaveTextContent('(Europe/Berlin)');
    await userEvent.click(screen.getByRole('button', { name: 'Start on Tue 1 Dec 2026' }));
    expect(calls.filter((c) => c.cmd === 'plan_restart')).toEqual([
      { cmd: 'plan_restart', args: { id: overview.plan!.id, start: '2026-12-01', tz: null } },
    ]);
    expect(onreload).toHaveBeenCalled();
    expect(onnavigate).toHaveBeenCalledWith('2026-12-01');
  });

  it('starts on a picked date with Enter, and shows a refusal in words', async () => {
    const calls = mockCommands({
      agenda: [],
      busy_between: [],
      plan_restart: fails({ kind: 'invalid_input', message: 'the year 2250 is outside 1970–2199', diagnostics: [] }),
    });
    const { onnavigate } = renderEnded();
    expect(screen.getByRole('button', { name: 'Start then' })).toBeDisabled();
    const input = screen.getByLabelText('Or start on');
    await userEvent.type(input, '2250-01-01{Enter}');
    expect(calls.filter((c) => c.cmd === 'plan_restart')[0]!.args).toEqual({ id: overview.plan!.id, start: '2250-01-01', tz: null });
    expect(await screen.findByTestId('run-offer-error')).toHaveTextContent('the year 2250 is outside 1970–2199');
    expect(onnavigate).not.toHaveBeenCalled();
  });

  it('offers nothing while the plan runs', () => {
    mockCommands({ agenda: [], busy_between: [] });
    render(Today, { date: '2025-08-19', overview: ready(overview), onnavigate: vi.fn(), onreload: vi.fn() });
    expect(screen.queryByTestId('run-offer')).not.toBeInTheDocument();
  });
});

describe('Today on the ended plan’s own days', () => {
  it('does not offer a new run while looking back at the plan', () => {
    mockCommands({ agenda: [], busy_between: [] });
    render(Today, { date: '2025-08-19', overview: ready(ended), onnavigate: vi.fn(), onreload: vi.fn() });
    expect(screen.queryByTestId('run-offer')).not.toBeInTheDocument();
  });
});
