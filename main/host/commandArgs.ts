/**
 * The arguments of a command from a page, checked before the engine sees them (STYLE.md: a host
 * validates every payload). The topology itself is the engine's to judge (it answers with
 * diagnostics); here only the shapes the engine trusts, and bounds that would cost it memory.
 */
import type {
  AttachRequest,
  DetachRequest,
  EdgeFault,
  EngineCommands,
  FaultRequest,
  FramesRequest,
  InjectRequest,
  NodeFaultRequest,
  StartOptions,
  StepRequest,
} from '../../shared/ipc';
import type { WireCommand } from '../../shared/wire';

export type CommandCall =
  | { name: 'start'; topology: unknown; options: StartOptions | undefined }
  | { name: 'stop' }
  | { name: 'inject'; request: InjectRequest }
  | { name: 'status' }
  | { name: 'pause' }
  | { name: 'resume' }
  | { name: 'frames'; request: FramesRequest }
  | { name: 'step'; request: StepRequest }
  | { name: 'fault'; request: FaultRequest }
  | { name: 'nodeFault'; request: NodeFaultRequest }
  | { name: 'attach'; request: AttachRequest }
  | { name: 'detach'; request: DetachRequest };

/** The trace ring is preallocated: a page must not make the engine allocate gigabytes. */
const MAX_TRACE_CAPACITY = 4_194_304;
const MAX_HANDSHAKE_TIMEOUT_MS = 600_000;
const MAX_FRAMES = 256;
const MAX_STEP = 10_000;
const DROP_EVERY = { min: 2, max: 1000 };
const MAX_DELAY_MS = 60_000;
const ENCODINGS: readonly string[] = ['text', 'hex', 'base64'];
const MAX_RESTART_AFTER_MS = 600_000;
/** Attach adds a few taps or probes, not a second topology: bound what one call may build. */
const MAX_ATTACH = 64;

type Fields = Record<string, unknown>;

function isRecord(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isIntegerIn(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= min && value <= max;
}

/** The call a command asks for, or why its arguments are refused. */
export function parseCall(command: WireCommand): CommandCall | string {
  const { name, args } = command;
  switch (name) {
    case 'stop':
    case 'status':
    case 'pause':
    case 'resume':
      return args.length === 0 ? { name } : `${name} takes no arguments`;
    case 'start': {
      if (args.length < 1 || args.length > 2) return 'start takes (topology, options?)';
      const options = startOptions(args[1]);
      return typeof options === 'string' ? options : { name, topology: args[0], options };
    }
    case 'step': {
      const request = args[0];
      if (args.length === 0 || request === undefined) return { name, request: {} };
      if (args.length !== 1 || !isRecord(request) || Object.keys(request).some((k) => k !== 'count') || (request.count !== undefined && !isIntegerIn(request.count, 1, MAX_STEP)))
        return `step takes one optional request { count }, count a whole number from 1 to ${MAX_STEP}`;
      return { name, request: request.count === undefined ? {} : { count: request.count } };
    }
    case 'frames': {
      const request = args[0];
      if (args.length !== 1 || !isRecord(request) || !isIntegerIn(request.seq, 1, Number.MAX_SAFE_INTEGER) || Object.keys(request).length !== 1)
        return 'frames takes one request { seq }, seq a record number from 1';
      return { name, request: { seq: request.seq } };
    }
    case 'fault': {
      if (args.length !== 1) return 'fault takes one request { edge, fault }';
      const request = faultRequest(args[0]);
      return typeof request === 'string' ? request : { name, request };
    }
    case 'nodeFault': {
      if (args.length !== 1) return 'nodeFault takes one request { node, action, restartAfterMs? }';
      const request = nodeFaultRequest(args[0]);
      return typeof request === 'string' ? request : { name, request };
    }
    case 'attach': {
      const request = args[0];
      if (args.length !== 1 || !isRecord(request) || Object.keys(request).some((k) => k !== 'nodes' && k !== 'edges'))
        return 'attach takes one request { nodes, edges }';
      const { nodes, edges } = request;
      if (!Array.isArray(nodes) || !Array.isArray(edges) || nodes.length + edges.length === 0 || nodes.length > MAX_ATTACH || edges.length > MAX_ATTACH)
        return `attach: nodes and edges must be arrays (together not empty, each at most ${MAX_ATTACH} long)`;
      // Their fields are the engine's to judge, with the running topology, as diagnostics.
      return { name, request: { nodes: nodes as unknown[], edges: edges as unknown[] } };
    }
    case 'detach': {
      const request = args[0];
      if (args.length !== 1 || !isRecord(request) || Object.keys(request).some((k) => k !== 'nodes')) return 'detach takes one request { nodes }';
      const { nodes } = request;
      if (!Array.isArray(nodes) || nodes.length === 0 || nodes.length > MAX_ATTACH || !nodes.every((n) => typeof n === 'string' && n !== '' && n.length <= 200))
        return `detach: nodes must be a list of 1 to ${MAX_ATTACH} node ids`;
      return { name, request: { nodes: nodes as string[] } };
    }
    case 'inject': {
      if (args.length !== 1) return 'inject takes one request';
      const request = injectRequest(args[0]);
      return typeof request === 'string' ? request : { name, request };
    }
  }
}

function startOptions(value: unknown): StartOptions | undefined | string {
  if (value === undefined || value === null) return undefined;
  if (!isRecord(value)) return 'start options must be an object';
  const options: StartOptions = {};
  for (const [key, v] of Object.entries(value)) {
    if (v === undefined) continue;
    if (key === 'freePorts' || key === 'startPaused') {
      if (typeof v !== 'boolean') return `${key} must be true or false`;
      options[key] = v;
    } else if (key === 'handshakeTimeoutMs') {
      if (!isIntegerIn(v, 1, MAX_HANDSHAKE_TIMEOUT_MS))
        return `handshakeTimeoutMs must be a whole number of ms from 1 to ${MAX_HANDSHAKE_TIMEOUT_MS}`;
      options.handshakeTimeoutMs = v;
    } else if (key === 'traceCapacity') {
      if (!isIntegerIn(v, 1, MAX_TRACE_CAPACITY))
        return `traceCapacity must be a whole number from 1 to ${MAX_TRACE_CAPACITY}`;
      options.traceCapacity = v;
    } else {
      return `unknown start option "${key.slice(0, 40)}"`;
    }
  }
  return options;
}

function faultRequest(value: unknown): FaultRequest | string {
  if (!isRecord(value) || Object.keys(value).some((k) => k !== 'edge' && k !== 'fault')) return 'fault takes one request { edge, fault }';
  const { edge, fault } = value;
  if (typeof edge !== 'string' || edge === '' || edge.length > 200) return 'fault: edge must be an edge id';
  if (fault === null) return { edge, fault: null };
  if (!isRecord(fault)) return 'fault: fault must be { dropEvery?, delayMs?, suspended? } or null';
  const clean: EdgeFault = {};
  for (const [key, v] of Object.entries(fault)) {
    if (v === undefined) continue;
    if (key === 'dropEvery') {
      if (!isIntegerIn(v, DROP_EVERY.min, DROP_EVERY.max)) return `fault: dropEvery must be a whole number from ${DROP_EVERY.min} to ${DROP_EVERY.max}`;
      clean.dropEvery = v;
    } else if (key === 'delayMs') {
      if (!isIntegerIn(v, 0, MAX_DELAY_MS)) return `fault: delayMs must be a whole number of ms from 0 to ${MAX_DELAY_MS}`;
      clean.delayMs = v;
    } else if (key === 'suspended') {
      if (typeof v !== 'boolean') return 'fault: suspended must be true or false';
      clean.suspended = v;
    } else return `fault: unknown fault "${key.slice(0, 40)}"`;
  }
  return { edge, fault: clean };
}

function nodeFaultRequest(value: unknown): NodeFaultRequest | string {
  if (!isRecord(value) || Object.keys(value).some((k) => k !== 'node' && k !== 'action' && k !== 'restartAfterMs'))
    return 'nodeFault takes one request { node, action, restartAfterMs? }';
  const { node, action, restartAfterMs } = value;
  if (typeof node !== 'string' || node === '' || node.length > 200) return 'nodeFault: node must be a node id';
  if (action !== 'kill' && action !== 'restart') return 'nodeFault: action must be "kill" or "restart"';
  if (restartAfterMs === undefined) return { node, action };
  if (action !== 'kill') return 'nodeFault: restartAfterMs goes with action "kill" (restart now with action "restart")';
  if (!isIntegerIn(restartAfterMs, 0, MAX_RESTART_AFTER_MS)) return `nodeFault: restartAfterMs must be a whole number of ms from 0 to ${MAX_RESTART_AFTER_MS}`;
  return { node, action, restartAfterMs };
}

function injectRequest(value: unknown): InjectRequest | string {
  if (!isRecord(value)) return 'the inject request must be an object';
  const { node, port, frames, encoding } = value;
  if (typeof node !== 'string' || node === '') return 'inject: node must be a node id';
  if (port !== undefined && typeof port !== 'string') return 'inject: port must be a string';
  if (!Array.isArray(frames) || frames.length > MAX_FRAMES || !frames.every((f) => typeof f === 'string'))
    return `inject: frames must be an array of at most ${MAX_FRAMES} strings`;
  if (encoding !== undefined && (typeof encoding !== 'string' || !ENCODINGS.includes(encoding)))
    return `inject: encoding must be one of ${ENCODINGS.join(', ')}`;
  const request: InjectRequest = { node, frames: frames as string[] };
  if (port !== undefined) request.port = port;
  if (encoding !== undefined) request.encoding = encoding as InjectRequest['encoding'];
  return request;
}

/** Runs a checked call on the engine; the reply is the engine's own. */
export function invoke(engine: EngineCommands, call: CommandCall): Promise<unknown> {
  switch (call.name) {
    case 'start':
      return engine.start(call.topology, call.options);
    case 'stop':
      return engine.stop();
    case 'inject':
      return engine.inject(call.request);
    case 'status':
      return engine.status();
    case 'pause':
      return engine.pause();
    case 'resume':
      return engine.resume();
    case 'frames':
      return engine.frames(call.request);
    case 'step':
      return engine.step(call.request);
    case 'fault':
      return engine.fault(call.request);
    case 'nodeFault':
      return engine.nodeFault(call.request);
    case 'attach':
      return engine.attach(call.request);
    case 'detach':
      return engine.detach(call.request);
  }
}
