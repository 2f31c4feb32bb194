/** How the run panels look at the trace: which record and message are picked, filters, the dock tab. */
import type { Direction } from '../../shared/trace';
import type { Pattern } from '../../shared/patterns';
import type { SliceCreator } from './types';

export type DockTab = 'lessons' | 'diagnostics' | 'logs' | 'trace' | 'hops' | 'route' | 'charts';

export interface TraceFilter {
  node?: string;
  edge?: string;
  pattern?: Pattern;
  dir?: Direction;
  /** Matched against the preview: plain text (case-insensitive), or a regular expression when `regex`. */
  text?: string;
  regex?: boolean;
}

export interface TraceViewSlice {
  dockTab: DockTab;
  /** The trace record the inspector shows (its seq). */
  selectedSeq?: number;
  /** The message whose route the route view shows and the canvas highlights. */
  routeMsg?: number;
  traceFilter: TraceFilter;
  /** The trace table follows new records; off = the user scrolled away, records keep arriving. */
  followTail: boolean;
  /** Node the logs panel shows ('' = all nodes). */
  logNode: string;
  setDockTab(tab: DockTab): void;
  /** Picks a record: the inspector shows it and the route view follows its message. */
  selectRecord(seq: number | undefined, msg?: number): void;
  setRouteMsg(msg: number | undefined): void;
  setTraceFilter(filter: TraceFilter): void;
  setFollowTail(follow: boolean): void;
  setLogNode(node: string): void;
}

export const createTraceViewSlice: SliceCreator<TraceViewSlice> = (set) => ({
  dockTab: 'diagnostics',
  traceFilter: {},
  followTail: true,
  logNode: '',
  setDockTab: (dockTab) => set({ dockTab }),
  selectRecord: (selectedSeq, msg) => set(msg === undefined ? { selectedSeq } : { selectedSeq, routeMsg: msg }),
  setRouteMsg: (routeMsg) => set({ routeMsg }),
  setTraceFilter: (traceFilter) => set({ traceFilter }),
  setFollowTail: (followTail) => set({ followTail }),
  setLogNode: (logNode) => set({ logNode }),
});
