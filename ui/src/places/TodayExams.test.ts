// Logging a practice exam from Today (Shift+P, in the ? list) and from a certification-track block's details
// in the calendar ("Log practice exam…"): the dialog opens on the certification of the block's track, dated
// the day shown (or the block's day); a plan without certifications says so.
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { SHORTCUTS } from '../lib/shortcuts';
import { calendarMilestones, calendarWeek } from '../test/calendarFixtures';
import { examsCore } from '../test/examFixtures';
import { dayBlocks, overview, ready } from '../test/fixtures';
import { mockCommands, type Answer, type Call } from '../test/ipc';
import Calendar from './Calendar.svelte';
import Today from './Today.svelte';

const ofCmd = (calls: Call[], cmd: string) => calls.filter((c) => c.cmd === cmd).map((c) => c.args);
const dialog = () => screen.findByRole('dialog', { name: 'Log a practice exam' });

function renderToday(handlers: Record<string, Answer> = {}, date = '2025-08-19') {
  const calls = mockCommands({ agenda: dayBlocks, busy_between: [], ...examsCore(), ...handlers });
  render(Today, { date, overview: ready(overview), onnavigate: vi.fn(), onreload: vi.fn() });
  return calls;
}

describe('Logging a practice exam from Today', () => {
  it('is in the ? list under Shift+P', () => {
    expect(SHORTCUTS.find((s) => s.keys.includes('Shift+P'))?.action).toBe(
      'Log a practice exam for a certification (Today)',
    );
  });

  it('opens with Shift+P on the certification of the first block’s track, dated the day shown', async () => {
    const calls = renderToday();
    await screen.findByTestId('block-b1');
    // Nothing asked of core before the key.
    expect(ofCmd(calls, 'certifications')).toHaveLength(0);
    await userEvent.keyboard('{Shift>}P{/Shift}');
    const d = await dialog();
    expect(d).toHaveAttribute('aria-modal', 'true');
    expect(await within(d).findByTestId('exam-cert')).toHaveValue('dea');
    expect(within(d).getByTestId('exam-date')).toHaveValue('2025-08-19');
    expect(within(d).getByTestId('exam-date')).toHaveFocus();
    // The key itself is not typed anywhere.
    expect(within(d).getByTestId('exam-score')).toHaveValue('');

    await userEvent.type(within(d).getByTestId('exam-score'), '43/60');
    await userEvent.click(within(d).getByTestId('exam-submit'));
    expect(ofCmd(calls, 'practice_exam_log')).toEqual([
      { cert: 'dea', date: '2025-08-19', full: true, minutes: null, score: '43/60', domains: [], missed: [] },
    ]);
    await userEvent.click(await within(d).findByTestId('exam-done'));
    expect(screen.queryByTestId('exam-dialog')).not.toBeInTheDocument();
  });

  it('takes the selected block’s track (j j: Python DSA)', async () => {
    renderToday();
    await screen.findByTestId('block-b1');
    await userEvent.keyboard('jj{Shift>}P{/Shift}');
    const d = await dialog();
    expect(await within(d).findByTestId('exam-cert')).toHaveValue('pyc');
  });

  it('dates a day still to come as today; plain p does not open it', async () => {
    renderToday({}, '2025-08-21');
    await screen.findByTestId('block-b1');
    await userEvent.keyboard('p');
    expect(screen.queryByTestId('exam-dialog')).not.toBeInTheDocument();
    await userEvent.keyboard('{Shift>}P{/Shift}');
    const d = await dialog();
    expect(await within(d).findByTestId('exam-date')).toHaveValue('2025-08-19');
    expect(within(d).getByTestId('exam-date')).toHaveAttribute('max', '2025-08-19');
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByTestId('exam-dialog')).not.toBeInTheDocument();
  });

  it('says so when the plan has no certifications', async () => {
    renderToday({ certifications: [] });
    await screen.findByTestId('block-b1');
    await userEvent.keyboard('{Shift>}P{/Shift}');
    const d = await dialog();
    expect(await within(d).findByTestId('exam-no-certs')).toHaveTextContent('No certifications in this plan');
    expect(within(d).queryByTestId('exam-submit')).not.toBeInTheDocument();
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByTestId('exam-dialog')).not.toBeInTheDocument();
  });
});

describe('Logging a practice exam from a calendar block', () => {

  function renderCalendar() {
    const calls = mockCommands({ agenda: calendarWeek, milestones: calendarMilestones, revisits: [], busy_between: [], ...examsCore() });
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

  it('offers “Log practice exam…” on a certification’s track, on the block’s day; not on other tracks', async () => {
    const calls = renderCalendar();
    // Mon 18 Aug, Data Engineering: the track of the Databricks certification.
    await fireEvent.click(await screen.findByTestId('cal-event-m1'));
    const details = await screen.findByTestId('cal-details');
    const button = await within(details).findByTestId('block-log-exam');
    expect(button).toHaveTextContent('Log practice exam…');
    expect(ofCmd(calls, 'certifications')).toHaveLength(1);
    await userEvent.click(button);
    const d = await dialog();
    expect(within(d).getByTestId('exam-cert')).toHaveValue('dea');
    expect(within(d).getByTestId('exam-date')).toHaveValue('2025-08-18');
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByTestId('exam-dialog')).not.toBeInTheDocument();

    // Thu 21 Aug, Fundamentals: no certification. The list is not asked for again.
    await fireEvent.click(screen.getByTestId('cal-event-c1'));
    expect(await screen.findByTestId('cal-details')).toHaveTextContent('Fundamentals');
    expect(screen.queryByTestId('block-log-exam')).not.toBeInTheDocument();
    expect(ofCmd(calls, 'certifications')).toHaveLength(1);
  });

  it('asks for nothing until a block’s details open', async () => {
    const calls = renderCalendar();
    await screen.findByTestId('cal-event-t1');
    expect(ofCmd(calls, 'certifications')).toHaveLength(0);
  });
});
