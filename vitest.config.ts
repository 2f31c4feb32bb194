import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/engine/**/*.test.ts', 'test/interop/**/*.test.ts', 'test/cli/**/*.test.ts', 'test/host/**/*.test.ts', 'test/e2e/**/*.test.ts', 'test/app/**/*.test.ts', 'test/export/**/*.test.ts', 'test/lessons/**/*.test.ts'],
    // Engine tests hold real sockets and ports: keep files apart, bounded in time.
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    fileParallelism: true,
    maxWorkers: 2,
  },
});
