// Vitest setup: DOM matchers, a fixed locale so formatted dates are predictable, clean IPC mocks.
import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/svelte';
import { clearMocks } from '@tauri-apps/api/mocks';
import { afterEach } from 'vitest';
import { setFormatLocale } from '../lib/format';
import { resetTrackColours } from '../lib/tracks';

setFormatLocale('en-GB');

afterEach(() => {
  cleanup();
  clearMocks();
  resetTrackColours();
  history.replaceState(null, '', '#');
});

// jsdom lays nothing out and its Range lacks getClientRects / getBoundingClientRect, which CodeMirror
// calls when it measures; empty rectangles let the real editor run in tests.
Range.prototype.getClientRects = function () {
  const rects = { length: 0, item: () => null, [Symbol.iterator]: [][Symbol.iterator] };
  return rects as unknown as DOMRectList;
};
Range.prototype.getBoundingClientRect = () => new DOMRect(0, 0, 0, 0);

// The app loads the calendar grid, the Documents place, the mistakes, certification and team views on
// first use; load them once here so tests don't race the on-demand compile of those chunks on a busy machine.
await import('../lib/components/calendar/CalendarGrid.svelte');
await import('../places/Documents.svelte');
await import('../lib/components/mistakes/mistakeViews');
await import('../lib/components/exams/examViews');
await import('../lib/components/team/teamViews');
