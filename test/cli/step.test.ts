/**
 * `zmq-studio run --step`: the run starts paused, moves one hop per line of input (or per --play
 * tick), and explains each hop. Through the real bin, stdin piped as a script would.
 */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { cli, ROOT } from './cli';

function runWithInput(args: string[], input: string, timeoutMs = 25_000): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/zmq-studio.mjs', ...args], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no exit within ${timeoutMs} ms\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stdout, stderr });
    });
    // One command per line, a little apart, as a person at the keyboard.
    const lines = input.split('\n');
    let i = 0;
    const next = () => {
      if (i < lines.length - 1) child.stdin.write(`${lines[i++]}\n`);
      else return child.stdin.end();
      setTimeout(next, 300);
    };
    setTimeout(next, 1500);
  });
}

const hops = (stdout: string) => stdout.split('\n').filter((l) => l.startsWith('hop '));

describe('run --step', () => {
  it('moves one hop per Enter, explains each, and stops on q', async () => {
    const r = await runWithInput(['run', 'load-balanced', '--step', '--free-ports'], '\n\n\nq\n');
    expect(r.code).toBe(0);
    expect(hops(r.stdout)).toEqual(['hop 1  client -> server 1  "msg 0"', 'hop 2  server 1 -> client  "World from 5000"', 'hop 3  client -> server 2  "msg 1"']);
    expect(r.stdout).toContain('REQ round-robins requests over its 2 peers: server 2 was next');
    expect(r.stdout).toContain('REP answers on the pipe the request came from: the reply goes back to client');
    expect(r.stdout).toContain('summary: the run stopped');
    expect(r.stderr).toContain('Enter = next hop');
  });

  it('a number moves that many hops; c runs to the end with the seed split', async () => {
    const r = await runWithInput(['run', 'load-balanced', '--step', '--free-ports'], '4\nc\n');
    expect(r.code).toBe(0);
    expect(hops(r.stdout)).toHaveLength(4);
    expect(r.stdout).toContain('summary: every finite behaviour finished');
    expect(r.stdout.split('\n').filter((l) => l.startsWith('[server 2] Got'))).toEqual(['[server 2] Got msg 1', '[server 2] Got msg 3', '[server 2] Got msg 5', '[server 2] Got msg 7', '[server 2] Got msg 9']);
  });

  it('--play steps by itself and explains the football filter', async () => {
    const r = await cli(['run', 'football', '--play', '1', '--free-ports']);
    expect(r.code).toBe(0);
    const h = hops(r.stdout);
    expect(h).toHaveLength(20);
    expect(h.filter((l) => l.includes('-> listener'))).toHaveLength(10);
    expect(r.stdout).toContain('filtered it out: its subscriptions ("netherlands", "germany") do not match');
    // Every hop is told before the summary.
    expect(r.stdout.lastIndexOf('hop 20')).toBeLessThan(r.stdout.indexOf('summary:'));
  });

  it('rejects a --play that is not a number of ms', async () => {
    const r = await cli(['run', 'football', '--play', 'fast']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--play takes a whole number of milliseconds');
  });
});
