/**
 * Who may talk to main: only the main frame of our own window, showing our own page. An iframe,
 * another window, or our window after it was somehow navigated elsewhere is refused.
 */

/** The part of an ipcMain event used here: the frame that sent it (null once it is gone). */
export interface SenderEvent {
  senderFrame: { url: string } | null;
}

/** The part of our BrowserWindow used here. */
export interface AppWindowRef {
  webContents: { mainFrame: unknown };
}

/** Why the sender is refused, or undefined when it is our window's main frame at our page. */
export function senderProblem(event: SenderEvent, win: AppWindowRef | undefined, isAppUrl: (url: string) => boolean): string | undefined {
  if (!win) return 'there is no app window to accept this from';
  const frame = event?.senderFrame;
  if (!frame) return 'the sending frame is gone';
  if (frame !== win.webContents.mainFrame) return "only the app window's main frame may call the app";
  if (!isAppUrl(frame.url)) return 'the sending page is not the app';
  return undefined;
}

/** True when `url` is on `base`'s scheme and host (custom schemes have no WHATWG origin, so compare both). */
export function sameOrigin(url: string, base: string): boolean {
  try {
    const a = new URL(url);
    const b = new URL(base);
    return a.protocol === b.protocol && a.host === b.host;
  } catch {
    return false;
  }
}
