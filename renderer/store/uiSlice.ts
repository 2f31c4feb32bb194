/** View state: theme, overlays, the status line and requests to centre the canvas on something. */
import type { Pattern } from '../../shared/patterns';
import type { SliceCreator } from './types';

export type Theme = 'light' | 'dark';
export type Overlay = 'none' | 'help' | 'examples' | 'export-code';

export interface Notice {
  text: string;
  kind: 'error' | 'info';
  seq: number;
}

/** A request to centre the canvas on a node or edge; `seq` makes a repeated click count again. */
export interface FocusRequest {
  nodeId?: string;
  edgeId?: string;
  seq: number;
}

export interface UiSlice {
  theme: Theme;
  showDrafts: boolean;
  overlay: Overlay;
  notice?: Notice;
  focus?: FocusRequest;
  /** The teaching view: only handles of this pattern light up and connect. */
  patternTool?: Pattern;
  setPatternTool(pattern: Pattern | undefined): void;
  setTheme(theme: Theme): void;
  toggleDrafts(): void;
  setOverlay(overlay: Overlay): void;
  notify(text: string, kind?: Notice['kind']): void;
  clearNotice(): void;
  /** Selects the node or edge and asks the canvas to centre on it. */
  focusOn(target: { nodeId?: string; edgeId?: string }): void;
}

let seq = 0;

export const createUiSlice: SliceCreator<UiSlice> = (set) => ({
  theme: 'light',
  showDrafts: false,
  overlay: 'none',
  setTheme: (theme) => set({ theme }),
  setPatternTool: (patternTool) => set({ patternTool }),
  toggleDrafts: () => set((s) => ({ showDrafts: !s.showDrafts })),
  setOverlay: (overlay) => set({ overlay }),
  notify: (text, kind = 'info') => set({ notice: { text, kind, seq: ++seq } }),
  clearNotice: () => set({ notice: undefined }),
  focusOn: ({ nodeId, edgeId }) =>
    set({
      focus: { nodeId, edgeId, seq: ++seq },
      selection: { nodes: nodeId ? [nodeId] : [], edges: edgeId ? [edgeId] : [] },
    }),
});
