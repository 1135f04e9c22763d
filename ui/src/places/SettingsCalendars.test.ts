// Settings → Calendars: the list (kind, location, last read or its error, report, skipped lines), importing an
// .ics file, subscribing (core's refusal shown inline), refreshing one or all, removing after a confirm step,
// and fetching again after the app's background refresh.
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ErrorBody } from '../lib/bindings/ErrorBody';
import type { SourceView } from '../lib/bindings/SourceView';
import { brokenCalendar, courseCalendar, source, workCalendar } from '../test/calendarsFixtures';
import { appInfo, overview, plan, ready, settings, shippedPlans, storageError } from '../test/fixtures';
import { fails, mockCommands, never, type Answer, type Call } from '../test/ipc';
import Settings from './Settings.svelte';

/** Core with a list of calendars that importing, subscribing, refreshing and removing change. */
function core(initial: SourceView[], extra: Record<string, Answer> = {}) {
  let list = initial;
  const calls = mockCommands({
    settings_get: settings,
    app_info: appInfo,
    plan_list: [plan],
    plan_shipped: shippedPlans,
    calendar_sources: () => list,
    sync_status: null,
    ...extra,
  });
  return { calls, set: (l: SourceView[]) => (list = l) };
}

const renderSettings = (calendarsVersion = 0) => render(Settings, { overview: ready(overview), calendarsVersion });
const count = (calls: Call[], cmd: string) => calls.filter((c) => c.cmd === cmd).length;
const rows = () => screen.getAllByTestId('calendar-source');
const section = () => within(screen.getByRole('region', { name: 'Calendars' }));

describe('Settings → Calendars: the list', () => {
  it('comes after the plans, and shows a skeleton while loading', () => {
    core([], { calendar_sources: never() });
    renderSettings();
    const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(headings.indexOf('Calendars')).toBe(headings.indexOf('Plans') + 1);
    expect(section().getByRole('status')).toHaveTextContent('Loading your calendars…');
  });

  it('says what to do when there are no calendars', async () => {
    core([]);
    renderSettings();
    expect(await screen.findByTestId('empty-calendars')).toHaveTextContent('No other calendars yet');
    expect(screen.getByTestId('calendars-import')).toHaveTextContent('Import .ics file…');
    expect(screen.queryByTestId('calendars-refresh-all')).not.toBeInTheDocument();
  });

  it("shows core's error in words with a retry", async () => {
    const { calls } = core([], { calendar_sources: fails(storageError) });
    renderSettings();
    const alert = await section().findByRole('alert');
    expect(alert).toHaveTextContent("Couldn't list your calendars");
    expect(alert).toHaveTextContent('database error: disk I/O error');
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(count(calls, 'calendar_sources')).toBe(2);
  });

  it('lists each calendar: colour and name, kind, where from, when read, what the read found', async () => {
    core([workCalendar, courseCalendar, brokenCalendar]);
    renderSettings();
    await screen.findAllByTestId('calendar-source');
    const [work, course, club] = rows();

    expect(within(work!).getByText('Work')).toBeInTheDocument();
    expect(work!.style.getPropertyValue('--sp-cal')).toBe('#5f8a8b');
    expect(within(work!).getByTestId('calendar-kind')).toHaveTextContent('File');
    expect(work).toHaveTextContent('/home/ada/calendars/work.ics');
    expect(within(work!).getByTestId('calendar-refreshed')).toHaveTextContent(/^Refreshed Tue 19 Aug/);
    expect(within(work!).getByTestId('calendar-report')).toHaveTextContent('14 events · 52 shown · 2 skipped');

    // The skipped events are behind a disclosure, each as "line N: reason".
    const skipped = within(work!).getByTestId('calendar-skipped');
    expect(skipped.tagName).toBe('DETAILS');
    expect(skipped).not.toHaveAttribute('open');
    await userEvent.click(within(skipped).getByText('Why 2 events were skipped'));
    expect(skipped).toHaveAttribute('open');
    expect(within(skipped).getAllByRole('listitem').map((li) => li.textContent?.trim())).toEqual([
      'line 120: no DTSTART',
      'line 301: RRULE with FREQ=SECONDLY is not supported',
    ]);

    expect(within(course!).getByTestId('calendar-kind')).toHaveTextContent('Subscription, every 60 min');
    expect(course).toHaveTextContent('https://uni.example.org/timetable/ada.ics');
    expect(within(course!).getByTestId('calendar-report')).toHaveTextContent('6 events · 30 shown · 0 skipped');
    expect(within(course!).queryByTestId('calendar-skipped')).not.toBeInTheDocument();
    expect(within(course!).queryByTestId('calendar-error')).not.toBeInTheDocument();

    // A failed read is shown as an error, in core's words, instead of "Refreshed".
    expect(within(club!).getByTestId('calendar-error')).toHaveTextContent("Couldn't read it: the server answered 404 Not Found");
    expect(within(club!).queryByTestId('calendar-refreshed')).not.toBeInTheDocument();
    expect(club).toHaveTextContent('Nothing was read from it yet.');
  });
});

describe('Settings → Calendars: importing a file', () => {
  it('asks for the file with the desktop dialog, imports it and shows it in the list', async () => {
    const imported = source({ id: 4, name: 'work', location: '/home/ada/work.ics' });
    const { calls, set } = core([], {
      calendar_choose_file: '/home/ada/work.ics',
      calendar_import: () => {
        set([imported]);
        return imported;
      },
    });
    renderSettings();
    await screen.findByTestId('empty-calendars');
    await userEvent.click(screen.getByTestId('calendars-import'));

    expect(await screen.findByTestId('calendars-outcome')).toHaveTextContent(
      'Imported “work”: 14 events · 52 shown · 0 skipped.',
    );
    expect(calls.find((c) => c.cmd === 'calendar_import')?.args).toEqual({ path: '/home/ada/work.ics', name: null });
    expect(rows()).toHaveLength(1);
    expect(rows()[0]).toHaveTextContent('/home/ada/work.ics');
    expect(screen.queryByTestId('empty-calendars')).not.toBeInTheDocument();
    expect(screen.getByTestId('calendars-import')).toBeEnabled();
  });

  it('does nothing when the dialog is cancelled', async () => {
    const { calls } = core([workCalendar], { calendar_choose_file: null });
    renderSettings();
    await screen.findAllByTestId('calendar-source');
    await userEvent.click(screen.getByTestId('calendars-import'));
    await vi.waitFor(() => expect(screen.getByTestId('calendars-import')).toBeEnabled());
    expect(count(calls, 'calendar_import')).toBe(0);
    expect(screen.queryByTestId('calendars-error')).not.toBeInTheDocument();
    expect(rows()).toHaveLength(1);
  });

  it("shows core's words when the file is not a calendar", async () => {
    core([], {
      calendar_choose_file: '/home/ada/notes.txt',
      calendar_import: fails({ kind: 'invalid_input', message: '/home/ada/notes.txt is not an iCalendar file (no BEGIN:VCALENDAR)', diagnostics: [] }),
    });
    renderSettings();
    await userEvent.click(await screen.findByTestId('calendars-import'));
    const alert = await screen.findByTestId('calendars-error');
    expect(alert).toHaveAttribute('role', 'alert');
    expect(alert).toHaveTextContent("Couldn't import the calendar file");
    expect(alert).toHaveTextContent('is not an iCalendar file (no BEGIN:VCALENDAR)');
    expect(screen.getByTestId('empty-calendars')).toBeInTheDocument();
  });
});

describe('Settings → Calendars: subscribing', () => {
  it('has labelled fields, 60 minutes by default, and sends them to core', async () => {
    const subscribed = source({ ...courseCalendar, id: 5, name: 'Course', refresh_minutes: 30 });
    const { calls, set } = core([], {
      calendar_subscribe: () => {
        set([subscribed]);
        return subscribed;
      },
    });
    renderSettings();
    await screen.findByTestId('empty-calendars');
    expect(screen.getByLabelText('Calendar address')).toBe(screen.getByTestId('calendars-subscribe-url'));
    expect(screen.getByLabelText('Name (optional)')).toBe(screen.getByTestId('calendars-subscribe-name'));
    const minutes = screen.getByLabelText('Refresh every');
    expect(minutes).toHaveValue(60);

    await userEvent.type(screen.getByTestId('calendars-subscribe-url'), ' webcal://uni.example.org/timetable/ada.ics ');
    await userEvent.clear(minutes);
    await userEvent.type(minutes, '30');
    await userEvent.click(screen.getByTestId('calendars-subscribe-submit'));

    expect(await screen.findByTestId('calendars-outcome')).toHaveTextContent('Subscribed to “Course”: 6 events · 30 shown');
    expect(calls.find((c) => c.cmd === 'calendar_subscribe')?.args).toEqual({
      url: 'webcal://uni.example.org/timetable/ada.ics',
      name: null,
      refreshMinutes: 30,
    });
    expect(rows()).toHaveLength(1);
    // The form is ready for the next one.
    expect(screen.getByTestId('calendars-subscribe-url')).toHaveValue('');
    expect(screen.getByTestId('calendars-subscribe-minutes')).toHaveValue(60);
  });

  it("shows core's refusal inline, under the form, and keeps what was typed", async () => {
    const refusal: ErrorBody = {
      kind: 'invalid_input',
      message: 'refresh every 5 minutes or more, got 1',
      diagnostics: [],
    };
    const { calls } = core([workCalendar], { calendar_subscribe: fails(refusal) });
    renderSettings();
    await screen.findAllByTestId('calendar-source');
    const url = screen.getByTestId('calendars-subscribe-url');
    await userEvent.type(url, 'https://example.com/a.ics');
    await userEvent.type(screen.getByTestId('calendars-subscribe-name'), 'Gym');
    await userEvent.clear(screen.getByTestId('calendars-subscribe-minutes'));
    await userEvent.type(screen.getByTestId('calendars-subscribe-minutes'), '1');
    await userEvent.click(screen.getByTestId('calendars-subscribe-submit'));

    const error = await screen.findByTestId('calendars-subscribe-error');
    expect(screen.getByTestId('calendars-subscribe')).toContainElement(error);
    expect(error).toHaveTextContent("Couldn't subscribe to the calendar");
    expect(error).toHaveTextContent('refresh every 5 minutes or more, got 1');
    expect(error).toHaveTextContent('Check the values and try again.');
    expect(url).toHaveAttribute('aria-invalid', 'true');
    expect(url).toHaveAccessibleDescription(/refresh every 5 minutes or more, got 1/);
    expect(calls.find((c) => c.cmd === 'calendar_subscribe')?.args).toEqual({
      url: 'https://example.com/a.ics',
      name: 'Gym',
      refreshMinutes: 1,
    });
    expect(url).toHaveValue('https://example.com/a.ics');
    expect(screen.queryByTestId('calendars-outcome')).not.toBeInTheDocument();
    expect(rows()).toHaveLength(1);
  });

  it('asks for an address without calling core', async () => {
    const { calls } = core([]);
    renderSettings();
    await screen.findByTestId('empty-calendars');
    await userEvent.click(screen.getByTestId('calendars-subscribe-submit'));
    expect(await screen.findByTestId('calendars-subscribe-error')).toHaveTextContent('Enter the address of the calendar');
    expect(count(calls, 'calendar_subscribe')).toBe(0);
  });
});

describe('Settings → Calendars: refreshing', () => {
  it('refreshes all: disabled with progress while core reads, then the new reports', async () => {
    let answer: (v: SourceView[]) => void = () => {};
    const work2 = { ...workCalendar, refreshed_at: '2025-08-19T09:15:00Z', report: { ...workCalendar.report, events: 15, instances: 55 } };
    const club2 = { ...brokenCalendar, last_error: 'the server answered 404 Not Found' };
    const { calls } = core([workCalendar, brokenCalendar], {
      calendar_refresh: () => new Promise<SourceView[]>((r) => (answer = r)),
    });
    renderSettings();
    await screen.findAllByTestId('calendar-source');
    const all = screen.getByTestId('calendars-refresh-all');
    await userEvent.click(all);

    expect(calls.find((c) => c.cmd === 'calendar_refresh')?.args).toEqual({ id: null });
    expect(all).toBeDisabled();
    expect(all).toHaveTextContent('Refreshing…');
    expect(screen.getByTestId('calendars-progress')).toHaveTextContent('Refreshing 2 calendars…');
    expect(screen.getByTestId('calendars-import')).toBeDisabled();
    for (const b of screen.getAllByTestId('calendar-refresh')) expect(b).toBeDisabled();

    answer([work2, club2]);
    expect(await screen.findByTestId('calendars-outcome')).toHaveTextContent(
      "Refreshed 2 calendars. 1 calendar couldn't be read; see below.",
    );
    expect(all).toBeEnabled();
    expect(all).toHaveTextContent('Refresh all');
    expect(within(rows()[0]!).getByTestId('calendar-report')).toHaveTextContent('15 events · 55 shown');
    expect(within(rows()[1]!).getByTestId('calendar-error')).toHaveTextContent('404 Not Found');
  });

  it('refreshes one calendar by its id', async () => {
    const course2 = { ...courseCalendar, report: { ...courseCalendar.report, not_modified: true } };
    const { calls } = core([workCalendar, courseCalendar], { calendar_refresh: [course2] });
    renderSettings();
    await screen.findAllByTestId('calendar-source');
    const refresh = within(rows()[1]!).getByTestId('calendar-refresh');
    expect(refresh).toHaveAccessibleName('Refresh “Course”');
    await userEvent.click(refresh);
    expect(await screen.findByTestId('calendars-outcome')).toHaveTextContent('Refreshed “Course”: 6 events · 30 shown');
    expect(calls.find((c) => c.cmd === 'calendar_refresh')?.args).toEqual({ id: 2 });
    expect(within(rows()[1]!).getByTestId('calendar-refreshed')).toHaveTextContent('(unchanged on the server)');
  });

  it("shows core's error when a refresh fails, and the list as core has it now", async () => {
    const { calls } = core([workCalendar], {
      calendar_refresh: fails({ kind: 'io', message: 'reading /home/ada/calendars/work.ics: No such file or directory', diagnostics: [] }),
    });
    renderSettings();
    await screen.findAllByTestId('calendar-source');
    await userEvent.click(screen.getByTestId('calendar-refresh'));
    const alert = await screen.findByTestId('calendars-error');
    expect(alert).toHaveTextContent("Couldn't refresh “Work”");
    expect(alert).toHaveTextContent('No such file or directory');
    await vi.waitFor(() => expect(count(calls, 'calendar_sources')).toBe(2));
  });

  it("fetches the list again after the app's background refresh", async () => {
    const { calls, set } = core([workCalendar]);
    const { rerender } = renderSettings(0);
    await screen.findAllByTestId('calendar-source');
    expect(count(calls, 'calendar_sources')).toBe(1);
    set([workCalendar, courseCalendar]);
    await rerender({ overview: ready(overview), calendarsVersion: 1 });
    await vi.waitFor(() => expect(rows()).toHaveLength(2));
    expect(count(calls, 'calendar_sources')).toBe(2);
  });
});

describe('Settings → Calendars: removing', () => {
  it('asks once before removing; Esc and Cancel keep it, Remove deletes it', async () => {
    const { calls, set } = core([workCalendar, courseCalendar], {
      calendar_remove: () => {
        set([workCalendar]);
        return null;
      },
    });
    renderSettings();
    await screen.findAllByTestId('calendar-source');
    const course = () => rows()[1]!;
    await userEvent.click(within(course()).getByTestId('calendar-remove'));
    const prompt = screen.getByRole('group', { name: 'Remove “Course”?' });
    expect(prompt).toHaveTextContent('Its busy time goes from Today and the Calendar');
    expect(within(prompt).getByRole('button', { name: 'Cancel' })).toHaveFocus();

    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('group', { name: 'Remove “Course”?' })).not.toBeInTheDocument();
    expect(within(course()).getByTestId('calendar-remove')).toHaveFocus();
    expect(count(calls, 'calendar_remove')).toBe(0);

    // The keyboard way: Enter on Remove…, then on the confirm button.
    await userEvent.keyboard('{Enter}');
    await userEvent.click(screen.getByTestId('calendar-remove-cancel'));
    expect(count(calls, 'calendar_remove')).toBe(0);
    await userEvent.click(within(course()).getByTestId('calendar-remove'));
    await userEvent.click(screen.getByTestId('calendar-remove-confirm'));

    expect(calls.find((c) => c.cmd === 'calendar_remove')?.args).toEqual({ id: 2 });
    expect(await screen.findByTestId('calendars-outcome')).toHaveTextContent('Removed “Course” and its busy time.');
    expect(rows()).toHaveLength(1);
    expect(rows()[0]).toHaveTextContent('Work');
  });

  it("shows core's error when a calendar can't be removed, and keeps it", async () => {
    core([workCalendar], { calendar_remove: fails(storageError) });
    renderSettings();
    await userEvent.click(await screen.findByTestId('calendar-remove'));
    await userEvent.click(screen.getByTestId('calendar-remove-confirm'));
    const alert = await screen.findByTestId('calendars-error');
    expect(alert).toHaveTextContent("Couldn't remove “Work”");
    expect(alert).toHaveTextContent('database error: disk I/O error');
    expect(rows()).toHaveLength(1);
  });
});
