import { memo } from 'react';
import type { ReactNode } from 'react';
import { EXAMPLES } from '../../shared/examples';
import { appStore, useAppStore } from '../store/appStore';
import { SHORTCUTS } from './shortcuts';
import { listRecent } from '../store/recent';
import type { RecentFile } from '../store/recent';
import { ExportCodeBody } from './ExportCodeDialog';

function Dialog(props: { title: string; testId: string; children: ReactNode }) {
  const close = () => appStore.getState().setOverlay('none');
  return (
    <div className="zs-overlay" onClick={close}>
      <div className="zs-dialog" role="dialog" aria-label={props.title} data-testid={props.testId} onClick={(e) => e.stopPropagation()}>
        <header>
          <h2>{props.title}</h2>
          <button type="button" className="zs-icon-button" onClick={close} aria-label="close">
            ✕
          </button>
        </header>
        {props.children}
      </div>
    </div>
  );
}

function openExample(id: string): void {
  const example = EXAMPLES.find((e) => e.id === id);
  if (!example) return;
  const s = appStore.getState();
  const result = s.loadTopology(example.topology);
  s.setOverlay('none');
  s.notify(result.ok ? `opened example "${id}"` : `example ${id} did not load`, result.ok ? 'info' : 'error');
}

function openRecent(file: RecentFile): void {
  const s = appStore.getState();
  const result = s.loadTopology(file.topology, file.fileName);
  s.setOverlay('none');
  s.notify(result.ok ? `opened ${file.fileName}` : `${file.fileName} no longer loads`, result.ok ? 'info' : 'error');
}

/** The built-in examples, and the files opened or saved lately: one click opens any of them. */
const ExamplesGallery = memo(function ExamplesGallery() {
  const recent = listRecent(localStorage);
  return (
    <Dialog title="Open an example or a recent file" testId="examples">
      {recent.length > 0 && (
        <>
          <h3>Recent files</h3>
          <ul className="zs-recent">
            {recent.map((f) => (
              <li key={f.fileName}>
                <button type="button" onClick={() => openRecent(f)} data-testid={`recent-${f.fileName}`}>
                  <code>{f.fileName}</code> <span className="zs-muted">{f.name} · {new Date(f.at).toLocaleString()}</span>
                </button>
              </li>
            ))}
          </ul>
          <h3>Examples</h3>
        </>
      )}
      <ul className="zs-examples">
        {EXAMPLES.map((e) => (
          <li key={e.id}>
            <button type="button" onClick={() => openExample(e.id)} data-testid={`example-${e.id}`}>
              <strong>{e.topology.name ?? e.id}</strong>
              <span className="zs-muted">{e.topology.description}</span>
              <span className="zs-example-meta">
                {e.topology.nodes.length} nodes · {e.topology.edges.length} edges
              </span>
            </button>
          </li>
        ))}
      </ul>
    </Dialog>
  );
});

const HelpOverlay = memo(function HelpOverlay() {
  return (
    <Dialog title="Keyboard shortcuts" testId="help">
      <table className="zs-shortcuts">
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.keys}>
              <td>
                <kbd>{s.keys}</kbd>
              </td>
              <td>{s.what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="zs-muted">
        Draw an edge by dragging from one socket's handle to another's. Only compatible socket types connect; the status line says why a pair is refused.
      </p>
    </Dialog>
  );
});

export const Overlays = memo(function Overlays() {
  const overlay = useAppStore((s) => s.overlay);
  if (overlay === 'examples') return <ExamplesGallery />;
  if (overlay === 'help') return <HelpOverlay />;
  if (overlay === 'export-code')
    return (
      <Dialog title="Export code" testId="export-code">
        <ExportCodeBody />
      </Dialog>
    );
  return null;
});
