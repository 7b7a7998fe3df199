/**
 * Benchmark: smart specialisation at a busy programme's scale — 2 000 meetings over ten years
 * with 500 organisations taking part (≈ 10 000 participations), 400 initiatives linked to 1 000
 * efforts with funding — for the overview, one strength area's page, the meeting list and the
 * participation measures, each against the raw SQL that reads the same rows, in one process.
 *
 *   npx tsx bench/s3.bench.ts            (PGlite in memory)
 *   DATABASE_URL=postgres://… npx tsx bench/s3.bench.ts
 */
import { sql } from 'drizzle-orm';
import { type Database, openDatabase, queryRows } from '../src/db/connection.ts';
import { createUser } from '../src/features/access/users-service.ts';
import { loadReferenceData } from '../src/features/reference/load-reference-data.ts';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import { measure, printResults, type Result } from './measure.ts';

const MEETINGS = Number(process.env.BENCH_MEETINGS ?? 2_000);
const ORGANISATIONS = 500;
const INITIATIVES = 400;
const EFFORTS = 1_000;
const ITERATIONS = 50;
const config = {
  ...loadConfig({ LOG_LEVEL: 'silent', SIGN_IN_ATTEMPTS_PER_MINUTE: '10000' }),
  webDistDir: '/nonexistent',
};
const database: Database = process.env.DATABASE_URL
  ? await openDatabase({ kind: 'postgres', url: process.env.DATABASE_URL })
  : await openDatabase({ kind: 'pglite', dataDir: undefined });
await database.migrate();
const db = database.db;
await loadReferenceData(db, config.dataFilesDir, '23');
// Earlier runs' rows (a PostgreSQL database is reused).
await db.execute(sql`delete from s3_inputs where text like 'BENCH %'`);
await db.execute(sql`delete from s3_meetings where title like 'BENCH %'`);
await db.execute(sql`delete from s3_initiatives where title like 'BENCH %'`);
await db.execute(
  sql`delete from effort_funding where effort_id in (select id from efforts where title like 'BENCH %')`,
);
await db.execute(
  sql`delete from effort_strength_areas where effort_id in (select id from efforts where title like 'BENCH %')`,
);
await db.execute(sql`delete from efforts where title like 'BENCH %'`);
await db.execute(sql`delete from organisations where name like 'BENCH %'`);

const email = `bench-${Date.now()}@bench.example`;
await createUser(
  db,
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

// --- Data ---------------------------------------------------------------------------------------
const seedStart = performance.now();
const municipalities = ['2303', '2305', '2309', '2313', '2321', '2326', '2361', '2380'];
const munArray = sql.raw(`array['${municipalities.join("','")}']`);
const kinds = sql.raw(
  `array['municipality','region','government_agency','company','company','company','university','association','sami_organisation','sameby']`,
);
await db.execute(sql`
  insert into organisations (region_code, name, kind, level, area_code, visibility)
  select '23', 'BENCH organisation ' || i, (${kinds})[1 + i % 10], 'regional', (${munArray})[1 + i % 8], 'published'
  from generate_series(1, ${ORGANISATIONS}) as i`);
await db.execute(sql`
  insert into s3_meetings (region_code, title, held_on, place_kind, area_code, format, count_women, count_men, count_other, visibility)
  select '23', 'BENCH möte ' || i, date '2017-01-01' + (i * 3653 / ${MEETINGS}),
    case when i % 3 = 0 then 'digital' else 'municipality' end,
    case when i % 3 = 0 then null else (${munArray})[1 + i % 8] end,
    'open_meeting', 5 + i % 11, 4 + i % 9, i % 2, case when i % 10 = 0 then 'internal' else 'published' end
  from generate_series(1, ${MEETINGS}) as i`);
await db.execute(sql`
  insert into s3_meeting_areas (meeting_id, strength_area_id)
  select m.id, a.id from s3_meetings m join strength_areas a on a.region_code = '23'
  where m.title like 'BENCH %' and (abs(hashtext(m.id::text || a.slug)) % 3 = 0 or a.position = abs(hashtext(m.id::text)) % 4)`);
await db.execute(sql`
  insert into s3_meeting_organisations (meeting_id, organisation_id)
  select m.id, o.id from s3_meetings m join organisations o on o.name like 'BENCH %'
  where m.title like 'BENCH %' and abs(hashtext(m.id::text || o.id::text)) % 100 = 0`);
await db.execute(sql`
  insert into s3_inputs (meeting_id, strength_area_id, kind, text)
  select ma.meeting_id, ma.strength_area_id, 'idea', 'BENCH inspel ' || ma.meeting_id
  from s3_meeting_areas ma join s3_meetings m on m.id = ma.meeting_id where m.title like 'BENCH %'`);
await db.execute(sql`
  insert into efforts (region_code, title, title_sort, status, visibility)
  select '23', 'BENCH insats ' || i, 'bench insats ' || i, 'ongoing', 'published' from generate_series(1, ${EFFORTS}) as i`);
await db.execute(sql`
  insert into effort_funding (effort_id, position, source, year, amount_sek, status)
  select e.id, 0, 'regional_development_1_1', 2025, 100000 + abs(hashtext(e.id::text)) % 900000, 'decided'
  from efforts e where e.title like 'BENCH %'`);
await db.execute(sql`
  insert into effort_strength_areas (effort_id, strength_area_id)
  select e.id, a.id from efforts e join strength_areas a on a.region_code = '23'
  where e.title like 'BENCH %' and a.position = abs(hashtext(e.id::text)) % 4`);
await db.execute(sql`
  insert into s3_initiatives (strength_area_id, title, status)
  select a.id, 'BENCH initiativ ' || i, 'ongoing'
  from generate_series(1, ${INITIATIVES}) as i join strength_areas a on a.region_code = '23' and a.position = i % 4`);
await db.execute(sql`
  insert into s3_initiative_efforts (initiative_id, effort_id)
  select distinct on (i.id) i.id, e.id from s3_initiatives i join effort_strength_areas ea on ea.strength_area_id = i.strength_area_id
  join efforts e on e.id = ea.effort_id and e.title like 'BENCH %'
  where i.title like 'BENCH %' order by i.id, hashtext(i.id::text || e.id::text)`);
await db.execute(sql`analyze`);
const seedSeconds = (performance.now() - seedStart) / 1000;

const get = async (url: string) => {
  const response = await app.inject({ url, headers: { cookie } });
  if (response.statusCode !== 200)
    throw new Error(`${url}: ${response.statusCode} ${response.body.slice(0, 200)}`);
  return response;
};
const [area] = await queryRows<{ id: string; slug: string }>(
  db,
  sql`select id, slug from strength_areas where region_code = '23' order by position limit 1`,
);
const slug = area?.slug as string;

// --- Baselines: the raw SQL reading the same rows ------------------------------------------------
const areaSql = sql`
  select i.id, i.title, i.status,
    (select json_agg(json_build_object('id', e.id, 'title', e.title,
      'money', (select sum(f.amount_sek) from effort_funding f where f.effort_id = e.id)))
     from s3_initiative_efforts ie join efforts e on e.id = ie.effort_id where ie.initiative_id = i.id) as efforts
  from s3_initiatives i where i.strength_area_id = ${area?.id}
  union all
  select e.id, e.title, e.status, null from effort_strength_areas ea join efforts e on e.id = ea.effort_id
  where ea.strength_area_id = ${area?.id}`;
const meetingsSql = sql`
  select m.*, (select json_agg(a.slug) from s3_meeting_areas ma join strength_areas a on a.id = ma.strength_area_id where ma.meeting_id = m.id) as areas,
    (select count(*) from s3_meeting_organisations mo where mo.meeting_id = m.id) as organisations
  from s3_meetings m join s3_meeting_areas ma on ma.meeting_id = m.id and ma.strength_area_id = ${area?.id}
  where m.region_code = '23' order by m.held_on desc`;
const participationSql = sql`
  select m.id, m.held_on, m.area_code, m.count_women, m.count_men, m.count_other, o.id as organisation_id, o.kind, o.area_code as organisation_area
  from s3_meetings m
  left join s3_meeting_organisations mo on mo.meeting_id = m.id left join organisations o on o.id = mo.organisation_id
  where m.region_code = '23'`;

const meetingCount = (await get(`/api/v1/s3/meetings?area=${slug}`)).json().items.length;
const periods = (await get('/api/v1/s3/participation?period=half')).json();
const participations = await queryRows<{ n: number }>(
  db,
  sql`select count(*)::int as n from s3_meeting_organisations mo join s3_meetings m on m.id = mo.meeting_id where m.title like 'BENCH %'`,
);

const results: Result[] = [
  await measure('API GET /s3/areas (overview)', () => get('/api/v1/s3/areas'), ITERATIONS),
  await measure(`API GET /s3/areas/${slug}`, () => get(`/api/v1/s3/areas/${slug}`), ITERATIONS),
  await measure('SQL the area’s initiatives, efforts and money', () => queryRows(db, areaSql), ITERATIONS),
  await measure(
    `API GET /s3/meetings?area=${slug}`,
    () => get(`/api/v1/s3/meetings?area=${slug}`),
    ITERATIONS,
  ),
  await measure('SQL the same meetings with areas and counts', () => queryRows(db, meetingsSql), ITERATIONS),
  await measure(
    'API GET /s3/participation?period=half',
    () => get('/api/v1/s3/participation?period=half'),
    ITERATIONS,
  ),
  await measure(
    'SQL the meetings × organisations it reads',
    () => queryRows(db, participationSql),
    ITERATIONS,
  ),
];
console.log(
  `\n${MEETINGS} meetings (${meetingCount} in ${slug}), ${ORGANISATIONS} organisations, ${participations[0]?.n} participations, ` +
    `${INITIATIVES} initiatives, ${EFFORTS} efforts; ${JSON.stringify(periods).length} bytes of participation measures; seeding took ${seedSeconds.toFixed(1)} s`,
);
printResults(database.kind, results);
console.log(`(each case here: ${ITERATIONS} iterations after the warm-up)`);
await app.close();
await database.close();
