/** Named selectors over the combined state. */
import type { Diagnostic } from '../../shared/diagnostics';
import { validateTopology } from '../../shared/validate';
import type { Capabilities } from '../../shared/ipc';
import type { Edge, Topology, TopologyNode } from '../../shared/topology';
import type { AppState } from './types';
import { sameExceptPositions } from './docOps';

let last: { topology: Topology; capabilities?: Capabilities; diagnostics: Diagnostic[] } | undefined;

/**
 * validate() of the current document, recomputed only when something the validator reads changed:
 * dragging a node changes only positions, so a drag does not re-validate on every frame.
 */
export function selectDiagnostics(state: AppState): Diagnostic[] {
  const { topology, capabilities } = state;
  if (last && last.capabilities === capabilities && sameExceptPositions(last.topology, topology)) {
    last = { ...last, topology };
    return last.diagnostics;
  }
  last = { topology, capabilities, diagnostics: validateTopology(topology, capabilities ?? {}) };
  return last.diagnostics;
}

export const selectDirty = (s: AppState): boolean => s.topology !== s.saved;
export const selectCanUndo = (s: AppState): boolean => s.past.length > 0;
export const selectCanRedo = (s: AppState): boolean => s.future.length > 0;

export function selectNode(s: AppState, id: string | undefined): TopologyNode | undefined {
  return id === undefined ? undefined : s.topology.nodes.find((n) => n.id === id);
}

export function selectEdge(s: AppState, id: string | undefined): Edge | undefined {
  return id === undefined ? undefined : s.topology.edges.find((e) => e.id === id);
}
