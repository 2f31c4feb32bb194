/**
 * The topology model and its runtime schema: file format `zmq-studio.topology/1`.
 * docs/topology-format.md documents it; `docs/topology.schema.json` is generated from it.
 */
import { z } from 'zod';
import { SOCKET_TYPES, PATTERNS } from './patterns';
import type { SocketType } from './patterns';
import { Behavior, WorkBehavior } from './behaviors';

export const TOPOLOGY_FORMAT = 'zmq-studio.topology/1';

const id = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9_.:-]+$/, 'ids use letters, digits and _ . : - only');
const label = z.string().max(200);
const position = z.strictObject({ x: z.number().finite(), y: z.number().finite() });

export const SocketTypeSchema = z.enum(SOCKET_TYPES);
export const PatternSchema = z.enum(PATTERNS);

/** Socket options by zeromq.js name; which names a type accepts is checked by validate(). */
export const SocketOptionsSchema = z.record(z.string().max(64), z.union([z.number(), z.boolean(), z.string().max(4096)]));

/** How the trace and the inspector show a node's payloads; a view setting, absent = `auto`. */
export const PAYLOAD_DECODERS = ['auto', 'text', 'json', 'hex', 'msgpack'] as const;
export type PayloadDecoder = (typeof PAYLOAD_DECODERS)[number];

const common = {
  id,
  label: label.optional(),
  description: z.string().max(4000).optional(),
  position: position.optional(),
  decode: z.enum(PAYLOAD_DECODERS).optional(),
};

export const SocketNode = z.strictObject({
  ...common,
  kind: z.literal('socket'),
  socket: SocketTypeSchema,
  behavior: Behavior.optional(),
  options: SocketOptionsSchema.optional(),
});

export const DEVICE_KINDS = ['queue', 'forwarder', 'streamer'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

export const DeviceNode = z.strictObject({
  ...common,
  kind: z.literal('device'),
  device: z.enum(DEVICE_KINDS),
  frontendOptions: SocketOptionsSchema.optional(),
  backendOptions: SocketOptionsSchema.optional(),
});

export const WorkerNode = z.strictObject({
  ...common,
  kind: z.literal('worker'),
  input: SocketTypeSchema.default('PULL'),
  output: SocketTypeSchema.default('PUSH'),
  /** Prefixes the input subscribes to when it is a SUB. */
  subscribe: z.array(z.string().max(1024)).max(1000).optional(),
  behavior: WorkBehavior.default({ type: 'work', delayMs: 0, transform: 'none', payload: '{msg}' }),
  inputOptions: SocketOptionsSchema.optional(),
  outputOptions: SocketOptionsSchema.optional(),
});

export const ExternalNode = z.strictObject({
  ...common,
  kind: z.literal('external'),
  socket: SocketTypeSchema,
  /** How to start it, for the user's notes; the app never runs it. */
  command: z.string().max(4000).optional(),
});

export const TopologyNode = z.discriminatedUnion('kind', [SocketNode, DeviceNode, WorkerNode, ExternalNode]);

export const PORTS = ['frontend', 'backend', 'in', 'out'] as const;
export type PortName = (typeof PORTS)[number];

export const Edge = z.strictObject({
  id,
  pattern: PatternSchema,
  source: id,
  target: id,
  sourcePort: z.enum(PORTS).optional(),
  targetPort: z.enum(PORTS).optional(),
  endpoint: z.string().min(1).max(1024),
  bind: z.enum(['source', 'target']).default('target'),
  /** The connecting end joins this long after the run started; the start barrier does not wait for it. */
  connectDelayMs: z.number().min(0).max(3_600_000).optional(),
  label: label.optional(),
});

export const Topology = z.strictObject({
  $schema: z.string().max(1024).optional(),
  format: z.literal(TOPOLOGY_FORMAT),
  name: z.string().max(200).default('untitled'),
  description: z.string().max(20_000).optional(),
  nodes: z.array(TopologyNode).max(5000),
  edges: z.array(Edge).max(20_000),
});

export type SocketNode = z.output<typeof SocketNode>;
export type DeviceNode = z.output<typeof DeviceNode>;
export type WorkerNode = z.output<typeof WorkerNode>;
export type ExternalNode = z.output<typeof ExternalNode>;
export type TopologyNode = z.output<typeof TopologyNode>;
export type Edge = z.output<typeof Edge>;
export type Topology = z.output<typeof Topology>;
/** What a person writes: defaults may be left out. */
export type TopologyInput = z.input<typeof Topology>;

/** The socket type behind a node's port, or undefined when the port does not exist on that node. */
export function portSocketType(node: TopologyNode, port: PortName | undefined): SocketType | undefined {
  switch (node.kind) {
    case 'socket':
    case 'external':
      return port === undefined ? node.socket : undefined;
    case 'device':
      if (port !== 'frontend' && port !== 'backend') return undefined;
      return DEVICE_PORTS[node.device][port];
    case 'worker':
      if (port === 'in') return node.input;
      if (port === 'out') return node.output;
      return undefined;
  }
}

/** Front and back socket types of each device (DESIGN.md). */
export const DEVICE_PORTS: Record<DeviceKind, { frontend: SocketType; backend: SocketType }> = {
  queue: { frontend: 'ROUTER', backend: 'DEALER' },
  forwarder: { frontend: 'XSUB', backend: 'XPUB' },
  streamer: { frontend: 'PULL', backend: 'PUSH' },
};

/** The ports a node kind has (empty: the node is one socket, edges name no port). */
export function portsOf(node: TopologyNode): readonly PortName[] {
  if (node.kind === 'device') return ['frontend', 'backend'];
  if (node.kind === 'worker') return ['in', 'out'];
  return [];
}

export function displayName(node: TopologyNode): string {
  return node.label ?? node.id;
}
