/** One-line descriptions of behaviours, for node cards and the palette. */
import type { Behavior } from '../../shared/behaviors';

const quote = (s: string): string => `'${s.length > 24 ? `${s.slice(0, 23)}…` : s}'`;
const every = (ms: number): string => (ms > 0 ? ` every ${ms} ms` : '');

/** e.g. "request ×10 'msg {i}'"; "manual" for a node without a behaviour. */
export function behaviorSummary(b: Behavior | undefined): string {
  if (!b) return 'manual: sends what you inject';
  switch (b.type) {
    case 'request':
      return `request ×${b.count} ${quote(b.payload)}${every(b.intervalMs)}`;
    case 'reply':
      return `reply ${quote(b.payload)}${b.delayMs > 0 ? ` after ${b.delayMs} ms` : ''}`;
    case 'publish':
      return b.messages ? `publish ${b.messages.length} lines ×${b.count}` : `publish ×${b.count} ${quote(b.payload)}${every(b.intervalMs)}`;
    case 'subscribe':
      return `subscribe ${b.topics.length === 0 ? '(nothing)' : b.topics.map((t) => (t === '' ? '(all)' : quote(t))).join(' ')}`;
    case 'produce':
      return `produce ×${b.count} ${quote(b.payload)}${every(b.intervalMs)}`;
    case 'consume':
      return b.count === undefined ? 'consume until stopped' : `consume ×${b.count}`;
    case 'work':
      return `work ${b.delayMs} ms${b.transform === 'none' ? '' : `, ${b.transform}`}`;
    case 'pair':
      return `${b.role} ×${b.count} ${quote(b.payload)}`;
    case 'dealer':
      return `dealer ×${b.count} ${quote(b.payload)}`;
    case 'router':
      return `router reply ${quote(b.payload)}`;
    case 'manual':
      return 'manual: sends what you inject';
  }
}
