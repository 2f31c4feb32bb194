import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { appStore, useAppStore } from '../store/appStore';
import { isRunActive } from '../store/runSlice';
import { replayText, runStatusText } from './runStatus';

const STATE_TEXT: Record<string, string> = {
  idle: 'ready',
  building: 'building sockets…',
  running: 'running',
  paused: 'paused',
  stopping: 'stopping…',
  stopped: 'stopped',
  failed: 'failed',
};

/** Run / Stop / Pause / Resume and the run state, always visible. */
export const RunControls = memo(function RunControls() {
  const { state, reason, connected, finished, freePorts, stepMode, status, replay, replayName, replayPhase } = useAppStore(
    useShallow((s) => ({ state: s.runState, reason: s.runStateReason, connected: s.connection === 'connected', finished: s.finished, freePorts: s.freePorts, stepMode: s.stepMode,
      status: runStatusText(s), replay: s.replay ? replayText(s.replay) : undefined, replayName: s.replay?.name, replayPhase: s.replay?.phase })),
  );
  const s = () => appStore.getState();
  const active = isRunActive(state);
  const text = replay ?? (finished && (state === 'running' || state === 'paused') ? `${STATE_TEXT[state]} · behaviours done` : STATE_TEXT[state]);
  return (
    <div className="zs-run" role="group" aria-label="Run controls">
      <button type="button" className="zs-run-go" onClick={() => void s().runTopology()} disabled={!connected || active} data-testid="run" title={replay ? 'Run on real sockets (ends the replay) (F5)' : 'Run on real sockets (F5)'}>
        ▶ Run
      </button>
      {state === 'paused' ? (
        <>
          <button type="button" onClick={() => void s().resumeRun()} data-testid="resume" title="Resume (F6)">▶ Resume</button>
          <button type="button" onClick={() => void s().stepRun()} data-testid="step" title="let exactly the next hop go (F7)">Step</button>
        </>
      ) : (
        <button type="button" onClick={() => void s().pauseRun()} disabled={state !== 'running'} data-testid="pause" title="Pause: sends wait, receives go on (F6)">‖ Pause</button>
      )}
      <button type="button" onClick={() => void s().stopRun()} disabled={!active || state === 'stopping'} data-testid="stop" title="Stop and close every socket (Shift+F5)">
        ■ Stop
      </button>
      <label className="zs-run-option" title="move the tcp ports the app binds to free ones, when an example's port is taken on this machine">
        <input type="checkbox" checked={freePorts} disabled={active} onChange={(e) => s().setFreePorts(e.target.checked)} /> free ports
      </label>
      <label className="zs-run-option" title="start runs paused and go through them hop by hop (Step, F7), each hop explained in the Hops tab">
        <input type="checkbox" checked={stepMode} disabled={active} onChange={(e) => s().setStepMode(e.target.checked)} data-testid="step-mode" /> step
      </label>
      <span className={`zs-run-state zs-run-${replay ? 'replay' : state}`} data-testid="run-state" data-state={state} data-replay={replayPhase}
        title={replay ? `replaying ${replayName ?? ''} (no sockets are built)` : (reason ?? '')}>
        {text}
      </span>
      {status && !replay ? <span className="zs-run-status" data-testid="run-status" title={reason ?? status}>{status}</span> : null}
    </div>
  );
});
