/** What is selected, kept apart from the document (React Flow's guidance: selection is view state). */
import type { SliceCreator } from './types';

export interface Selection {
  nodes: readonly string[];
  edges: readonly string[];
}

export interface SelectionChange {
  id: string;
  selected: boolean;
}

export interface SelectionSlice {
  selection: Selection;
  select(selection: Partial<Selection>): void;
  /** Applies React Flow's select/deselect changes. */
  applySelectionChanges(nodes: readonly SelectionChange[], edges: readonly SelectionChange[]): void;
  selectAll(): void;
  clearSelection(): void;
}

const EMPTY: Selection = { nodes: [], edges: [] };

function apply(current: readonly string[], changes: readonly SelectionChange[]): readonly string[] {
  if (changes.length === 0) return current;
  const set = new Set(current);
  for (const c of changes) {
    if (c.selected) set.add(c.id);
    else set.delete(c.id);
  }
  return [...set];
}

export const createSelectionSlice: SliceCreator<SelectionSlice> = (set, get) => ({
  selection: EMPTY,
  select: (s) => set({ selection: { nodes: s.nodes ?? [], edges: s.edges ?? [] } }),
  applySelectionChanges: (nodes, edges) => {
    const { selection } = get();
    const next = { nodes: apply(selection.nodes, nodes), edges: apply(selection.edges, edges) };
    if (next.nodes !== selection.nodes || next.edges !== selection.edges) set({ selection: next });
  },
  selectAll: () => {
    const { topology } = get();
    set({ selection: { nodes: topology.nodes.map((n) => n.id), edges: topology.edges.map((e) => e.id) } });
  },
  clearSelection: () => set({ selection: EMPTY }),
});
