/**
 * Benchmark: what access control costs per request. The organisations list anonymously (no
 * session lookup), signed in (session + role lookup), and the raw SQL of the same work; plus a
 * sign-in against the bare argon2id verify it is built on.
 *
 *   npx tsx bench/access.bench.ts            (PGlite in memory)
 *   DATABASE_URL=postgres://… npx tsx bench/access.bench.ts
 */
import { sql } from 'drizzle-orm';
import { type Database, openDatabase, queryRows } from '../src/db/connection.ts';
import { organisations } from '../src/db/schema.ts';
import { hashPassword, verifyPassword } from '../src/features/access/auth.ts';
import { createUser } from '../src/features/access/users-service.ts';
import { loadReferenceData } from '../src/features/reference/load-reference-data.ts';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import { measure, printResults } from './measure.ts';

const ORGANISATIONS = 200;
const config = {
  ...loadConfig({ LOG_LEVEL: 'silent', SIGN_IN_ATTEMPTS_PER_MINUTE: '10000' }),
  webDistDir: '/nonexistent',
};
const database: Database = process.env.DATABASE_URL
  ? await openDatabase({ kind: 'postgres', url: process.env.DATABASE_URL })
  : await openDatabase({ kind: 'pglite', dataDir: undefined });
await database.migrate();
await loadReferenceData(database.db, config.dataFilesDir, '23');
await database.db.execute(sql`delete from ${organisations} where name like 'Bench %'`);
await database.db.insert(organisations).values(
  Array.from({ length: ORGANISATIONS }, (_, i) => ({
    regionCode: '23',
    name: `Bench ${String(i).padStart(4, '0')} ${['Åre', 'Östersund', 'Berg', 'Krokom'][i % 4]} AB`,
    kind: 'company' as const,
    level: 'local' as const,
    visibility: i % 2 === 0 ? ('published' as const) : ('internal' as const),
  })),
);
const email = `bench-${Date.now()}@bench.example`;
const password = 'a benchmark password';
await createUser(
  database.db,
  { system: 'bench', regionCode: '23' },
  { email, name: 'Bench', role: 'viewer', password },
);

const app = await buildApp({ config, database, logger: false });
await app.ready();
const signIn = () =>
  app.inject({
    method: 'POST',
    url: '/api/auth/sign-in/email',
    headers: { 'content-type': 'application/json', origin: config.auth.publicUrl },
    payload: { email, password },
  });
const signedIn = await signIn();
const cookie = signedIn.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
const token = decodeURIComponent(signedIn.cookies[0]?.value ?? '').split('.')[0] ?? '';
const storedHash = await hashPassword(password);

const results = [
  await measure('API  GET /organisations?limit=500 anonymous', () =>
    app.inject({ url: '/api/v1/organisations?limit=500' }),
  ),
  await measure('API  GET /organisations?limit=500 signed in', () =>
    app.inject({ url: '/api/v1/organisations?limit=500', headers: { cookie } }),
  ),
  await measure('SQL  all organisations', () =>
    queryRows(database.db, sql`select * from organisations where region_code = '23'`),
  ),
  await measure('SQL  session + user + role lookup', () =>
    queryRows(
      database.db,
      sql`select u.*, r.role, r.organisation_id from auth_sessions s
          join auth_users u on u.id = s.user_id
          left join user_region_roles r on r.user_id = u.id and r.region_code = '23'
          where s.token = ${token} and s.expires_at > now()`,
    ),
  ),
  await measure('API  POST /api/auth/sign-in/email', signIn, 50),
  await measure('argon2id verify alone', () => verifyPassword(storedHash, password), 50),
];

printResults(database.kind, results);
await app.close();
await database.close();
