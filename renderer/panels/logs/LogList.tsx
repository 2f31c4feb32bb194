import { memo, useCallback, useLayoutEffect, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { appStore } from '../../store/appStore';
import type { LogLine } from '../../store/traceSlice';

const ROW_HEIGHT = 20;
/** Within this many px of the bottom counts as "at the bottom": the list keeps following. */
const STICK_SLACK = 8;

interface RowProps {
  line: LogLine;
  label: string;
  known: boolean;
}

const LogRow = memo(function LogRow({ line, label, known }: RowProps) {
  return (
    <>
      <span className="zs-log-t">{line.source === 'error' ? '' : `${line.t.toFixed(1)} ms`}</span>
      {known ? (
        <button type="button" className="zs-log-node" title={`select ${label} on the canvas`} onClick={() => appStore.getState().focusOn({ nodeId: line.node })}>
          [{label}]
        </button>
      ) : (
        <span className="zs-log-node">[{label}]</span>
      )}
      <span className="zs-log-text">
        {line.port ? <span className="zs-log-port">{line.port} </span> : null}
        {line.line}
      </span>
    </>
  );
});

interface Props {
  lines: readonly LogLine[];
  labels: ReadonlyMap<string, string>;
}

/**
 * The console: virtualised (5,000 lines cost a screenful of rows), newest last, following new
 * lines unless the user scrolled up to read; a button brings them back to the newest.
 */
export const LogList = memo(function LogList({ lines, labels }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const stick = useRef(true);
  const [following, setFollowing] = useState(true);
  const virtualizer = useVirtualizer({
    count: lines.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });

  const onScroll = useCallback(() => {
    const el = scroller.current;
    if (!el) return;
    const atBottom = el.scrollTop + el.clientHeight >= el.scrollHeight - STICK_SLACK;
    stick.current = atBottom;
    setFollowing(atBottom);
  }, []);

  useLayoutEffect(() => {
    if (stick.current && lines.length > 0) virtualizer.scrollToIndex(lines.length - 1, { align: 'end' });
  }, [lines, virtualizer]);

  const toNewest = useCallback(() => {
    stick.current = true;
    setFollowing(true);
    virtualizer.scrollToIndex(lines.length - 1, { align: 'end' });
  }, [lines.length, virtualizer]);

  return (
    <div className="zs-log-wrap">
      <div className="zs-log-scroll" ref={scroller} onScroll={onScroll} data-testid="log-lines" role="log" aria-live="off">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((row) => {
            const line = lines[row.index];
            return (
              <div key={row.index} className={`zs-log-row zs-log-${line.level} zs-log-src-${line.source}`} data-testid="log-line" data-node={line.node}
                style={{ transform: `translateY(${row.start}px)`, height: ROW_HEIGHT }}>
                <LogRow line={line} label={labels.get(line.node) ?? line.node} known={labels.has(line.node)} />
              </div>
            );
          })}
        </div>
      </div>
      {!following && lines.length > 0 ? (
        <button type="button" className="zs-log-newest" onClick={toNewest} data-testid="log-newest">
          ↓ newest
        </button>
      ) : null}
    </div>
  );
});
