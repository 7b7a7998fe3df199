/**
 * `regionkraft start`: open the database (taking the data-folder lock), migrate, load the
 * reference data, build the web app if needed, then serve. Shuts down cleanly on SIGINT/SIGTERM:
 * first the HTTP server (in-flight requests finish), then the database, then the lock — also
 * when the signal comes while starting, and when a start-up step fails.
 */

import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { type Database, openDatabase } from '../db/connection.ts';
import { hasDemoUsers } from '../features/access/demo-users.ts';
import { ensureFirstAdmin, setupPath } from '../features/access/first-run.ts';
import { seedKnownTargets } from '../features/indicators/known-targets.ts';
import { loadReferenceData } from '../features/reference/load-reference-data.ts';
import { buildApp } from './app.ts';
import { type Config, projectRoot } from './config.ts';
import { buildWebApp, webBuildState } from './web-build.ts';

export type StartOptions = { buildWeb: boolean; log: (message: string) => void };

export async function databaseFromConfig(config: Config): Promise<Database> {
  return config.databaseUrl
    ? openDatabase({ kind: 'postgres', url: config.databaseUrl })
    : openDatabase({ kind: 'pglite', dataDir: config.dataDir });
}

export async function startServer(
  config: Config,
  options: StartOptions,
): Promise<FastifyInstance | undefined> {
  const { log } = options;
  let database: Database | undefined;
  let app: FastifyInstance | undefined;
  let stopping = false;

  const closeAll = async () => {
    await app?.close();
    await database?.close();
  };

  // Declared before the signal handlers, assigned right after: a signal is handled on the event
  // loop, by which time it is set.
  let startup: Promise<void> = Promise.resolve();

  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal} received: stopping Regionkraft…`);
    // Let the step in progress (e.g. PGlite creating its data folder) finish before closing.
    await startup.catch(() => {});
    try {
      await closeAll();
      log('Stopped cleanly.');
      process.exit(0);
    } catch (error) {
      console.error('Error while stopping:', error);
      process.exit(1);
    }
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  // The handlers are in place before anything is printed: a SIGTERM sent as soon as the first
  // line appears must not meet Node's default (kill at once, lock and database left behind).

  startup = (async () => {
    log(
      config.databaseUrl
        ? 'Connecting to PostgreSQL…'
        : `Opening the embedded database in ${config.dataDir}…`,
    );
    database = await databaseFromConfig(config);
    if (stopping) return;
    log(`Database: ${database.kind} (${database.location}). Running migrations…`);
    await database.migrate();
    if (stopping) return;
    const summary = await loadReferenceData(database.db, config.dataFilesDir, config.regionCode);
    await seedKnownTargets(database.db, config.regionCode);
    log(
      `Reference data for region ${summary.region} loaded: ${summary.areas} areas, ${summary.sdgTargets} SDG targets, ` +
        `${summary.priorities} priorities, ${summary.strengthAreas} strength areas.`,
    );
    // A web app given by REGIONKRAFT_WEB_DIST_DIR is served as it is (built by whoever set it).
    const ownBuild = config.webDistDir === path.join(projectRoot, 'web', 'dist');
    if (options.buildWeb && ownBuild && !stopping) {
      const state = webBuildState(projectRoot);
      if (state.stale) {
        log(`Building the web app (${state.reason}); this takes a little while the first time…`);
        const started = Date.now();
        await buildWebApp(projectRoot);
        log(`Web app built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
      }
    }
    if (stopping) return;
    const firstRun = await ensureFirstAdmin(database.db, config);
    if (stopping) return;
    app = await buildApp({ config, database, purgeRegistrations: true });
    await app.listen({ port: config.port, host: config.host });
    const { port } = app.server.address() as AddressInfo;
    const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
    const origin = process.env.REGIONKRAFT_PUBLIC_URL ? config.auth.publicUrl : `http://${shownHost}:${port}`;
    if (firstRun.kind === 'admin-created') {
      log(`First administrator ${firstRun.email} created from REGIONKRAFT_ADMIN_EMAIL.`);
    } else if (firstRun.kind === 'setup-link') {
      log('No users yet. Create the first administrator with this one-time link (valid 24 hours):');
      log(`  ${origin}${setupPath(firstRun.token)}`);
    }
    if (await hasDemoUsers(database.db)) {
      log(
        'WARNING: DEMO accounts with published passwords exist (regionkraft seed --demo). Not for real data.',
      );
    }
    log(`Regionkraft is running on http://${shownHost}:${port}/ (API docs: /api/docs). Stop with Ctrl+C.`);
  })();

  try {
    await startup;
  } catch (error) {
    // Release the database and the data-folder lock before reporting the failure.
    await closeAll().catch(() => {});
    throw error;
  }
  return app;
}
