/** The palette -> canvas drag payload (HTML drag and drop carries strings only). */
import type { NodeSpec } from '../store/nodeFactory';
import { isSocketType } from '../../shared/patterns';
import { DEVICE_KINDS } from '../../shared/topology';

export const DRAG_TYPE = 'application/x-zmq-studio-node';

export function writeDraggedSpec(data: DataTransfer, spec: NodeSpec): void {
  data.setData(DRAG_TYPE, JSON.stringify(spec));
  data.effectAllowed = 'copy';
}

/** The spec being dropped, checked: drag data can come from anywhere. */
export function readDraggedSpec(data: DataTransfer): NodeSpec | undefined {
  let v: unknown;
  try {
    v = JSON.parse(data.getData(DRAG_TYPE));
  } catch {
    return undefined;
  }
  if (typeof v !== 'object' || v === null) return undefined;
  const o = v as Record<string, unknown>;
  if ((o.kind === 'socket' || o.kind === 'external') && isSocketType(o.socket)) return { kind: o.kind, socket: o.socket };
  const device = DEVICE_KINDS.find((d) => d === o.device);
  if (o.kind === 'device' && device) return { kind: 'device', device };
  if (o.kind === 'worker') return { kind: 'worker' };
  return undefined;
}
