/**
 * Files in the page: native dialogs where the desktop shell's preload offers `files`
 * (shared/ipc FileCommands); in a browser, save downloads and open uploads.
 */
import type { FileCommands } from '../../shared/ipc';
import type { AppStore } from '../store/createAppStore';
import { rememberRecent } from '../store/recent';
import type { RecentFile } from '../store/recent';
import type { FileAccess } from './fileActions';
import { nativeAccess, openText } from './fileActions';

export { FILE_SUFFIX, fileNameFor, openWithDialog, saveTopology, topologyText, withSuffix } from './fileActions';

const remember = (file: RecentFile): void => rememberRecent(localStorage, file);

export function fileAccess(native: FileCommands | undefined = window.zmqStudio?.files): FileAccess {
  if (native) return nativeAccess(native, remember);
  return { save: async (r) => (download(r.suggestedName, r.text), { name: r.suggestedName }), remember };
}

/** Hands `text` (or bytes: a zip) to the browser as a file download (in the desktop app: a save dialog). */
export function download(name: string, text: string | Uint8Array<ArrayBuffer>, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Opens an uploaded file; a bad file leaves the current document and reports why. */
export async function openFile(store: AppStore, file: File): Promise<boolean> {
  return openText(store, file.name, await file.text(), fileAccess());
}

