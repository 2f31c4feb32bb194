// One lint config; the layer rules of STYLE.md are errors, like VS Code's code-layering rule.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'net', 'child_process', 'worker_threads', 'crypto', 'http', 'url'];
const layer = (files, patterns) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns: patterns.map((group) => ({ group, message: 'layer rule (STYLE.md)' })) }] },
});

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'out', 'coverage', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  layer(['shared/**'], [['electron', 'zeromq', 'zeromq/*', 'react', 'react-dom', '@xyflow/*', 'zustand', ...nodeBuiltins, '**/main/**', '**/renderer/**', '**/app/**']]),
  layer(['main/**'], [['electron', 'react', 'react-dom', '@xyflow/*', 'zustand', '**/renderer/**', '**/app/**']]),
  // The page runs in a browser (or Electron's sandboxed window): browser globals, no Node.
  { files: ['renderer/**'], languageOptions: { globals: { ...globals.browser } } },
  layer(['renderer/**'], [['electron', 'zeromq', 'zeromq/*', ...nodeBuiltins, '**/main/**', '**/app/**']]),
  layer(['app/**'], [['**/renderer/**']]),
  // Only app/ imports electron: in plain Node, importing it runs its downloader and throws.
  // The launcher (npm start) runs before Electron exists, so it is plain Node too.
  layer(['app/launch/**'], [['electron', '**/renderer/**']]),
  layer(['test/**', 'scripts/**', 'bin/**', 'bench/**'], [['electron', 'electron/*']]),
);
