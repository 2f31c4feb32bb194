import { memo, useEffect } from 'react';
import { useConnection } from '@xyflow/react';
import { PATTERN_TITLES, describePeers } from '../../shared/patterns';
import { appStore, useAppStore } from '../store/appStore';
import { resolveEnd } from '../store/wiring';
import { explainConnection } from './connection';

const NOTICE_MS = 6000;

/**
 * The small status line over the canvas: while dragging, what the drag would make or why it is
 * refused; otherwise the latest notice (e.g. the reason a dropped connection was refused).
 */
export const ConnectionStatus = memo(function ConnectionStatus() {
  const c = useConnection();
  const notice = useAppStore((s) => s.notice);
  const topology = useAppStore((s) => s.topology);
  // A notice is news, not state: it fades after a while unless a newer one replaced it.
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => {
      if (appStore.getState().notice?.seq === notice.seq) appStore.getState().clearNotice();
    }, NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice]);
  let text: string | undefined;
  let kind: 'error' | 'info' = 'info';
  if (c.inProgress && c.fromHandle) {
    const from = resolveEnd(topology, c.fromHandle.nodeId, c.fromHandle.id);
    if (c.toHandle) {
      const check = explainConnection({ source: c.fromHandle.nodeId, sourceHandle: c.fromHandle.id ?? null, target: c.toHandle.nodeId, targetHandle: c.toHandle.id ?? null });
      text = check.ok ? `${check.source.type} → ${check.target.type}: ${PATTERN_TITLES[check.pattern]}` : check.reason;
      kind = check.ok ? 'info' : 'error';
    } else if (from) {
      text = `drag to a compatible socket: ${describePeers(from.type)}`;
    }
  } else if (notice) {
    text = notice.text;
    kind = notice.kind;
  }
  if (!text) return null;
  return (
    <div className={`zs-status zs-status-${kind}`} role="status" data-testid="canvas-status">
      {text}
    </div>
  );
});
