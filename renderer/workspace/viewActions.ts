/**
 * What the toolbar and the desktop menu do to the view of the canvas: auto-layout, fit, zoom and
 * image export. They need React Flow's instance, which lives inside React; the toolbar's hook
 * publishes it here so the menu (outside React) drives the very same functions. Also the rest of
 * what the menu needs from the real page (focus, dialogs, downloads, hiding the panels).
 */
import { useEffect, useMemo } from 'react';
import { useReactFlow } from '@xyflow/react';
import type { ReactFlowInstance } from '@xyflow/react';
import { appStore } from '../store/appStore';
import type { AppStore } from '../store/createAppStore';
import { exportImage } from './exportImage';
import { FILE_SUFFIX, fileNameFor } from './fileActions';
import { layoutLeftToRight } from './layout';
import type { NodeSize } from './layout';
import type { ShellApi } from '../../shared/menu';
import type { FileAccess } from './fileActions';
import type { MenuContext, ViewActions } from './menuCommands';

export type { ViewActions } from './menuCommands';

const FIT = { padding: 0.2, duration: 300, maxZoom: 1.25 } as const;

export function viewActions(flow: ReactFlowInstance, store: AppStore = appStore): ViewActions {
  const s = () => store.getState();
  return {
    autoLayout() {
      const sizes = new Map<string, NodeSize>();
      for (const n of flow.getNodes()) if (n.measured?.width && n.measured.height) sizes.set(n.id, { width: n.measured.width, height: n.measured.height });
      s().setPositions(layoutLeftToRight(s().topology, sizes));
      requestAnimationFrame(() => void flow.fitView(FIT));
    },
    fit: () => void flow.fitView(FIT),
    zoomIn: () => void flow.zoomIn({ duration: 150 }),
    zoomOut: () => void flow.zoomOut({ duration: 150 }),
    async exportAs(kind) {
      const base = fileNameFor(s().topology, s().fileName).replace(FILE_SUFFIX, '').replace(/\.json$/, '');
      // Only visible nodes are rendered: show them all while the image is taken, then go back.
      const viewport = flow.getViewport();
      await flow.fitView({ padding: 0.1 });
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      try {
        await exportImage(kind, flow.getNodes(), base);
      } catch (e) {
        s().notify(`export failed: ${(e as Error).message}`, 'error');
      } finally {
        await flow.setViewport(viewport);
      }
    },
  };
}

let published: ViewActions | undefined;

/** The view actions of the mounted canvas, for callers outside React (the desktop menu). */
export function currentViewActions(): ViewActions | undefined {
  return published;
}

/** The view actions of this React Flow instance, published while the calling component is mounted. */
export function useViewActions(): ViewActions {
  const flow = useReactFlow();
  const actions = useMemo(() => viewActions(flow), [flow]);
  useEffect(() => {
    published = actions;
    return () => {
      if (published === actions) published = undefined;
    };
  }, [actions]);
  return actions;
}

function typingInPage(): boolean {
  const el = document.activeElement as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);
}

const PANELS_STYLE = ':root[data-panels="hidden"] .zs-panel, :root[data-panels="hidden"] .zs-dock { display: none !important; }';

/** Hides the side panels and the dock (and shows them again): the whole window for the diagram. */
function togglePanelsInPage(): void {
  if (!document.getElementById('zs-panels-style')) {
    const style = document.createElement('style');
    style.id = 'zs-panels-style';
    style.textContent = PANELS_STYLE;
    document.head.append(style);
  }
  const root = document.documentElement;
  root.dataset.panels = root.dataset.panels === 'hidden' ? '' : 'hidden';
}

/** The context of the real page: its dialogs, focus, downloads and canvas. */
export function pageMenuContext(store: AppStore, files: FileAccess, shell: ShellApi | undefined, download: MenuContext['download']): MenuContext {
  return {
    store,
    files,
    view: currentViewActions,
    shell,
    typing: typingInPage,
    confirm: (question) => window.confirm(question),
    download,
    togglePanels: togglePanelsInPage,
  };
}
