/**
 * Which frames of a message are envelope and which are body, as the socket that recorded it saw
 * them (ZeroMQ guide ch. 3): a ROUTER prepends the sender's identity on receive and takes the
 * first frame as the destination on send; the empty delimiter ends the envelope; a DEALER passes
 * an envelope through as ordinary frames; REQ/REP add and strip it inside libzmq, so the app
 * sees only the body; a PUB message's first frame is its topic when a subscription matches it.
 */
import type { Direction } from '../../../shared/trace';
import type { Topology } from '../../../shared/topology';

export type FrameRole = 'identity' | 'delimiter' | 'topic' | 'subscription' | 'body';

export interface FrameLabel {
  role: FrameRole;
  label: string;
  /** One line on what the frame does. */
  detail?: string;
}

export interface Envelope {
  /** One label per frame, in order. */
  labels: FrameLabel[];
  /** Envelope frames that travel on the wire but libzmq keeps from the app (REQ/REP). */
  hidden: FrameLabel[];
}

export interface EnvelopeInput {
  /** Socket type of the recording socket (a device port's own type: the queue's frontend is a ROUTER). */
  socket: string;
  dir: Direction;
  frames: readonly Uint8Array[];
  /** Subscription prefixes of the topology's subscribers, for PUB/SUB topics. */
  topics?: readonly string[];
}

const FAN_OUT_SENDERS = new Set(['PUB', 'XPUB']);
const FAN_OUT_RECEIVERS = new Set(['SUB', 'XSUB']);

function bodyLabels(count: number): FrameLabel[] {
  if (count === 1) return [{ role: 'body', label: 'body' }];
  return Array.from({ length: count }, (_, i) => ({ role: 'body' as const, label: `body ${i + 1}` }));
}

const delimiter = (detail: string): FrameLabel => ({ role: 'delimiter', label: 'delimiter', detail });

function router(frames: readonly Uint8Array[], dir: Direction): FrameLabel[] {
  if (frames.length === 0) return [];
  const first: FrameLabel =
    dir === 'in'
      ? { role: 'identity', label: 'identity', detail: 'added by this ROUTER: the peer the message came from' }
      : { role: 'identity', label: 'identity', detail: 'the destination: this ROUTER takes the frame off and sends the rest to that peer' };
  let end = frames.findIndex((f, i) => i > 0 && f.length === 0);
  if (end < 0) return [first, ...bodyLabels(frames.length - 1)];
  const hops: FrameLabel[] = [];
  for (let i = 1; i < end; i++) hops.push({ role: 'identity', label: `identity (hop ${i + 1})`, detail: 'an identity an earlier ROUTER added' });
  end += 1;
  return [first, ...hops, delimiter('ends the envelope: the body follows'), ...bodyLabels(frames.length - end)];
}

function dealer(frames: readonly Uint8Array[]): FrameLabel[] {
  const end = frames.findIndex((f) => f.length === 0);
  if (end < 0) return bodyLabels(frames.length);
  const ids: FrameLabel[] = [];
  for (let i = 0; i < end; i++) ids.push({ role: 'identity', label: 'identity', detail: 'envelope a ROUTER added: the DEALER carries it as an ordinary frame' });
  return [...ids, delimiter('ends the envelope: the body follows'), ...bodyLabels(frames.length - end - 1)];
}

/** What REQ and REP add or strip out of the app's sight. */
function reqRepHidden(socket: string, dir: Direction): FrameLabel[] {
  const d = (detail: string): FrameLabel[] => [delimiter(detail)];
  if (socket === 'REQ') return dir === 'out' ? d('added on the wire by REQ before the body') : d('stripped by REQ from the reply');
  if (dir === 'in') return d('stripped by REP with the envelope before it, and kept for the reply');
  return d('put back by REP with the request\'s envelope');
}

const encoder = new TextEncoder();

function startsWith(frame: Uint8Array, prefix: Uint8Array): boolean {
  if (prefix.length > frame.length) return false;
  for (let i = 0; i < prefix.length; i++) if (frame[i] !== prefix[i]) return false;
  return true;
}

function published(frames: readonly Uint8Array[], topics: readonly string[]): FrameLabel[] {
  const first = frames[0];
  let matched = '';
  for (const t of topics) if (t.length > matched.length && startsWith(first, encoder.encode(t))) matched = t;
  if (matched === '') return bodyLabels(frames.length);
  const detail = `matches the subscription "${matched}"`;
  if (frames.length === 1) return [{ role: 'topic', label: 'topic + body', detail }];
  return [{ role: 'topic', label: 'topic', detail }, ...bodyLabels(frames.length - 1)];
}

/** A subscription message an XSUB sends upstream (XPUB receives it): 1 or 0, then the prefix. */
function subscription(frame: Uint8Array): FrameLabel {
  const prefix = new TextDecoder().decode(frame.subarray(1));
  return { role: 'subscription', label: frame[0] === 1 ? 'subscribe' : 'unsubscribe', detail: prefix === '' ? 'to everything' : `to "${prefix}"` };
}

/** Labels every frame of a recorded message, and names the envelope frames libzmq hid. */
export function labelFrames({ socket, dir, frames, topics = [] }: EnvelopeInput): Envelope {
  const none: FrameLabel[] = [];
  if (socket === 'ROUTER') return { labels: router(frames, dir), hidden: none };
  if (socket === 'DEALER') return { labels: dealer(frames), hidden: none };
  if (socket === 'REQ' || socket === 'REP') return { labels: bodyLabels(frames.length), hidden: reqRepHidden(socket, dir) };
  const upstream = (socket === 'XSUB' && dir === 'out') || (socket === 'XPUB' && dir === 'in');
  if (upstream && frames.length === 1 && frames[0].length > 0 && frames[0][0] <= 1) return { labels: [subscription(frames[0])], hidden: none };
  const data = (FAN_OUT_SENDERS.has(socket) && dir === 'out') || (FAN_OUT_RECEIVERS.has(socket) && dir === 'in');
  if (data && frames.length > 0) return { labels: published(frames, topics), hidden: none };
  return { labels: bodyLabels(frames.length), hidden: none };
}

/** Every non-empty subscription prefix in the topology (SUB/XSUB behaviours, SUB inputs of workers). */
export function subscriberTopics(topology: Topology): string[] {
  const out = new Set<string>();
  for (const n of topology.nodes) {
    const topics = n.kind === 'socket' && n.behavior?.type === 'subscribe' ? n.behavior.topics : n.kind === 'worker' ? (n.subscribe ?? []) : [];
    for (const t of topics) if (t !== '') out.add(t);
  }
  return [...out];
}
