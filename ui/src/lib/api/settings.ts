// Reading and saving settings; core validates and answers with what it stored.
import type { Settings } from '../bindings/Settings';
import { call } from './ipc';

export function getSettings(): Promise<Settings> {
  return call<Settings>('settings_get');
}

export function updateSettings(settings: Settings): Promise<Settings> {
  return call<Settings>('settings_update', { settings });
}
