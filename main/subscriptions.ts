/**
 * Subscriptions as the trace sees them. A SUB's subscriptions travel to an XPUB as messages, and
 * a forwarder's XSUB is owed only what its subscribers asked for: both are kept here so that
 * receives match their sends and "lost" means owed and never received.
 */
import type { RunPlan } from './plan';
import type { TraceRecorder } from './trace/recorder';

/** Records the subscription messages SUB sockets send to XPUB peers (all, or only these sockets'). */
export function recordSubscriptions(plan: RunPlan, recorder: TraceRecorder, only?: ReadonlySet<number>): void {
  for (const p of plan.sockets) {
    if (only && !only.has(p.index)) continue;
    if (p.type !== 'SUB' || p.subscribe.length === 0) continue;
    if (!p.peers.some((peer) => plan.sockets[peer].type === 'XPUB')) continue;
    for (const topic of p.subscribe) {
      const frame = Buffer.concat([Buffer.from([1]), Buffer.from(topic)]);
      recorder.send(p.index, [frame], 0, true, true);
    }
  }
}

/** A forwarder passed a (un)subscribe frame upstream: its XSUB's list of what it is owed changes. */
export function noteSubscription(recorder: TraceRecorder, frontend: number, frame: Buffer): void {
  const s = recorder.sockets[frontend];
  if (!s || frame.length === 0 || (frame[0] !== 0 && frame[0] !== 1)) return;
  const topic = new Uint8Array(frame.subarray(1));
  const rest = (s.subscriptions ?? []).filter((t) => Buffer.compare(Buffer.from(t), Buffer.from(topic)) !== 0);
  s.subscriptions = frame[0] === 1 ? [...rest, topic] : rest;
}
