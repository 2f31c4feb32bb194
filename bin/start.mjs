#!/usr/bin/env node
// `npm start`: the desktop shell (issue 5) does not exist yet, so say so plainly and run the
// same app in the browser (`zmq-studio serve --open`). Arguments after `npm start --` go to serve.
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { fileURLToPath } from 'node:url';

const text = `zmq-studio: the desktop shell (Electron) is not built yet, and the machine zmq-studio is
being developed on cannot download the Electron binary, so there is no desktop window to open.
Serving the same app in your browser instead: \`zmq-studio serve --open\` builds the page if
needed, runs the engine (real sockets, in a supervised child process) and prints the URL.
Ctrl-C stops it. The engine also runs without any page: \`npx zmq-studio run load-balanced\`
(docs/cli.md).
`;
console.log(text);

const bin = fileURLToPath(new URL('./zmq-studio.mjs', import.meta.url));
const child = spawn(process.execPath, [bin, 'serve', '--open', ...process.argv.slice(2)], { stdio: 'inherit' });

// A terminal's Ctrl-C reaches the child too (same process group); forwarding covers a signal
// sent to this process alone (`kill`, a process manager). serve ignores the repeat while it closes.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  });
}
child.on('error', (err) => {
  console.error(`zmq-studio: could not start the server: ${err.message}`);
  process.exitCode = 1;
});
child.on('exit', (code, signal) => {
  process.exitCode = code ?? 128 + (signal ? constants.signals[signal] : 0);
});
