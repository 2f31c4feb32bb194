import { memo } from 'react';
import { useAppStore } from '../store/appStore';
import { isRunActive } from '../store/runSlice';

/** Says plainly why edits are refused while a run is active (the lock itself is in the store). */
export const RunLock = memo(function RunLock() {
  const active = useAppStore((s) => isRunActive(s.runState));
  if (!active) return null;
  return (
    <div className="zs-run-lock" data-testid="run-lock" title="While it runs, a node's inspector can still kill or restart it, tap an outside publisher, and change how its payloads are decoded; an edge's can inject faults">
      Running on real sockets: editing is locked (nodes can still move). Stop to edit.
    </div>
  );
});
