// One press-move-release of the primary button, for dragging and resizing events in the grids.

export type PointerHandlers = {
  /** The pointer moved `dx`, `dy` pixels from where it was pressed (called once it has moved 4 px). */
  move: (dx: number, dy: number, e: PointerEvent) => void;
  /** Released (`cancelled` false) or given up: Escape, or the system took the pointer. */
  end: (moved: boolean, cancelled: boolean) => void;
};

/** Follow the pointer pressed in `down` until it is released; a press that doesn't move stays a click. */
export function followPointer(down: PointerEvent, handlers: PointerHandlers): void {
  const x0 = down.clientX;
  const y0 = down.clientY;
  let moved = false;
  const onMove = (e: PointerEvent) => {
    const dx = e.clientX - x0;
    const dy = e.clientY - y0;
    if (!moved && Math.abs(dx) + Math.abs(dy) < 4) return;
    moved = true;
    handlers.move(dx, dy, e);
  };
  const finish = (cancelled: boolean) => {
    window.removeEventListener('pointermove', onMove);
    window.removeEventListener('pointerup', onUp);
    window.removeEventListener('pointercancel', onCancel);
    window.removeEventListener('keydown', onKey, true);
    handlers.end(moved, cancelled);
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
}

/** The index of the box (a day's column or cell) under the point, or -1. */
export function boxAt(boxes: readonly DOMRect[], x: number, y: number): number {
  return boxes.findIndex((r) => x >= r.left && x < r.right && y >= r.top && y < r.bottom);
}

/** The index of the column under `x` (a time grid's days), or -1. */
export function columnAt(boxes: readonly DOMRect[], x: number): number {
  return boxes.findIndex((r) => x >= r.left && x < r.right);
}
