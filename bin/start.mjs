#!/usr/bin/env node
// `npm start`: builds and opens the desktop app (Electron) where it can run; where it cannot (no
// Electron binary and no network to fetch it, no display), says why in one paragraph and serves
// the same app in the browser (`zmq-studio serve --open`). The decision is app/launch/startPlan.ts.
// Arguments after `npm start --` go to serve; `--browser` always picks the browser.
import { register } from 'tsx/esm/api';

register();

const { main } = await import('../app/launch/start.ts');
process.exitCode = await main(process.argv.slice(2));
