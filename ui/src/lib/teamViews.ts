// The team views (Portfolio's team section) are not needed to start the app, and most plans have no team: they
// come in one chunk, fetched the first time one of them is shown (see lazyViews.ts).
import { lazyViews } from './lazyViews';

type Views = typeof import('./components/team/teamViews');

let views: Promise<Views> | null = null;

export const loadTeamViews = () => (views ??= import('./components/team/teamViews'));

/** `{@attach teamView(name, props)}`. */
export const teamView = lazyViews(loadTeamViews);
