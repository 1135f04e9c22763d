// The certification views (Portfolio's readiness cards, the practice exam dialog) are not needed to start
// the app: they come in one chunk, fetched the first time one of them is shown (see lazyViews.ts).
import { lazyViews } from './lazyViews';

type Views = typeof import('./components/exams/examViews');

let views: Promise<Views> | null = null;

export const loadExamViews = () => (views ??= import('./components/exams/examViews'));

/** `{@attach examView(name, props)}`. */
export const examView = lazyViews(loadExamViews);
