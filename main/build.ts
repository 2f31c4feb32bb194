/**
 * Building a run: create every socket, watch it, then bind everything, then connect everything,
 * then wait at the barrier. Each failure becomes a diagnostic naming the node or edge.
 */
import type * as zmq from 'zeromq';
import type { Diagnostic } from '../shared/diagnostics';
import type { RunPlan, PlannedBind, PlannedConnect } from './plan';
import { freePortEndpoint } from './plan';
import { createSocket, SocketOptionError } from './sockets';
import type { HandshakeTracker } from './handshakes';
import { hintFor } from './behaviors/context';
import type { ZmqError } from './behaviors/context';

export function createSockets(plan: RunPlan): { sockets: zmq.Socket[]; diagnostics: Diagnostic[] } {
  const sockets: zmq.Socket[] = [];
  for (const p of plan.sockets) {
    try {
      const socket = createSocket(p.type, p.options);
      if (p.type === 'SUB' && p.subscribe.length > 0) (socket as zmq.Subscriber).subscribe(...p.subscribe);
      sockets.push(socket);
    } catch (err) {
      for (const s of sockets) s.close();
      const field = err instanceof SocketOptionError ? err.option : undefined;
      return {
        sockets: [],
        diagnostics: [
          {
            severity: 'error',
            code: 'socket-create',
            nodeId: p.nodeId,
            ...(field ? { field } : {}),
            message: `could not create the ${p.type} socket of ${p.label}${p.port ? ` (${p.port})` : ''}: ${(err as Error).message}`,
            hint: 'check the socket options of this node against docs/topology-format.md',
          },
        ],
      };
    }
  }
  return { sockets, diagnostics: [] };
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Binds with a short retry: a port closed a moment ago can still be in use (~1 in 20 here). */
async function bindWithRetry(socket: zmq.Socket, address: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await socket.bind(address);
      return;
    } catch (err) {
      if ((err as ZmqError).code !== 'EADDRINUSE' || attempt >= 5) throw err;
      await sleep(40 * (attempt + 1));
    }
  }
}

/** Where one planned bind went: the address it got, and how the app's connectors reach it. */
export interface BoundAt {
  /** What libzmq reports (`lastEndpoint`): a free port resolved, the interface as asked. */
  actual: string;
  connectable: string;
}

/**
 * Binds one planned bind, at `address` (a node restarting binds where it was) or where the plan
 * says; a failure is a diagnostic naming the node and edge.
 */
export async function bindOne(plan: RunPlan, sockets: zmq.Socket[], b: PlannedBind, address?: string): Promise<BoundAt | Diagnostic> {
  const p = plan.sockets[b.socket];
  const at = address ?? (b.freePort ? freePortEndpoint(b.endpoint) : b.endpoint);
  try {
    await bindWithRetry(sockets[b.socket], at);
    const actual = sockets[b.socket].lastEndpoint ?? at;
    return { actual, connectable: connectable(actual) };
  } catch (err) {
    const e = err as ZmqError;
    return {
      severity: 'error',
      code: 'bind-failed',
      nodeId: p.nodeId,
      edgeId: b.edges[0],
      message: `${p.label}${p.port ? ` (${p.port})` : ''} could not bind ${at}: ${e.message}${e.code ? ` (${e.code})` : ''}`,
      hint: hintFor(e.code === 'EADDRINUSE' ? 'EADDRINUSE' : undefined) + (e.code === 'EADDRINUSE' ? '; or run with free ports' : ''),
    };
  }
}

export const bindKey = (b: Pick<PlannedBind, 'socket' | 'endpoint'>): string => `${b.socket}\u0000${b.endpoint}`;

/** A socket bound on every interface (`tcp://0.0.0.0:port`) is reached by the app over loopback. */
function connectable(endpoint: string): string {
  return endpoint.replace(/^tcp:\/\/(0\.0\.0\.0|\[::\]):/, (_, host: string) => `tcp://${host === '[::]' ? '[::1]' : '127.0.0.1'}:`);
}

export function connectOne(plan: RunPlan, sockets: zmq.Socket[], c: PlannedConnect, address: string): Diagnostic | undefined {
  try {
    sockets[c.socket].connect(address);
    return undefined;
  } catch (err) {
    const p = plan.sockets[c.socket];
    return {
      severity: 'error',
      code: 'connect-failed',
      nodeId: p.nodeId,
      edgeId: c.edge,
      message: `${p.label} could not connect to ${address}: ${(err as Error).message}`,
      hint: 'check the endpoint: tcp://host:port, ipc://path or inproc://name',
    };
  }
}

/** Waits for the handshake of every connection between the app's own sockets. */
export async function barrier(
  plan: RunPlan,
  connects: { c: PlannedConnect; address: string }[],
  bound: ReadonlyMap<string, string>,
  tracker: HandshakeTracker,
  timeoutMs: number,
): Promise<Diagnostic[]> {
  // The binding side attaches each peer's pipe only once its own handshake is done; a binder that
  // sends (a ventilator PUSH) must see every peer before it starts or round-robin skips one.
  // Its monitor names each accepted connection by the local address the peer reached, which is
  // the loopback address the app's connectors use (also for a socket bound on every interface).
  const binderWaits = plan.binds.map(async (b) => {
    const address = bound.get(b.endpoint);
    if (!address || address.startsWith('inproc://')) return undefined;
    const peers = connects.filter(({ c }) => c.toOwnSocket && c.endpoint === b.endpoint).length;
    if (peers === 0 || (await tracker.wait(b.socket, address, timeoutMs, peers))) return undefined;
    const p = plan.sockets[b.socket];
    const d: Diagnostic = {
      severity: 'error',
      code: 'handshake-timeout',
      nodeId: p.nodeId,
      edgeId: b.edges[0],
      message: `${p.label} did not complete the ZMTP handshake with all ${peers} of its peers on ${address} within ${timeoutMs} ms`,
      hint: 'libzmq refuses incompatible socket types only by dropping the connection; check the edges on this endpoint',
    };
    return d;
  });
  const waits = connects
    .filter(({ c, address }) => c.toOwnSocket && !address.startsWith('inproc://'))
    .map(async ({ c, address }) => {
      if (await tracker.wait(c.socket, address, timeoutMs)) return undefined;
      const p = plan.sockets[c.socket];
      const d: Diagnostic = {
        severity: 'error',
        code: 'handshake-timeout',
        nodeId: p.nodeId,
        edgeId: c.edge,
        message: `the connection of ${p.label} to ${address} did not complete its ZMTP handshake within ${timeoutMs} ms`,
        hint: 'libzmq refuses incompatible socket types only by dropping the connection; check both ends of this edge',
      };
      return d;
    });
  const results = [...(await Promise.all(waits)), ...(await Promise.all(binderWaits))];
  if (connects.some(({ address }) => address.startsWith('inproc://'))) await sleep(20); // inproc has no events
  return results.filter((d): d is Diagnostic => d !== undefined);
}
