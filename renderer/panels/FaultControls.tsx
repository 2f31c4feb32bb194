import { memo, useState } from 'react';
import type { EdgeFault } from '../../shared/ipc';
import { appStore, useAppStore } from '../store/appStore';
import { wholeNumberIn } from './numberField';

/** Fault injection on one edge of the running topology: drop every Nth, delay, suspend, clear. */
export const FaultControls = memo(function FaultControls({ edge }: { edge: string }) {
  const active = useAppStore((s) => s.runState === 'running' || s.runState === 'paused');
  const fault = useAppStore((s) => s.edgeFaults[edge]);
  const [drop, setDrop] = useState('3');
  const [delay, setDelay] = useState('200');
  if (!active) return null;
  const set = (next: EdgeFault | null) => void appStore.getState().setFault(edge, next);
  const dropEvery = wholeNumberIn(drop, 2, 1000);
  const delayMs = wholeNumberIn(delay, 0, 60_000);
  return (
    <fieldset className="zs-faults" data-testid="edge-faults">
      <legend>Faults</legend>
      <label>
        drop every <input className="zs-input" aria-label="drop every" value={drop} onChange={(e) => setDrop(e.target.value)} size={4} />
        <button type="button" disabled={dropEvery === undefined} title="2 to 1000" onClick={() => set({ ...fault, dropEvery })}>
          drop
        </button>
      </label>
      <label>
        delay <input className="zs-input" aria-label="delay ms" value={delay} onChange={(e) => setDelay(e.target.value)} size={6} /> ms
        <button type="button" disabled={delayMs === undefined} title="0 to 60000 ms" onClick={() => set({ ...fault, delayMs })}>
          delay
        </button>
      </label>
      <div className="zs-faults-row">
        <button type="button" aria-pressed={fault?.suspended === true} onClick={() => set({ ...fault, suspended: !fault?.suspended })}>
          {fault?.suspended ? 'resume edge' : 'suspend edge'}
        </button>
        <button type="button" disabled={!fault} onClick={() => set(null)}>
          clear faults
        </button>
      </div>
    </fieldset>
  );
});
