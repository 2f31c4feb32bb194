/**
 * The end-of-run summary: per node (sent, received, bytes, lost; time blocked when a send
 * blocked) and per edge (messages, bytes; dropped when a fault dropped some),
 * from the engine's final `stats` event; counted from the trace when no stats event came
 * (a run stopped before its first stats tick). Lost messages come from the `lost` event.
 */
import type { EdgeStats, EngineEvent, NodeStats } from '../../shared/ipc';
import type { LostMessage, TraceTables } from '../../shared/trace';
import type { TopologyFacts } from './facts';
import { table } from './table';

/** Lost messages listed one by one; the rest are counted. */
const LOST_SHOWN = 10;

export interface Summary {
  nodes: NodeStats[];
  edges: EdgeStats[];
  lost: { total: number; byNode: Record<string, number>; messages: LostMessage[] };
  records: number;
  dropped: number;
  errors: number;
}

/** Collects, from the events of one run, what the summary needs. */
export class RunTally {
  records = 0;
  dropped = 0;
  errors = 0;
  private stats: { nodes: NodeStats[]; edges: EdgeStats[] } | undefined;
  private tables: TraceTables | undefined;
  private lost: { messages: LostMessage[]; total: number } | undefined;
  /** Per socket index: [sent, received, bytesOut, bytesIn], counted from trace batches. */
  private readonly perSocket: number[][] = [];

  add(event: EngineEvent): void {
    switch (event.type) {
      case 'tables':
        this.tables = event.tables;
        return;
      case 'stats':
        this.stats = { nodes: event.nodes, edges: event.edges };
        return;
      case 'lost':
        this.lost = { messages: event.messages, total: event.total };
        return;
      case 'error':
        this.errors++;
        return;
      case 'trace': {
        const b = event.batch;
        this.records += b.count;
        this.dropped += b.dropped;
        for (let i = 0; i < b.count; i++) {
          const row = (this.perSocket[b.socket[i]] ??= [0, 0, 0, 0]);
          const inbound = b.dir[i] === 1 ? 1 : 0;
          row[inbound] += 1;
          row[2 + inbound] += b.bytes[i];
        }
        return;
      }
    }
  }

  summary(): Summary {
    const lost = this.lost ?? { messages: [], total: 0 };
    const byNode: Record<string, number> = {};
    for (const m of lost.messages) byNode[m.node] = (byNode[m.node] ?? 0) + 1;
    return {
      nodes: this.stats?.nodes ?? this.nodesFromTrace(),
      edges: this.stats?.edges ?? [],
      lost: { total: lost.total, byNode, messages: lost.messages },
      records: this.records,
      dropped: this.dropped,
      errors: this.errors,
    };
  }

  private nodesFromTrace(): NodeStats[] {
    const byNode = new Map<string, NodeStats>();
    this.perSocket.forEach((row, socket) => {
      const node = this.tables?.sockets[socket]?.node ?? `socket ${socket}`;
      const n = byNode.get(node) ?? { node, sent: 0, received: 0, bytesOut: 0, bytesIn: 0 };
      n.sent += row[0];
      n.received += row[1];
      n.bytesOut += row[2];
      n.bytesIn += row[3];
      byNode.set(node, n);
    });
    return [...byNode.values()];
  }
}

/** The summary as text lines for a terminal. */
export function formatSummary(s: Summary, facts: TopologyFacts, heading: string): string[] {
  const label = (id: string): string => facts.labels.get(id) ?? id;
  const order = (id: string): number => {
    const i = facts.nodeOrder.indexOf(id);
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  const nodes = [...s.nodes].sort((a, b) => order(a.node) - order(b.node));
  const lines = [heading];
  // Columns that are zero in most runs appear only when they have something to say.
  const blocked = (n: NodeStats): number => (n.sockets ?? []).reduce((sum, g) => sum + g.blockedTotalMs, 0);
  const anyBlocked = nodes.some((n) => blocked(n) > 0);
  lines.push(
    ...table(
      ['node', 'sent', 'received', 'bytes out', 'bytes in', 'lost', ...(anyBlocked ? ['blocked ms'] : [])],
      nodes.map((n) => [label(n.node), n.sent, n.received, n.bytesOut, n.bytesIn, s.lost.byNode[n.node] ?? 0, ...(anyBlocked ? [blocked(n)] : [])]),
    ),
  );
  if (s.edges.length > 0) {
    const anyDropped = s.edges.some((e) => (e.dropped ?? 0) > 0);
    lines.push('');
    lines.push(
      ...table(
        ['edge', 'route', 'messages', 'bytes', ...(anyDropped ? ['dropped'] : [])],
        s.edges.map((e) => {
          const ends = facts.edges.get(e.edge);
          return [
            e.edge,
            ends ? `${label(ends.source)} -> ${label(ends.target)} (${ends.pattern})` : '',
            e.messages,
            e.bytes,
            ...(anyDropped ? [e.dropped ?? 0] : []),
          ];
        }),
        anyDropped ? 'llrrr' : 'llrr',
      ),
    );
  }
  lines.push('');
  lines.push(`lost messages: ${s.lost.total}`);
  const shown = s.lost.messages.slice(0, LOST_SHOWN);
  for (const m of shown) {
    const owed = m.owedTo ? ` owed to ${label(m.owedTo)}` : '';
    lines.push(`  msg ${m.msg} from ${label(m.node)}${owed} at ${m.t.toFixed(1)} ms: ${JSON.stringify(m.preview)}`);
  }
  if (s.lost.total > shown.length) lines.push(`  ... and ${s.lost.total - shown.length} more`);
  lines.push(`trace: ${s.records} records${s.dropped > 0 ? ` (${s.dropped} dropped at the bounds)` : ''}`);
  return lines;
}
