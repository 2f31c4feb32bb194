/** Per-node and per-edge counters sent to the UI every 250 ms, with rates over the last period. */
import type { EdgeStats, NodeStats } from '../shared/ipc';
import type { RunPlan } from './plan';
import type { TraceRecorder } from './trace/recorder';

const PERIOD_MS = 250;

export class StatsTicker {
  private readonly timer: NodeJS.Timeout;
  private last: Float64Array;
  private lastAt = performance.now();

  constructor(
    private readonly recorder: TraceRecorder,
    private readonly plan: RunPlan,
    private readonly publish: (nodes: NodeStats[], edges: EdgeStats[]) => void,
  ) {
    this.last = Float64Array.from(recorder.edgeMessages);
    this.timer = setInterval(() => this.emitNow(), PERIOD_MS);
    this.timer.unref();
  }

  emitNow(): void {
    const now = performance.now();
    const seconds = Math.max((now - this.lastAt) / 1000, 1e-3);
    const r = this.recorder;
    const byNode = new Map<string, NodeStats>();
    this.plan.sockets.forEach((p, i) => {
      const n = byNode.get(p.nodeId) ?? { node: p.nodeId, sent: 0, received: 0, bytesOut: 0, bytesIn: 0 };
      n.sent += r.sent[i];
      n.received += r.received[i];
      n.bytesOut += r.bytesOut[i];
      n.bytesIn += r.bytesIn[i];
      byNode.set(p.nodeId, n);
    });
    const edges: EdgeStats[] = this.plan.edgeIds.map((edge, e) => ({
      edge,
      messages: r.edgeMessages[e],
      bytes: r.edgeBytes[e],
      rate: Math.round(((r.edgeMessages[e] - this.last[e]) / seconds) * 10) / 10,
    }));
    this.last = Float64Array.from(r.edgeMessages);
    this.lastAt = now;
    this.publish([...byNode.values()], edges);
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
