import { memo } from 'react';

/** Placeholder until this panel lands (this session). */
export const RoutePanel = memo(function RoutePanel() {
  return <p className="zs-muted">coming in this session</p>;
});
