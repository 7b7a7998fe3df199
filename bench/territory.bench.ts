/**
 * Benchmark: a national instance — 290 municipalities, 300 indicators, 25 years, 3 sexes (about
 * 6.5 million indicator values) in a synthetic region "00". Measures the map (one indicator, one
 * year, every municipality), the municipality profile and the disparity of one indicator over 25
 * years through the API (app.inject, the full Fastify pipeline) next to the raw SQL for the same
 * rows, in one process on one database; prints EXPLAIN (ANALYZE, BUFFERS) of every query the
 * endpoints send to indicator_values with a verdict (index or sequential scan), the number of
 * queries per request, and the size of the table.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/rk_bench_territory npx tsx bench/territory.bench.ts
 *   npx tsx bench/territory.bench.ts      (PGlite in memory: 1/10 of the municipalities by default)
 *
 * Environment: BENCH_SCALE (share of the 290 municipalities; 1 on PostgreSQL, 0.1 on PGlite by
 * default), BENCH_INDICATORS (300), BENCH_ITERATIONS (100 here). On PostgreSQL the data stays in
 * the database: a re-run checks it (per batch of indicators) and generates only what is missing.
 */
import { type SQL, sql } from 'drizzle-orm';
import { type Database, openDatabase, queryRows } from '../src/db/connection.ts';
import { loadReferenceData } from '../src/features/reference/load-reference-data.ts';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import { measure, printResults, type Result, WARMUP } from './measure.ts';

const REGION = '00';
const FULL_MUNICIPALITIES = 290;
const FIRST_YEAR = 2000;
const YEARS = 25;
const LAST_YEAR = FIRST_YEAR + YEARS - 1;
const SEXES = 3;
const BATCH = 20;

const onPostgres = Boolean(process.env.DATABASE_URL);
const SCALE = Number(process.env.BENCH_SCALE ?? (onPostgres ? 1 : 0.1));
const MUNICIPALITIES = Math.max(2, Math.min(999, Math.round(FULL_MUNICIPALITIES * SCALE)));
const INDICATORS = Math.max(1, Math.min(999, Number(process.env.BENCH_INDICATORS ?? 300)));
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 100);
/** Value areas per indicator: the municipalities, the county and Sweden (SE). */
const VALUE_AREAS = MUNICIPALITIES + 2;
const ROWS_PER_INDICATOR = VALUE_AREAS * YEARS * SEXES;

const pad3 = (n: number) => String(n).padStart(3, '0');
const indicatorId = (n: number) => `bench-${pad3(n)}`;
const municipalityCode = (n: number) => `9${pad3(n)}`;

const config = {
  ...loadConfig({ LOG_LEVEL: 'silent', REGIONKRAFT_REGION: REGION }),
  webDistDir: '/nonexistent',
};
const database: Database = onPostgres
  ? await openDatabase({ kind: 'postgres', url: process.env.DATABASE_URL as string })
  : await openDatabase({ kind: 'pglite', dataDir: undefined });
const { db } = database;
await database.migrate();
// Region 23's reference data: the population indicator and a realistic indicators table.
await loadReferenceData(db, config.dataFilesDir, '23');

console.log(
  `Synthetic region ${REGION}: ${MUNICIPALITIES} municipalities (${municipalityCode(1)}–${municipalityCode(MUNICIPALITIES)})` +
    `${MUNICIPALITIES === FULL_MUNICIPALITIES ? '' : ` — SCALED DOWN to ${SCALE} of the national ${FULL_MUNICIPALITIES}`}` +
    `, ${INDICATORS} indicators, ${YEARS} years (${FIRST_YEAR}–${LAST_YEAR}), ${SEXES} sexes; ` +
    `${(INDICATORS * ROWS_PER_INDICATOR).toLocaleString('en')} values (municipalities, county and SE) ` +
    `+ population of the municipalities and the county.`,
);

// ---------------------------------------------------------------------------------------------
// Data: set-based SQL only, one INSERT … SELECT per batch of indicators.

const generationStart = performance.now();
await db.execute(sql`
  insert into regions (code, name, authority)
  values (${REGION}, 'Sverige (benchmark)', 'Benchmark (syntetisk region)')
  on conflict (code) do nothing`);
const [{ existing } = { existing: 0 }] = await queryRows<{ existing: number }>(
  db,
  sql`select count(*)::int as existing from areas where region_code = ${REGION} and type = 'municipality'`,
);
if (existing !== MUNICIPALITIES) {
  if (existing > 0) console.log(`Other scale in the database (${existing} municipalities): regenerating.`);
  await db.execute(sql`delete from indicator_values where region_code = ${REGION}`);
  await db.execute(sql`delete from areas where region_code = ${REGION}`);
}
await db.execute(sql`
  insert into areas (code, region_code, type, name, source)
  values (${REGION}, ${REGION}, 'county', 'Sverige (benchmark)', 'Syntetisk (bench/territory.bench.ts)')
  on conflict (code) do nothing`);
await db.execute(sql`
  insert into areas (code, region_code, type, name, sami_administrative, source)
  select '9' || lpad(n::text, 3, '0'), ${REGION}, 'municipality', 'Benchkommun ' || lpad(n::text, 3, '0'),
    false, 'Syntetisk (bench/territory.bench.ts)'
  from generate_series(1, ${MUNICIPALITIES}::int) n
  on conflict (code) do nothing`);
await db.execute(sql`
  insert into indicators (id, title_sv, title_en, unit_sv, unit_en, source, source_kind, polarity,
    split_by_sex, aggregation)
  select 'bench-' || lpad(n::text, 3, '0'), 'Benchmarkindikator ' || lpad(n::text, 3, '0'),
    'Benchmark indicator ' || lpad(n::text, 3, '0'), 'procent', 'per cent', 'Syntetisk',
    'own', (array['higher_is_better', 'lower_is_better', 'neutral'])[1 + n % 3], true,
    'population_weighted_mean'
  from generate_series(1, ${INDICATORS}::int) n
  on conflict (id) do nothing`);
// A smaller BENCH_INDICATORS than last time: drop the values of the indicators left over.
await db.execute(sql`
  delete from indicator_values
  where region_code = ${REGION} and indicator_id like 'bench-%' and indicator_id > ${indicatorId(INDICATORS)}`);
await db.execute(sql`
  insert into indicator_values (region_code, indicator_id, area_code, year, sex, value, source)
  select ${REGION}, 'population', a.code, y, 'total', 2000 + floor(random() * 200000), 'Syntetisk'
  from areas a cross join generate_series(${FIRST_YEAR}::int, ${LAST_YEAR}::int) y
  where a.region_code = ${REGION}
  on conflict do nothing`);

let generatedRows = 0;
for (let first = 1; first <= INDICATORS; first += BATCH) {
  const last = Math.min(INDICATORS, first + BATCH - 1);
  const expected = (last - first + 1) * ROWS_PER_INDICATOR;
  const [{ present } = { present: 0 }] = await queryRows<{ present: number }>(
    db,
    sql`select count(*)::int as present from indicator_values
        where indicator_id between ${indicatorId(first)} and ${indicatorId(last)} and region_code = ${REGION}`,
  );
  if (present === expected) continue;
  const batchStart = performance.now();
  // One transaction per batch: a batch is either complete or absent, so a re-run resumes.
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local work_mem = '256MB'`);
    await tx.execute(sql`
      delete from indicator_values
      where indicator_id between ${indicatorId(first)} and ${indicatorId(last)} and region_code = ${REGION}`);
    // Physical order as an importer writes it: indicator by indicator (Kolada fetches per KPI).
    await tx.execute(sql`
      insert into indicator_values (region_code, indicator_id, area_code, year, sex, value, status, source)
      select ${REGION}, 'bench-' || lpad(i::text, 3, '0'), a.code, y, s.sex,
        round((5 + random() * 95)::numeric, 1)::float8, 'final', 'Kolada (syntetiskt värde)'
      from generate_series(${first}::int, ${last}::int) i
      cross join (
        select '9' || lpad(n::text, 3, '0') as code from generate_series(1, ${MUNICIPALITIES}::int) n
        union all select ${REGION}::text union all select 'SE'
      ) a
      cross join generate_series(${FIRST_YEAR}::int, ${LAST_YEAR}::int) y
      cross join (values ('total'), ('women'), ('men')) s(sex)
      order by 2, 3, 4, 5`);
  });
  generatedRows += expected;
  console.log(
    `  generated ${indicatorId(first)}–${indicatorId(last)}: ${expected.toLocaleString('en')} rows in ${((performance.now() - batchStart) / 1000).toFixed(1)} s`,
  );
}
const insertSeconds = (performance.now() - generationStart) / 1000;
let vacuumSeconds = 0;
if (generatedRows > 0) {
  const vacuumStart = performance.now();
  // Statistics for the planner, and the visibility map for index-only scans.
  await db.execute(sql`vacuum (analyze) indicator_values`);
  await db.execute(sql`analyze areas`);
  await db.execute(sql`analyze indicators`);
  vacuumSeconds = (performance.now() - vacuumStart) / 1000;
  console.log(
    `Generated ${generatedRows.toLocaleString('en')} rows: INSERT ${insertSeconds.toFixed(1)} s, VACUUM ANALYZE ${vacuumSeconds.toFixed(1)} s`,
  );
} else {
  console.log(`Data already present (checked in ${insertSeconds.toFixed(1)} s): generation skipped.`);
}

const [size] = await queryRows<{
  rows: string;
  region_rows: string;
  heap: string;
  indexes: string;
  total: string;
}>(
  db,
  sql`select (select count(*) from indicator_values)::text as rows,
        (select count(*) from indicator_values where region_code = ${REGION})::text as region_rows,
        pg_size_pretty(pg_relation_size('indicator_values')) as heap,
        pg_size_pretty(pg_indexes_size('indicator_values')) as indexes,
        pg_size_pretty(pg_total_relation_size('indicator_values')) as total`,
);
const indexSizes = await queryRows<{ name: string; size: string }>(
  db,
  sql`select indexrelid::regclass::text as name, pg_size_pretty(pg_relation_size(indexrelid)) as size
      from pg_index where indrelid = 'indicator_values'::regclass order by 1`,
);
console.log(
  `indicator_values: ${Number(size?.rows).toLocaleString('en')} rows (${Number(size?.region_rows).toLocaleString('en')} in region ${REGION}); ` +
    `table ${size?.heap}, indexes ${size?.indexes}, total ${size?.total} ` +
    `(${indexSizes.map((i) => `${i.name} ${i.size}`).join(', ')})`,
);

// ---------------------------------------------------------------------------------------------
// The app, reading region 00; every query it sends can be captured (count and EXPLAIN).

type Captured = { text: string; params: unknown[] };
let captured: Captured[] | null = null;
const client = (db as unknown as { $client: { query: (...args: unknown[]) => unknown } }).$client;
const originalQuery = client.query;
client.query = function (this: unknown, ...args: unknown[]) {
  if (captured) {
    const [first, second] = args;
    const text = typeof first === 'string' ? first : (first as { text: string }).text;
    captured.push({ text, params: Array.isArray(second) ? second : [] });
  }
  return originalQuery.apply(this, args);
};
async function captureQueries(fn: () => Promise<unknown>): Promise<Captured[]> {
  captured = [];
  try {
    await fn();
    return captured;
  } finally {
    captured = null;
  }
}

const app = await buildApp({ config, database, logger: false });
await app.ready();

// Twenty client addresses in turn, so the rate limit (1200 a minute per address) never answers.
let requestCount = 0;
async function get(url: string) {
  requestCount++;
  const response = await app.inject({ url, remoteAddress: `10.0.0.${(requestCount % 20) + 1}` });
  if (response.statusCode !== 200) {
    throw new Error(`${url}: ${response.statusCode} ${response.body.slice(0, 300)}`);
  }
  return response;
}

/** A deterministic sequence of keys, so the API and its SQL baseline see the same ones. */
function keys(seed: number) {
  let state = seed;
  const random = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const below = (n: number) => 1 + Math.floor(random() * n);
  return () => ({
    indicator: indicatorId(below(INDICATORS)),
    municipality: municipalityCode(below(MUNICIPALITIES)),
    year: FIRST_YEAR + below(YEARS) - 1,
  });
}

const mapUrl = (k: { indicator: string; year: number }) =>
  `/api/v1/indicators/${k.indicator}/values?from=${k.year}&to=${k.year}&sex=total`;
const profileUrl = (k: { municipality: string }) => `/api/v1/areas/${k.municipality}/profile`;
const disparityUrl = (k: { indicator: string }) =>
  `/api/v1/indicators/${k.indicator}/disparity?from=${FIRST_YEAR}&to=${LAST_YEAR}`;

const mapSql = (k: { indicator: string; year: number }) => sql`
  select area_code, year, sex, value, status, source, imported_at from indicator_values
  where indicator_id = ${k.indicator} and region_code = ${REGION} and sex = 'total'
    and year between ${k.year} and ${k.year}
  order by area_code, year, sex`;
const profileSql = (k: { municipality: string }) => sql`
  select indicator_id, area_code, year, value from indicator_values
  where area_code in (${k.municipality}, ${REGION}, 'SE') and sex = 'total'
  order by year`;
const disparitySql = (k: { indicator: string }) => sql`
  select v.area_code, v.year, v.value, p.value as population
  from indicator_values v
  join areas a on a.code = v.area_code and a.region_code = ${REGION} and a.type = 'municipality'
  left join indicator_values p
    on p.indicator_id = 'population' and p.sex = 'total' and p.area_code = v.area_code and p.year = v.year
  where v.indicator_id = ${k.indicator} and v.region_code = ${REGION} and v.sex = 'total'
    and v.year between ${FIRST_YEAR} and ${LAST_YEAR}`;

// Check the answers once: the right number of rows, so the timings measure the real work.
const sample = keys(1)();
const mapBody = JSON.parse((await get(mapUrl(sample))).body) as { values: unknown[] };
const profileResponse = await get(profileUrl(sample));
const profileBody = JSON.parse(profileResponse.body) as { indicators: unknown[] };
const disparityResponse = await get(disparityUrl(sample));
const disparityBody = JSON.parse(disparityResponse.body) as { municipalityCount: number; years: unknown[] };
const checks = [
  [`map values`, mapBody.values.length, VALUE_AREAS],
  [`profile indicators (+ population)`, profileBody.indicators.length, INDICATORS + 1],
  [`disparity municipalities`, disparityBody.municipalityCount, MUNICIPALITIES],
  [`disparity years`, disparityBody.years.length, YEARS],
] as const;
for (const [what, got, want] of checks) {
  if (got !== want) throw new Error(`${what}: ${got}, expected ${want}`);
}
console.log(
  `Responses checked: map ${mapBody.values.length} values; profile ${profileBody.indicators.length} indicators, ` +
    `${(profileResponse.body.length / 1024).toFixed(0)} KiB JSON; disparity ${disparityBody.years.length} years, ` +
    `${(disparityResponse.body.length / 1024).toFixed(0)} KiB JSON.`,
);

// ---------------------------------------------------------------------------------------------
// Plans: every query an endpoint sends to indicator_values, with the parameters it sent.

function withParams({ text, params }: Captured): SQL {
  const parts = text.split(/(\$\d+)/);
  return sql.join(
    parts.map((part) => (/^\$\d+$/.test(part) ? sql`${params[Number(part.slice(1)) - 1]}` : sql.raw(part))),
    sql.raw(''),
  );
}
function verdict(plan: string) {
  if (plan.includes('Seq Scan on indicator_values')) return 'index: no (Seq Scan on indicator_values)';
  const scans = [
    ...new Set(
      [...plan.matchAll(/((?:Index Only|Index|Bitmap Index) Scan)(?: Backward)? (?:using|on) (\S+)/g)].map(
        (m) => `${m[1]} ${m[2]}`,
      ),
    ),
  ];
  return `index: yes (${scans.join(', ')})`;
}
/** The select list's start and the WHERE clause of a query, without quotes and long IN lists. */
function summarise(text: string) {
  const short = text
    .replace(/\s+/g, ' ')
    .replace(/"indicator_values"\./g, '')
    .replace(/"/g, '')
    .replace(/in \((\$\d+(?:, )?)+\)/g, (list) => `in (${list.split(',').length} values)`);
  const columns = short.match(/^select (.{0,40})/)?.[1] ?? '';
  const where = short.match(/ where (.*?)(?: order by .*)?$/)?.[1] ?? '';
  return `select ${columns}… where ${where}`;
}
/** A plan for printing: arrays of more than five area codes shortened. */
const shortPlan = (plan: string) =>
  plan.replace(/'\{([^}']*)\}'::text\[\]/g, (all, list: string) => {
    const items = list.split(',');
    return items.length > 5 ? `'{${items.slice(0, 3).join(',')},… ${items.length} codes}'::text[]` : all;
  });
const verdicts: string[] = [];
async function explainEndpoint(label: string, url: string) {
  const queries = await captureQueries(() => get(url));
  console.log(`\n=== ${label}: GET ${url} — ${queries.length} SQL queries in the request`);
  for (const q of queries.filter((c) => c.text.includes('"indicator_values"'))) {
    const plan = (
      await queryRows<{ 'QUERY PLAN': string }>(db, sql`explain (analyze, buffers) ${withParams(q)}`)
    )
      .map((r) => r['QUERY PLAN'])
      .join('\n');
    const what = summarise(q.text);
    console.log(`\n-- ${what}`);
    console.log(`-- ${verdict(plan)}`);
    console.log(shortPlan(plan));
    verdicts.push(
      `${label} ${what}: ${verdict(plan)}; ${plan.match(/Execution Time: [\d.]+ ms/)?.[0] ?? ''}`,
    );
  }
}
const planKey = keys(2)();
await explainEndpoint('map', mapUrl(planKey));
await explainEndpoint('profile', profileUrl(planKey));
await explainEndpoint('disparity', disparityUrl(planKey));
console.log('\n=== raw SQL baselines');
for (const [label, query] of [
  ['map SQL', mapSql(planKey)],
  ['profile SQL', profileSql(planKey)],
  ['disparity SQL', disparitySql(planKey)],
] as const) {
  const plan = (await queryRows<{ 'QUERY PLAN': string }>(db, sql`explain (analyze, buffers) ${query}`))
    .map((r) => r['QUERY PLAN'])
    .join('\n');
  console.log(`\n-- ${label}; ${verdict(plan)}`);
  console.log(shortPlan(plan));
  verdicts.push(`${label}: ${verdict(plan)}; ${plan.match(/Execution Time: [\d.]+ ms/)?.[0] ?? ''}`);
}

// ---------------------------------------------------------------------------------------------
// Timings: each iteration takes the next random indicator / municipality / year.

function cycling<T>(seed: number, run: (k: ReturnType<ReturnType<typeof keys>>) => Promise<T>) {
  const next = keys(seed);
  return () => run(next());
}
const results: Result[] = [
  await measure(
    'API  map GET /indicators/:id/values?from=Y&to=Y',
    cycling(11, (k) => get(mapUrl(k))),
    ITERATIONS,
  ),
  await measure(
    'SQL  same rows (one indicator, year, sex)',
    cycling(11, (k) => queryRows(db, mapSql(k))),
    ITERATIONS,
  ),
  await measure(
    'API  GET /areas/:code/profile (municipality)',
    cycling(12, (k) => get(profileUrl(k))),
    ITERATIONS,
  ),
  await measure(
    'SQL  profile main query (area, county, SE)',
    cycling(12, (k) => queryRows(db, profileSql(k))),
    ITERATIONS,
  ),
  await measure(
    `API  GET /indicators/:id/disparity (${YEARS} years)`,
    cycling(13, (k) => get(disparityUrl(k))),
    ITERATIONS,
  ),
  await measure(
    'SQL  same values with populations (one join)',
    cycling(13, (k) => queryRows(db, disparitySql(k))),
    ITERATIONS,
  ),
];
printResults(
  `${database.kind}, region ${REGION} with ${MUNICIPALITIES} municipalities × ${INDICATORS} indicators`,
  results,
);
console.log(
  `(this benchmark: ${ITERATIONS} iterations per case after ${Math.min(WARMUP, ITERATIONS)} warm-up; ` +
    `each iteration a different random indicator / municipality / year)`,
);
console.log('\nPlan verdicts:');
for (const v of verdicts) console.log(`  ${v}`);
if (generatedRows > 0) {
  console.log(
    `\nGeneration: ${generatedRows.toLocaleString('en')} rows, INSERT ${insertSeconds.toFixed(1)} s + VACUUM ANALYZE ${vacuumSeconds.toFixed(1)} s`,
  );
}
await app.close();
await database.close();
