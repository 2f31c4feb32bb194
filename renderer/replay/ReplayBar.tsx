import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { appStore, useAppStore } from '../store/appStore';
import type { ReplaySpeed } from './player';
import { REPLAY_SPEEDS } from './player';
import { speedText } from '../workspace/runStatus';

const seconds = (ms: number): string => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;

/** Play / pause / back to the start / speed of the trace being replayed; shown only during a replay. */
export const ReplayBar = memo(function ReplayBar() {
  const r = useAppStore(
    useShallow((s) =>
      s.replay
        ? {
            phase: s.replay.phase,
            speed: s.replay.speed,
            t: s.replay.t,
            duration: s.replay.duration,
            name: s.replay.name,
          }
        : undefined,
    ),
  );
  if (!r) return null;
  const s = () => appStore.getState();
  return (
    <div className="zs-replay" role="group" aria-label="Replay controls" data-testid="replay-bar">
      <button
        type="button"
        onClick={() => s().restartReplay()}
        data-testid="replay-restart"
        title="back to the first record"
        aria-label="back to the start"
      >
        ↺
      </button>
      {r.phase === 'playing' ? (
        <button
          type="button"
          onClick={() => s().pauseReplay()}
          data-testid="replay-pause"
          title="pause the replay"
          aria-label="pause"
        >
          ‖
        </button>
      ) : (
        <button
          type="button"
          onClick={() => s().playReplay()}
          data-testid="replay-play"
          title={r.phase === 'ended' ? 'play again from the start' : 'play'}
          aria-label="play"
        >
          ▶
        </button>
      )}
      <select
        className="zs-replay-speed"
        value={String(r.speed)}
        data-testid="replay-speed"
        aria-label="replay speed"
        title="speed: times the recorded pace"
        onChange={(e) => s().setReplaySpeed((e.target.value === 'max' ? 'max' : Number(e.target.value)) as ReplaySpeed)}
      >
        {REPLAY_SPEEDS.map((v) => (
          <option key={String(v)} value={String(v)}>
            {speedText(v)}
          </option>
        ))}
      </select>
      <span className="zs-replay-time" data-testid="replay-time" title={r.name}>
        {seconds(r.t)} / {seconds(r.duration)}
      </span>
      <button
        type="button"
        onClick={() => s().closeReplay()}
        data-testid="replay-close"
        title="end the replay (what it showed stays until the next run)"
      >
        ✕
      </button>
    </div>
  );
});
