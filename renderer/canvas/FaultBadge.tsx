import { memo } from 'react';
import { useAppStore } from '../store/appStore';
import { faultText } from './faultText';

/** A badge on an edge's label while a fault is injected on it (narrow selector: this edge only). */
export const FaultBadge = memo(function FaultBadge({ id }: { id: string }) {
  const fault = useAppStore((s) => s.edgeFaults[id]);
  if (!fault) return null;
  return (
    <span className="zs-fault-badge" data-testid={`fault-badge-${id}`} title="a fault is injected on this edge (edge inspector → Faults)">
      {faultText(fault)}
    </span>
  );
});
