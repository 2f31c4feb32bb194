/**
 * The page's live figures over the page's store, and the hooks that read one figure each: a
 * component re-renders only when its own figure changes (useSyncExternalStore on one key).
 */
import { useCallback, useSyncExternalStore } from 'react';
import { appStore } from '../../store/appStore';
import type { EdgeFigures, LivePhase, NodeFigures, PortStatuses } from './liveFigures';
import { PHASE_KEY, createLiveFigures, edgeKey, nodeKey, socketKey } from './liveFigures';

export const liveFigures = createLiveFigures(appStore);

function useKey<T>(key: string, read: () => T): T {
  const subscribe = useCallback((onChange: () => void) => liveFigures.subscribe(key, onChange), [key]);
  return useSyncExternalStore(subscribe, read);
}

export function useLivePhase(): LivePhase {
  return useKey(PHASE_KEY, liveFigures.phase);
}

export function useEdgeFigures(id: string): EdgeFigures | undefined {
  return useKey(edgeKey(id), () => liveFigures.edge(id));
}

export function useNodeFigures(id: string): NodeFigures | undefined {
  return useKey(nodeKey(id), () => liveFigures.node(id));
}

export function usePortStatuses(id: string): PortStatuses | undefined {
  return useKey(socketKey(id), () => liveFigures.sockets(id));
}
