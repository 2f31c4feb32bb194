import { memo, useMemo, useState } from 'react';
import type { FrameLabel } from './envelope';
import { frameText, hexRows, prettyJson } from './frameFormat';
import { formatCount } from './format';
import { decodeMsgpack, resolveDecoder } from './decode';
import type { Decoder } from './decode';

export type FrameMode = Decoder;

/** Hex rows drawn before "show all" (4 KiB): a 16 KiB frame is 1,024 rows. */
const HEX_PAGE_ROWS = 256;

export interface FrameViewProps {
  index: number;
  bytes: Uint8Array;
  label: FrameLabel;
  mode: FrameMode;
}

function HexView({ bytes }: { bytes: Uint8Array }) {
  const [all, setAll] = useState(false);
  const rows = useMemo(() => hexRows(bytes, all ? Infinity : HEX_PAGE_ROWS), [bytes, all]);
  const hidden = bytes.length - rows.length * 16;
  return (
    <div className="zs-hex" role="table" aria-label="hex dump">
      {rows.map((r) => (
        <div key={r.offset} className="zs-hex-row" role="row">
          <span className="zs-hex-off">{r.offset}</span>
          <span className="zs-hex-bytes">{r.hex}</span>
          <span className="zs-hex-ascii">{r.ascii}</span>
        </div>
      ))}
      {hidden > 0 && (
        <button type="button" className="zs-link" onClick={() => setAll(true)}>
          show the other {formatCount(hidden)} bytes
        </button>
      )}
    </div>
  );
}

/** One frame: its envelope label, its size, and its bytes as text, hex, JSON or MessagePack (`auto` picks). */
export const FrameView = memo(function FrameView({ index, bytes, label, mode: chosen }: FrameViewProps) {
  const mode = useMemo(() => resolveDecoder(chosen, bytes), [chosen, bytes]);
  const { text, binary } = useMemo(() => frameText(bytes), [bytes]);
  const json = useMemo(() => (mode === 'json' && !binary ? prettyJson(text) : undefined), [mode, binary, text]);
  const msgpack = useMemo(() => (mode === 'msgpack' ? decodeMsgpack(bytes) : undefined), [mode, bytes]);
  return (
    <li className={`zs-frame zs-frame-${label.role}`} data-testid="frame" data-role={label.role} data-decoder={mode}>
      <div className="zs-frame-head">
        <span className="zs-frame-no">frame {index + 1}</span>
        <span className="zs-frame-label" title={label.detail}>
          {label.label}
        </span>
        {label.detail && <span className="zs-muted zs-frame-detail">{label.detail}</span>}
        <span className="zs-muted zs-frame-size">
          {chosen === 'auto' && bytes.length > 0 && <span className="zs-frame-auto">{mode} · </span>}
          {formatCount(bytes.length)} B{binary && bytes.length > 0 ? ' · binary' : ''}
        </span>
      </div>
      {mode === 'hex' ? (
        bytes.length > 0 && <HexView bytes={bytes} />
      ) : bytes.length === 0 ? (
        <pre className="zs-frame-text zs-muted">(empty)</pre>
      ) : msgpack ? (
        msgpack.ok ? (
          <pre className="zs-frame-text zs-frame-msgpack" data-testid="frame-msgpack">{msgpack.text}</pre>
        ) : (
          <>
            <p className="zs-frame-error" data-testid="frame-decode-error">not MessagePack: {msgpack.error}</p>
            <HexView bytes={bytes} />
          </>
        )
      ) : mode === 'json' && json === undefined ? (
        <>
          <p className="zs-muted zs-frame-note">not JSON</p>
          <pre className="zs-frame-text" data-testid="frame-text">{text}</pre>
        </>
      ) : (
        <pre className="zs-frame-text" data-testid="frame-text">{json ?? text}</pre>
      )}
    </li>
  );
});
