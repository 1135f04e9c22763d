import { render } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { block } from '../../test/fixtures';
import TimelineBlock from './TimelineBlock.svelte';

describe('TimelineBlock times', () => {
  it('names the zone of a time in the second pass of a repeated hour', () => {
    const b = block({ start: '01:30', end: '01:30', start_pass: null, end_pass: 'EST', minutes: 60 });
    const { container } = render(TimelineBlock, { block: b });
    const times = [...container.querySelectorAll('.range time')].map((t) => t.textContent ?? '');
    expect(times[0]).not.toMatch(/EST|EDT/);
    expect(times[1]).toMatch(/EST$/);
  });

  it('shows plain times on ordinary days', () => {
    const { container } = render(TimelineBlock, { block: block() });
    expect(container.querySelector('.range')?.textContent).not.toMatch(/[A-Z]{3}/);
  });
});
