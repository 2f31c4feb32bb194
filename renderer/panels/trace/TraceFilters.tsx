import { memo, useEffect, useMemo, useRef, useState } from 'react';
import type { ChangeEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { PATTERN_TITLES } from '../../../shared/patterns';
import type { Pattern } from '../../../shared/patterns';
import type { Direction } from '../../../shared/trace';
import { displayName } from '../../../shared/topology';
import { appStore, useAppStore } from '../../store/appStore';
import type { TraceFilter } from '../../store/traceViewSlice';
import { isFiltering, regexError } from './filter';

/** Typing in the payload box re-filters after this pause (a regex scan of 200,000 previews is not free). */
const TEXT_DELAY_MS = 150;

function patch(p: Partial<TraceFilter>): void {
  const s = appStore.getState();
  const next: TraceFilter = { ...s.traceFilter, ...p };
  for (const k of Object.keys(next) as (keyof TraceFilter)[]) if (next[k] === undefined || next[k] === '') delete next[k];
  s.setTraceFilter(next);
}

const pick = (e: ChangeEvent<HTMLSelectElement>): string | undefined => e.target.value || undefined;

/** Node, edge, pattern, direction and payload filters over the trace table. */
export const TraceFilters = memo(function TraceFilters() {
  const filter = useAppStore((s) => s.traceFilter);
  const { nodes, edges } = useAppStore(useShallow((s) => ({ nodes: s.topology.nodes, edges: s.topology.edges })));
  const patterns = useMemo(() => [...new Set(edges.map((e) => e.pattern))], [edges]);
  const [text, setText] = useState(filter.text ?? '');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // A filter set elsewhere (cleared, or picked by another view) shows in the box.
  useEffect(() => setText(filter.text ?? ''), [filter.text]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const onText = (value: string): void => {
    setText(value);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => patch({ text: value }), TEXT_DELAY_MS);
  };
  const error = filter.regex && text !== '' ? regexError(text) : undefined;

  return (
    <div className="zs-trace-filters" role="search" aria-label="Trace filters">
      <select value={filter.node ?? ''} onChange={(e) => patch({ node: pick(e) })} data-testid="trace-filter-node" aria-label="node">
        <option value="">all nodes</option>
        {nodes.map((n) => (
          <option key={n.id} value={n.id}>
            {displayName(n)}
          </option>
        ))}
      </select>
      <select value={filter.edge ?? ''} onChange={(e) => patch({ edge: pick(e) })} data-testid="trace-filter-edge" aria-label="edge">
        <option value="">all edges</option>
        {edges.map((e) => (
          <option key={e.id} value={e.id}>
            {e.id}
          </option>
        ))}
      </select>
      <select value={filter.pattern ?? ''} onChange={(e) => patch({ pattern: pick(e) as Pattern | undefined })} data-testid="trace-filter-pattern" aria-label="pattern">
        <option value="">all patterns</option>
        {patterns.map((p) => (
          <option key={p} value={p}>
            {PATTERN_TITLES[p]}
          </option>
        ))}
      </select>
      <select value={filter.dir ?? ''} onChange={(e) => patch({ dir: pick(e) as Direction | undefined })} data-testid="trace-filter-dir" aria-label="direction">
        <option value="">out and in</option>
        <option value="out">→ out (sent)</option>
        <option value="in">← in (received)</option>
      </select>
      <span className={`zs-trace-search${error ? ' invalid' : ''}`}>
        <input
          type="search"
          value={text}
          onChange={(e) => onText(e.target.value)}
          placeholder={filter.regex ? 'payload regex, e.g. msg [13]$' : 'payload text'}
          title="matched against each record's preview (the first 48 bytes of its body)"
          aria-invalid={error !== undefined}
          spellCheck={false}
          data-testid="trace-filter-text"
        />
        <label title="treat the text as a regular expression (case-insensitive)">
          <input type="checkbox" checked={filter.regex ?? false} onChange={(e) => patch({ regex: e.target.checked || undefined })} data-testid="trace-filter-regex" />
          .*
        </label>
      </span>
      {isFiltering(filter) && (
        <button type="button" className="zs-link" onClick={() => {
            clearTimeout(timer.current);
            appStore.getState().setTraceFilter({});
          }} data-testid="trace-filter-clear">
          clear
        </button>
      )}
      {error && (
        <span className="zs-trace-error" role="alert" data-testid="trace-filter-error">
          invalid regular expression: {error} (payload filter ignored)
        </span>
      )}
    </div>
  );
});
