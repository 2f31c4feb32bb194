import { memo } from 'react';

/** Placeholder until this panel lands (this session). */
export const ChartsPanel = memo(function ChartsPanel() {
  return <p className="zs-muted">coming in this session</p>;
});
