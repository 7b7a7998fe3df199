/**
 * Test databases: an in-memory PGlite by default, or — when TEST_DATABASE_URL is set — a fresh
 * PostgreSQL database created for the test file and dropped afterwards. The same tests run on both.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { type Database, openDatabase } from '../db/connection.ts';
import type { SourceAccess } from '../features/indicators/indicator-imports.ts';
import { loadReferenceData } from '../features/reference/load-reference-data.ts';
import { buildApp } from '../server/app.ts';
import { type Config, loadConfig } from '../server/config.ts';

export type TestDatabase = Database & { dispose: () => Promise<void> };

export async function openTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const database = await openDatabase({ kind: 'pglite', dataDir: undefined });
    await database.migrate();
    return { ...database, dispose: () => database.close() };
  }
  const name = `rk_test_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 4 });
  await database.migrate();
  return {
    ...database,
    dispose: async () => {
      await database.close();
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  // Many sign-ins from one address in a test file: the limit itself has its own test.
  return { ...loadConfig({ LOG_LEVEL: 'silent', SIGN_IN_ATTEMPTS_PER_MINUTE: '1000' }), ...overrides };
}

/** The real app on a fresh test database with the shipped reference data loaded. */
export async function buildTestApp(
  overrides: Partial<Config> = {},
  options: { sources?: SourceAccess } = {},
) {
  const database = await openTestDatabase();
  const config = testConfig(overrides);
  await loadReferenceData(database.db, config.dataFilesDir, config.regionCode);
  // No web app in API tests: they must not depend on a build.
  const app = await buildApp({
    config: { ...config, webDistDir: '/nonexistent' },
    database,
    logger: false,
    sources: options.sources,
  });
  await app.ready();
  return {
    app,
    database,
    config,
    close: async () => {
      await app.close();
      await database.dispose();
    },
  };
}
