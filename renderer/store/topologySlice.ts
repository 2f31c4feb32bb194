/**
 * The document being designed, as plain shared `Topology` data, with pure actions and an undo
 * history. Every edit replaces the document object (never mutates it), which is what makes undo,
 * memoised diagnostics and React re-rendering cheap and reliable.
 */
import type { Diagnostic } from '../../shared/diagnostics';
import { loadTopology } from '../../shared/load';
import type { Topology, TopologyNode } from '../../shared/topology';
import type { SliceCreator } from './types';
import type { NodeSpec, Position } from './nodeFactory';
import { createNode } from './nodeFactory';
import type { EdgePatch, NodePatch } from './docOps';
import * as ops from './docOps';
import { checkConnection, planEdge } from './wiring';
import { isRunActive } from './runSlice';

export const HISTORY_LIMIT = 200;

/** Why an edit is refused while sockets built from the document exist. */
export const RUN_LOCK_REASON = 'Stop the run to edit: its sockets were built from this version of the topology (nodes can still be moved and payload decoders changed)';

export type ConnectResult = { ok: true; edgeId: string } | { ok: false; reason: string };
export type LoadOutcome = { ok: true } | { ok: false; diagnostics: Diagnostic[] };

export interface TopologySlice {
  topology: Topology;
  /** The document as last saved or opened: unsaved changes exist when it is not `topology`. */
  saved: Topology;
  fileName?: string;
  past: readonly Topology[];
  future: readonly Topology[];
  /** Consecutive edits with the same key (one drag) make one undo step. */
  coalesceKey?: string;
  /** Counts documents opened (new, load, recover): the canvas fits its view to each new one. */
  openedSeq: number;

  addNode(spec: NodeSpec, position: Position): string;
  moveNodes(positions: ReadonlyMap<string, Position>, final?: boolean): void;
  setPositions(positions: ReadonlyMap<string, Position>): void;
  removeSelection(): void;
  removeElements(nodeIds: readonly string[], edgeIds: readonly string[]): void;
  duplicateSelection(): void;
  /** Nodes copied with Ctrl+C, pasted (again and again, each further off) with Ctrl+V. */
  clipboard: readonly TopologyNode[];
  pasteCount: number;
  copySelection(): void;
  paste(): void;
  connect(source: string, sourceHandle: string | null | undefined, target: string, targetHandle: string | null | undefined): ConnectResult;
  updateNode(id: string, patch: NodePatch): void;
  updateEdge(id: string, patch: EdgePatch): void;
  setDocumentInfo(info: { name?: string; description?: string }): void;
  newTopology(): void;
  loadTopology(doc: unknown, fileName?: string): LoadOutcome;
  markSaved(fileName?: string): void;
  /** Restores an autosaved session: document, file name and whether it was saved. */
  recover(topology: Topology, saved: boolean, fileName?: string): void;
  undo(): void;
  redo(): void;
  /**
   * A change the engine already made to the running topology (a tap attached, a node detached):
   * the document follows it, past the run's edit lock, as one undo step.
   */
  followRunningTopology(next: Topology): void;
}

export const createTopologySlice: SliceCreator<TopologySlice> = (set, get) => {
  /** Replaces the document and records the previous one for undo. */
  /** True (and says why) when a run is active and `next` changes more than view-only fields (positions, decoders). */
  const locked = (next: Topology): boolean => {
    const { topology, runState, notify } = get();
    if (!isRunActive(runState) || ops.sameExceptViewFields(topology, next)) return false;
    notify(RUN_LOCK_REASON, 'error');
    return true;
  };
  /** `another` = a different document replaces this one (its run is being stopped): no lock. */
  const commit = (next: Topology, key?: string, another = false): void => {
    const { topology, past, coalesceKey } = get();
    if (next === topology || (!another && locked(next))) return;
    const merge = key !== undefined && key === coalesceKey;
    set({
      topology: next,
      past: merge ? past : [...past, topology].slice(-HISTORY_LIMIT),
      future: [],
      coalesceKey: key,
    });
  };
  const pruneSelection = (): void => {
    const { topology, selection } = get();
    const nodes = new Set(topology.nodes.map((n) => n.id));
    const edges = new Set(topology.edges.map((e) => e.id));
    set({ selection: { nodes: selection.nodes.filter((id) => nodes.has(id)), edges: selection.edges.filter((id) => edges.has(id)) } });
  };
  /** Opening another document ends the run of this one (its sockets would no longer match the canvas). */
  const stopForAnotherDocument = (): void => {
    const s = get();
    if (!isRunActive(s.runState)) return;
    void s.stopRun();
  };
  const initial = ops.emptyTopology();

  return {
    topology: initial,
    saved: initial,
    past: [],
    future: [],
    openedSeq: 0,

    addNode: (spec, position) => {
      const { topology } = get();
      const node = createNode(spec, position, topology.nodes.map((n) => n.id));
      commit({ ...topology, nodes: [...topology.nodes, node] });
      return node.id;
    },
    moveNodes: (positions, final = false) => {
      if (positions.size > 0) commit(ops.setPositions(get().topology, positions), `move:${[...positions.keys()].join(',')}`);
      // The drag is over: the next move starts a new undo step.
      if (final) set({ coalesceKey: undefined });
    },
    setPositions: (positions) => commit(ops.setPositions(get().topology, positions)),
    removeSelection: () => {
      const { selection } = get();
      get().removeElements(selection.nodes, selection.edges);
    },
    removeElements: (nodeIds, edgeIds) => {
      if (nodeIds.length === 0 && edgeIds.length === 0) return;
      commit(ops.removeElements(get().topology, nodeIds, edgeIds));
      pruneSelection();
    },
    duplicateSelection: () => {
      const { topology, selection } = get();
      if (selection.nodes.length === 0) return;
      const result = ops.duplicateNodes(topology, selection.nodes);
      commit(result.topology);
      set({ selection: { nodes: result.ids, edges: [] } });
    },
    clipboard: [],
    pasteCount: 0,
    copySelection: () => {
      const { topology, selection } = get();
      const nodes = topology.nodes.filter((n) => selection.nodes.includes(n.id));
      if (nodes.length > 0) set({ clipboard: nodes, pasteCount: 0 });
    },
    paste: () => {
      const { topology, clipboard, pasteCount } = get();
      if (clipboard.length === 0) return;
      const result = ops.insertCopies(topology, clipboard, 40 * (pasteCount + 1));
      commit(result.topology);
      set({ pasteCount: pasteCount + 1, selection: { nodes: result.ids, edges: [] } });
    },
    connect: (source, sourceHandle, target, targetHandle) => {
      const { topology } = get();
      if (isRunActive(get().runState)) return { ok: false, reason: RUN_LOCK_REASON };
      const check = checkConnection(topology, { source, sourceHandle, target, targetHandle });
      if (!check.ok) return check;
      const edge = planEdge(topology, check);
      commit({ ...topology, edges: [...topology.edges, edge] });
      return { ok: true, edgeId: edge.id };
    },
    // Typing in one field edits the document per keystroke: one undo step per field, not per key.
    updateNode: (id, patch) => commit(ops.updateNode(get().topology, id, patch), `node:${id}:${Object.keys(patch).sort().join(',')}`),
    updateEdge: (id, patch) => commit(ops.updateEdge(get().topology, id, patch), `edge:${id}:${Object.keys(patch).sort().join(',')}`),
    setDocumentInfo: (info) => commit({ ...get().topology, ...info }, 'info'),
    newTopology: () => {
      stopForAnotherDocument();
      const fresh = ops.emptyTopology();
      commit(fresh, undefined, true);
      set({ saved: fresh, fileName: undefined, selection: { nodes: [], edges: [] }, openedSeq: get().openedSeq + 1 });
    },
    loadTopology: (doc, fileName) => {
      const loaded = loadTopology(doc);
      if (!loaded.topology) return { ok: false, diagnostics: loaded.diagnostics };
      stopForAnotherDocument();
      commit(loaded.topology, undefined, true);
      set({ saved: loaded.topology, fileName, selection: { nodes: [], edges: [] }, openedSeq: get().openedSeq + 1 });
      return { ok: true };
    },
    markSaved: (fileName) => set({ saved: get().topology, fileName: fileName ?? get().fileName }),
    recover: (topology, saved, fileName) =>
      set({ topology, saved: saved ? topology : ops.emptyTopology(), fileName, past: [], future: [], coalesceKey: undefined, openedSeq: get().openedSeq + 1 }),
    followRunningTopology: (next) => {
      commit(next, undefined, true);
      pruneSelection();
    },
    undo: () => {
      const { past, future, topology } = get();
      const prev = past[past.length - 1];
      if (!prev || locked(prev)) return;
      set({ topology: prev, past: past.slice(0, -1), future: [topology, ...future], coalesceKey: undefined });
      pruneSelection();
    },
    redo: () => {
      const { past, future, topology } = get();
      const next = future[0];
      if (!next || locked(next)) return;
      set({ topology: next, past: [...past, topology], future: future.slice(1), coalesceKey: undefined });
      pruneSelection();
    },
  };
};
