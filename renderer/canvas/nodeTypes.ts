/** Node and edge components by type, at module scope so React Flow never re-mounts them. */
import type { EdgeTypes, NodeTypes } from '@xyflow/react';
import { SocketNode } from './SocketNode';
import { ExternalNode } from './ExternalNode';
import { DeviceNode } from './DeviceNode';
import { WorkerNode } from './WorkerNode';
import { PatternEdge } from './PatternEdge';

export const nodeTypes = {
  socket: SocketNode,
  external: ExternalNode,
  device: DeviceNode,
  worker: WorkerNode,
} satisfies NodeTypes;

export const edgeTypes = { pattern: PatternEdge } satisfies EdgeTypes;
