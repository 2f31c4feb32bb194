import { memo } from 'react';
import type { Pattern } from '../../../shared/patterns';
import type { TraceRecord } from '../../../shared/trace';
import { appStore } from '../../store/appStore';
import { wantsFrames } from './compact';
import type { Decoder } from './decode';
import { formatCount } from './format';
import { PreviewCell } from './PreviewCell';
import type { PreviewFrames } from './previewFrames';

export const ROW_HEIGHT = 22;

export interface TraceRowProps {
  /** The record's ordinal in the ring (it never changes while the ring slides, so the row stays memoised). */
  ordinal: number;
  top: number;
  selected: boolean;
  /** Node id -> the name the canvas shows. */
  names: ReadonlyMap<string, string>;
  patterns: ReadonlyMap<string, Pattern>;
  /** Node id -> its payload decoder (absent = auto). */
  decoders: ReadonlyMap<string, Decoder>;
  /** Frames of the rows on screen, for previews in a decoder other than text. */
  frames: PreviewFrames;
}

/** A send that waited in libzmq, or a receive an edge fault dropped or held: a mark, its story in the title. */
function RecordMark({ record: r }: { record: TraceRecord }) {
  if (r.faulted === 'dropped') {
    const held = r.heldMs ? ` after holding it ${r.heldMs} ms` : '';
    return <span className="zs-tc-mark zs-mark-dropped" data-mark="dropped" title={`the fault on edge ${r.edge} dropped it${held}: the socket received it, its reader never got it`}>✂</span>;
  }
  if (r.faulted === 'held') {
    return <span className="zs-tc-mark zs-mark-held" data-mark="held" title={`the fault on edge ${r.edge} held it ${r.heldMs ?? 0} ms before its reader got it`}>⏱</span>;
  }
  if (r.blockedMs !== undefined) {
    return <span className="zs-tc-mark zs-mark-blocked" data-mark="blocked" title={`this send waited ${r.blockedMs} ms in libzmq (${r.blockedBy ?? 'unknown'})`}>⏳</span>;
  }
  return null;
}

/**
 * One record, read from the ring's columns when the row is drawn: only visible rows make an
 * object. A record the bound pushed out since the table's last refresh says so.
 */
export const TraceRow = memo(function TraceRow({ ordinal, top, selected, names, patterns, decoders, frames }: TraceRowProps) {
  const ring = appStore.getState().trace;
  const pos = ordinal - (ring.total - ring.size);
  const style = { transform: `translateY(${top}px)` };
  if (pos < 0 || pos >= ring.size) {
    return (
      <div className="zs-trace-row zs-trace-gone" role="row" style={style}>
        <span className="zs-muted">dropped by the ring&apos;s bound</span>
      </div>
    );
  }
  const r = ring.recordAt(pos);
  const pattern = patterns.get(r.edge);
  const decoder = decoders.get(r.node) ?? 'auto';
  return (
    <div
      className={`zs-trace-row zs-dir-${r.dir}${pattern ? ` pattern-${pattern}` : ''}${selected ? ' selected' : ''}`}
      role="row"
      aria-selected={selected}
      style={style}
      data-seq={r.seq}
      data-msg={r.msg}
      data-node={r.node}
      data-dir={r.dir}
      data-edge={r.edge}
    >
      <span className="zs-tc-time">{r.t.toFixed(3)}</span>
      <span className="zs-tc-node" title={`${r.node}${r.port ? ` ${r.port}` : ''} (${r.socket})`}>
        {names.get(r.node) ?? r.node}
        {r.port && <span className="zs-muted"> · {r.port}</span>}
      </span>
      <span className="zs-tc-dir" title={r.dir === 'out' ? 'sent' : 'received'}>
        {r.dir === 'out' ? '→ out' : '← in'}
        <RecordMark record={r} />
      </span>
      <span className="zs-tc-edge" title={pattern ? `${r.edge} (${pattern})` : r.edge}>
        {r.edge}
      </span>
      <span className="zs-tc-num">{r.frames}</span>
      <span className="zs-tc-num">{formatCount(r.bytes)}</span>
      {wantsFrames(decoder, r.preview) ? (
        <PreviewCell seq={r.seq} socket={r.socket} dir={r.dir} preview={r.preview} decoder={decoder} frames={frames} />
      ) : (
        <span className="zs-tc-preview">{r.preview}</span>
      )}
      <span className="zs-tc-msg" title={r.cause ? `message ${r.msg}, caused by message ${r.cause}` : `message ${r.msg}`}>
        #{r.msg}
        {r.cause > 0 && <span className="zs-muted"> ← #{r.cause}</span>}
      </span>
    </div>
  );
});
