// Portfolio checklists and ticking their items.
import type { ChecklistView } from '../bindings/ChecklistView';
import { call } from './ipc';

export function getPortfolio(): Promise<ChecklistView[]> {
  return call<ChecklistView[]>('portfolio');
}

/** Sets one item and returns its whole checklist as stored. */
export function setChecklistItem(itemId: number, done: boolean): Promise<ChecklistView> {
  return call<ChecklistView>('checklist_set', { itemId, done });
}
