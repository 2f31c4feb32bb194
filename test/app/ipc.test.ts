/**
 * app/ipc.ts's real handlers, registered on a thin fake of ipcMain and driven as Electron would:
 * with an event whose senderFrame is (or is not) our window's main frame. Every refusal is a
 * clear error with a code, and a refused message never reaches the engine, a dialog or the disk.
 */
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EngineCommands } from '../../shared/ipc';
import type { DocumentState, NativeEdit } from '../../shared/menu';
import type { IpcReply } from '../../app/channels';
import { CHANNELS } from '../../app/channels';
import type { IpcMainLike } from '../../app/ipc';
import { registerIpcHandlers } from '../../app/ipc';
import { RecentFiles } from '../../app/recentFiles';
import type { SenderEvent } from '../../app/senderCheck';
import { sameOrigin } from '../../app/senderCheck';
import type { FileDialogs, TopologyFilesDeps } from '../../app/topologyFiles';
import { TopologyFiles } from '../../app/topologyFiles';

// Electron's own types stay inside app/ (test/app/static.test.ts): name them through app/'s.
type OpenDialogReturnValue = Awaited<ReturnType<FileDialogs['showOpenDialog']>>;
type SaveDialogReturnValue = Awaited<ReturnType<FileDialogs['showSaveDialog']>>;
type BaseWindow = NonNullable<ReturnType<TopologyFilesDeps['window']>>;

const MiB = 1024 * 1024;
const mainFrame = { url: 'app://zmq-studio/index.html' };
const ourWindow = { webContents: { mainFrame } };

let dir: string;
let harness: ReturnType<typeof setup>;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zmq-studio-ipc-'));
  harness = setup();
});
afterEach(async () => {
  harness.dispose();
  await rm(dir, { recursive: true, force: true });
});

function setup() {
  const handlers = new Map<string, (event: SenderEvent, ...args: unknown[]) => Promise<unknown>>();
  const listeners = new Map<string, (event: SenderEvent, ...args: unknown[]) => void>();
  const ipcMain: IpcMainLike = {
    handle: (channel, listener) => void handlers.set(channel, listener),
    on: (channel, listener) => listeners.set(channel, listener),
    removeHandler: (channel) => void handlers.delete(channel),
    removeAllListeners: (channel) => listeners.delete(channel),
  };
  const engineCalls: { name: string; args: unknown[] }[] = [];
  const record =
    (name: string, value: unknown) =>
    async (...args: unknown[]) => {
      engineCalls.push({ name, args });
      return value;
    };
  const engine = {
    start: record('start', { runId: 1, diagnostics: [] }),
    stop: record('stop', { closedSockets: 2 }),
    inject: record('inject', { msg: 7 }),
    status: record('status', { state: 'idle', runId: 0 }),
    pause: record('pause', { state: 'paused' }),
    resume: record('resume', { state: 'running' }),
    frames: record('frames', { available: false, seq: 1, reason: 'gone' }),
  } as unknown as EngineCommands;
  const dialogsShown: string[] = [];
  const answers = { open: [] as string[], save: undefined as string | undefined };
  const recent = new RecentFiles({ read: async () => undefined, write: async () => undefined });
  const files = new TopologyFiles({
    dialogs: {
      showOpenDialog: async (): Promise<OpenDialogReturnValue> => {
        dialogsShown.push('open');
        return { canceled: answers.open.length === 0, filePaths: answers.open };
      },
      showSaveDialog: async (): Promise<SaveDialogReturnValue> => {
        dialogsShown.push('save');
        return { canceled: answers.save === undefined, filePath: answers.save ?? '' };
      },
    },
    disk: {
      size: async (p) => (await readFile(p)).length,
      read: (p) => readFile(p, 'utf8'),
      write: (p, text) => writeFile(p, text),
    },
    recent,
    window: () => ({}) as BaseWindow,
    defaultDir: dir,
  });
  let win: typeof ourWindow | undefined = ourWindow;
  const states: DocumentState[] = [];
  const edits: NativeEdit[] = [];
  const warnings: string[] = [];
  const dispose = registerIpcHandlers({
    ipcMain,
    window: () => win,
    isAppUrl: (url) => sameOrigin(url, 'app://zmq-studio'),
    engine,
    files,
    onDocumentState: (s) => void states.push(s),
    onNativeEdit: (e) => void edits.push(e),
    warn: (m) => void warnings.push(m),
  });
  const invoke = async (channel: string, event: SenderEvent, ...args: unknown[]): Promise<IpcReply> => {
    const handler = handlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    return (await handler(event, ...args)) as IpcReply;
  };
  const send = (channel: string, event: SenderEvent, ...args: unknown[]): void => listeners.get(channel)?.(event, ...args);
  return {
    handlers,
    listeners,
    engineCalls,
    dialogsShown,
    answers,
    files,
    recent,
    states,
    edits,
    warnings,
    invoke,
    send,
    dispose,
    closeWindow: () => (win = undefined),
  };
}

const ours: SenderEvent = { senderFrame: mainFrame };

describe('the sender check', () => {
  const foreign: [string, () => SenderEvent][] = [
    ['an iframe of our page (another frame at our URL)', () => ({ senderFrame: { url: 'app://zmq-studio/index.html' } })],
    ['a frame that is gone', () => ({ senderFrame: null })],
    ['our main frame navigated to a web page', () => ({ senderFrame: Object.assign(mainFrame, { url: 'https://evil.example/' }) })],
    ['our main frame at a file: URL', () => ({ senderFrame: Object.assign(mainFrame, { url: 'file:///etc/passwd' }) })],
    ['our main frame at another app: host', () => ({ senderFrame: Object.assign(mainFrame, { url: 'app://other/index.html' }) })],
  ];
  afterEach(() => void (mainFrame.url = 'app://zmq-studio/index.html'));

  it.each(foreign)('refuses %s on every channel, with no engine call, dialog or state change', async (_what, event) => {
    const { invoke, send } = harness;
    const replies = [
      await invoke(CHANNELS.command, event(), 'status', []),
      await invoke(CHANNELS.command, event(), 'stop', []),
      await invoke(CHANNELS.openTopologyFile, event()),
      await invoke(CHANNELS.saveTopologyFile, event(), { suggestedName: 'a.zmqtopo.json', text: '{}', saveAs: true }),
    ];
    send(CHANNELS.documentState, event(), { title: 'x', dirty: true });
    send(CHANNELS.nativeEdit, event(), 'paste');
    for (const reply of replies) expect(reply).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    expect((replies[0] as { error: { message: string } }).error.message).toMatch(/main frame|gone|not the app/);
    expect(harness.engineCalls).toEqual([]);
    expect(harness.dialogsShown).toEqual([]);
    expect(harness.states).toEqual([]);
    expect(harness.edits).toEqual([]);
    expect(harness.warnings.length).toBe(6);
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses everything while there is no window', async () => {
    harness.closeWindow();
    expect(await harness.invoke(CHANNELS.command, ours, 'status', [])).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN_SENDER', message: 'there is no app window to accept this from' },
    });
    expect(harness.engineCalls).toEqual([]);
  });

  it("accepts our window's main frame and answers with the engine's reply", async () => {
    expect(await harness.invoke(CHANNELS.command, ours, 'stop', [])).toEqual({ ok: true, value: { closedSockets: 2 } });
    expect(await harness.invoke(CHANNELS.command, ours, 'start', [{ format: 'x' }, { freePorts: true }])).toEqual({ ok: true, value: { runId: 1, diagnostics: [] } });
    expect(harness.engineCalls).toEqual([
      { name: 'stop', args: [] },
      { name: 'start', args: [{ format: 'x' }, { freePorts: true }] },
    ]);
  });
});

function nested(depth: number): unknown {
  let v: unknown = {};
  for (let i = 0; i < depth; i++) v = { nodes: [v] };
  return v;
}

describe('engine command payloads', () => {
  const bad: [string, unknown[], string, RegExp][] = [
    ['an unknown command', ['dispose', []], 'UNKNOWN_COMMAND', /"dispose" is not a command/],
    ['an inherited name', ['toString', []], 'UNKNOWN_COMMAND', /not a command/],
    ['a prototype name', ['__proto__', []], 'UNKNOWN_COMMAND', /not a command/],
    ['a number for a name', [42, []], 'UNKNOWN_COMMAND', /"42" is not a command/],
    ['no name at all', [], 'UNKNOWN_COMMAND', /not a command/],
    ['arguments that are not an array', ['start', 'topology'], 'BAD_ARGS', /one array/],
    ['a stray extra argument', ['status', [], 'extra'], 'BAD_ARGS', /one array/],
    ['start without a topology', ['start', []], 'BAD_ARGS', /start takes \(topology, options\?\)/],
    ['start options of the wrong type', ['start', [{}, { freePorts: 'yes' }]], 'BAD_ARGS', /freePorts must be true or false/],
    ['an unknown start option', ['start', [{}, { shell: 'rm -rf /' }]], 'BAD_ARGS', /unknown start option "shell"/],
    ['a trace ring of a trillion records', ['start', [{}, { traceCapacity: 1e12 }]], 'BAD_ARGS', /traceCapacity must be a whole number/],
    ['status with an argument', ['status', [1]], 'BAD_ARGS', /status takes no arguments/],
    ['inject into no node', ['inject', [{ node: '', frames: [] }]], 'BAD_ARGS', /node must be a node id/],
    ['inject with frames that are not strings', ['inject', [{ node: 'a', frames: [1, 2] }]], 'BAD_ARGS', /frames must be an array/],
    ['inject with 300 frames', ['inject', [{ node: 'a', frames: Array(300).fill('x') }]], 'BAD_ARGS', /at most 256 strings/],
    ['inject with an unknown encoding', ['inject', [{ node: 'a', frames: ['x'], encoding: 'rot13' }]], 'BAD_ARGS', /encoding must be one of/],
    ['a frames request without a seq', ['frames', [{ seq: 0 }]], 'BAD_ARGS', /seq a record number/],
    ['a 9 MiB frame', ['inject', [{ node: 'a', frames: ['x'.repeat(9 * MiB)] }]], 'PAYLOAD_TOO_LARGE', /over 8388608 characters/],
    ['a topology with a 9 MiB name', ['start', [{ name: 'x'.repeat(9 * MiB) }]], 'PAYLOAD_TOO_LARGE', /over 8388608 characters/],
    ['a topology nested 100 levels deep', ['start', [nested(100)]], 'PAYLOAD_TOO_LARGE', /nested too deep/],
    ['a 9 MiB node id', ['inject', [{ node: 'n'.repeat(9 * MiB), frames: [] }]], 'PAYLOAD_TOO_LARGE', /over/],
  ];

  it.each(bad)('refuses %s with a clear error and no engine call', async (_what, args, code, message) => {
    const reply = await harness.invoke(CHANNELS.command, ours, ...args);
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.error.code).toBe(code);
    expect(reply.error.message).toMatch(message);
    expect(reply.error.message.length).toBeLessThan(200);
    expect(harness.engineCalls).toEqual([]);
  });
});

describe('file payloads and paths', () => {
  const saveRequest = { suggestedName: 'demo.zmqtopo.json', text: '{"format":"zmq-studio.topology/1"}\n', saveAs: false };
  const bad: [string, unknown[], RegExp][] = [
    ['no request', [], /takes one request/],
    ['a null request', [null], /takes one request/],
    ['a path instead of a name', [{ ...saveRequest, suggestedName: '/etc/passwd' }], /must not contain a directory/],
    ['a name that climbs out', [{ ...saveRequest, suggestedName: '../../.bashrc' }], /must not contain a directory/],
    ['a Windows path', [{ ...saveRequest, suggestedName: 'C:\\Windows\\win.ini' }], /must not contain a directory/],
    ['a name with a NUL', [{ ...saveRequest, suggestedName: 'a\u0000.json' }], /control characters/],
    ['an empty name', [{ ...saveRequest, suggestedName: '  ' }], /non-empty string/],
    ['a 300-character name', [{ ...saveRequest, suggestedName: `${'a'.repeat(300)}.json` }], /at most 255 characters/],
    ['text that is not a string', [{ ...saveRequest, text: { nodes: [] } }], /text must be a string/],
    ['9 MiB of text', [{ ...saveRequest, text: 'x'.repeat(9 * MiB) }], /over 8388608 characters/],
    ['saveAs missing', [{ suggestedName: 'a.json', text: '' }], /saveAs must be true or false/],
    ['a path smuggled in an extra field', [{ ...saveRequest, path: '/etc/passwd' }], /unknown field "path"/],
  ];

  it.each(bad)('refuses a save request with %s: no dialog, nothing written', async (_what, args, message) => {
    const reply = await harness.invoke(CHANNELS.saveTopologyFile, ours, ...args);
    expect(reply).toMatchObject({ ok: false });
    if (!reply.ok) expect(reply.error.message).toMatch(message);
    expect(harness.dialogsShown).toEqual([]);
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses arguments to openTopologyFile (the dialog picks the file, not the page)', async () => {
    expect(await harness.invoke(CHANNELS.openTopologyFile, ours, '/etc/passwd')).toMatchObject({
      ok: false,
      error: { code: 'BAD_ARGS', message: 'openTopologyFile takes no arguments' },
    });
    expect(harness.dialogsShown).toEqual([]);
  });

  it('saves where the user chose, then to the same file without asking, and asks again for another document', async () => {
    const chosen = join(dir, 'chosen.zmqtopo.json');
    harness.answers.save = chosen;
    expect(await harness.invoke(CHANNELS.saveTopologyFile, ours, saveRequest)).toEqual({ ok: true, value: { name: 'chosen.zmqtopo.json' } });
    expect(await readFile(chosen, 'utf8')).toBe(saveRequest.text);
    // The page now calls its document chosen.zmqtopo.json: Save writes there, no dialog.
    const again = { ...saveRequest, suggestedName: 'chosen.zmqtopo.json', text: '{"v":2}\n' };
    expect(await harness.invoke(CHANNELS.saveTopologyFile, ours, again)).toMatchObject({ ok: true });
    expect(await readFile(chosen, 'utf8')).toBe('{"v":2}\n');
    expect(harness.dialogsShown).toEqual(['save']);
    // A new document (no file name): main forgets the path and asks; cancelling writes nothing.
    harness.send(CHANNELS.documentState, ours, { title: 'Untitled', dirty: true });
    harness.answers.save = undefined;
    expect(await harness.invoke(CHANNELS.saveTopologyFile, ours, again)).toEqual({ ok: true, value: undefined });
    expect(harness.dialogsShown).toEqual(['save', 'save']);
    expect(harness.recent.list().map((r) => r.path)).toEqual([chosen]);
  });

  it('opens the file picked in the dialog, and nothing when it is cancelled', async () => {
    const file = join(dir, 'picked.zmqtopo.json');
    await writeFile(file, '{"nodes":[]}');
    harness.answers.open = [file];
    expect(await harness.invoke(CHANNELS.openTopologyFile, ours)).toEqual({ ok: true, value: { name: 'picked.zmqtopo.json', text: '{"nodes":[]}' } });
    harness.answers.open = [];
    expect(await harness.invoke(CHANNELS.openTopologyFile, ours)).toEqual({ ok: true, value: undefined });
  });

  it('reads and writes no path the user did not choose', async () => {
    const { files } = harness;
    await expect(files.readGranted('/etc/hostname')).rejects.toMatchObject({ code: 'FILE_ACCESS', message: 'the app reads only files you chose' });
    await expect(files.writeGranted(join(dir, 'elsewhere.json'), 'x')).rejects.toThrow('the app writes only where you chose');
    await expect(files.open('/etc/passwd', 'recent')).rejects.toThrow('passwd is not among the recent files');
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses a chosen file over 8 MiB with a clear error', async () => {
    const big = join(dir, 'big.json');
    await writeFile(big, Buffer.alloc(9 * MiB, 32));
    harness.answers.open = [big];
    expect(await harness.invoke(CHANNELS.openTopologyFile, ours)).toEqual({
      ok: false,
      error: { code: 'FILE_ACCESS', message: 'big.json is over 8 MiB: not a topology file' },
    });
  });
});

describe('one-way messages', () => {
  it('takes a well-formed document state and text edit', () => {
    harness.send(CHANNELS.documentState, ours, { title: 'demo', dirty: false, fileName: 'demo.zmqtopo.json' });
    harness.send(CHANNELS.nativeEdit, ours, 'selectAll');
    expect(harness.states).toEqual([{ title: 'demo', dirty: false, fileName: 'demo.zmqtopo.json' }]);
    expect(harness.edits).toEqual(['selectAll']);
  });

  it.each([
    ['a title that is not a string', { title: 7, dirty: true }],
    ['a 1000-character title', { title: 'x'.repeat(1000), dirty: true }],
    ['dirty as a string', { title: 'x', dirty: 'yes' }],
    ['a file name with a directory', { title: 'x', dirty: false, fileName: '../../x.json' }],
    ['not an object', 'dirty'],
  ])('ignores a document state with %s, and says so', (_what, state) => {
    harness.send(CHANNELS.documentState, ours, state);
    expect(harness.states).toEqual([]);
    expect(harness.warnings).toHaveLength(1);
  });

  it('ignores an unknown text edit', () => {
    harness.send(CHANNELS.nativeEdit, ours, 'openDevTools');
    expect(harness.edits).toEqual([]);
    expect(harness.warnings[0]).toContain('not a text edit');
  });

  it('removes every handler and listener when disposed', () => {
    harness.dispose();
    expect(harness.handlers.size).toBe(0);
    expect(harness.listeners.size).toBe(0);
  });
});
