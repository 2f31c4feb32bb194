import { memo } from 'react';

/** Placeholder until this panel lands (this session). */
export const TracePanel = memo(function TracePanel() {
  return <p className="zs-muted">coming in this session</p>;
});
