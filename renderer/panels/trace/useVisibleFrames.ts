import { useEffect, useState } from 'react';
import type { FramesReply } from '../../../shared/ipc';
import { appStore, useAppStore } from '../../store/appStore';
import { wantsFrames } from './compact';
import type { Decoder } from './decode';
import { PreviewFrames } from './previewFrames';
import type { WantedRecord } from './previewFrames';
import type { TraceFeed } from './traceFeed';

/** The engine's `frames` command as the page has it now; a replayed trace has previews only. */
function askEngine(seq: number): Promise<FramesReply> {
  const { engine, replay } = appStore.getState();
  if (replay !== undefined) return Promise.resolve({ available: false, seq, reason: 'a replayed trace keeps previews, not frames' });
  return engine ? engine.frames({ seq }) : Promise.reject(new Error('not connected to the engine'));
}

/** The records of the visible rows (not the overscan) whose node's decoder needs their frames. */
export function visibleWanted(feed: TraceFeed, range: { startIndex: number; endIndex: number } | null, decoders: ReadonlyMap<string, Decoder>): WantedRecord[] {
  const out: WantedRecord[] = [];
  if (!range) return out;
  const ring = appStore.getState().trace;
  const first = ring.total - ring.size;
  for (let i = Math.max(0, range.startIndex); i <= range.endIndex && i < feed.index.count; i++) {
    const pos = feed.index.ordinalAt(i) - first;
    if (pos < 0 || pos >= ring.size) continue;
    if (!wantsFrames(decoders.get(ring.nodeAt(pos)) ?? 'auto', ring.previewAt(pos))) continue;
    const r = ring.recordAt(pos);
    out.push({ seq: r.seq, frames: r.frames, bytes: r.bytes });
  }
  return out;
}

/**
 * The frames cache of one trace table: after every draw (rows refreshed, scrolled, a decoder
 * changed) it is told which visible rows need frames; it asks the engine once the screen settles.
 */
export function useVisibleFrames(feed: TraceFeed, range: { startIndex: number; endIndex: number } | null, decoders: ReadonlyMap<string, Decoder>): PreviewFrames {
  const [frames] = useState(() => new PreviewFrames(askEngine));
  const runId = useAppStore((s) => s.runId);
  const replaying = useAppStore((s) => s.replay !== undefined);
  useEffect(() => () => frames.dispose(), [frames]);
  // No dependency list: the table draws at most ~10 times a second, and each draw may show other rows.
  useEffect(() => {
    frames.want(`${runId}:${replaying ? 'replay' : 'run'}`, visibleWanted(feed, range, decoders));
  });
  return frames;
}
