/**
 * What nodes do once a run starts. Each behaviour is plain data with defaults, so a topology
 * file stays short: `{ "type": "request" }` is ten requests "msg 0".."msg 9".
 * Payload templates: `{i}` is the message number (from 0), `{msg}` the text received,
 * `{node}` the node's label.
 */
import { z } from 'zod';
import { SOCKET_TYPES } from './patterns';

const count = z.number().int().min(0).max(10_000_000);
const ms = z.number().min(0).max(3_600_000);
const template = z.string().max(65_536);

export const RequestBehavior = z.strictObject({
  type: z.literal('request'),
  count: count.default(10).describe('requests to send; 0 sends none'),
  payload: template.default('msg {i}').describe('request text; {i} is the request number'),
  intervalMs: ms.default(0).describe('pause between a reply and the next request'),
  timeoutMs: ms.default(5000).describe('how long to wait for each reply before giving up'),
  printReplies: z.boolean().default(true).describe('log each reply as "Received <reply>"'),
});

export const ReplyBehavior = z.strictObject({
  type: z.literal('reply'),
  payload: template.default('{msg}').describe('reply text; {msg} is the request received'),
  delayMs: ms.default(0).describe('work time before replying'),
});

export const PublishBehavior = z.strictObject({
  type: z.literal('publish'),
  messages: z.array(template).max(10_000).optional().describe('lines published in turn (overrides payload)'),
  topics: z.array(z.string().max(1024)).max(1000).optional().describe('topics used in turn for {topic}'),
  payload: template.default('{topic} {i}').describe('message text; {topic} cycles through topics'),
  count: count.default(10),
  intervalMs: ms.default(0),
});

export const SubscribeBehavior = z.strictObject({
  type: z.literal('subscribe'),
  topics: z.array(z.string().max(1024)).max(1000).default([]).describe('prefixes to subscribe to; "" is everything'),
  count: count.optional().describe('stop after this many messages; unset: receive until the run ends'),
});

export const ProduceBehavior = z.strictObject({
  type: z.literal('produce'),
  count: count.default(10),
  payload: template.default('task {i}'),
  intervalMs: ms.default(0),
});

export const ConsumeBehavior = z.strictObject({
  type: z.literal('consume'),
  count: count.optional().describe('finish after this many messages; unset: receive until the run ends'),
});

export const WorkBehavior = z.strictObject({
  type: z.literal('work'),
  delayMs: ms.default(0).describe('work time per message'),
  transform: z.enum(['none', 'upper', 'reverse']).default('none'),
  payload: template.default('{msg}').describe('result text; {msg} is the input after transform'),
});

export const PairBehavior = z.strictObject({
  type: z.literal('pair'),
  role: z.enum(['ping', 'pong']).describe('ping sends and waits for each answer; pong answers count pings'),
  count: count.default(5),
  payload: template.default('ping {i}').describe('ping: text sent; pong: answer ({msg} is the ping)'),
  intervalMs: ms.default(0),
});

export const DealerBehavior = z.strictObject({
  type: z.literal('dealer'),
  count: count.default(10),
  payload: template.default('msg {i}'),
  intervalMs: ms.default(0),
  envelope: z.boolean().default(true).describe('send the empty delimiter frame REP expects'),
});

export const RouterBehavior = z.strictObject({
  type: z.literal('router'),
  payload: template.default('{msg}'),
  delayMs: ms.default(0),
});

export const ManualBehavior = z.strictObject({
  type: z.literal('manual'),
});

export const Behavior = z.discriminatedUnion('type', [
  RequestBehavior,
  ReplyBehavior,
  PublishBehavior,
  SubscribeBehavior,
  ProduceBehavior,
  ConsumeBehavior,
  WorkBehavior,
  PairBehavior,
  DealerBehavior,
  RouterBehavior,
  ManualBehavior,
]);
export type Behavior = z.output<typeof Behavior>;
export type BehaviorType = Behavior['type'];
export type BehaviorOf<T extends BehaviorType> = Extract<Behavior, { type: T }>;

/** The socket types each behaviour drives; the validator refuses other pairings. */
export const BEHAVIOR_SOCKETS: Record<BehaviorType, readonly string[]> = {
  request: ['REQ'],
  reply: ['REP'],
  publish: ['PUB', 'XPUB'],
  subscribe: ['SUB', 'XSUB'],
  produce: ['PUSH'],
  consume: ['PULL', 'PAIR', 'DEALER', 'GATHER', 'DISH'],
  work: [],
  pair: ['PAIR'],
  dealer: ['DEALER'],
  router: ['ROUTER'],
  // Manual is what a node without a behaviour does (send what is injected, print what arrives):
  // every type can do that, so naming it explicitly must not be refused where omitting it is not.
  manual: SOCKET_TYPES,
};

/** Fills `{i}`, `{msg}`, `{topic}`, `{node}` in a template; unknown names stay as written. */
export function fillTemplate(template: string, values: Record<string, string | number>): string {
  const parts = compiled(template);
  if (parts.length === 1) return parts[0];
  let out = parts[0];
  // Odd indexes are placeholder names, even ones the literal text between them.
  for (let k = 1; k < parts.length; k += 2) {
    const name = parts[k];
    out += (Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : `{${name}}`) + parts[k + 1];
  }
  return out;
}

/** Templates are filled once per message: split each one once (a bounded cache). */
const templates = new Map<string, string[]>();
function compiled(template: string): string[] {
  let parts = templates.get(template);
  if (!parts) {
    parts = template.split(/\{(\w+)\}/);
    if (templates.size >= 256) templates.clear();
    templates.set(template, parts);
  }
  return parts;
}

/** Whether a behaviour finishes on its own (the CLI waits for every finite one). */
export function finishesByItself(b: Behavior): boolean {
  switch (b.type) {
    case 'request':
    case 'publish':
    case 'produce':
    case 'dealer':
      return true;
    case 'pair':
    case 'subscribe':
    case 'consume':
      return b.count !== undefined;
    default:
      return false;
  }
}
