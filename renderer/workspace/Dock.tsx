import { memo, useCallback, useRef, useState } from 'react';
import type { PointerEvent as ReactPointerEvent } from 'react';
import { appStore, useAppStore } from '../store/appStore';
import { selectDiagnostics } from '../store/selectors';
import type { DockTab } from '../store/traceViewSlice';
import { DiagnosticsPanel } from '../panels/DiagnosticsPanel';
import { LogsPanel } from '../panels/logs/LogsPanel';
import { TracePanel } from '../panels/trace/TracePanel';
import { RoutePanel } from '../panels/route/RoutePanel';
import { ChartsPanel } from '../panels/charts/ChartsPanel';
import { HopsPanel } from '../panels/hops/HopsPanel';
import { LessonsPanel } from '../panels/lessons/LessonsPanel';

const TABS: readonly { id: DockTab; label: string }[] = [
  { id: 'lessons', label: 'Lessons' },
  { id: 'diagnostics', label: 'Diagnostics' },
  { id: 'logs', label: 'Logs' },
  { id: 'trace', label: 'Trace' },
  { id: 'hops', label: 'Hops' },
  { id: 'route', label: 'Route' },
  { id: 'charts', label: 'Charts' },
];

const MIN_HEIGHT = 120;
const DEFAULT_HEIGHT = 260;

/** A small count beside a tab's name: diagnostics found, trace records held. */
const TabCount = memo(function TabCount({ tab }: { tab: DockTab }) {
  const text = useAppStore((s) => {
    if (tab === 'diagnostics') {
      const d = selectDiagnostics(s);
      const errors = d.filter((x) => x.severity === 'error').length + s.runDiagnostics.filter((x) => x.severity === 'error').length;
      return errors > 0 ? String(errors) : '';
    }
    if (tab === 'trace') return s.traceVersion >= 0 && s.trace.size > 0 ? s.trace.size.toLocaleString('en-US') : '';
    if (tab === 'logs') return s.runErrors.length > 0 ? `${s.runErrors.length} !` : '';
    return '';
  });
  return text ? <span className={`zs-tab-count${tab === 'diagnostics' || tab === 'logs' ? ' zs-tab-count-error' : ''}`}>{text}</span> : null;
});

function Body({ tab }: { tab: DockTab }) {
  switch (tab) {
    case 'diagnostics':
      return <DiagnosticsPanel />;
    case 'logs':
      return <LogsPanel />;
    case 'trace':
      return <TracePanel />;
    case 'hops':
      return <HopsPanel />;
    case 'lessons':
      return <LessonsPanel />;
    case 'route':
      return <RoutePanel />;
    case 'charts':
      return <ChartsPanel />;
  }
}

/** The panels under the canvas, one tab at a time; drag the top edge to resize. */
export const Dock = memo(function Dock() {
  const tab = useAppStore((s) => s.dockTab);
  const [height, setHeight] = useState(DEFAULT_HEIGHT);
  const drag = useRef<{ y: number; h: number } | undefined>(undefined);
  const onDown = useCallback(
    (e: ReactPointerEvent) => {
      drag.current = { y: e.clientY, h: height };
      (e.target as HTMLElement).setPointerCapture(e.pointerId);
    },
    [height],
  );
  const onMove = useCallback((e: ReactPointerEvent) => {
    const d = drag.current;
    if (!d) return;
    const max = Math.max(MIN_HEIGHT, window.innerHeight - 200);
    setHeight(Math.min(max, Math.max(MIN_HEIGHT, d.h + d.y - e.clientY)));
  }, []);
  const onUp = useCallback(() => (drag.current = undefined), []);
  return (
    <section className="zs-dock" style={{ height }} data-testid="dock">
      <div className="zs-dock-resize" onPointerDown={onDown} onPointerMove={onMove} onPointerUp={onUp} title="drag to resize" role="separator" aria-orientation="horizontal" />
      <div className="zs-dock-tabs" role="tablist">
        {TABS.map((t) => (
          <button key={t.id} type="button" role="tab" aria-selected={tab === t.id} className={`zs-dock-tab${tab === t.id ? ' active' : ''}`}
            data-testid={`tab-${t.id}`} onClick={() => appStore.getState().setDockTab(t.id)}>
            {t.label}
            <TabCount tab={t.id} />
          </button>
        ))}
      </div>
      <div className="zs-dock-body" role="tabpanel">
        <Body tab={tab} />
      </div>
    </section>
  );
});
