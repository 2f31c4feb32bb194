/**
 * Trace records as the engine writes them, copied from `zmq-studio run <example> --trace`
 * (times and ids are real, previews shortened where noted), loaded into the page's ring.
 */
import { TraceRing } from '../../renderer/store/traceRing';
import type { TraceRecord, TraceTables } from '../../shared/trace';

type Row = [seq: number, t: number, node: string, port: string, socket: string, dir: 'out' | 'in', edge: string, msg: number, cause: number, preview: string];

const toRecord = ([seq, t, node, port, socket, dir, edge, msg, cause, preview]: Row): TraceRecord => ({
  seq, t, node, port, socket, dir, edge, frames: port ? 3 : 1, bytes: preview.length, preview, msg, cause,
});

/** A ring holding these rows, with the run's tables built from them. */
export function ringOf(rows: readonly Row[], capacity = 1000): TraceRing {
  const records = rows.map(toRecord);
  const sockets: TraceTables['sockets'] = [];
  for (const r of records) if (!sockets.some((s) => s.node === r.node && s.port === r.port)) sockets.push({ node: r.node, port: r.port, socket: r.socket });
  const edges = [...new Set(records.map((r) => r.edge).filter((e) => e !== 'unknown'))];
  const ring = new TraceRing(capacity);
  ring.clear({ sockets, edges });
  ring.appendRecords(records);
  return ring;
}

/*
 *   client (REQ) --to-server1--> server1 (REP)
 *                \-to-server2--> server2 (REP)      requests alternate: msg 3 goes to server 2
 */
export const LOAD_BALANCED: readonly Row[] = [
  [9, 52.998, 'client', '', 'REQ', 'out', 'to-server1', 5, 0, 'msg 2'],
  [10, 53.211, 'server1', '', 'REP', 'in', 'to-server1', 5, 0, 'msg 2'],
  [11, 53.369, 'server1', '', 'REP', 'out', 'to-server1', 6, 5, 'World from 5000'],
  [12, 55.675, 'client', '', 'REQ', 'in', 'to-server1', 6, 0, 'World from 5000'],
  [13, 55.768, 'client', '', 'REQ', 'out', 'to-server2', 7, 0, 'msg 3'],
  [14, 56.132, 'server2', '', 'REP', 'in', 'to-server2', 7, 0, 'msg 3'],
  [15, 56.427, 'server2', '', 'REP', 'out', 'to-server2', 8, 7, 'World from 6000'],
  [16, 59.177, 'client', '', 'REQ', 'in', 'to-server2', 8, 0, 'World from 6000'],
  [17, 59.472, 'client', '', 'REQ', 'out', 'to-server1', 9, 0, 'msg 4'],
  [18, 60.383, 'server1', '', 'REP', 'in', 'to-server1', 9, 0, 'msg 4'],
];

/*
 *   client1 (REQ) --c1-queue--> [frontend ROUTER | queue | backend DEALER] --queue-s1--> server1 (REP)
 *   client2 (REQ) --c2-queue-/                                           \-queue-s2--> server2 (REP)
 * Two requests interleave in the queue; each reply goes back to its own client.
 */
export const BROKER: readonly Row[] = [
  [1, 12.736, 'client1', '', 'REQ', 'out', 'c1-queue', 1, 0, 'client 1 msg 0'],
  [2, 13.404, 'client2', '', 'REQ', 'out', 'c2-queue', 2, 0, 'client 2 msg 0'],
  [3, 14.323, 'queue', 'frontend', 'ROUTER', 'in', 'c1-queue', 1, 0, 'client 1 msg 0'],
  [4, 14.435, 'queue', 'backend', 'DEALER', 'out', 'queue-s1', 3, 1, 'client 1 msg 0'],
  [5, 14.556, 'queue', 'frontend', 'ROUTER', 'in', 'c2-queue', 2, 0, 'client 2 msg 0'],
  [6, 14.576, 'queue', 'backend', 'DEALER', 'out', 'queue-s2', 4, 2, 'client 2 msg 0'],
  [7, 14.693, 'server1', '', 'REP', 'in', 'queue-s1', 3, 0, 'client 1 msg 0'],
  [8, 14.821, 'server1', '', 'REP', 'out', 'queue-s1', 5, 3, 'client 1 msg 0 done by server 1'],
  [9, 14.956, 'server2', '', 'REP', 'in', 'queue-s2', 4, 0, 'client 2 msg 0'],
  [10, 15.007, 'server2', '', 'REP', 'out', 'queue-s2', 6, 4, 'client 2 msg 0 done by server 2'],
  [11, 15.252, 'queue', 'backend', 'DEALER', 'in', 'queue-s1', 5, 0, 'client 1 msg 0 done by server 1'],
  [12, 15.284, 'queue', 'frontend', 'ROUTER', 'out', 'c1-queue', 7, 5, 'client 1 msg 0 done by server 1'],
  [13, 15.374, 'queue', 'backend', 'DEALER', 'in', 'queue-s2', 6, 0, 'client 2 msg 0 done by server 2'],
  [14, 15.394, 'queue', 'frontend', 'ROUTER', 'out', 'c2-queue', 8, 6, 'client 2 msg 0 done by server 2'],
  [15, 15.526, 'client1', '', 'REQ', 'in', 'c1-queue', 7, 0, 'client 1 msg 0 done by server 1'],
  [16, 15.728, 'client1', '', 'REQ', 'out', 'c1-queue', 9, 0, 'client 1 msg 1'],
  [17, 15.875, 'client2', '', 'REQ', 'in', 'c2-queue', 8, 0, 'client 2 msg 0 done by server 2'],
];

/*
 *   weather (PUB) --w-fwd--> [frontend XSUB | forwarder | backend XPUB] --fwd-a--> sub a (SUB)
 *                                                                      \-fwd-b--> sub b (SUB)
 * One publication fans out: one message id, a receive per subscriber; sub b never got the second.
 */
export const FORWARDER: readonly Row[] = [
  [1, 10.0, 'weather', '', 'PUB', 'out', 'w-fwd', 1, 0, 'netherlands 12'],
  [2, 10.2, 'fwd', 'frontend', 'XSUB', 'in', 'w-fwd', 1, 0, 'netherlands 12'],
  [3, 10.25, 'fwd', 'backend', 'XPUB', 'out', 'fwd-a', 2, 1, 'netherlands 12'],
  [4, 10.4, 'suba', '', 'SUB', 'in', 'fwd-a', 2, 0, 'netherlands 12'],
  [5, 10.5, 'subb', '', 'SUB', 'in', 'fwd-b', 2, 0, 'netherlands 12'],
  [6, 11.0, 'weather', '', 'PUB', 'out', 'w-fwd', 3, 0, 'germany 9'],
];
