/**
 * A tap on an outside publisher: a SUB the app attaches to a running external PUB or XPUB where
 * that program binds, to trace what it publishes without disturbing it (a SUB only listens).
 * Pure: the store attaches what this plans.
 */
import type { Edge, Topology, TopologyNode } from '../../shared/topology';
import { displayName } from '../../shared/topology';
import { nextId } from './wiring';

export type TapPlan = { ok: true; node: TopologyNode; edge: Edge } | { ok: false; reason: string };

/** Endpoints an external node binds (where the app can connect to it). */
export function boundEndpointsOf(topology: Topology, nodeId: string): string[] {
  const out = topology.edges.filter((e) => (e.bind === 'source' ? e.source : e.target) === nodeId).map((e) => e.endpoint);
  return [...new Set(out)];
}

/**
 * Plans a SUB tapping `externalId` at `endpoint` with these prefix filters ('' = everything).
 * Refused, with the reason, for anything but an outside PUB/XPUB.
 */
export function planTap(topology: Topology, externalId: string, topics: readonly string[], endpoint?: string): TapPlan {
  const target = topology.nodes.find((n) => n.id === externalId);
  if (!target) return { ok: false, reason: `no node "${externalId}"` };
  if (target.kind !== 'external' || (target.socket !== 'PUB' && target.socket !== 'XPUB')) {
    return { ok: false, reason: `${displayName(target)} is not an outside publisher: a tap listens to an external PUB or XPUB` };
  }
  const at = endpoint ?? boundEndpointsOf(topology, externalId)[0];
  if (!at) {
    return { ok: false, reason: `${displayName(target)} binds no endpoint the app knows: give it an edge whose bind side is the program, or type the endpoint it binds` };
  }
  const ids = topology.nodes.map((n) => n.id);
  const id = nextId('tap', ids);
  const wired = topology.edges.filter((e) => e.source === externalId || e.target === externalId).length;
  const x = (target.position?.x ?? 0) + 320;
  const y = (target.position?.y ?? 0) + 110 * wired;
  const node: TopologyNode = {
    id,
    kind: 'socket',
    socket: 'SUB',
    label: `tap ${displayName(target)}`,
    behavior: { type: 'subscribe', topics: topics.length === 0 ? [''] : [...topics] },
    position: { x, y },
  };
  const edge: Edge = { id: nextId('e-tap', topology.edges.map((e) => e.id)), pattern: 'pubsub', source: externalId, target: id, endpoint: at, bind: 'source' };
  return { ok: true, node, edge };
}
