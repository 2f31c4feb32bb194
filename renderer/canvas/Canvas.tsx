import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DragEvent } from 'react';
import { Background, ConnectionMode, Controls, MiniMap, ReactFlow, useNodesInitialized, useReactFlow, useStore } from '@xyflow/react';
import type { FitViewOptions, ReactFlowState } from '@xyflow/react';
import type { Connection, EdgeChange, FinalConnectionState, NodeChange } from '@xyflow/react';
import { useShallow } from 'zustand/react/shallow';
import { appStore, useAppStore } from '../store/appStore';
import { selectDiagnostics } from '../store/selectors';
import type { Position } from '../store/nodeFactory';
import { SOCKET_INFO } from '../../shared/patterns';
import type { FlowNode, PatternFlowEdge } from './flowTypes';
import type { Size } from './derive';
import { toFlowEdges, toFlowNodes } from './derive';
import { edgeTypes, nodeTypes } from './nodeTypes';
import { explainConnection, isValidConnection } from './connection';
import { ConnectionStatus } from './ConnectionStatus';
import { PatternTool } from './PatternTool';
import { RunLock } from './RunLock';
import { RouteHighlight } from './RouteHighlight';
import { readDraggedSpec } from './dragData';
import { FlowOverlay } from './live/FlowOverlay';

const SNAP: [number, number] = [10, 10];
// Opening a big document shows a readable part of it rather than all of it as specks.
// The right margin keeps nodes clear of the minimap in the bottom-right corner.
const FIT: FitViewOptions<FlowNode> = { padding: { top: '12%', left: '10%', bottom: '12%', right: '190px' }, maxZoom: 1.25, minZoom: 0.3 };
const MINIMAP_SIZE = { width: 160, height: 100 };
const CONNECTION_LINE = { stroke: 'var(--accent)', strokeWidth: 2, strokeDasharray: '5 4' };

function onNodesChange(changes: NodeChange<FlowNode>[]): void {
  const s = appStore.getState();
  const moved = new Map<string, Position>();
  let dragEnded = false;
  const selected: { id: string; selected: boolean }[] = [];
  for (const c of changes) {
    if (c.type === 'position') {
      if (c.position) moved.set(c.id, c.position);
      if (c.dragging === false) dragEnded = true;
    } else if (c.type === 'select') selected.push({ id: c.id, selected: c.selected });
  }
  if (moved.size > 0 || dragEnded) s.moveNodes(moved, dragEnded);
  if (selected.length > 0) s.applySelectionChanges(selected, []);
}

function onEdgesChange(changes: EdgeChange<PatternFlowEdge>[]): void {
  const selected = changes.flatMap((c) => (c.type === 'select' ? [{ id: c.id, selected: c.selected }] : []));
  if (selected.length > 0) appStore.getState().applySelectionChanges([], selected);
}

function onConnect(c: Connection): void {
  const result = appStore.getState().connect(c.source, c.sourceHandle, c.target, c.targetHandle);
  const s = appStore.getState();
  if (!result.ok) s.notify(result.reason, 'error');
  else {
    const edge = s.topology.edges.find((e) => e.id === result.edgeId);
    if (edge) s.notify(`connected ${edge.source} → ${edge.target} (${edge.pattern}) on ${edge.endpoint}`);
  }
}

/** A drop on a handle that the rule refused: keep the reason on screen after the drag is over. */
function onConnectEnd(_event: MouseEvent | TouchEvent, state: FinalConnectionState): void {
  if (state.isValid || !state.fromHandle || !state.toHandle) return;
  const check = explainConnection({
    source: state.fromHandle.nodeId,
    sourceHandle: state.fromHandle.id ?? null,
    target: state.toHandle.nodeId,
    targetHandle: state.toHandle.id ?? null,
  });
  if (!check.ok) appStore.getState().notify(`refused: ${check.reason}`, 'error');
}

function onDragOver(event: DragEvent): void {
  event.preventDefault();
  event.dataTransfer.dropEffect = 'copy';
}

/** Below this zoom endpoint labels are unreadable anyway; hiding them keeps big diagrams fluid. */
const LABEL_ZOOM = 0.55;
/** Below this, node cards show only their colour and type (the text would be a few pixels high). */
const DETAIL_ZOOM = 0.3;
const zoomClass = (s: ReactFlowState): string => (s.transform[2] < DETAIL_ZOOM ? ' zs-zoomed-out zs-zoomed-far' : s.transform[2] < LABEL_ZOOM ? ' zs-zoomed-out' : '');

const minimapColor = (node: FlowNode): string => {
  const type = node.type === 'socket' || node.type === 'external' ? node.data.doc.socket : node.type === 'worker' ? node.data.doc.output : 'ROUTER';
  return `var(--pattern-${node.type === 'device' ? 'device' : SOCKET_INFO[type].pattern})`;
};

/** The React Flow canvas: a view of the store's document; every change goes back through store actions. */
export function Canvas() {
  const { topology, selection, theme, focus, openedSeq, tool } = useAppStore(
    useShallow((s) => ({ topology: s.topology, selection: s.selection, theme: s.theme, focus: s.focus, openedSeq: s.openedSeq, tool: s.patternTool })),
  );
  const diagnostics = useAppStore(selectDiagnostics);
  const [measured, setMeasured] = useState<ReadonlyMap<string, Size>>(new Map());
  const flow = useReactFlow<FlowNode, PatternFlowEdge>();
  const zoom = useStore(zoomClass);

  const nodes = useMemo(() => toFlowNodes(topology, selection, diagnostics, measured), [topology, selection, diagnostics, measured]);
  const edges = useMemo(() => toFlowEdges(topology, selection, diagnostics), [topology, selection, diagnostics]);

  const handleNodesChange = useCallback((changes: NodeChange<FlowNode>[]) => {
    const sized = changes.flatMap((c) => (c.type === 'dimensions' && c.dimensions ? [[c.id, c.dimensions] as const] : []));
    if (sized.length > 0) {
      setMeasured((prev) => {
        const next = new Map(prev);
        for (const [id, d] of sized) next.set(id, d);
        return next;
      });
    }
    onNodesChange(changes);
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const spec = readDraggedSpec(event.dataTransfer);
      if (!spec) return;
      event.preventDefault();
      const p = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      const id = appStore.getState().addNode(spec, { x: p.x - 80, y: p.y - 30 });
      appStore.getState().select({ nodes: [id] });
    },
    [flow],
  );

  // Fit each newly opened document once its nodes are measured (not on every first node added:
  // React Flow's own fitView prop would jump the view when the user drops a node on an empty canvas).
  const initialized = useNodesInitialized();
  const fitted = useRef(-1);
  useEffect(() => {
    if (fitted.current === openedSeq) return;
    const empty = appStore.getState().topology.nodes.length === 0;
    if (!empty && !initialized) return;
    fitted.current = openedSeq;
    if (empty) return;
    void flow.fitView(FIT);
  }, [initialized, openedSeq, flow]);

  // Centre on what the diagnostics panel (or anything else) asked for.
  useEffect(() => {
    if (!focus) return;
    const { topology: t } = appStore.getState();
    const edge = focus.edgeId ? t.edges.find((e) => e.id === focus.edgeId) : undefined;
    const ids = edge ? [edge.source, edge.target] : focus.nodeId ? [focus.nodeId] : [];
    if (ids.length > 0) void flow.fitView({ nodes: ids.map((id) => ({ id })), duration: 300, padding: 0.6, maxZoom: 1.25 });
  }, [focus, flow]);

  return (
    <div className={`zs-canvas${tool ? ` tool-${tool}` : ''}${zoom}`} data-testid="canvas">
      <ReactFlow<FlowNode, PatternFlowEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={handleNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        isValidConnection={isValidConnection}
        connectionMode={ConnectionMode.Loose}
        connectionRadius={24}
        connectionLineStyle={CONNECTION_LINE}
        // Big diagrams stay fluid (500 nodes: ~50 fps panning instead of ~35); image export fits
        // the view first so that every node is in the DOM.
        onlyRenderVisibleElements
        minZoom={0.1}
        snapToGrid
        snapGrid={SNAP}
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={['Meta', 'Control']}
        colorMode={theme}
        onDrop={onDrop}
        onDragOver={onDragOver}
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={20} size={1} />
        <MiniMap<FlowNode> pannable zoomable nodeColor={minimapColor} style={MINIMAP_SIZE} />
        <Controls />
        <ConnectionStatus />
        <PatternTool />
        <RunLock />
        <FlowOverlay />
        <RouteHighlight />
      </ReactFlow>
    </div>
  );
}
