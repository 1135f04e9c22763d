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

// The app loads the calendar grid on first use; load it once here so tests
// don't race the on-demand compile of that chunk on a busy machine.
await import('../lib/components/calendar/CalendarGrid.svelte');
