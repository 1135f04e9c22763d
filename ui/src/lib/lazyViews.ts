// Views not needed to start the app come in chunks fetched the first time one of them is shown (the
// mistakes views, the certification views). Shown through an attachment rather than {#await} blocks,
// which cost the start-up bundle several times as much.
import { mount, unmount, type Component, type ComponentProps } from 'svelte';
import type { Attachment } from 'svelte/attachments';
import { toErrorBody } from './api/errors';
import ErrorPanel from './components/ErrorPanel.svelte';

/**
 * For a chunk's loader, `view(name, props)` to use as `{@attach view(name, props)}`: the view inside the
 * element once its chunk is here (or, if it can't be loaded, why). New props show it afresh; the element
 * going away takes it along.
 */
export function lazyViews<Views extends Record<string, Component<any>>>(load: () => Promise<Views>) {
  return function view<K extends keyof Views>(name: K, props: ComponentProps<Views[K]>): Attachment<HTMLElement> {
    return (target) => {
      let shown: ReturnType<typeof mount> | null = null;
      let gone = false;
      load().then(
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
  };
}
