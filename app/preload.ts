/**
 * The preload of the sandboxed window (built to out/preload.cjs, one CommonJS file that requires
 * only 'electron'): exposes `window.zmqStudio` through contextBridge, nothing else.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { exposeDesktopApi } from './preloadApi';

exposeDesktopApi(contextBridge, ipcRenderer);
