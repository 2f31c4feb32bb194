/**
 * Builds the Electron shell with esbuild into out/:
 *   out/main.cjs         app/main.ts, the entry Electron runs (package.json "main")
 *   out/preload.cjs      app/preload.ts, one CommonJS file that requires only 'electron' (sandboxed preload)
 *   out/engineChild.cjs  main/host/engineChild.ts, the engine that utilityProcess.fork starts
 * zeromq stays external (its native addon is loaded from node_modules, unpacked from the asar).
 * `tsx scripts/build-app.ts [--watch] [--out dir]`; the page itself is Vite's (dist/renderer).
 */
import { build, context } from 'esbuild';
import type { BuildOptions } from 'esbuild';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

// Bundled as CommonJS, `import.meta.url` would be empty: derive it from the bundle's own file.
const IMPORT_META_URL = {
  banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  define: { 'import.meta.url': '__importMetaUrl' },
};

/** The three bundles; `outDir` defaults to out/ (tests build into a temporary folder). */
export function appBuildOptions(outDir = join(ROOT, 'out'), root = ROOT): BuildOptions[] {
  const common: BuildOptions = {
    bundle: true,
    format: 'cjs',
    outExtension: { '.js': '.cjs' },
    outdir: outDir,
    sourcemap: 'linked',
    logLevel: 'warning',
    absWorkingDir: root,
  };
  const node: BuildOptions = { ...common, ...IMPORT_META_URL, platform: 'node', target: 'node22' };
  return [
    { ...node, entryPoints: { main: 'app/main.ts' }, external: ['electron'] },
    { ...node, entryPoints: { engineChild: 'main/host/engineChild.ts' }, external: ['zeromq', 'zeromq/*'] },
    // The sandboxed preload has no Node: a browser bundle whose one require is electron.
    { ...common, entryPoints: { preload: 'app/preload.ts' }, platform: 'browser', target: 'chrome130', external: ['electron'] },
  ];
}

export async function buildApp(outDir?: string): Promise<void> {
  await Promise.all(appBuildOptions(outDir).map((options) => build(options)));
}

/** Rebuilds on every change; resolves once the first build is done (npm run dev). */
export async function watchApp(onRebuilt: (entry: string) => void, outDir?: string): Promise<() => Promise<void>> {
  const contexts = await Promise.all(
    appBuildOptions(outDir).map((options) => {
      const entry = Object.keys(options.entryPoints as Record<string, string>)[0];
      let first = true;
      return context({
        ...options,
        plugins: [
          {
            name: 'rebuilt',
            setup(b) {
              b.onEnd((result) => {
                if (result.errors.length === 0 && !first) onRebuilt(entry);
                first = false;
              });
            },
          },
        ],
      });
    }),
  );
  await Promise.all(contexts.map((c) => c.watch()));
  return async () => {
    await Promise.all(contexts.map((c) => c.dispose()));
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--out');
  buildApp(at > 0 ? resolve(process.argv[at + 1]) : undefined).then(
    () => console.log('zmq-studio: built out/main.cjs, out/preload.cjs, out/engineChild.cjs'),
    (err: Error) => {
      console.error(`zmq-studio: the app did not build: ${err.message}`);
      process.exitCode = 1;
    },
  );
}
