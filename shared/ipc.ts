/**
 * The contract between the UI (or any host) and the engine: commands that return a promise,
 * events the engine emits. One list of names feeds the preload, the IPC handlers, the WebSocket
 * bridge, the child-process protocol and the tests.
 */
import type { Diagnostic } from './diagnostics';
import type { LostMessage, TraceBatch, TraceTables } from './trace';
import type { Edge as TopologyEdge, TopologyNode } from './topology';

export type RunState = 'idle' | 'building' | 'running' | 'paused' | 'stopping' | 'stopped' | 'failed';
export const RUN_STATES: readonly RunState[] = ['idle', 'building', 'running', 'paused', 'stopping', 'stopped', 'failed'];

export interface Capabilities {
  ipc: boolean;
  pgm: boolean;
  tipc: boolean;
  norm: boolean;
  curve: boolean;
  gssapi: boolean;
  draft: boolean;
}

export interface StartOptions {
  /** Move every tcp endpoint the app binds (and only its own peers reach) to a free loopback port. */
  freePorts?: boolean;
  /** How long every connection may take to complete its handshake before the run fails. */
  handshakeTimeoutMs?: number;
  /** Bound of the engine's trace ring, in records. */
  traceCapacity?: number;
  /** Start paused: every first send waits at the gate, to step through the run hop by hop. */
  startPaused?: boolean;
}

export type MonitorKind =
  | 'listening'
  | 'bind-failed'
  | 'accepted'
  | 'accept-failed'
  | 'connected'
  | 'connect-delayed'
  | 'connect-retried'
  | 'disconnected'
  | 'handshake-ok'
  | 'handshake-failed'
  | 'closed'
  | 'close-failed';

export interface NodeStats {
  node: string;
  sent: number;
  received: number;
  bytesOut: number;
  bytesIn: number;
  /** Gauges of the node's sockets that send (one per port), as the engine measures them. */
  sockets?: SocketGauge[];
}

/** What the engine measures of one sending socket: no estimate of libzmq's own queue length. */
export interface SocketGauge {
  /** '' for a plain socket, else the device's or worker's port. */
  port: string;
  /**
   * Messages it sent that the app's own peers have not received yet (single-destination sends;
   * a PUB's copies are not counted, nor traffic to an outside program).
   */
  inFlight: number;
  /** ms its sends spent waiting in libzmq (blocked, mute state) during the last stats period. */
  blockedMs: number;
  /** ms they waited in all since the run started. */
  blockedTotalMs: number;
  /** Its send high-water mark for this run (ZMQ_SNDHWM: the topology's, or libzmq's 1000). */
  sndhwm: number;
}

export interface EdgeStats {
  edge: string;
  messages: number;
  bytes: number;
  /** messages per second over the last stats period */
  rate: number;
  /** Messages a fault on this edge dropped (absent where unknown: a replayed trace). */
  dropped?: number;
}

export interface StatusReply {
  state: RunState;
  runId: number;
  openSockets: number;
  libzmq: string;
  capabilities: Capabilities;
}

export interface InjectRequest {
  node: string;
  port?: string;
  /** One string per frame. */
  frames: string[];
  encoding?: 'text' | 'hex' | 'base64';
}

/** The full frames of one trace record, asked for by the message inspector. */
export interface FramesRequest {
  /** The record's seq in the current (or last) run. */
  seq: number;
}

export type FramesReply =
  | { available: true; seq: number; /** base64, one per frame */ frames: string[]; truncated: boolean }
  | { available: false; seq: number; reason: string };

export interface StepRequest {
  /** How many held sends to let through (default 1). */
  count?: number;
}

export interface StepReply {
  /** The sends let through, oldest first: the node (and device/worker port) of each. */
  released: { node: string; port: string }[];
  /** Sends still held at the gate. */
  waiting: number;
}

/** A fault on one edge, applied to every message received over it (fault injection). */
export interface EdgeFault {
  /** Drop every Nth message (2..1000). */
  dropEvery?: number;
  /** Hold each message this long before its receiver gets it (0..60000 ms). */
  delayMs?: number;
  /** Hold every message until the edge is resumed (the fault cleared or changed). */
  suspended?: boolean;
}

export interface FaultRequest {
  edge: string;
  /** null clears the edge's fault. */
  fault: EdgeFault | null;
}

/** Kill a node of the running topology (close its sockets, stop what it does) or start it again. */
export interface NodeFaultRequest {
  node: string;
  action: 'kill' | 'restart';
  /** With kill: start the node again by itself after this long (ms); absent = stays down. */
  restartAfterMs?: number;
}

export type NodeLife = 'killed' | 'running';

export interface NodeFaultReply {
  node: string;
  state: NodeLife;
  /** Sockets closed (kill) or created (restart). */
  sockets: number;
}

/**
 * Nodes and edges to add to the running topology (a tap on an outside publisher, a probe): the
 * engine checks them with the running topology as one document, builds their sockets, wires
 * them and starts what they do, while everything else keeps running.
 */
export interface AttachRequest {
  nodes: unknown[];
  edges: unknown[];
}

export interface AttachReply {
  /** Empty when they were attached; otherwise why not (nothing was changed). */
  diagnostics: Diagnostic[];
  nodes: string[];
  edges: string[];
}

export interface DetachRequest {
  nodes: string[];
}

export interface DetachReply {
  nodes: string[];
  /** The edges that went with them. */
  edges: string[];
  closedSockets: number;
}

/** Commands, UI -> engine. Each returns a promise of its reply. */
export interface EngineCommands {
  start(topology: unknown, options?: StartOptions): Promise<{ runId: number; diagnostics: Diagnostic[] }>;
  stop(): Promise<{ closedSockets: number }>;
  inject(request: InjectRequest): Promise<{ msg: number }>;
  /** Holds every behaviour's send and every device's forward at a gate; receives go on. */
  pause(): Promise<{ state: RunState }>;
  /** Opens the gate: held sends go out in order. */
  resume(): Promise<{ state: RunState }>;
  /** While paused: lets exactly the next held send(s) through, one hop at a time (teaching mode). */
  step(request?: StepRequest): Promise<StepReply>;
  status(): Promise<StatusReply>;
  /** Every frame of a recent record (the engine keeps the last few thousand; older ones are gone). */
  frames(request: FramesRequest): Promise<FramesReply>;
  /** Sets or clears a fault on one edge of the running topology. */
  fault(request: FaultRequest): Promise<FaultRequest>;
  /** Kills or restarts one node of the running topology. */
  nodeFault(request: NodeFaultRequest): Promise<NodeFaultReply>;
  /** Adds nodes and edges to the running topology and starts them. */
  attach(request: AttachRequest): Promise<AttachReply>;
  /** Takes nodes (and their edges) out of the running topology, closing their sockets. */
  detach(request: DetachRequest): Promise<DetachReply>;
}
export type CommandName = keyof EngineCommands;
export const COMMAND_NAMES: readonly CommandName[] = [
  'start',
  'stop',
  'inject',
  'status',
  'pause',
  'resume',
  'step',
  'frames',
  'fault',
  'nodeFault',
  'attach',
  'detach',
];

/** A topology file the user picked in an open dialog. */
export interface OpenedFile {
  /** The file's name (no directories: the page never learns paths). */
  name: string;
  text: string;
}

export interface SaveFileRequest {
  /** The current file name, or one made from the topology's name. */
  suggestedName: string;
  text: string;
  /** Always ask where (Save as); otherwise ask only when the document has no file yet. */
  saveAs: boolean;
}

/**
 * File access the desktop shell answers with native dialogs (its preload exposes it as `files`).
 * Every file the page reads or writes is one the user chose in a dialog; undefined = cancelled.
 * In a browser the page downloads and uploads instead.
 */
export interface FileCommands {
  openTopologyFile(): Promise<OpenedFile | undefined>;
  saveTopologyFile(request: SaveFileRequest): Promise<{ name: string } | undefined>;
}

/** Events, engine -> UI. */
export type EngineEvent =
  | { type: 'state'; runId: number; state: RunState; reason?: string }
  | { type: 'diagnostics'; runId: number; diagnostics: Diagnostic[] }
  | { type: 'tables'; runId: number; tables: TraceTables }
  | { type: 'log'; runId: number; t: number; node: string; line: string; level: 'info' | 'warn' | 'error' }
  | { type: 'monitor'; runId: number; t: number; node: string; port: string; kind: MonitorKind; endpoint: string; detail?: string }
  | { type: 'trace'; runId: number; batch: TraceBatch }
  | { type: 'stats'; runId: number; nodes: NodeStats[]; edges: EdgeStats[] }
  | { type: 'error'; runId: number; node?: string; edge?: string; code: string; message: string; hint: string }
  | { type: 'finished'; runId: number }
  | { type: 'lost'; runId: number; messages: LostMessage[]; total: number }
  | { type: 'fault'; runId: number; edge: string; fault: EdgeFault | null }
  | { type: 'nodeFault'; runId: number; t: number; node: string; state: NodeLife; /** when a killed node comes back by itself */ restartAfterMs?: number }
  | { type: 'attached'; runId: number; nodes: TopologyNode[]; edges: TopologyEdge[] }
  | { type: 'detached'; runId: number; nodes: string[]; edges: string[] }
  | { type: 'engine'; status: 'exited' | 'restarted'; reason: string };
export type EventType = EngineEvent['type'];
export const EVENT_TYPES: readonly EventType[] = [
  'state',
  'diagnostics',
  'tables',
  'log',
  'monitor',
  'trace',
  'stats',
  'error',
  'finished',
  'lost',
  'fault',
  'nodeFault',
  'attached',
  'detached',
  'engine',
];

/** Where an engine sends its events: Electron, the WebSocket host, the CLI and tests each pass one. */
export type EventSink = (event: EngineEvent) => void;
