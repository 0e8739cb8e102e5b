import { defineConfig } from '@playwright/test';

/** Debian's Chromium (never a downloaded browser); flags keep it quiet and offline. */
const CHROMIUM = process.env.CRM_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export default defineConfig({
  testDir: 'e2e',
  // One real server and one SQLite file per worker; the machine has 2 cores.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    screenshot: 'only-on-failure',
    trace: 'off',
  },
  projects: [
    {
      // The workspace in a real browser, against `crm serve` on a temporary database.
      name: 'web',
      testIgnore: /electron\.spec\.ts$/,
      use: {
        browserName: 'chromium',
        viewport: { width: 1280, height: 800 },
        launchOptions: { executablePath: CHROMIUM, args: CHROMIUM_ARGS },
      },
    },
    {
      // The desktop shell through Playwright's _electron (no browser); it skips itself without an Electron binary.
      name: 'electron',
      testMatch: /electron\.spec\.ts$/,
    },
  ],
});
