import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

// E2E_PORT lets two runs (e.g. two engineers on one machine) work side by side.
const PORT = Number(process.env.E2E_PORT ?? 3199);
const baseURL = `http://127.0.0.1:${PORT}`;
// A fresh data folder per run, so the tests always start from the shipped reference data.
const dataDir = path.join(os.tmpdir(), `regionkraft-e2e-${Date.now()}`);

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL,
    locale: 'sv-SE',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    // Demo accounts (one per role) for the sign-in tests.
    command: 'node bin/regionkraft.js seed --demo && node bin/regionkraft.js start',
    url: `${baseURL}/health/ready`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      PORT: String(PORT),
      HOST: '127.0.0.1',
      REGIONKRAFT_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      // The tests sign in many times a minute from one address; the limit has its own API test.
      SIGN_IN_ATTEMPTS_PER_MINUTE: '1000',
      // E2E_DATABASE_URL runs the server (and its demo seed) on PostgreSQL instead of PGlite.
      ...(process.env.E2E_DATABASE_URL ? { DATABASE_URL: process.env.E2E_DATABASE_URL } : {}),
      ...(process.env.REGIONKRAFT_WEB_DIST_DIR
        ? { REGIONKRAFT_WEB_DIST_DIR: process.env.REGIONKRAFT_WEB_DIST_DIR }
        : {}),
    },
  },
});
