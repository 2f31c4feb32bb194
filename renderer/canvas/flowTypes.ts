/** React Flow's view of the document: typed node and edge unions derived from the topology. */
import type { Edge as FlowEdgeBase, Node } from '@xyflow/react';
import type { DeviceNode as DeviceDoc, Edge as EdgeDoc, ExternalNode as ExternalDoc, SocketNode as SocketDoc, WorkerNode as WorkerDoc } from '../../shared/topology';

export type Problem = 'error' | 'warning' | undefined;

/** How a socket takes part in its edges: shown as bind / connect marks. */
export interface Wiring {
  binds: number;
  connects: number;
}

export type SocketFlowNode = Node<{ doc: SocketDoc; problem: Problem; wiring: Wiring }, 'socket'>;
export type ExternalFlowNode = Node<{ doc: ExternalDoc; problem: Problem; wiring: Wiring }, 'external'>;
export type DeviceFlowNode = Node<{ doc: DeviceDoc; problem: Problem }, 'device'>;
export type WorkerFlowNode = Node<{ doc: WorkerDoc; problem: Problem }, 'worker'>;
export type FlowNode = SocketFlowNode | ExternalFlowNode | DeviceFlowNode | WorkerFlowNode;

export type PatternFlowEdge = FlowEdgeBase<{ doc: EdgeDoc; problem: Problem }, 'pattern'>;
