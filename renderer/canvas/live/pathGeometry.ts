/**
 * Points along an edge's path by fraction of its length, for the live-flow overlay. The path is
 * the `d` React Flow's getBezierPath makes ("M sx,sy C c1x,c1y c2x,c2y tx,ty"), or a straight
 * "M x,y L x,y": parsed and sampled once per change of `d`, then read by table lookup every frame
 * (no DOM calls like getPointAtLength in the animation loop). Pure: no DOM.
 */

/** Sample segments per path: smooth enough for a dot at any zoom a diagram is read at. */
export const SAMPLES = 40;

export interface PathSampler {
  /** Length in flow units. */
  readonly length: number;
  /** Sample points, source end first (SAMPLES + 1 of them). */
  readonly xs: Float64Array;
  readonly ys: Float64Array;
  /** Unit normal at each sample: the left side of the source -> target direction (y down). */
  readonly nx: Float64Array;
  readonly ny: Float64Array;
  /** Length from the source end to each sample. */
  readonly cum: Float64Array;
}

const NUMBER = /-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/gi;

/** The control polygon of a cubic ("M … C …", 8 numbers) or a line ("M … L …", 4 numbers). */
export function parsePath(d: string): number[] | undefined {
  const numbers = (d.match(NUMBER) ?? []).map(Number);
  if (numbers.some((n) => !Number.isFinite(n))) return undefined;
  if (numbers.length === 8 && /C/i.test(d)) return numbers;
  if (numbers.length === 4 && /L/i.test(d)) {
    const [x0, y0, x1, y1] = numbers;
    // A line is a cubic with its controls on its thirds: one evaluator for both.
    return [x0, y0, x0 + (x1 - x0) / 3, y0 + (y1 - y0) / 3, x0 + ((x1 - x0) * 2) / 3, y0 + ((y1 - y0) * 2) / 3, x1, y1];
  }
  return undefined;
}

function cubic(p0: number, p1: number, p2: number, p3: number, t: number): number {
  const u = 1 - t;
  return u * u * u * p0 + 3 * u * u * t * p1 + 3 * u * t * t * p2 + t * t * t * p3;
}

/** Samples a path for `pointAt`; undefined for a path this overlay does not know how to read. */
export function samplePath(d: string, segments = SAMPLES): PathSampler | undefined {
  const c = parsePath(d);
  if (!c) return undefined;
  const n = segments + 1;
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  const cum = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const t = i / segments;
    xs[i] = cubic(c[0], c[2], c[4], c[6], t);
    ys[i] = cubic(c[1], c[3], c[5], c[7], t);
    if (i > 0) cum[i] = cum[i - 1] + Math.hypot(xs[i] - xs[i - 1], ys[i] - ys[i - 1]);
  }
  const nx = new Float64Array(n);
  const ny = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    // Central difference (one-sided at the ends): the tangent, turned a quarter to the left.
    const a = Math.max(0, i - 1);
    const b = Math.min(n - 1, i + 1);
    const dx = xs[b] - xs[a];
    const dy = ys[b] - ys[a];
    const len = Math.hypot(dx, dy) || 1;
    nx[i] = dy / len;
    ny[i] = -dx / len;
  }
  return { length: cum[n - 1], xs, ys, nx, ny, cum };
}

export interface MutablePoint {
  x: number;
  y: number;
}

/**
 * The point at fraction `f` of the length (0 = source end, 1 = target end), moved `offset` flow
 * units along the normal. Writes into `out` so the animation loop makes no garbage.
 */
export function pointAt(s: PathSampler, f: number, offset: number, out: MutablePoint): MutablePoint {
  const target = Math.min(1, Math.max(0, f)) * s.length;
  const { cum } = s;
  let lo = 0;
  let hi = cum.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (cum[mid] < target) lo = mid;
    else hi = mid;
  }
  const span = cum[hi] - cum[lo];
  const k = span > 0 ? (target - cum[lo]) / span : 0;
  const nx = s.nx[lo] + (s.nx[hi] - s.nx[lo]) * k;
  const ny = s.ny[lo] + (s.ny[hi] - s.ny[lo]) * k;
  out.x = s.xs[lo] + (s.xs[hi] - s.xs[lo]) * k + nx * offset;
  out.y = s.ys[lo] + (s.ys[hi] - s.ys[lo]) * k + ny * offset;
  return out;
}
