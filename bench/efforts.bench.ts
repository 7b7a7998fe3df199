/**
 * Benchmark: the effort list with 20 000 efforts — first page sorted by title, a Swedish
 * full-text search, and a municipality filter — against the raw SQL that returns the same first
 * page, in one process on one database. Also the 20 000-row CSV import.
 *
 *   npx tsx bench/efforts.bench.ts            (PGlite in memory)
 *   DATABASE_URL=postgres://… npx tsx bench/efforts.bench.ts
 */
import { sql } from 'drizzle-orm';
import { type Database, openDatabase, queryRows } from '../src/db/connection.ts';
import { createUser } from '../src/features/access/users-service.ts';
import { effortColumns } from '../src/features/efforts/effort-table.ts';
import { loadReferenceData } from '../src/features/reference/load-reference-data.ts';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import { measure, printResults } from './measure.ts';

const EFFORTS = Number(process.env.BENCH_EFFORTS ?? 20_000);
const ITERATIONS = 30;
const config = {
  ...loadConfig({ LOG_LEVEL: 'silent', SIGN_IN_ATTEMPTS_PER_MINUTE: '10000' }),
  webDistDir: '/nonexistent',
};
const database: Database = process.env.DATABASE_URL
  ? await openDatabase({ kind: 'postgres', url: process.env.DATABASE_URL })
  : await openDatabase({ kind: 'pglite', dataDir: undefined });
await database.migrate();
await database.db.execute(sql`delete from efforts where diarienummer like 'BENCH/%'`);
await loadReferenceData(database.db, config.dataFilesDir, '23');
const email = `bench-${Date.now()}@bench.example`;
await createUser(
  database.db,
  { system: 'bench', regionCode: '23' },
  { email, name: 'Bench', role: 'editor', password: 'a benchmark password' },
);
const app = await buildApp({ config, database, logger: false });
await app.ready();
const signedIn = await app.inject({
  method: 'POST',
  url: '/api/auth/sign-in/email',
  headers: { origin: config.auth.publicUrl },
  payload: { email, password: 'a benchmark password' },
});
const cookie = signedIn.cookies.map((c) => `${c.name}=${c.value}`).join('; ');

const words = [
  'besöksnäring',
  'skog',
  'energi',
  'digitalisering',
  'livsmedel',
  'kompetens',
  'cykelleder',
  'bredband',
];
const places = [
  ['Åre', 'Östersund'],
  ['Berg'],
  ['Krokom', 'Strömsund'],
  ['Härjedalen'],
  ['Ragunda', 'Bräcke'],
];
const header = effortColumns.join(';');
const rows = Array.from({ length: EFFORTS }, (_, i) => {
  const reach = places[i % places.length] ?? [];
  const cells: Record<string, string> = {
    diarienummer: `BENCH/${i}`,
    titel: `Insats ${i} om ${words[i % words.length]}`,
    beskrivning: `Utveckling av ${words[(i * 3) % words.length]} i ${reach.join(' och ')}.`,
    status: ['planerad', 'pågående', 'avslutad'][i % 3] ?? 'planerad',
    startdatum: `${2020 + (i % 7)}-01-01`,
    synlighet: i % 2 ? 'publicerad' : 'intern',
    kommuner: reach.map((m, j) => `${m}|${reach.length === 1 ? 100 : j === 0 ? 60 : 40}`).join('; '),
    finansiering: `1:1|${2020 + (i % 7)}|${100_000 + i}|beslutad; erdf|${2021 + (i % 7)}|${50_000 + i}|planerad`,
    prioriteringar: String(1 + (i % 3)),
  };
  return effortColumns
    .map((c) => {
      const v = cells[c] ?? '';
      return v.includes(';') ? `"${v}"` : v;
    })
    .join(';');
});
const importStart = performance.now();
const imported = await app.inject({
  method: 'POST',
  url: '/api/v1/efforts/import?filename=bench.csv',
  headers: { cookie, 'content-type': 'application/octet-stream' },
  payload: Buffer.from([header, ...rows].join('\n')),
});
const importSeconds = (performance.now() - importStart) / 1000;
if (imported.statusCode !== 200) throw new Error(`import failed: ${imported.body.slice(0, 300)}`);

const firstPageSql = sql`
  select e.id, e.title, e.status, e.start_date, e.end_date, o.name as owner,
    coalesce((select sum(f.amount_sek) from effort_funding f where f.effort_id = e.id), 0) as total
  from efforts e left join organisations o on o.id = e.owner_organisation_id
  where e.region_code = '23'
  order by e.title collate "C" limit 50`;
const searchSql = sql`
  select e.id, e.title from efforts e
  where e.region_code = '23' and to_tsvector('swedish', coalesce(e.title,'') || ' ' || coalesce(e.summary,'') || ' ' || coalesce(e.description,''))
    @@ websearch_to_tsquery('swedish', 'besöksnäringen')
  order by e.title limit 50`;
const municipalitySql = sql`
  select e.id, e.title from efforts e
  where e.region_code = '23' and (e.reach_whole_county or exists (select 1 from effort_reach r where r.effort_id = e.id and r.area_code = '2321'))
  order by e.title limit 50`;

const results = [
  await measure(
    `API  GET /efforts?limit=50 (${EFFORTS} efforts, signed in)`,
    () => app.inject({ url: '/api/v1/efforts?limit=50', headers: { cookie } }),
    ITERATIONS,
  ),
  await measure(
    'SQL  first page by title with funding totals',
    () => queryRows(database.db, firstPageSql),
    ITERATIONS,
  ),
  await measure(
    'API  GET /efforts?q=besöksnäringen',
    () =>
      app.inject({ url: `/api/v1/efforts?q=${encodeURIComponent('besöksnäringen')}`, headers: { cookie } }),
    ITERATIONS,
  ),
  await measure(
    'SQL  same full-text search, first page',
    () => queryRows(database.db, searchSql),
    ITERATIONS,
  ),
  await measure(
    'API  GET /efforts?municipality=2321',
    () => app.inject({ url: '/api/v1/efforts?municipality=2321', headers: { cookie } }),
    ITERATIONS,
  ),
  await measure(
    'SQL  same municipality filter, first page',
    () => queryRows(database.db, municipalitySql),
    ITERATIONS,
  ),
  await measure(
    'API  GET /efforts/export?format=csv&municipality=2326',
    () => app.inject({ url: '/api/v1/efforts/export?format=csv&municipality=2326', headers: { cookie } }),
    5,
  ),
];
printResults(database.kind, results);
console.log(`\nImport of ${EFFORTS} rows (CSV, one transaction): ${importSeconds.toFixed(1)} s`);
await app.close();
await database.close();
