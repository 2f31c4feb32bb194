import { memo, useMemo, useState } from 'react';
import { appStore, useAppStore } from '../../store/appStore';
import { displayName } from '../../../shared/topology';
import type { AppState } from '../../store/types';
import { useThrottledValue } from '../charts/useThrottledValue';
import { RunProblems } from './RunProblems';
import { LogList } from './LogList';
import type { LogLevel, LogSource } from './filterLogs';
import { ALL_SOURCES, filterLogs } from './filterLogs';

/** Lines arrive per event group (every 16 ms in a flood); the console catches up ten times a second. */
const LOG_REFRESH_MS = 100;
const selectLogs = (s: AppState) => s.logs;

const SOURCE_LABELS: Record<LogSource, string> = { log: 'behaviour', monitor: 'socket events', error: 'errors' };

/** The node consoles: one node's lines or all of them, filterable, with the run's problems on top. */
export const LogsPanel = memo(function LogsPanel() {
  const logs = useThrottledValue(selectLogs, LOG_REFRESH_MS);
  const nodes = useAppStore((s) => s.topology.nodes);
  const node = useAppStore((s) => s.logNode);
  const [minLevel, setMinLevel] = useState<LogLevel>('info');
  const [sources, setSources] = useState<readonly LogSource[]>(ALL_SOURCES);
  const [text, setText] = useState('');

  const labels = useMemo(() => new Map(nodes.map((n) => [n.id, displayName(n)])), [nodes]);
  const shown = useMemo(() => filterLogs(logs, { node, minLevel, sources, text }, labels), [logs, node, minLevel, sources, text, labels]);
  const toggle = (s: LogSource) => setSources((cur) => (cur.includes(s) ? cur.filter((x) => x !== s) : [...cur, s]));

  return (
    <div className="zs-logs" data-testid="logs-panel">
      <RunProblems labels={labels} />
      <div className="zs-panel-tools">
        <select className="zs-input zs-pt-narrow" value={node} onChange={(e) => appStore.getState().setLogNode(e.target.value)} data-testid="log-node" aria-label="node">
          <option value="">all nodes</option>
          {nodes.map((n) => (
            <option key={n.id} value={n.id}>
              {displayName(n)}
            </option>
          ))}
        </select>
        <select className="zs-input zs-pt-narrow" value={minLevel} onChange={(e) => setMinLevel(e.target.value as LogLevel)} data-testid="log-level" aria-label="lowest level">
          <option value="info">all levels</option>
          <option value="warn">warnings +</option>
          <option value="error">errors only</option>
        </select>
        {ALL_SOURCES.map((s) => (
          <label key={s} className="zs-pt-check">
            <input type="checkbox" checked={sources.includes(s)} onChange={() => toggle(s)} data-testid={`log-source-${s}`} /> {SOURCE_LABELS[s]}
          </label>
        ))}
        <input className="zs-input zs-pt-grow" type="search" placeholder="filter text…" value={text} onChange={(e) => setText(e.target.value)} data-testid="log-filter" aria-label="filter text" />
        <span className="zs-muted zs-pt-nowrap" data-testid="log-count">
          {shown.length === logs.length ? `${logs.length.toLocaleString('en-US')} lines` : `${shown.length.toLocaleString('en-US')} of ${logs.length.toLocaleString('en-US')} lines`}
        </span>
      </div>
      {logs.length === 0 ? <p className="zs-muted zs-pt-empty">No lines yet: press Run to see what every node says.</p> : <LogList lines={shown} labels={labels} />}
    </div>
  );
});
