import { memo, useMemo } from 'react';
import type { ReactNode } from 'react';
import type { TraceRecord } from '../../../shared/trace';
import { displayName } from '../../../shared/topology';
import { appStore, useAppStore } from '../../store/appStore';
import { labelFrames, subscriberTopics } from './envelope';
import { FrameView } from './FrameView';
import type { FrameMode } from './FrameView';
import { causeOfMessage, findMessageRecord } from './ringSearch';
import { useFrames } from './useFrames';
import { decodePatch, decoderOf } from './decode';
import { formatCount } from './format';

const MODES: readonly { id: FrameMode; label: string; title: string }[] = [
  { id: 'auto', label: 'Auto', title: 'JSON, MessagePack, text or hex: picked per frame from its bytes' },
  { id: 'text', label: 'Text', title: 'UTF-8 text, other bytes as \\xNN' },
  { id: 'json', label: 'JSON', title: 'pretty-printed JSON' },
  { id: 'hex', label: 'Hex', title: 'hex dump' },
  { id: 'msgpack', label: 'MsgPack', title: 'MessagePack, decoded and shown as JSON' },
];

/** Sets the node's `decode` field: a view setting, allowed during a run, undoable, saved with the file. */
function chooseDecoder(node: string, decoder: FrameMode): void {
  appStore.getState().updateNode(node, decodePatch(decoder));
}

/**
 * The record with this seq, read once when it is selected (a record never changes once traced),
 * with its message's cause: a receive record takes it from the message's send.
 */
function lookup(seq: number): TraceRecord | undefined {
  const ring = appStore.getState().trace;
  const at = ring.indexOfSeq(seq);
  if (at < 0) return undefined;
  const r = ring.recordAt(at);
  return r.cause === 0 && r.dir === 'in' ? { ...r, cause: causeOfMessage(ring, r.msg, at) } : r;
}

/** Selects the record of the cause message as seen from this record's node (its receive there, else any). */
function openCause(record: TraceRecord): void {
  const s = appStore.getState();
  const ring = s.trace;
  const at = findMessageRecord(ring, record.cause, record.node, Math.max(0, ring.indexOfSeq(record.seq)));
  if (at < 0) s.notify(`message #${record.cause} is no longer in the trace (older records were dropped)`, 'info');
  else s.selectRecord(ring.seqAt(at), record.cause);
}

function Fact({ term, children, className }: { term: string; children: ReactNode; className?: string }) {
  return (
    <div className={className}>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** Where and when the record was traced, in a few wrapped lines (the frames need the room). */
const Facts = memo(function Facts({ r, name }: { r: TraceRecord; name: string }) {
  const pattern = useAppStore((s) => s.topology.edges.find((e) => e.id === r.edge)?.pattern);
  return (
    <dl className="zs-msg-facts">
      <Fact term="node">
        {name}
        {name !== r.node && <span className="zs-muted"> ({r.node})</span>}
        {r.port && <span> · {r.port}</span>}
      </Fact>
      <Fact term="socket">
        {r.socket} {r.dir === 'out' ? '→ sent' : '← received'}
      </Fact>
      <Fact term="edge" className={pattern ? `pattern-${pattern}` : undefined}>
        <span className="zs-msg-edge">{r.edge}</span>
        {pattern && <span className="zs-muted"> · {pattern}</span>}
      </Fact>
      <Fact term="time">{r.t.toFixed(3)} ms</Fact>
      <Fact term="size">
        {r.frames} {r.frames === 1 ? 'frame' : 'frames'}, {formatCount(r.bytes)} bytes
      </Fact>
      <Fact term="record">seq {r.seq}</Fact>
    </dl>
  );
});

/** Every frame of the selected record decoded as its node's choice (auto, text, hex, JSON, MessagePack), envelope frames labelled; its message id and cause. */
export const MessageInspector = memo(function MessageInspector() {
  const seq = useAppStore((s) => s.selectedSeq);
  const runId = useAppStore((s) => s.runId);
  const topology = useAppStore((s) => s.topology);
  const topics = useMemo(() => subscriberTopics(topology), [topology]);
  // runId: the same seq in the next run is another record.
  const record = useMemo(() => (seq === undefined ? undefined : lookup(seq)), [seq, runId]);
  const replaying = useAppStore((s) => s.replay !== undefined);
  const frames = useFrames(record, runId, replaying);
  // The decoder is the node's `decode` field: a node's payload format stays the same from record to record.
  const node = record ? topology.nodes.find((n) => n.id === record.node) : undefined;
  const mode = decoderOf(node);

  if (seq === undefined) {
    return (
      <aside className="zs-msg" aria-label="Message inspector" data-testid="message-inspector">
        <p className="zs-muted">Select a record to see every frame of its message.</p>
      </aside>
    );
  }
  if (!record) {
    return (
      <aside className="zs-msg" aria-label="Message inspector" data-testid="message-inspector">
        <p className="zs-muted">Record {seq} is no longer in the trace: older records were dropped by the ring&apos;s bound.</p>
      </aside>
    );
  }
  const envelope = frames.status === 'ok' ? labelFrames({ socket: record.socket, dir: record.dir, frames: frames.frames, topics }) : undefined;
  return (
    <aside className="zs-msg" aria-label="Message inspector" data-testid="message-inspector" data-seq={record.seq}>
      <header className="zs-msg-head">
        <span className="zs-msg-id" data-testid="inspector-msg">
          message #{record.msg}
        </span>
        {record.cause > 0 ? (
          <button type="button" className="zs-link" onClick={() => openCause(record)} data-testid="inspector-cause" title="select the record of the message this one came from">
            cause #{record.cause}
          </button>
        ) : (
          <span className="zs-muted">no cause</span>
        )}
        {frames.status === 'ok' && frames.truncated && (
          <span className="zs-msg-truncated" title="the engine keeps at most 16 KiB of a message's frames" data-testid="inspector-truncated">
            truncated
          </span>
        )}
        <span className="zs-trace-spacer" />
        <span className="zs-seg" role="radiogroup" aria-label={`decode frames of ${record.node} as`} data-testid="frame-decoders">
          {MODES.map((m) => (
            <button key={m.id} type="button" role="radio" aria-checked={mode === m.id} className={mode === m.id ? 'active' : ''}
              disabled={!node} title={node ? `${m.title} (saved as this node's decoder)` : `${record.node} is not a node of this topology`}
              onClick={() => chooseDecoder(record.node, m.id)} data-testid={`frames-${m.id}`}>
              {m.label}
            </button>
          ))}
        </span>
      </header>
      <Facts r={record} name={node ? displayName(node) : record.node} />
      {frames.status === 'loading' && <p className="zs-muted">asking the engine for the frames…</p>}
      {frames.status === 'unavailable' && (
        <>
          <p className="zs-msg-unavailable" data-testid="inspector-unavailable">
            Frames unavailable: {frames.reason}. The preview kept in the trace:
          </p>
          <pre className="zs-frame-text" data-testid="frame-text">{record.preview}</pre>
        </>
      )}
      {envelope && frames.status === 'ok' && (
        <>
          {envelope.hidden.length > 0 && (
            <p className="zs-msg-hidden" data-testid="inspector-hidden">
              on the wire, not seen by the app: {envelope.hidden.map((h) => `${h.label} (${h.detail})`).join(', ')}
            </p>
          )}
          <ol className="zs-frames" data-testid="frames">
            {frames.frames.map((f, i) => (
              <FrameView key={`${record.seq}:${i}`} index={i} bytes={f} label={envelope.labels[i]} mode={mode} />
            ))}
          </ol>
        </>
      )}
    </aside>
  );
});
