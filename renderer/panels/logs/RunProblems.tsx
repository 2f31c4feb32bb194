import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { appStore, useAppStore } from '../../store/appStore';
import { formatDuration } from '../route/duration';

/** Lost messages listed by name; the rest are counted. */
const LOST_SHOWN = 5;
const ERRORS_SHOWN = 6;

function NodeLink({ id, labels }: { id: string; labels: ReadonlyMap<string, string> }) {
  const label = labels.get(id);
  if (label === undefined) return <span className="zs-log-node">[{id}]</span>;
  return (
    <button type="button" className="zs-log-node" onClick={() => appStore.getState().focusOn({ nodeId: id })} title={`select ${label} on the canvas`}>
      [{label}]
    </button>
  );
}

function showRoute(msg: number): void {
  const s = appStore.getState();
  s.setRouteMsg(msg);
  s.setDockTab('route');
}

/** The run's errors (with hints) and its lost messages, above the console: the first thing to read. */
export const RunProblems = memo(function RunProblems({ labels }: { labels: ReadonlyMap<string, string> }) {
  const { errors, lost } = useAppStore(useShallow((s) => ({ errors: s.runErrors, lost: s.lost })));
  if (errors.length === 0 && (!lost || lost.total === 0)) return null;
  return (
    <div className="zs-log-problems">
      {errors.length > 0 ? (
        <div className="zs-log-errors" data-testid="run-errors">
          <strong>
            {errors.length} error{errors.length === 1 ? '' : 's'}
          </strong>
          <ul>
            {errors.slice(-ERRORS_SHOWN).map((e, i) => (
              <li key={i}>
                {e.node ? <NodeLink id={e.node} labels={labels} /> : null}
                {e.edge && !e.node ? (
                  <button type="button" className="zs-log-node" onClick={() => appStore.getState().focusOn({ edgeId: e.edge })}>
                    [{e.edge}]
                  </button>
                ) : null}{' '}
                <code>{e.code}</code> {e.message}
                {e.hint ? <div className="zs-log-hint">{e.hint}</div> : null}
              </li>
            ))}
          </ul>
          {errors.length > ERRORS_SHOWN ? <span className="zs-muted">and {errors.length - ERRORS_SHOWN} earlier</span> : null}
        </div>
      ) : null}
      {lost && lost.total > 0 ? (
        <div className="zs-log-lost" data-testid="run-lost">
          <strong>
            {lost.total} message{lost.total === 1 ? '' : 's'} sent but never received
          </strong>
          <ul>
            {lost.messages.slice(0, LOST_SHOWN).map((m) => (
              <li key={`${m.msg}-${m.owedTo}`}>
                <button type="button" className="zs-linkish" onClick={() => showRoute(m.msg)} title="show its route">
                  #{m.msg}
                </button>{' '}
                at {formatDuration(m.t)} from <NodeLink id={m.node} labels={labels} />
                {m.owedTo ? (
                  <>
                    {' '}
                    owed to <NodeLink id={m.owedTo} labels={labels} />
                  </>
                ) : null}
                : <code>{m.preview}</code>
              </li>
            ))}
          </ul>
          {lost.total > LOST_SHOWN ? <span className="zs-muted">and {lost.total - LOST_SHOWN} more</span> : null}
        </div>
      ) : null}
    </div>
  );
});
