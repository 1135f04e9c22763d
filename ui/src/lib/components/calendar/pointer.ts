// One press-move-release of the primary button, for dragging and resizing events in the grids.

export type PointerHandlers = {
  /** The pointer moved `dx`, `dy` pixels from where it was pressed (called once it has moved 4 px). */
  move: (dx: number, dy: number, e: PointerEvent) => void;
  /**
   * Released (`cancelled` false) or given up: Escape, or the system took the pointer. Returns true when the
   * release is not a click (something was dragged, or a drag given up): the click that follows is swallowed.
   */
  end: (moved: boolean, cancelled: boolean) => boolean;
};

/** How close to the top or bottom of the scrolling area (px) a drag scrolls it, and by how much a frame. */
const EDGE = 48;
const EDGE_STEP = 14;

/**
 * Follow the pointer pressed in `down` until it is released; a press that doesn't move stays a click.
 * With `scroller` (the box the page scrolls in), `dy` counts its scrolling too, so what is dragged follows
 * the pointer when the page scrolls under it, and holding the pointer near its top or bottom edge scrolls it.
 */
export function followPointer(down: PointerEvent, handlers: PointerHandlers, scroller: HTMLElement | null = null): void {
  const x0 = down.clientX;
  const y0 = down.clientY;
  const s0 = scroller?.scrollTop ?? 0;
  let moved = false;
  let last: PointerEvent | null = null;
  let frame = 0;
  const report = () => {
    if (moved && last) handlers.move(last.clientX - x0, last.clientY - y0 + (scroller?.scrollTop ?? 0) - s0, last);
  };
  const edgeScroll = () => {
    frame = 0;
    if (!scroller || !last) return;
    const r = scroller.getBoundingClientRect();
    const step = last.clientY < r.top + EDGE ? -EDGE_STEP : last.clientY > r.bottom - EDGE ? EDGE_STEP : 0;
    const before = scroller.scrollTop;
    if (step !== 0) scroller.scrollTop = before + step;
    if (scroller.scrollTop !== before) frame = requestAnimationFrame(edgeScroll);
  };
  const onMove = (e: PointerEvent) => {
    if (!moved && Math.abs(e.clientX - x0) + Math.abs(e.clientY - y0) < 4) return;
    moved = true;
    last = e;
    report();
    if (!frame) frame = requestAnimationFrame(edgeScroll);
  };
  const onScroll = () => report();
  const finish = (cancelled: boolean) => {
    window.removeEventListener('pointermove', onMove);
    window.removeEventListener('pointerup', onUp);
    window.removeEventListener('pointercancel', onCancel);
    window.removeEventListener('keydown', onKey, true);
    scroller?.removeEventListener('scroll', onScroll);
    if (frame) cancelAnimationFrame(frame);
    if (handlers.end(moved, cancelled)) swallowClick(down.target);
  };
  const onUp = () => finish(false);
  const onCancel = () => finish(true);
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    e.stopPropagation();
    finish(true);
  };
  window.addEventListener('pointermove', onMove);
  window.addEventListener('pointerup', onUp);
  window.addEventListener('pointercancel', onCancel);
  window.addEventListener('keydown', onKey, true);
  scroller?.addEventListener('scroll', onScroll);
}

/**
 * Stop the click the browser sends on what was pressed right after the release (in the same task), and no
 * later one.
 */
function swallowClick(pressed: EventTarget | null): void {
  const stop = (e: MouseEvent) => {
    // A click goes to the nearest element holding both where the button went down and where it came up.
    if (!(pressed instanceof Node && e.target instanceof Node && e.target.contains(pressed))) return;
    e.stopPropagation();
    e.preventDefault();
    off();
  };
  const off = () => window.removeEventListener('click', stop, { capture: true });
  window.addEventListener('click', stop, { capture: true });
  setTimeout(off);
}

/** The nearest ancestor of `el` that scrolls vertically (the page's main area), if any. */
export function scrollParent(el: Element | null): HTMLElement | null {
  for (let p = el?.parentElement ?? null; p; p = p.parentElement) {
    const y = getComputedStyle(p).overflowY;
    if (y === 'auto' || y === 'scroll') return p;
  }
  return null;
}

/** The index of the box (a day's column or cell) under the point, or -1. */
export function boxAt(boxes: readonly DOMRect[], x: number, y: number): number {
  return boxes.findIndex((r) => x >= r.left && x < r.right && y >= r.top && y < r.bottom);
}

/** The index of the column under `x` (a time grid's days), or -1. */
export function columnAt(boxes: readonly DOMRect[], x: number): number {
  return boxes.findIndex((r) => x >= r.left && x < r.right);
}
