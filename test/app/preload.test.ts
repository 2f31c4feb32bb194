/**
 * The preload bridge, built from shared/ipc's name lists, run with fakes of contextBridge and
 * ipcRenderer: it exposes exactly the contract under one name, rejects every other name, never
 * hands the page ipcRenderer or an IpcRendererEvent, and rethrows main's errors with their code.
 */
import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES } from '../../shared/ipc';
import type { EngineEvent } from '../../shared/ipc';
import { CHANNELS } from '../../app/channels';
import type { DesktopApi, PreloadIpc } from '../../app/preloadApi';
import { commandFor, exposeDesktopApi, PRELOAD_KEY } from '../../app/preloadApi';

type Listener = (event: unknown, ...args: unknown[]) => void;

/** ipcRenderer as far as the preload uses it: records invokes and sends, lets the test emit. */
function fakeIpc(reply: (channel: string, args: unknown[]) => unknown = () => ({ ok: true, value: 'done' })) {
  const invoked: { channel: string; args: unknown[] }[] = [];
  const sent: { channel: string; args: unknown[] }[] = [];
  const listeners = new Map<string, Set<Listener>>();
  const ipc: PreloadIpc = {
    invoke: async (channel, ...args) => {
      invoked.push({ channel, args });
      return reply(channel, args);
    },
    send: (channel, ...args) => void sent.push({ channel, args }),
    on: (channel, listener) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)?.add(listener);
    },
    removeListener: (channel, listener) => void listeners.get(channel)?.delete(listener),
  };
  // What main's webContents.send looks like from here: an event object whose `sender` is ipcRenderer.
  const emit = (channel: string, value: unknown) => {
    for (const l of listeners.get(channel) ?? []) l({ sender: ipc, senderId: 0 }, value);
  };
  return { ipc, invoked, sent, listeners, emit };
}

function expose(ipc: PreloadIpc): { key: string; api: DesktopApi } {
  const exposed: { key: string; api: unknown }[] = [];
  exposeDesktopApi({ exposeInMainWorld: (key, api) => void exposed.push({ key, api }) }, ipc);
  expect(exposed).toHaveLength(1);
  return { key: exposed[0].key, api: exposed[0].api as DesktopApi };
}

describe('preload API', () => {
  it('exposes one object, zmqStudio, with exactly the contract: every command, onEvent, files, shell', () => {
    const { key, api } = expose(fakeIpc().ipc);
    expect(key).toBe(PRELOAD_KEY);
    expect(Object.keys(api).sort()).toEqual([...COMMAND_NAMES, 'onEvent', 'files', 'shell'].sort());
    expect(Object.keys(api.files).sort()).toEqual(['openTopologyFile', 'saveTopologyFile']);
    expect(Object.keys(api.shell).sort()).toEqual(['nativeEdit', 'onMenuCommand', 'onOpenFile', 'setDocumentState']);
    expect(Object.isFrozen(api) && Object.isFrozen(api.files) && Object.isFrozen(api.shell)).toBe(true);
    // renderer/bridge.ts's PreloadApi (the page's view, not importable under Node's types) has these same members.
  });

  it('never exposes ipcRenderer or anything that reaches it', () => {
    const { ipc } = fakeIpc();
    const { api } = expose(ipc);
    const seen = new Set<unknown>();
    const walk = (v: unknown): void => {
      if (typeof v !== 'object' || v === null || seen.has(v)) return;
      seen.add(v);
      for (const child of Object.values(v)) walk(child);
    };
    walk(api);
    expect(seen.has(ipc)).toBe(false);
    for (const name of ['ipcRenderer', 'invoke', 'send', 'on', 'removeListener', 'sendSync']) expect(name in api).toBe(false);
  });

  it('refuses names outside the contract', () => {
    const { ipc } = fakeIpc();
    for (const bad of ['dispose', 'toString', '__proto__', 'constructor', 'restart', '', 'start ']) {
      expect(() => commandFor(ipc, bad)).toThrow(/is not a command of the engine contract/);
    }
    const api = expose(ipc).api as unknown as Record<string, unknown>;
    expect(api.dispose).toBeUndefined();
    expect(() => (api as unknown as { dispose(): void }).dispose()).toThrow(TypeError);
    expect(() => expose(ipc).api.shell.nativeEdit('format-disk' as never)).toThrow('"format-disk" is not a text edit');
  });

  it('sends each command over the one command channel with its name and arguments', async () => {
    const fake = fakeIpc();
    const { api } = expose(fake.ipc);
    await api.start({ format: 'x' }, { freePorts: true });
    await api.status();
    await api.inject({ node: 'a', frames: ['x'] });
    expect(fake.invoked).toEqual([
      { channel: CHANNELS.command, args: ['start', [{ format: 'x' }, { freePorts: true }]] },
      { channel: CHANNELS.command, args: ['status', []] },
      { channel: CHANNELS.command, args: ['inject', [{ node: 'a', frames: ['x'] }]] },
    ]);
  });

  it("rethrows main's refusal with its code, and refuses a malformed reply", async () => {
    const { api } = expose(fakeIpc(() => ({ ok: false, error: { message: 'inject takes one request', code: 'BAD_ARGS' } })).ipc);
    await expect(api.inject({ node: 'a', frames: [] })).rejects.toMatchObject({ message: 'inject takes one request', code: 'BAD_ARGS' });
    const broken = expose(fakeIpc(() => 'not a reply').ipc).api;
    await expect(broken.status()).rejects.toThrow('malformed reply');
  });

  it('passes on engine events of the contract only, without the IPC event, and unsubscribes', () => {
    const fake = fakeIpc();
    const { api } = expose(fake.ipc);
    const got: unknown[][] = [];
    const off = api.onEvent((...args: unknown[]) => void got.push(args));
    const state: EngineEvent = { type: 'state', runId: 1, state: 'running' };
    fake.emit(CHANNELS.event, state);
    fake.emit(CHANNELS.event, { type: 'not-an-event' });
    fake.emit(CHANNELS.event, 'junk');
    expect(got).toEqual([[state]]);
    off();
    fake.emit(CHANNELS.event, state);
    expect(got).toHaveLength(1);
    expect(fake.listeners.get(CHANNELS.event)?.size).toBe(0);
  });

  it('passes on known menu commands and well-formed opened files only', () => {
    const fake = fakeIpc();
    const { api } = expose(fake.ipc);
    const commands: unknown[] = [];
    const files: unknown[] = [];
    api.shell.onMenuCommand((c) => void commands.push(c));
    api.shell.onOpenFile((f) => void files.push(f));
    fake.emit(CHANNELS.menu, 'file.save');
    fake.emit(CHANNELS.menu, 'file.rm-rf');
    fake.emit(CHANNELS.openFile, { name: 'a.zmqtopo.json', text: '{}' });
    fake.emit(CHANNELS.openFile, { name: 'a.zmqtopo.json' });
    expect(commands).toEqual(['file.save']);
    expect(files).toEqual([{ name: 'a.zmqtopo.json', text: '{}' }]);
    expect(() => api.shell.onMenuCommand('not a function' as never)).toThrow(TypeError);
  });

  it('sends only the known fields of the document state, and file requests on their own channels', async () => {
    const fake = fakeIpc();
    const { api } = expose(fake.ipc);
    api.shell.setDocumentState({ title: 'demo', dirty: true, fileName: 'demo.zmqtopo.json', extra: 'x' } as never);
    api.shell.nativeEdit('paste');
    await api.files.openTopologyFile();
    await api.files.saveTopologyFile({ suggestedName: 'a.zmqtopo.json', text: '{}', saveAs: false });
    expect(fake.sent).toEqual([
      { channel: CHANNELS.documentState, args: [{ title: 'demo', dirty: true, fileName: 'demo.zmqtopo.json' }] },
      { channel: CHANNELS.nativeEdit, args: ['paste'] },
    ]);
    expect(fake.invoked.map((i) => i.channel)).toEqual([CHANNELS.openTopologyFile, CHANNELS.saveTopologyFile]);
  });
});
