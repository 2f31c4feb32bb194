/**
 * Per-node and per-edge counters sent to the UI every 250 ms, with rates over the last period;
 * per sending socket the gauges the engine measures (in flight, time blocked), and per edge the
 * messages its fault dropped.
 */
import type { EdgeStats, NodeStats, SocketGauge } from '../shared/ipc';
import { SOCKET_INFO } from '../shared/patterns';
import { BLOCKED_SEND_MS } from '../shared/trace';
import { DEFAULT_SNDHWM } from '../shared/explain';
import type { RunPlan } from './plan';
import type { TraceRecorder } from './trace/recorder';

const PERIOD_MS = 250;

export class StatsTicker {
  private readonly timer: NodeJS.Timeout;
  private last: Float64Array;
  private lastAt = performance.now();
  /** Per socket: blocked ms counted up to the last tick, a wait still going on included. */
  private lastBlocked: Float64Array = new Float64Array(0);

  constructor(
    private readonly recorder: TraceRecorder,
    /** The run's plan now: nodes attached or detached mid-run change it. */
    private readonly planNow: () => RunPlan,
    private readonly publish: (nodes: NodeStats[], edges: EdgeStats[]) => void,
    /** Messages dropped by each edge's fault (EdgeFaults.dropped), by edge index. */
    private readonly faultDrops: { readonly dropped: readonly number[] } = { dropped: [] },
  ) {
    this.last = Float64Array.from(recorder.edgeMessages);
    this.timer = setInterval(() => this.emitNow(), PERIOD_MS);
    this.timer.unref();
  }

  emitNow(): void {
    const now = performance.now();
    const seconds = Math.max((now - this.lastAt) / 1000, 1e-3);
    const r = this.recorder;
    const t = r.now();
    const blockedNow = this.blockedSoFar(t);
    const byNode = new Map<string, NodeStats>();
    const plan = this.planNow();
    plan.sockets.forEach((p, i) => {
      const n = byNode.get(p.nodeId) ?? { node: p.nodeId, sent: 0, received: 0, bytesOut: 0, bytesIn: 0, sockets: [] };
      n.sent += r.sent[i];
      n.received += r.received[i];
      n.bytesOut += r.bytesOut[i];
      n.bytesIn += r.bytesIn[i];
      if (SOCKET_INFO[p.type].sends) n.sockets?.push(this.gauge(p, i, blockedNow[i], seconds * 1000));
      byNode.set(p.nodeId, n);
    });
    const edges: EdgeStats[] = plan.edgeIds.map((edge, e) => ({
      edge,
      messages: r.edgeMessages[e],
      bytes: r.edgeBytes[e],
      rate: Math.round(((r.edgeMessages[e] - (this.last[e] ?? 0)) / seconds) * 10) / 10,
      dropped: this.faultDrops.dropped[e] ?? 0,
    }));
    this.last = Float64Array.from(r.edgeMessages);
    this.lastBlocked = blockedNow;
    this.lastAt = now;
    this.publish([...byNode.values()], edges);
  }

  /** Per socket, ms blocked so far: finished waits, plus a wait still going on once it is long enough to count. */
  private blockedSoFar(t: number): Float64Array {
    const r = this.recorder;
    const out = Float64Array.from(r.blockedMs);
    for (let i = 0; i < out.length; i++) {
      const since = r.sendingSince[i];
      if (since > 0 && t - since >= BLOCKED_SEND_MS) out[i] += t - since;
    }
    return out;
  }

  private gauge(p: RunPlan['sockets'][number], i: number, blocked: number, periodMs: number): SocketGauge {
    // A wait that ends in this period was partly counted as going on in earlier ones: only the rest is new.
    const period = Math.min(Math.max(0, blocked - (this.lastBlocked[i] ?? 0)), periodMs);
    const hwm = p.options.sendHighWaterMark;
    return {
      port: p.port,
      inFlight: this.recorder.inFlight[i],
      blockedMs: Math.round(period),
      blockedTotalMs: Math.round(blocked),
      sndhwm: typeof hwm === 'number' ? hwm : DEFAULT_SNDHWM,
    };
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
