/**
 * Serves an engine over a ChildPipe: runs commands, answers with replies, forwards every event.
 * Kept apart from the entry file so tests can serve a fake engine through the very same loop.
 */
import type { Engine, EngineFactory } from '../engineApi';
import type { ChildPipe } from './childPipe';
import { openChildPipe } from './childPipe';
import type { ParentMessage } from './protocol';
import { parseParentMessage, toReplyError } from './protocol';

/** How long dispose may take before the child gives up and exits anyway. */
const DISPOSE_TIMEOUT_MS = 5000;

type Command = Extract<ParentMessage, { kind: 'command' }>;

/**
 * Creates the engine and serves it until the host shuts it down, closes the channel or sends
 * SIGTERM; then disposes the engine and exits. Exits 1 at once when no host started the process.
 */
export function serveEngine(factory: EngineFactory, pipe: ChildPipe | undefined = openChildPipe()): void {
  if (!pipe) {
    process.stderr.write('engine child: no parent channel; start it through the supervisor\n');
    process.exit(1);
  }
  const engine = factory((event) => pipe.post({ kind: 'event', event }));
  let closing = false;

  const shutdown = (): void => {
    if (closing) return;
    closing = true;
    const force = setTimeout(() => process.exit(1), DISPOSE_TIMEOUT_MS);
    force.unref();
    engine
      .dispose()
      .catch(() => undefined)
      .finally(() => process.exit(0));
  };

  pipe.onMessage((data) => {
    const message = parseParentMessage(data);
    if (!message) return; // not ours: ignore rather than crash the engine
    if (message.kind === 'shutdown') shutdown();
    else void answer(engine, pipe, message, closing);
  });
  pipe.onClose(shutdown);
  process.once('SIGTERM', shutdown);
  // A terminal's Ctrl-C reaches the whole process group; the host decides when the engine stops.
  process.on('SIGINT', () => undefined);
  pipe.post({ kind: 'ready', pid: process.pid });
}

async function answer(engine: Engine, pipe: ChildPipe, command: Command, closing: boolean): Promise<void> {
  const { id, name, args } = command;
  if (closing) {
    pipe.post({
      kind: 'reply',
      id,
      ok: false,
      error: { message: 'the engine is shutting down', code: 'ENGINE_DISPOSED' },
    });
    return;
  }
  let value: unknown;
  try {
    const method = engine[name] as (...a: unknown[]) => Promise<unknown>;
    value = await method.apply(engine, args);
  } catch (err) {
    pipe.post({ kind: 'reply', id, ok: false, error: toReplyError(err) });
    return;
  }
  if (!pipe.post({ kind: 'reply', id, ok: true, value })) {
    // The value could not be cloned (or the channel is gone): say so rather than leave the host waiting.
    pipe.post({
      kind: 'reply',
      id,
      ok: false,
      error: { message: `the reply to ${name} could not be sent`, code: 'ENGINE_REPLY' },
    });
  }
}
