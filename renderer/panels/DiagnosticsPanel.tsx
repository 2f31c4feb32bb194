import { memo } from 'react';
import type { Diagnostic } from '../../shared/diagnostics';
import { appStore, useAppStore } from '../store/appStore';
import { selectDiagnostics } from '../store/selectors';

/** A finding about an edge often names a node too; the edge is the more precise place. */
function open(d: Diagnostic): void {
  if (d.edgeId) appStore.getState().focusOn({ edgeId: d.edgeId });
  else if (d.nodeId) appStore.getState().focusOn({ nodeId: d.nodeId });
}

/** Live validate() results; a click selects and centres the node or edge concerned. */
export const DiagnosticsPanel = memo(function DiagnosticsPanel() {
  const diagnostics = useAppStore(selectDiagnostics);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return (
    <section className="zs-panel zs-diagnostics" aria-label="Diagnostics" data-testid="diagnostics">
      <h2>
        Diagnostics{' '}
        <span className={`zs-count ${errors > 0 ? 'zs-count-error' : diagnostics.length > 0 ? 'zs-count-warning' : 'zs-count-ok'}`}>
          {diagnostics.length === 0 ? 'ok' : `${errors} errors, ${diagnostics.length - errors} warnings`}
        </span>
      </h2>
      {diagnostics.length === 0 ? (
        <p className="zs-muted">No problems: this topology can run.</p>
      ) : (
        <ul className="zs-diag-list">
          {diagnostics.map((d, i) => (
            <li key={`${d.code}-${d.nodeId ?? ''}-${d.edgeId ?? ''}-${i}`}>
              <button type="button" className={`zs-diag zs-diag-${d.severity}`} onClick={() => open(d)} data-code={d.code} data-node={d.nodeId} data-edge={d.edgeId}>
                <span className="zs-diag-sev">{d.severity}</span>
                <span className="zs-diag-where">{d.edgeId ? `edge ${d.edgeId}` : d.nodeId ? d.nodeId : (d.field ?? '')}</span>
                <span className="zs-diag-msg">{d.message}</span>
                {d.hint && <span className="zs-diag-hint">{d.hint}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
});
