// Autosave and recovery: the unsaved topology survives a reload (a fresh store reading storage).
import { describe, expect, it, vi } from 'vitest';
import { createAppStore } from '../../renderer/store/createAppStore';
import { AUTOSAVE_KEY, recoverSnapshot, startAutosave } from '../../renderer/store/autosave';
import { selectDirty } from '../../renderer/store/selectors';
import { RECENT_KEY, RECENT_LIMIT, listRecent, rememberRecent } from '../../renderer/store/recent';

function memoryStorage() {
  const map = new Map<string, string>();
  return { map, getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v) };
}

describe('autosave', () => {
  it('saves every change and a fresh store recovers the document as unsaved', () => {
    const storage = memoryStorage();
    const store = createAppStore();
    const auto = startAutosave(store, storage, 0);
    store.getState().addNode({ kind: 'socket', socket: 'REQ' }, { x: 1, y: 2 });
    auto.stop();
    const reloaded = createAppStore();
    expect(recoverSnapshot(reloaded, storage)).toBe(true);
    expect(reloaded.getState().topology).toEqual(store.getState().topology);
    expect(selectDirty(reloaded.getState())).toBe(true);
  });

  it('remembers a saved document as saved, with its file name', () => {
    const storage = memoryStorage();
    const store = createAppStore();
    const auto = startAutosave(store, storage, 0);
    store.getState().addNode({ kind: 'socket', socket: 'PUB' }, { x: 0, y: 0 });
    store.getState().markSaved('news.zmqtopo.json');
    auto.stop();
    const reloaded = createAppStore();
    recoverSnapshot(reloaded, storage);
    expect(reloaded.getState().fileName).toBe('news.zmqtopo.json');
    expect(selectDirty(reloaded.getState())).toBe(false);
  });

  it('batches a burst of changes into one write', () => {
    vi.useFakeTimers();
    try {
      const storage = memoryStorage();
      const setItem = vi.spyOn(storage, 'setItem');
      const store = createAppStore();
      startAutosave(store, storage, 200);
      for (let i = 0; i < 10; i++) store.getState().addNode({ kind: 'socket', socket: 'PUSH' }, { x: i, y: 0 });
      vi.advanceTimersByTime(250);
      expect(setItem).toHaveBeenCalledTimes(1);
      expect(JSON.parse(storage.map.get(AUTOSAVE_KEY)!).topology.nodes).toHaveLength(10);
    } finally {
      vi.useRealTimers();
    }
  });

  it('ignores a corrupt or invalid snapshot', () => {
    const storage = memoryStorage();
    storage.setItem(AUTOSAVE_KEY, '{not json');
    expect(recoverSnapshot(createAppStore(), storage)).toBe(false);
    storage.setItem(AUTOSAVE_KEY, JSON.stringify({ topology: { format: 'other' }, saved: false }));
    expect(recoverSnapshot(createAppStore(), storage)).toBe(false);
  });
});

describe('recent files', () => {
  it('lists the latest first, once per file name, at most RECENT_LIMIT', () => {
    const storage = memoryStorage();
    const doc = { format: 'zmq-studio.topology/1', nodes: [], edges: [] };
    for (let i = 0; i < RECENT_LIMIT + 3; i++) rememberRecent(storage, { fileName: `f${i}.zmqtopo.json`, name: `n${i}`, at: i, topology: doc });
    rememberRecent(storage, { fileName: 'f5.zmqtopo.json', name: 'again', at: 99, topology: doc });
    const list = listRecent(storage);
    expect(list).toHaveLength(RECENT_LIMIT);
    expect(list.slice(0, 3).map((f) => f.fileName)).toEqual(['f5.zmqtopo.json', 'f10.zmqtopo.json', 'f9.zmqtopo.json']);
    expect(list.filter((f) => f.fileName === 'f5.zmqtopo.json')).toHaveLength(1);
  });

  it('survives a corrupt list', () => {
    const storage = memoryStorage();
    storage.setItem(RECENT_KEY, '[{"bad": 1}, 3');
    expect(listRecent(storage)).toEqual([]);
  });
});
