// Dragging and resizing in the grids, with the pointer: where the block is drawn while it moves, what core is
// asked for on release, and what a refusal (revert) or Escape leaves.
import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { block } from '../../../test/fixtures';
import { dayColumn } from '../../../test/calendarFixtures';
import { fromWallClock } from './calendarDates';
import CalendarGrid from './CalendarGrid.svelte';
import { blockToEvent, type ChangeInfo } from './events';

// jsdom has no PointerEvent; the grids read only what a MouseEvent carries (button, clientX, clientY).
if (!('PointerEvent' in window)) {
  Object.defineProperty(window, 'PointerEvent', { value: class PointerEvent extends MouseEvent {}, configurable: true });
}

const lab = block({ id: 't1', date: '2025-08-19', start: '09:00', end: '10:30', minutes: 90 });

function grid(view: 'day' | 'week' | 'month' = 'week', blocks = [lab]) {
  const onchange = vi.fn<(info: ChangeInfo, kind: 'drop' | 'resize') => void>();
  const onopen = vi.fn();
  const props = { view, date: '2025-08-19', today: '2025-08-19', events: blocks.map((b) => blockToEvent(b)), slotMinTime: '07:00', onopen, onchange };
  const { rerender } = render(CalendarGrid, { props });
  return { onchange, onopen, rerender: (over: Partial<typeof props>) => rerender({ ...props, ...over }) };
}

/** Press on `el`, move by `dy` pixels in two steps, and release (or press Escape first). */
async function drag(el: Element, dy: number, escape = false) {
  await fireEvent.pointerDown(el, { button: 0, clientX: 10, clientY: 100 });
  await fireEvent.pointerMove(window, { clientX: 10, clientY: 100 + dy / 2 });
  await fireEvent.pointerMove(window, { clientX: 10, clientY: 100 + dy });
  if (escape) await fireEvent.keyDown(window, { key: 'Escape' });
  else await fireEvent.pointerUp(window, { clientX: 10, clientY: 100 + dy });
}

describe('dragging blocks in the time grid', () => {
  it('moves a block by whole quarter hours, draws it there and asks core on release', async () => {
    const { onchange, onopen } = grid();
    const ev = screen.getByTestId('cal-event-t1');
    // 0.8 px a minute: 100 px is 125 min, snapped to 120.
    await drag(ev, 100);
    expect(screen.getByTestId('cal-event-t1').style.top).toBe(`${(11 * 60 - 7 * 60) * 0.8}px`);
    expect(onchange).toHaveBeenCalledOnce();
    const [info, kind] = onchange.mock.calls[0]!;
    expect(kind).toBe('drop');
    expect(fromWallClock(info.event.start)).toEqual({ date: '2025-08-19', time: '11:00' });
    expect(fromWallClock(info.event.end)).toEqual({ date: '2025-08-19', time: '12:30' });
    expect(onopen).not.toHaveBeenCalled();

    // Core refused: the block is drawn where it was.
    info.revert();
    await vi.waitFor(() => expect(screen.getByTestId('cal-event-t1').style.top).toBe(`${2 * 60 * 0.8}px`));
    expect(dayColumn(screen.getByTestId('cal-event-t1'))).toBe('2');
  });

  it('resizes a block from its bottom edge, at least 15 minutes long', async () => {
    const { onchange, onopen } = grid();
    const edge = screen.getByTestId('cal-event-t1').querySelector('.sp-resizer')!;
    await drag(edge, -200);
    // The click that follows the release on the block is not an "open".
    await fireEvent.click(screen.getByTestId('cal-event-t1'));
    expect(onopen).not.toHaveBeenCalled();
    const [info, kind] = onchange.mock.calls[0]!;
    expect(kind).toBe('resize');
    expect(fromWallClock(info.event.start).time).toBe('09:00');
    expect(fromWallClock(info.event.end).time).toBe('09:15');
  });

  it('gives the drag up on Escape, without asking core', async () => {
    const { onchange } = grid();
    await drag(screen.getByTestId('cal-event-t1'), 100, true);
    expect(onchange).not.toHaveBeenCalled();
    expect(screen.getByTestId('cal-event-t1').style.top).toBe(`${2 * 60 * 0.8}px`);
    // The release after Escape does nothing either.
    await fireEvent.pointerUp(window, { clientX: 10, clientY: 200 });
    expect(onchange).not.toHaveBeenCalled();
  });

  it('still drags in the day view after the week view was shown (fewer columns than before)', async () => {
    const { onchange, rerender } = grid('week');
    await rerender({ view: 'day' });
    await drag(screen.getByTestId('cal-event-t1'), 100);
    expect(onchange).toHaveBeenCalledOnce();
    expect(fromWallClock(onchange.mock.calls[0]![0].event.start)).toEqual({ date: '2025-08-19', time: '11:00' });
  });

  it('keeps a block that runs past midnight starting where it is dragged to', async () => {
    const owl = block({ id: 'owl', date: '2025-08-20', start: '23:00', end: '00:30', minutes: 90 });
    const { onchange } = grid('week', [owl]);
    await drag(screen.getByTestId('cal-event-owl'), 12);
    const [info] = onchange.mock.calls[0]!;
    expect(fromWallClock(info.event.start)).toEqual({ date: '2025-08-20', time: '23:15' });
    expect(fromWallClock(info.event.end)).toEqual({ date: '2025-08-21', time: '00:45' });
  });

  it('treats a wobble that moves nothing as a click, and a drag given up with Escape as no click', async () => {
    const { onchange, onopen } = grid();
    const ev = screen.getByTestId('cal-event-t1');
    await drag(ev, 5);
    await fireEvent.click(ev);
    expect(onopen).toHaveBeenCalledOnce();
    expect(onchange).not.toHaveBeenCalled();
    await drag(ev, 100, true);
    await fireEvent.pointerUp(window, { clientX: 10, clientY: 200 });
    await fireEvent.click(ev);
    expect(onopen).toHaveBeenCalledOnce();
  });

  it('opens a block on a click that did not move it', async () => {
    const { onchange, onopen } = grid();
    const ev = screen.getByTestId('cal-event-t1');
    await fireEvent.pointerDown(ev, { button: 0, clientX: 10, clientY: 100 });
    await fireEvent.pointerUp(window, { clientX: 11, clientY: 101 });
    await fireEvent.click(ev);
    expect(onopen).toHaveBeenCalledOnce();
    expect(onchange).not.toHaveBeenCalled();
  });
});

describe('the month grid', () => {
  it('shows each day in a cell, the days of other months dimmed, today marked in words', () => {
    grid('month');
    const cell = screen.getByTestId('cal-event-t1').closest('[data-date]')!;
    expect(cell.getAttribute('data-date')).toBe('2025-08-19');
    expect(cell).toHaveClass('today');
    expect(cell).toHaveTextContent('Today');
    expect(document.querySelector('[data-date="2025-07-28"]')).toHaveClass('other');
    expect(document.querySelectorAll('[data-date]')).toHaveLength(35);
  });
});
