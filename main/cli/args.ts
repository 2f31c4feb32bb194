/** Command-line parsing: a command word, its flags, its one input. Anything else is a usage error. */
import { parseArgs } from 'node:util';
import { EXPORT_LANGUAGES } from '../../shared/export/files';
import type { ExportLanguage } from '../../shared/export/files';
import { usageError } from './errors';
import type { LessonFlags } from '../lessons/command';

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
  /** Nodes to kill during the run (fault injection), each at a time, restarted after a delay or not. */
  kills: KillPlan[];
}

/** `--kill NODE@MS[+RESTART_MS]`: kill NODE MS ms after the start; with +RESTART_MS it comes back. */
export interface KillPlan {
  node: string;
  atMs: number;
  restartAfterMs?: number;
}

export interface ServeFlags {
  /** Undefined: 5317 when free, else any free port. */
  port?: number;
  open: boolean;
  /** Build the page first when it is missing or older than its sources (unless --no-build). */
  build: boolean;
  inProcess: boolean;
}

export interface ExportFlags {
  lang: ExportLanguage;
  out: string;
  /** Write into a folder that is not empty (over the files of the same names). */
  force: boolean;
  freePorts: boolean;
}

export type Command =
  | { name: 'help'; topic?: string }
  | { name: 'version' }
  | { name: 'examples'; json: boolean }
  | { name: 'lessons'; json: boolean }
  | { name: 'lesson'; id: string; flags: LessonFlags }
  | { name: 'validate'; input: string; json: boolean }
  | { name: 'run'; input: string; flags: RunFlags }
  | { name: 'serve'; flags: ServeFlags }
  | { name: 'export'; input: string; flags: ExportFlags };

export const COMMANDS = ['run', 'validate', 'serve', 'export', 'examples', 'lessons', 'lesson', 'help'] as const;

type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }>;

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
  kill: { type: 'string', multiple: true },
};
const JSON_OPTIONS: OptionSpec = { ...HELP, json: { type: 'boolean' } };
const LESSON_OPTIONS: OptionSpec = { ...JSON_OPTIONS, check: { type: 'boolean' }, topology: { type: 'string' }, exercise: { type: 'string' } };
const EXPORT_OPTIONS: OptionSpec = {
  ...HELP,
  lang: { type: 'string' },
  out: { type: 'string' },
  force: { type: 'boolean' },
  'free-ports': { type: 'boolean' },
};
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
    case 'lessons': {
      const { values } = parse('lessons', rest, JSON_OPTIONS, 0);
      return values.help ? { name: 'help', topic: 'lessons' } : { name: 'lessons', json: values.json === true };
    }
    case 'lesson': {
      const ids = rest.filter((a, i) => !a.startsWith('-') && !['--topology', '--exercise'].includes(rest[i - 1] ?? ''));
      const { values, positionals } = parse('lesson', rest, LESSON_OPTIONS, Math.min(ids.length, 1));
      if (values.help) return { name: 'help', topic: 'lesson' };
      if (positionals.length === 0) throw usageError('lesson: missing <lesson-id>', 'zmq-studio lessons lists the ids, e.g. zmq-studio lesson hello-world');
      return { name: 'lesson', id: positionals[0], flags: lessonFlags(values) };
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
    case 'export': {
      const { values, positionals } = parse('export', rest, EXPORT_OPTIONS, 1);
      if (values.help) return { name: 'help', topic: 'export' };
      return { name: 'export', input: positionals[0], flags: exportFlags(values) };
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

type Values = Record<string, string | boolean | string[] | undefined>;

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
    kills: (Array.isArray(values.kill) ? values.kill : []).map(killPlan),
  };
}

function killPlan(text: string): KillPlan {
  const m = /^([^@]+)@(\d+)(?:\+(\d+))?$/.exec(text);
  if (!m || Number(m[2]) > 2_147_483_647 || Number(m[3] ?? 0) > 600_000) {
    throw usageError(`--kill takes NODE@MS or NODE@MS+RESTART_MS, not "${text}"`, 'e.g. --kill server@500+1000 kills server 500 ms in and restarts it 1000 ms later');
  }
  return m[3] === undefined ? { node: m[1], atMs: Number(m[2]) } : { node: m[1], atMs: Number(m[2]), restartAfterMs: Number(m[3]) };
}

function exportFlags(values: Values): ExportFlags {
  const lang = values.lang;
  if (typeof lang !== 'string') {
    throw usageError('export: --lang is required', `--lang ${EXPORT_LANGUAGES.join(' or --lang ')}`);
  }
  if (!(EXPORT_LANGUAGES as readonly string[]).includes(lang)) {
    throw usageError(`export: --lang takes ${EXPORT_LANGUAGES.join(' or ')}, not "${lang}"`, `e.g. --lang python`);
  }
  if (typeof values.out !== 'string' || values.out === '') {
    throw usageError('export: --out <dir> is required', 'the folder to write the programs into, e.g. --out ./programs');
  }
  return {
    lang: lang as ExportLanguage,
    out: values.out,
    force: values.force === true,
    freePorts: values['free-ports'] === true,
  };
}

function lessonFlags(values: Values): LessonFlags {
  const file = (flag: 'topology' | 'exercise'): string | undefined => (typeof values[flag] === 'string' ? (values[flag] as string) : undefined);
  return { check: values.check === true, json: values.json === true, topology: file('topology'), exercise: file('exercise') };
}

function milliseconds(value: string | boolean | string[] | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const text = String(value);
  if (!/^\d+$/.test(text) || Number(text) > 2_147_483_647) {
    throw usageError(`${flag} takes a whole number of milliseconds, not "${text}"`, `e.g. ${flag} 2000`);
  }
  return Number(text);
}

function portNumber(value: string | boolean | string[] | undefined): number | undefined {
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
