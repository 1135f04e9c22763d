import { render } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { block } from '../../../test/fixtures';
import EventContent from './EventContent.svelte';

describe('a calendar event’s times', () => {
  it('mark the second 1:30 of a fall-back night with its zone, in the label and the tooltip', () => {
    const b = block({ date: '2025-11-02', start: '01:30', end: '01:30', start_pass: null, end_pass: 'EST', minutes: 90 });
    const { container } = render(EventContent, { data: { kind: 'block', block: b, proposal: null }, compact: false });
    const ev = container.querySelector('.ev')!;
    // Only the end is in the second pass (the start is the first 1:30, EDT).
    expect(ev.getAttribute('title')).toMatch(/, 0?1:30(\s?AM)?–0?1:30(\s?AM)? EST$/);
    expect(container.querySelector('.time')?.textContent).toMatch(/EST$/);
  });
});
