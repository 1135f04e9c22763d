// The person's other calendars (work meetings, a course timetable) as read-only busy time: .ics files
// imported and calendars subscribed by URL, read again on refresh, and their busy instances for a range.
// Core validates everything (readable file, http/https/webcal address, refresh interval) and answers in words.
import { listen, type UnlistenFn } from '@tauri-apps/api/event';
import type { BusyView } from '../bindings/BusyView';
import type { SourceView } from '../bindings/SourceView';
import { call } from './ipc';

export type { BusyView } from '../bindings/BusyView';
export type { ReadReport } from '../bindings/ReadReport';
export type { Skipped } from '../bindings/Skipped';
export type { SourceView } from '../bindings/SourceView';

/** A calendar's id (an integer from core). */
export type SourceId = SourceView['id'];

/** Subscriptions are read again this often unless the person chooses otherwise (core's default). */
export const DEFAULT_REFRESH_MINUTES = 60;

/** Every calendar, oldest first, with what its last read found. */
export function calendarSources(): Promise<SourceView[]> {
  return call<SourceView[]>('calendar_sources');
}

/** Busy instances on local days `from`–`to` (inclusive, `YYYY-MM-DD`, at most 367 days), by start. */
export function busyBetween(from: string, to: string): Promise<BusyView[]> {
  return call<BusyView[]>('busy_between', { from, to });
}

/** Imports the `.ics` file at `path` (absolute); `name` null: the file's name without `.ics`. */
export function importCalendar(path: string, name: string | null): Promise<SourceView> {
  return call<SourceView>('calendar_import', { path, name });
}

/** The desktop's file chooser for an `.ics` file (opened by the app, not the page); null when cancelled. */
export function chooseCalendarFile(): Promise<string | null> {
  return call<string | null>('calendar_choose_file');
}

/**
 * Subscribes to `url` (http, https or webcal) and reads it now. `refreshMinutes` null: core's default (60).
 * Tauri maps the camelCase key `refreshMinutes` to the command's `refresh_minutes` argument.
 */
export function subscribeCalendar(url: string, name: string | null, refreshMinutes: number | null): Promise<SourceView> {
  return call<SourceView>('calendar_subscribe', { url, name, refreshMinutes });
}

/** Reads calendar `id` again, or every calendar when `id` is null; answers the calendars read. */
export function refreshCalendars(id: SourceId | null): Promise<SourceView[]> {
  return call<SourceView[]>('calendar_refresh', { id });
}

/** Removes calendar `id` and its busy time. */
export function removeCalendar(id: SourceId): Promise<null> {
  return call<null>('calendar_remove', { id });
}

/** Calls `handler` after the app refreshed subscriptions in the background; resolves to the function that stops listening. */
export function onCalendarsRefreshed(handler: (sources: SourceView[]) => void): Promise<UnlistenFn> {
  return listen<SourceView[]>('calendars-refreshed', (e) => handler(e.payload));
}
