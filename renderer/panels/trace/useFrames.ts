import { useEffect, useState } from 'react';
import type { FramesReply } from '../../../shared/ipc';
import type { TraceRecord } from '../../../shared/trace';
import { appStore } from '../../store/appStore';
import { decodeBase64 } from './frameFormat';

export type FramesState =
  | { status: 'none' }
  | { status: 'loading'; key: string }
  | { status: 'ok'; key: string; frames: Uint8Array[]; truncated: boolean }
  | { status: 'unavailable'; key: string; reason: string };

/**
 * The engine's answer, checked against the record: frames of another run that happens to have
 * the same seq (a replayed file's records) must not be shown as this record's.
 */
export function framesState(reply: FramesReply, record: Pick<TraceRecord, 'seq' | 'frames' | 'bytes'>, key: string): FramesState {
  if (!reply.available) return { status: 'unavailable', key, reason: reply.reason };
  const frames = reply.frames.map(decodeBase64);
  const bytes = frames.reduce((n, f) => n + f.length, 0);
  if (frames.length !== record.frames || (!reply.truncated && bytes !== record.bytes)) {
    return { status: 'unavailable', key, reason: `the engine's record ${record.seq} is another message (this trace is not its last run)` };
  }
  return { status: 'ok', key, frames, truncated: reply.truncated };
}

/**
 * Every frame of `record`, asked of the engine (it keeps the last few thousand records' frames).
 * An answer that arrives after the selection moved on is ignored; `runId` tells the same seq of
 * two runs apart. A replayed trace has previews only: the engine is not asked.
 */
export function useFrames(record: TraceRecord | undefined, runId: number, replaying: boolean): FramesState {
  const [state, setState] = useState<FramesState>({ status: 'none' });
  const key = `${runId}:${replaying ? 'replay' : 'run'}:${record?.seq}`;
  useEffect(() => {
    if (!record) return;
    let live = true;
    const settle = (next: FramesState): void => {
      if (live) setState(next);
    };
    const engine = appStore.getState().engine;
    const asked: Promise<FramesReply> = replaying
      ? Promise.resolve({ available: false, seq: record.seq, reason: 'a replayed trace keeps previews, not frames' })
      : engine
        ? engine.frames({ seq: record.seq })
        : Promise.reject(new Error('not connected to the engine'));
    asked.then(
      (reply) => settle(framesState(reply, record, key)),
      (err: unknown) => settle({ status: 'unavailable', key, reason: (err as Error).message }),
    );
    return () => {
      live = false;
    };
  }, [record, key, replaying]);
  // Until the answer for this record lands, the previous record's frames must not show.
  if (!record) return { status: 'none' };
  return state.status !== 'none' && state.key === key ? state : { status: 'loading', key };
}
