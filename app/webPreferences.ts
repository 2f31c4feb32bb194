/**
 * The window's webPreferences: Electron's secure defaults, spelled out so a static test can hold
 * them (test/app/static.test.ts fails if any of these is weakened anywhere in app/).
 */
import type { WebPreferences } from 'electron';

export const SECURE_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  safeDialogs: true,
} as const satisfies WebPreferences;

/** The preferences of the app window: the secure set plus our preload. */
export function windowWebPreferences(preload: string, devTools: boolean): WebPreferences {
  return { ...SECURE_WEB_PREFERENCES, preload, devTools, spellcheck: false };
}
