/**
 * Meetings of the actor-driven process through the API: records with locking and references,
 * visibility per role, hidden organisation names, input and its status rules, public
 * registration, the calendar export and downloads. Runs on PGlite and PostgreSQL.
 */
import { and, eq } from 'drizzle-orm';
import ical, { type VEvent } from 'node-ical';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as schema from '../../../db/schema.ts';
import { todayInSweden } from '../../../shared/dates.ts';
import { buildTestApp } from '../../../test/test-database.ts';
import { createTestUsers, signIn, type TestUsers } from '../../../test/test-users.ts';
import { registrationConsent } from './consent.ts';
import { daysBefore } from './meeting-rules.ts';
import {
  purgeAuditLabel,
  purgeOldRegistrations,
  scheduleRegistrationPurge,
} from './registrations-service.ts';

let t: Awaited<ReturnType<typeof buildTestApp>>;
let fx: TestUsers;
let editor: string;
let viewer: string;
let partner: string;
let admin: string;
const area: Record<string, { id: string; slug: string }> = {};

// biome-ignore lint/suspicious/noExplicitAny: test helper for JSON bodies
type Json = Record<string, any>;
const call = async (
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  options: { cookie?: string; payload?: unknown; ifMatch?: string; remoteAddress?: string } = {},
) => {
  const response = await t.app.inject({
    method,
    url,
    headers: {
      ...(options.cookie ? { cookie: options.cookie } : {}),
      ...(options.ifMatch ? { 'if-match': options.ifMatch } : {}),
    },
    ...(options.remoteAddress ? { remoteAddress: options.remoteAddress } : {}),
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
const inDays = (days: number) => daysBefore(today, -days);

const meetingPayload = (overrides: Json = {}) => ({
  title: 'Öppet möte om vätgas',
  heldOn: inDays(30),
  startsAt: '09:00',
  endsAt: '12:00',
  placeKind: 'municipality',
  areaCode: '2380',
  venue: 'Campus Östersund',
  format: 'open_meeting',
  agenda: 'Inledning\nGrupparbete',
  notes: 'Anteckningar',
  strengthAreaIds: [area['hallbar-energi']?.id],
  organisationIds: [fx.orgA.id, fx.orgB.id, fx.orgPublished.id],
  countWomen: 7,
  countMen: 5,
  countOther: 1,
  registrationOpen: true,
  visibility: 'published',
  ...overrides,
});

async function auditRows(entityId: string) {
  return t.database.db.select().from(schema.auditEvents).where(eq(schema.auditEvents.entityId, entityId));
}

beforeAll(async () => {
  t = await buildTestApp();
  fx = await createTestUsers(t.app);
  editor = await signIn(t.app, fx.users.editor.email);
  viewer = await signIn(t.app, fx.users.viewer.email);
  partner = await signIn(t.app, fx.users.partner.email);
  admin = await signIn(t.app, fx.users.admin.email);
  const rows = await t.database.db
    .select({ id: schema.strengthAreas.id, slug: schema.strengthAreas.slug })
    .from(schema.strengthAreas);
  for (const r of rows) area[r.slug] = r;
});
afterAll(async () => t?.close());

describe('meetings', () => {
  let id: string;

  test('an editor records a meeting with areas, organisations (by helix type) and counts', async () => {
    const created = await call('POST', '/api/v1/s3/meetings', { cookie: editor, payload: meetingPayload() });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.response.headers.etag).toBe('"1"');
    id = created.body.id;
    expect(created.body).toMatchObject({
      municipality: 'Östersund',
      counts: { women: 7, men: 5, other: 1, total: 13 },
      organisationCount: 3,
      inputCount: 0,
      registrationCount: 0,
      strengthAreas: [{ slug: 'hallbar-energi', nameSv: 'Hållbar energi' }],
    });
    const helix = Object.fromEntries(created.body.organisations.map((o: Json) => [o.name, o.helixType]));
    expect(helix).toEqual({
      'Organisation A (intern)': 'public',
      'Organisation B (intern)': 'business',
      'Publicerad organisation': 'academia',
    });
    const [audit] = await auditRows(id);
    expect(audit).toMatchObject({
      action: 'create',
      entityType: 's3_meeting',
      actorLabel: fx.users.editor.email,
    });
  });

  test('bad references and rules are all named at their fields; nothing is written', async () => {
    const before = await t.database.db.select().from(schema.s3Meetings);
    const bad = await call('POST', '/api/v1/s3/meetings', {
      cookie: editor,
      payload: meetingPayload({
        endsAt: '08:00',
        areaCode: '9999',
        strengthAreaIds: ['00000000-0000-4000-8000-000000000001'],
        organisationIds: [fx.orgA.id, '00000000-0000-4000-8000-000000000002'],
      }),
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: Json) => e.field)).toEqual([
      'body.endsAt',
      'body.areaCode',
      'body.strengthAreaIds.0',
      'body.organisationIds.1',
    ]);
    const digital = await call('POST', '/api/v1/s3/meetings', {
      cookie: editor,
      payload: meetingPayload({ placeKind: 'digital', strengthAreaIds: [], countMen: -1, startsAt: '9' }),
    });
    expect(digital.status).toBe(400);
    expect(digital.body.errors.map((e: Json) => e.field)).toEqual(
      expect.arrayContaining(['body.startsAt', 'body.countMen']),
    );
    const noArea = await call('POST', '/api/v1/s3/meetings', {
      cookie: editor,
      payload: meetingPayload({ placeKind: 'digital', areaCode: null, strengthAreaIds: [] }),
    });
    expect(noArea.body.errors).toEqual([
      { field: 'body.strengthAreaIds', message: 'choose at least one strength area' },
    ]);
    expect(await t.database.db.select().from(schema.s3Meetings)).toHaveLength(before.length);
  });

  test('changes need If-Match (428), the current version (412); an empty change makes no version', async () => {
    const url = `/api/v1/s3/meetings/${id}`;
    expect((await call('PATCH', url, { cookie: editor, payload: { title: 'X' } })).status).toBe(428);
    expect(
      (await call('PATCH', url, { cookie: editor, payload: { title: 'X' }, ifMatch: '"7"' })).status,
    ).toBe(412);
    const empty = await call('PATCH', url, { cookie: editor, payload: {}, ifMatch: '"1"' });
    expect(empty.status).toBe(200);
    expect(empty.body.version).toBe(1);
    const changed = await call('PATCH', url, {
      cookie: editor,
      payload: { title: 'Öppet möte om vätgas och lagring', placeKind: 'digital', venue: 'Teams' },
      ifMatch: '"1"',
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.response.headers.etag).toBe('"2"');
    expect(changed.body).toMatchObject({ placeKind: 'digital', areaCode: null, municipality: null });
    const audit = (await auditRows(id)).find((a) => a.action === 'update');
    expect(Object.keys(audit?.changes as Json).sort()).toEqual(['areaCode', 'placeKind', 'title', 'venue']);
    const back = await call('PATCH', url, {
      cookie: editor,
      payload: { placeKind: 'municipality', areaCode: '2380', venue: 'Campus Östersund' },
      ifMatch: '"2"',
    });
    expect(back.status).toBe(200);
    const wrongPlace = await call('PATCH', url, {
      cookie: editor,
      payload: { areaCode: null },
      ifMatch: '"3"',
    });
    expect(wrongPlace.body.errors).toEqual([{ field: 'body.areaCode', message: 'choose the municipality' }]);
  });

  test('sending the values the meeting already has makes no version and no audit row', async () => {
    const url = `/api/v1/s3/meetings/${id}`;
    const got = await call('GET', url, { cookie: editor });
    const audits = (await auditRows(id)).length;
    const same = await call('PATCH', url, {
      cookie: editor,
      ifMatch: got.response.headers.etag as string,
      payload: {
        title: got.body.title,
        heldOn: got.body.heldOn,
        startsAt: got.body.startsAt,
        venue: got.body.venue,
        areaCode: got.body.areaCode,
        agenda: got.body.agenda,
        countWomen: got.body.counts.women,
        visibility: got.body.visibility,
        strengthAreaIds: got.body.strengthAreas.map((a: Json) => a.id),
        organisationIds: got.body.organisations.map((o: Json) => o.id).reverse(),
      },
    });
    expect(same.status, JSON.stringify(same.body)).toBe(200);
    expect(same.body.version).toBe(got.body.version);
    expect((await auditRows(id)).length).toBe(audits);
    const one = await call('PATCH', url, {
      cookie: editor,
      ifMatch: got.response.headers.etag as string,
      payload: { title: got.body.title, countMen: got.body.counts.men + 1 },
    });
    expect(one.body.version).toBe(got.body.version + 1);
    expect((await auditRows(id)).length).toBe(audits + 1);
  });

  test('a time that does not exist in Swedish time (spring forward) is refused at its field', async () => {
    const bad = await call('POST', '/api/v1/s3/meetings', {
      cookie: editor,
      payload: meetingPayload({ heldOn: '2026-03-29', startsAt: '02:30', endsAt: '04:00' }),
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([
      { field: 'body.startsAt', message: expect.stringMatching(/02:30 does not exist on 2026-03-29/) },
    ]);
  });

  test('a meeting cannot be moved to after the date of a lesson that cites it', async () => {
    const made = await call('POST', '/api/v1/s3/meetings', {
      cookie: editor,
      payload: meetingPayload({
        title: 'Möte som en lärdom bygger på',
        heldOn: inDays(-10),
        registrationOpen: false,
      }),
    });
    const [lesson] = await t.database.db
      .insert(schema.s3Lessons)
      .values({ regionCode: '23', title: 'Lärdom om vätgas', lesson: 'L', learnedOn: inDays(-5) })
      .returning();
    await t.database.db
      .insert(schema.s3LessonMeetings)
      .values({ lessonId: lesson?.id as string, meetingId: made.body.id });
    const url = `/api/v1/s3/meetings/${made.body.id}`;
    const moved = await call('PATCH', url, {
      cookie: editor,
      payload: { heldOn: inDays(-1) },
      ifMatch: '"1"',
    });
    expect(moved.status).toBe(400);
    expect(moved.body.errors).toEqual([
      { field: 'body.heldOn', message: expect.stringMatching(/"Lärdom om vätgas"/) },
    ]);
    const sameDay = await call('PATCH', url, {
      cookie: editor,
      payload: { heldOn: inDays(-5) },
      ifMatch: '"1"',
    });
    expect(sameDay.status).toBe(200);
    await t.database.db
      .delete(schema.s3LessonMeetings)
      .where(eq(schema.s3LessonMeetings.meetingId, made.body.id));
    await t.database.db.delete(schema.s3Lessons).where(eq(schema.s3Lessons.id, lesson?.id as string));
  });

  test('only staff write: anonymous 401, partner and viewer 403', async () => {
    const payload = meetingPayload();
    expect((await call('POST', '/api/v1/s3/meetings', { payload })).status).toBe(401);
    expect((await call('POST', '/api/v1/s3/meetings', { cookie: partner, payload })).status).toBe(403);
    expect((await call('POST', '/api/v1/s3/meetings', { cookie: viewer, payload })).status).toBe(403);
  });

  test('internal meetings: staff and viewers only; internal organisation names hidden from others', async () => {
    const internal = await call('POST', '/api/v1/s3/meetings', {
      cookie: admin,
      payload: meetingPayload({
        title: 'Internt planeringsmöte',
        visibility: 'internal',
        registrationOpen: false,
      }),
    });
    expect(internal.status).toBe(201);
    const titles = async (cookie?: string) =>
      (await call('GET', '/api/v1/s3/meetings', { cookie })).body.items.map((m: Json) => m.title);
    expect(await titles()).not.toContain('Internt planeringsmöte');
    expect(await titles(partner)).not.toContain('Internt planeringsmöte');
    expect(await titles(viewer)).toContain('Internt planeringsmöte');
    expect((await call('GET', `/api/v1/s3/meetings/${internal.body.id}`)).status).toBe(404);
    expect((await call('GET', `/api/v1/s3/meetings/${internal.body.id}`, { cookie: viewer })).status).toBe(
      200,
    );

    const names = async (cookie?: string) => {
      const got = await call('GET', `/api/v1/s3/meetings/${id}`, { cookie });
      return got.body.organisations.map((o: Json) => [o.name, o.kind, o.helixType, o.hidden]);
    };
    expect(await names()).toEqual([
      ['Publicerad organisation', 'university', 'academia', false],
      ['Annan organisation', 'company', 'business', true],
      ['Annan organisation', 'municipality', 'public', true],
    ]);
    expect((await names(partner)).map((n: Json) => n[0])).toEqual([
      'Organisation A (intern)',
      'Publicerad organisation',
      'Annan organisation',
    ]);
    expect((await names(viewer)).every((n: Json) => n[3] === false)).toBe(true);
    const anonymous = await call('GET', `/api/v1/s3/meetings/${id}`);
    expect(anonymous.body).toMatchObject({ inputs: null, registrationCount: null, inputCount: null });
  });

  test('hidden organisations keep kind and level (helix grouping) but not their municipality', async () => {
    await t.database.db
      .update(schema.organisations)
      .set({ areaCode: '2380' })
      .where(eq(schema.organisations.id, fx.orgB.id));
    const anonymous = await call('GET', `/api/v1/s3/meetings/${id}`);
    const hidden = anonymous.body.organisations.find((o: Json) => o.kind === 'company');
    expect(hidden).toMatchObject({ hidden: true, level: 'local', helixType: 'business', areaCode: null });
    const staff = await call('GET', `/api/v1/s3/meetings/${id}`, { cookie: editor });
    expect(staff.body.organisations.find((o: Json) => o.id === fx.orgB.id)?.areaCode).toBe('2380');
  });

  test('filters by strength area and period; upcoming ascending, past descending', async () => {
    for (const [title, heldOn] of [
      ['Tidigare möte A', inDays(-20)],
      ['Tidigare möte B', inDays(-5)],
      ['Kommande möte C', inDays(60)],
    ] as const) {
      const made = await call('POST', '/api/v1/s3/meetings', {
        cookie: editor,
        payload: meetingPayload({
          title,
          heldOn,
          strengthAreaIds: [area.upplevelser?.id],
          registrationOpen: false,
        }),
      });
      expect(made.status).toBe(201);
    }
    const list = async (query: string) =>
      (await call('GET', `/api/v1/s3/meetings?${query}`)).body.items.map((m: Json) => m.title);
    expect(await list('area=upplevelser&when=past')).toEqual(['Tidigare möte B', 'Tidigare möte A']);
    expect(await list('area=upplevelser&when=upcoming')).toEqual(['Kommande möte C']);
    expect(await list(`area=upplevelser&from=${inDays(-10)}&to=${inDays(10)}`)).toEqual(['Tidigare möte B']);
    expect((await call('GET', '/api/v1/s3/meetings?area=finns-inte')).status).toBe(400);
  });

  test('CSV and Excel downloads', async () => {
    const csv = await call('GET', '/api/v1/s3/meetings?area=hallbar-energi&format=csv');
    expect(csv.response.headers['content-type']).toContain('text/csv');
    expect(csv.response.body).toContain('Datum;Tid;Titel');
    expect(csv.response.body).toContain('Öppet möte om vätgas och lagring');
    expect(csv.response.body).not.toContain('Inspel');
    // Yes/no columns say "ja"/"nej", as in every S3 download.
    const [header, first] = csv.response.body.split(/\r?\n/);
    expect(header).toMatch(/;Exempel$/);
    expect(first).toMatch(/;(ja|nej);[^;]+;nej$/);
    const xlsx = await call('GET', '/api/v1/s3/meetings?format=xlsx', { cookie: viewer });
    expect(xlsx.response.headers['content-type']).toContain('spreadsheetml');
  });
});

describe('input', () => {
  let meetingId: string;
  let inputA: Json;
  let inputB: Json;
  let initiativeId: string;
  let otherAreaInitiativeId: string;

  beforeAll(async () => {
    const made = await call('POST', '/api/v1/s3/meetings', {
      cookie: editor,
      payload: meetingPayload({
        title: 'Workshop om skog och energi',
        heldOn: inDays(-3),
        strengthAreaIds: [area['hallbar-energi']?.id, area['jord-skog-och-vatten']?.id],
        registrationOpen: false,
      }),
    });
    meetingId = made.body.id;
    const [energy] = await t.database.db
      .insert(schema.s3Initiatives)
      .values({ strengthAreaId: area['hallbar-energi']?.id as string, title: 'Vätgasnod Jämtland' })
      .returning();
    const [experiences] = await t.database.db
      .insert(schema.s3Initiatives)
      .values({ strengthAreaId: area.upplevelser?.id as string, title: 'Evenemangsnätverk' })
      .returning();
    initiativeId = energy?.id as string;
    otherAreaInitiativeId = experiences?.id as string;
  });

  test('an editor records input under one of the meeting areas', async () => {
    const a = await call('POST', `/api/v1/s3/meetings/${meetingId}/inputs`, {
      cookie: editor,
      payload: {
        strengthAreaId: area['hallbar-energi']?.id,
        kind: 'need',
        text: 'Laddinfrastruktur längs E14',
        raisedByOrganisationId: fx.orgA.id,
      },
    });
    expect(a.status, JSON.stringify(a.body)).toBe(201);
    expect(a.body).toMatchObject({
      status: 'new',
      raisedBy: { name: 'Organisation A (intern)' },
      version: 1,
    });
    inputA = a.body;
    const b = await call('POST', `/api/v1/s3/meetings/${meetingId}/inputs`, {
      cookie: editor,
      payload: {
        strengthAreaId: area['jord-skog-och-vatten']?.id,
        kind: 'idea',
        text: 'Skogsråvara till biobränsle',
        raisedByOrganisationId: fx.orgB.id,
      },
    });
    inputB = b.body;
    const wrong = await call('POST', `/api/v1/s3/meetings/${meetingId}/inputs`, {
      cookie: editor,
      payload: {
        strengthAreaId: area.upplevelser?.id,
        kind: 'idea',
        text: 'x',
        raisedByOrganisationId: '00000000-0000-4000-8000-000000000003',
      },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors.map((e: Json) => e.field)).toEqual([
      'body.strengthAreaId',
      'body.raisedByOrganisationId',
    ]);
    const audit = await auditRows(inputA.id);
    expect(audit[0]).toMatchObject({ action: 'create', entityType: 's3_input' });
  });

  test("staff and viewers read all input, a partner its organisation's, the public none", async () => {
    const texts = async (cookie?: string) =>
      (await call('GET', `/api/v1/s3/inputs?meeting=${meetingId}`, { cookie })).body.items?.map(
        (i: Json) => i.text,
      );
    expect((await texts(viewer))?.sort()).toEqual([
      'Laddinfrastruktur längs E14',
      'Skogsråvara till biobränsle',
    ]);
    expect(await texts(partner)).toEqual(['Laddinfrastruktur längs E14']);
    expect((await call('GET', '/api/v1/s3/inputs')).status).toBe(401);
    const onMeeting = await call('GET', `/api/v1/s3/meetings/${meetingId}`, { cookie: partner });
    expect(onMeeting.body.inputs.map((i: Json) => i.text)).toEqual(['Laddinfrastruktur längs E14']);
    expect(onMeeting.body.inputCount).toBeNull();
    expect((await call('GET', `/api/v1/s3/inputs/${inputB.id}`, { cookie: partner })).status).toBe(404);
    const staff = await call('GET', `/api/v1/s3/meetings/${meetingId}`, { cookie: editor });
    expect(staff.body.inputCount).toBe(2);
    expect((await texts(editor))?.length).toBe(2);
    const byArea = await call('GET', '/api/v1/s3/inputs?area=jord-skog-och-vatten', { cookie: editor });
    expect(byArea.body.items.map((i: Json) => i.id)).toEqual([inputB.id]);
    const csv = await call('GET', '/api/v1/s3/inputs?format=csv', { cookie: viewer });
    expect(csv.response.body).toContain('Laddinfrastruktur längs E14');
    expect(csv.response.body).toContain('Behov');
  });

  test('status rules: not taken says why; in the action plan names an initiative of the same area', async () => {
    const url = `/api/v1/s3/inputs/${inputA.id}`;
    expect((await call('PATCH', url, { cookie: editor, payload: { status: 'considered' } })).status).toBe(
      428,
    );
    const noReason = await call('PATCH', url, {
      cookie: editor,
      payload: { status: 'not_taken' },
      ifMatch: '"1"',
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors).toEqual([
      { field: 'body.statusReason', message: 'say why the input was not taken' },
    ]);
    const noInitiative = await call('PATCH', url, {
      cookie: editor,
      payload: { status: 'in_action_plan' },
      ifMatch: '"1"',
    });
    expect(noInitiative.body.errors.map((e: Json) => e.field)).toEqual(['body.initiativeId']);
    const otherArea = await call('PATCH', url, {
      cookie: editor,
      payload: { status: 'in_action_plan', initiativeId: otherAreaInitiativeId },
      ifMatch: '"1"',
    });
    expect(otherArea.body.errors[0].message).toMatch(/another strength area/);
    const considered = await call('PATCH', url, {
      cookie: editor,
      payload: { status: 'considered', initiativeId },
      ifMatch: '"1"',
    });
    expect(considered.body.errors[0].field).toBe('body.initiativeId');
    const inPlan = await call('PATCH', url, {
      cookie: editor,
      payload: { status: 'in_action_plan', initiativeId },
      ifMatch: '"1"',
    });
    expect(inPlan.status, JSON.stringify(inPlan.body)).toBe(200);
    expect(inPlan.body).toMatchObject({
      status: 'in_action_plan',
      initiative: { title: 'Vätgasnod Jämtland' },
    });
    expect(inPlan.response.headers.etag).toBe('"2"');
    expect(
      (await call('PATCH', url, { cookie: editor, payload: { text: 'x' }, ifMatch: '"1"' })).status,
    ).toBe(412);
    // Leaving the plan drops the initiative.
    const back = await call('PATCH', url, {
      cookie: editor,
      payload: { status: 'not_taken', statusReason: 'Ryms inte i budgeten' },
      ifMatch: '"2"',
    });
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({
      status: 'not_taken',
      initiative: null,
      statusReason: 'Ryms inte i budgeten',
    });
    const audit = (await auditRows(inputA.id)).filter((a) => a.action === 'update');
    expect(audit).toHaveLength(2);
    expect(Object.keys(audit[1]?.changes as Json).sort()).toEqual(['initiativeId', 'status', 'statusReason']);
    expect(
      (await call('PATCH', url, { cookie: partner, payload: { text: 'x' }, ifMatch: '"3"' })).status,
    ).toBe(403);
  });

  test("a partner does not see input of internal meetings, not even its own organisation's", async () => {
    const internal = await call('POST', '/api/v1/s3/meetings', {
      cookie: editor,
      payload: meetingPayload({
        title: 'Internt möte med inspel',
        heldOn: inDays(-2),
        visibility: 'internal',
        registrationOpen: false,
      }),
    });
    const raised = await call('POST', `/api/v1/s3/meetings/${internal.body.id}/inputs`, {
      cookie: editor,
      payload: {
        strengthAreaId: area['hallbar-energi']?.id,
        kind: 'proposal',
        text: 'Förslag från ett internt möte',
        raisedByOrganisationId: fx.orgA.id,
      },
    });
    expect(raised.status).toBe(201);
    const partnerList = await call('GET', '/api/v1/s3/inputs', { cookie: partner });
    expect(partnerList.body.items.map((i: Json) => i.text)).toContain('Laddinfrastruktur längs E14');
    expect(JSON.stringify(partnerList.body)).not.toMatch(/Internt möte med inspel|Förslag från ett internt/);
    expect((await call('GET', `/api/v1/s3/inputs/${raised.body.id}`, { cookie: partner })).status).toBe(404);
    const csv = await call('GET', '/api/v1/s3/inputs?format=csv', { cookie: partner });
    expect(csv.response.body).not.toContain('Internt möte med inspel');
    const viewerList = await call('GET', '/api/v1/s3/inputs', { cookie: viewer });
    expect(viewerList.body.items.map((i: Json) => i.meetingTitle)).toContain('Internt möte med inspel');
  });

  test('sending the values an input already has makes no version and no audit row', async () => {
    const url = `/api/v1/s3/inputs/${inputB.id}`;
    const got = await call('GET', url, { cookie: editor });
    const audits = (await auditRows(inputB.id)).length;
    const same = await call('PATCH', url, {
      cookie: editor,
      ifMatch: got.response.headers.etag as string,
      payload: {
        kind: got.body.kind,
        text: got.body.text,
        raisedByOrganisationId: got.body.raisedBy?.id ?? null,
        status: got.body.status,
        statusReason: got.body.statusReason,
      },
    });
    expect(same.status, JSON.stringify(same.body)).toBe(200);
    expect(same.body.version).toBe(got.body.version);
    expect((await auditRows(inputB.id)).length).toBe(audits);
  });

  test('a meeting keeps the areas its input was raised under', async () => {
    const got = await call('GET', `/api/v1/s3/meetings/${meetingId}`, { cookie: editor });
    const change = await call('PATCH', `/api/v1/s3/meetings/${meetingId}`, {
      cookie: editor,
      payload: { strengthAreaIds: [area['hallbar-energi']?.id] },
      ifMatch: got.response.headers.etag as string,
    });
    expect(change.status).toBe(400);
    expect(change.body.errors[0].message).toMatch(/Jord, skog och vatten/);
  });

  test('a meeting with input or lessons cannot be removed (409 IN_USE); without, it can', async () => {
    const url = `/api/v1/s3/meetings/${meetingId}`;
    const version = (await call('GET', url, { cookie: editor })).response.headers.etag as string;
    expect((await call('DELETE', url, { cookie: editor })).status).toBe(428);
    const inUse = await call('DELETE', url, { cookie: editor, ifMatch: version });
    expect(inUse.status).toBe(409);
    expect(inUse.body.code).toBe('IN_USE');

    const lone = await call('POST', '/api/v1/s3/meetings', {
      cookie: editor,
      payload: meetingPayload({ title: 'Möte med lärdom', heldOn: inDays(-40), registrationOpen: false }),
    });
    const [lesson] = await t.database.db
      .insert(schema.s3Lessons)
      .values({ regionCode: '23', title: 'L', lesson: 'L', learnedOn: today })
      .returning();
    await t.database.db
      .insert(schema.s3LessonMeetings)
      .values({ lessonId: lesson?.id as string, meetingId: lone.body.id });
    const lessonInUse = await call('DELETE', `/api/v1/s3/meetings/${lone.body.id}`, {
      cookie: editor,
      ifMatch: '"1"',
    });
    expect(lessonInUse.body.code).toBe('IN_USE');
    await t.database.db
      .delete(schema.s3LessonMeetings)
      .where(eq(schema.s3LessonMeetings.meetingId, lone.body.id));
    expect(
      (await call('DELETE', `/api/v1/s3/meetings/${lone.body.id}`, { cookie: viewer, ifMatch: '"1"' }))
        .status,
    ).toBe(403);
    expect(
      (await call('DELETE', `/api/v1/s3/meetings/${lone.body.id}`, { cookie: editor, ifMatch: '"1"' }))
        .status,
    ).toBe(204);
    expect((await auditRows(lone.body.id)).map((a) => a.action).sort()).toEqual(['create', 'delete']);
  });
});

describe('public registration', () => {
  let openId: string;
  const register = (meetingId: string, payload: Json, remoteAddress = '10.0.0.1') =>
    call('POST', `/api/v1/s3/meetings/${meetingId}/registrations`, { payload, remoteAddress });
  const person = (overrides: Json = {}) => ({
    name: 'Anna Andersson',
    organisation: 'Andersson Skog AB',
    email: 'anna@example.se',
    consent: true,
    consentVersion: registrationConsent.version,
    website: '',
    ...overrides,
  });
  const stored = async (meetingId: string) =>
    t.database.db
      .select()
      .from(schema.s3Registrations)
      .where(eq(schema.s3Registrations.meetingId, meetingId));

  beforeAll(async () => {
    const made = await call('POST', '/api/v1/s3/meetings', {
      cookie: editor,
      payload: meetingPayload({ title: 'Öppet möte med anmälan', heldOn: inDays(14) }),
    });
    openId = made.body.id;
  });

  test('the consent text says what is stored, who sees it and when it is deleted', async () => {
    const consent = await call('GET', '/api/v1/s3/registration-consent');
    expect(consent.body.version).toBe(registrationConsent.version);
    expect(consent.body.textSv).toMatch(/namn.*organisation.*e-postadress/);
    expect(consent.body.textSv).toMatch(/raderas 30 dagar efter mötet/);
    expect(consent.body.textEn).toMatch(/deleted 30 days after the meeting/);
  });

  test('anyone registers without signing in; the audit row holds no personal data', async () => {
    const first = await register(openId, person());
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toEqual({ registered: true, meetingId: openId });
    const rows = await stored(openId);
    expect(rows).toHaveLength(1);
    const audit = await auditRows(rows[0]?.id as string);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorUserId: null,
      actorLabel: 'offentlig anmälan',
      entityType: 's3_registration',
    });
    expect(JSON.stringify(audit[0]?.changes)).not.toMatch(/Anna|anna@|Andersson/);
    expect(audit[0]?.changes).toEqual({ meetingId: { before: null, after: openId } });
  });

  test('a second registration with the same email answers like the first and stores nothing more', async () => {
    const again = await register(openId, person({ email: 'ANNA@example.se', name: 'Anna A' }));
    expect(again.status).toBe(201);
    expect(again.body).toEqual({ registered: true, meetingId: openId });
    expect(await stored(openId)).toHaveLength(1);
  });

  test('a filled honeypot gets 201 and nothing is stored', async () => {
    const bot = await register(openId, person({ email: 'bot@example.se', website: 'http://spam.example' }));
    expect(bot.status).toBe(201);
    expect((await stored(openId)).map((r) => r.email)).toEqual(['anna@example.se']);
  });

  test('consent, its current version and a valid email are required; lengths are capped', async () => {
    const noConsent = await register(openId, person({ email: 'b@example.se', consent: false }));
    expect(noConsent.status).toBe(400);
    expect(noConsent.body.errors[0].field).toBe('body.consent');
    const oldVersion = await register(openId, person({ email: 'b@example.se', consentVersion: '2020-1' }));
    expect(oldVersion.status).toBe(400);
    expect(oldVersion.body.code).toBe('CONSENT_OUTDATED');
    const badEmail = await register(openId, person({ email: 'inte-en-adress', name: 'x'.repeat(201) }));
    expect(badEmail.body.errors.map((e: Json) => e.field).sort()).toEqual(['body.email', 'body.name']);
    expect(await stored(openId)).toHaveLength(1);
  });

  test('closed, passed, internal and unknown meetings refuse with a clear code', async () => {
    const closed = await call('POST', '/api/v1/s3/meetings', {
      cookie: editor,
      payload: meetingPayload({ title: 'Stängd anmälan', registrationOpen: false }),
    });
    expect((await register(closed.body.id, person())).body.code).toBe('REGISTRATION_CLOSED');
    const passed = await call('POST', '/api/v1/s3/meetings', {
      cookie: editor,
      payload: meetingPayload({ title: 'Passerat', heldOn: inDays(-1) }),
    });
    const passedAnswer = await register(passed.body.id, person());
    expect(passedAnswer.status).toBe(409);
    expect(passedAnswer.body.code).toBe('MEETING_PASSED');
    const internal = await call('POST', '/api/v1/s3/meetings', {
      cookie: editor,
      payload: meetingPayload({ title: 'Internt med anmälan', visibility: 'internal' }),
    });
    expect((await register(internal.body.id, person())).status).toBe(404);
    expect((await register('00000000-0000-4000-8000-000000000009', person())).status).toBe(404);
  });

  test('registrations: editors read them (CSV too) and remove them; others may not', async () => {
    const url = `/api/v1/s3/meetings/${openId}/registrations`;
    expect((await call('GET', url)).status).toBe(401);
    expect((await call('GET', url, { cookie: partner })).status).toBe(403);
    expect((await call('GET', url, { cookie: viewer })).status).toBe(403);
    const list = await call('GET', url, { cookie: editor });
    expect(list.body.items).toMatchObject([{ name: 'Anna Andersson', email: 'anna@example.se' }]);
    const csv = await call('GET', `${url}?format=csv`, { cookie: editor });
    expect(csv.response.body).toContain('anna@example.se');
    const meeting = await call('GET', `/api/v1/s3/meetings/${openId}`, { cookie: editor });
    expect(meeting.body.registrationCount).toBe(1);
    const regId = list.body.items[0].id;
    expect((await call('DELETE', `/api/v1/s3/registrations/${regId}`, { cookie: viewer })).status).toBe(403);
    expect((await call('DELETE', `/api/v1/s3/registrations/${regId}`)).status).toBe(401);
    expect((await call('DELETE', `/api/v1/s3/registrations/${regId}`, { cookie: editor })).status).toBe(204);
    expect(await stored(openId)).toHaveLength(0);
    const audit = await auditRows(regId);
    expect(audit.map((a) => a.action).sort()).toEqual(['create', 'delete']);
    expect(JSON.stringify(audit.map((a) => a.changes))).not.toMatch(/anna/i);
  });

  test('registrations are deleted 30 days after the meeting', async () => {
    const old = await call('POST', '/api/v1/s3/meetings', {
      cookie: editor,
      payload: meetingPayload({ title: 'Gammalt möte', heldOn: inDays(-31), registrationOpen: false }),
    });
    const recent = await call('POST', '/api/v1/s3/meetings', {
      cookie: editor,
      payload: meetingPayload({ title: 'Nyligen', heldOn: inDays(-29), registrationOpen: false }),
    });
    for (const meetingId of [old.body.id, recent.body.id]) {
      await t.database.db
        .insert(schema.s3Registrations)
        .values({ meetingId, name: 'B', email: 'b@example.se', consentVersion: registrationConsent.version });
    }
    const list = await call('GET', `/api/v1/s3/meetings/${old.body.id}/registrations`, { cookie: editor });
    expect(list.body.items).toEqual([]);
    expect(await stored(recent.body.id)).toHaveLength(1);
    // As a function for later use, with any "today".
    expect(await purgeOldRegistrations(t.database.db, inDays(2))).toBe(1);
    expect(await stored(recent.body.id)).toHaveLength(0);
  });

  test('registrations past their retention are not counted, even before they are purged', async () => {
    const old = await call('POST', '/api/v1/s3/meetings', {
      cookie: editor,
      payload: meetingPayload({ title: 'Länge sedan', heldOn: inDays(-40), registrationOpen: false }),
    });
    await t.database.db.insert(schema.s3Registrations).values({
      meetingId: old.body.id,
      name: 'C',
      email: 'c@example.se',
      consentVersion: registrationConsent.version,
    });
    const got = await call('GET', `/api/v1/s3/meetings/${old.body.id}`, { cookie: editor });
    expect(got.body.registrationCount).toBe(0);
    expect(await stored(old.body.id)).toHaveLength(1);
    // The server's hourly purge: runs at once, and stops (waiting for a run in progress) on close.
    const messages: string[] = [];
    const stop = scheduleRegistrationPurge(t.database.db, {
      info: (message) => messages.push(message),
      error: (_details, message) => messages.push(message),
    });
    await stop();
    expect(await stored(old.body.id)).toHaveLength(0);
    expect(messages).toEqual(['1 registrations for meetings held more than 30 days ago deleted']);
  });

  test('each purge that deletes something writes one audit row with the count only', async () => {
    const made = await call('POST', '/api/v1/s3/meetings', {
      cookie: editor,
      payload: meetingPayload({ title: 'Möte för gallring', heldOn: inDays(-10), registrationOpen: false }),
    });
    for (const email of ['d@example.se', 'e@example.se']) {
      await t.database.db.insert(schema.s3Registrations).values({
        meetingId: made.body.id,
        name: 'Dora Doe',
        email,
        consentVersion: registrationConsent.version,
      });
    }
    const audits = () =>
      t.database.db
        .select()
        .from(schema.auditEvents)
        .where(eq(schema.auditEvents.actorLabel, purgeAuditLabel));
    const before = (await audits()).length;
    // Time travel: 25 days after the meeting nothing goes; 31 days after, both do.
    expect(await purgeOldRegistrations(t.database.db, inDays(15))).toBe(0);
    expect((await audits()).length).toBe(before);
    expect(await purgeOldRegistrations(t.database.db, inDays(21))).toBe(2);
    const rows = await audits();
    expect(rows.length).toBe(before + 1);
    const row = rows.find((r) => r.entityId === `meetings-held-before-${inDays(-9)}`);
    expect(row).toMatchObject({
      action: 'purge',
      entityType: 's3_registration',
      regionCode: '23',
      actorUserId: null,
    });
    expect(row?.changes).toEqual({ deleted: { before: null, after: 2 } });
    expect(JSON.stringify(rows)).not.toMatch(/Dora|@example|Möte för gallring/);
  });

  test('the route is rate-limited per address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      statuses.push((await register(openId, person({ email: `r${i}@example.se` }), '10.9.9.9')).status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 201)).toBe(true);
    expect(statuses[10]).toBe(429);
    // Another address is not affected.
    expect((await register(openId, person({ email: 'other@example.se' }), '10.9.9.10')).status).toBe(201);
  });
});

describe('calendar', () => {
  test('the area calendar has published meetings with stable UIDs, right times and places', async () => {
    const got = await t.app.inject({ method: 'GET', url: '/api/v1/s3/meetings.ics?area=hallbar-energi' });
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const parsed = ical.sync.parseICS(got.body);
    const events = Object.values(parsed).filter((c) => c?.type === 'VEVENT') as VEvent[];
    const titles = events.map((e) => String(e.summary));
    expect(titles).toContain('Öppet möte med anmälan');
    expect(titles).not.toContain('Internt planeringsmöte');
    expect(titles).not.toContain('Kommande möte C');
    const [meeting] = await t.database.db
      .select()
      .from(schema.s3Meetings)
      .where(and(eq(schema.s3Meetings.title, 'Öppet möte med anmälan')));
    const event = events.find((e) => e.uid === `s3-meeting-${meeting?.id}@regionkraft`);
    expect(event).toBeDefined();
    expect(String(event?.location)).toBe('Östersund, Campus Östersund');
    expect(String(event?.description)).toBe('Inledning\nGrupparbete');
    // 09:00 Swedish time, whichever offset applies on that day.
    const local = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Europe/Stockholm',
      hour: '2-digit',
      minute: '2-digit',
    }).format(event?.start);
    expect(local).toBe('09:00');
  });

  test('one meeting as a calendar event; internal ones only for those who may see them', async () => {
    const [meeting] = await t.database.db
      .select()
      .from(schema.s3Meetings)
      .where(eq(schema.s3Meetings.title, 'Internt planeringsmöte'));
    const url = `/api/v1/s3/meetings/${meeting?.id}/calendar.ics`;
    expect((await call('GET', url)).status).toBe(404);
    const staff = await t.app.inject({ method: 'GET', url, headers: { cookie: editor } });
    expect(staff.statusCode).toBe(200);
    expect(staff.body).toMatch(/^BEGIN:VCALENDAR/);
    expect(staff.body).toContain(`UID:s3-meeting-${meeting?.id}@regionkraft`);
  });
});
