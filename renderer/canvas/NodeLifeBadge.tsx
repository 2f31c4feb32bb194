import { memo } from 'react';
import { useAppStore } from '../store/appStore';

/** A badge on a node while it is killed (fault injection) or when it was attached to the run. */
export const NodeLifeBadge = memo(function NodeLifeBadge({ id }: { id: string }) {
  const killed = useAppStore((s) => s.killedNodes[id]);
  const attached = useAppStore((s) => s.attachedNodes.includes(id));
  if (killed) {
    const back = killed.restartAfterMs !== undefined ? ` · back in ${killed.restartAfterMs} ms` : '';
    return (
      <span className="zs-life-badge zs-life-killed" data-testid={`killed-badge-${id}`} title="killed: its sockets are closed (node inspector → Run)">
        ✖ killed{back}
      </span>
    );
  }
  if (!attached) return null;
  return (
    <span className="zs-life-badge zs-life-attached" data-testid={`attached-badge-${id}`} title="attached while the run was going (node inspector → detach)">
      attached
    </span>
  );
});
