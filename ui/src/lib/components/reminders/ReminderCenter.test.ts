// In-app reminders: the banner for `reminder-sent` (Snooze / Done / close / Esc), the `reminder-failed` alert, unlisten.
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { tick } from 'svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { listen } from '@tauri-apps/api/event';
import { blockReminder } from '../../../test/fixtures';
import { fails, mockCommands } from '../../../test/ipc';
import ReminderCenter from './ReminderCenter.svelte';

vi.mock('@tauri-apps/api/event', () => ({ listen: vi.fn() }));

type Handler = (event: { event: string; id: number; payload: unknown }) => void;
const handlers = new Map<string, Handler>();
const unlistened: string[] = [];

beforeEach(() => {
  handlers.clear();
  unlistened.length = 0;
  vi.mocked(listen).mockImplementation(async (event, handler) => {
    handlers.set(event, handler as Handler);
    return () => {
      unlistened.push(event);
      handlers.delete(event);
    };
  });
});

/** What the Rust side does with `app.emit(event, payload)`. */
async function emit(event: string, payload: unknown) {
  await vi.waitFor(() => expect(handlers.has(event)).toBe(true));
  handlers.get(event)!({ event, id: 1, payload });
  await tick();
}

describe('Reminder banner', () => {
  it('shows the latest reminder with its title and body, out of the way and without taking focus', async () => {
    mockCommands({});
    render(ReminderCenter);
    expect(screen.queryByTestId('reminder-banner')).not.toBeInTheDocument();
    await emit('reminder-sent', blockReminder);
    const banner = screen.getByRole('status');
    expect(banner).toHaveAttribute('data-testid', 'reminder-banner');
    expect(banner).toHaveTextContent('In 10 min: Spark joins lab');
    expect(banner).toHaveTextContent('09:00–10:30 · Spark DataFrames, Delta Lake');
    expect(banner).toHaveAccessibleName('In 10 min: Spark joins lab');
    expect(banner).not.toContainElement(document.activeElement as HTMLElement);

    await emit('reminder-sent', { ...blockReminder, key: 'b2|start', title: 'Now: Two pointers practice' });
    expect(screen.getAllByTestId('reminder-banner')).toHaveLength(1);
    expect(screen.getByTestId('reminder-banner')).toHaveTextContent('Now: Two pointers practice');
  });

  it('snoozes for 10 minutes through core, then goes away', async () => {
    const calls = mockCommands({ reminder_action: null });
    render(ReminderCenter);
    await emit('reminder-sent', blockReminder);
    const banner = screen.getByTestId('reminder-banner');
    expect(within(banner).getAllByRole('button').map((b) => b.textContent?.trim())).toEqual([
      '×',
      '5 min',
      '10 min',
      '15 min',
      'Done',
    ]);
    await userEvent.click(within(banner).getByRole('button', { name: 'Snooze 10 minutes' }));
    expect(calls).toEqual([{ cmd: 'reminder_action', args: { key: 'b1|pre', action: 'snooze', minutes: 10 } }]);
    expect(screen.queryByTestId('reminder-banner')).not.toBeInTheDocument();
  });

  it('marks it done through core (no minutes), then goes away', async () => {
    const calls = mockCommands({ reminder_action: null });
    render(ReminderCenter);
    await emit('reminder-sent', blockReminder);
    await userEvent.click(screen.getByRole('button', { name: 'Done' }));
    expect(calls).toEqual([{ cmd: 'reminder_action', args: { key: 'b1|pre', action: 'done' } }]);
    expect(screen.queryByTestId('reminder-banner')).not.toBeInTheDocument();
  });

  it("keeps the banner and says why when core refuses the action", async () => {
    mockCommands({
      reminder_action: fails({ kind: 'internal', message: 'the reminder engine has stopped', diagnostics: [] }),
    });
    render(ReminderCenter);
    await emit('reminder-sent', blockReminder);
    await userEvent.click(screen.getByRole('button', { name: 'Snooze 5 minutes' }));
    expect(await screen.findByRole('alert')).toHaveTextContent("Couldn't do that: the reminder engine has stopped");
    expect(screen.getByTestId('reminder-banner')).toBeInTheDocument();
  });

  it('has no Snooze or Done for reminders without actions', async () => {
    mockCommands({});
    render(ReminderCenter);
    await emit('reminder-sent', { ...blockReminder, kind: 'end', title: 'Done: Spark joins lab', actions: false });
    const banner = screen.getByTestId('reminder-banner');
    expect(within(banner).getAllByRole('button').map((b) => b.getAttribute('aria-label'))).toEqual([
      'Dismiss reminder',
    ]);
  });

  it('closes with the close button, or Esc, without calling core', async () => {
    const calls = mockCommands({});
    render(ReminderCenter);
    await emit('reminder-sent', blockReminder);
    await userEvent.click(screen.getByRole('button', { name: 'Dismiss reminder' }));
    expect(screen.queryByTestId('reminder-banner')).not.toBeInTheDocument();

    await emit('reminder-sent', blockReminder);
    await userEvent.tab();
    expect(screen.getByRole('button', { name: 'Dismiss reminder' })).toHaveFocus();
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByTestId('reminder-banner')).not.toBeInTheDocument();

    await emit('reminder-sent', blockReminder);
    (document.activeElement as HTMLElement | null)?.blur();
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByTestId('reminder-banner')).not.toBeInTheDocument();
    expect(calls).toEqual([]);
  });

  it('leaves Esc alone while the person is typing elsewhere', async () => {
    mockCommands({});
    render(ReminderCenter);
    const field = document.body.appendChild(document.createElement('input'));
    await emit('reminder-sent', blockReminder);
    await userEvent.click(field);
    await userEvent.keyboard('{Escape}');
    expect(screen.getByTestId('reminder-banner')).toBeInTheDocument();
    field.remove();
  });
});

describe('Reminder failure', () => {
  it('says a reminder could not be shown, and what to do', async () => {
    mockCommands({});
    render(ReminderCenter);
    await emit('reminder-failed', { key: 'b1|pre', message: 'org.freedesktop.Notifications was not provided' });
    const alert = screen.getByRole('alert');
    expect(alert).toHaveAttribute('data-testid', 'reminder-failed');
    expect(alert).toHaveTextContent('A reminder could not be shown: org.freedesktop.Notifications was not provided');
    expect(alert).toHaveTextContent('Check that a notification service is running');
    expect(alert).toHaveTextContent('studyplan keeps trying');
    await userEvent.click(within(alert).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByTestId('reminder-failed')).not.toBeInTheDocument();
  });
});

describe('Listening', () => {
  it('listens to both events and stops listening on teardown', async () => {
    mockCommands({});
    const { unmount } = render(ReminderCenter);
    await vi.waitFor(() => expect([...handlers.keys()].sort()).toEqual(['reminder-failed', 'reminder-sent']));
    unmount();
    expect(unlistened.sort()).toEqual(['reminder-failed', 'reminder-sent']);
  });

  it('stops a listener that only starts after teardown', async () => {
    mockCommands({});
    let resolve: (() => void) | undefined;
    vi.mocked(listen).mockImplementation(
      (event) =>
        new Promise((r) => {
          resolve = () => r(() => void unlistened.push(event));
        }),
    );
    const { unmount } = render(ReminderCenter);
    unmount();
    resolve?.();
    await vi.waitFor(() => expect(unlistened).toHaveLength(1));
  });
});
