/**
 * What each node does, as TypeScript on zeromq 6: the engine's behaviours (main/behaviors/*)
 * written out as plain async loops with the topology's values, printing the engine's log lines.
 */
import type { BehaviorOf } from '../behaviors';
import { SOCKET_INFO } from '../patterns';
import type { Code } from './code';
import type { Slot } from './literals';
import { listLines, tsString, tsTemplate, uses } from './literals';
import type { ProgramPlan, SocketPlan } from './plan';

/** A received message as text: every frame, as the engine's logs show it. */
function receive(code: Code, s: SocketPlan): string {
  code.need('text');
  return `text(await ${s.name}.receive())`;
}

function pause(code: Code, ms: number, why = ''): void {
  if (ms <= 0) return;
  code.need('sleep').add(`await sleep(${ms});${why ? ` // ${why}` : ''}`);
}

const counted = (code: Code, n: number, body: () => void): Code =>
  code.block(`for (let i = 0; i < ${n}; i++) {`, body, '}');
const forever = (code: Code, needsI: boolean, body: () => void): Code =>
  code.block(needsI ? 'for (let i = 0; ; i++) {' : 'for (;;) {', body, '}');

export function typescriptBehavior(p: ProgramPlan, code: Code): void {
  const s = p.sockets[0];
  const role = p.role;
  if (role.kind === 'device') return device(code, p, role.device);
  if (role.kind === 'worker') return work(code, p, role.behavior);
  const b = role.behavior;
  const node: Slot = { text: p.label };
  switch (b.type) {
    case 'request':
      counted(code, b.count, () => {
        code.add(
          `const request = ${tsTemplate(b.payload, { i: { expr: 'i' }, node })};`,
          'console.log(`Sending ${request}`);',
        );
        code.add(`await ${s.name}.send(request);`);
        if (b.printReplies) code.add('let reply: string;');
        code.block(
          'try {',
          () => {
            code.add(
              b.printReplies
                ? `reply = ${receive(code, s)};`
                : `await ${s.name}.receive(); // the reply (not printed: printReplies is off)`,
            );
          },
          '} catch {',
        );
        code.block(
          '',
          () => {
            code.add(
              `console.error(\`error TIMEOUT: no reply to "\${request}" within ${b.timeoutMs} ms\`);`,
              'process.exit(1);',
            );
          },
          '}',
        );
        if (b.printReplies) code.add('console.log(`Received ${reply}`);');
        pause(code, b.intervalMs);
      });
      return;
    case 'reply':
      forever(code, uses(b.payload, 'i'), () => {
        code.add(`const request = ${receive(code, s)};`, 'console.log(`Got ${request}`);');
        pause(code, b.delayMs, 'the work');
        code.add(
          `await ${s.name}.send(${tsTemplate(b.payload, { msg: { expr: 'request' }, i: { expr: 'i' }, node })});`,
        );
      });
      return;
    case 'publish':
      return publish(code, s, b, node);
    case 'subscribe':
    case 'consume':
      if (b.type === 'subscribe' && s.type === 'XSUB') {
        code.add('// An XSUB subscribes by sending the byte 1 followed by the prefix.');
        for (const t of b.topics) code.add(`await ${s.name}.send(${tsString(`\u0001${t}`)});`);
      }
      return printArrivals(code, s, b.count);
    case 'produce':
      counted(code, b.count, () => {
        code.add(
          `const task = ${tsTemplate(b.payload, { i: { expr: 'i' }, node })};`,
          'console.log(`Sending ${task}`);',
        );
        code.add(`await ${s.name}.send(task);`);
        pause(code, b.intervalMs);
      });
      return;
    case 'pair':
      return pair(code, s, b, node);
    case 'dealer':
      return dealer(code, s, b, node);
    case 'router':
      forever(code, uses(b.payload, 'i'), () => {
        code.add(`const frames = await ${s.name}.receive();`);
        code.add("// [identity, ..., '', body]: everything up to the empty delimiter is the return address");
        code.add('const split = frames.findIndex((frame, k) => k > 0 && frame.length === 0) + 1 || 1;');
        code.need('text').add('const envelope = frames.slice(0, split);', 'const request = text(frames.slice(split));');
        code.add("console.log(`Got ${request} from ${frames[0].toString('hex')}`);");
        pause(code, b.delayMs, 'the work');
        code.add(
          `await ${s.name}.send([...envelope, ${tsTemplate(b.payload, { msg: { expr: 'request' }, i: { expr: 'i' }, node })}]);`,
        );
      });
      return;
    case 'work':
    case 'manual':
      return manual(code, s);
  }
}

function publish(code: Code, s: SocketPlan, b: BehaviorOf<'publish'>, node: Slot): void {
  const send = (line: string): void => {
    code.add(`console.log(\`-> \${${line}}\`);`, `await ${s.name}.send(${line});`);
    pause(code, b.intervalMs);
  };
  if (b.messages?.length) {
    const messages = b.messages;
    code.constants.push(...listLines('const LINES = ', messages, tsString, '  ', ';'));
    if (b.count === messages.length) code.block('for (const line of LINES) {', () => send('line'), '}');
    else
      counted(code, b.count, () => {
        code.add('const line = LINES[i % LINES.length];');
        send('line');
      });
    return;
  }
  const topics = b.topics ?? [];
  const cycling = topics.length > 1 && uses(b.payload, 'topic');
  if (cycling) code.constants.push(...listLines('const TOPICS = ', topics, tsString, '  ', ';'));
  const topic: Slot = cycling ? { expr: 'topic' } : { text: topics[0] ?? '' };
  counted(code, b.count, () => {
    if (cycling) code.add('const topic = TOPICS[i % TOPICS.length];');
    code.add(`const line = ${tsTemplate(b.payload, { i: { expr: 'i' }, topic, node })};`);
    send('line');
  });
}

function printArrivals(code: Code, s: SocketPlan, count: number | undefined): void {
  const line = `console.log(${receive(code, s)});`;
  if (count === undefined) {
    forever(code, false, () => code.add(line));
    return;
  }
  counted(code, count, () => code.add(line));
  code.add(`console.log(${tsString(`Received ${count} messages`)});`);
}

function pair(code: Code, s: SocketPlan, b: BehaviorOf<'pair'>, node: Slot): void {
  counted(code, b.count, () => {
    if (b.role === 'ping') {
      code.add(
        `const message = ${tsTemplate(b.payload, { i: { expr: 'i' }, node })};`,
        'console.log(`Sending ${message}`);',
      );
      code.add(
        `await ${s.name}.send(message);`,
        `const answer = ${receive(code, s)};`,
        'console.log(`Got ${answer}`);',
      );
      pause(code, b.intervalMs);
    } else {
      code.add(`const message = ${receive(code, s)};`, 'console.log(`Got ${message}`);');
      code.add(`const answer = ${tsTemplate(b.payload, { i: { expr: 'i' }, msg: { expr: 'message' }, node })};`);
      code.add('console.log(`Sending ${answer}`);', `await ${s.name}.send(answer);`);
    }
  });
}

function dealer(code: Code, s: SocketPlan, b: BehaviorOf<'dealer'>, node: Slot): void {
  code.add('// A DEALER does not wait for each reply: print the replies as they come while requests go out.');
  code.need('text').block(
    'const replies = (async () => {',
    () => {
      counted(code, b.count, () => {
        code.add(`const frames = await ${s.name}.receive();`);
        if (b.envelope)
          code.add(
            'const body = frames.length > 1 && frames[0].length === 0 ? frames.slice(1) : frames; // drop the delimiter',
          );
        code.add(`console.log(\`Received \${text(${b.envelope ? 'body' : 'frames'})}\`);`);
      });
    },
    '})();',
  );
  counted(code, b.count, () => {
    code.add(
      `const request = ${tsTemplate(b.payload, { i: { expr: 'i' }, node })};`,
      'console.log(`Sending ${request}`);',
    );
    code.add(
      b.envelope
        ? `await ${s.name}.send(['', request]); // the empty delimiter a REP expects`
        : `await ${s.name}.send(request);`,
    );
    pause(code, b.intervalMs);
  });
  code.add('await replies;');
}

function work(code: Code, p: ProgramPlan, b: BehaviorOf<'work'>): void {
  const [input, output] = p.sockets;
  const transformed = { none: 'msg', upper: 'msg.toUpperCase()', reverse: "[...msg].reverse().join('')" }[b.transform];
  forever(code, uses(b.payload, 'i'), () => {
    code.add(`const msg = ${receive(code, input)};`, 'console.log(`Got ${msg}`);');
    pause(code, b.delayMs, 'the work');
    code.add(
      `await ${output.name}.send(${tsTemplate(b.payload, { msg: { expr: transformed }, i: { expr: 'i' }, node: { text: p.label } })});`,
    );
  });
}

function device(code: Code, p: ProgramPlan, kind: string): void {
  const [front, back] = p.sockets;
  code.add(`// The ${kind}: zeromq's Proxy passes every message on whole (multipart, envelopes included)`);
  code.add(
    kind === 'forwarder'
      ? '// from the frontend to the backend, and subscriptions back up.'
      : kind === 'queue'
        ? '// both ways, so each reply finds its way back to its client.'
        : '// from the frontend to the backend.',
  );
  code.add(`await new zmq.Proxy(${front.name}, ${back.name}).run();`);
}

function manual(code: Code, s: SocketPlan): void {
  if (!SOCKET_INFO[s.type].receives || s.type === 'REQ') {
    code.add(`// manual: in zmq-studio this ${s.type} sends only what you inject; here it holds its socket`);
    code.add('// open (its peers see it connected) until the program is stopped.');
    code.add('setInterval(() => undefined, 1 << 30);');
    return;
  }
  code.add('// manual: in zmq-studio this node sends only what you inject; here it holds its socket');
  code.add('// and prints every message that arrives.');
  printArrivals(code, s, undefined);
}
