/**
 * The window never navigates and never opens another window: the app is one page. A link to an
 * http(s) page opens in the user's browser instead; every other scheme (file:, javascript:,
 * custom handlers) is dropped.
 */

/** True for http: and https: URLs only: the only ones handed to the OS's browser. */
export function isExternalWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/** The part of webContents guarded here. */
export interface GuardedContents {
  on(event: 'will-navigate', listener: (event: { preventDefault(): void }, url: string) => void): unknown;
  on(event: 'will-redirect', listener: (event: { preventDefault(): void }, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/** Denies navigation, redirects of the page, new windows and webviews; sends web links to the browser. */
export function guardContents(contents: GuardedContents, openExternal: (url: string) => unknown): void {
  const away = (url: string): void => {
    if (isExternalWebUrl(url)) void Promise.resolve(openExternal(url)).catch(() => undefined);
  };
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    away(url);
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    away(url);
    return { action: 'deny' };
  });
}
