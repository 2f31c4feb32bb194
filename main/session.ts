/**
 * One run of one topology: build -> barrier -> run -> stop. Emits every event through the sink;
 * knows nothing of who watches (Electron, the WebSocket host, the CLI or a test).
 */
import type * as zmq from 'zeromq';
import type { Diagnostic } from '../shared/diagnostics';
import type {
  AttachReply,
  DetachReply,
  EdgeFault,
  EventSink,
  FaultRequest,
  FramesReply,
  InjectRequest,
  NodeFaultReply,
  NodeFaultRequest,
  RunState,
  StartOptions,
  EngineEvent,
  StepReply,
} from '../shared/ipc';
import type { Edge, Topology, TopologyNode } from '../shared/topology';
import { displayName } from '../shared/topology';
import { finishesByItself } from '../shared/behaviors';
import type { RunPlan } from './plan';
import { planRun } from './plan';
import { createSockets, barrier } from './build';
import { replan } from './replan';
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
import { NodeLives } from './nodeLives';
import type { Life } from './nodeLives';
import { SocketTable } from './socketTable';
import { noteSubscription, recordSubscriptions } from './subscriptions';

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
  private readonly table = new SocketTable((socket, i) => {
    this.tasks.push(this.watch(socket, i));
    return this.runSocket(i, socket);
  });
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
  private readonly lives = new NodeLives();
  /** Sockets of detached nodes: their rows stay in the trace's tables, nothing runs on them. */
  private readonly retired = new Set<number>();

  constructor(
    readonly runId: number,
    private topology: Topology,
    private readonly options: StartOptions,
    sink: EventSink,
  ) {
    this.emit = (event) => sink({ ...event, runId } as EngineEvent);
    this.logs = new LogThrottle((node, line, level) =>
      this.emit({ type: 'log', t: this.recorder?.now() ?? 0, node, line, level }),
    );
  }

  /** The topology as it runs now (with attached nodes, without detached ones). */
  get liveTopology(): Topology {
    return this.topology;
  }

  get openSockets(): number {
    return this.table.open;
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
    created.sockets.forEach((socket, i) => this.table.put(i, socket));

    const bindErrors: Diagnostic[] = [];
    for (const b of plan.binds) {
      const failed = await this.table.bind(plan, b);
      if (failed) bindErrors.push(failed);
    }
    if (bindErrors.length > 0) return this.fail(bindErrors);
    const now: { c: RunPlan['connects'][number]; address: string }[] = [];
    for (const c of plan.connects) {
      if (c.delayMs > 0) {
        this.later(c.delayMs, () => {
          const d = this.table.connect(plan, c);
          if (d) this.emit({ type: 'error', node: d.nodeId, edge: d.edgeId, code: d.code, message: d.message, hint: d.hint });
        });
        continue;
      }
      const d = this.table.connect(plan, c);
      if (d) return this.fail([d]);
      now.push({ c, address: this.table.address(c.endpoint) });
    }
    const timeout = this.options.handshakeTimeoutMs ?? DEFAULTS.handshakeTimeoutMs;
    const late = await barrier(plan, now, this.table.addresses, this.tracker, timeout);
    if (this.stopped) return [];
    if (late.length > 0) return this.fail(late);
    this.recordSubscriptions();
    // Devices first: a forwarder must carry the subscriptions upstream before anyone publishes.
    this.launch((node) => node.kind === 'device');
    if (this.topology.edges.some((e) => e.pattern === 'pubsub')) await this.sleep(SUBSCRIPTION_SETTLE_MS);
    if (this.stopped) return [];
    this.stats = new StatsTicker(this.recorder, () => this.plan as RunPlan, (nodes, edges) => this.emit({ type: 'stats', nodes, edges }), this.faults);
    if (this.options.startPaused) {
      // Stepping from the very first hop: every behaviour starts, and its first send waits.
      this.gate.close();
      this.setState('paused');
    } else this.setState('running');
    this.launch((node) => node.kind === 'socket' || node.kind === 'worker');
    return [];
  }

  private runSocket(i: number, socket: zmq.Socket): RunSocket {
    const p = (this.plan as RunPlan).sockets[i];
    return new RunSocket(i, p.nodeId, p.port, p.type, socket, this.recorder as TraceRecorder, (socket) => this.gate.wait(socket), this.faults, (line) => this.logs.log(p.nodeId, line, 'warn'));
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
      // A killed node's old socket still reports its closing: only the socket now at the index counts.
      const current = this.table.zmq[index] === socket;
      if (e.kind === 'handshake-ok' && current) this.tracker.record(index, e.endpoint);
      if (!this.stopped && current) this.peers.event(index, e.kind, e.endpoint);
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

  private recordSubscriptions(only?: ReadonlySet<number>): void {
    if (this.recorder) recordSubscriptions(this.plan as RunPlan, this.recorder, only);
  }

  private launch(which: (node: TopologyNode) => boolean): void {
    for (const node of this.topology.nodes) if (which(node)) this.startNode(node);
  }

  /** Starts what one node does, in a new life (a restart starts another). */
  private startNode(node: TopologyNode): void {
    const life = this.lives.begin(node.id);
    const ctx = this.context(node, life);
    const finite = node.kind === 'socket' && node.behavior !== undefined && finishesByItself(node.behavior);
    if (finite) this.lives.pending++;
    const task = this.runNode(ctx, node)
      .catch((err: Error) => {
        if (!ctx.stopped) ctx.error('BEHAVIOR', err.message, 'this is a bug in zmq-studio; the run goes on without this node');
      })
      .finally(() => {
        if (finite && --this.lives.pending === 0) this.whenQuiet();
      });
    this.tasks.push(task);
  }

  private runNode(ctx: NodeContext, node: TopologyNode): Promise<void> {
    if (node.kind === 'device') {
      return runDevice(ctx, node.device, (frontend, frame) => {
        if (this.recorder) noteSubscription(this.recorder, frontend.index, frame);
      });
    }
    if (node.kind === 'worker') return runBehavior(ctx, node.behavior);
    if (node.kind === 'socket') return runBehavior(ctx, node.behavior);
    return Promise.resolve();
  }

  private whenQuiet(): void {
    const rec = this.recorder;
    if (this.stopped || !rec || this.lives.pending > 0) return;
    const idle = rec.now() - rec.lastActivity;
    if (idle >= QUIET_MS) this.emit({ type: 'finished' });
    else this.later(QUIET_MS - idle + 5, () => this.whenQuiet());
  }

  private context(node: TopologyNode, life?: Life): NodeContext {
    const sockets = new Map<string, RunSocket>();
    for (const s of this.table.run) if (s.node === node.id && !this.retired.has(s.index)) sockets.set(s.port, s);
    const label = displayName(node);
    const isStopped = (): boolean => this.stopped || (life?.stopped ?? false);
    return {
      node,
      label,
      sockets,
      log: (line, level = 'info') => this.logs.log(node.id, line, level),
      error: (code, message, hint) => {
        this.emit({ type: 'error', node: node.id, code, message, hint });
        this.logs.log(node.id, `error ${code}: ${message}`, 'error');
      },
      sleep: (ms) => this.sleep(ms, life),
      get stopped() {
        return isStopped();
      },
    };
  }

  private sleep(ms: number, life?: Life): Promise<void> {
    if (this.stopped || life?.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = (): void => {
        this.sleepers.delete(wake);
        life?.sleepers.delete(wake);
        resolve();
      };
      this.sleepers.add(wake);
      life?.sleepers.add(wake);
      this.later(ms, wake);
    });
  }

  private later(ms: number, fn: () => void): NodeJS.Timeout {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      fn();
    }, ms);
    this.timers.add(timer);
    return timer;
  }

  async inject(request: InjectRequest): Promise<number> {
    if (this.state !== 'running' && this.state !== 'paused') throw new Error(`nothing is running (state: ${this.state})`);
    return injectMessage(this.topology, this.table.run, request, (node) => this.context(node));
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

  private socketsOf(nodeId: string): number[] {
    return (this.plan as RunPlan).sockets.filter((p) => p.nodeId === nodeId && !this.retired.has(p.index)).map((p) => p.index);
  }

  private runningNode(nodeId: string, doing: string): TopologyNode {
    if (this.state !== 'running' && this.state !== 'paused') throw new Error(`${doing} works on a running run (state: ${this.state})`);
    const node = this.topology.nodes.find((n) => n.id === nodeId);
    if (!node) throw new Error(`no node "${nodeId}" in this run`);
    if (node.kind === 'external') throw new Error(`${displayName(node)} is a program outside the app: ${doing} works on the app's own nodes`);
    return node;
  }

  /**
   * Kills a node as a crash would: its sockets close at once (linger 0, queued messages lost),
   * what it was doing stops, and its peers see the disconnect. With `restartAfterMs` it comes
   * back by itself, otherwise when asked (`restart`).
   */
  async nodeFault(request: NodeFaultRequest): Promise<NodeFaultReply> {
    const node = this.runningNode(request.node, request.action === 'kill' ? 'kill' : 'restart');
    return request.action === 'kill' ? this.kill(node, request.restartAfterMs) : this.restart(node);
  }

  private kill(node: TopologyNode, restartAfterMs: number | undefined): NodeFaultReply {
    if (this.lives.isDown(node.id)) throw new Error(`${displayName(node)} is already killed: restart it first`);
    this.lives.end(node.id);
    const indexes = new Set(this.socketsOf(node.id));
    const closed = this.table.close(indexes);
    this.gate.release(indexes);
    this.reportClosed(indexes);
    // Its pipes lost what they held: no in-order shortcut may pair a later receive with those sends.
    this.rewireRecorder(indexes);
    this.lives.markDown(node.id, restartAfterMs === undefined ? undefined : this.later(restartAfterMs, () => void this.restartLater(node)));
    const t = this.recorder?.now() ?? 0;
    this.emit(restartAfterMs === undefined ? { type: 'nodeFault', t, node: node.id, state: 'killed' } : { type: 'nodeFault', t, node: node.id, state: 'killed', restartAfterMs });
    const when = restartAfterMs === undefined ? 'it stays down until restarted' : `it restarts in ${restartAfterMs} ms`;
    this.logs.log(node.id, `killed: closed ${closed} socket${closed === 1 ? '' : 's'} (linger 0: messages queued in them are lost); ${when}`, 'warn');
    return { node: node.id, state: 'killed', sockets: closed };
  }

  /**
   * libzmq reports `closed` only for a listening endpoint: a killed socket that connected would
   * keep showing its last state. Each killed socket's status says closed, by the kill.
   */
  private reportClosed(indexes: ReadonlySet<number>): void {
    const plan = this.plan as RunPlan;
    const t = this.recorder?.now() ?? 0;
    for (const i of indexes) {
      const p = plan.sockets[i];
      const endpoint = plan.connects.find((c) => c.socket === i)?.endpoint ?? plan.binds.find((b) => b.socket === i)?.endpoint ?? '';
      this.emit({ type: 'monitor', t, node: p.nodeId, port: p.port, kind: 'closed', endpoint: this.table.address(endpoint), detail: 'killed' });
    }
  }

  private async restartLater(node: TopologyNode): Promise<void> {
    if (this.stopped || !this.lives.isDown(node.id)) return;
    try {
      await this.restart(node);
    } catch (err) {
      this.emit({ type: 'error', node: node.id, code: 'RESTART', message: (err as Error).message, hint: 'restart it by hand, or stop the run' });
    }
  }

  /** Builds the node's sockets again where they were (same endpoints, same ports) and starts it anew. */
  private async restart(node: TopologyNode): Promise<NodeFaultReply> {
    if (!this.lives.isDown(node.id)) throw new Error(`${displayName(node)} is running: kill it first`);
    this.cancel(this.lives.markUp(node.id));
    const plan = this.plan as RunPlan;
    const indexes = this.socketsOf(node.id);
    const failure = await this.table.build(plan, indexes, true);
    if (failure) {
      this.lives.markDown(node.id);
      this.emit({ type: 'diagnostics', diagnostics: [failure] });
      throw new Error(failure.message);
    }
    this.recordSubscriptions(new Set(indexes));
    this.startNode(node);
    this.emit({ type: 'nodeFault', t: this.recorder?.now() ?? 0, node: node.id, state: 'running' });
    const inproc = plan.binds.some((b) => indexes.includes(b.socket) && b.endpoint.startsWith('inproc://'));
    const note = inproc ? '; inproc peers do not reconnect by themselves (libzmq reconnects tcp and ipc only)' : '';
    this.logs.log(node.id, `restarted: ${indexes.length} socket${indexes.length === 1 ? '' : 's'} bound and connected again${note}`, 'info');
    return { node: node.id, state: 'running', sockets: indexes.length };
  }

  private cancel(timer: NodeJS.Timeout | undefined): void {
    if (!timer) return;
    clearTimeout(timer);
    this.timers.delete(timer);
  }

  /** Tells the recorder the wiring of the current plan; `killed` sockets lose the in-order shortcut. */
  private rewireRecorder(killed: ReadonlySet<number> = new Set()): void {
    const plan = this.plan as RunPlan;
    const wiring = plan.sockets.map((p) => ({ ...tracedSocket(p), noDirect: killed.has(p.index) }));
    this.recorder?.rewire(wiring, plan.edgeIds);
    this.faults?.extend(plan.edgeIds);
  }

  /**
   * Adds checked nodes and edges to the running topology: builds and wires their sockets (and
   * any new bind or connect of running sockets they need), waits for their handshakes with the
   * app's own sockets, then starts them. The trace's tables grow; nothing else is disturbed.
   */
  async attach(merged: Topology, nodeIds: readonly string[], edgeIds: readonly string[]): Promise<AttachReply> {
    if (this.state !== 'running' && this.state !== 'paused') throw new Error(`attach works on a running run (state: ${this.state})`);
    const before = this.plan as RunPlan;
    const next = replan(before, merged, this.retired, { freePorts: this.options.freePorts });
    this.plan = next.plan;
    this.topology = merged;
    this.rewireRecorder();
    this.emit({ type: 'tables', tables: (this.recorder as TraceRecorder).tables() });
    const failed = (d: Diagnostic): AttachReply => {
      this.emit({ type: 'diagnostics', diagnostics: [d] });
      return { diagnostics: [d], nodes: [], edges: [] };
    };
    const opened = await this.table.build(next.plan, next.added, false);
    if (opened) return failed(opened);
    // Running sockets that bind or connect anew for the new edges.
    const now: { c: RunPlan['connects'][number]; address: string }[] = [];
    const added = new Set(next.added);
    for (const b of next.newBinds) {
      const bindFailed = added.has(b.socket) ? undefined : await this.table.bind(next.plan, b);
      if (bindFailed) return failed(bindFailed);
    }
    for (const c of next.newConnects) {
      const connectFailed = added.has(c.socket) ? undefined : this.table.connect(next.plan, c);
      if (connectFailed) return failed(connectFailed);
      now.push({ c, address: this.table.address(c.endpoint) });
    }
    const timeout = this.options.handshakeTimeoutMs ?? DEFAULTS.handshakeTimeoutMs;
    const late = await barrier({ ...next.plan, binds: next.newBinds }, now, this.table.addresses, this.tracker, timeout);
    if (this.stopped) return { diagnostics: [], nodes: [], edges: [] };
    if (late.length > 0) return failed(late[0]);
    this.recordSubscriptions(added);
    const newNodes = merged.nodes.filter((n) => nodeIds.includes(n.id));
    for (const node of newNodes) if (node.kind === 'device') this.startNode(node);
    for (const node of newNodes) if (node.kind === 'socket' || node.kind === 'worker') this.startNode(node);
    const newEdges = merged.edges.filter((e) => edgeIds.includes(e.id));
    this.emit({ type: 'attached', nodes: newNodes, edges: newEdges });
    for (const node of newNodes) {
      const n = this.socketsOf(node.id).length;
      this.logs.log(node.id, `attached to the running topology (${n} socket${n === 1 ? '' : 's'})`, 'info');
    }
    return { diagnostics: [], nodes: newNodes.map((n) => n.id), edges: newEdges.map((e) => e.id) };
  }

  /**
   * Takes nodes out of the running topology: their sockets close, what they do stops, their
   * edges go (a running socket that connected over one disconnects). Their trace rows stay.
   */
  detach(nodeIds: readonly string[]): DetachReply {
    for (const id of nodeIds) this.runningNode(id, 'detach');
    const gone = new Set(nodeIds);
    const edges: Edge[] = this.topology.edges.filter((e) => gone.has(e.source) || gone.has(e.target));
    const live: Topology = { ...this.topology, nodes: this.topology.nodes.filter((n) => !gone.has(n.id)), edges: this.topology.edges.filter((e) => !edges.includes(e)) };
    const indexes = new Set(nodeIds.flatMap((id) => this.socketsOf(id)));
    for (const id of nodeIds) this.cancel(this.lives.forget(id));
    const closed = this.table.close(indexes);
    this.gate.release(indexes);
    for (const i of indexes) this.retired.add(i);
    const next = replan(this.plan as RunPlan, live, this.retired, { freePorts: this.options.freePorts });
    for (const c of next.goneConnects) this.table.disconnect(c);
    this.plan = next.plan;
    this.topology = live;
    this.rewireRecorder();
    const edgeIds = edges.map((e) => e.id);
    // What the detached sockets recorded goes out before the news that they left.
    this.recorder?.flush();
    this.emit({ type: 'detached', nodes: [...nodeIds], edges: edgeIds });
    for (const id of nodeIds) this.logs.log(id, `detached: closed its sockets; its edges ${edgeIds.length === 0 ? '(none)' : edgeIds.join(', ')} left the run`, 'info');
    if (this.lives.pending === 0) this.whenQuiet();
    return { nodes: [...nodeIds], edges: edgeIds, closedSockets: closed };
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
    const closed = this.table.closeAll();
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
