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

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 300);
const WARMUP = 30;

type Result = { name: string; p50: number; p95: number; mean: number; perSecond: number };

async function measure(name: string, fn: () => Promise<unknown>): Promise<Result> {
  for (let i = 0; i < WARMUP; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const mean = times.reduce((s, t) => s + t, 0) / times.length;
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
  return { name, p50: at(0.5), p95: at(0.95), mean, perSecond: 1000 / mean };
}

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

const fmt = (n: number) => n.toFixed(2).padStart(8);
console.log(`\nDatabase: ${database.kind}; ${ITERATIONS} iterations after ${WARMUP} warm-up; times in ms\n`);
console.log(
  `${'case'.padEnd(48)} ${'p50'.padStart(8)} ${'p95'.padStart(8)} ${'mean'.padStart(8)} ${'per s'.padStart(8)}`,
);
for (const r of results) {
  console.log(
    `${r.name.padEnd(48)} ${fmt(r.p50)} ${fmt(r.p95)} ${fmt(r.mean)} ${r.perSecond.toFixed(0).padStart(8)}`,
  );
}
console.log(
  `\nReference data: first load ${firstLoad.toFixed(0)} ms, reload (no changes) ${reload.toFixed(0)} ms`,
);

await app.close();
await database.close();
