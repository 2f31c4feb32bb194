import { memo } from 'react';

/** Placeholder until this panel lands (this session). */
export const LogsPanel = memo(function LogsPanel() {
  return <p className="zs-muted">coming in this session</p>;
});
