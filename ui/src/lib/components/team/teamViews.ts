// The team views in one chunk, fetched the first time one is shown (see lib/teamViews.ts): Portfolio's team
// section, only of use for a plan a team follows together.
export { default as TeamSection } from './TeamSection.svelte';
