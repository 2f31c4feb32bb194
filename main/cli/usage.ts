/** The usage text and the version line: what `zmq-studio --help` and `--version` print. */
import { readFileSync } from 'node:fs';

const EXIT_CODES = `Exit codes:
  0    ok
  1    the topology has errors (including an unsupported format version), or the run failed,
       or serve could not start (port taken, page build failed, engine did not start),
       or the topology cannot run as separate programs (export: inproc, a port chosen at bind),
       or a lesson's check did not observe what it asserts (lesson --check, --exercise)
  2    usage error: unknown command or flag, missing or malformed argument
  3    input error: file not found or unreadable, not valid JSON, unknown example or lesson id,
       trace file not writable, export folder not empty (without --force) or not writable
  130  interrupted (Ctrl-C); the run is stopped and summarised first`;

const RUN = `zmq-studio run <file | example-id> [flags]
  Builds the topology on real sockets, runs every behaviour and prints each node's log as
  "[node] line" and its socket events. Ends when every finite behaviour is done (or at
  --duration), then prints per-node and per-edge counts and the lost messages.
    --duration <ms>           stop after this long even if behaviours are still running
    --trace <out.jsonl>       write every trace record as one JSON line (first line: a header)
    --json                    print the engine's events as JSON lines instead of text
    --free-ports              move the tcp ports the app binds to free ones (avoids clashes)
    --handshake-timeout <ms>  how long connections may take to complete (default 5000)
    --step                    start paused and move one hop per line of input, each hop
                              explained (Enter = next hop, N = N hops, c = continue, q = stop)
    --play <ms>               like --step, but one hop every <ms> by itself
    --kill <node>@<ms>[+<ms>] kill a node <ms> after the start, as a crash would (its sockets
                              close, its peers see the disconnect); with +<ms> it restarts
                              that much later on the same endpoints. Repeatable`;

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

const EXPORT = `zmq-studio export <file | example-id> --lang python|typescript --out <dir> [flags]
  Writes one runnable program per socket, device and worker node (Python on pyzmq, or TypeScript
  on zeromq 6), with a README and a launcher that starts them in the engine's order and prints
  their output as "[node] line": python3 <dir>/launch.py, or node <dir>/launch.mjs after
  npm install. External nodes get no program; the README says what they must bind or connect.
    --lang <python|typescript>  the language of the programs
    --out <dir>                 the folder to write (created if missing; must be empty)
    --force                     write into a folder that is not empty (files of the same names
                                are replaced, others left alone)
    --free-ports                move the tcp ports the programs bind to free ones (printed)`;

const EXAMPLES = `zmq-studio examples [--json]
  Lists the built-in example topologies: id, name and description. Every command that takes a
  file also takes one of these ids.`;

const LESSONS = `zmq-studio lessons [--json]
  Lists the lessons of the course in order: id, title and what it teaches, one per line.

zmq-studio lesson <lesson-id> [--check] [--json] [--topology <file | example-id>] [--exercise <file | example-id>]
  Prints the lesson: its text, what to watch and the question to answer before running it.
    --check                   run it headless on real sockets and check what it shows: exit 0 when
                              everything the lesson asserts was observed, 1 otherwise (the findings
                              say what was missing, in words)
    --topology <f>            check the lesson on your own topology instead of its own (implies --check)
    --exercise <f>            check your answer to the lesson's "build it yourself" exercise
    --json                    print the lesson (and the check's verdict) as one JSON object`;

const TOPICS: Record<string, string> = { run: RUN, validate: VALIDATE, serve: SERVE, export: EXPORT, examples: EXAMPLES, lessons: LESSONS, lesson: LESSONS };

export function usage(topic?: string): string {
  const one = topic === undefined ? undefined : TOPICS[topic];
  if (one) return `${one}\n\n${EXIT_CODES}`;
  return `zmq-studio: draw ZeroMQ topologies, run them on real sockets, trace every message.

Usage:
${RUN}

${VALIDATE}

${SERVE}

${EXPORT}

${EXAMPLES}

${LESSONS}

zmq-studio help [command] | --help | --version

${EXIT_CODES}

Documentation: docs/cli.md (this text), docs/topology-format.md (the file format),
docs/export.md (the exported programs), docs/lessons/ (the lessons' texts).`;
}

export function versionLine(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
  return `zmq-studio ${pkg.version ?? 'unknown'} (node ${process.version})`;
}
