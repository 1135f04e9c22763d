// Study blocks between two dates (inclusive), already placed in local wall-clock time by core.
import type { BlockView } from '../bindings/BlockView';
import { call } from './ipc';

export function getAgenda(from: string, to: string): Promise<BlockView[]> {
  return call<BlockView[]>('agenda', { from, to });
}
