/** Exit codes of the CLI (documented in the usage text and docs/cli.md) and the error that carries one. */

export const EXIT = {
  ok: 0,
  /** The topology has errors, or the run failed. */
  failed: 1,
  /** Unknown command or flag, missing or malformed argument. */
  usage: 2,
  /** A file is missing, unreadable, not JSON, or an example id is unknown. */
  input: 3,
  /** Stopped by Ctrl-C (128 + SIGINT), the shell convention. */
  interrupted: 130,
} as const;

/** An expected failure: printed as one line with a hint, never with a stack trace. */
export class CliError extends Error {
  constructor(
    readonly exitCode: number,
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export function usageError(message: string, hint = 'zmq-studio --help shows the commands and flags'): CliError {
  return new CliError(EXIT.usage, message, hint);
}
