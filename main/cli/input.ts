/**
 * Resolves the `<file | example-id>` argument to a parsed document. Every failure is a CliError
 * naming the file and what to do (exit code 3), never an exception with a stack trace.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { findExample } from '../../shared/examples';
import { CliError, EXIT } from './errors';

export interface TopologySource {
  /** The parsed JSON document, not yet checked against the schema. */
  doc: unknown;
  /** How the user named it: a path as given, or `example:<id>`. */
  name: string;
}

/** Largest topology file read; a format-1 document of 5000 nodes is far below it. */
const MAX_BYTES = 64 * 1024 * 1024;

export async function loadSource(arg: string): Promise<TopologySource> {
  const example = findExample(arg);
  let text: string;
  try {
    text = await readText(arg);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    // A file of that name wins over an example; only when there is none is the id an example's.
    if (example && (code === 'ENOENT' || code === 'ENOTDIR'))
      return { doc: structuredClone(example.topology), name: `example:${arg}` };
    throw readError(arg, err);
  }
  try {
    return { doc: JSON.parse(text) as unknown, name: arg };
  } catch (err) {
    throw new CliError(
      EXIT.input,
      `${arg}: not valid JSON: ${(err as Error).message}`,
      'a topology file is one JSON object; check for trailing commas and unquoted keys',
    );
  }
}

async function readText(path: string): Promise<string> {
  const buffer = await readFile(path);
  if (buffer.length > MAX_BYTES) {
    throw Object.assign(new Error('too large'), { code: 'EFBIG' });
  }
  return buffer.toString('utf8');
}

function readError(arg: string, err: unknown): CliError {
  const code = (err as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      // A bare word was most likely meant as an example id.
      return looksLikeId(arg)
        ? new CliError(
            EXIT.input,
            `no file or example named "${arg}"`,
            'zmq-studio examples lists the example ids; a file path must exist',
          )
        : new CliError(EXIT.input, `${arg}: file not found`, `check the path (looked in ${resolve(arg)})`);
    case 'EISDIR':
      return new CliError(EXIT.input, `${arg}: is a directory, not a topology file`, 'name the .json file inside it');
    case 'EACCES':
    case 'EPERM':
      return new CliError(EXIT.input, `${arg}: permission denied`, 'check the file permissions');
    case 'EFBIG':
      return new CliError(
        EXIT.input,
        `${arg}: larger than ${MAX_BYTES / 1024 / 1024} MB`,
        'is this really a topology file?',
      );
    default:
      return new CliError(
        EXIT.input,
        `${arg}: cannot read: ${(err as Error).message}`,
        'check the path and permissions',
      );
  }
}

function looksLikeId(arg: string): boolean {
  return /^[A-Za-z0-9_-]+$/.test(arg);
}
