import { memo } from 'react';
import { useAppStore } from '../store/appStore';
import { isRunActive } from '../store/runSlice';

/** Says plainly why edits are refused while a run is active (the lock itself is in the store). */
export const RunLock = memo(function RunLock() {
  const active = useAppStore((s) => isRunActive(s.runState));
  if (!active) return null;
  return (
    <div className="zs-run-lock" data-testid="run-lock">
      Running on real sockets: editing is locked (nodes can still move). Stop to edit.
    </div>
  );
});
