#!/usr/bin/env node
// `npm start`: the desktop app is not here yet; say what works today and exit cleanly.
const text = `zmq-studio: the desktop app arrives with the Electron shell. Meanwhile the engine runs from
the command line on real sockets: \`npx zmq-studio run load-balanced\` runs the seed's program
(one REQ client, two REP servers: server 1 gets msg 0, 2, 4, 6, 8 and server 2 msg 1, 3, 5, 7, 9),
\`npx zmq-studio examples\` lists the other built-in topologies, and \`npx zmq-studio --help\`
shows every command (docs/cli.md).`;
console.log(text);
