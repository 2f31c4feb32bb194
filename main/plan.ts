/**
 * From a checked topology to what a run must create: the sockets (one per plain node, two per
 * device or worker), the binds and connects, and who is wired to whom (for route matching).
 * Pure: no sockets are touched here, so the plan is easy to test and to reason about.
 */
import type { SocketType } from '../shared/patterns';
import type { PortName, Topology, TopologyNode } from '../shared/topology';
import { DEVICE_PORTS, displayName } from '../shared/topology';
import type { OptionValue } from './sockets';

export interface PlannedSocket {
  index: number;
  nodeId: string;
  label: string;
  port: PortName | '';
  type: SocketType;
  options: Record<string, OptionValue>;
  /** Prefixes a SUB subscribes to before it connects (an XSUB sends them as messages). */
  subscribe: string[];
  peers: number[];
  peerEdges: number[];
  edges: number[];
  hasExternalPeer: boolean;
}

export interface PlannedBind {
  socket: number;
  endpoint: string;
  /** Bind to a free port instead (tcp only; set when the run asks for free ports). */
  freePort: boolean;
  edges: string[];
}

export interface PlannedConnect {
  socket: number;
  endpoint: string;
  edge: string;
  /** The binder is one of the app's own sockets: the barrier waits for this handshake. */
  toOwnSocket: boolean;
  /** Connect this long after the start (a late joiner); 0 connects before the barrier. */
  delayMs: number;
}

export interface RunPlan {
  sockets: PlannedSocket[];
  binds: PlannedBind[];
  connects: PlannedConnect[];
  edgeIds: string[];
  /** Socket index per node id and port ('' for a plain socket). */
  socketOf: Map<string, number>;
}

const key = (nodeId: string, port: string): string => `${nodeId}\u0000${port}`;

export function planRun(topology: Topology, options: { freePorts?: boolean } = {}): RunPlan {
  const sockets: PlannedSocket[] = [];
  const socketOf = new Map<string, number>();
  const add = (node: TopologyNode, port: PortName | '', type: SocketType, opts: Record<string, OptionValue> | undefined, subscribe: string[]): void => {
    const index = sockets.length;
    sockets.push({ index, nodeId: node.id, label: displayName(node), port, type, options: opts ?? {}, subscribe,
      peers: [], peerEdges: [], edges: [], hasExternalPeer: false });
    socketOf.set(key(node.id, port), index);
  };
  for (const node of topology.nodes) {
    switch (node.kind) {
      case 'socket': {
        const topics = node.behavior?.type === 'subscribe' ? node.behavior.topics : [];
        add(node, '', node.socket, node.options, topics);
        break;
      }
      case 'device': {
        const ports = DEVICE_PORTS[node.device];
        add(node, 'frontend', ports.frontend, node.frontendOptions, []);
        add(node, 'backend', ports.backend, node.backendOptions, []);
        break;
      }
      case 'worker':
        add(node, 'in', node.input, node.inputOptions, node.input === 'SUB' ? (node.subscribe ?? []) : []);
        add(node, 'out', node.output, node.outputOptions, []);
        break;
      case 'external':
        break;
    }
  }

  const edgeIds = topology.edges.map((e) => e.id);
  const binds = new Map<string, PlannedBind>();
  const connects: PlannedConnect[] = [];
  const connected = new Set<string>();
  const externalOnEndpoint = new Set<string>();

  topology.edges.forEach((edge, e) => {
    const src = socketOf.get(key(edge.source, edge.sourcePort ?? ''));
    const dst = socketOf.get(key(edge.target, edge.targetPort ?? ''));
    wire(sockets, src, dst, e);
    const [binder, connector] = edge.bind === 'source' ? [src, dst] : [dst, src];
    if (binder !== undefined) {
      const k = `${binder}\u0000${edge.endpoint}`;
      const b = binds.get(k) ?? { socket: binder, endpoint: edge.endpoint, freePort: false, edges: [] };
      b.edges.push(edge.id);
      binds.set(k, b);
      if (connector === undefined) externalOnEndpoint.add(edge.endpoint);
    }
    if (connector !== undefined && !connected.has(`${connector}\u0000${edge.endpoint}`)) {
      connected.add(`${connector}\u0000${edge.endpoint}`);
      connects.push({ socket: connector, endpoint: edge.endpoint, edge: edge.id, toOwnSocket: binder !== undefined, delayMs: edge.connectDelayMs ?? 0 });
    }
  });

  // Only endpoints that no outside program needs to know can move to a free port.
  for (const b of binds.values()) {
    b.freePort = options.freePorts === true && b.endpoint.startsWith('tcp://') && !externalOnEndpoint.has(b.endpoint);
  }
  return { sockets, binds: [...binds.values()], connects, edgeIds, socketOf };
}

function wire(sockets: PlannedSocket[], a: number | undefined, b: number | undefined, edge: number): void {
  if (a !== undefined) sockets[a].edges.push(edge);
  if (b !== undefined && b !== a) sockets[b].edges.push(edge);
  if (a !== undefined && b !== undefined) {
    sockets[a].peers.push(b);
    sockets[a].peerEdges.push(edge);
    sockets[b].peers.push(a);
    sockets[b].peerEdges.push(edge);
  } else if (a !== undefined) sockets[a].hasExternalPeer = true;
  else if (b !== undefined) sockets[b].hasExternalPeer = true;
}

/** `tcp://127.0.0.1:5000` -> `tcp://127.0.0.1:*` (the same interface, any free port). */
export function freePortEndpoint(endpoint: string): string {
  return endpoint.replace(/:(\d+|\*)$/, ':*');
}

