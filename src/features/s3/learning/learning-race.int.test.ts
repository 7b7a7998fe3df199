/**
 * Races on PostgreSQL (PGlite has one connection, so requests never overlap there): a decision
 * written while a lesson it cites is moved or removed. The change transactions lock the cited
 * lessons FOR SHARE, so whichever request comes second sees the other's result: never a decision
 * dated before a lesson it cites, never a 500.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as schema from '../../../db/schema.ts';
import { buildTestApp } from '../../../test/test-database.ts';
import { createTestUsers, signIn } from '../../../test/test-users.ts';

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
let t: Awaited<ReturnType<typeof buildTestApp>>;
let editor: string;
const rounds = 25;

const call = async (method: 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object, ifMatch?: string) => {
  const response = await t.app.inject({
    method,
    url,
    headers: { cookie: editor, ...(ifMatch ? { 'if-match': ifMatch } : {}) },
    ...(payload ? { payload } : {}),
  });
  return { status: response.statusCode, body: response.body ? JSON.parse(response.body) : {} };
};

const newLesson = async (learnedOn: string) => {
  const created = await call('POST', '/api/v1/s3/lessons', {
    title: 'Lärdom',
    lesson: 'X',
    learnedOn,
    meetingIds: [],
  });
  expect(created.status).toBe(201);
  return created.body.id as string;
};
const decision = (lessonId: string) => ({
  kind: 'priorities',
  summary: 'Beslut',
  decidedOn: '2025-02-01',
  lessonIds: [lessonId],
});

// PGlite serves one request at a time, so these races exist only on PostgreSQL: the tests are
// reported as skipped in `npm test` and run in the PostgreSQL pass (npm run test:postgres).
describe.runIf(onPostgres)('races on PostgreSQL', () => {
  beforeAll(async () => {
    t = await buildTestApp();
    const fx = await createTestUsers(t.app);
    editor = await signIn(t.app, fx.users.editor.email);
  });
  afterAll(async () => t?.close());

  test('moving a lesson after a decision while the decision is written: never both', async () => {
    for (let i = 0; i < rounds; i++) {
      const lessonId = await newLesson('2025-01-10');
      const [moved, decided] = await Promise.all([
        call('PATCH', `/api/v1/s3/lessons/${lessonId}`, { learnedOn: '2025-03-01' }, '"1"'),
        call('POST', '/api/v1/s3/priority-changes', decision(lessonId)),
      ]);
      // Moved first: the decision sees the new date (400); decided first: the move is refused (400).
      expect(`${moved.status}/${decided.status}`).toMatch(/^(200\/400|400\/201)$/);
      // What is stored agrees: no decision dated before a lesson it cites.
      const rows = await t.database.db
        .select({ decidedOn: schema.s3PriorityChanges.decidedOn, learnedOn: schema.s3Lessons.learnedOn })
        .from(schema.s3PriorityChangeLessons)
        .innerJoin(
          schema.s3PriorityChanges,
          eq(schema.s3PriorityChanges.id, schema.s3PriorityChangeLessons.changeId),
        )
        .innerJoin(schema.s3Lessons, eq(schema.s3Lessons.id, schema.s3PriorityChangeLessons.lessonId))
        .where(and(eq(schema.s3PriorityChangeLessons.lessonId, lessonId)));
      for (const r of rows) expect(r.learnedOn <= r.decidedOn).toBe(true);
    }
  });

  test('removing a lesson while a decision citing it is written: 204 and 400, or 409 and 201; never 500', async () => {
    for (let i = 0; i < rounds; i++) {
      const lessonId = await newLesson('2025-01-10');
      const [removed, decided] = await Promise.all([
        call('DELETE', `/api/v1/s3/lessons/${lessonId}`, undefined, '"1"'),
        call('POST', '/api/v1/s3/priority-changes', decision(lessonId)),
      ]);
      expect(`${removed.status}/${decided.status}`).toMatch(/^(204\/400|409\/201)$/);
      if (decided.status === 400)
        expect(decided.body.errors.map((e: { field: string }) => e.field)[0]).toMatch(/^body\.lessonIds/);
    }
  });
});
