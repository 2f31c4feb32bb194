/**
 * Re-planning a running topology after nodes were attached or detached. Sockets and edges keep
 * the index they were given (the trace's columns index them, and records already sent to the
 * page must keep pointing at the right node), so the fresh plan of the live topology is mapped
 * onto the running plan: known sockets and edges keep their index, new ones are appended, and
 * retired ones (detached nodes) stay in the tables with no wiring.
 * Pure: the session performs the binds and connects it returns.
 */
import type { Topology } from '../shared/topology';
import type { PlannedBind, PlannedConnect, PlannedSocket, RunPlan } from './plan';
import { planRun } from './plan';

export interface Replan {
  plan: RunPlan;
  /** Indexes of the sockets to create (appended). */
  added: number[];
  /** Binds and connects the running sockets do not have yet. */
  newBinds: PlannedBind[];
  newConnects: PlannedConnect[];
  /** Connects of running sockets whose edge is gone (to undo with disconnect). */
  goneConnects: PlannedConnect[];
}

const key = (nodeId: string, port: string): string => `${nodeId}\u0000${port}`;
const wireKey = (socket: number, endpoint: string): string => `${socket}\u0000${endpoint}`;

/**
 * @param current the running plan
 * @param live the topology as it runs from now on
 * @param retired socket indexes that no longer run (detached, or being detached now)
 */
export function replan(current: RunPlan, live: Topology, retired: ReadonlySet<number>, options: { freePorts?: boolean } = {}): Replan {
  const fresh = planRun(live, options);
  const edgeIds = [...current.edgeIds];
  const edgeIndex = new Map(edgeIds.map((id, i) => [id, i]));
  const edgeOf = (freshEdge: number): number => {
    const id = fresh.edgeIds[freshEdge];
    let e = edgeIndex.get(id);
    if (e === undefined) {
      e = edgeIds.push(id) - 1;
      edgeIndex.set(id, e);
    }
    return e;
  };
  fresh.edgeIds.forEach((_, e) => edgeOf(e));

  const sockets: PlannedSocket[] = current.sockets.map((s) => ({ ...s }));
  const socketOf = new Map<string, number>();
  const added: number[] = [];
  const indexOf = fresh.sockets.map((f) => {
    const known = current.socketOf.get(key(f.nodeId, f.port));
    const index = known !== undefined && !retired.has(known) ? known : sockets.length + added.length;
    if (index >= sockets.length) added.push(index);
    socketOf.set(key(f.nodeId, f.port), index);
    return index;
  });
  const running = new Set(indexOf);
  fresh.sockets.forEach((f, i) => {
    const index = indexOf[i];
    sockets[index] = {
      ...f,
      index,
      peers: f.peers.map((p) => indexOf[p]),
      peerEdges: f.peerEdges.map(edgeOf),
      edges: f.edges.map(edgeOf),
    };
  });
  // A socket that no longer runs keeps its row (old records name it) but no wiring.
  sockets.forEach((s, i) => {
    if (!running.has(i)) sockets[i] = { ...s, peers: [], peerEdges: [], edges: [], hasExternalPeer: false };
  });

  const binds = fresh.binds.map((b) => ({ ...b, socket: indexOf[b.socket] }));
  const connects = fresh.connects.map((c) => ({ ...c, socket: indexOf[c.socket] }));
  const hadBind = new Set(current.binds.map((b) => wireKey(b.socket, b.endpoint)));
  const hadConnect = new Set(current.connects.map((c) => wireKey(c.socket, c.endpoint)));
  const hasConnect = new Set(connects.map((c) => wireKey(c.socket, c.endpoint)));
  // A bind keeps where it already went (a free port stays the port it got).
  const keptBinds = binds.map((b) => {
    const old = current.binds.find((o) => o.socket === b.socket && o.endpoint === b.endpoint);
    return old ? { ...b, freePort: old.freePort } : b;
  });
  return {
    plan: { sockets, binds: keptBinds, connects, edgeIds, socketOf },
    added,
    newBinds: keptBinds.filter((b) => !hadBind.has(wireKey(b.socket, b.endpoint))),
    newConnects: connects.filter((c) => !hadConnect.has(wireKey(c.socket, c.endpoint))),
    goneConnects: current.connects.filter((c) => running.has(c.socket) && !retired.has(c.socket) && !hasConnect.has(wireKey(c.socket, c.endpoint))),
  };
}
