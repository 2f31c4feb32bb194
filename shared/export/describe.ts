/** One plain sentence per program: the first line of its comment and its row in the README. */
import { SOCKET_INFO } from '../patterns';
import type { ProgramPlan } from './plan';

const DEVICES = {
  queue:
    'a queue device: clients connect to its ROUTER frontend, servers to its DEALER backend; it passes requests and replies on whole',
  forwarder:
    'a forwarder device: publishers reach its XSUB frontend, subscribers its XPUB backend; data flows down, subscriptions up',
  streamer: 'a streamer device: its PULL frontend takes the tasks, its PUSH backend deals them out in turn',
} as const;

const quote = (s: string): string => JSON.stringify(s);
const times = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;
const every = (ms: number): string => (ms > 0 ? `, one every ${ms} ms` : '');

export function describeProgram(p: ProgramPlan): string {
  const type = p.sockets[0].type;
  const role = p.role;
  if (role.kind === 'device') return DEVICES[role.device];
  if (role.kind === 'worker') {
    const b = role.behavior;
    const work = b.delayMs > 0 ? `, works ${b.delayMs} ms` : '';
    const transform =
      b.transform === 'none' ? '' : ` (the input ${b.transform === 'upper' ? 'upper-cased' : 'reversed'})`;
    return `a pipeline worker: takes each message from its ${p.sockets[0].type}${work} and sends ${quote(b.payload)}${transform} on its ${p.sockets[1].type}`;
  }
  const b = role.behavior;
  const a = `${type.startsWith('X') ? 'an' : 'a'} ${type}`;
  switch (b.type) {
    case 'request':
      return `${a} socket that sends ${times(b.count, 'request')} (${quote(b.payload)}), each waiting for its reply${every(b.intervalMs)}`;
    case 'reply':
      return `${a} socket that answers every request with ${quote(b.payload)}`;
    case 'publish': {
      const what = b.messages?.length
        ? `${times(b.count, 'line')} of a list`
        : `${times(b.count, 'message')} (${quote(b.payload)})`;
      return `${a} socket that publishes ${what}${every(b.intervalMs)}`;
    }
    case 'subscribe': {
      const topics = b.topics.map((t) => (t === '' ? 'everything' : quote(t))).join(' and ') || 'nothing';
      const until =
        b.count === undefined ? 'every message that arrives' : `the first ${times(b.count, 'message')} that arrive`;
      return `${a} socket subscribed to ${topics} that prints ${until}`;
    }
    case 'consume':
      return `${a} socket that prints ${b.count === undefined ? 'every message it receives' : `the ${times(b.count, 'message')} it receives`}`;
    case 'produce':
      return `${a} socket that sends ${times(b.count, 'task')} (${quote(b.payload)})${every(b.intervalMs)}`;
    case 'pair':
      return b.role === 'ping'
        ? `${a} socket that sends ${quote(b.payload)} ${times(b.count, 'time')}, each time waiting for the answer`
        : `${a} socket that answers ${times(b.count, 'message')} with ${quote(b.payload)}`;
    case 'dealer':
      return `${a} socket that sends ${times(b.count, 'request')} (${quote(b.payload)}) without waiting, then prints the replies`;
    case 'router':
      return `${a} socket that answers every request with ${quote(b.payload)}, routed back by the sender's identity`;
    case 'work':
    case 'manual':
      return SOCKET_INFO[type].receives && type !== 'REQ'
        ? `${a} socket driven by hand in zmq-studio: here it holds its socket and prints what arrives`
        : `${a} socket driven by hand in zmq-studio: here it only holds its socket open`;
  }
}

/** A summary from shared/patterns as the rest of a sentence: "Sends a request..." -> "sends a request...". */
export function sentence(summary: string): string {
  return summary.charAt(0).toLowerCase() + summary.slice(1);
}

/** Words in lines of at most `width` characters (a longer word gets a line of its own). */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}
