/**
 * Benchmark: goal conflicts at a large region's scale — the review queue over 5 000 efforts
 * (assessments, reach, samebyar), the conflict register with 1 000 conflicts filtered by place,
 * and a 40-node interaction matrix scored by 10 scorers (15 600 scores) — each against the raw
 * SQL that reads the same rows, in one process on one database.
 *
 *   npx tsx bench/conflicts.bench.ts            (PGlite in memory)
 *   DATABASE_URL=postgres://… npx tsx bench/conflicts.bench.ts
 */
import { sql } from 'drizzle-orm';
import { type Database, openDatabase, queryRows } from '../src/db/connection.ts';
import { createUser } from '../src/features/access/users-service.ts';
import { analyseMatrix } from '../src/features/conflicts/matrix/matrix-analysis.ts';
import { loadReferenceData } from '../src/features/reference/load-reference-data.ts';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import { measure, printResults, type Result } from './measure.ts';

const EFFORTS = Number(process.env.BENCH_EFFORTS ?? 5_000);
const CONFLICTS = Number(process.env.BENCH_CONFLICTS ?? 1_000);
const NODES = 40;
const SCORERS = 10;
const ITERATIONS = 30;
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
await db.execute(sql`delete from goal_conflicts where title like 'BENCH %'`);
await db.execute(sql`delete from interaction_matrices where title like 'BENCH %'`);
await db.execute(sql`delete from efforts where title like 'BENCH %'`);

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

// --- Data: efforts with reach and assessments, conflicts with places, one big matrix. -----------
const seedStart = performance.now();
const municipalities = ['2303', '2305', '2309', '2313', '2321', '2326', '2361', '2380'];
const dimensions = ['economic', 'social', 'environmental', 'gender_equality', 'sami_conditions'];
await db.execute(sql`
  insert into efforts (region_code, title, title_sort, status, reach_whole_county)
  select '23', 'BENCH insats ' || i, 'bench insats ' || i, 'ongoing', i % 10 = 0
  from generate_series(1, ${EFFORTS}) as i`);
await db.execute(sql`
  insert into effort_reach (effort_id, area_code, share_hundredths)
  select e.id, (${sql.raw(`array['${municipalities.join("','")}']`)})[1 + (row_number() over (order by e.id))::int % 8], 10000
  from efforts e where e.title like 'BENCH %' and not e.reach_whole_county`);
// Scores −3…+3 spread so that some efforts raise suggestions and most do not.
await db.execute(sql`
  insert into effort_assessments (effort_id, dimension, score, rationale, assessed_by_label)
  select e.id, d.dimension, ((abs(hashtext(e.id::text || d.dimension)) % 7) - 3),
    'bench', 'bench'
  from efforts e cross join (select unnest(${sql.raw(`array['${dimensions.join("','")}']`)}) as dimension) d
  where e.title like 'BENCH %' and abs(hashtext(e.id::text || d.dimension)) % 3 = 0`);
await db.execute(sql`
  insert into goal_conflicts (region_code, title, title_sort, severity, made_visible_by, status, dimensions)
  select '23', 'BENCH konflikt ' || i, 'bench konflikt ' || i, 1 + i % 3, 'analysis',
    (array['identified','analysed','handled','followed_up'])[1 + i % 4], '["economic","sami_conditions"]'::jsonb
  from generate_series(1, ${CONFLICTS}) as i`);
await db.execute(sql`
  insert into goal_conflict_places (conflict_id, area_code)
  select c.id, m.code from goal_conflicts c
  cross join (select unnest(${sql.raw(`array['${municipalities.join("','")}']`)}) as code) m
  where c.title like 'BENCH %' and abs(hashtext(c.id::text || m.code)) % 4 = 0`);
await db.execute(sql`
  insert into goal_conflict_steps (conflict_id, sequence, status, step_date, text, recorded_by_label)
  select c.id, s, 'identified', date '2025-01-01' + s, 'Steg ' || s, 'bench'
  from goal_conflicts c cross join generate_series(1, 3) as s where c.title like 'BENCH %'`);
const [matrix] = await queryRows<{ id: string }>(
  db,
  sql`insert into interaction_matrices (region_code, title) values ('23', 'BENCH matris') returning id`,
);
const matrixId = matrix?.id as string;
await db.execute(sql`
  insert into interaction_matrix_nodes (matrix_id, position, kind, label)
  select ${matrixId}, i, 'own_goal', 'Nod ' || i from generate_series(0, ${NODES - 1}) as i`);
await db.execute(sql`
  insert into interaction_matrix_scorers (matrix_id, name)
  select ${matrixId}, 'Bedömare ' || i from generate_series(1, ${SCORERS}) as i`);
await db.execute(sql`
  insert into interaction_matrix_scores (scorer_id, row_node_id, column_node_id, score)
  select s.id, r.id, c.id, (abs(hashtext(s.id::text || r.id::text || c.id::text)) % 7) - 3
  from interaction_matrix_scorers s
  join interaction_matrix_nodes r on r.matrix_id = s.matrix_id
  join interaction_matrix_nodes c on c.matrix_id = s.matrix_id and c.id <> r.id
  where s.matrix_id = ${matrixId}`);
await db.execute(sql`analyze`);
const seedSeconds = (performance.now() - seedStart) / 1000;

const get = async (url: string) => {
  const response = await app.inject({ url, headers: { cookie } });
  if (response.statusCode !== 200)
    throw new Error(`${url}: ${response.statusCode} ${response.body.slice(0, 200)}`);
  return response;
};

// --- Baselines: the raw SQL reading the same rows the API needs. -------------------------------
const queueSql = sql`
  select e.id, e.title, e.reach_whole_county,
    (select json_agg(json_build_object('d', a.dimension, 's', a.score)) from effort_assessments a where a.effort_id = e.id) as scores,
    (select json_agg(r.area_code) from effort_reach r where r.effort_id = e.id) as reach,
    (select json_agg(s.area_code) from effort_samebyar s where s.effort_id = e.id) as samebyar,
    exists (select 1 from sami_consultations c where c.effort_id = e.id) as consulted
  from efforts e where e.region_code = '23' and e.status <> 'cancelled'`;
const listSql = sql`
  select c.id, c.title, c.status, c.severity, c.dimensions,
    (select json_agg(p.area_code) from goal_conflict_places p where p.conflict_id = c.id) as places,
    (select max(s.step_date) from goal_conflict_steps s where s.conflict_id = c.id) as latest
  from goal_conflicts c
  where c.region_code = '23' and exists (select 1 from goal_conflict_places p where p.conflict_id = c.id and p.area_code = '2309')
  order by c.severity desc, c.title_sort collate "C"`;
const matrixSql = sql`
  select s.scorer_id, s.row_node_id, s.column_node_id, s.score from interaction_matrix_scores s
  join interaction_matrix_scorers sc on sc.id = s.scorer_id where sc.matrix_id = ${matrixId}`;

const queueCount = (await get('/api/v1/goal-conflict-suggestions')).json().items.length;
const listCount = (await get('/api/v1/goal-conflicts?place=2309')).json().total;
const matrixDoc = (await get(`/api/v1/interaction-matrices/${matrixId}`)).json();
const scoreRows = await queryRows<{
  scorer_id: string;
  row_node_id: string;
  column_node_id: string;
  score: number;
}>(db, matrixSql);
const nodes = matrixDoc.nodes as { id: string; label: string }[];
const scorerIds = (matrixDoc.scorers as { id: string }[]).map((s) => s.id);
const scores = scoreRows.map((r) => ({
  scorerId: r.scorer_id,
  rowNodeId: r.row_node_id,
  columnNodeId: r.column_node_id,
  score: r.score,
}));

const results: Result[] = [
  await measure(
    'API GET /goal-conflict-suggestions',
    () => get('/api/v1/goal-conflict-suggestions'),
    ITERATIONS,
  ),
  await measure('SQL the same efforts with scores and reach', () => queryRows(db, queueSql), ITERATIONS),
  await measure(
    'API GET /goal-conflicts?place=2309',
    () => get('/api/v1/goal-conflicts?place=2309'),
    ITERATIONS,
  ),
  await measure('SQL the same conflicts with places', () => queryRows(db, listSql), ITERATIONS),
  await measure(
    'API GET /interaction-matrices/:id',
    () => get(`/api/v1/interaction-matrices/${matrixId}`),
    ITERATIONS,
  ),
  await measure('SQL the same scores', () => queryRows(db, matrixSql), ITERATIONS),
  await measure(
    'pure analyseMatrix (median, measures)',
    async () => analyseMatrix(nodes, scorerIds, scores),
    ITERATIONS,
  ),
];
console.log(
  `\n${EFFORTS} efforts (${queueCount} suggestions), ${CONFLICTS} conflicts (${listCount} in Krokom), ` +
    `matrix ${NODES} nodes × ${SCORERS} scorers (${scoreRows.length} scores); seeding took ${seedSeconds.toFixed(1)} s`,
);
printResults(database.kind, results);
console.log(`(each case here: ${ITERATIONS} iterations after the warm-up)`);
await app.close();
await database.close();
