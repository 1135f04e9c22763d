// The certification views in one chunk, fetched the first time one is shown (see lib/examViews.ts):
// Portfolio's certification cards and the practice exam dialog (also opened from Today and the calendar).
export { default as CertSection } from './CertSection.svelte';
export { default as ExamDialog } from './ExamDialog.svelte';
