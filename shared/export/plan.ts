/**
 * The program plan both languages are written from: one program per socket, device or worker
 * node, with its sockets, binds, connects, options, subscriptions and behaviour, in the order the
 * engine would use (edge order, so a REQ's round-robin starts at the same peer). Pure data.
 */
import type { Behavior, BehaviorOf } from '../behaviors';
import { finishesByItself } from '../behaviors';
import type { SocketType } from '../patterns';
import { SOCKET_INFO } from '../patterns';
import { findOption } from '../socketOptions';
import type { DeviceKind, PortName, Topology, TopologyNode } from '../topology';
import { DEVICE_PORTS, displayName } from '../topology';
import { connectAddress } from './endpoints';
import { programFiles, socketVariable } from './names';

export type OptionValue = number | boolean | string;

/** A socket option set in the program: zeromq.js name, libzmq name (`ZMQ_SNDHWM`), why. */
export interface OptionPlan {
  name: string;
  zmq: string;
  value: OptionValue;
  comment: string;
}

export interface BindPlan {
  endpoint: string;
  /** Labels of the app's own nodes that connect here (for a comment). */
  peers: string[];
  /** Those of them that connect late (not waited for). */
  late: string[];
}

export interface ConnectPlan {
  /** Where to connect: the edge's endpoint, with a wildcard host made concrete. */
  endpoint: string;
  /** Label of the node that binds it. */
  peer: string;
  external: boolean;
  /** Connect this long after the program is ready (a late joiner); 0 connects at once. */
  delayMs: number;
}

export interface SocketPlan {
  /** Variable name in the program: `requester`, `frontend`, `receiver`... */
  name: string;
  port: PortName | '';
  type: SocketType;
  options: OptionPlan[];
  /** Prefixes a SUB subscribes to before connecting. */
  subscribe: string[];
  binds: BindPlan[];
  connects: ConnectPlan[];
  /** ZMTP handshakes to wait for before the program is ready: its own peers, not late joiners. */
  handshakes: number;
}

export type ProgramRole =
  | { kind: 'socket'; behavior: Behavior }
  | { kind: 'device'; device: DeviceKind }
  | { kind: 'worker'; behavior: BehaviorOf<'work'> };

export interface ProgramPlan {
  nodeId: string;
  label: string;
  /** File name without extension, unique in the export. */
  file: string;
  role: ProgramRole;
  sockets: SocketPlan[];
  /** Binds in all (the launcher waits for as many "listening on" lines). */
  binds: number;
  /** Starts the traffic: waits for the launcher's start signal once every program is ready. */
  starts: boolean;
  /** Ends by itself (the launcher waits for it, then stops the others). */
  finite: boolean;
  draft: SocketType[];
}

export interface ExternalPlan {
  label: string;
  socket: SocketType;
  command?: string;
  /** What it must do: bind or connect this endpoint, facing this node of ours. */
  ends: { endpoint: string; binds: boolean; peer: string }[];
}

export interface ExportPlan {
  name: string;
  description?: string;
  /** Binders first, then connectors; topology order within each group. */
  programs: ProgramPlan[];
  externals: ExternalPlan[];
  /** Pause between "everyone is ready" and the start signal: subscriptions travel after the handshake. */
  settleMs: number;
}

/** The engine's settle (main/session.ts): subscriptions need a moment to reach the publishers. */
export const SUBSCRIPTION_SETTLE_MS = 100;

const STARTERS = new Set(['request', 'publish', 'produce', 'dealer']);

/** Plans the programs of a topology that validate() accepted. */
export function planExport(topology: Topology): ExportPlan {
  const nodes = new Map(topology.nodes.map((n) => [n.id, n]));
  const own = topology.nodes.filter((n) => n.kind !== 'external');
  const files = programFiles(own.map((n) => n.id));
  const sockets = new Map<string, SocketPlan>();
  const programs = own.map((node, k) => planProgram(node, files[k], sockets));
  const externals = new Map<string, ExternalPlan>();

  for (const edge of topology.edges) {
    const src = nodes.get(edge.source);
    const dst = nodes.get(edge.target);
    if (!src || !dst) continue;
    const [binder, connector] = edge.bind === 'source' ? [src, dst] : [dst, src];
    const [bindPort, connectPort] =
      edge.bind === 'source' ? [edge.sourcePort, edge.targetPort] : [edge.targetPort, edge.sourcePort];
    const b = sockets.get(key(binder.id, bindPort));
    const c = sockets.get(key(connector.id, connectPort));
    const delayMs = edge.connectDelayMs ?? 0;
    const address = connectAddress(edge.endpoint);
    // A repeated edge is one connection: one connect, one handshake on each side.
    const fresh = c !== undefined && !c.connects.some((x) => x.endpoint === address);
    if (c && fresh) {
      c.connects.push({ endpoint: address, peer: displayName(binder), external: !b, delayMs });
      if (b && delayMs === 0) c.handshakes++;
    }
    if (b) {
      let bind = b.binds.find((x) => x.endpoint === edge.endpoint);
      if (!bind) b.binds.push((bind = { endpoint: edge.endpoint, peers: [], late: [] }));
      if (c && !bind.peers.includes(displayName(connector))) bind.peers.push(displayName(connector));
      if (c && delayMs > 0 && !bind.late.includes(displayName(connector))) bind.late.push(displayName(connector));
      if (fresh && delayMs === 0) b.handshakes++;
    }
    for (const [ext, other, binds] of [
      [binder, connector, true],
      [connector, binder, false],
    ] as const) {
      if (ext.kind !== 'external' || other.kind === 'external') continue;
      const plan = externals.get(ext.id) ?? {
        label: displayName(ext),
        socket: ext.socket,
        command: ext.command,
        ends: [],
      };
      plan.ends.push({ endpoint: binds ? edge.endpoint : address, binds, peer: displayName(other) });
      externals.set(ext.id, plan);
    }
  }
  for (const p of programs) p.binds = p.sockets.reduce((n, s) => n + s.binds.length, 0);
  const ordered = [...programs.filter((p) => p.binds > 0), ...programs.filter((p) => p.binds === 0)];
  return {
    name: topology.name,
    description: topology.description,
    programs: ordered,
    externals: [...externals.values()],
    settleMs: topology.edges.some((e) => e.pattern === 'pubsub') ? SUBSCRIPTION_SETTLE_MS : 0,
  };
}

const key = (nodeId: string, port: string | undefined): string => `${nodeId}\u0000${port ?? ''}`;

function planProgram(
  node: Exclude<TopologyNode, { kind: 'external' }>,
  file: string,
  all: Map<string, SocketPlan>,
): ProgramPlan {
  const sockets: SocketPlan[] = [];
  const add = (
    port: PortName | '',
    type: SocketType,
    options: Record<string, OptionValue> | undefined,
    subscribe: string[],
  ): void => {
    const s: SocketPlan = {
      name: socketVariable(node.kind, port, type),
      port,
      type,
      options: optionPlans(type, options ?? {}),
      subscribe,
      binds: [],
      connects: [],
      handshakes: 0,
    };
    sockets.push(s);
    all.set(key(node.id, port), s);
  };
  let role: ProgramRole;
  switch (node.kind) {
    case 'socket': {
      const behavior: Behavior = node.behavior ?? { type: 'manual' };
      add('', node.socket, node.options, node.socket === 'SUB' && behavior.type === 'subscribe' ? behavior.topics : []);
      if (
        behavior.type === 'request' &&
        behavior.timeoutMs > 0 &&
        !sockets[0].options.some((o) => o.name === 'receiveTimeout')
      ) {
        // The engine times each reply out after timeoutMs: the program lets the socket do it.
        sockets[0].options.push({
          ...option('REQ', 'receiveTimeout', behavior.timeoutMs),
          comment: 'how long to wait for each reply',
        });
      }
      role = { kind: 'socket', behavior };
      break;
    }
    case 'device': {
      const ports = DEVICE_PORTS[node.device];
      add('frontend', ports.frontend, node.frontendOptions, []);
      add('backend', ports.backend, node.backendOptions, []);
      role = { kind: 'device', device: node.device };
      break;
    }
    case 'worker':
      add('in', node.input, node.inputOptions, node.input === 'SUB' ? (node.subscribe ?? []) : []);
      add('out', node.output, node.outputOptions, []);
      role = { kind: 'worker', behavior: node.behavior };
      break;
  }
  const behavior = role.kind === 'socket' ? role.behavior : undefined;
  return {
    nodeId: node.id,
    label: displayName(node),
    file,
    role,
    sockets,
    binds: 0,
    starts:
      behavior !== undefined && (STARTERS.has(behavior.type) || (behavior.type === 'pair' && behavior.role === 'ping')),
    finite: behavior !== undefined && finishesByItself(behavior),
    draft: sockets.map((s) => s.type).filter((t) => SOCKET_INFO[t].draft),
  };
}

function option(type: SocketType, name: string, value: OptionValue): OptionPlan {
  const info = findOption(type, name);
  return { name, zmq: info?.zmq ?? name, value, comment: info?.summary ?? '' };
}

/** The topology's options in its order (validate() already checked each against the type). */
function optionPlans(type: SocketType, options: Record<string, OptionValue>): OptionPlan[] {
  return Object.entries(options).map(([name, value]) => option(type, name, value));
}

/** Labels of the programs a socket waits for (its own peers, not late joiners), for comments. */
export function ownPeers(s: SocketPlan): string[] {
  const names = [
    ...s.binds.flatMap((b) => b.peers.filter((p) => !b.late.includes(p))),
    ...s.connects.filter((c) => !c.external && c.delayMs === 0).map((c) => c.peer),
  ];
  return [...new Set(names)];
}
