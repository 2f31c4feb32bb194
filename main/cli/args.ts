/** Command-line parsing: a command word, its flags, its one input. Anything else is a usage error. */
import { parseArgs } from 'node:util';
import { usageError } from './errors';

export interface RunFlags {
  durationMs?: number;
  trace?: string;
  json: boolean;
  freePorts: boolean;
  handshakeTimeoutMs?: number;
  /** Start paused and move one hop per command (stdin), explaining each. */
  step: boolean;
  /** With --step: release one hop every this many ms instead of waiting for Enter. */
  playMs?: number;
}

export interface ServeFlags {
  /** Undefined: 5317 when free, else any free port. */
  port?: number;
  open: boolean;
  /** Build the page first when it is missing or older than its sources (unless --no-build). */
  build: boolean;
  inProcess: boolean;
}

export type Command =
  | { name: 'help'; topic?: string }
  | { name: 'version' }
  | { name: 'examples'; json: boolean }
  | { name: 'validate'; input: string; json: boolean }
  | { name: 'run'; input: string; flags: RunFlags }
  | { name: 'serve'; flags: ServeFlags };

export const COMMANDS = ['run', 'validate', 'serve', 'examples', 'help'] as const;

type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string }>;

const HELP: OptionSpec = { help: { type: 'boolean', short: 'h' } };
const RUN_OPTIONS: OptionSpec = {
  ...HELP,
  duration: { type: 'string' },
  trace: { type: 'string' },
  json: { type: 'boolean' },
  'free-ports': { type: 'boolean' },
  'handshake-timeout': { type: 'string' },
  step: { type: 'boolean' },
  play: { type: 'string' },
};
const JSON_OPTIONS: OptionSpec = { ...HELP, json: { type: 'boolean' } };
const SERVE_OPTIONS: OptionSpec = {
  ...HELP,
  port: { type: 'string' },
  open: { type: 'boolean' },
  'no-build': { type: 'boolean' },
  'in-process': { type: 'boolean' },
};

/** Parses argv (without node and the script); throws a usage CliError on anything it cannot read. */
export function parseCommand(argv: readonly string[]): Command {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h') return { name: 'help' };
  if (first === '--version' || first === '-V') return { name: 'version' };
  switch (first) {
    case 'help':
      return { name: 'help', topic: rest[0] };
    case 'examples': {
      const { values } = parse('examples', rest, JSON_OPTIONS, 0);
      return values.help ? { name: 'help', topic: 'examples' } : { name: 'examples', json: values.json === true };
    }
    case 'validate': {
      const { values, positionals } = parse('validate', rest, JSON_OPTIONS, 1);
      if (values.help) return { name: 'help', topic: 'validate' };
      return { name: 'validate', input: positionals[0], json: values.json === true };
    }
    case 'run': {
      const { values, positionals } = parse('run', rest, RUN_OPTIONS, 1);
      if (values.help) return { name: 'help', topic: 'run' };
      return { name: 'run', input: positionals[0], flags: runFlags(values) };
    }
    case 'serve': {
      const { values } = parse('serve', rest, SERVE_OPTIONS, 0);
      if (values.help) return { name: 'help', topic: 'serve' };
      return {
        name: 'serve',
        flags: {
          port: portNumber(values.port),
          open: values.open === true,
          build: values['no-build'] !== true,
          inProcess: values['in-process'] === true,
        },
      };
    }
    default:
      throw first.startsWith('-')
        ? usageError(`unknown option ${first}`)
        : usageError(
            `unknown command "${first}"`,
            `the commands are ${COMMANDS.join(', ')}; zmq-studio --help shows them`,
          );
  }
}

type Values = Record<string, string | boolean | undefined>;

function parse(
  command: string,
  args: string[],
  options: OptionSpec,
  inputs: number,
): { values: Values; positionals: string[] } {
  let parsed: { values: Values; positionals: string[] };
  try {
    parsed = parseArgs({ args, options, strict: true, allowPositionals: true }) as {
      values: Values;
      positionals: string[];
    };
  } catch (err) {
    throw usageError(`${command}: ${firstSentence(err)}`, `zmq-studio ${command} --help lists its flags`);
  }
  if (parsed.values.help) return parsed;
  const { positionals } = parsed;
  if (positionals.length < inputs) {
    throw usageError(
      `${command}: missing <file | example-id>`,
      `e.g. zmq-studio ${command} load-balanced; zmq-studio examples lists the ids`,
    );
  }
  if (positionals.length > inputs) throw usageError(`${command}: unexpected argument "${positionals[inputs]}"`);
  return parsed;
}

function runFlags(values: Values): RunFlags {
  return {
    durationMs: milliseconds(values.duration, '--duration'),
    trace: typeof values.trace === 'string' ? values.trace : undefined,
    json: values.json === true,
    freePorts: values['free-ports'] === true,
    handshakeTimeoutMs: milliseconds(values['handshake-timeout'], '--handshake-timeout'),
    step: values.step === true || values.play !== undefined,
    playMs: milliseconds(values.play, '--play'),
  };
}

function milliseconds(value: string | boolean | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const text = String(value);
  if (!/^\d+$/.test(text) || Number(text) > 2_147_483_647) {
    throw usageError(`${flag} takes a whole number of milliseconds, not "${text}"`, `e.g. ${flag} 2000`);
  }
  return Number(text);
}

function portNumber(value: string | boolean | undefined): number | undefined {
  if (value === undefined) return undefined;
  const text = String(value);
  if (!/^\d{1,5}$/.test(text) || Number(text) > 65_535) {
    throw usageError(
      `--port takes a port number from 0 to 65535, not "${text}"`,
      'e.g. --port 8080; --port 0 picks any free port',
    );
  }
  return Number(text);
}

/** parseArgs messages go on to explain '--' at length; the first sentence is what matters. */
function firstSentence(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const end = message.indexOf('. ');
  return (end > 0 ? message.slice(0, end) : message).replace(/\.$/, '');
}
