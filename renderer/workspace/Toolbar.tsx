import { memo, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { appStore, useAppStore } from '../store/appStore';
import { selectCanRedo, selectCanUndo, selectDirty } from '../store/selectors';
import { fileAccess, fileNameFor, openFile, openWithDialog, saveTopology } from './files';
import { useViewActions } from './viewActions';
import { RunControls } from './RunControls';
import { ReplayBar } from '../replay/ReplayBar';
import { TraceTools } from '../replay/TraceTools';

function confirmDiscard(): boolean {
  return !selectDirty(appStore.getState()) || window.confirm('Discard the unsaved changes of this topology?');
}

const ConnectionBadge = memo(function ConnectionBadge() {
  const { connection, detail, libzmq } = useAppStore(useShallow((s) => ({ connection: s.connection, detail: s.connectionDetail, libzmq: s.libzmq })));
  return (
    <span className={`zs-conn zs-conn-${connection}`} data-testid="connection" title={detail ?? 'engine connection'}>
      <span className="zs-dot" /> {connection}
      {connection === 'connected' && libzmq ? <span data-testid="libzmq"> · libzmq {libzmq}</span> : null}
    </span>
  );
});

/** File actions, editing actions, layout, theme, help, and the engine connection. */
export const Toolbar = memo(function Toolbar() {
  const view = useViewActions();
  const fileInput = useRef<HTMLInputElement>(null);
  const { name, fileName, dirty, canUndo, canRedo, theme } = useAppStore(
    useShallow((s) => ({ name: s.topology.name, fileName: s.fileName, dirty: selectDirty(s), canUndo: selectCanUndo(s), canRedo: selectCanRedo(s), theme: s.theme })),
  );
  const s = () => appStore.getState();
  const files = fileAccess();
  const open = () => {
    // The browser's file picker must open straight from the click; the question comes after.
    if (!files.open) return fileInput.current?.click();
    if (confirmDiscard()) void openWithDialog(appStore, files);
  };
  const saveAs = () => {
    // A native dialog asks for the name itself; a download needs it asked here.
    if (files.open) return void saveTopology(appStore, files, { saveAs: true });
    const name = window.prompt('Save as', fileNameFor(s().topology, s().fileName));
    if (name?.trim()) void saveTopology(appStore, files, { as: name, saveAs: true });
  };
  return (
    <header className="zs-toolbar">
      <span className="zs-brand">zmq-studio</span>
      <span className="zs-docname" title={fileNameFor(appStore.getState().topology, fileName)} data-testid="doc-name">
        {name}
        {dirty ? <span className="zs-dirty" title="unsaved changes"> ●</span> : null}
      </span>
      <RunControls />
      <ReplayBar />
      <TraceTools />
      <nav className="zs-actions">
        <button type="button" onClick={() => confirmDiscard() && s().newTopology()}>New</button>
        <button type="button" onClick={open}>Open…</button>
        <input ref={fileInput} type="file" accept=".json,application/json" hidden data-testid="open-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file && confirmDiscard()) void openFile(appStore, file);
          }} />
        <button type="button" onClick={() => void saveTopology(appStore, files)} data-testid="save" title="Ctrl+S">Save</button>
        <button type="button" onClick={saveAs} data-testid="save-as">Save as…</button>
        <button type="button" onClick={() => s().setOverlay('examples')} data-testid="open-examples" title="examples and recent files">Examples</button>
        <span className="zs-sep" />
        <button type="button" onClick={() => s().undo()} disabled={!canUndo} data-testid="undo" title="Ctrl+Z">Undo</button>
        <button type="button" onClick={() => s().redo()} disabled={!canRedo} data-testid="redo" title="Ctrl+Shift+Z">Redo</button>
        <button type="button" onClick={view.autoLayout} data-testid="layout" title="arrange left to right by message flow">Auto-layout</button>
        <button type="button" onClick={view.fit}>Fit</button>
        <span className="zs-sep" />
        <button type="button" onClick={() => void view.exportAs('png')} title="export the diagram as a PNG image">PNG</button>
        <button type="button" onClick={() => void view.exportAs('svg')} title="export the diagram as an SVG image">SVG</button>
        <button type="button" onClick={() => s().setOverlay('export-code')} data-testid="export-code-open" title="the topology as runnable Python or TypeScript programs, zipped">Export code…</button>
        <span className="zs-sep" />
        <button type="button" onClick={() => s().setTheme(theme === 'dark' ? 'light' : 'dark')} data-testid="theme" title="light / dark">
          {theme === 'dark' ? '☀ Light' : '☾ Dark'}
        </button>
        <button type="button" onClick={() => s().setOverlay('help')} title="keyboard shortcuts (?)">?</button>
      </nav>
      <ConnectionBadge />
    </header>
  );
});
