/**
 * The six steps and the self-assessments through the API: public reads, editors write under
 * optimistic locking, every change audited. Runs on PGlite and PostgreSQL.
 */
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as schema from '../../../db/schema.ts';
import { todayInSweden } from '../../../shared/dates.ts';
import { buildTestApp } from '../../../test/test-database.ts';
import { createTestUsers, signIn, type TestUsers } from '../../../test/test-users.ts';

let t: Awaited<ReturnType<typeof buildTestApp>>;
let fx: TestUsers;
let editor: string;
let viewer: string;
let partner: string;
let admin: string;

// biome-ignore lint/suspicious/noExplicitAny: test helper for JSON bodies
type Json = Record<string, any>;
const base = '/api/v1/s3';
const call = async (
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  options: { cookie?: string; payload?: unknown; ifMatch?: string } = {},
) => {
  const response = await t.app.inject({
    method,
    url: `${base}${url}`,
    headers: {
      ...(options.cookie ? { cookie: options.cookie } : {}),
      ...(options.ifMatch !== undefined ? { 'if-match': options.ifMatch } : {}),
    },
    ...(options.payload !== undefined ? { payload: options.payload as object } : {}),
  });
  let body: Json = {};
  try {
    body = response.body ? JSON.parse(response.body) : {};
  } catch {
    body = { text: response.body };
  }
  return { status: response.statusCode, body, response };
};
const today = todayInSweden();
const steps = ['analysis', 'governance', 'vision', 'priorities', 'policy_mix', 'monitoring'];
const scores = (score: (step: string, factor: number) => number) =>
  steps.flatMap((step) => [1, 2, 3].map((factor) => ({ step, factor, score: score(step, factor) })));
const fieldsOf = (body: Json) => (body.errors ?? []).map((e: Json) => e.field);
const auditRows = (entityType: string, entityId: string) =>
  t.database.db
    .select()
    .from(schema.auditEvents)
    .where(and(eq(schema.auditEvents.entityType, entityType), eq(schema.auditEvents.entityId, entityId)));

beforeAll(async () => {
  t = await buildTestApp();
  fx = await createTestUsers(t.app);
  editor = await signIn(t.app, fx.users.editor.email);
  viewer = await signIn(t.app, fx.users.viewer.email);
  partner = await signIn(t.app, fx.users.partner.email);
  admin = await signIn(t.app, fx.users.admin.email);
});
afterAll(async () => t?.close());

test('the framework: six steps, three factors each, the 0–5 scale', async () => {
  const { status, body } = await call('GET', '/assessment-framework');
  expect(status).toBe(200);
  expect(body.steps.map((s: Json) => s.step)).toEqual(steps);
  expect(body.steps.every((s: Json) => s.factors.length === 3)).toBe(true);
  expect(body.scale).toHaveLength(6);
  expect(body.note.sv).toContain('formulerade fritt');
});

describe('the six steps', () => {
  test('read publicly: all six in order, not started, version 0; unknown area 404', async () => {
    const { status, body } = await call('GET', '/areas/hallbar-energi/steps');
    expect(status).toBe(200);
    expect(body.items.map((s: Json) => [s.step, s.number, s.status, s.version])).toEqual(
      steps.map((s, i) => [s, i + 1, 'not_started', 0]),
    );
    expect(body.items[0]).toMatchObject({ startedOn: null, dueOn: null, deliverables: [], isExample: false });
    expect((await call('GET', '/areas/finns-inte/steps')).status).toBe(404);
  });

  const analysis = {
    status: 'ongoing',
    startedOn: '2025-01-10',
    dueOn: '2026-12-31',
    responsible: 'Regional utveckling',
    deliverables: [{ title: 'OECD Territorial Review', url: 'https://doi.org/10.1787/9789264268234-en' }],
    note: 'Pågår',
  };

  test('who may write: anonymous 401, partner and viewer 403', async () => {
    const url = '/areas/hallbar-energi/steps/analysis';
    expect((await call('PUT', url, { payload: analysis, ifMatch: '"0"' })).status).toBe(401);
    expect((await call('PUT', url, { cookie: partner, payload: analysis, ifMatch: '"0"' })).status).toBe(403);
    expect((await call('PUT', url, { cookie: viewer, payload: analysis, ifMatch: '"0"' })).status).toBe(403);
  });

  test('If-Match is required; "0" creates the record; an update needs the current version', async () => {
    const url = '/areas/hallbar-energi/steps/analysis';
    const missing = await call('PUT', url, { cookie: editor, payload: analysis });
    expect(missing.status).toBe(428);
    expect((await call('PUT', url, { cookie: editor, payload: analysis, ifMatch: '"3"' })).status).toBe(412);

    const created = await call('PUT', url, { cookie: editor, payload: analysis, ifMatch: '"0"' });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    expect(created.response.headers.etag).toBe('"1"');
    expect(created.body).toMatchObject({
      step: 'analysis',
      status: 'ongoing',
      version: 1,
      responsible: 'Regional utveckling',
    });

    // "0" again is stale now.
    expect((await call('PUT', url, { cookie: editor, payload: analysis, ifMatch: '"0"' })).status).toBe(412);

    const done = { ...analysis, status: 'done', dueOn: today, deliverables: [] };
    const updated = await call('PUT', url, { cookie: admin, payload: done, ifMatch: '"1"' });
    expect(updated.status, JSON.stringify(updated.body)).toBe(200);
    expect(updated.body).toMatchObject({ status: 'done', dueOn: today, deliverables: [], version: 2 });
    const stale = await call('PUT', url, { cookie: editor, payload: analysis, ifMatch: '"1"' });
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe('VERSION_MISMATCH');

    const list = (await call('GET', '/areas/hallbar-energi/steps')).body.items;
    expect(list[0]).toMatchObject({ status: 'done', version: 2 });
    expect(list[1]).toMatchObject({ status: 'not_started', version: 0 });
    // Other areas are untouched.
    expect((await call('GET', '/areas/upplevelser/steps')).body.items[0].version).toBe(0);

    const area = (await call('GET', '/areas/hallbar-energi/steps')).body.area;
    const audit = await auditRows('s3_step', `${area.id}/analysis`);
    expect(audit.map((a) => a.action).sort()).toEqual(['create', 'update']);
    const update = audit.find((a) => a.action === 'update');
    expect(update?.changes).toMatchObject({ status: { before: 'ongoing', after: 'done' } });
    expect(update?.actorLabel).toBe(fx.users.admin.email);
  });

  test("an officer's save of an example step makes it the region's own record", async () => {
    const id = await areaId('digitala-losningar');
    await t.database.db
      .insert(schema.s3Steps)
      .values({ strengthAreaId: id, step: 'monitoring', status: 'not_started', isExample: true });
    expect((await call('GET', '/areas/digitala-losningar/steps')).body.items[5]).toMatchObject({
      isExample: true,
      version: 1,
    });
    const saved = await call('PUT', '/areas/digitala-losningar/steps/monitoring', {
      cookie: editor,
      payload: { status: 'ongoing', startedOn: today },
      ifMatch: '"1"',
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toMatchObject({ isExample: false, version: 2 });
  });

  test('the rules: all problems at once at their fields; nothing written', async () => {
    const url = '/areas/hallbar-energi/steps/vision';
    const bad = await call('PUT', url, {
      cookie: editor,
      ifMatch: '"0"',
      payload: {
        status: 'done',
        startedOn: '2026-05-01',
        dueOn: '2099-01-01',
        deliverables: [
          { title: '', url: null },
          { title: 'Plan', url: 'javascript:alert(1)' },
        ],
      },
    });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body)).toEqual([
      'body.dueOn',
      'body.deliverables.0.title',
      'body.deliverables.1.url',
    ]);
    const before = await call('PUT', url, {
      cookie: editor,
      ifMatch: '"0"',
      payload: { status: 'ongoing', startedOn: '2026-05-01', dueOn: '2026-04-01' },
    });
    expect(fieldsOf(before.body)).toEqual(['body.dueOn']);
    const noDate = await call('PUT', url, { cookie: editor, ifMatch: '"0"', payload: { status: 'done' } });
    expect(fieldsOf(noDate.body)).toEqual(['body.dueOn']);
    const unknownStep = await call('PUT', '/areas/hallbar-energi/steps/budget', {
      cookie: editor,
      ifMatch: '"0"',
      payload: { status: 'ongoing' },
    });
    expect(unknownStep.status).toBe(400);
    expect(fieldsOf(unknownStep.body)).toEqual(['params.step']);
    expect((await call('GET', '/areas/hallbar-energi/steps')).body.items[2].version).toBe(0);
    expect(
      (
        await call('PUT', '/areas/finns-inte/steps/vision', {
          cookie: editor,
          ifMatch: '"0"',
          payload: { status: 'ongoing' },
        })
      ).status,
    ).toBe(404);
  });
});

describe('self-assessments', () => {
  let firstId: string;
  let secondId: string;

  test('none yet: an empty list', async () => {
    const { status, body } = await call('GET', '/areas/upplevelser/assessments');
    expect(status).toBe(200);
    expect(body.items).toEqual([]);
    expect((await call('GET', '/areas/upplevelser/assessments/comparison')).status).toBe(404);
    expect((await call('GET', '/areas/finns-inte/assessments')).status).toBe(404);
  });

  test('who may record: anonymous 401, partner and viewer 403', async () => {
    const payload = { assessedOn: '2025-05-01', scores: scores(() => 3) };
    expect((await call('POST', '/areas/upplevelser/assessments', { payload })).status).toBe(401);
    expect((await call('POST', '/areas/upplevelser/assessments', { cookie: partner, payload })).status).toBe(
      403,
    );
    expect((await call('POST', '/areas/upplevelser/assessments', { cookie: viewer, payload })).status).toBe(
      403,
    );
  });

  test('an editor records two; the list is newest first with means per step', async () => {
    const first = await call('POST', '/areas/upplevelser/assessments', {
      cookie: editor,
      payload: {
        assessedOn: '2024-05-14',
        assessedBy: 'Arbetsgruppen',
        note: 'Första',
        scores: scores((step) => (step === 'analysis' ? 4 : 2)).map((s, i) =>
          i === 0 ? { ...s, comment: 'OECD-granskningen' } : s,
        ),
      },
    });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    firstId = first.body.id;
    expect(first.body.means.steps[0]).toEqual({ step: 'analysis', mean: 4 });
    expect(first.body.scores[0]).toEqual({
      step: 'analysis',
      factor: 1,
      score: 4,
      comment: 'OECD-granskningen',
    });

    const second = await call('POST', '/areas/upplevelser/assessments', {
      cookie: editor,
      payload: { assessedOn: today, scores: scores((_s, factor) => factor + 1) },
    });
    expect(second.status, JSON.stringify(second.body)).toBe(201);
    secondId = second.body.id;

    const list = (await call('GET', '/areas/upplevelser/assessments')).body.items;
    expect(list.map((a: Json) => a.id)).toEqual([secondId, firstId]);
    expect(list[0].scores).toHaveLength(18);
    expect(list[0].means.steps.map((s: Json) => s.mean)).toEqual([3, 3, 3, 3, 3, 3]);
    expect(list[0].means.overall).toBe(3);
    expect(list[1].means.overall).toBe(2.33);
    expect(list[1]).toMatchObject({ assessedBy: 'Arbetsgruppen', note: 'Första', isExample: false });

    const audit = await auditRows('s3_assessment', firstId);
    expect(audit.map((a) => a.action)).toEqual(['create']);
  });

  test('the comparison: latest against the previous by default, or a chosen one', async () => {
    const c = await call('GET', '/areas/upplevelser/assessments/comparison');
    expect(c.status).toBe(200);
    expect(c.body.latest.id).toBe(secondId);
    expect(c.body.earlier.id).toBe(firstId);
    expect(c.body.steps[0]).toEqual({ step: 'analysis', latest: 3, earlier: 4, change: -1 });
    expect(c.body.steps[1]).toEqual({ step: 'governance', latest: 3, earlier: 2, change: 1 });
    expect(c.body.factors).toHaveLength(18);
    expect(c.body.factors[3]).toEqual({ step: 'governance', factor: 1, latest: 2, earlier: 2, change: 0 });
    const chosen = await call('GET', `/areas/upplevelser/assessments/comparison?earlier=${firstId}`);
    expect(chosen.body.earlier.id).toBe(firstId);
    const other = await call(
      'GET',
      '/areas/upplevelser/assessments/comparison?earlier=00000000-0000-4000-8000-000000000000',
    );
    expect(other.status).toBe(400);
    expect(fieldsOf(other.body)).toEqual(['querystring.earlier']);
    const itself = await call('GET', `/areas/upplevelser/assessments/comparison?earlier=${secondId}`);
    expect(itself.status).toBe(400);
    expect(itself.body.errors).toEqual([
      { field: 'querystring.earlier', message: expect.stringContaining('choose an earlier assessment') },
    ]);
  });

  test('bad bodies: every problem at its field, nothing written', async () => {
    const post = (payload: unknown) =>
      call('POST', '/areas/upplevelser/assessments', { cookie: editor, payload });
    const all = scores(() => 3);

    const seventeen = await post({ assessedOn: '2025-01-01', scores: all.slice(1) });
    expect(seventeen.status).toBe(400);
    expect(fieldsOf(seventeen.body)).toEqual(['body.scores']);

    const duplicate = await post({
      assessedOn: '2025-01-01',
      scores: [...all, { step: 'vision', factor: 1, score: 3 }],
    });
    expect(fieldsOf(duplicate.body)).toEqual(['body.scores.18.factor']);

    const outOfRange = all.map((s, i) =>
      i === 0 ? { ...s, score: 6 } : i === 1 ? { ...s, score: -1 } : i === 2 ? { ...s, score: 2.5 } : s,
    );
    const range = await post({ assessedOn: '2099-01-01', scores: outOfRange });
    expect(fieldsOf(range.body)).toEqual([
      'body.assessedOn',
      'body.scores.0.score',
      'body.scores.1.score',
      'body.scores.2.score',
    ]);

    const unknown = await post({
      assessedOn: '2025-01-01',
      scores: all.map((s, i) => (i === 17 ? { ...s, step: 'budget' } : s)),
    });
    expect(fieldsOf(unknown.body)).toEqual(['body.scores.17.step', 'body.scores']);

    const strings = await post({
      assessedOn: '2025-01-01',
      scores: all.map((s, i) => (i === 4 ? { ...s, score: 'tre' } : s)),
    });
    expect(strings.status).toBe(400);
    expect(fieldsOf(strings.body)).toEqual(['body.scores.4.score']);

    expect((await post({ assessedOn: 'igår', scores: all })).status).toBe(400);
    expect((await post({ scores: all })).status).toBe(400);
    expect((await post({ assessedOn: '2025-01-01', scores: all, extra: 1 })).status).toBe(400);

    expect((await call('GET', '/areas/upplevelser/assessments')).body.items).toHaveLength(2);
  });

  test('download: one row per score as CSV and Excel', async () => {
    const csv = await call('GET', '/areas/upplevelser/assessments?format=csv');
    expect(csv.status).toBe(200);
    expect(csv.response.headers['content-type']).toContain('text/csv');
    const lines = csv.response.body
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .filter(Boolean);
    expect(lines[0]).toContain('Poäng (0–5)');
    expect(lines.filter((l) => l.startsWith('Upplevelser;'))).toHaveLength(36);
    const xlsx = await t.app.inject({ url: `${base}/areas/upplevelser/assessments?format=xlsx` });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets[0]?.getRow(2).getCell(8).value).toBe(2);
  });

  test('delete: anonymous 401, viewer 403, unknown 404, editor 204 and audited', async () => {
    expect((await call('DELETE', `/assessments/${firstId}`)).status).toBe(401);
    expect((await call('DELETE', `/assessments/${firstId}`, { cookie: viewer })).status).toBe(403);
    expect((await call('DELETE', `/assessments/${firstId}`, { cookie: partner })).status).toBe(403);
    expect(
      (await call('DELETE', '/assessments/00000000-0000-4000-8000-000000000000', { cookie: editor })).status,
    ).toBe(404);
    const deleted = await call('DELETE', `/assessments/${firstId}`, { cookie: editor });
    expect(deleted.status).toBe(204);
    expect((await call('GET', '/areas/upplevelser/assessments')).body.items.map((a: Json) => a.id)).toEqual([
      secondId,
    ]);
    const scoresLeft = await t.database.db
      .select()
      .from(schema.s3AssessmentScores)
      .where(eq(schema.s3AssessmentScores.assessmentId, firstId));
    expect(scoresLeft).toEqual([]);
    const audit = await auditRows('s3_assessment', firstId);
    expect(audit.map((a) => a.action).sort()).toEqual(['create', 'delete']);
    expect((await call('DELETE', `/assessments/${firstId}`, { cookie: editor })).status).toBe(404);
  });
});

describe('concurrency and bad characters', () => {
  test('three first writes of a step at once: exactly one makes it, the others 412', async () => {
    const url = '/areas/jord-skog-och-vatten/steps/priorities';
    const results = await Promise.all(
      [1, 2, 3].map((n) =>
        call('PUT', url, {
          cookie: n % 2 ? editor : admin,
          payload: { status: 'ongoing', note: `Samtidig ${n}` },
          ifMatch: '"0"',
        }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 412, 412]);
    const made = (await call('GET', '/areas/jord-skog-och-vatten/steps')).body.items[3];
    expect(made.version).toBe(1);
    const winner = results.find((r) => r.status === 200);
    expect(made.note).toBe(winner?.body.note);
    const audit = await auditRows('s3_step', `${await areaId('jord-skog-och-vatten')}/priorities`);
    expect(audit.map((a) => a.action)).toEqual(['create']);
  });

  test('a NUL character in free text is refused at its field; nothing written', async () => {
    const url = '/areas/jord-skog-och-vatten/steps/monitoring';
    const note = await call('PUT', url, {
      cookie: editor,
      payload: { status: 'ongoing', note: 'a\u0000b', responsible: 'c\u0000' },
      ifMatch: '"0"',
    });
    expect(note.status).toBe(400);
    expect(fieldsOf(note.body)).toEqual(['body.responsible', 'body.note']);
    const deliverable = await call('PUT', url, {
      cookie: editor,
      payload: { status: 'ongoing', deliverables: [{ title: 'a\u0000b', url: 'https://x.se/\u0000' }] },
      ifMatch: '"0"',
    });
    expect(deliverable.status).toBe(400);
    expect(fieldsOf(deliverable.body)).toEqual(['body.deliverables.0.title', 'body.deliverables.0.url']);
    expect((await call('GET', '/areas/jord-skog-och-vatten/steps')).body.items[5].version).toBe(0);
    const assessment = await call('POST', '/areas/jord-skog-och-vatten/assessments', {
      cookie: editor,
      payload: {
        assessedOn: '2025-01-01',
        assessedBy: 'a\u0000',
        scores: scores(() => 3).map((s, i) => (i === 1 ? { ...s, comment: 'c\u0000' } : s)),
      },
    });
    expect(assessment.status).toBe(400);
    expect(fieldsOf(assessment.body)).toEqual(['body.assessedBy', 'body.scores.1.comment']);
    const step = await call('POST', '/areas/jord-skog-och-vatten/assessments', {
      cookie: editor,
      payload: { assessedOn: '2025-01-01', scores: [{ step: 'a\u0000', factor: 1, score: 1 }] },
    });
    expect(step.status).toBe(400);
    expect(fieldsOf(step.body)).toContain('body.scores.0.step');
    expect((await call('GET', '/areas/jord-skog-och-vatten/assessments')).body.items).toEqual([]);
  });

  test('a slug with a NUL character is refused at the parameter', async () => {
    for (const url of [
      '/areas/a%00b/steps',
      '/areas/a%00b/assessments',
      '/areas/a%00b/assessments/comparison',
    ]) {
      const r = await call('GET', url);
      expect(r.status, url).toBe(400);
      expect(fieldsOf(r.body), url).toEqual(['params.slug']);
    }
    const put = await call('PUT', '/areas/a%00b/steps/analysis', {
      cookie: editor,
      payload: { status: 'ongoing' },
      ifMatch: '"0"',
    });
    expect(put.status).toBe(400);
    expect(fieldsOf(put.body)).toEqual(['params.slug']);
  });
});

async function areaId(slug: string): Promise<string> {
  const [row] = await t.database.db
    .select({ id: schema.strengthAreas.id })
    .from(schema.strengthAreas)
    .where(eq(schema.strengthAreas.slug, slug));
  return row?.id as string;
}
