// Reminders from the engine: the events it sends the window, and Snooze / Done from the in-app banner.
import { listen, type UnlistenFn } from '@tauri-apps/api/event';
import type { Notification } from '../bindings/Notification';
import { call } from './ipc';

/** Payload of `reminder-failed`: the notification that could not be shown, and why. */
export type ReminderFailure = { key: string; message: string };

/** The snooze lengths core accepts. */
export const SNOOZE_MINUTES = [5, 10, 15] as const;
export type SnoozeMinutes = (typeof SNOOZE_MINUTES)[number];

export type ReminderAction = { action: 'done' } | { action: 'snooze'; minutes: SnoozeMinutes };

/** Snooze or finish the reminder with ledger key `key`. */
export function reminderAction(key: string, act: ReminderAction): Promise<null> {
  const args = act.action === 'snooze' ? { key, action: 'snooze', minutes: act.minutes } : { key, action: 'done' };
  return call<null>('reminder_action', args);
}

/** Calls `handler` for every reminder the engine delivered; resolves to the function that stops listening. */
export function onReminderSent(handler: (n: Notification) => void): Promise<UnlistenFn> {
  return listen<Notification>('reminder-sent', (e) => handler(e.payload));
}

/** Calls `handler` for every reminder the desktop could not show. */
export function onReminderFailed(handler: (f: ReminderFailure) => void): Promise<UnlistenFn> {
  return listen<ReminderFailure>('reminder-failed', (e) => handler(e.payload));
}
