// What the portfolio's parts do to it: tick an item, add or remove evidence. Each change goes through core
// and the whole portfolio it answers replaces the one shown. Shared with every card, list and matrix
// through a context set by the Portfolio place.
import { createContext } from 'svelte';
import { SvelteMap, SvelteSet } from 'svelte/reactivity';
import type { ErrorBody } from '../../bindings/ErrorBody';
import type { ItemView } from '../../bindings/ItemView';
import { addEvidence, checkItem, removeEvidence, type Portfolio } from '../../api/portfolio';
import { toErrorBody } from '../../api/errors';
import type { Resource } from '../../resource.svelte';

export class PortfolioActions {
  /** Items being saved, with the value the person asked for. */
  readonly pending = new SvelteMap<string, boolean>();
  /** Evidence being removed. */
  readonly removing = new SvelteSet<number>();
  /** Why the last tick could not be saved. */
  saveError: ErrorBody | null = $state(null);

  readonly #view: Resource<Portfolio>;

  constructor(view: Resource<Portfolio>) {
    this.#view = view;
  }

  /** What an item's box shows: the value being saved, else whether it is done. */
  checked(item: ItemView): boolean {
    return this.pending.get(item.id) ?? item.done;
  }

  /** The person clicked `box` (item `item`): save its new state, one save per item at a time. */
  async toggle(item: ItemView, box: HTMLInputElement): Promise<void> {
    // The box stays focusable while saving (disabling it would drop keyboard focus); clicks meanwhile are undone.
    const waiting = this.pending.get(item.id);
    if (waiting !== undefined) {
      box.checked = waiting;
      return;
    }
    const done = box.checked;
    this.pending.set(item.id, done);
    this.saveError = null;
    try {
      this.#view.set(await checkItem(item.id, done));
    } catch (e) {
      this.saveError = toErrorBody(e);
    } finally {
      this.pending.delete(item.id);
    }
  }

  /** Attach evidence to item `item`; null when stored, else core's reason. */
  async addEvidence(item: string, value: string, repo: string | null): Promise<string | null> {
    try {
      this.#view.set(await addEvidence(item, value, repo));
      return null;
    } catch (e) {
      return toErrorBody(e).message;
    }
  }

  /** Remove evidence `id`; null when removed (or already being removed), else core's reason. */
  async removeEvidence(item: string, id: number): Promise<string | null> {
    if (this.removing.has(id)) return null;
    this.removing.add(id);
    try {
      this.#view.set(await removeEvidence(item, id));
      return null;
    } catch (e) {
      return toErrorBody(e).message;
    } finally {
      this.removing.delete(id);
    }
  }
}

export const [getPortfolioActions, setPortfolioActions] = createContext<PortfolioActions>();
