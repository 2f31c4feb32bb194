/**
 * Replaying a trace file: its topology on the canvas and its records fed through the same
 * `applyEngineEvents` a live run uses, at the recorded pace times a speed, without sockets.
 * A replay is not an engine run: the engine's runState stays as it is; `replay` says "replaying".
 */
import type { ParsedTrace } from '../../shared/traceFile';
import type { ReplayProgress, ReplaySpeed } from '../replay/player';
import { ReplayPlayer, realClock } from '../replay/player';
import { isRunActive } from './runSlice';
import type { SliceCreator } from './types';

export interface ReplayState extends ReplayProgress {
  /** The trace file's name. */
  name: string;
}

export interface ReplaySlice {
  /** The replay loaded, if any (playing, paused or played to its end). */
  replay?: ReplayState;
  /**
   * Puts the trace's topology on the canvas and its first record ready to play. Refused (false,
   * with a notice) while a run is active: the run's sockets and the replay would mix their events.
   */
  loadReplay(trace: ParsedTrace, name: string): boolean;
  playReplay(): void;
  pauseReplay(): void;
  /** Back to the first record (a playing replay keeps playing). */
  restartReplay(): void;
  setReplaySpeed(speed: ReplaySpeed): void;
  /** Ends the replay; what it showed stays until the next run. */
  closeReplay(): void;
}

export const createReplaySlice: SliceCreator<ReplaySlice> = (set, get) => {
  let player: ReplayPlayer | undefined;
  let name = '';

  return {
    loadReplay: (trace, fileName) => {
      const s = get();
      if (isRunActive(s.runState)) {
        s.notify('Stop the run before replaying a trace: its live events would mix with the replay', 'error');
        return false;
      }
      player?.dispose();
      player = undefined;
      const loaded = s.loadTopology(trace.topology);
      if (!loaded.ok) {
        s.notify(`cannot replay ${fileName}: its topology does not load`, 'error');
        return false;
      }
      name = fileName;
      const runId = get().runId;
      player = new ReplayPlayer(
        trace,
        {
          reset: (tables) => {
            get().resetRunData(runId);
            get().applyEngineEvents([{ type: 'tables', runId, tables }]);
          },
          apply: (events) => get().applyEngineEvents(events),
          progress: (p) => set({ replay: { ...p, name } }),
        },
        realClock,
        runId,
      );
      set({ replay: { ...player.progress, name } });
      return true;
    },
    playReplay: () => player?.play(),
    pauseReplay: () => player?.pause(),
    restartReplay: () => player?.restart(),
    setReplaySpeed: (speed) => player?.setSpeed(speed),
    closeReplay: () => {
      player?.dispose();
      player = undefined;
      set({ replay: undefined });
    },
  };
};
