// The certification views (Portfolio's readiness cards, the practice exam dialog) are not needed to start
// the app: they come in one chunk, fetched the first time one of them is shown, the way the mistakes
// views are (lib/mistakeViews.ts).
import { mount, unmount, type Component, type ComponentProps } from 'svelte';
import type { Attachment } from 'svelte/attachments';
import { toErrorBody } from './api/errors';
import ErrorPanel from './components/ErrorPanel.svelte';

type Views = typeof import('./components/exams/examViews');

let views: Promise<Views> | null = null;

export const loadExamViews = () => (views ??= import('./components/exams/examViews'));

/**
 * `{@attach examView(name, props)}`: the view inside the element once its chunk is here (or, if it can't
 * be loaded, why). New props show it afresh; the element going away takes it along.
 */
export function examView<K extends keyof Views>(name: K, props: ComponentProps<Views[K]>): Attachment<HTMLElement> {
  return (target) => {
    let shown: ReturnType<typeof mount> | null = null;
    let gone = false;
    loadExamViews().then(
      (v) => {
        if (!gone) shown = mount(v[name] as Component<ComponentProps<Views[K]>>, { target, props });
      },
      (e: unknown) => {
        const error = toErrorBody(e);
        if (!gone) shown = mount(ErrorPanel, { target, props: { error, title: "Couldn't load this part of studyplan" } });
      },
    );
    return () => {
      gone = true;
      if (shown) void unmount(shown);
    };
  };
}
