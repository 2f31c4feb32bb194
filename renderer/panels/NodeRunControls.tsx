import { memo, useState } from 'react';
import type { TopologyNode } from '../../shared/topology';
import { appStore, useAppStore } from '../store/appStore';
import { wholeNumberIn } from './numberField';
import { boundEndpointsOf } from '../store/taps';

/**
 * What can be done to a node while its run goes on: kill it as a crash would and restart it
 * (fault injection), tap an outside publisher, detach a node that was attached.
 */
export const NodeRunControls = memo(function NodeRunControls({ node }: { node: TopologyNode }) {
  const active = useAppStore((s) => s.runState === 'running' || s.runState === 'paused');
  if (!active) return null;
  if (node.kind === 'external') return node.socket === 'PUB' || node.socket === 'XPUB' ? <TapForm node={node} /> : null;
  return <LifeControls node={node} />;
});

const LifeControls = memo(function LifeControls({ node }: { node: TopologyNode }) {
  const killed = useAppStore((s) => s.killedNodes[node.id]);
  const attached = useAppStore((s) => s.attachedNodes.includes(node.id));
  const [after, setAfter] = useState('1000');
  const restartAfterMs = wholeNumberIn(after, 0, 600_000);
  const store = appStore.getState;
  return (
    <fieldset className="zs-faults" data-testid="node-life">
      <legend>Run</legend>
      {killed ? (
        <div className="zs-faults-row">
          <span className="zs-life-note">killed{killed.restartAfterMs !== undefined ? `: back in ${killed.restartAfterMs} ms` : ''}</span>
          <button type="button" onClick={() => void store().restartNode(node.id)}>
            restart now
          </button>
        </div>
      ) : (
        <>
          <div className="zs-faults-row">
            <button type="button" title="close its sockets at once, as a crash would; it stays down until restarted" onClick={() => void store().killNode(node.id)}>
              kill
            </button>
          </div>
          <label>
            kill, restart after <input className="zs-input" aria-label="restart after ms" value={after} onChange={(e) => setAfter(e.target.value)} size={6} /> ms
            <button type="button" disabled={restartAfterMs === undefined} title="0 to 600000 ms" onClick={() => void store().killNode(node.id, restartAfterMs)}>
              kill &amp; restart
            </button>
          </label>
        </>
      )}
      {attached && (
        <div className="zs-faults-row">
          <button type="button" title="close its sockets and take it out of the run and the document" onClick={() => void store().detachNode(node.id)}>
            detach
          </button>
        </div>
      )}
    </fieldset>
  );
});

const TapForm = memo(function TapForm({ node }: { node: TopologyNode }) {
  const endpoints = useAppStore((s) => boundEndpointsOf(s.topology, node.id).join('\n'));
  const [topics, setTopics] = useState('');
  const [endpoint, setEndpoint] = useState('');
  const at = endpoint.trim() || endpoints.split('\n')[0] || '';
  const tap = () => {
    const list = topics.split(',').map((t) => t.trim()).filter((t, i, all) => t !== '' || all.length === 1);
    void appStore.getState().tapExternal(node.id, list.length === 0 ? [''] : list, at || undefined);
  };
  return (
    <fieldset className="zs-faults" data-testid="tap-form">
      <legend>Tap</legend>
      <label>
        topics <input className="zs-input zs-wide" aria-label="tap topics" placeholder="all (or: news, weather)" value={topics} onChange={(e) => setTopics(e.target.value)} />
      </label>
      <label>
        at <input className="zs-input zs-wide" aria-label="tap endpoint" placeholder={endpoints.split('\n')[0] || 'tcp://127.0.0.1:5556'} value={endpoint} onChange={(e) => setEndpoint(e.target.value)} />
      </label>
      <div className="zs-faults-row">
        <button type="button" disabled={at === ''} title="attach a SUB to this program while the run goes on: it only listens" onClick={tap}>
          tap it
        </button>
      </div>
    </fieldset>
  );
});
