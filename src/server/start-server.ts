/**
 * `regionkraft start`: open the database (taking the data-folder lock), migrate, load the
 * reference data, build the web app if needed, then serve. Shuts down cleanly on SIGINT/SIGTERM:
 * first the HTTP server (in-flight requests finish), then the database, then the lock.
 */
import type { FastifyInstance } from 'fastify';
import { type Database, openDatabase } from '../db/connection.ts';
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

export async function startServer(config: Config, options: StartOptions): Promise<FastifyInstance> {
  const { log } = options;
  let database: Database | undefined;
  let app: FastifyInstance | undefined;
  let stopping = false;

  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal} received: stopping Regionkraft…`);
    try {
      await app?.close();
      await database?.close();
      log('Stopped cleanly.');
      process.exit(0);
    } catch (error) {
      console.error('Error while stopping:', error);
      process.exit(1);
    }
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  log(
    config.databaseUrl ? 'Connecting to PostgreSQL…' : `Opening the embedded database in ${config.dataDir}…`,
  );
  database = await databaseFromConfig(config);
  log(`Database: ${database.kind} (${database.location}). Running migrations…`);
  await database.migrate();
  const summary = await loadReferenceData(database.db, config.dataFilesDir, config.regionCode);
  log(
    `Reference data for region ${summary.region} loaded: ${summary.areas} areas, ${summary.sdgTargets} SDG targets, ` +
      `${summary.priorities} priorities, ${summary.strengthAreas} strength areas.`,
  );

  if (options.buildWeb) {
    const state = webBuildState(projectRoot);
    if (state.stale) {
      log(`Building the web app (${state.reason}); this takes a little while the first time…`);
      const started = Date.now();
      await buildWebApp(projectRoot);
      log(`Web app built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    }
  }

  app = await buildApp({ config, database });
  if (stopping) return app;
  await app.listen({ port: config.port, host: config.host });
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  log(
    `Regionkraft is running on http://${shownHost}:${config.port}/ (API docs: /api/docs). Stop with Ctrl+C.`,
  );
  return app;
}
