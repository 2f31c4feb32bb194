/** The result of an export and the project files of a TypeScript export (package.json, tsconfig). */

export const EXPORT_LANGUAGES = ['python', 'typescript'] as const;
export type ExportLanguage = (typeof EXPORT_LANGUAGES)[number];

export interface ExportFile {
  /** Relative to the export folder, `/`-separated. */
  path: string;
  text: string;
  /** A script meant to be run directly (the launcher): written with the executable bit. */
  executable?: boolean;
}

export interface ExportResult {
  files: ExportFile[];
  /** Things to tell the user (draft sockets, external programs, manual nodes). */
  notes: string[];
}

/** What the TypeScript programs depend on; the same majors as zmq-studio's own package.json. */
export const TS_DEPENDENCIES = { tsx: '^4.20.0', zeromq: '^6.8.0' } as const;
export const TS_DEV_DEPENDENCIES = { '@types/node': '^20.19.0', typescript: '^5.9.0' } as const;

/** A package name from a topology name: `Load-balanced request/reply` -> `load-balanced-request-reply`. */
export function packageName(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug || 'topology'}-programs`;
}

export function packageJson(name: string, description: string | undefined): string {
  const pkg = {
    name: packageName(name),
    private: true,
    type: 'module',
    description: description ?? `The programs of the zmq-studio topology "${name}".`,
    scripts: { start: 'node launch.mjs', typecheck: 'tsc --noEmit' },
    dependencies: TS_DEPENDENCIES,
    devDependencies: TS_DEV_DEPENDENCIES,
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

export const TSCONFIG = `${JSON.stringify(
  {
    compilerOptions: {
      target: 'ES2022',
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      types: ['node'],
    },
    include: ['*.ts'],
  },
  null,
  2,
)}\n`;
