// The active plan's progress: planned vs done minutes per week and track, goals, streak, milestones ahead.
import type { ProgressView } from '../bindings/ProgressView';
import { call } from './ipc';

/** Core rejects with `invalid_input` when no plan is loaded: ask only when there is one. */
export function getProgress(): Promise<ProgressView> {
  return call<ProgressView>('progress');
}
