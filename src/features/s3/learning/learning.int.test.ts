/**
 * The learning log and participation measures through the API: lessons and the priority changes
 * citing them (locking, the trace both ways, the rules, bad references, IN_USE), internal
 * meetings hidden from anonymous readers, participation against a fixture worked by hand, CSV,
 * roles and audit rows. Runs on PGlite and PostgreSQL.
 */
import { and, eq } from 'drizzle-orm';
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
const area: Record<string, string> = {};
const m: Record<string, string> = {};

// biome-ignore lint/suspicious/noExplicitAny: test helper for JSON bodies
type Json = Record<string, any>;
const call = async (
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  options: { cookie?: string; payload?: unknown; ifMatch?: string } = {},
) => {
  const response = await t.app.inject({
    method,
    url,
    headers: {
      ...(options.cookie ? { cookie: options.cookie } : {}),
      ...(options.ifMatch ? { 'if-match': options.ifMatch } : {}),
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
const fields = (body: Json) => (body.errors ?? []).map((e: Json) => e.field);

beforeAll(async () => {
  t = await buildTestApp();
  fx = await createTestUsers(t.app);
  editor = await signIn(t.app, fx.users.editor.email);
  viewer = await signIn(t.app, fx.users.viewer.email);
  partner = await signIn(t.app, fx.users.partner.email);
  const db = t.database.db;
  for (const a of await db.select().from(schema.strengthAreas)) area[a.slug] = a.id;

  // Organisations with a home municipality (or none); a sameby counts as civil society.
  const org = async (name: string, kind: schema.OrganisationKind, areaCode: string | null) => {
    const [row] = await db
      .insert(schema.organisations)
      .values({ regionCode: '23', name, kind, level: 'local', areaCode })
      .returning({ id: schema.organisations.id });
    return row?.id as string;
  };
  const krokom = await org('Krokoms kommun (test)', 'municipality', '2309');
  const company = await org('Energibolaget (test)', 'company', '2380');
  const uni = await org('Universitetet (test)', 'university', null);
  const sameby = await org('Samebyn (test)', 'sameby', null);

  await db.insert(schema.regions).values({ code: '99', name: 'Annan region', authority: 'Annan' });
  const meeting = async (
    key: string,
    values: Partial<typeof schema.s3Meetings.$inferInsert> & { heldOn: string },
    areas: string[],
    organisations: string[],
  ) => {
    const [row] = await db
      .insert(schema.s3Meetings)
      .values({
        regionCode: '23',
        title: `Möte ${key}`,
        placeKind: 'municipality',
        format: 'workshop',
        ...values,
      })
      .returning({ id: schema.s3Meetings.id });
    m[key] = row?.id as string;
    if (areas.length)
      await db
        .insert(schema.s3MeetingAreas)
        .values(areas.map((a) => ({ meetingId: m[key] as string, strengthAreaId: a })));
    if (organisations.length)
      await db
        .insert(schema.s3MeetingOrganisations)
        .values(organisations.map((o) => ({ meetingId: m[key] as string, organisationId: o })));
  };
  const energy = area['hallbar-energi'] as string;
  await meeting(
    'M1',
    { heldOn: '2024-03-10', areaCode: '2361', countWomen: 3, countMen: 5, countOther: 0 },
    [energy],
    [krokom, company],
  );
  await meeting('M2', { heldOn: '2024-09-05', placeKind: 'digital' }, [energy], [company, uni]);
  await meeting(
    'M3',
    {
      heldOn: '2025-02-01',
      areaCode: '2380',
      countWomen: 2,
      countMen: 2,
      countOther: 1,
      visibility: 'internal',
    },
    [energy],
    [sameby, krokom],
  );
  await meeting(
    'M4',
    { heldOn: '2025-03-01', areaCode: '2321', countWomen: 10, countMen: 10 },
    [area.upplevelser as string],
    [uni],
  );
  await meeting('future', { heldOn: '2099-01-01', areaCode: '2380', countWomen: 100 }, [energy], [uni]);
  await meeting('other', { heldOn: '2024-01-01', regionCode: '99' }, [], []);
});
afterAll(async () => t?.close());

describe('lessons and priority changes', () => {
  let lessonId: string;
  let changeId: string;

  test('roles: anonymous 401, partner and viewer 403, editor creates', async () => {
    const payload = {
      strengthAreaId: area['hallbar-energi'],
      title: 'Brist på tekniker',
      lesson: 'Företagen har svårt att rekrytera.',
      evidence: 'Inspel vid två möten',
      learnedOn: '2025-02-10',
      meetingIds: [m.M1, m.M3],
    };
    expect((await call('POST', '/api/v1/s3/lessons', { payload })).status).toBe(401);
    expect((await call('POST', '/api/v1/s3/lessons', { cookie: partner, payload })).status).toBe(403);
    expect((await call('POST', '/api/v1/s3/lessons', { cookie: viewer, payload })).status).toBe(403);
    const created = await call('POST', '/api/v1/s3/lessons', { cookie: editor, payload });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.response.headers.etag).toBe('"1"');
    lessonId = created.body.id;
    expect(created.body).toMatchObject({
      strengthArea: { slug: 'hallbar-energi', name: { sv: 'Hållbar energi' } },
      title: 'Brist på tekniker',
      learnedOn: '2025-02-10',
      citedBy: [],
      isExample: false,
      version: 1,
    });
    expect(created.body.meetings.map((x: Json) => x.title)).toEqual(['Möte M1', 'Möte M3']);
  });

  test('an internal meeting is named to staff and viewers, not to anonymous readers or partners', async () => {
    const titles = async (cookie?: string) =>
      (await call('GET', `/api/v1/s3/lessons/${lessonId}`, cookie ? { cookie } : {})).body.meetings.map(
        (x: Json) => x.title,
      );
    expect(await titles()).toEqual(['Möte M1']);
    expect(await titles(partner)).toEqual(['Möte M1']);
    expect(await titles(viewer)).toEqual(['Möte M1', 'Möte M3']);
    const list = await call('GET', '/api/v1/s3/lessons?area=hallbar-energi');
    expect(list.body.items[0].meetings).toHaveLength(1);
  });

  test('a lesson: bad references and a future date are all named at their fields; nothing is written', async () => {
    const bad = await call('POST', '/api/v1/s3/lessons', {
      cookie: editor,
      payload: {
        strengthAreaId: '00000000-0000-4000-8000-000000000000',
        title: 'Fel',
        lesson: 'Fel',
        learnedOn: '2099-01-01',
        meetingIds: ['00000000-0000-4000-8000-000000000001', m.other],
      },
    });
    expect(bad.status).toBe(400);
    expect(fields(bad.body).sort()).toEqual(
      ['body.learnedOn', 'body.meetingIds.0', 'body.meetingIds.1', 'body.strengthAreaId'].sort(),
    );
    const empty = await call('POST', '/api/v1/s3/lessons', {
      cookie: editor,
      payload: { title: ' ', lesson: '' },
    });
    expect(fields(empty.body)).toEqual(
      expect.arrayContaining(['body.title', 'body.lesson', 'body.learnedOn']),
    );
    expect((await call('GET', '/api/v1/s3/lessons')).body.items).toHaveLength(1);
    expect((await call('GET', '/api/v1/s3/lessons?area=finns-inte')).status).toBe(400);
  });

  test('a change needs at least one lesson, each dated on or before the decision', async () => {
    const base = {
      strengthAreaId: area['hallbar-energi'],
      kind: 'action_plan',
      summary: 'Ny insats',
      decidedOn: '2025-03-01',
    };
    const none = await call('POST', '/api/v1/s3/priority-changes', {
      cookie: editor,
      payload: { ...base, lessonIds: [] },
    });
    expect(none.status).toBe(400);
    expect(fields(none.body)).toEqual(['body.lessonIds']);
    const early = await call('POST', '/api/v1/s3/priority-changes', {
      cookie: editor,
      payload: { ...base, decidedOn: '2025-02-09', lessonIds: [lessonId] },
    });
    expect(early.status).toBe(400);
    expect(fields(early.body)).toEqual(['body.lessonIds.0']);
    const unknown = await call('POST', '/api/v1/s3/priority-changes', {
      cookie: editor,
      payload: { ...base, kind: 'nonsense', lessonIds: ['00000000-0000-4000-8000-000000000001'] },
    });
    expect(unknown.status).toBe(400);
    expect(fields(unknown.body)).toContain('body.kind');
    expect(
      (await call('POST', '/api/v1/s3/priority-changes', { payload: { ...base, lessonIds: [lessonId] } }))
        .status,
    ).toBe(401);
    expect(
      (
        await call('POST', '/api/v1/s3/priority-changes', {
          cookie: viewer,
          payload: { ...base, lessonIds: [lessonId] },
        })
      ).status,
    ).toBe(403);
    const created = await call('POST', '/api/v1/s3/priority-changes', {
      cookie: editor,
      payload: {
        ...base,
        decidedOn: '2025-02-10',
        decidedBy: 'RUN',
        reference: 'RUN/1/2025',
        lessonIds: [lessonId],
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    changeId = created.body.id;
    expect(created.body).toMatchObject({
      kind: 'action_plan',
      decidedBy: 'RUN',
      lessons: [{ id: lessonId, title: 'Brist på tekniker', learnedOn: '2025-02-10' }],
    });
  });

  test('the trace both ways: the lesson lists the change citing it; the log holds both', async () => {
    const lesson = await call('GET', `/api/v1/s3/lessons/${lessonId}`);
    expect(lesson.body.citedBy).toEqual([{ id: changeId, summary: 'Ny insats', decidedOn: '2025-02-10' }]);
    const change = await call('GET', `/api/v1/s3/priority-changes/${changeId}`);
    expect(change.response.headers.etag).toBe('"1"');
    expect(change.body.lessons.map((l: Json) => l.id)).toEqual([lessonId]);
    const log = await call('GET', '/api/v1/s3/learning-log?area=hallbar-energi');
    expect(log.status).toBe(200);
    expect(log.body.area.slug).toBe('hallbar-energi');
    // Same day: the decision first, then the lesson it built on.
    expect(log.body.items.map((e: Json) => [e.type, e.date])).toEqual([
      ['change', '2025-02-10'],
      ['lesson', '2025-02-10'],
    ]);
    expect(log.body.items[1].lesson.citedBy[0].id).toBe(changeId);
    expect((await call('GET', '/api/v1/s3/learning-log?area=upplevelser')).body.items).toEqual([]);
    expect((await call('GET', '/api/v1/s3/priority-changes?area=hallbar-energi')).body.items).toHaveLength(1);
  });

  test('changes are locked: 428 without If-Match, 412 when stale; an empty change makes no version', async () => {
    expect(
      (await call('PATCH', `/api/v1/s3/lessons/${lessonId}`, { cookie: editor, payload: { title: 'X' } }))
        .status,
    ).toBe(428);
    const empty = await call('PATCH', `/api/v1/s3/lessons/${lessonId}`, {
      cookie: editor,
      ifMatch: '"1"',
      payload: {},
    });
    expect(empty.body.version).toBe(1);
    const changed = await call('PATCH', `/api/v1/s3/lessons/${lessonId}`, {
      cookie: editor,
      ifMatch: '"1"',
      payload: { title: 'Brist på tekniker och montörer', meetingIds: [m.M1] },
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.response.headers.etag).toBe('"2"');
    expect(changed.body.meetings.map((x: Json) => x.title)).toEqual(['Möte M1']);
    const stale = await call('PATCH', `/api/v1/s3/lessons/${lessonId}`, {
      cookie: editor,
      ifMatch: '"1"',
      payload: { title: 'Y' },
    });
    expect(stale.status).toBe(412);
    // A lesson cannot move after a decision that cites it.
    const later = await call('PATCH', `/api/v1/s3/lessons/${lessonId}`, {
      cookie: editor,
      ifMatch: '"2"',
      payload: { learnedOn: '2025-02-11' },
    });
    expect(later.status).toBe(400);
    expect(fields(later.body)).toEqual(['body.learnedOn']);

    expect(
      (
        await call('PATCH', `/api/v1/s3/priority-changes/${changeId}`, {
          cookie: editor,
          payload: { summary: 'Z' },
        })
      ).status,
    ).toBe(428);
    const noLessons = await call('PATCH', `/api/v1/s3/priority-changes/${changeId}`, {
      cookie: editor,
      ifMatch: '"1"',
      payload: { lessonIds: [] },
    });
    expect(fields(noLessons.body)).toEqual(['body.lessonIds']);
    const earlier = await call('PATCH', `/api/v1/s3/priority-changes/${changeId}`, {
      cookie: editor,
      ifMatch: '"1"',
      payload: { decidedOn: '2025-01-01' },
    });
    expect(fields(earlier.body)).toEqual(['body.lessonIds.0']);
    const ok = await call('PATCH', `/api/v1/s3/priority-changes/${changeId}`, {
      cookie: editor,
      ifMatch: '"1"',
      payload: { summary: 'Ny insats för kompetens', kind: 'priorities' },
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ version: 2, kind: 'priorities', summary: 'Ny insats för kompetens' });
    expect(
      (
        await call('PATCH', `/api/v1/s3/priority-changes/${changeId}`, {
          cookie: editor,
          ifMatch: '"1"',
          payload: { summary: 'Q' },
        })
      ).status,
    ).toBe(412);
  });

  test('a cited lesson cannot be removed (IN_USE); removing the change frees it; all is audited', async () => {
    const inUse = await call('DELETE', `/api/v1/s3/lessons/${lessonId}`, { cookie: editor, ifMatch: '"2"' });
    expect(inUse.status).toBe(409);
    expect(inUse.body.code).toBe('IN_USE');
    expect((await call('DELETE', `/api/v1/s3/priority-changes/${changeId}`, { cookie: editor })).status).toBe(
      428,
    );
    expect(
      (await call('DELETE', `/api/v1/s3/priority-changes/${changeId}`, { cookie: viewer, ifMatch: '"2"' }))
        .status,
    ).toBe(403);
    expect(
      (await call('DELETE', `/api/v1/s3/priority-changes/${changeId}`, { cookie: editor, ifMatch: '"2"' }))
        .status,
    ).toBe(204);
    expect(
      (await call('DELETE', `/api/v1/s3/lessons/${lessonId}`, { cookie: editor, ifMatch: '"1"' })).status,
    ).toBe(412);
    expect(
      (await call('DELETE', `/api/v1/s3/lessons/${lessonId}`, { cookie: editor, ifMatch: '"2"' })).status,
    ).toBe(204);
    expect((await call('GET', `/api/v1/s3/lessons/${lessonId}`)).status).toBe(404);

    const audit = async (entityType: string, entityId: string) =>
      (
        await t.database.db
          .select()
          .from(schema.auditEvents)
          .where(
            and(eq(schema.auditEvents.entityType, entityType), eq(schema.auditEvents.entityId, entityId)),
          )
          .orderBy(schema.auditEvents.occurredAt)
      ).map((a) => a.action);
    expect(await audit('s3_lesson', lessonId)).toEqual(['create', 'update', 'delete']);
    expect(await audit('s3_priority_change', changeId)).toEqual(['create', 'update', 'delete']);
  });

  test('a lesson comes from meetings already held: checked on create and on PATCH of either field', async () => {
    const later = await call('POST', '/api/v1/s3/lessons', {
      cookie: editor,
      payload: { title: 'För tidigt', lesson: 'X', learnedOn: '2024-06-01', meetingIds: [m.M1, m.M2] },
    });
    expect(later.status).toBe(400);
    expect(fields(later.body)).toEqual(['body.meetingIds.1']);
    const planned = await call('POST', '/api/v1/s3/lessons', {
      cookie: editor,
      payload: { title: 'Planerat', lesson: 'X', learnedOn: '2025-01-01', meetingIds: [m.future] },
    });
    expect(fields(planned.body)).toEqual(['body.meetingIds.0']);
    const ok = await call('POST', '/api/v1/s3/lessons', {
      cookie: editor,
      payload: { title: 'I tid', lesson: 'X', learnedOn: '2024-09-05', meetingIds: [m.M1, m.M2] },
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    const moved = await call('PATCH', `/api/v1/s3/lessons/${ok.body.id}`, {
      cookie: editor,
      ifMatch: '"1"',
      payload: { learnedOn: '2024-09-04' },
    });
    expect(moved.status).toBe(400);
    expect(fields(moved.body)).toEqual(['body.learnedOn']);
    expect(moved.body.detail).toMatch(/2024-09-05/);
    const added = await call('PATCH', `/api/v1/s3/lessons/${ok.body.id}`, {
      cookie: editor,
      ifMatch: '"1"',
      payload: { meetingIds: [m.M1, m.M2, m.M3] },
    });
    expect(fields(added.body)).toEqual(['body.meetingIds.2']);
    const both = await call('PATCH', `/api/v1/s3/lessons/${ok.body.id}`, {
      cookie: editor,
      ifMatch: '"1"',
      payload: { learnedOn: '2025-02-01', meetingIds: [m.M3] },
    });
    expect(both.status, JSON.stringify(both.body)).toBe(200);
    expect(
      (await call('DELETE', `/api/v1/s3/lessons/${ok.body.id}`, { cookie: editor, ifMatch: '"2"' })).status,
    ).toBe(204);
  });

  test('NUL and control characters are refused at their fields; newlines and tabs in long texts are kept', async () => {
    const lesson = await call('POST', '/api/v1/s3/lessons', {
      cookie: editor,
      payload: { title: 'A\u0000', lesson: 'B\u0000', evidence: 'C\u0007', learnedOn: '2025-01-01' },
    });
    expect(lesson.status).toBe(400);
    expect(fields(lesson.body).sort()).toEqual(['body.evidence', 'body.lesson', 'body.title']);
    const change = await call('POST', '/api/v1/s3/priority-changes', {
      cookie: editor,
      payload: {
        kind: 'other',
        summary: 'S\u0000',
        decidedOn: '2025-01-01',
        decidedBy: 'RUN\nRS',
        reference: 'R\u0000',
        lessonIds: [m.M1],
      },
    });
    expect(change.status).toBe(400);
    expect(fields(change.body).sort()).toEqual(['body.decidedBy', 'body.reference', 'body.summary']);
    const lines = await call('POST', '/api/v1/s3/lessons', {
      cookie: editor,
      payload: { title: 'Rader', lesson: 'Ett\n\tTvå', learnedOn: '2025-01-01' },
    });
    expect(lines.status).toBe(201);
    expect(lines.body.lesson).toBe('Ett\n\tTvå');
    await call('DELETE', `/api/v1/s3/lessons/${lines.body.id}`, { cookie: editor, ifMatch: '"1"' });
  });

  test('a decision is not dated in the future; saving unchanged makes no version and no audit row', async () => {
    const lesson = await call('POST', '/api/v1/s3/lessons', {
      cookie: editor,
      payload: { title: 'Grund', lesson: 'X', learnedOn: '2025-01-01', meetingIds: [m.M1] },
    });
    const future = await call('POST', '/api/v1/s3/priority-changes', {
      cookie: editor,
      payload: { kind: 'other', summary: 'S', decidedOn: '2099-01-01', lessonIds: [lesson.body.id] },
    });
    expect(future.status).toBe(400);
    expect(fields(future.body)).toEqual(['body.decidedOn']);
    const change = await call('POST', '/api/v1/s3/priority-changes', {
      cookie: editor,
      payload: {
        kind: 'other',
        summary: 'S',
        decidedOn: '2025-02-01',
        decidedBy: 'RUN',
        lessonIds: [lesson.body.id],
      },
    });
    expect(change.status).toBe(201);
    const moveOn = await call('PATCH', `/api/v1/s3/priority-changes/${change.body.id}`, {
      cookie: editor,
      ifMatch: '"1"',
      payload: { decidedOn: '2099-01-01' },
    });
    expect(fields(moveOn.body)).toEqual(['body.decidedOn']);

    // The whole form sent back as it was: nothing to write.
    const sameChange = await call('PATCH', `/api/v1/s3/priority-changes/${change.body.id}`, {
      cookie: editor,
      ifMatch: '"1"',
      payload: {
        kind: 'other',
        summary: 'S',
        decidedOn: '2025-02-01',
        decidedBy: 'RUN',
        reference: null,
        strengthAreaId: null,
        lessonIds: [lesson.body.id],
      },
    });
    expect(sameChange.status).toBe(200);
    expect(sameChange.body.version).toBe(1);
    const sameLesson = await call('PATCH', `/api/v1/s3/lessons/${lesson.body.id}`, {
      cookie: editor,
      ifMatch: '"1"',
      payload: {
        title: 'Grund',
        lesson: 'X',
        evidence: '',
        learnedOn: '2025-01-01',
        strengthAreaId: null,
        meetingIds: [m.M1],
      },
    });
    expect(sameLesson.status).toBe(200);
    expect(sameLesson.body.version).toBe(1);
    const audits = async (entityId: string) =>
      (
        await t.database.db.select().from(schema.auditEvents).where(eq(schema.auditEvents.entityId, entityId))
      ).map((a) => a.action);
    expect(await audits(lesson.body.id)).toEqual(['create']);
    expect(await audits(change.body.id)).toEqual(['create']);
    // One field changed: one version, one audit row.
    const one = await call('PATCH', `/api/v1/s3/priority-changes/${change.body.id}`, {
      cookie: editor,
      ifMatch: '"1"',
      payload: { summary: 'S2', decidedBy: 'RUN' },
    });
    expect(one.body.version).toBe(2);
    expect(await audits(change.body.id)).toEqual(['create', 'update']);
    await call('DELETE', `/api/v1/s3/priority-changes/${change.body.id}`, { cookie: editor, ifMatch: '"2"' });
    await call('DELETE', `/api/v1/s3/lessons/${lesson.body.id}`, { cookie: editor, ifMatch: '"1"' });
  });

  test('lessons and changes download as CSV', async () => {
    const created = await call('POST', '/api/v1/s3/lessons', {
      cookie: editor,
      payload: { title: '=Formel', lesson: 'För hela programmet', learnedOn: '2024-01-01', meetingIds: [] },
    });
    expect(created.body.strengthArea).toBeNull();
    const csv = await call('GET', '/api/v1/s3/lessons?format=csv');
    expect(csv.response.headers['content-type']).toContain('text/csv');
    expect(csv.response.body).toContain("'=Formel");
    expect(csv.response.body).toContain('Hela programmet');
    const changes = await call('GET', '/api/v1/s3/priority-changes?format=xlsx');
    expect(changes.status).toBe(200);
    expect(changes.response.headers['content-type']).toContain('spreadsheetml');
    expect((await call('GET', '/api/v1/s3/lessons?q=hela%20programmet')).body.items).toHaveLength(1);
    expect((await call('GET', '/api/v1/s3/lessons?q=saknas')).body.items).toHaveLength(0);
  });
});

describe('participation measures', () => {
  test('staff: all meetings held so far of the area, per year (worked by hand)', async () => {
    const r = await call('GET', '/api/v1/s3/participation?area=hallbar-energi&period=year', {
      cookie: viewer,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.includesInternal).toBe(true);
    // The periods after 2025 (to today) are empty: see the next test.
    expect(r.body.periods.slice(0, 2)).toEqual([
      {
        period: '2024',
        from: '2024-01-01',
        to: '2024-12-31',
        meetings: 2,
        meetingsWithoutCounts: 1,
        participants: { women: 3, men: 5, other: 0, total: 8 },
        organisations: { public: 1, business: 1, academia: 1, civil_society: 0, total: 3 },
        municipalities: [
          { code: '2361', name: 'Härjedalen' },
          { code: '2309', name: 'Krokom' },
          { code: '2380', name: 'Östersund' },
        ],
        newOrganisations: 3,
        returningOrganisations: 0,
      },
      {
        period: '2025',
        from: '2025-01-01',
        to: '2025-12-31',
        meetings: 1,
        meetingsWithoutCounts: 0,
        participants: { women: 2, men: 2, other: 1, total: 5 },
        organisations: { public: 1, business: 0, academia: 0, civil_society: 1, total: 2 },
        municipalities: [
          { code: '2309', name: 'Krokom' },
          { code: '2380', name: 'Östersund' },
        ],
        newOrganisations: 1,
        returningOrganisations: 1,
      },
    ]);
    expect(r.body.totals.meetings).toBe(3);
  });

  test('without ?to= the periods run to today, the empty ones after the last meeting included', async () => {
    const year = Number(todayInSweden().slice(0, 4));
    const r = await call('GET', '/api/v1/s3/participation?area=hallbar-energi&period=year', {
      cookie: viewer,
    });
    expect(r.body.to).toBe(todayInSweden());
    const periods = r.body.periods as Json[];
    expect(periods.map((p) => p.period)).toEqual(
      Array.from({ length: year - 2024 + 1 }, (_, i) => String(2024 + i)),
    );
    for (const p of periods.slice(2)) {
      expect(p).toMatchObject({ meetings: 0, newOrganisations: 0, returningOrganisations: 0 });
      expect(p.participants.total).toBe(0);
    }
  });

  test('a range: from after to, or longer than 50 years, is refused at its parameter', async () => {
    const backwards = await call('GET', '/api/v1/s3/participation?from=2025-02-01&to=2025-01-31');
    expect(backwards.status).toBe(400);
    expect(fields(backwards.body)).toEqual(['querystring.to']);
    const huge = await call('GET', '/api/v1/s3/participation?from=0001-01-01&to=9999-12-31&period=half');
    expect(huge.status).toBe(400);
    expect(fields(huge.body)).toEqual(['querystring.to']);
    expect(huge.body.detail).toMatch(/at most 50/);
    // Without from the range starts at the first meeting counted (2024).
    const farEnd = await call('GET', '/api/v1/s3/participation?to=2099-12-31');
    expect(farEnd.status).toBe(400);
    expect(fields(farEnd.body)).toEqual(['querystring.to']);
    const future = await call('GET', '/api/v1/s3/participation?from=2099-01-01');
    expect(fields(future.body)).toEqual(['querystring.from']);
  });

  test('per half-year', async () => {
    const r = await call('GET', '/api/v1/s3/participation?area=hallbar-energi&period=half', {
      cookie: editor,
    });
    expect(
      r.body.periods.map((p: Json) => [p.period, p.meetings, p.newOrganisations, p.returningOrganisations]),
    ).toEqual([
      ['2024-H1', 1, 2, 0],
      ['2024-H2', 1, 1, 1],
      ['2025-H1', 1, 1, 1],
      ...r.body.periods.slice(3).map((p: Json) => [p.period, 0, 0, 0]),
    ]);
    expect(r.body.periods.at(-1).period).toBe(
      `${todayInSweden().slice(0, 4)}-H${Number(todayInSweden().slice(5, 7)) <= 6 ? 1 : 2}`,
    );
  });

  test('anonymous readers and partners count published meetings only', async () => {
    for (const cookie of [undefined, partner]) {
      const r = await call('GET', '/api/v1/s3/participation?area=hallbar-energi', cookie ? { cookie } : {});
      expect(r.status).toBe(200);
      expect(r.body.includesInternal).toBe(false);
      expect(r.body.periods[0].period).toBe('2024');
      expect(r.body.periods.slice(1).every((p: Json) => p.meetings === 0)).toBe(true);
      expect(r.body.totals.meetings).toBe(2);
      expect(r.body.totals.participants.total).toBe(8);
    }
  });

  test('all areas; a range; CSV', async () => {
    const all = await call('GET', '/api/v1/s3/participation', { cookie: editor });
    expect(all.body.area).toBeNull();
    expect(all.body.totals.meetings).toBe(4);
    const range = await call('GET', '/api/v1/s3/participation?from=2025-01-01&to=2025-12-31', {
      cookie: editor,
    });
    expect(range.body.periods.map((p: Json) => [p.period, p.meetings])).toEqual([['2025', 2]]);
    const withFuture = await call(
      'GET',
      '/api/v1/s3/participation?area=hallbar-energi&from=2060-01-01&to=2099-12-31',
      { cookie: editor },
    );
    expect(withFuture.body.totals.meetings).toBe(1);
    const csv = await call('GET', '/api/v1/s3/participation?area=hallbar-energi&period=half&format=csv', {
      cookie: editor,
    });
    expect(csv.response.headers['content-type']).toContain('text/csv');
    const lines = csv.response.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toContain('Period;Möten;');
    expect(lines[1]).toBe('2024 halvår 1;1;0;3;5;0;8;1;1;0;0;2;2;0;3;Härjedalen, Krokom, Östersund');
    expect((await call('GET', '/api/v1/s3/participation?period=month')).status).toBe(400);
  });
});
