// Settings: loading, load error, empty plan list, full form + app info, save success and core's rejection; reminders.
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Settings as SettingsT } from '../lib/bindings/Settings';
import type { Overview } from '../lib/bindings/Overview';
import type { Load } from '../lib/resource.svelte';
import { appInfo, noPlanOverview, overview, plan, ready, settings, shippedPlans, storageError } from '../test/fixtures';
import { fails, mockCommands, never } from '../test/ipc';
import Settings from './Settings.svelte';

const base = { settings_get: settings, app_info: appInfo, plan_list: [plan], plan_shipped: shippedPlans, calendar_sources: [], sync_status: null };

const renderSettings = (o: Load<Overview> = ready(overview)) => render(Settings, { overview: o });

/** core's settings_update: store what was sent and answer with it. */
const echo = (a: Record<string, unknown>) => (a as { settings: SettingsT }).settings;

describe('Settings', () => {
  it('shows the form skeleton while loading', () => {
    mockCommands({
      settings_get: never(),
      app_info: never(),
      plan_list: never(),
      plan_shipped: never(),
      calendar_sources: never(),
      sync_status: never(),
    });
    renderSettings();
    expect(screen.getByRole('heading', { level: 1, name: 'Settings' })).toBeInTheDocument();
    expect(screen.getAllByRole('status').map((s) => s.textContent)).toEqual([
      'Loading plans…',
      'Loading the plans that come with the app…',
      'Loading your calendars…',
      'Loading the sync account…',
      'Loading settings…',
      'Loading app details…',
    ]);
    expect(screen.queryByTestId('settings-save')).not.toBeInTheDocument();
  });

  it("shows core's error when the settings can't be read", async () => {
    mockCommands({ ...base, settings_get: fails(storageError) });
    renderSettings();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveAttribute('data-testid', 'error');
    expect(alert).toHaveTextContent("Couldn't load the settings");
    expect(alert).toHaveTextContent('database error: disk I/O error');
  });

  it('says when no plans are loaded', async () => {
    mockCommands({ ...base, plan_list: [] });
    renderSettings();
    expect(await screen.findByRole('heading', { name: 'No plans loaded' })).toBeInTheDocument();
  });

  it('fills the form from core and shows plans and app details', async () => {
    mockCommands(base);
    renderSettings();
    expect(await screen.findByTestId('setting-lead')).toHaveValue(10);
    expect(screen.getByLabelText('Reminder lead time')).toHaveValue(10);
    expect(screen.getByLabelText('Start')).toHaveValue('22:00');
    expect(screen.getByLabelText('End')).toHaveValue('07:00');
    expect(screen.getByLabelText('Keep running in the tray when the window is closed')).toBeChecked();

    const p = screen.getByTestId('plan-de-9w');
    expect(p).toHaveTextContent('Data Engineering in 9 Weeks');
    expect(p).toHaveTextContent('Active');
    expect(p).toHaveTextContent('Mon 4 Aug 2025 – Sun 5 Oct 2025 · 9 weeks · 180 blocks');

    const info = screen.getByTestId('app-info');
    expect(info).toHaveTextContent('Version 0.1.0');
    expect(info).toHaveTextContent('Database /home/ada/.local/share/studyplan/studyplan.db');
    expect(info).toHaveTextContent('Schema version 4');
    expect(info).toHaveTextContent('Time zone Europe/Berlin');
  });

  it('saves what the person typed and says "Saved"', async () => {
    const calls = mockCommands({ ...base, settings_update: echo });
    renderSettings();
    const lead = await screen.findByTestId('setting-lead');
    await userEvent.clear(lead);
    await userEvent.type(lead, '25');
    await userEvent.clear(screen.getByLabelText('Start'));
    await userEvent.click(screen.getByLabelText('Keep running in the tray when the window is closed'));
    await userEvent.click(screen.getByTestId('settings-save'));

    expect(await screen.findByText('Saved')).toBeInTheDocument();
    expect(calls.at(-1)).toEqual({
      cmd: 'settings_update',
      args: {
        settings: {
          reminder_lead_minutes: 25,
          quiet_hours_start: null,
          quiet_hours_end: '07:00',
          close_to_tray: false,
          muted_tracks: [],
          reminders_paused_until: null,
          start_at_login: false,
          stored_problem: null,
        },
      },
    });
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();

    await userEvent.type(lead, '0');
    expect(screen.queryByText('Saved')).not.toBeInTheDocument();
  });

  it("sends a negative lead time unchanged and shows core's rejection", async () => {
    const calls = mockCommands({
      ...base,
      settings_update: fails({
        kind: 'invalid_input',
        message: 'reminder lead time must be between 0 and 1440 minutes, got -5',
        diagnostics: [],
      }),
    });
    renderSettings();
    const lead = await screen.findByTestId('setting-lead');
    await userEvent.clear(lead);
    await userEvent.type(lead, '-5');
    await userEvent.click(screen.getByTestId('settings-save'));

    const alert = await screen.findByTestId('error');
    expect(alert).toHaveAttribute('role', 'alert');
    expect(alert).toHaveTextContent("Couldn't save the settings");
    expect(alert).toHaveTextContent('reminder lead time must be between 0 and 1440 minutes, got -5');
    expect(alert).toHaveTextContent('Check the values and try again.');
    expect(calls.at(-1)?.args).toMatchObject({ settings: { reminder_lead_minutes: -5 } });
    expect(screen.queryByText('Saved')).not.toBeInTheDocument();
    expect(lead).toHaveValue(-5);
  });

  it('shows a rejection that is not an ErrorBody as words too', async () => {
    mockCommands({ ...base, settings_update: () => Promise.reject('invalid args `settings` for command') });
    renderSettings();
    await userEvent.click(await screen.findByTestId('settings-save'));
    expect(await screen.findByRole('alert')).toHaveTextContent('invalid args `settings` for command');
  });

  it('asks for a number when the lead time is empty, without calling core', async () => {
    const calls = mockCommands(base);
    renderSettings();
    await userEvent.clear(await screen.findByTestId('setting-lead'));
    await userEvent.click(screen.getByTestId('settings-save'));
    expect(within(screen.getByRole('alert')).getByText('Enter the reminder lead time as a number of minutes.')).toBeInTheDocument();
    expect(calls.some((c) => c.cmd === 'settings_update')).toBe(false);
  });
});

describe('Settings → Reminders', () => {
  afterEach(() => vi.useRealTimers());

  /** The args of the last settings_update. */
  const sent = (calls: { cmd: string; args: Record<string, unknown> }[]) =>
    (calls.filter((c) => c.cmd === 'settings_update').at(-1)?.args as { settings: SettingsT } | undefined)?.settings;

  it("lists the active plan's tracks, ticked unless muted", async () => {
    mockCommands({ ...base, settings_get: { ...settings, muted_tracks: ['dsa'], start_at_login: true } });
    renderSettings();
    await screen.findByTestId('setting-lead');
    const card = screen.getByTestId('reminder-settings');
    expect(within(card).getByRole('heading', { level: 2, name: 'Reminders' })).toBeInTheDocument();
    expect(within(card).getByRole('checkbox', { name: 'Data Engineering' })).toBeChecked();
    expect(within(card).getByRole('checkbox', { name: 'Python DSA' })).not.toBeChecked();
    expect(screen.getByTestId('mute-dsa')).not.toBeChecked();
    expect(screen.getByLabelText('Start studyplan when I log in')).toBeChecked();
    expect(screen.queryByTestId('reminders-paused')).not.toBeInTheDocument();
  });

  it('sends an unticked track in muted_tracks, keeping tracks of other plans', async () => {
    const calls = mockCommands({ ...base, settings_get: { ...settings, muted_tracks: ['sql'] }, settings_update: echo });
    renderSettings();
    await userEvent.click(await screen.findByTestId('mute-dsa'));
    await userEvent.click(screen.getByTestId('settings-save'));
    expect(await screen.findByText('Saved')).toBeInTheDocument();
    expect(sent(calls)).toEqual({ ...settings, muted_tracks: ['sql', 'dsa'] });

    await userEvent.click(screen.getByTestId('mute-dsa'));
    await userEvent.click(screen.getByTestId('settings-save'));
    await screen.findByText('Saved');
    expect(sent(calls)?.muted_tracks).toEqual(['sql']);
  });

  it('sends start_at_login and leaves a running pause as core stored it', async () => {
    const until = new Date(Date.now() + 3_600_000).toISOString();
    const calls = mockCommands({ ...base, settings_get: { ...settings, reminders_paused_until: until }, settings_update: echo });
    renderSettings();
    await userEvent.click(await screen.findByTestId('setting-start-at-login'));
    await userEvent.click(screen.getByTestId('settings-save'));
    await screen.findByText('Saved');
    expect(sent(calls)).toEqual({ ...settings, start_at_login: true, reminders_paused_until: until });
  });

  it('keeps a pause set elsewhere (the tray) after the page opened', async () => {
    const until = new Date(Date.now() + 3_600_000).toISOString();
    let stored: SettingsT = settings;
    const calls = mockCommands({
      ...base,
      settings_get: () => stored,
      settings_update: (a) => (stored = echo(a)),
    });
    renderSettings();
    await screen.findByTestId('setting-lead');
    stored = { ...stored, reminders_paused_until: until }; // "Pause reminders for 1 hour" in the tray menu
    await userEvent.click(screen.getByTestId('setting-start-at-login'));
    await userEvent.click(screen.getByTestId('settings-save'));
    await screen.findByText('Saved');
    expect(sent(calls)).toEqual({ ...settings, start_at_login: true, reminders_paused_until: until });
    expect(screen.getByTestId('reminders-paused')).toBeInTheDocument();
  });

  it('shows a running pause and resumes reminders at once', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2025, 7, 19, 13, 0));
    const until = new Date(2025, 7, 19, 14, 5).toISOString();
    const calls = mockCommands({ ...base, settings_get: { ...settings, reminders_paused_until: until }, settings_update: echo });
    renderSettings();
    const paused = await screen.findByTestId('reminders-paused');
    expect(paused).toHaveTextContent('Reminders paused until 14:05');

    // An edit not saved yet stays in the form and is not sent by "Resume now".
    await userEvent.clear(screen.getByTestId('setting-lead'));
    await userEvent.type(screen.getByTestId('setting-lead'), '30');
    await userEvent.click(within(paused).getByRole('button', { name: 'Resume now' }));

    expect(sent(calls)).toEqual({ ...settings, reminders_paused_until: null });
    expect(screen.queryByTestId('reminders-paused')).not.toBeInTheDocument();
    expect(screen.getByText('Reminders resumed')).toBeInTheDocument();
    expect(screen.getByTestId('setting-lead')).toHaveValue(30);
  });

  it('says nothing about a pause that has already ended', async () => {
    const until = new Date(Date.now() - 60_000).toISOString();
    mockCommands({ ...base, settings_get: { ...settings, reminders_paused_until: until } });
    renderSettings();
    await screen.findByTestId('setting-lead');
    expect(screen.queryByTestId('reminders-paused')).not.toBeInTheDocument();
  });

  it("shows core's message when resuming fails", async () => {
    const until = new Date(Date.now() + 3_600_000).toISOString();
    mockCommands({ ...base, settings_get: { ...settings, reminders_paused_until: until }, settings_update: fails(storageError) });
    renderSettings();
    await userEvent.click(await screen.findByRole('button', { name: 'Resume now' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent("Couldn't resume reminders");
    expect(alert).toHaveTextContent('database error: disk I/O error');
    expect(screen.getByTestId('reminders-paused')).toBeInTheDocument();
  });

  it("shows core's rejection of the reminder settings in words", async () => {
    mockCommands({
      ...base,
      settings_update: fails({
        kind: 'invalid_input',
        message: 'unknown track “dsa” in muted tracks',
        diagnostics: [],
      }),
    });
    renderSettings();
    await userEvent.click(await screen.findByTestId('mute-dsa'));
    await userEvent.click(screen.getByTestId('settings-save'));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent("Couldn't save the settings");
    expect(alert).toHaveTextContent('unknown track “dsa” in muted tracks');
    expect(alert).toHaveTextContent('Check the values and try again.');
    expect(screen.getByTestId('mute-dsa')).not.toBeChecked();
  });

  it('says there are no tracks to choose from when no plan is loaded', async () => {
    mockCommands(base);
    renderSettings(ready(noPlanOverview));
    expect(await screen.findByTestId('track-reminders-empty')).toHaveTextContent('No plan is loaded');
  });

  it("shows a skeleton while the plan's tracks load, and the overview's error in words", async () => {
    mockCommands(base);
    const { unmount } = renderSettings({ status: 'loading' });
    await screen.findByTestId('setting-lead');
    expect(screen.getByText("Loading the plan's tracks…")).toBeInTheDocument();
    unmount();

    renderSettings({ status: 'error', error: storageError });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent("Couldn't load the plan's tracks");
    expect(alert).toHaveTextContent('database error: disk I/O error');
  });
});

describe('Settings that could not be read', () => {
  it('says so above the form, with what core said', async () => {
    const problem = 'Your saved settings could not be read (invalid type). The defaults are in use until you save.';
    mockCommands({ ...base, settings_get: { ...settings, stored_problem: problem } });
    renderSettings();
    const note = await screen.findByTestId('settings-problem');
    expect(note).toHaveTextContent(problem);
    expect(note).toHaveAttribute('role', 'alert');
  });
});
