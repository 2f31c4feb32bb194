/**
 * The flow overlay's loop: deliveries from the live figures become dots or bands (FlowModel),
 * drawn on one <canvas> over the React Flow viewport, following pan and zoom. The loop runs only
 * while something moves; with prefers-reduced-motion nothing moves (the counters stay).
 */
import type { RingView } from './edgeCounts';
import { edgeOfLane, isBackLane, latencyAt } from './edgeCounts';
import type { FlowListener, LiveFigures } from './liveFigures';
import { FlowModel, PaceClock } from './flowModel';
import type { FlowVisitor } from './flowModel';
import type { PathSampler } from './pathGeometry';
import { samplePath } from './pathGeometry';
import type { EdgePath } from './edgePaths';
import type { LaneStyle } from './drawFlow';
import { LANE_OFFSET, drawBand, drawDot } from './drawFlow';

/** [x, y, zoom] of the viewport, as React Flow's store holds it. */
export type Transform = readonly [number, number, number];

export interface PainterDeps {
  canvas: HTMLCanvasElement;
  transform(): Transform;
  live: LiveFigures;
  paths: ReadonlyMap<string, EdgePath>;
}

const REDUCED_MOTION = '(prefers-reduced-motion: reduce)';

/** Starts painting; returns the function that stops it. */
export function startFlowPainter({ canvas, transform, live, paths }: PainterDeps): () => void {
  const context = canvas.getContext('2d');
  if (!context) return () => {};
  const ctx: CanvasRenderingContext2D = context;
  const model = new FlowModel();
  const clock = new PaceClock();
  const samplers = new Map<string, { d: string; sampler: PathSampler | undefined }>();
  const colors = new Map<string, string>();
  const motion = window.matchMedia(REDUCED_MOTION);
  let reduced = motion.matches;
  let raf = 0;
  let width = 0;
  let height = 0;
  let drawn = { dots: -1, bands: -1 };

  const sampler = (id: string, d: string): PathSampler | undefined => {
    const hit = samplers.get(id);
    if (hit?.d === d) return hit.sampler;
    const s = samplePath(d);
    samplers.set(id, { d, sampler: s });
    return s;
  };
  const cssVar = (name: string): string => {
    let c = colors.get(name);
    if (c === undefined) colors.set(name, (c = getComputedStyle(canvas).getPropertyValue(name).trim() || '#888'));
    return c;
  };

  /** The geometry and colours of a lane, or undefined when its edge is not drawn. */
  const laneStyle = (lane: number): { s: PathSampler; style: LaneStyle } | undefined => {
    const id = live.edgeIds()[edgeOfLane(lane)];
    const path = id === undefined ? undefined : paths.get(id);
    const s = path && sampler(id, path.d);
    if (!path || !s) return undefined;
    const back = isBackLane(lane);
    const offset = path.twoWay ? (back ? -LANE_OFFSET : LANE_OFFSET) : 0;
    return { s, style: { color: cssVar(`--pattern-${path.pattern}`), ground: cssVar('--canvas'), back, offset } };
  };

  function frame(now: number): void {
    raf = 0;
    const dpr = window.devicePixelRatio || 1;
    if (canvas.width !== Math.round(width * dpr) || canvas.height !== Math.round(height * dpr)) {
      canvas.width = Math.round(width * dpr);
      canvas.height = Math.round(height * dpr);
    }
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    const [tx, ty, zoom] = transform();
    ctx.setTransform(dpr * zoom, 0, 0, dpr * zoom, dpr * tx, dpr * ty);
    let dots = 0;
    let bands = 0;
    // One lookup per lane per frame, however many dots it has.
    const lanes = new Map<number, ReturnType<typeof laneStyle>>();
    const styleOf = (lane: number): ReturnType<typeof laneStyle> => {
      if (!lanes.has(lane)) lanes.set(lane, laneStyle(lane));
      return lanes.get(lane);
    };
    const visitor: FlowVisitor = {
      dot(lane, p) {
        const l = styleOf(lane);
        if (!l) return;
        drawDot(ctx, l.s, p, l.style, zoom);
        dots++;
      },
      band(lane, rate) {
        const l = styleOf(lane);
        if (!l) return;
        drawBand(ctx, l.s, rate, l.style, now);
        bands++;
      },
    };
    const busy = model.frame(now, visitor);
    // What is on screen, for the end-to-end tests (written only when it changes).
    if (dots !== drawn.dots || bands !== drawn.bands) {
      drawn = { dots, bands };
      canvas.dataset.dots = String(dots);
      canvas.dataset.bands = String(bands);
    }
    if (busy) raf = requestAnimationFrame(frame);
  }

  const kick = (): void => {
    if (raf === 0) raf = requestAnimationFrame(frame);
  };

  const listener: FlowListener = {
    delivered(lane: number, i: number, ring: RingView, now: number) {
      if (reduced) return;
      if (model.arrive(lane, now)) {
        const latency = latencyAt(ring, i);
        model.addDot(lane, clock.place(ring.tAt(i) - latency, now), latency);
      }
      kick();
    },
    reset() {
      model.reset();
      clock.reset();
      kick();
    },
  };

  const resize = new ResizeObserver(([entry]) => {
    width = entry.contentRect.width;
    height = entry.contentRect.height;
  });
  resize.observe(canvas);
  const onMotion = (e: MediaQueryListEvent): void => {
    reduced = e.matches;
    if (reduced) listener.reset();
  };
  motion.addEventListener('change', onMotion);
  // The pattern colours are CSS variables that the theme switches: read them again when it does.
  const theme = new MutationObserver(() => colors.clear());
  theme.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  const detach = live.addFlowListener(listener);

  return () => {
    detach();
    motion.removeEventListener('change', onMotion);
    resize.disconnect();
    theme.disconnect();
    if (raf !== 0) cancelAnimationFrame(raf);
  };
}
