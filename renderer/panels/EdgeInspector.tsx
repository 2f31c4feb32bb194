import { memo } from 'react';
import type { Edge } from '../../shared/topology';
import { PATTERN_TITLES } from '../../shared/patterns';
import { parseEndpoint } from '../../shared/validate';
import { appStore, useAppStore } from '../store/appStore';
import type { EdgePatch } from '../store/docOps';
import { nextFreeEndpoint } from '../store/wiring';
import { Field, SelectField } from './Field';
import { FaultControls } from './FaultControls';

type Transport = 'tcp' | 'ipc' | 'inproc' | 'other';

function transportOf(endpoint: string): Transport {
  const scheme = endpoint.slice(0, Math.max(0, endpoint.indexOf('://')));
  return scheme === 'tcp' || scheme === 'ipc' || scheme === 'inproc' ? scheme : 'other';
}

/** A fresh endpoint on another transport, named after the edge so it is unique and readable. */
function endpointFor(transport: Transport, edge: Edge): string {
  const t = appStore.getState().topology;
  if (transport === 'ipc') return `ipc:///tmp/zmq-studio-${edge.id}.ipc`;
  if (transport === 'inproc') return `inproc://${edge.id}`;
  return nextFreeEndpoint({ ...t, edges: t.edges.filter((e) => e.id !== edge.id) });
}

const nameOf = (id: string, port?: string) => (port ? `${id}.${port}` : id);

/** An edge: its endpoint (checked as libzmq would parse it), transport, bind side and label. */
export const EdgeInspector = memo(function EdgeInspector({ edge }: { edge: Edge }) {
  const update = (patch: EdgePatch) => appStore.getState().updateEdge(edge.id, patch);
  const transport = transportOf(edge.endpoint);
  const source = nameOf(edge.source, edge.sourcePort);
  const target = nameOf(edge.target, edge.targetPort);
  const shared = useAppStore((s) => s.topology.edges.filter((e) => e.endpoint === edge.endpoint).length);
  return (
    <div className="zs-inspector-body" data-testid="edge-inspector">
      <div className="zs-inspector-title">
        edge <code>{edge.id}</code>
      </div>
      <div className={`zs-pattern-pill pattern-${edge.pattern}`}>{PATTERN_TITLES[edge.pattern]}</div>
      <div className="zs-kv">
        {source} → {target}
      </div>
      <Field label="endpoint" value={edge.endpoint} testId="edge-endpoint"
        help={shared > 1 ? `shared by ${shared} edges: the binding socket binds it once` : 'where the two sockets meet'}
        validate={(t) => {
          const p = parseEndpoint(t, 'bind');
          return typeof p === 'string' ? p : undefined;
        }}
        onCommit={(endpoint) => update({ endpoint })} />
      <SelectField<Transport> label="transport" value={transport} testId="edge-transport"
        options={[
          { value: 'tcp', label: 'tcp (loopback)' },
          { value: 'ipc', label: 'ipc (Unix socket file)' },
          { value: 'inproc', label: 'inproc (inside the engine)' },
          ...(transport === 'other' ? [{ value: 'other' as const, label: 'other' }] : []),
        ]}
        onChange={(t) => t !== 'other' && t !== transport && update({ endpoint: endpointFor(t, edge) })} />
      <SelectField<Edge['bind']> label="binds" value={edge.bind} testId="edge-bind"
        options={[{ value: 'source', label: `${source} binds, ${target} connects` }, { value: 'target', label: `${target} binds, ${source} connects` }]}
        onChange={(bind) => update({ bind })} />
      <Field label="connect delay (ms)" value={edge.connectDelayMs === undefined ? '' : String(edge.connectDelayMs)} placeholder="none"
        help="the connecting end joins late (shows the slow joiner)"
        validate={(t) => (t.trim() === '' || (/^\d+$/.test(t.trim()) && Number(t) <= 3_600_000) ? undefined : 'whole milliseconds, 0 to 3600000')}
        onCommit={(t) => update({ connectDelayMs: t.trim() === '' ? undefined : Number(t) })} />
      <Field label="label" value={edge.label ?? ''} validate={(t) => (t.length > 200 ? 'at most 200 characters' : undefined)}
        onCommit={(t) => update({ label: t === '' ? undefined : t })} />
      <FaultControls edge={edge.id} />
    </div>
  );
});
