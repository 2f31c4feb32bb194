/**
 * The hops of the latest messages, each with the decision ZeroMQ made there (shared/explain.ts):
 * what the Hops tab lists while a student steps through a run, read straight from the trace ring.
 */
import type { TraceRecord } from '../../../shared/trace';
import type { Topology } from '../../../shared/topology';
import { explainHop } from '../../../shared/explain';
import type { TraceRing } from '../../store/traceRing';

export interface Hop {
  /** The send's record. */
  send: TraceRecord;
  receives: TraceRecord[];
  explanation: string;
}

/** How far back the receives of the listed sends are looked for. */
const SCAN = 20_000;

/** The last `limit` sends held by the ring, oldest first, each with its receives and explanation. */
export function recentHops(ring: TraceRing, topology: Topology, limit = 200): Hop[] {
  const end = ring.size;
  const start = Math.max(0, end - SCAN);
  const receives = new Map<number, TraceRecord[]>();
  const sends: TraceRecord[] = [];
  for (let i = end - 1; i >= start; i--) {
    if (ring.dirAt(i) === 'in') {
      const r = ring.recordAt(i);
      const list = receives.get(r.msg);
      if (list) list.unshift(r);
      else receives.set(r.msg, [r]);
    } else if (sends.length < limit) sends.push(ring.recordAt(i));
  }
  sends.reverse();
  return sends.map((send) => {
    const got = receives.get(send.msg) ?? [];
    return { send, receives: got, explanation: explainHop({ topology, send, receives: got }) };
  });
}
