/**
 * createEngine(sink): the engine every host drives. One run at a time; a new start stops the
 * previous run first. Commands never throw past a clear message, events go only to the sink.
 */
import type {
  AttachReply,
  AttachRequest,
  Capabilities,
  DetachReply,
  DetachRequest,
  EventSink,
  FaultRequest,
  FramesReply,
  FramesRequest,
  InjectRequest,
  NodeFaultReply,
  NodeFaultRequest,
  RunState,
  StartOptions,
  StatusReply,
  StepReply,
  StepRequest,
} from '../shared/ipc';
import type { Diagnostic } from '../shared/diagnostics';
import { hasErrors } from '../shared/diagnostics';
import { validate } from '../shared/validate';
import { loadTopology } from '../shared/load';
import type { Engine, EngineOptions } from './engineApi';
import { Session } from './session';
import { libzmqCapabilities, libzmqVersion } from './sockets';
import { hintFor } from './behaviors/context';
import type { ZmqError } from './behaviors/context';

export function capabilities(overrides: Partial<Capabilities> = {}): Capabilities {
  const c = libzmqCapabilities;
  return {
    ipc: c.ipc ?? false,
    pgm: c.pgm ?? false,
    tipc: c.tipc ?? false,
    norm: c.norm ?? false,
    curve: c.curve ?? false,
    gssapi: c.gssapi ?? false,
    draft: c.draft ?? false,
    ...overrides,
  };
}

export function createEngine(sink: EventSink, options: EngineOptions = {}): Engine {
  const caps = capabilities(options.capabilities);
  let session: Session | undefined;
  /** The last run stays inspectable after it stopped, until the next one starts. */
  let lastSession: Session | undefined;
  let runs = 0;
  let disposed = false;

  async function start(doc: unknown, startOptions: StartOptions = {}): Promise<{ runId: number; diagnostics: Diagnostic[] }> {
    if (disposed) throw new Error('the engine was disposed');
    if (session) await session.stop();
    lastSession = undefined;
    const runId = ++runs;
    const diagnostics = validate(doc, caps);
    if (hasErrors(diagnostics)) {
      sink({ type: 'diagnostics', runId, diagnostics });
      sink({ type: 'state', runId, state: 'failed', reason: 'the topology has errors' });
      session = undefined;
      return { runId, diagnostics };
    }
    const topology = loadTopology(doc).topology;
    if (!topology) throw new Error('validate() accepted a document the schema rejects');
    if (diagnostics.length > 0) sink({ type: 'diagnostics', runId, diagnostics });
    session = new Session(runId, topology, startOptions, sink);
    lastSession = session;
    const failures = await session.start();
    return { runId, diagnostics: [...diagnostics, ...failures] };
  }

  async function stop(): Promise<{ closedSockets: number }> {
    const s = session;
    session = undefined;
    return { closedSockets: s ? await s.stop() : 0 };
  }

  async function inject(request: InjectRequest): Promise<{ msg: number }> {
    if (!session) throw new Error('nothing is running: start a run before injecting');
    const runId = session.runId;
    try {
      return { msg: await session.inject(request) };
    } catch (err) {
      const e = err as ZmqError;
      if (e.code) {
        sink({ type: 'error', runId, node: request.node, code: e.code, message: `inject failed: ${e.message}`, hint: hintFor(e.code) });
      }
      throw err;
    }
  }

  async function pause(): Promise<{ state: RunState }> {
    if (!session) throw new Error('nothing is running: start a run before pausing');
    return { state: session.pause() };
  }

  async function resume(): Promise<{ state: RunState }> {
    if (!session) throw new Error('nothing is running: start a run first');
    return { state: session.resume() };
  }

  async function step(request: StepRequest = {}): Promise<StepReply> {
    if (!session) throw new Error('nothing is running: start a run, pause it, then step');
    return session.step(request.count ?? 1);
  }

  async function fault(request: FaultRequest): Promise<FaultRequest> {
    if (!session) throw new Error('nothing is running: start a run before injecting a fault');
    return session.fault(request);
  }

  async function nodeFault(request: NodeFaultRequest): Promise<NodeFaultReply> {
    if (!session) throw new Error('nothing is running: start a run before killing a node');
    return session.nodeFault(request);
  }

  /** Checks the additions with the running topology as one document, then attaches them. */
  async function attach(request: AttachRequest): Promise<AttachReply> {
    if (!session) throw new Error('nothing is running: start a run before attaching nodes');
    const live = session.liveTopology;
    const doc = { ...live, nodes: [...live.nodes, ...request.nodes], edges: [...live.edges, ...request.edges] };
    const diagnostics = validate(doc, caps).filter((d) => d.severity === 'error');
    const merged = diagnostics.length === 0 ? loadTopology(doc).topology : undefined;
    if (!merged) return { diagnostics, nodes: [], edges: [] };
    const known = new Set(live.nodes.map((n) => n.id));
    const knownEdges = new Set(live.edges.map((e) => e.id));
    const nodeIds = merged.nodes.filter((n) => !known.has(n.id)).map((n) => n.id);
    const edgeIds = merged.edges.filter((e) => !knownEdges.has(e.id)).map((e) => e.id);
    return session.attach(merged, nodeIds, edgeIds);
  }

  async function detach(request: DetachRequest): Promise<DetachReply> {
    if (!session) throw new Error('nothing is running: there is nothing to detach');
    return session.detach(request.nodes);
  }

  async function frames(request: FramesRequest): Promise<FramesReply> {
    const s = session ?? lastSession;
    if (!s) return { available: false, seq: request.seq, reason: 'no run has recorded anything yet' };
    return s.frames(request.seq);
  }

  async function status(): Promise<StatusReply> {
    return {
      state: session?.state ?? 'idle',
      runId: session?.runId ?? runs,
      openSockets: session?.openSockets ?? 0,
      libzmq: libzmqVersion,
      capabilities: caps,
    };
  }

  async function dispose(): Promise<void> {
    disposed = true;
    lastSession = undefined;
    await stop();
  }

  return { start, stop, inject, status, pause, resume, step, frames, fault, nodeFault, attach, detach, dispose };
}
