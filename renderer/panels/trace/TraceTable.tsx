import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import type { KeyboardEvent as ReactKeyboardEvent, MouseEvent as ReactMouseEvent, WheelEvent as ReactWheelEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { displayName } from '../../../shared/topology';
import { decoderOf } from './decode';
import { appStore, useAppStore } from '../../store/appStore';
import { edgePatterns } from './filter';
import type { TraceFeed } from './traceFeed';
import { ROW_HEIGHT, TraceRow } from './TraceRow';
import { useVisibleFrames } from './useVisibleFrames';

const rowSize = (): number => ROW_HEIGHT;

const HEADERS = ['time (ms)', 'node', 'dir', 'edge', 'frames', 'bytes', 'preview', 'msg ← cause'];

export interface TraceTableProps {
  feed: TraceFeed;
  /** The user paused scrolling: reaching the bottom does not follow again. */
  scrollPaused: boolean;
}

/** Selects a record from the table: the user is reading, so the table stops following. */
function select(seq: number, msg: number): void {
  const s = appStore.getState();
  s.selectRecord(seq, msg);
  s.setFollowTail(false);
}

/**
 * The trace as a virtual table: rows exist only for the visible window and read the ring's
 * columns. It follows the newest record until the user scrolls up; while it does not follow, a
 * batch that drops old records scrolls it up by as many rows, so what the user reads stays put.
 */
export const TraceTable = memo(function TraceTable({ feed, scrollPaused }: TraceTableProps) {
  const rows = useSyncExternalStore(feed.subscribeRows, feed.getRows);
  const followTail = useAppStore((s) => s.followTail);
  const selectedSeq = useAppStore((s) => s.selectedSeq);
  const held = useAppStore((s) => s.traceVersion >= 0 && s.trace.size > 0);
  const nodes = useAppStore((s) => s.topology.nodes);
  const edges = useAppStore((s) => s.topology.edges);
  const names = useMemo(() => new Map(nodes.map((n) => [n.id, displayName(n)])), [nodes]);
  const patterns = useMemo(() => edgePatterns(edges), [edges]);
  const decoders = useMemo(() => new Map(nodes.map((n) => [n.id, decoderOf(n)])), [nodes]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const lastTop = useRef(0);
  const paused = useRef(scrollPaused);
  useLayoutEffect(() => {
    paused.current = scrollPaused;
  }, [scrollPaused]);
  /** The last record the table itself selected: already in view, no need to scroll to it. */
  const picked = useRef<number | undefined>(undefined);

  const virtualizer = useVirtualizer({ count: rows.count, getScrollElement: () => scrollRef.current, estimateSize: rowSize, overscan: 10 });
  const frames = useVisibleFrames(feed, virtualizer.range, decoders);

  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const shift = feed.takeShift();
    if (followTail) el.scrollTop = el.scrollHeight;
    else if (shift > 0) el.scrollTop = Math.max(0, el.scrollTop - shift * ROW_HEIGHT);
    lastTop.current = el.scrollTop;
  }, [rows, followTail, feed]);

  // A new run starts at its newest record, unless the user paused scrolling.
  const generation = useRef({ feed, n: rows.generation });
  useEffect(() => {
    const seen = generation.current;
    generation.current = { feed, n: rows.generation };
    if (seen.feed === feed && seen.n !== rows.generation && !paused.current) appStore.getState().setFollowTail(true);
  }, [feed, rows.generation]);

  // A record picked elsewhere (a cause link, the route view) is scrolled into view.
  useEffect(() => {
    if (selectedSeq === undefined || selectedSeq === picked.current) return;
    const row = feed.index.rowOfSeq(appStore.getState().trace, selectedSeq);
    const first = virtualizer.range?.startIndex ?? 0;
    const last = virtualizer.range?.endIndex ?? -1;
    if (row < 0 || (row >= first && row <= last)) return;
    appStore.getState().setFollowTail(false);
    virtualizer.scrollToIndex(row, { align: 'center' });
  }, [selectedSeq, feed, virtualizer]);

  const onScroll = useCallback(() => {
    const el = scrollRef.current;
    if (!el) return;
    const top = el.scrollTop;
    const atBottom = el.scrollHeight - el.clientHeight - top <= ROW_HEIGHT;
    const s = appStore.getState();
    if (s.followTail && top < lastTop.current - 2 && !atBottom) s.setFollowTail(false);
    else if (!s.followTail && !paused.current && atBottom && top > lastTop.current) s.setFollowTail(true);
    lastTop.current = top;
  }, []);

  // Scrolling up by wheel stops following at once: a refresh landing before the scroll event
  // would otherwise put the view back at the bottom.
  const onWheel = useCallback((e: ReactWheelEvent) => {
    if (e.deltaY < 0 && appStore.getState().followTail) appStore.getState().setFollowTail(false);
  }, []);

  const onClick = useCallback((e: ReactMouseEvent) => {
    const row = (e.target as HTMLElement).closest<HTMLElement>('[data-seq]');
    if (!row) return;
    picked.current = Number(row.dataset.seq);
    select(picked.current, Number(row.dataset.msg));
  }, []);

  const onKeyDown = useCallback(
    (e: ReactKeyboardEvent) => {
      if ((e.key === 'PageUp' || e.key === 'Home') && appStore.getState().followTail) appStore.getState().setFollowTail(false);
      if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
      e.preventDefault();
      const ring = appStore.getState().trace;
      const n = feed.index.count;
      if (n === 0) return;
      const seq = appStore.getState().selectedSeq;
      const at = seq === undefined ? -1 : feed.index.rowOfSeq(ring, seq);
      const next = at < 0 ? n - 1 : Math.max(0, Math.min(n - 1, at + (e.key === 'ArrowDown' ? 1 : -1)));
      const pos = feed.index.positionAt(ring, next);
      if (pos < 0) return;
      picked.current = ring.seqAt(pos);
      select(picked.current, ring.msgAt(pos));
      virtualizer.scrollToIndex(next, { align: 'auto' });
    },
    [feed, virtualizer],
  );

  const ring = appStore.getState().trace;
  const items = virtualizer.getVirtualItems();
  return (
    <div className="zs-trace-table" role="table" aria-label="Trace records" aria-rowcount={rows.count} data-testid="trace-table">
      <div className="zs-trace-head" role="row">
        {HEADERS.map((h) => (
          <span key={h} role="columnheader">
            {h}
          </span>
        ))}
      </div>
      <div ref={scrollRef} className="zs-trace-scroll" onScroll={onScroll} onWheel={onWheel} onClick={onClick} onKeyDown={onKeyDown} tabIndex={0} data-testid="trace-scroll">
        {rows.count === 0 && (
          <p className="zs-muted zs-trace-empty">{held ? 'No record matches the filter.' : 'No records yet: press Run and every send and receive appears here.'}</p>
        )}
        <div className="zs-trace-rows" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((v) => {
            const ordinal = feed.index.ordinalAt(v.index);
            const pos = ordinal - (ring.total - ring.size);
            const selected = selectedSeq !== undefined && pos >= 0 && pos < ring.size && ring.seqAt(pos) === selectedSeq;
            return <TraceRow key={`${rows.generation}:${ordinal}`} ordinal={ordinal} top={v.start} selected={selected} names={names} patterns={patterns} decoders={decoders} frames={frames} />;
          })}
        </div>
      </div>
    </div>
  );
});
