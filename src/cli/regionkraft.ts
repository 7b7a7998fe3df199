/**
 * The `regionkraft` command: start, migrate, seed, purge-registrations, import kolada|pxweb|file,
 * db export|import, openapi, build-web.
 * Every command reads its configuration from the environment (see README).
 */
import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { type Database, openDatabase } from '../db/connection.ts';
import { DataDirLockedError } from '../db/data-dir-lock.ts';
import { DumpFormatError, exportDatabase, importDatabase } from '../db/dump.ts';
import { demoAccounts, seedDemoUsers } from '../features/access/demo-users.ts';
import { seedDemoConflicts } from '../features/conflicts/demo-conflicts.ts';
import { seedDemoEfforts } from '../features/efforts/demo-efforts.ts';
import type { ImportReport } from '../features/indicators/import-values.ts';
import {
  importFromFile,
  importFromKolada,
  importFromPxWeb,
} from '../features/indicators/indicator-imports.ts';
import { seedKnownTargets } from '../features/indicators/known-targets.ts';
import { loadReferenceData } from '../features/reference/load-reference-data.ts';
import { ReferenceDataError } from '../features/reference/reference-files.ts';
import { seedDemoS3 } from '../features/s3/demo-s3.ts';
import { purgeOldRegistrations } from '../features/s3/meetings/registrations-service.ts';
import { buildApp } from '../server/app.ts';
import { type Config, ConfigError, loadConfig, projectRoot } from '../server/config.ts';
import { HttpProblem } from '../server/problem.ts';
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
      const targets = await seedKnownTargets(database.db, regionCode);
      if (targets > 0) log(`${targets} indicator targets from the steering documents added.`);
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
        const conflicts = await seedDemoConflicts(database.db, config.dataFilesDir, regionCode);
        log(
          `DEMO: ${conflicts.conflicts} documented goal conflicts, ${conflicts.matrices} example interaction matrix and ${conflicts.consultations} example Sami consultations added.`,
        );
        const s3 = await seedDemoS3(database.db, regionCode);
        log(
          `DEMO: smart specialisation example data added (${
            Object.entries(s3)
              .map(([what, count]) => `${count} ${what}`)
              .join(', ') || 'nothing new'
          }).`,
        );
      }
    });
  });

program
  .command('purge-registrations')
  .description(
    'Delete registrations for meetings held more than 30 days ago (a running server also does this every hour)',
  )
  .action(async () => {
    await withDatabase(loadConfig(), async (database) => {
      const deleted = await purgeOldRegistrations(database.db);
      log(`${deleted} registrations for meetings held more than 30 days ago deleted.`);
    });
  });

const importCommand = program
  .command('import')
  .description('Import indicator values (all or nothing, with a report): kolada, pxweb or file');
const commaList = (value: string) =>
  value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
const cliActor = (regionCode: string) => ({ system: 'regionkraft import (command line)', regionCode });

/** Prints an import's report, or its problems (exit code 1) — nothing is written then. */
async function reportImport(run: () => Promise<ImportReport>) {
  try {
    const report = await run();
    log(
      `${report.dryRun ? 'Checked (nothing written)' : 'Imported'}: ${report.values} values for ${report.indicators.join(', ')} — ` +
        `${report.inserted} new, ${report.updated} changed, ${report.unchanged} unchanged.`,
    );
    for (const c of report.changes.slice(0, 20)) log(`  changed ${c.key}: ${c.before} → ${c.after}`);
  } catch (error) {
    if (!(error instanceof HttpProblem)) throw error;
    console.error(`[regionkraft] ${error.detail ?? error.title}`);
    for (const e of error.errors ?? []) console.error(`[regionkraft]   ${e.field}: ${e.message}`);
    process.exitCode = 1;
  }
}

importCommand
  .command('kolada')
  .description("Values from Kolada (api.kolada.se/v3) for the region's municipalities, the county and Sweden")
  .requiredOption('--kpi <ids>', 'Kolada KPI ids, comma separated (e.g. N00914,N01951)', commaList)
  .option('--from <year>', 'first year', (v) => Number.parseInt(v, 10), new Date().getFullYear() - 10)
  .option('--to <year>', 'last year', (v) => Number.parseInt(v, 10), new Date().getFullYear())
  .option('--areas <codes>', 'area codes instead of the default (e.g. 2380,23,SE)', commaList)
  .option('--dry-run', 'check and count only; write nothing')
  .action(
    async (options: { kpi: string[]; from: number; to: number; areas?: string[]; dryRun?: boolean }) => {
      const config = loadConfig();
      await withDatabase(config, (database) =>
        reportImport(() =>
          importFromKolada(database.db, cliActor(config.regionCode), {
            kpis: options.kpi,
            from: options.from,
            to: options.to,
            areaCodes: options.areas,
            dryRun: options.dryRun,
          }),
        ),
      );
    },
  );

importCommand
  .command('pxweb')
  .description('One content variable of an SCB table (PxWebApi 2) as an indicator')
  .requiredOption('--table <id>', 'SCB table id, e.g. TAB638')
  .requiredOption('--indicator <id>', 'the indicator the values belong to')
  .requiredOption(
    '--select <variable=codes>',
    'value codes of a variable, e.g. Region=2380,23 (repeat for each variable)',
    (value: string, previous: Record<string, string[]>) => {
      const [variable, codes = ''] = value.split('=');
      return { ...previous, [String(variable).trim()]: commaList(codes) };
    },
    {},
  )
  .option('--dry-run', 'check and count only; write nothing')
  .action(
    async (options: {
      table: string;
      indicator: string;
      select: Record<string, string[]>;
      dryRun?: boolean;
    }) => {
      const config = loadConfig();
      await withDatabase(config, (database) =>
        reportImport(() =>
          importFromPxWeb(database.db, cliActor(config.regionCode), {
            table: options.table,
            indicatorId: options.indicator,
            selection: options.select,
            dryRun: options.dryRun,
          }),
        ),
      );
    },
  );

importCommand
  .command('file')
  .argument(
    '<file>',
    'CSV (UTF-8, ; or ,) or Excel file: indicator, area_code, year, sex, value[, status, source]',
  )
  .description('Values from a file in long format')
  .option('--dry-run', 'check and count only; write nothing')
  .action(async (file: string, options: { dryRun?: boolean }) => {
    const config = loadConfig();
    const buffer = fs.readFileSync(path.resolve(file));
    await withDatabase(config, (database) =>
      reportImport(() =>
        importFromFile(database.db, cliActor(config.regionCode), {
          buffer,
          filename: path.basename(file),
          dryRun: options.dryRun,
        }),
      ),
    );
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
