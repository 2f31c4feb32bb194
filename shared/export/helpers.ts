/**
 * The small helper module every exported program imports (as the zguide's programs import
 * zhelpers): counting handshakes, waiting for the start signal, printing a message's frames.
 */

import { importLine, nodeBuiltin } from './code';

export const PYTHON_HELPERS = `"""Helpers shared by the programs in this folder (like the zguide's zhelpers.py)."""
import signal
import sys

import zmq
from zmq.utils.monitor import recv_monitor_message

# Ctrl-C (or the launcher stopping a program) ends it at once, as in the C examples,
# without a Python traceback.
signal.signal(signal.SIGINT, signal.SIG_DFL)


class Handshakes:
    """Counts the ZMTP handshakes a socket completes with its peers.

    Create it before bind/connect: a socket monitor reports only what happens after it starts.
    """

    def __init__(self, socket):
        self.socket = socket
        self.monitor = socket.get_monitor_socket(zmq.EVENT_HANDSHAKE_SUCCEEDED)

    def wait(self, count):
        """Blocks until \`count\` peers have completed the handshake, then stops monitoring."""
        seen = 0
        while seen < count:
            if recv_monitor_message(self.monitor)["event"] == zmq.EVENT_HANDSHAKE_SUCCEEDED:
                seen += 1
        self.socket.disable_monitor()
        self.monitor.close()


def wait_for_start():
    """Waits for a line on stdin: the launcher sends it once every program is ready."""
    if sys.stdin.isatty():
        print("Press Enter to start, once the other programs are running.")
    sys.stdin.readline()


def text(frames):
    """A message as zmq-studio prints it: its frames as UTF-8, joined by " | "."""
    return " | ".join(frame.decode("utf-8", "replace") for frame in frames)
`;

export const TYPESCRIPT_HELPERS = `/** Helpers shared by the programs in this folder (like the zguide's zhelpers). */
${importLine('{ createInterface }', nodeBuiltin('readline'))}
${importLine('* as zmq', 'zeromq', true)}

/**
 * Counts the ZMTP handshakes a socket completes with its peers. Call it before bind/connect:
 * a socket monitor reports only what happens after it starts.
 */
export function watchHandshakes(socket: zmq.Socket): { wait(count: number): Promise<void> } {
  const events = socket.events;
  let seen = 0;
  let wake = (): void => undefined;
  // Read the events until the socket closes: libzmq stalls a socket whose monitor nobody reads.
  void (async () => {
    for await (const event of events) {
      if (event.type === 'handshake') seen++;
      wake();
    }
  })();
  return {
    async wait(count: number): Promise<void> {
      while (seen < count) await new Promise<void>((resolve) => (wake = resolve));
    },
  };
}

/** Waits for a line on stdin: the launcher sends it once every program is ready. */
export async function waitForStart(): Promise<void> {
  if (process.stdin.isTTY) console.log('Press Enter to start, once the other programs are running.');
  const lines = createInterface({ input: process.stdin });
  for await (const _line of lines) break;
  process.stdin.destroy(); // read once: let the program end when its work is done
}

/** A message as zmq-studio prints it: its frames as UTF-8, joined by " | ". */
export function text(frames: Buffer[]): string {
  return frames.map((frame) => frame.toString('utf8')).join(' | ');
}
`;
