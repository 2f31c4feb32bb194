import { memo, useCallback, useMemo, useSyncExternalStore } from 'react';
import type { Direction } from '../../../shared/trace';
import { compactBody } from './compact';
import { DECODER_LABELS } from './decode';
import type { Decoder } from './decode';
import type { PreviewFrames } from './previewFrames';

export interface PreviewCellProps {
  seq: number;
  socket: string;
  dir: Direction;
  /** The engine's preview: shown until the frames arrive, and when they are no longer kept. */
  preview: string;
  decoder: Decoder;
  frames: PreviewFrames;
}

/**
 * The preview column of a row whose node decodes as JSON, hex or MessagePack (or auto on a binary
 * body): the message's body in that decoder, from the frames the table asked for. It listens to
 * its own record's entry only, so an answer re-renders just the row it belongs to.
 */
export const PreviewCell = memo(function PreviewCell({ seq, socket, dir, preview, decoder, frames }: PreviewCellProps) {
  const entry = useSyncExternalStore(
    frames.subscribe,
    useCallback(() => frames.get(seq), [frames, seq]),
  );
  const decoded = useMemo(
    () => (entry?.status === 'ok' ? compactBody({ socket, dir, frames: entry.frames, decoder, truncated: entry.truncated }) : undefined),
    [entry, socket, dir, decoder],
  );
  if (decoded !== undefined) {
    return (
      <span className="zs-tc-preview zs-tc-decoded" data-decoded={decoder} title={`${decoded}\n(${DECODER_LABELS[decoder]}: this node's decoder)`}>
        {decoded}
      </span>
    );
  }
  if (entry?.status === 'unavailable') {
    return (
      <span className="zs-tc-preview zs-tc-undecoded" data-decoded="preview" title={`Not decoded as ${DECODER_LABELS[decoder]}: ${entry.reason}. This is the trace's text preview.`}>
        <span className="zs-tc-mark" aria-hidden="true">
          ≈
        </span>
        {preview}
      </span>
    );
  }
  return (
    <span className="zs-tc-preview zs-tc-pending" data-decoded="pending">
      {preview}
    </span>
  );
});
