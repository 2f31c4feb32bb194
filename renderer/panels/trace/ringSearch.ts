/** Finding records in the ring by message id, for links between records (a cause, a route hop). */
import type { TraceColumns } from './filter';

export interface MessageColumns extends TraceColumns {
  msgAt(i: number): number;
  nodeAt(i: number): string;
  causeAt(i: number): number;
}

/**
 * The cause of message `msg`, from its send record (a receive repeats the message id, and the
 * engine puts the cause on the send); 0 when it has none or its send is no longer held.
 */
export function causeOfMessage(ring: MessageColumns, msg: number, before = ring.size): number {
  for (let i = Math.min(before, ring.size) - 1; i >= 0; i--) if (ring.msgAt(i) === msg && ring.dirAt(i) === 'out') return ring.causeAt(i);
  return 0;
}

/**
 * Position of the record that stands for message `msg` as seen from `node`: its receive at that
 * node (what the node acted on: a device's forward, a reply to a request), else any receive of
 * it, else its send; -1 when the ring no longer holds it. Searches back from position `before`,
 * since a cause precedes what it caused.
 */
export function findMessageRecord(ring: MessageColumns, msg: number, node: string, before = ring.size): number {
  let anyIn = -1;
  let out = -1;
  for (let i = Math.min(before, ring.size) - 1; i >= 0; i--) {
    if (ring.msgAt(i) !== msg) continue;
    if (ring.dirAt(i) === 'out') {
      out = i;
      continue;
    }
    if (ring.nodeAt(i) === node) return i;
    if (anyIn < 0) anyIn = i;
  }
  return anyIn >= 0 ? anyIn : out;
}
