/**
 * The command-line host: `zmq-studio run | validate | serve | export | examples | lessons | lesson
 * | help`. Returns an exit code instead of exiting, so it can be driven in-process; every expected
 * failure is one line with a hint (a CliError), never a stack trace.
 */
import { parseCommand } from './cli/args';
import { examplesCommand, validateCommand } from './cli/commands';
import { exportCommand } from './cli/export';
import { CliError, EXIT } from './cli/errors';
import type { CliIo } from './cli/io';
import { processIo } from './cli/io';
import { runCommand } from './cli/run';
import { serveCommand } from './cli/serve';
import { usage, versionLine } from './cli/usage';

export { EXIT } from './cli/errors';

export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  try {
    const command = parseCommand(argv);
    switch (command.name) {
      case 'help':
        io.out(usage(command.topic));
        return EXIT.ok;
      case 'version':
        io.out(versionLine());
        return EXIT.ok;
      case 'examples':
        return examplesCommand(command.json, io);
      case 'validate':
        return await validateCommand(command.input, command.json, io);
      case 'run':
        return await runCommand(command.input, command.flags, io);
      case 'serve':
        return await serveCommand(command.flags, io);
      case 'export':
        return await exportCommand(command.input, command.flags, io);
      // The course (about twenty modules) loads only for the commands that use it.
      case 'lessons':
        return (await import('./lessons/command')).lessonsCommand(command.json, io);
      case 'lesson':
        return await (await import('./lessons/command')).lessonCommand(command.id, command.flags, io);
    }
  } catch (err) {
    if (err instanceof CliError) {
      io.err(`zmq-studio: ${err.message}${err.hint ? ` (hint: ${err.hint})` : ''}`);
      return err.exitCode;
    }
    // A bug, not bad input: still one line, with where to look; the stack only when asked for.
    io.err(
      `zmq-studio: internal error: ${err instanceof Error ? err.message : String(err)} (hint: please report it with the command you ran)`,
    );
    if (process.env.ZMQ_STUDIO_DEBUG && err instanceof Error && err.stack) io.err(err.stack);
    return EXIT.failed;
  }
}
