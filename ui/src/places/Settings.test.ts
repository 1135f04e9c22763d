// Settings: loading, load error, empty plan list, full form + app info, save success and core's rejection.
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Settings as SettingsT } from '../lib/bindings/Settings';
import { appInfo, plan, settings, shippedPlans, storageError } from '../test/fixtures';
import { fails, mockCommands, never } from '../test/ipc';
import Settings from './Settings.svelte';

const base = { settings_get: settings, app_info: appInfo, plan_list: [plan], plan_shipped: shippedPlans };

describe('Settings', () => {
  it('shows the form skeleton while loading', () => {
    mockCommands({ settings_get: never(), app_info: never(), plan_list: never(), plan_shipped: never() });
    render(Settings);
    expect(screen.getByRole('heading', { level: 1, name: 'Settings' })).toBeInTheDocument();
    expect(screen.getAllByRole('status').map((s) => s.textContent)).toEqual([
      'Loading plans…',
      'Loading the plans that come with the app…',
      'Loading settings…',
      'Loading app details…',
    ]);
    expect(screen.queryByTestId('settings-save')).not.toBeInTheDocument();
  });

  it("shows core's error when the settings can't be read", async () => {
    mockCommands({ ...base, settings_get: fails(storageError) });
    render(Settings);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveAttribute('data-testid', 'error');
    expect(alert).toHaveTextContent("Couldn't load the settings");
    expect(alert).toHaveTextContent('database error: disk I/O error');
  });

  it('says when no plans are loaded', async () => {
    mockCommands({ ...base, plan_list: [] });
    render(Settings);
    expect(await screen.findByRole('heading', { name: 'No plans loaded' })).toBeInTheDocument();
  });

  it('fills the form from core and shows plans and app details', async () => {
    mockCommands(base);
    render(Settings);
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
    const calls = mockCommands({ ...base, settings_update: (a) => (a as { settings: SettingsT }).settings });
    render(Settings);
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
        settings: { reminder_lead_minutes: 25, quiet_hours_start: null, quiet_hours_end: '07:00', close_to_tray: false },
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
    render(Settings);
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
    render(Settings);
    await userEvent.click(await screen.findByTestId('settings-save'));
    expect(await screen.findByRole('alert')).toHaveTextContent('invalid args `settings` for command');
  });

  it('asks for a number when the lead time is empty, without calling core', async () => {
    const calls = mockCommands(base);
    render(Settings);
    await userEvent.clear(await screen.findByTestId('setting-lead'));
    await userEvent.click(screen.getByTestId('settings-save'));
    expect(within(screen.getByRole('alert')).getByText('Enter the reminder lead time as a number of minutes.')).toBeInTheDocument();
    expect(calls.some((c) => c.cmd === 'settings_update')).toBe(false);
  });
});
