/**
 * The rules for drawing an edge: which socket is behind a canvas handle, whether two may be
 * wired (shared/patterns, the same matrix the validator uses), which way messages flow, which
 * end binds and what endpoint a new edge gets. Pure functions: the store, the canvas's
 * isValidConnection and the tests all ask the same questions here.
 */
import type { Edge, PortName, Topology, TopologyNode } from '../../shared/topology';
import { portSocketType, portsOf } from '../../shared/topology';
import type { Pattern, SocketType } from '../../shared/patterns';
import { SOCKET_INFO, incompatibilityReason, patternOf } from '../../shared/patterns';

/** A socket node has one socket but two handles (left, right) so edges can leave either side. */
export const SOCKET_HANDLES = ['L', 'R'] as const;

/** The first port tried for new endpoints, ZeroMQ's traditional 5555. */
export const FIRST_PORT = 5555;

export interface ConnectionLike {
  source: string;
  sourceHandle?: string | null;
  target: string;
  targetHandle?: string | null;
}

export interface End {
  node: TopologyNode;
  port?: PortName;
  type: SocketType;
}

export type ConnectCheck =
  | { ok: true; pattern: Pattern; source: End; target: End }
  | { ok: false; reason: string };

/** The node, port and socket type behind a canvas handle. */
export function resolveEnd(topology: Topology, nodeId: string, handle?: string | null): End | undefined {
  const node = topology.nodes.find((n) => n.id === nodeId);
  if (!node) return undefined;
  const ports = portsOf(node);
  const port = ports.find((p) => p === handle);
  if (ports.length > 0 && port === undefined) return undefined;
  const type = portSocketType(node, port);
  return type ? { node, port, type } : undefined;
}

// Types that start the conversation: an edge is drawn from them (the file format's convention
// that a one-way edge's source is the sending end).
const INITIATORS: readonly SocketType[] = ['REQ', 'DEALER', 'CLIENT', 'PUB', 'XPUB', 'PUSH', 'RADIO', 'SCATTER'];
const rank = (type: SocketType): number => (INITIATORS.includes(type) ? 0 : 1);

const sameEnd = (id: string, port: PortName | undefined, e: End): boolean => id === e.node.id && port === e.port;

function touches(topology: Topology, end: End): boolean {
  return topology.edges.some((e) => sameEnd(e.source, e.sourcePort, end) || sameEnd(e.target, e.targetPort, end));
}

/** Whether a drag from one handle to another may become an edge, and if not, why. */
export function checkConnection(topology: Topology, c: ConnectionLike): ConnectCheck {
  const a = resolveEnd(topology, c.source, c.sourceHandle);
  const b = resolveEnd(topology, c.target, c.targetHandle);
  if (!a || !b) return { ok: false, reason: 'that handle is not a socket' };
  if (a.node.id === b.node.id) return { ok: false, reason: 'a node cannot be wired to itself' };
  const pattern = patternOf(a.type, b.type);
  if (!pattern) return { ok: false, reason: incompatibilityReason(a.type, b.type) ?? 'incompatible sockets' };
  const [source, target] = rank(b.type) < rank(a.type) ? [b, a] : [a, b];
  const duplicate = topology.edges.some(
    (e) =>
      (sameEnd(e.source, e.sourcePort, source) && sameEnd(e.target, e.targetPort, target)) ||
      (sameEnd(e.source, e.sourcePort, target) && sameEnd(e.target, e.targetPort, source)),
  );
  if (duplicate) return { ok: false, reason: 'these two sockets are already connected' };
  if (pattern === 'pair' && (touches(topology, a) || touches(topology, b))) {
    return { ok: false, reason: 'a PAIR socket has exactly one peer' };
  }
  return { ok: true, pattern, source, target };
}

/** The stable side binds: a device is the meeting point everyone connects to; else the target. */
export function bindSide(source: End, target: End): Edge['bind'] {
  if (source.node.kind === 'device' && target.node.kind !== 'device') return 'source';
  return 'target';
}

const TCP_PORT = /^tcp:\/\/(?:\[[^\]]*\]|[^:/]+):(\d+)$/;

/** The first tcp port from 5555 up that no edge of the document uses. */
export function nextFreeEndpoint(topology: Topology): string {
  const used = new Set<number>();
  for (const e of topology.edges) {
    const m = TCP_PORT.exec(e.endpoint);
    if (m) used.add(Number(m[1]));
  }
  let port = FIRST_PORT;
  while (used.has(port)) port++;
  return `tcp://127.0.0.1:${port}`;
}

/** An endpoint the binding end already binds (several clients share one server's endpoint). */
function boundEndpoint(topology: Topology, end: End): string | undefined {
  for (const e of topology.edges) {
    if (e.bind === 'source' && sameEnd(e.source, e.sourcePort, end)) return e.endpoint;
    if (e.bind === 'target' && sameEnd(e.target, e.targetPort, end)) return e.endpoint;
  }
  return undefined;
}

/** A fresh id `<base><n>` not used by any item. */
export function nextId(base: string, taken: Iterable<string>): string {
  const set = new Set(taken);
  let n = 1;
  while (set.has(`${base}${n}`)) n++;
  return `${base}${n}`;
}

/** The edge a successful check becomes. */
export function planEdge(topology: Topology, check: Extract<ConnectCheck, { ok: true }>): Edge {
  const { source, target, pattern } = check;
  const bind = bindSide(source, target);
  const endpoint = boundEndpoint(topology, bind === 'source' ? source : target) ?? nextFreeEndpoint(topology);
  const edge: Edge = {
    id: nextId('e', topology.edges.map((e) => e.id)),
    pattern,
    source: source.node.id,
    target: target.node.id,
    endpoint,
    bind,
  };
  if (source.port) edge.sourcePort = source.port;
  if (target.port) edge.targetPort = target.port;
  return edge;
}

/** True when messages of this pattern travel both ways (arrows at both ends). */
export function isTwoWay(pattern: Pattern): boolean {
  return pattern === 'reqrep' || pattern === 'pair' || pattern === 'clientserver';
}

/** Socket types that can replace the one at a node's port (or the node's socket) without breaking its edges. */
export function compatibleTypes(topology: Topology, nodeId: string, port: PortName | undefined, candidates: readonly SocketType[]): SocketType[] {
  const peers: SocketType[] = [];
  for (const e of topology.edges) {
    const mine = e.source === nodeId && e.sourcePort === port ? 'source' : e.target === nodeId && e.targetPort === port ? 'target' : undefined;
    if (!mine) continue;
    const other = mine === 'source' ? resolveEnd(topology, e.target, e.targetPort ?? 'R') : resolveEnd(topology, e.source, e.sourcePort ?? 'R');
    if (other) peers.push(other.type);
  }
  return candidates.filter((t) => peers.every((p) => SOCKET_INFO[t].peers.includes(p)));
}
