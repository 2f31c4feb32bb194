/**
 * What a run showed around a crashed receiver of a PUSH (fault injection): when it was killed
 * and came back (the nodeFault events), which tasks it took before, during and after, where the
 * tasks sent while it was down went, and what died with it. Pure: a check reads these facts.
 */
import type { TraceRecord } from '../trace';
import type { LostMessage } from '../trace';
import { edgesAt, otherEnd } from './facts';
import type { NodeFaultRecord, Observation } from './observation';

export interface CrashFacts {
  /** The crashed node, and the moment it was killed and (if it was) running again. */
  node: string;
  kill: NodeFaultRecord;
  back?: NodeFaultRecord;
  /**
   * When the sender saw the disconnect (its monitor's `disconnected`), at or after the kill. Tasks
   * sent between the kill and this moment may still have gone into the dead pipe: they died with it.
   */
  noticed: number;
  /**
   * Tasks the crashed node's input received before the kill, while down, and after it came back.
   * A task its socket took just before the close can be recorded a moment after the kill (the
   * record is written when the receive's promise settles): one sent before the kill is `before`.
   */
  before: TraceRecord[];
  during: TraceRecord[];
  after: TraceRecord[];
  /** The sender's tasks sent after it noticed and before the node came back, by who took each (undefined: nobody). */
  sentDown: { task: TraceRecord; takenBy?: string }[];
  /** Tasks the crashed node had received but not answered when it died. */
  inHand: TraceRecord[];
  /** The sender's lost tasks (sent, never received by anyone). */
  lost: LostMessage[];
}

/** Nodes whose `in` port is wired to the sender: the workers a PUSH ventilator deals to. */
export function receiversOf(obs: Observation, sender: string): string[] {
  return edgesAt(obs.topology, sender)
    .map((e) => otherEnd(e, sender))
    .filter((end) => end.port === 'in')
    .map((end) => end.node);
}

/** The first crash of one of `workers` fed by `sender`; undefined when none was killed. */
export function crashFacts(obs: Observation, sender: string, workers: readonly string[]): CrashFacts | undefined {
  const kill = obs.nodeFaults.find((f) => f.state === 'killed' && workers.includes(f.node));
  if (!kill) return undefined;
  const node = kill.node;
  const back = obs.nodeFaults.find((f) => f.state === 'running' && f.node === node && f.t >= kill.t);
  const noticed = obs.monitor.find((m) => m.node === sender && m.kind === 'disconnected' && m.t >= kill.t)?.t ?? kill.t;
  const until = back?.t ?? Infinity;
  const taken = (from: number, to: number): TraceRecord[] =>
    obs.records.filter((r) => r.node === node && r.port === 'in' && r.dir === 'in' && r.t >= from && r.t < to);
  const takers = new Map<number, string>();
  for (const r of obs.records)
    if (r.dir === 'in' && r.port === 'in' && workers.includes(r.node)) takers.set(r.msg, r.node);
  const sentAt = new Map<number, number>();
  for (const r of obs.records) if (r.node === sender && r.dir === 'out') sentAt.set(r.msg, r.t);
  const sentBefore = (r: TraceRecord): boolean => (sentAt.get(r.msg) ?? Infinity) <= kill.t;
  const down = taken(kill.t, until);
  const before = [...taken(-Infinity, kill.t), ...down.filter(sentBefore)];
  // Results it sent before it died; a send its stopped behaviour tried after the kill went nowhere.
  const answered = new Set(
    obs.records.filter((r) => r.node === node && r.dir === 'out' && r.t < kill.t).map((r) => r.cause),
  );
  return {
    node,
    kill,
    back,
    noticed,
    before,
    during: down.filter((r) => !sentBefore(r)),
    after: back ? taken(back.t, Infinity) : [],
    sentDown: obs.records
      .filter((r) => r.node === sender && r.dir === 'out' && r.t > noticed && r.t < until)
      .map((task) => ({ task, takenBy: takers.get(task.msg) })),
    inHand: before.filter((r) => !answered.has(r.msg)),
    lost: obs.lost.messages.filter((m) => m.node === sender),
  };
}

/** The sink's results per sender, told by the edge each came over. */
export function resultsBySender(obs: Observation, sink: string): Map<string, number> {
  const from = new Map<string, number>();
  for (const r of obs.records) {
    if (r.node !== sink || r.dir !== 'in') continue;
    const edge = obs.topology.edges.find((e) => e.id === r.edge);
    if (!edge) continue;
    const sender = otherEnd(edge, sink).node;
    from.set(sender, (from.get(sender) ?? 0) + 1);
  }
  return from;
}
