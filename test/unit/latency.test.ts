/** Round-trip latency from the trace ring, measured incrementally, and its percentiles and bins. */
import { describe, expect, it } from 'vitest';
import { RoundTrips, histogram, percentile } from '../../renderer/panels/charts/latency';
import { histogramData, sparklineData } from '../../renderer/panels/charts/chartData';
import { TraceRing } from '../../renderer/store/traceRing';
import type { TraceRecord } from '../../shared/trace';
import { BROKER, FORWARDER, LOAD_BALANCED, ringOf } from './routeFixtures';

const sortedOf = (rt: RoundTrips): number[] => [...rt.sorted()];

describe('RoundTrips', () => {
  it('load-balanced: request out at the client -> its reply in at the client, through the REP', () => {
    const rt = new RoundTrips();
    expect(rt.update(ringOf(LOAD_BALANCED))).toBe(true);
    // msg 2 (id 5): 52.998 -> 55.675; msg 3 (id 7): 55.768 -> 59.177; msg 4 has no reply yet.
    expect(rt.count).toBe(2);
    const [a, b] = sortedOf(rt);
    expect(a).toBeCloseTo(2.677, 6);
    expect(b).toBeCloseTo(3.409, 6);
  });

  it('broker: follows the reply back through the queue to the client that asked', () => {
    const rt = new RoundTrips();
    rt.update(ringOf(BROKER));
    expect(rt.count).toBe(2);
    const got = sortedOf(rt);
    expect(got[0]).toBeCloseTo(15.875 - 13.404, 6); // client 2: 2.471 ms
    expect(got[1]).toBeCloseTo(15.526 - 12.736, 6); // client 1: 2.790 ms
  });

  it('reads only what was appended since the last update', () => {
    const all = ringOf(BROKER);
    const ring = new TraceRing(1000);
    ring.clear(all.tables);
    const records: TraceRecord[] = Array.from({ length: all.size }, (_, i) => all.recordAt(i));
    const rt = new RoundTrips();
    ring.appendRecords(records.slice(0, 15)); // up to client 1's reply
    expect(rt.update(ring)).toBe(true);
    expect(rt.count).toBe(1);
    expect(rt.update(ring)).toBe(false); // nothing new: nothing counted twice
    ring.appendRecords(records.slice(15));
    expect(rt.update(ring)).toBe(true);
    expect(rt.count).toBe(2);
  });

  it('starts over when a new run brings new tables', () => {
    const rt = new RoundTrips();
    rt.update(ringOf(BROKER));
    rt.update(ringOf(LOAD_BALANCED));
    expect(rt.count).toBe(2);
    expect(sortedOf(rt)[1]).toBeCloseTo(3.409, 6);
  });

  it('measures nothing where no requester waits for a reply (pub/sub through a forwarder)', () => {
    const rt = new RoundTrips();
    expect(rt.update(ringOf(FORWARDER))).toBe(false);
    expect(rt.count).toBe(0);
  });
});

describe('percentile and histogram', () => {
  const values = Float64Array.from({ length: 100 }, (_, i) => i + 1); // 1..100 ms

  it('nearest-rank percentiles', () => {
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile(values, 100)).toBe(100);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });

  it('equal-width bins from min to max, every value counted once', () => {
    const h = histogram(values.map((v) => v + 9), 10); // 10..109 ms
    expect(h.log).toBe(false);
    expect(h.counts).toHaveLength(10);
    expect(h.counts.reduce((a, b) => a + b, 0)).toBe(100);
    expect(h.edges[0]).toBe(10);
    expect(h.edges[10]).toBe(109);
    expect(h.edges[1]).toBeCloseTo(19.9, 9);
    expect(h.counts[9]).toBe(10); // the maximum lands in the last bin
    expect(histogram([2, 2, 2], 10)).toEqual({ edges: [1.9, 2.1], counts: [3], log: false });
    expect(histogram([], 10).counts).toEqual([]);
  });

  it('log-spaced bins when round trips span orders of magnitude (µs replies and one slow first connect)', () => {
    const h = histogram([0.1, 0.12, 0.3, 0.35, 100], 3); // bins 0.1-1, 1-10, 10-100 ms
    expect(h.log).toBe(true);
    expect(h.edges.map((e) => Number(e.toPrecision(6)))).toEqual([0.1, 1, 10, 100]);
    expect(h.counts).toEqual([4, 0, 1]);
  });
});

describe('chart columns', () => {
  it('a sparkline: rate samples against seconds before the newest (stats every 250 ms)', () => {
    expect(sparklineData([4, 8, 2])).toEqual([[-0.5, -0.25, 0], [4, 8, 2]]);
    expect(sparklineData([])).toEqual([[], []]);
  });

  it('a histogram: bars at bin centres, geometric ones for log bins', () => {
    expect(histogramData({ edges: [1, 3, 5], counts: [5, 1], log: false })).toEqual([[2, 4], [5, 1]]);
    expect(histogramData({ edges: [0.1, 1, 10], counts: [4, 1], log: true })[0].map((x) => Number(x.toPrecision(6)))).toEqual([0.316228, 3.16228]);
  });
});
