// The flow overlay's model: dots at low rates, a band above ~50 msgs/s, real pace, and stopping.
import { describe, expect, it } from 'vitest';
import { FLOW, FlowModel, PaceClock } from '../../renderer/canvas/live/flowModel';

/** What a frame at `now` would draw. */
function frame(model: FlowModel, now: number) {
  const dots: [number, number][] = [];
  const bands: [number, number][] = [];
  const busy = model.frame(now, { dot: (lane, p) => dots.push([lane, p]), band: (lane, rate) => bands.push([lane, rate]) });
  return { dots, bands, busy };
}

/** `n` messages on `lane`, evenly over [from, from + spanMs), each drawn as a dot when the model says so. */
function send(model: FlowModel, lane: number, n: number, from: number, spanMs: number): number {
  let dotted = 0;
  for (let k = 0; k < n; k++) {
    const now = from + (k * spanMs) / n;
    if (model.arrive(lane, now)) {
      model.addDot(lane, now, 0);
      dotted++;
    }
  }
  return dotted;
}

describe('flow model', () => {
  it('draws a message as a dot crossing its edge in minTravelMs, then forgets it', () => {
    const m = new FlowModel();
    expect(m.arrive(3, 1000)).toBe(true);
    m.addDot(3, 1000, 0);
    expect(frame(m, 1000).dots).toEqual([[3, 0]]);
    const mid = frame(m, 1000 + FLOW.minTravelMs / 2);
    expect(mid.dots[0][1]).toBeCloseTo(0.5, 6);
    expect(mid.busy).toBe(true);
    const after = frame(m, 1000 + FLOW.minTravelMs + 1);
    expect(after.dots).toEqual([]);
    expect(after.busy).toBe(false);
  });

  it('keeps a dot that leaves later waiting (not drawn, but the loop keeps running)', () => {
    const m = new FlowModel();
    m.arrive(0, 0);
    m.addDot(0, 100, 0);
    expect(frame(m, 50)).toEqual({ dots: [], bands: [], busy: true });
    expect(frame(m, 150).dots).toHaveLength(1);
  });

  it('lets a slow hop take longer to cross, up to maxTravelMs', () => {
    const m = new FlowModel();
    m.addDot(0, 0, 4); // 450 + 4 * 25 = 550 ms
    expect(frame(m, 275).dots[0][1]).toBeCloseTo(0.5, 6);
    m.reset();
    m.addDot(0, 0, 1000);
    expect(frame(m, FLOW.maxTravelMs / 2).dots[0][1]).toBeCloseTo(0.5, 6);
  });

  it('draws each of 20 msgs/s as a dot, each lane on its own', () => {
    const m = new FlowModel();
    expect(send(m, 0, 20, 0, 1000)).toBe(20);
    expect(send(m, 1, 5, 0, 1000)).toBe(5);
    const f = frame(m, 1000);
    expect(f.bands).toEqual([]);
    expect(f.dots.filter(([lane]) => lane === 0).length).toBe(8); // sent at 600, 650 … 950: still on their way
    expect(f.dots.filter(([lane]) => lane === 1).length).toBe(2);
  });

  it('turns a lane into a band at 50 msgs/s, with its rate, and draws no dots on it', () => {
    const m = new FlowModel();
    const dotted = send(m, 0, 200, 0, 1000);
    expect(dotted).toBeLessThan(50);
    const f = frame(m, 999);
    expect(f.dots).toEqual([]);
    expect(f.bands).toHaveLength(1);
    expect(f.bands[0][0]).toBe(0);
    expect(f.bands[0][1]).toBeGreaterThanOrEqual(180);
    expect(m.isBand(0)).toBe(true);
  });

  it('caps the dots in flight on a lane', () => {
    const m = new FlowModel({ ...FLOW, bandOn: 10_000, bandOff: 5_000 });
    expect(send(m, 0, 100, 0, 100)).toBe(FLOW.maxDots);
    expect(frame(m, 100).dots).toHaveLength(FLOW.maxDots);
  });

  it('goes back to dots only below bandOff (no flicker around 50 msgs/s)', () => {
    const m = new FlowModel();
    send(m, 0, 60, 0, 1000);
    expect(m.isBand(0)).toBe(true);
    // 40 msgs/s: under bandOn, over bandOff: still a band.
    send(m, 0, 40, 1000, 1000);
    expect(frame(m, 1999).bands).toHaveLength(1);
    // 20 msgs/s: under bandOff: dots again.
    expect(send(m, 0, 20, 2000, 1000)).toBeGreaterThan(0);
    expect(frame(m, 2999).bands).toEqual([]);
    expect(m.isBand(0)).toBe(false);
  });

  it('stops (nothing busy) once a band has had no traffic for a window', () => {
    const m = new FlowModel();
    send(m, 0, 300, 0, 1000);
    expect(frame(m, 1000).busy).toBe(true);
    expect(frame(m, 2100)).toEqual({ dots: [], bands: [], busy: false });
    expect(m.rate(0, 2100)).toBe(0);
  });
});

describe('pace clock', () => {
  it('keeps the rhythm of the run: records 10 ms apart leave 10 ms apart', () => {
    const c = new PaceClock();
    const first = c.place(500, 10_000);
    expect(first).toBe(10_000);
    // A later batch seen 50 ms later, its records spread as they were sent.
    expect(c.place(540, 10_050) - first).toBe(40);
    expect(c.place(550, 10_050) - first).toBe(50);
  });

  it('re-anchors when the page fell behind (or a new run starts its clock at 0)', () => {
    const c = new PaceClock();
    c.place(500, 10_000);
    expect(c.place(600, 11_000)).toBe(11_000);
    expect(c.place(0, 11_010)).toBe(11_010);
    expect(c.place(5, 11_010)).toBe(11_015);
  });
});
