/**
 * What each node does, as Python: the engine's behaviours (main/behaviors/*) written out as plain
 * loops with the topology's values. The printed lines are the engine's log lines, word for word.
 */
import type { BehaviorOf } from '../behaviors';
import { SOCKET_INFO } from '../patterns';
import type { Code } from './code';
import type { Slot } from './literals';
import { listLines, pyString, pyTemplate, seconds, uses } from './literals';
import type { ProgramPlan, SocketPlan } from './plan';

/** Single-frame receives read as a string; sockets that carry envelopes read every frame. */
function receive(code: Code, s: SocketPlan): string {
  if (s.type === 'DEALER' || s.type === 'ROUTER') {
    code.need('text');
    return `text(${s.name}.recv_multipart())`;
  }
  return `${s.name}.recv_string()`;
}

function pause(code: Code, ms: number, why = ''): void {
  if (ms <= 0) return;
  code.need('time').add(`time.sleep(${seconds(ms)})${why ? `  # ${why}` : ''}`);
}

/** `for i in range(n)`, or `for _ in ...` when the loop never reads its counter. */
function counted(code: Code, n: number, needsI: boolean, body: () => void): void {
  code.block(`for ${needsI ? 'i' : '_'} in range(${n}):`, body);
}

function forever(code: Code, needsI: boolean, body: () => void): void {
  if (needsI) code.need('itertools').block('for i in itertools.count():', body);
  else code.block('while True:', body);
}

export function pythonBehavior(p: ProgramPlan, code: Code): void {
  const s = p.sockets[0];
  const role = p.role;
  if (role.kind === 'device') return device(code, p, role.device);
  if (role.kind === 'worker') return work(code, p, role.behavior);
  const b = role.behavior;
  const node: Slot = { text: p.label };
  switch (b.type) {
    case 'request': {
      counted(code, b.count, uses(b.payload, 'i'), () => {
        code.add(`request = ${pyTemplate(b.payload, { i: { expr: 'i' }, node })}`, 'print(f"Sending {request}")');
        code.add(`${s.name}.send_string(request)`);
        code.need('sys').block('try:', () => {
          code.add(
            b.printReplies
              ? `reply = ${receive(code, s)}`
              : `${receive(code, s)}  # the reply (not printed: printReplies is off)`,
          );
        });
        code.block('except zmq.Again:', () => {
          code.add(
            `print(f'error TIMEOUT: no reply to "{request}" within ${b.timeoutMs} ms', file=sys.stderr)`,
            'sys.exit(1)',
          );
        });
        if (b.printReplies) code.add('print(f"Received {reply}")');
        pause(code, b.intervalMs);
      });
      return;
    }
    case 'reply':
      return forever(code, uses(b.payload, 'i'), () => {
        code.add(`request = ${receive(code, s)}`, 'print(f"Got {request}")');
        pause(code, b.delayMs, 'the work');
        code.add(
          `${s.name}.send_string(${pyTemplate(b.payload, { msg: { expr: 'request' }, i: { expr: 'i' }, node })})`,
        );
      });
    case 'publish':
      return publish(code, s, b, node);
    case 'subscribe':
    case 'consume':
      if (b.type === 'subscribe' && s.type === 'XSUB') {
        code.add('# An XSUB subscribes by sending the byte 1 followed by the prefix.');
        for (const t of b.topics) code.add(`${s.name}.send_string(${pyString(`\u0001${t}`)})`);
      }
      return printArrivals(code, s, b.count);
    case 'produce':
      counted(code, b.count, uses(b.payload, 'i'), () => {
        code.add(`task = ${pyTemplate(b.payload, { i: { expr: 'i' }, node })}`, 'print(f"Sending {task}")');
        code.add(`${s.name}.send_string(task)`);
        pause(code, b.intervalMs);
      });
      return;
    case 'pair':
      return pair(code, s, b, node);
    case 'dealer':
      return dealer(code, s, b, node);
    case 'router':
      return forever(code, uses(b.payload, 'i'), () => {
        code.need('text').add(`frames = ${s.name}.recv_multipart()`);
        code.add('# [identity, ..., b"", body]: everything up to the empty delimiter is the return address');
        code.add('split = frames.index(b"", 1) + 1 if b"" in frames[1:] else 1');
        code.add('envelope, request = frames[:split], text(frames[split:])');
        code.add('print(f"Got {request} from {frames[0].hex()}")');
        pause(code, b.delayMs, 'the work');
        code.add(`answer = ${pyTemplate(b.payload, { msg: { expr: 'request' }, i: { expr: 'i' }, node })}`);
        code.add(`${s.name}.send_multipart(envelope + [answer.encode()])`);
      });
    case 'work':
    case 'manual':
      return manual(code, s);
  }
}

function publish(code: Code, s: SocketPlan, b: BehaviorOf<'publish'>, node: Slot): void {
  const send = (line: string): void => {
    code.add(`print(f"-> {${line}}")`, `${s.name}.send_string(${line})`);
    pause(code, b.intervalMs);
  };
  if (b.messages?.length) {
    const messages = b.messages;
    code.constants.push(...listLines('LINES = ', messages, pyString, '    '));
    if (b.count === messages.length) code.block('for line in LINES:', () => send('line'));
    else
      counted(code, b.count, true, () => {
        code.add('line = LINES[i % len(LINES)]');
        send('line');
      });
    return;
  }
  const topics = b.topics ?? [];
  const cycling = topics.length > 1 && uses(b.payload, 'topic');
  if (cycling) code.constants.push(...listLines('TOPICS = ', topics, pyString, '    '));
  const topic: Slot = cycling ? { expr: 'topic' } : { text: topics[0] ?? '' };
  counted(code, b.count, uses(b.payload, 'i') || cycling, () => {
    if (cycling) code.add('topic = TOPICS[i % len(TOPICS)]');
    code.add(`line = ${pyTemplate(b.payload, { i: { expr: 'i' }, topic, node })}`);
    send('line');
  });
}

function printArrivals(code: Code, s: SocketPlan, count: number | undefined): void {
  code.need('text');
  const line = `print(text(${s.name}.recv_multipart()))`;
  if (count === undefined) {
    code.block('while True:', () => code.add(line));
    return;
  }
  counted(code, count, false, () => code.add(line));
  code.add(`print(${pyString(`Received ${count} messages`)})`);
}

function pair(code: Code, s: SocketPlan, b: BehaviorOf<'pair'>, node: Slot): void {
  if (b.role === 'ping') {
    counted(code, b.count, uses(b.payload, 'i'), () => {
      code.add(`message = ${pyTemplate(b.payload, { i: { expr: 'i' }, node })}`, 'print(f"Sending {message}")');
      code.add(`${s.name}.send_string(message)`, `answer = ${receive(code, s)}`, 'print(f"Got {answer}")');
      pause(code, b.intervalMs);
    });
    return;
  }
  counted(code, b.count, uses(b.payload, 'i'), () => {
    code.add(`message = ${receive(code, s)}`, 'print(f"Got {message}")');
    code.add(`answer = ${pyTemplate(b.payload, { i: { expr: 'i' }, msg: { expr: 'message' }, node })}`);
    code.add('print(f"Sending {answer}")', `${s.name}.send_string(answer)`);
  });
}

function dealer(code: Code, s: SocketPlan, b: BehaviorOf<'dealer'>, node: Slot): void {
  code.add('# A DEALER does not wait for each reply: send every request, then collect the replies.');
  counted(code, b.count, uses(b.payload, 'i'), () => {
    code.add(`request = ${pyTemplate(b.payload, { i: { expr: 'i' }, node })}`, 'print(f"Sending {request}")');
    if (b.envelope) code.add(`${s.name}.send_multipart([b"", request.encode()])  # the empty delimiter a REP expects`);
    else code.add(`${s.name}.send_string(request)`);
    pause(code, b.intervalMs);
  });
  code.need('text');
  counted(code, b.count, false, () => {
    code.add(`frames = ${s.name}.recv_multipart()`);
    if (b.envelope)
      code.add('if len(frames) > 1 and frames[0] == b"":', '    frames = frames[1:]  # drop the delimiter');
    code.add('print(f"Received {text(frames)}")');
  });
}

function work(code: Code, p: ProgramPlan, b: BehaviorOf<'work'>): void {
  const [input, output] = p.sockets;
  const transformed = { none: 'msg', upper: 'msg.upper()', reverse: 'msg[::-1]' }[b.transform];
  forever(code, uses(b.payload, 'i'), () => {
    code.add(`msg = ${receive(code, input)}`, 'print(f"Got {msg}")');
    pause(code, b.delayMs, 'the work');
    code.add(
      `${output.name}.send_string(${pyTemplate(b.payload, { msg: { expr: transformed }, i: { expr: 'i' }, node: { text: p.label } })})`,
    );
  });
}

function device(code: Code, p: ProgramPlan, kind: string): void {
  const [front, back] = p.sockets;
  code.add(`# The ${kind}: zmq.proxy passes every message on whole (multipart, envelopes included)`);
  code.add(
    kind === 'forwarder'
      ? '# from the frontend to the backend, and subscriptions back up.'
      : kind === 'queue'
        ? '# both ways, so each reply finds its way back to its client.'
        : '# from the frontend to the backend.',
  );
  code.add(`zmq.proxy(${front.name}, ${back.name})`);
}

function manual(code: Code, s: SocketPlan): void {
  if (!SOCKET_INFO[s.type].receives || s.type === 'REQ') {
    code.add(`# manual: in zmq-studio this ${s.type} sends only what you inject; here it holds its socket`);
    code.add('# open (its peers see it connected) until the program is stopped.');
    code.need('time').block('while True:', () => code.add('time.sleep(1)'));
    return;
  }
  code.add(`# manual: in zmq-studio this node sends only what you inject; here it holds its socket`);
  code.add('# and prints every message that arrives.');
  printArrivals(code, s, undefined);
}
