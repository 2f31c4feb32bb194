/**
 * One run of one topology: build -> barrier -> run -> stop. Emits every event through the sink;
 * knows nothing of who watches (Electron, the WebSocket host, the CLI or a test).
 */
import type * as zmq from 'zeromq';
import type { Diagnostic } from '../shared/diagnostics';
import type { EdgeFault, EventSink, FaultRequest, FramesReply, InjectRequest, RunState, StartOptions, EngineEvent, StepReply } from '../shared/ipc';
import type { Topology, TopologyNode } from '../shared/topology';
import { displayName } from '../shared/topology';
import { finishesByItself } from '../shared/behaviors';
import type { RunPlan } from './plan';
import { planRun } from './plan';
import { createSockets, bindAll, connectOne, barrier } from './build';
import { HandshakeTracker } from './handshakes';
import { watchSocket } from './monitor';
import { TraceRecorder } from './trace/recorder';
import type { TracedSocket } from './trace/recorder';
import { KEPT_RECORDS } from './trace/frames';
import { SendGate } from './gate';
import { RunSocket } from './tracedSocket';
import { EdgeFaults } from './faults';
import type { NodeContext } from './behaviors/context';
import { runBehavior } from './behaviors';
import { runDevice } from './devices';
import { StatsTicker } from './stats';
import { injectMessage } from './inject';
import { LogThrottle } from './logThrottle';
import { PeerWatch } from './peerWatch';
import { describePeers } from '../shared/patterns';

/** How long a step waits for a send to reach the gate when none is waiting yet. */
const STEP_WAIT_MS = 1000;

const DEFAULTS = { handshakeTimeoutMs: 5000, traceCapacity: 262_144 };
/** After the last finite behaviour, wait this long without traffic before reporting "finished". */
const QUIET_MS = 150;
/** Subscriptions travel after the handshake; give them this long to reach the publishers. */
const SUBSCRIPTION_SETTLE_MS = 100;

type Emit = (event: DistributiveOmit<EngineEvent, 'runId'>) => void;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export class Session {
  state: RunState = 'idle';
  private stopped = false;
  private sockets: zmq.Socket[] = [];
  private runSockets: RunSocket[] = [];
  private recorder: TraceRecorder | undefined;
  private faults: EdgeFaults | undefined;
  private plan: RunPlan | undefined;
  private readonly tracker = new HandshakeTracker();
  private readonly tasks: Promise<void>[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private stats: StatsTicker | undefined;
  private readonly emit: Emit;
  private readonly sleepers = new Set<() => void>();
  /** Closed while paused: every behaviour's send and device's forward waits on it. */
  private readonly gate = new SendGate();
  private readonly logs: LogThrottle;
  private readonly peers = new PeerWatch((socket, endpoint) => this.peerDropped(socket, endpoint));

  constructor(
    readonly runId: number,
    private readonly topology: Topology,
    private readonly options: StartOptions,
    sink: EventSink,
  ) {
    this.emit = (event) => sink({ ...event, runId } as EngineEvent);
    this.logs = new LogThrottle((node, line, level) =>
      this.emit({ type: 'log', t: this.recorder?.now() ?? 0, node, line, level }),
    );
  }

  get openSockets(): number {
    return this.sockets.filter((s) => !s.closed).length;
  }

  private setState(state: RunState, reason?: string): void {
    this.state = state;
    this.emit(reason === undefined ? { type: 'state', state } : { type: 'state', state, reason });
  }

  /** Builds the sockets and starts every behaviour; returns the diagnostics that stopped it, if any. */
  async start(): Promise<Diagnostic[]> {
    this.setState('building');
    const plan = planRun(this.topology, { freePorts: this.options.freePorts });
    this.plan = plan;
    const created = createSockets(plan);
    if (created.diagnostics.length > 0) return this.fail(created.diagnostics);
    this.sockets = created.sockets;
    this.recorder = new TraceRecorder(plan.sockets.map(tracedSocket), plan.edgeIds, {
      capacity: this.options.traceCapacity ?? DEFAULTS.traceCapacity,
      flushMs: 50,
      maxPendingAgeMs: 30_000,
      maxPending: 200_000,
      onBatch: (batch) => this.emit({ type: 'trace', batch }),
    });
    this.emit({ type: 'tables', tables: this.recorder.tables() });
    const faults = new EdgeFaults(plan.edgeIds, (node, line) => this.logs.log(node, line, 'warn'));
    this.faults = faults;
    this.runSockets = plan.sockets.map(
      (p, i) => new RunSocket(i, p.nodeId, p.port, p.type, this.sockets[i], this.recorder as TraceRecorder, (socket) => this.gate.wait(socket), faults),
    );
    this.sockets.forEach((socket, i) => this.tasks.push(this.watch(socket, i)));

    const { bound, diagnostics: bindErrors } = await bindAll(plan, this.sockets);
    if (bindErrors.length > 0) return this.fail(bindErrors);
    const now: { c: RunPlan['connects'][number]; address: string }[] = [];
    for (const c of plan.connects) {
      const address = bound.get(c.endpoint) ?? c.endpoint;
      if (c.delayMs > 0) {
        this.later(c.delayMs, () => {
          const d = connectOne(plan, this.sockets, c, address);
          if (d) this.emit({ type: 'error', node: d.nodeId, edge: d.edgeId, code: d.code, message: d.message, hint: d.hint });
        });
        continue;
      }
      const d = connectOne(plan, this.sockets, c, address);
      if (d) return this.fail([d]);
      now.push({ c, address });
    }
    const timeout = this.options.handshakeTimeoutMs ?? DEFAULTS.handshakeTimeoutMs;
    const late = await barrier(plan, now, bound, this.tracker, timeout);
    if (this.stopped) return [];
    if (late.length > 0) return this.fail(late);
    this.recordSubscriptions();
    // Devices first: a forwarder must carry the subscriptions upstream before anyone publishes.
    this.launch((node) => node.kind === 'device');
    if (this.topology.edges.some((e) => e.pattern === 'pubsub')) await this.sleep(SUBSCRIPTION_SETTLE_MS);
    if (this.stopped) return [];
    this.stats = new StatsTicker(this.recorder, plan, (nodes, edges) => this.emit({ type: 'stats', nodes, edges }));
    if (this.options.startPaused) {
      // Stepping from the very first hop: every behaviour starts, and its first send waits.
      this.gate.close();
      this.setState('paused');
    } else this.setState('running');
    this.launch((node) => node.kind === 'socket' || node.kind === 'worker');
    return [];
  }

  private async fail(diagnostics: Diagnostic[]): Promise<Diagnostic[]> {
    this.emit({ type: 'diagnostics', diagnostics });
    await this.teardown();
    this.setState('failed', diagnostics[0]?.message);
    return diagnostics;
  }

  private watch(socket: zmq.Socket, index: number): Promise<void> {
    const p = (this.plan as RunPlan).sockets[index];
    return watchSocket(socket, (e) => {
      if (e.kind === 'handshake-ok') this.tracker.record(index, e.endpoint);
      if (!this.stopped) this.peers.event(index, e.kind, e.endpoint);
      const event = { type: 'monitor' as const, t: this.recorder?.now() ?? 0, node: p.nodeId, port: p.port, kind: e.kind, endpoint: e.endpoint };
      this.emit(e.detail === undefined ? event : { ...event, detail: e.detail });
    });
  }

  private peerDropped(socket: number, endpoint: string): void {
    const plan = this.plan as RunPlan;
    const p = plan.sockets[socket];
    // The edge: the one this socket connects over to that address, else its only bound endpoint's.
    const connect = plan.connects.find((c) => c.socket === socket && c.endpoint === endpoint);
    const binds = plan.binds.filter((b) => b.socket === socket);
    const edgeId = connect?.edge ?? (binds.length === 1 && binds[0].edges.length === 1 ? binds[0].edges[0] : undefined);
    const message = `a peer on ${endpoint} was dropped before its ZMTP handshake completed`;
    const hint = `${describePeers(p.type)}; libzmq drops a peer of an incompatible socket type (or a program that is not ZeroMQ) this way`;
    this.emit({ type: 'error', node: p.nodeId, ...(edgeId ? { edge: edgeId } : {}), code: 'PEER_REFUSED', message, hint });
    this.logs.log(p.nodeId, `error PEER_REFUSED: ${message}`, 'error');
  }

  /** A SUB's subscriptions travel to an XPUB as messages: trace them so the XPUB's receive matches. */
  private recordSubscriptions(): void {
    const plan = this.plan as RunPlan;
    for (const p of plan.sockets) {
      if (p.type !== 'SUB' || p.subscribe.length === 0) continue;
      if (!p.peers.some((peer) => plan.sockets[peer].type === 'XPUB')) continue;
      for (const topic of p.subscribe) {
        const frame = Buffer.concat([Buffer.from([1]), Buffer.from(topic)]);
        this.recorder?.send(p.index, [frame], 0, true, true);
      }
    }
  }

  private launch(which: (node: TopologyNode) => boolean): void {
    const finite: Promise<void>[] = [];
    for (const node of this.topology.nodes) {
      if (!which(node)) continue;
      const ctx = this.context(node);
      const task = this.runNode(ctx, node).catch((err: Error) => {
        if (!this.stopped) ctx.error('BEHAVIOR', err.message, 'this is a bug in zmq-studio; the run goes on without this node');
      });
      this.tasks.push(task);
      if (node.kind === 'socket' && node.behavior && finishesByItself(node.behavior)) finite.push(task);
    }
    if (finite.length > 0) void Promise.all(finite).then(() => this.whenQuiet());
  }

  private runNode(ctx: NodeContext, node: TopologyNode): Promise<void> {
    if (node.kind === 'device') {
      return runDevice(ctx, node.device, (frontend, frame) => this.noteSubscription(frontend.index, frame));
    }
    if (node.kind === 'worker') return runBehavior(ctx, node.behavior);
    if (node.kind === 'socket') return runBehavior(ctx, node.behavior);
    return Promise.resolve();
  }

  /** A forwarder's XSUB is owed what its subscribers asked for: keep its subscription list. */
  private noteSubscription(frontend: number, frame: Buffer): void {
    const s = this.recorder?.sockets[frontend];
    if (!s || frame.length === 0 || (frame[0] !== 0 && frame[0] !== 1)) return;
    const topic = new Uint8Array(frame.subarray(1));
    const rest = (s.subscriptions ?? []).filter((t) => Buffer.compare(Buffer.from(t), Buffer.from(topic)) !== 0);
    s.subscriptions = frame[0] === 1 ? [...rest, topic] : rest;
  }

  private whenQuiet(): void {
    const rec = this.recorder;
    if (this.stopped || !rec) return;
    const idle = rec.now() - rec.lastActivity;
    if (idle >= QUIET_MS) this.emit({ type: 'finished' });
    else this.later(QUIET_MS - idle + 5, () => this.whenQuiet());
  }

  private context(node: TopologyNode): NodeContext {
    const sockets = new Map<string, RunSocket>();
    for (const s of this.runSockets) if (s.node === node.id) sockets.set(s.port, s);
    const label = displayName(node);
    const isStopped = (): boolean => this.stopped;
    return {
      node,
      label,
      sockets,
      log: (line, level = 'info') => this.logs.log(node.id, line, level),
      error: (code, message, hint) => {
        this.emit({ type: 'error', node: node.id, code, message, hint });
        this.logs.log(node.id, `error ${code}: ${message}`, 'error');
      },
      sleep: (ms) => this.sleep(ms),
      get stopped() {
        return isStopped();
      },
    };
  }

  private sleep(ms: number): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = (): void => {
        this.sleepers.delete(wake);
        resolve();
      };
      this.sleepers.add(wake);
      this.later(ms, wake);
    });
  }

  private later(ms: number, fn: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      fn();
    }, ms);
    this.timers.add(timer);
  }

  async inject(request: InjectRequest): Promise<number> {
    if (this.state !== 'running' && this.state !== 'paused') throw new Error(`nothing is running (state: ${this.state})`);
    return injectMessage(this.topology, this.runSockets, request, (node) => this.context(node));
  }

  /** Every frame of a recent record of this run, base64-encoded for the contract. */
  frames(seq: number): FramesReply {
    const kept = this.recorder?.kept.get(seq);
    if (!kept) return { available: false, seq, reason: `record ${seq} is no longer kept: only the last ${KEPT_RECORDS} records keep their frames` };
    return { available: true, seq, frames: kept.frames.map((f) => Buffer.from(f.buffer, f.byteOffset, f.byteLength).toString('base64')), truncated: kept.truncated };
  }

  /** Sets or clears a fault on one edge; every host hears of it through a 'fault' event. */
  fault(request: FaultRequest): FaultRequest {
    if (this.state !== 'running' && this.state !== 'paused') throw new Error(`faults go on a running run (state: ${this.state})`);
    if (!this.faults) throw new Error('the run has no sockets yet');
    const fault: EdgeFault | null = request.fault && Object.values(request.fault).some(Boolean) ? { ...request.fault } : null;
    this.faults.set(request.edge, fault);
    this.emit({ type: 'fault', edge: request.edge, fault });
    return { edge: request.edge, fault };
  }

  /** Holds every send at the gate; messages already on their way still arrive and are traced. */
  pause(): RunState {
    if (this.state !== 'running') throw new Error(`only a running run can be paused (state: ${this.state})`);
    this.gate.close();
    this.setState('paused');
    return this.state;
  }

  /** Opens the gate: the held sends go out, each socket's in the order they were made. */
  resume(): RunState {
    if (this.state !== 'paused') throw new Error(`only a paused run can be resumed (state: ${this.state})`);
    this.gate.open();
    this.setState('running');
    return this.state;
  }

  /**
   * While paused, lets exactly the next `count` held sends go out, oldest first (the teaching
   * mode's "next hop"); waits up to `waitMs` for a send to reach the gate when none is there yet.
   */
  async step(count: number, waitMs = STEP_WAIT_MS): Promise<StepReply> {
    if (this.state !== 'paused') throw new Error(`step works on a paused run (state: ${this.state}): pause first`);
    const sockets = await this.gate.step(count, waitMs);
    const plan = this.plan;
    return {
      released: sockets.map((i) => ({ node: plan?.sockets[i]?.nodeId ?? '?', port: plan?.sockets[i]?.port ?? '' })),
      waiting: this.gate.waiting,
    };
  }

  /** Closes every socket (linger 0), waits for every loop, reports lost messages; returns sockets closed. */
  async stop(): Promise<number> {
    if (this.stopped) return 0;
    this.setState('stopping');
    const closed = await this.teardown();
    this.setState('stopped');
    return closed;
  }

  private async teardown(): Promise<number> {
    this.stopped = true;
    this.gate.open();
    this.faults?.stop();
    this.tracker.cancel();
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    for (const wake of [...this.sleepers]) wake();
    this.stats?.stop();
    let closed = 0;
    for (const s of this.sockets) {
      if (!s.closed) {
        s.close();
        closed++;
      }
    }
    await Promise.allSettled(this.tasks);
    this.logs.flush();
    const rec = this.recorder;
    if (rec) {
      rec.flush();
      rec.dispose();
      const lost = rec.lost();
      this.emit({ type: 'lost', messages: lost.messages, total: lost.total });
      this.stats?.emitNow();
    }
    return closed;
  }
}

function tracedSocket(p: RunPlan['sockets'][number]): TracedSocket {
  const subscriptions = p.type === 'SUB' || p.type === 'XSUB' ? p.subscribe.map((t) => new Uint8Array(Buffer.from(t))) : undefined;
  return {
    node: p.nodeId,
    port: p.port,
    type: p.type,
    peers: p.peers,
    peerEdges: p.peerEdges,
    edges: p.edges,
    hasExternalPeer: p.hasExternalPeer,
    subscriptions,
  };
}
