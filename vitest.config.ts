import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Playwright specs live in e2e/ and run with `playwright test`, never under Vitest.
    exclude: ['**/node_modules/**', '**/dist/**', 'e2e/**'],
    environment: 'node',
    // Native modules (better-sqlite3) are happiest in child processes rather than worker threads.
    pool: 'forks',
    // Many cases start real processes (`crm`, the sync server, PostgreSQL) on a two-core machine
    // that may be busy: a generous limit only stops a hung case, it never measures speed.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
