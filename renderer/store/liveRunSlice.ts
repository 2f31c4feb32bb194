/**
 * Changing a run while it goes on: kill and restart a node (fault injection), tap an outside
 * publisher, detach what was attached. The engine changes the running topology first; the
 * document follows only what the engine accepted.
 */
import { displayName } from '../../shared/topology';
import type { SliceCreator } from './types';
import { engineCommand } from './engineCommand';
import { planTap } from './taps';

export interface LiveRunSlice {
  /** Kills a node of the run (its sockets close as in a crash); with restartAfterMs it comes back by itself. */
  killNode(node: string, restartAfterMs?: number): Promise<void>;
  restartNode(node: string): Promise<void>;
  /** Attaches a SUB to an outside PUB/XPUB of the running topology; returns the tap's node id. */
  tapExternal(external: string, topics: readonly string[], endpoint?: string): Promise<string | undefined>;
  /** Detaches a node from the run and takes it (and its edges) out of the document. */
  detachNode(node: string): Promise<void>;
}

export const createLiveRunSlice: SliceCreator<LiveRunSlice> = (_set, get) => ({
  killNode: async (node, restartAfterMs) => {
    const request = restartAfterMs === undefined ? { node, action: 'kill' as const } : { node, action: 'kill' as const, restartAfterMs };
    await engineCommand(get, 'kill the node', (e) => e.nodeFault(request));
  },
  restartNode: async (node) => {
    await engineCommand(get, 'restart the node', (e) => e.nodeFault({ node, action: 'restart' }));
  },
  tapExternal: async (external, topics, endpoint) => {
    const plan = planTap(get().topology, external, topics, endpoint);
    if (!plan.ok) {
      get().notify(plan.reason, 'error');
      return undefined;
    }
    const reply = await engineCommand(get, 'attach the tap', (e) => e.attach({ nodes: [plan.node], edges: [plan.edge] }));
    if (!reply) return undefined;
    if (reply.diagnostics.length > 0 || reply.nodes.length === 0) {
      get().notify(`the tap was not attached: ${reply.diagnostics[0]?.message ?? 'the engine refused it'}`, 'error');
      return undefined;
    }
    const doc = get().topology;
    get().followRunningTopology({ ...doc, nodes: [...doc.nodes, plan.node], edges: [...doc.edges, plan.edge] });
    get().notify(`${displayName(plan.node)} attached: it traces what the program publishes${topics.length > 0 && topics[0] !== '' ? ` on ${topics.join(', ')}` : ''}`);
    return plan.node.id;
  },
  detachNode: async (node) => {
    const reply = await engineCommand(get, 'detach the node', (e) => e.detach({ nodes: [node] }));
    if (!reply) return;
    const doc = get().topology;
    const gone = new Set(reply.nodes);
    get().followRunningTopology({
      ...doc,
      nodes: doc.nodes.filter((n) => !gone.has(n.id)),
      edges: doc.edges.filter((e) => !gone.has(e.source) && !gone.has(e.target)),
    });
  },
});
