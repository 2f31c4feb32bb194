/**
 * Where the built app's files are, seen from the bundled main (out/main.cjs): the same layout in
 * the repository and inside the packaged app.asar.
 */
import { join } from 'node:path';

export interface AppPaths {
  preload: string;
  /** The engine child that utilityProcess runs (main/host/engineChild.ts, bundled). */
  engineChild: string;
  /** The built renderer (vite build). */
  renderer: string;
  icon: string;
}

/** `outDir` is the folder of the bundled main: out/. */
export function appPaths(outDir: string): AppPaths {
  return {
    preload: join(outDir, 'preload.cjs'),
    engineChild: join(outDir, 'engineChild.cjs'),
    renderer: join(outDir, '..', 'dist', 'renderer'),
    icon: join(outDir, '..', 'build', 'icon.png'),
  };
}
