/**
 * Drawing one frame of the flow overlay: dots and bands along sampled edge paths, in flow
 * coordinates (the caller sets the viewport transform on the context).
 */
import type { MutablePoint, PathSampler } from './pathGeometry';
import { pointAt } from './pathGeometry';

/** How far each direction of a two-way edge runs beside the line, in flow units. */
export const LANE_OFFSET = 4.5;
const DOT_RADIUS = 4.5;
/** Flow units per second the dashes of a band move at 50 msgs/s; faster with the rate. */
const BAND_SPEED = 70;
const DASH = [7, 6];

export interface LaneStyle {
  color: string;
  /** The canvas colour: outlines dots so they stand out on their own line. */
  ground: string;
  back: boolean;
  offset: number;
}

const point: MutablePoint = { x: 0, y: 0 };

/**
 * A message on its way: filled going source -> target, hollow coming back (a reply), so the two
 * directions of a req/rep edge read apart even where they cross.
 */
export function drawDot(ctx: CanvasRenderingContext2D, s: PathSampler, p: number, style: LaneStyle, zoom: number): void {
  pointAt(s, style.back ? 1 - p : p, style.offset, point);
  // Never smaller than a few screen pixels when zoomed out.
  const r = Math.max(DOT_RADIUS, 2.5 / zoom);
  ctx.beginPath();
  ctx.arc(point.x, point.y, r, 0, Math.PI * 2);
  ctx.lineWidth = style.back ? 2 : 1.5;
  if (style.back) {
    ctx.fillStyle = style.ground;
    ctx.strokeStyle = style.color;
  } else {
    ctx.fillStyle = style.color;
    ctx.strokeStyle = style.ground;
  }
  ctx.fill();
  ctx.stroke();
}

/** A lane too busy for dots: a ribbon in the pattern's colour with gaps flowing the way messages go. */
export function drawBand(ctx: CanvasRenderingContext2D, s: PathSampler, rate: number, style: LaneStyle, now: number): void {
  const n = s.xs.length;
  ctx.beginPath();
  for (let k = 0; k < n; k++) {
    const i = style.back ? n - 1 - k : k;
    const x = s.xs[i] + s.nx[i] * style.offset;
    const y = s.ys[i] + s.ny[i] * style.offset;
    if (k === 0) ctx.moveTo(x, y);
    else ctx.lineTo(x, y);
  }
  const busy = Math.max(0, Math.log10(rate / 50));
  ctx.setLineDash([]);
  // The way back (replies) in a lighter shade of the same colour.
  ctx.globalAlpha = style.back ? 0.28 : 0.45;
  ctx.strokeStyle = style.color;
  ctx.lineWidth = 6 + busy * 1.5;
  ctx.stroke();
  ctx.globalAlpha = 0.95;
  ctx.setLineDash(DASH);
  ctx.lineDashOffset = -((now / 1000) * BAND_SPEED * (1 + busy * 0.5)) % (DASH[0] + DASH[1]);
  ctx.strokeStyle = style.ground;
  ctx.lineWidth = 2.5;
  ctx.stroke();
  ctx.setLineDash([]);
  ctx.globalAlpha = 1;
}
