/**
 * Benchmark: the read API against the same query in raw SQL, in one process on one database.
 * Prints a table; copy the figures into bench/README.md when they change.
 *
 *   npx tsx bench/api-reads.bench.ts            (PGlite in memory)
 *   DATABASE_URL=postgres://… npx tsx bench/api-reads.bench.ts
 */
import { sql } from 'drizzle-orm';
import { type Database, openDatabase, queryRows } from '../src/db/connection.ts';
import { loadReferenceData } from '../src/features/reference/load-reference-data.ts';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';

import { measure, printResults } from './measure.ts';

const config = { ...loadConfig({ LOG_LEVEL: 'silent' }), webDistDir: '/nonexistent' };
const database: Database = process.env.DATABASE_URL
  ? await openDatabase({ kind: 'postgres', url: process.env.DATABASE_URL })
  : await openDatabase({ kind: 'pglite', dataDir: undefined });
await database.migrate();

const loadStart = performance.now();
await loadReferenceData(database.db, config.dataFilesDir, '23');
const firstLoad = performance.now() - loadStart;
const reloadStart = performance.now();
await loadReferenceData(database.db, config.dataFilesDir, '23');
const reload = performance.now() - reloadStart;

const app = await buildApp({ config, database, logger: false });
await app.ready();

const rawMunicipalities = sql`
  SELECT a.code, a.type, a.name, a.region_code, a.sami_administrative, p.year, p.value, p.source
  FROM areas a
  LEFT JOIN LATERAL (
    SELECT year, value, source FROM indicator_values v
    WHERE v.indicator_id = 'population' AND v.sex = 'total' AND v.area_code = a.code
    ORDER BY year DESC LIMIT 1
  ) p ON true
  WHERE a.region_code = '23' AND a.type = 'municipality'`;

const results = [
  await measure('API  GET /api/v1/areas?type=municipality', () =>
    app.inject({ method: 'GET', url: '/api/v1/areas?type=municipality' }),
  ),
  await measure('SQL  same rows (one LATERAL query)', () => queryRows(database.db, rawMunicipalities)),
  await measure('API  GET /api/v1/areas/geojson', () =>
    app.inject({ method: 'GET', url: '/api/v1/areas/geojson' }),
  ),
  await measure('SQL  areas with geometry', () =>
    queryRows(
      database.db,
      sql`SELECT code, name, geometry FROM areas WHERE region_code = '23' AND type = 'municipality'`,
    ),
  ),
  await measure('API  GET /api/v1/sdgs (17 goals, 169 targets)', () =>
    app.inject({ method: 'GET', url: '/api/v1/sdgs' }),
  ),
  await measure('SQL  goals + targets', () =>
    Promise.all([
      queryRows(database.db, sql`SELECT * FROM sdg_goals ORDER BY goal`),
      queryRows(database.db, sql`SELECT * FROM sdg_targets ORDER BY goal, position`),
    ]),
  ),
];

printResults(database.kind, results);
console.log(
  `\nReference data: first load ${firstLoad.toFixed(0)} ms, reload (no changes) ${reload.toFixed(0)} ms`,
);

await app.close();
await database.close();
