/** Finding a message to follow: by id, by payload text, or from the list of recent first sends. */
import type { RouteSource } from './route';

export interface PickSource extends RouteSource {
  previewAt(i: number): string;
  nodeAt(i: number): string;
  tAt(i: number): number;
}

/**
 * The message a user means by `query`: "#7" or "7" is message id 7; anything else is payload
 * text, matched against the sends' previews (an exact match first, then the first send that
 * contains it, case-insensitive). Undefined when nothing held matches.
 */
export function findMessage(src: PickSource, query: string): number | undefined {
  const q = query.trim();
  if (q === '') return undefined;
  const id = /^#?(\d+)$/.exec(q);
  if (id) {
    const msg = Number(id[1]);
    for (let i = 0; i < src.size; i++) if (src.msgAt(i) === msg) return msg;
    return undefined;
  }
  const lower = q.toLowerCase();
  let contains: number | undefined;
  for (let i = 0; i < src.size; i++) {
    if (src.dirAt(i) !== 'out') continue;
    const p = src.previewAt(i);
    if (p === q) return src.msgAt(i);
    if (contains === undefined && p.toLowerCase().includes(lower)) contains = src.msgAt(i);
  }
  return contains;
}

export interface RootMessage {
  msg: number;
  node: string;
  preview: string;
  t: number;
}

/** The newest messages that start a route (sends caused by nothing), newest first. */
export function recentRoots(src: PickSource, max: number): RootMessage[] {
  const out: RootMessage[] = [];
  for (let i = src.size - 1; i >= 0 && out.length < max; i--) {
    if (src.dirAt(i) === 'out' && src.causeAt(i) === 0) out.push({ msg: src.msgAt(i), node: src.nodeAt(i), preview: src.previewAt(i), t: src.tAt(i) });
  }
  return out;
}
