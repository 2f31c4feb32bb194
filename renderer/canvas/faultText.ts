import type { EdgeFault } from '../../shared/ipc';

/** The words a faulted edge shows on the canvas ("✂ 1/3", "⏱ 200 ms", "⏸ suspended"). */
export function faultText(f: EdgeFault): string {
  const parts: string[] = [];
  if (f.suspended) parts.push('⏸ suspended');
  if (f.dropEvery) parts.push(`✂ 1/${f.dropEvery}`);
  if (f.delayMs) parts.push(`⏱ ${f.delayMs} ms`);
  return parts.join(' ');
}
