/**
 * The window's size and position, remembered in the app's data folder between launches. A saved
 * state that no longer fits any display (a monitor was unplugged) is moved back onto the first.
 */
export const WINDOW_STATE_FILE = 'window-state.json';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Rect;
  maximized: boolean;
}

export const DEFAULT_SIZE = { width: 1280, height: 820 } as const;
export const MIN_SIZE = { width: 720, height: 480 } as const;

function isFiniteInt(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v) && Math.abs(v) < 100_000;
}

/** The state in a window-state.json text, or undefined when it is missing or damaged. */
export function parseWindowState(text: string | undefined): WindowState | undefined {
  if (text === undefined) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  const d = data as { bounds?: Partial<Rect>; maximized?: unknown } | null;
  const b = d?.bounds;
  if (!b || !isFiniteInt(b.x) || !isFiniteInt(b.y) || !isFiniteInt(b.width) || !isFiniteInt(b.height)) return undefined;
  return {
    bounds: { x: Math.round(b.x), y: Math.round(b.y), width: Math.max(MIN_SIZE.width, Math.round(b.width)), height: Math.max(MIN_SIZE.height, Math.round(b.height)) },
    maximized: d?.maximized === true,
  };
}

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * Bounds to open the window with: the saved ones when a fair part (a quarter) is on some display's
 * work area, else the saved size centred on the first work area; undefined lets Electron place it.
 */
export function placeWindow(saved: WindowState | undefined, workAreas: readonly Rect[]): Rect | undefined {
  if (!saved || workAreas.length === 0) return undefined;
  const { bounds } = saved;
  if (workAreas.some((area) => overlap(bounds, area) >= (bounds.width * bounds.height) / 4)) return bounds;
  const area = workAreas[0];
  const width = Math.min(bounds.width, area.width);
  const height = Math.min(bounds.height, area.height);
  return { x: area.x + Math.round((area.width - width) / 2), y: area.y + Math.round((area.height - height) / 2), width, height };
}

export function windowStateText(state: WindowState): string {
  return `${JSON.stringify(state)}\n`;
}
