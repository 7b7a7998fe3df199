/**
 * The `regionkraft` command: start, migrate, seed, db export|import, openapi, build-web.
 * Every command reads its configuration from the environment (see README).
 */
import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { type Database, openDatabase } from '../db/connection.ts';
import { DataDirLockedError } from '../db/data-dir-lock.ts';
import { DumpFormatError, exportDatabase, importDatabase } from '../db/dump.ts';
import { demoAccounts, seedDemoUsers } from '../features/access/demo-users.ts';
import { seedDemoEfforts } from '../features/efforts/demo-efforts.ts';
import { loadReferenceData } from '../features/reference/load-reference-data.ts';
import { ReferenceDataError } from '../features/reference/reference-files.ts';
import { buildApp } from '../server/app.ts';
import { type Config, ConfigError, loadConfig, projectRoot } from '../server/config.ts';
import { databaseFromConfig, startServer } from '../server/start-server.ts';
import { buildWebApp } from '../server/web-build.ts';

const log = (message: string) => console.log(`[regionkraft] ${message}`);

/** Runs a command with an open, migrated database and closes it afterwards. */
async function withDatabase<T>(config: Config, work: (database: Database) => Promise<T>) {
  const database = await databaseFromConfig(config);
  try {
    await database.migrate();
    return await work(database);
  } finally {
    await database.close();
  }
}

const program = new Command()
  .name('regionkraft')
  .description(
    'Regionkraft – styrning och uppföljning av regional tillväxtpolitik.\n' +
      'Configuration comes from environment variables: PORT, HOST, REGIONKRAFT_DATA_DIR, DATABASE_URL, LOG_LEVEL, TRUST_PROXY, REGIONKRAFT_REGION.',
  )
  .showHelpAfterError();

program
  .command('start')
  .description('Start the server (migrates, loads reference data and builds the web app when needed)')
  .option('--no-build', 'do not build the web app even if it is missing or stale')
  .action(async (options: { build: boolean }) => {
    await startServer(loadConfig(), { buildWeb: options.build, log });
  });

program
  .command('migrate')
  .description('Apply database migrations and exit')
  .action(async () => {
    await withDatabase(loadConfig(), async (database) =>
      log(`Migrations applied (${database.kind}: ${database.location}).`),
    );
  });

program
  .command('seed')
  .description('Load the reference data from data/ (idempotent: safe to run again)')
  .option('--region <code>', 'county code of the region to load (default: REGIONKRAFT_REGION or 23)')
  .option(
    '--demo',
    'also add DEMO accounts, one per role, with the published passwords in the README (never on real data)',
  )
  .action(async (options: { region?: string; demo?: boolean }) => {
    const config = loadConfig();
    const regionCode = options.region ?? config.regionCode;
    await withDatabase(config, async (database) => {
      const summary = await loadReferenceData(database.db, config.dataFilesDir, regionCode);
      log(`Reference data loaded: ${JSON.stringify(summary)}`);
      if (options.demo) {
        const added = await seedDemoUsers(database.db, regionCode);
        log(
          `DEMO: ${added.accounts} demo accounts and ${added.organisations} example organisations added. ` +
            'Their passwords are public (README, "Demo accounts"): do not use this instance for real data.',
        );
        for (const account of demoAccounts) {
          log(`DEMO:   ${account.role.padEnd(8)} ${account.email} / ${account.password}`);
        }
        const examples = await seedDemoEfforts(database.db, regionCode);
        log(
          `DEMO: ${examples.efforts} example efforts and ${examples.actors} example actors added (marked as example data).`,
        );
      }
    });
  });

const db = program.command('db').description('Export and import all data as an SQL file');
db.command('export')
  .argument('<file>', 'file to write (SQL, data only)')
  .description('Export all data to an SQL file (to move data between PGlite versions or to PostgreSQL)')
  .action(async (file: string) => {
    await withDatabase(loadConfig(), async (database) => {
      const summary = await exportDatabase(database.db, path.resolve(file));
      const rows = summary.tables.reduce((sum, t) => sum + t.rows, 0);
      log(`Exported ${rows} rows from ${summary.tables.length} tables to ${path.resolve(file)}.`);
    });
  });
db.command('import')
  .argument('<file>', 'an SQL file written by `regionkraft db export`')
  .description('Replace all data with the content of an export (all or nothing)')
  .action(async (file: string) => {
    await withDatabase(loadConfig(), async (database) => {
      const result = await importDatabase(database.db, path.resolve(file));
      log(`Imported ${result.rows} rows (${result.statements} statements) from ${path.resolve(file)}.`);
    });
  });

program
  .command('openapi')
  .argument('[file]', 'write to this file instead of standard output')
  .description('Print the OpenAPI 3.1 document of the API')
  .action(async (file?: string) => {
    const config = loadConfig();
    const database = await openDatabase({ kind: 'pglite', dataDir: undefined });
    try {
      await database.migrate();
      const app = await buildApp({ config, database, logger: false });
      await app.ready();
      const json = `${JSON.stringify(app.swagger(), null, 2)}\n`;
      if (file) fs.writeFileSync(path.resolve(file), json);
      else process.stdout.write(json);
      await app.close();
    } finally {
      await database.close();
    }
  });

program
  .command('build-web')
  .description('Build the web app into web/dist')
  .action(async () => {
    log('Building the web app…');
    await buildWebApp(projectRoot);
    log('Done: web/dist');
  });

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (
    error instanceof ConfigError ||
    error instanceof DataDirLockedError ||
    error instanceof ReferenceDataError ||
    error instanceof DumpFormatError
  ) {
    console.error(`[regionkraft] ${error.message}`);
  } else {
    console.error('[regionkraft] Failed:', error instanceof Error ? (error.stack ?? error.message) : error);
  }
  process.exit(1);
}
