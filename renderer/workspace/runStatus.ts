/** The words beside the run-state pill: what the engine reported at the end of a run, or a replay's progress. */
import type { AppState } from '../store/types';
import type { ReplayState } from '../store/replaySlice';

const plural = (n: number, one: string): string => `${n} ${one}${n === 1 ? '' : 's'}`;

/**
 * After Stop: "closed 3 sockets · 0 open" (stop's reply, then status). After the engine process
 * died under a run: its reason, and whether the engine is back. Empty otherwise.
 */
export function runStatusText(s: Pick<AppState, 'runId' | 'runState' | 'stopReport' | 'engineNote'>): string {
  const note = s.engineNote;
  if (note && note.runId === s.runId) {
    const what = note.exited ?? 'the engine process stopped';
    return `${what} · ${note.restarted ? 'engine restarted' : 'restarting the engine…'}`;
  }
  const stop = s.stopReport;
  if (stop && stop.runId === s.runId && s.runState === 'stopped') {
    return `closed ${plural(stop.closedSockets, 'socket')} · ${stop.openSockets ?? '?'} open`;
  }
  return '';
}

export const speedText = (speed: ReplayState['speed']): string => (speed === 'max' ? 'max' : `${speed}×`);

/** "replaying 4× · 120 / 456" (or paused, or done): the pill's text while a trace is replayed. */
export function replayText(r: ReplayState): string {
  const phase =
    r.phase === 'playing' ? `replaying ${speedText(r.speed)}` : r.phase === 'paused' ? 'replay paused' : 'replay done';
  return `${phase} · ${r.played.toLocaleString('en-US')} / ${r.total.toLocaleString('en-US')}`;
}
