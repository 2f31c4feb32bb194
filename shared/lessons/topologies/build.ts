/** A compact way to write the course's own topologies (format 1, the same as any file). */
import type { TopologyInput } from '../../topology';
import { TOPOLOGY_FORMAT } from '../../topology';

export type NodeInput = TopologyInput['nodes'][number];
export type EdgeInput = TopologyInput['edges'][number];

export function lessonTopology(name: string, description: string, nodes: NodeInput[], edges: EdgeInput[]): TopologyInput {
  return { format: TOPOLOGY_FORMAT, name, description, nodes, edges };
}
