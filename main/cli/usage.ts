/** The usage text and the version line: what `zmq-studio --help` and `--version` print. */
import { readFileSync } from 'node:fs';

const EXIT_CODES = `Exit codes:
  0    ok
  1    the topology has errors (including an unsupported format version), or the run failed,
       or serve could not start (port taken, page build failed, engine did not start)
  2    usage error: unknown command or flag, missing or malformed argument
  3    input error: file not found or unreadable, not valid JSON, unknown example id,
       trace file not writable
  130  interrupted (Ctrl-C); the run is stopped and summarised first`;

const RUN = `zmq-studio run <file | example-id> [flags]
  Builds the topology on real sockets, runs every behaviour and prints each node's log as
  "[node] line" and its socket events. Ends when every finite behaviour is done (or at
  --duration), then prints per-node and per-edge counts and the lost messages.
    --duration <ms>           stop after this long even if behaviours are still running
    --trace <out.jsonl>       write every trace record as one JSON line (first line: a header)
    --json                    print the engine's events as JSON lines instead of text
    --free-ports              move the tcp ports the app binds to free ones (avoids clashes)
    --handshake-timeout <ms>  how long connections may take to complete (default 5000)`;

const VALIDATE = `zmq-studio validate <file | example-id> [--json]
  Checks a topology without running it and prints its diagnostics; "ok: N nodes, M edges"
  when there is no error. --json prints the diagnostics as one JSON array.`;

const SERVE = `zmq-studio serve [--port N] [--open] [--no-build] [--in-process]
  Serves the app's page on http://127.0.0.1 and runs its engine in a supervised child process;
  open the printed URL in a browser. Builds the page first when it is missing or older than its
  sources. Runs until Ctrl-C, which stops the engine and exits 0.
    --port <n>       listen on this port (default 5317, or a free port when 5317 is taken;
                     0 picks any free port)
    --open           open the URL in the default browser
    --no-build       serve dist/renderer as it is, even if missing or stale
    --in-process     run the engine in this process instead of a child (debugging)`;

const EXAMPLES = `zmq-studio examples [--json]
  Lists the built-in example topologies: id, name and description. Every command that takes a
  file also takes one of these ids.`;

const TOPICS: Record<string, string> = { run: RUN, validate: VALIDATE, serve: SERVE, examples: EXAMPLES };

export function usage(topic?: string): string {
  const one = topic === undefined ? undefined : TOPICS[topic];
  if (one) return `${one}\n\n${EXIT_CODES}`;
  return `zmq-studio: draw ZeroMQ topologies, run them on real sockets, trace every message.

Usage:
${RUN}

${VALIDATE}

${SERVE}

${EXAMPLES}

zmq-studio help [command] | --help | --version

${EXIT_CODES}

Documentation: docs/cli.md (this text), docs/topology-format.md (the file format).`;
}

export function versionLine(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
  return `zmq-studio ${pkg.version ?? 'unknown'} (node ${process.version})`;
}
