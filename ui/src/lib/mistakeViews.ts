// The mistakes views (Today's dialog, the calendar's revisit panel, Portfolio's log) are not needed to
// start the app: they come in one chunk, fetched the first time one of them is shown (see lazyViews.ts).
import { lazyViews } from './lazyViews';

type Views = typeof import('./components/mistakes/mistakeViews');

let views: Promise<Views> | null = null;

export const loadMistakeViews = () => (views ??= import('./components/mistakes/mistakeViews'));

/** `{@attach mistakeView(name, props)}`. */
export const mistakeView = lazyViews(loadMistakeViews);
