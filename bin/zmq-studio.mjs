#!/usr/bin/env node
// The npm bin: runs the CLI straight from its TypeScript source through tsx, so
// `npx zmq-studio ...` works from a fresh clone without a build step.
import { register } from 'tsx/esm/api';

register();

// A reader that goes away (`zmq-studio run x | head`) is not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

const { main } = await import('../main/cli.ts');
process.exitCode = await main(process.argv.slice(2));
// Everything is closed by now; if a native handle still holds the loop, do not hang the shell.
setTimeout(() => process.exit(), 2000).unref();
