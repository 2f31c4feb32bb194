/**
 * Saving and opening through FileCommands, as the desktop shell's native dialogs will answer them
 * (shared/ipc): the page keeps what the user chose, and a cancelled dialog changes nothing.
 */
import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../renderer/store/createAppStore';
import { nativeAccess, openWithDialog, saveTopology } from '../../renderer/workspace/fileActions';
import type { FileCommands, SaveFileRequest } from '../../shared/ipc';
import { findExample } from '../../shared/examples';
import { loadTopology } from '../../shared/load';
import type { RecentFile } from '../../renderer/store/recent';

function nativeFiles(answer: { saveAs?: string; open?: { name: string; text: string } }): FileCommands & { saved: SaveFileRequest[] } {
  const saved: SaveFileRequest[] = [];
  return {
    saved,
    openTopologyFile: async () => answer.open,
    saveTopologyFile: async (r) => {
      saved.push(r);
      return answer.saveAs === undefined ? undefined : { name: answer.saveAs };
    },
  };
}

const loadBalanced = loadTopology(findExample('load-balanced')!.topology).topology!;

describe('files through native dialogs', () => {
  it('saves the document text under the name the user chose and marks it saved', async () => {
    const store = createAppStore();
    store.getState().loadTopology(loadBalanced);
    const native = nativeFiles({ saveAs: 'split.zmqtopo.json' });
    const recent: RecentFile[] = [];
    expect(await saveTopology(store, nativeAccess(native, (f) => recent.push(f)), { saveAs: true })).toBe(true);
    expect(native.saved).toHaveLength(1);
    expect(native.saved[0].saveAs).toBe(true);
    expect(native.saved[0].suggestedName).toBe('load-balanced-request-reply.zmqtopo.json');
    expect(JSON.parse(native.saved[0].text)).toEqual(store.getState().topology);
    expect(store.getState().fileName).toBe('split.zmqtopo.json');
    expect(recent.map((f) => f.fileName)).toEqual(['split.zmqtopo.json']);
  });

  it('a cancelled save dialog leaves the document unsaved', async () => {
    const store = createAppStore();
    store.getState().loadTopology(loadBalanced);
    const before = store.getState().fileName;
    expect(await saveTopology(store, nativeAccess(nativeFiles({})))).toBe(false);
    expect(store.getState().fileName).toBe(before);
  });

  it('opens the file the dialog returned; a file that is not a topology changes nothing', async () => {
    const store = createAppStore();
    const good = nativeFiles({ open: { name: 'lb.zmqtopo.json', text: JSON.stringify(loadBalanced) } });
    expect(await openWithDialog(store, nativeAccess(good))).toBe(true);
    expect(store.getState().topology).toEqual(loadBalanced);
    const bad = nativeFiles({ open: { name: 'notes.txt', text: 'not json' } });
    expect(await openWithDialog(store, nativeAccess(bad))).toBe(false);
    expect(store.getState().topology).toEqual(loadBalanced);
  });
});
