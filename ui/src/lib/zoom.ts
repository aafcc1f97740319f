/**
 * Zoom of the whole interface (Ctrl/⌘ with + − 0): CSS `zoom` on the root element, set through the CSSOM (which
 * the CSP allows), remembered in localStorage.
 */
export const ZOOM_LEVELS = [0.67, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2] as const;
export const ZOOM_KEY = 'libertas.zoom';

export function savedZoom(): number {
  try {
    const v = Number(localStorage.getItem(ZOOM_KEY));
    return (ZOOM_LEVELS as readonly number[]).includes(v) ? v : 1;
  } catch {
    return 1;
  }
}

export function applyZoom(level: number, root: HTMLElement = document.documentElement): void {
  root.style.setProperty('zoom', level === 1 ? '' : String(level));
  root.dataset.zoom = String(level);
}

/** One step bigger (+1), smaller (−1), or back to 100 % (0); applies and remembers it. Returns the new level. */
export function stepZoom(step: -1 | 0 | 1, current = savedZoom()): number {
  let next = 1;
  if (step !== 0) {
    const levels = ZOOM_LEVELS as readonly number[];
    const i = levels.indexOf(current);
    const at = i < 0 ? levels.indexOf(1) : i;
    next = levels[Math.min(levels.length - 1, Math.max(0, at + step))];
  }
  try {
    localStorage.setItem(ZOOM_KEY, String(next));
  } catch {
    /* storage unavailable: the zoom holds until the window closes */
  }
  applyZoom(next);
  return next;
}
