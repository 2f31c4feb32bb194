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

/** How far back the listed sends are looked for. */
const SCAN = 20_000;

/**
 * The last `limit` sends held by the ring, oldest first, each with its receives and explanation.
 * Reads columns first and makes objects only for the listed sends and their own receives, so a
 * flood costs a column scan, not an object per record.
 */
export function recentHops(ring: TraceRing, topology: Topology, limit = 200): Hop[] {
  const end = ring.size;
  const floor = Math.max(0, end - SCAN);
  const sendAt: number[] = [];
  for (let i = end - 1; i >= floor && sendAt.length < limit; i--) if (ring.dirAt(i) === 'out') sendAt.push(i);
  sendAt.reverse();
  const receives = new Map<number, TraceRecord[]>(sendAt.map((i) => [ring.msgAt(i), []]));
  // A receive follows its send in the ring: look only after the oldest listed send.
  for (let i = sendAt[0] ?? end; i < end; i++) {
    if (ring.dirAt(i) !== 'in') continue;
    const list = receives.get(ring.msgAt(i));
    if (list) list.push(ring.recordAt(i));
  }
  return sendAt.map((i) => {
    const send = ring.recordAt(i);
    const got = receives.get(send.msg) ?? [];
    return { send, receives: got, explanation: explainHop({ topology, send, receives: got }) };
  });
}
