// The mistakes views in one chunk, fetched the first time one is shown (see lib/mistakeViews.ts):
// Today's dialog, the calendar's revisit panel and Portfolio's log.
export { default as MistakeDialog } from './MistakeDialog.svelte';
export { default as MistakesSection } from './MistakesSection.svelte';
export { default as RevisitPanel } from './RevisitPanel.svelte';
