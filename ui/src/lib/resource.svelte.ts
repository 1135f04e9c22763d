// A value fetched from core in one of three states (loading, error, ready); late answers to
// superseded requests are dropped, so quick day-to-day navigation never shows stale data.
import type { ErrorBody } from './bindings/ErrorBody';
import { toErrorBody } from './api/errors';

export type Load<T> =
  | { status: 'loading' }
  | { status: 'error'; error: ErrorBody }
  | { status: 'ready'; data: T };

export class Resource<T> {
  current: Load<T> = $state({ status: 'loading' });
  #seq = 0;

  /** Start a fetch; resolves once this request settles (or is superseded). */
  load(fetch: () => Promise<T>): Promise<void> {
    const seq = ++this.#seq;
    this.current = { status: 'loading' };
    return fetch().then(
      (data) => {
        if (seq === this.#seq) this.current = { status: 'ready', data };
      },
      (e: unknown) => {
        if (seq === this.#seq) this.current = { status: 'error', error: toErrorBody(e) };
      },
    );
  }

  /** Fetch again without showing a loading state; keeps what is shown if the fetch fails. */
  refresh(fetch: () => Promise<T>): Promise<void> {
    const seq = ++this.#seq;
    return fetch().then(
      (data) => {
        if (seq === this.#seq) this.current = { status: 'ready', data };
      },
      () => {},
    );
  }

  /** Replace the data (after an update that returned fresh state). */
  set(data: T): void {
    this.#seq++;
    this.current = { status: 'ready', data };
  }
}
