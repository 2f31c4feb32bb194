import { memo, useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { appStore, useAppStore } from '../../store/appStore';
import type { AppState } from '../../store/types';
import { displayName } from '../../../shared/topology';
import { useThrottledValue } from '../charts/useThrottledValue';
import { useRoute } from './useRoute';
import { findMessage, recentRoots } from './pick';
import { RouteDiagram } from './RouteDiagram';
import { formatDuration } from './duration';
import type { Route } from './route';

const RECENT = 200;
const selectVersion = (s: AppState) => s.traceVersion;

/** "client → server 2 → client": the nodes in the order the route visits them. */
function path(route: Route, labels: ReadonlyMap<string, string>): string {
  const names: string[] = [];
  for (const r of route.records) {
    const name = labels.get(r.node) ?? r.node;
    if (names[names.length - 1] !== name) names.push(name);
  }
  return names.join(' → ');
}

/** Type a message id or a payload, or pick one of the newest first sends. */
const Picker = memo(function Picker({ msg, labels }: { msg: number | undefined; labels: ReadonlyMap<string, string> }) {
  const [query, setQuery] = useState('');
  const [miss, setMiss] = useState(false);
  const version = useThrottledValue(selectVersion, 1000);
  const roots = useMemo(() => (version >= 0 ? recentRoots(appStore.getState().trace, RECENT) : []), [version]);
  const follow = (e: FormEvent) => {
    e.preventDefault();
    const found = findMessage(appStore.getState().trace, query);
    setMiss(found === undefined);
    if (found !== undefined) appStore.getState().setRouteMsg(found);
  };
  return (
    <form className="zs-panel-tools" onSubmit={follow}>
      <input className={`zs-input zs-pt-grow${miss ? ' zs-invalid' : ''}`} value={query} onChange={(e) => setQuery(e.target.value)} placeholder="message id (#7) or payload (msg 3)"
        aria-label="message to follow" data-testid="route-query" />
      <button type="submit" className="zs-icon-button" data-testid="route-follow">
        Follow
      </button>
      <select className="zs-input zs-pt-narrow" value={msg !== undefined && roots.some((r) => r.msg === msg) ? String(msg) : ''}
        onChange={(e) => e.target.value && appStore.getState().setRouteMsg(Number(e.target.value))} aria-label="recent messages" data-testid="route-recent">
        <option value="">recent messages…</option>
        {roots.map((r) => (
          <option key={r.msg} value={r.msg}>{`#${r.msg} ${labels.get(r.node) ?? r.node}: ${r.preview}`}</option>
        ))}
      </select>
      {miss ? <span className="zs-field-error">no such message in the trace</span> : null}
      {msg !== undefined ? (
        <button type="button" className="zs-icon-button" onClick={() => appStore.getState().setRouteMsg(undefined)} data-testid="route-clear" title="clear the route and its highlight">
          Clear
        </button>
      ) : null}
    </form>
  );
});

/** The route view: the picked message's whole route as a sequence diagram. */
export const RoutePanel = memo(function RoutePanel() {
  const { msg, route } = useRoute();
  const nodes = useAppStore((s) => s.topology.nodes);
  const edges = useAppStore((s) => s.topology.edges);
  const labels = useMemo(() => new Map(nodes.map((n) => [n.id, displayName(n)])), [nodes]);
  const patterns = useMemo(() => new Map(edges.map((e) => [e.id, e.pattern as string])), [edges]);
  const wire = route ? route.steps.filter((s) => s.kind === 'wire').length : 0;
  return (
    <div className="zs-route" data-testid="route-panel">
      <Picker msg={msg} labels={labels} />
      {msg === undefined ? (
        <p className="zs-muted zs-pt-empty">Pick a message: select a record in the Trace tab, type a message id or a payload above, or choose a recent one.</p>
      ) : !route ? (
        <p className="zs-muted zs-pt-empty">Message #{msg} is not in the trace (not yet arrived, or pushed out of the ring).</p>
      ) : (
        <>
          <p className="zs-route-summary" data-testid="route-summary">
            <strong>#{route.msg}</strong> <code>{route.records[0]?.preview}</code> · {path(route, labels)} · {wire} hop{wire === 1 ? '' : 's'} ·{' '}
            {route.roundTrip ? 'round trip' : 'total'} {formatDuration(route.total)}
            {route.partial ? <span className="zs-muted"> · starts before the oldest record held</span> : null}
            {route.truncated ? <span className="zs-muted"> · first {route.records.length} records only</span> : null}
          </p>
          <div className="zs-route-scroll">
            <RouteDiagram route={route} labels={labels} patterns={patterns} />
          </div>
        </>
      )}
    </div>
  );
});
