/**
 * The native menu (app/menu.ts, a pure template) and the page's side of it
 * (renderer/workspace/menuCommands.ts, run against a real store): every command of shared/menu
 * is in the menu once, and each one drives the same store action as the toolbar or the keyboard.
 */
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate } from '../../app/menu';
import type { MenuOptions } from '../../app/menu';
import { MENU_COMMANDS } from '../../shared/menu';
import type { MenuCommand, NativeEdit, ShellApi } from '../../shared/menu';
import { findExample } from '../../shared/examples';
import { createAppStore } from '../../renderer/store/createAppStore';
import type { FileAccess } from '../../renderer/workspace/fileActions';
import type { MenuContext, ViewActions } from '../../renderer/workspace/menuCommands';
import { documentState, MENU_ACTIONS, openShellFile, runMenuCommand, wireDesktopShell } from '../../renderer/workspace/menuCommands';

type Item = ReturnType<typeof buildMenuTemplate>[number];

function options(overrides: Partial<MenuOptions> = {}) {
  const sent: MenuCommand[] = [];
  const calls: string[] = [];
  const o: MenuOptions = {
    platform: 'linux',
    isDev: false,
    appName: 'zmq-studio',
    recent: [],
    send: (c) => void sent.push(c),
    openRecent: (p) => void calls.push(`open ${p}`),
    clearRecent: () => void calls.push('clear'),
    about: () => void calls.push('about'),
    ...overrides,
  };
  return { o, sent, calls };
}

function items(template: Item[]): Item[] {
  return template.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? items(i.submenu) : [])]);
}

const click = (item: Item | undefined): void => (item?.click as unknown as () => void)();
const labelled = (template: Item[], label: string): Item | undefined => items(template).find((i) => i.label === label);

describe('native menu template', () => {
  it('has File, Edit, Run, View and Help, and sends every menu command exactly once', () => {
    const { o, sent } = options();
    const template = buildMenuTemplate(o);
    expect(template.map((i) => i.label)).toEqual(['&File', '&Edit', '&Run', '&View', '&Help']);
    for (const item of items(template)) if (item.click && !item.role) click(item);
    expect([...sent].sort()).toEqual([...MENU_COMMANDS].sort());
  });

  it('lists the recent files under Open Recent, and says so when there are none', () => {
    const empty = buildMenuTemplate(options().o);
    expect(labelled(empty, 'No recent files')).toMatchObject({ enabled: false });
    const { o, calls } = options({ recent: [{ name: 'a.zmqtopo.json', path: '/home/u/a.zmqtopo.json' }] });
    const template = buildMenuTemplate(o);
    click(labelled(template, 'a.zmqtopo.json'));
    click(labelled(template, 'Clear Recent'));
    click(labelled(template, 'About zmq-studio'));
    expect(calls).toEqual(['open /home/u/a.zmqtopo.json', 'clear', 'about']);
  });

  it('offers Reload and the developer tools only when unpackaged', () => {
    const roles = (isDev: boolean) => items(buildMenuTemplate(options({ isDev }).o)).map((i) => i.role).filter(Boolean);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(false)).not.toContain('reload');
    expect(roles(true)).toEqual(expect.arrayContaining(['toggleDevTools', 'reload']));
  });

  it('puts About and Quit in the app menu on macOS, Quit under File elsewhere', () => {
    const mac = buildMenuTemplate(options({ platform: 'darwin' }).o);
    expect(mac.map((i) => i.label ?? i.role)).toEqual(['zmq-studio', '&File', '&Edit', '&Run', '&View', 'windowMenu', '&Help']);
    expect(items([mac[0]]).map((i) => i.role ?? i.label)).toContain('quit');
    const linux = buildMenuTemplate(options().o);
    expect(items([linux[0]]).map((i) => i.role)).toContain('quit');
  });

  it("shows the page's own keys without registering them (no key runs an action twice); macOS registers text editing", () => {
    const find = (platform: NodeJS.Platform, label: string) => labelled(buildMenuTemplate(options({ platform }).o), label);
    expect(find('linux', 'Undo')).toMatchObject({ accelerator: 'CmdOrCtrl+Z', registerAccelerator: false });
    expect(find('linux', 'Run')).toMatchObject({ accelerator: 'F5', registerAccelerator: false });
    expect(find('linux', 'Step')).toMatchObject({ accelerator: 'F7', registerAccelerator: false });
    expect(find('linux', 'Delete')).toMatchObject({ registerAccelerator: false });
    expect(find('darwin', 'Copy')).toMatchObject({ accelerator: 'CmdOrCtrl+C', registerAccelerator: true });
    expect(find('darwin', 'Save')).toMatchObject({ registerAccelerator: false });
    expect(find('linux', 'New')).toMatchObject({ accelerator: 'CmdOrCtrl+N' });
    expect(find('linux', 'New')?.registerAccelerator).toBeUndefined();
  });
});

/** The page with a real store and fakes for what the DOM would give. */
function page(overrides: Partial<MenuContext> = {}) {
  const store = createAppStore();
  const example = findExample('load-balanced');
  if (!example) throw new Error('no load-balanced example');
  store.getState().loadTopology(example.topology, 'lb.zmqtopo.json');
  const edits: NativeEdit[] = [];
  const saved: unknown[] = [];
  const downloads: { name: string; text: string }[] = [];
  const view = { autoLayout: vi.fn(), fit: vi.fn(), zoomIn: vi.fn(), zoomOut: vi.fn(), exportAs: vi.fn(async () => undefined) } satisfies ViewActions;
  const files: FileAccess = {
    open: async () => ({ name: 'opened.zmqtopo.json', text: JSON.stringify(example.topology) }),
    save: async (r) => (saved.push(r), { name: r.suggestedName }),
  };
  const ctx: MenuContext = {
    store,
    files,
    view: () => view,
    shell: { nativeEdit: (e) => void edits.push(e) },
    typing: () => false,
    confirm: () => true,
    download: (name, text) => void downloads.push({ name, text }),
    togglePanels: vi.fn(),
    ...overrides,
  };
  return { store, ctx, edits, saved, downloads, view };
}

describe('menu commands on the page', () => {
  it('runs the same store actions as the run controls', async () => {
    const { store, ctx } = page();
    const s = store.getState();
    const spies = { runTopology: vi.spyOn(s, 'runTopology'), stopRun: vi.spyOn(s, 'stopRun'), togglePause: vi.spyOn(s, 'togglePause') };
    store.setState({ ...spies });
    for (const c of ['run.start', 'run.stop', 'run.pause'] as const) await MENU_ACTIONS[c](ctx);
    expect(spies.runTopology).toHaveBeenCalledTimes(1);
    expect(spies.stopRun).toHaveBeenCalledTimes(1);
    expect(spies.togglePause).toHaveBeenCalledTimes(1);
  });

  it('edits the diagram, or the focused field natively while the user types', () => {
    const { store, ctx } = page();
    const first = store.getState().topology.nodes[0].id;
    store.getState().select({ nodes: [first], edges: [] });
    runMenuCommand('edit.copy', ctx);
    expect(store.getState().clipboard.map((n) => n.id)).toEqual([first]);
    runMenuCommand('edit.delete', ctx);
    expect(store.getState().topology.nodes.some((n) => n.id === first)).toBe(false);
    runMenuCommand('edit.undo', ctx);
    expect(store.getState().topology.nodes.some((n) => n.id === first)).toBe(true);
    const typing = page({ typing: () => true });
    for (const c of ['edit.undo', 'edit.redo', 'edit.cut', 'edit.copy', 'edit.paste', 'edit.delete', 'edit.select-all'] as const) runMenuCommand(c, typing.ctx);
    expect(typing.edits).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'delete', 'selectAll']);
  });

  it('asks before New throws away unsaved changes, and keeps them when told no', () => {
    const no = page({ confirm: () => false });
    no.store.getState().setDocumentInfo({ name: 'edited' });
    runMenuCommand('file.new', no.ctx);
    expect(no.store.getState().topology.name).toBe('edited');
    const yes = page();
    yes.store.getState().setDocumentInfo({ name: 'edited' });
    runMenuCommand('file.new', yes.ctx);
    expect(yes.store.getState().topology.name).not.toBe('edited');
  });

  it('saves and saves-as through the file access, and opens through its dialog', async () => {
    const { store, ctx, saved } = page();
    await MENU_ACTIONS['file.save'](ctx);
    await MENU_ACTIONS['file.save-as'](ctx);
    expect(saved).toMatchObject([{ suggestedName: 'lb.zmqtopo.json', saveAs: false }, { saveAs: true }]);
    await MENU_ACTIONS['file.open'](ctx);
    expect(store.getState().fileName).toBe('opened.zmqtopo.json');
  });

  it('drives the view actions of the canvas, and says so when there is no canvas', async () => {
    const { ctx, view, store } = page();
    for (const c of ['view.zoom-in', 'view.zoom-out', 'view.fit', 'view.auto-layout', 'file.export-png', 'file.export-svg'] as const) await MENU_ACTIONS[c](ctx);
    expect([view.zoomIn, view.zoomOut, view.fit, view.autoLayout].map((f) => f.mock.calls.length)).toEqual([1, 1, 1, 1]);
    expect(view.exportAs.mock.calls).toEqual([['png'], ['svg']]);
    runMenuCommand('view.fit', { ...ctx, view: () => undefined });
    expect(store.getState().notice?.text).toBe('Fit: the canvas is not shown');
  });

  it('toggles the theme and the panels, and opens the examples, lessons and shortcuts', () => {
    const { store, ctx } = page();
    const before = store.getState().theme;
    runMenuCommand('view.theme', ctx);
    expect(store.getState().theme).not.toBe(before);
    runMenuCommand('view.toggle-panels', ctx);
    expect(ctx.togglePanels).toHaveBeenCalledTimes(1);
    runMenuCommand('help.shortcuts', ctx);
    expect(store.getState().overlay).toBe('help');
    runMenuCommand('help.lessons', ctx);
    expect(store.getState().overlay).toBe('examples');
    runMenuCommand('file.export-code', ctx);
    expect(store.getState().overlay).toBe('export-code');
  });

  it('exports the trace the page holds as the trace panel does (the CLI format), or says there is none', () => {
    const { store, ctx, downloads } = page();
    runMenuCommand('file.export-trace', ctx);
    expect(store.getState().notice).toMatchObject({ kind: 'error', text: 'no trace to export yet: run the topology first' });
    store.getState().trace.clear({ sockets: [{ node: 'client', port: '', socket: 'REQ' }], edges: ['e1'] });
    store.getState().trace.appendRecords([{ seq: 1, t: 0.5, node: 'client', port: '', socket: 'REQ', dir: 'out', edge: 'e1', frames: 1, bytes: 5, preview: 'hello', msg: 1, cause: 0 }]);
    runMenuCommand('file.export-trace', ctx);
    expect(downloads.map((d) => d.name)).toEqual(['lb.trace.jsonl']);
    const lines = downloads[0].text.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines[0]).toMatchObject({ format: 'zmq-studio.trace/1' });
    expect(lines.at(-1)).toMatchObject({ seq: 1, node: 'client', preview: 'hello' });
    expect(store.getState().notice?.text).toBe('exported 1 records to lb.trace.jsonl');
  });

  it('turns a failing action into a notice', async () => {
    const { store, ctx } = page();
    store.setState({ runTopology: async () => Promise.reject(new Error('engine gone')) });
    runMenuCommand('run.start', ctx);
    await new Promise((r) => setTimeout(r, 0));
    expect(store.getState().notice).toMatchObject({ kind: 'error', text: 'run.start failed: engine gone' });
  });
});

describe('the desktop shell wiring', () => {
  it('runs menu commands, opens OS-handed files after asking, and reports the document state when it changes', () => {
    const { store, ctx } = page();
    const listeners: { menu?: (c: MenuCommand) => void; open?: (f: { name: string; text: string }) => void } = {};
    const states: unknown[] = [];
    const shell: ShellApi = {
      onMenuCommand: (l) => ((listeners.menu = l), () => (listeners.menu = undefined)),
      onOpenFile: (l) => ((listeners.open = l), () => (listeners.open = undefined)),
      setDocumentState: (s) => void states.push(s),
      nativeEdit: () => undefined,
    };
    const off = wireDesktopShell(shell, ctx);
    expect(states).toEqual([{ title: store.getState().topology.name, dirty: false, fileName: 'lb.zmqtopo.json' }]);
    listeners.menu?.('help.shortcuts');
    expect(store.getState().overlay).toBe('help');
    expect(states).toHaveLength(1); // an overlay is no change of the document
    store.getState().setDocumentInfo({ name: 'renamed' });
    expect(states.at(-1)).toEqual({ title: 'renamed', dirty: true, fileName: 'lb.zmqtopo.json' });
    const pair = findExample('pair');
    listeners.open?.({ name: 'pair.zmqtopo.json', text: JSON.stringify(pair?.topology) });
    expect(store.getState().fileName).toBe('pair.zmqtopo.json');
    off();
    expect(listeners).toEqual({ menu: undefined, open: undefined });
  });

  it('keeps the document when the user declines to discard it for an opened file', () => {
    const { store, ctx } = page({ confirm: () => false });
    store.getState().setDocumentInfo({ name: 'mine' });
    expect(openShellFile(ctx, { name: 'other.zmqtopo.json', text: '{}' })).toBe(false);
    expect(documentState(store.getState())).toMatchObject({ title: 'mine', dirty: true });
  });
});
