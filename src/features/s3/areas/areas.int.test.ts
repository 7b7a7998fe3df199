/**
 * Strength areas through the API: the overview, one area, vision, sub-areas, the action plan with
 * input taken into it from a meeting, the intervention logic, money, roles and the audit trail.
 * Runs on PGlite and PostgreSQL.
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
let energyId: string;
let digitalId: string;
let publishedEffortId: string;
let internalEffortId: string;
let meetingId: string;
let inputIds: string[];

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
const audits = (entityType: string, entityId: string) =>
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
  const steering = (await call('GET', '/api/v1/steering')).body;
  energyId = steering.strengthAreas.find((s: Json) => s.slug === 'hallbar-energi').id;
  digitalId = steering.strengthAreas.find((s: Json) => s.slug === 'digitala-losningar').id;
  const effort = async (
    title: string,
    visibility: 'published' | 'internal',
    ownerOrganisationId?: string,
  ) => {
    const r = await call('POST', '/api/v1/efforts', {
      cookie: editor,
      payload: {
        title,
        status: 'ongoing',
        visibility,
        ...(ownerOrganisationId ? { ownerOrganisationId } : {}),
        links: { strengthAreas: [energyId] },
        funding: [
          { source: 'region', year: 2025, amountSek: 1_000_000, status: 'decided' },
          { source: 'erdf', year: 2026, amountSek: 500_000, status: 'planned' },
        ],
        indicators: [
          {
            kind: 'output',
            name: 'Laddpunkter',
            unit: 'antal',
            target: 40,
            values: [
              { period: '2024', sex: 'total', areaCode: null, actual: 10 },
              { period: '2025', sex: 'total', areaCode: null, actual: 25 },
            ],
          },
        ],
      },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body;
  };
  publishedEffortId = (await effort('Laddinfrastruktur i länet', 'published')).id;
  internalEffortId = (await effort('Intern energistudie', 'internal', fx.orgA.id)).id;
  // A meeting with input, as the meetings part records them.
  const [meeting] = await t.database.db
    .insert(schema.s3Meetings)
    .values({
      regionCode: '23',
      title: 'Öppet möte Hållbar energi',
      heldOn: '2026-03-10',
      placeKind: 'digital',
      format: 'open_meeting',
    })
    .returning();
  meetingId = meeting?.id as string;
  await t.database.db.insert(schema.s3MeetingAreas).values({ meetingId, strengthAreaId: energyId });
  const inputs = await t.database.db
    .insert(schema.s3Inputs)
    .values([
      { meetingId, strengthAreaId: energyId, kind: 'need', text: 'Fler laddpunkter längs E14' },
      { meetingId, strengthAreaId: energyId, kind: 'idea', text: 'Solceller på ladugårdar' },
      { meetingId, strengthAreaId: digitalId, kind: 'proposal', text: 'Digital tvilling av elnätet' },
    ])
    .returning({ id: schema.s3Inputs.id });
  inputIds = inputs.map((i) => i.id);
});
afterAll(async () => t?.close());

describe('the overview and an area', () => {
  test('the four areas by position, six steps not started, counts, no assessment yet', async () => {
    // An upcoming published meeting and one in the past.
    const [upcoming] = await t.database.db
      .insert(schema.s3Meetings)
      .values({
        regionCode: '23',
        title: 'Kommande möte',
        heldOn: todayInSweden(),
        placeKind: 'digital',
        format: 'workshop',
      })
      .returning();
    await t.database.db
      .insert(schema.s3MeetingAreas)
      .values({ meetingId: upcoming?.id as string, strengthAreaId: energyId });
    const r = await call('GET', '/api/v1/s3/areas');
    expect(r.status).toBe(200);
    expect(r.body.items.map((a: Json) => a.slug)).toEqual([
      'jord-skog-och-vatten',
      'upplevelser',
      'hallbar-energi',
      'digitala-losningar',
    ]);
    const energy = r.body.items[2];
    expect(energy.steps).toEqual(schema.s3StepKeys.map((step) => ({ step, status: 'not_started' })));
    expect(energy.vision).toBeNull();
    expect(energy.latestAssessment).toBeNull();
    // Anonymous: the published effort only.
    expect(energy.counts).toEqual({ subAreas: 0, initiatives: 0, efforts: 1, upcomingMeetings: 1 });
    const asViewer = await call('GET', '/api/v1/s3/areas', { cookie: viewer });
    expect(asViewer.body.items[2].counts.efforts).toBe(2);
  });

  test('steps and the latest assessment mean come from the process tables', async () => {
    await t.database.db
      .insert(schema.s3Steps)
      .values({ strengthAreaId: energyId, step: 'vision', status: 'done' });
    const [older] = await t.database.db
      .insert(schema.s3Assessments)
      .values({ strengthAreaId: energyId, assessedOn: '2024-05-01' })
      .returning();
    const [newer] = await t.database.db
      .insert(schema.s3Assessments)
      .values({ strengthAreaId: energyId, assessedOn: '2025-05-01' })
      .returning();
    await t.database.db.insert(schema.s3AssessmentScores).values([
      { assessmentId: older?.id as string, step: 'analysis', factor: 1, score: 1 },
      { assessmentId: newer?.id as string, step: 'analysis', factor: 1, score: 3 },
      { assessmentId: newer?.id as string, step: 'analysis', factor: 2, score: 4 },
      { assessmentId: newer?.id as string, step: 'vision', factor: 1, score: 4 },
    ]);
    const energy = (await call('GET', '/api/v1/s3/areas')).body.items[2];
    expect(energy.steps[2]).toEqual({ step: 'vision', status: 'done' });
    expect(energy.steps[0]).toEqual({ step: 'analysis', status: 'not_started' });
    // The same mean (two decimals) as the assessments endpoint gives.
    expect(energy.latestAssessment).toEqual({ assessedOn: '2025-05-01', mean: 3.67 });
    const listed = await call('GET', '/api/v1/s3/areas/hallbar-energi/assessments');
    expect(listed.body.items[0].means.overall).toBe(energy.latestAssessment.mean);
  });

  test('an unknown slug is 404; a known one has ETag "0" while it has no vision', async () => {
    expect((await call('GET', '/api/v1/s3/areas/finns-inte')).status).toBe(404);
    const r = await call('GET', '/api/v1/s3/areas/hallbar-energi');
    expect(r.status).toBe(200);
    expect(r.response.headers.etag).toBe('"0"');
    expect(r.body.visionVersion).toBe(0);
    expect(r.body.money.efforts.map((e: Json) => e.title)).toEqual(['Laddinfrastruktur i länet']);
    expect(r.body.money.totals).toEqual({ decidedSek: 1_000_000, plannedSek: 500_000, totalSek: 1_500_000 });
  });
});

describe('vision and sub-areas', () => {
  let subAreaId: string;

  test('the vision is made with If-Match "0", changed with its version; stale is 412, missing 428', async () => {
    const url = '/api/v1/s3/areas/hallbar-energi/vision';
    expect((await call('PATCH', url, { cookie: editor, payload: { textSv: 'x' } })).status).toBe(428);
    expect(
      (await call('PATCH', url, { cookie: editor, payload: { textSv: 'x' }, ifMatch: '"1"' })).status,
    ).toBe(412);
    const made = await call('PATCH', url, {
      cookie: editor,
      payload: { textSv: 'Länet leder klimatarbetet.', textEn: 'The county leads.', isExample: true },
      ifMatch: '"0"',
    });
    expect(made.status, JSON.stringify(made.body)).toBe(200);
    expect(made.response.headers.etag).toBe('"1"');
    expect(
      (await call('PATCH', url, { cookie: editor, payload: { textSv: 'y' }, ifMatch: '"0"' })).status,
    ).toBe(412);
    const changed = await call('PATCH', url, {
      cookie: editor,
      payload: { textSv: 'Länet leder det praktiska klimatarbetet.' },
      ifMatch: '"1"',
    });
    expect(changed.body).toMatchObject({ version: 2, isExample: true, textEn: 'The county leads.' });
    const area = await call('GET', '/api/v1/s3/areas/hallbar-energi');
    expect(area.response.headers.etag).toBe('"2"');
    expect(area.body.vision.textSv).toBe('Länet leder det praktiska klimatarbetet.');
    const rows = await audits('s3_area_vision', energyId);
    expect(rows.map((r) => r.action)).toEqual(['create', 'update']);
    expect(rows[1]?.changes).toEqual({
      textSv: { before: 'Länet leder klimatarbetet.', after: 'Länet leder det praktiska klimatarbetet.' },
    });
  });

  test('sub-areas are added in order, changed and removed under If-Match', async () => {
    const url = '/api/v1/s3/areas/hallbar-energi/sub-areas';
    const a = await call('POST', url, {
      cookie: editor,
      payload: { name: 'Vindkraft', needs: 'Nätkapacitet' },
    });
    const b = await call('POST', url, { cookie: editor, payload: { name: 'Solenergi' } });
    expect(a.status, JSON.stringify(a.body)).toBe(201);
    expect([a.body.position, b.body.position]).toEqual([1, 2]);
    subAreaId = a.body.id;
    const bad = await call('POST', url, { cookie: editor, payload: { name: '' } });
    expect(bad.status).toBe(400);
    const changed = await call('PATCH', `/api/v1/s3/sub-areas/${subAreaId}`, {
      cookie: editor,
      payload: { description: 'Land och fjäll' },
      ifMatch: '"1"',
    });
    expect(changed.body).toMatchObject({ version: 2, description: 'Land och fjäll', needs: 'Nätkapacitet' });
    expect(
      (await call('DELETE', `/api/v1/s3/sub-areas/${b.body.id}`, { cookie: editor, ifMatch: '"2"' })).status,
    ).toBe(412);
    expect((await call('DELETE', `/api/v1/s3/sub-areas/${b.body.id}`, { cookie: editor })).status).toBe(428);
    expect(
      (await call('DELETE', `/api/v1/s3/sub-areas/${b.body.id}`, { cookie: editor, ifMatch: '"1"' })).status,
    ).toBe(204);
    const area = await call('GET', '/api/v1/s3/areas/hallbar-energi');
    expect(area.body.subAreas.map((s: Json) => s.name)).toEqual(['Vindkraft']);
    expect((await audits('s3_sub_area', b.body.id)).map((r) => r.action)).toEqual(['create', 'delete']);
  });

  describe('the action plan', () => {
    let initiativeId: string;

    test('input from a meeting becomes an initiative linked to an effort, in one transaction', async () => {
      const created = await call('POST', '/api/v1/s3/initiatives', {
        cookie: editor,
        payload: {
          strengthAreaId: energyId,
          subAreaId,
          title: 'Laddstråk längs E14',
          description: 'Fler laddpunkter',
          status: 'ongoing',
          responsible: 'Region Jämtland Härjedalen',
          period: '2026–2027',
          effortIds: [publishedEffortId, internalEffortId],
          sourceInputIds: [inputIds[0]],
        },
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      expect(created.response.headers.etag).toBe('"1"');
      initiativeId = created.body.id;
      expect(created.body.subArea).toEqual({ id: subAreaId, name: 'Vindkraft' });
      expect(created.body.efforts.map((e: Json) => e.title)).toEqual([
        'Intern energistudie',
        'Laddinfrastruktur i länet',
      ]);
      expect(created.body.sourceInputs).toEqual([
        {
          id: inputIds[0],
          text: 'Fler laddpunkter längs E14',
          status: 'in_action_plan',
          meeting: { id: meetingId, title: 'Öppet möte Hållbar energi', heldOn: '2026-03-10' },
        },
      ]);
      const [input] = await t.database.db
        .select()
        .from(schema.s3Inputs)
        .where(eq(schema.s3Inputs.id, inputIds[0] as string));
      expect(input).toMatchObject({ status: 'in_action_plan', initiativeId, version: 2 });
      const inputAudit = await audits('s3_input', inputIds[0] as string);
      expect(inputAudit[0]?.changes).toEqual({
        status: { before: 'new', after: 'in_action_plan' },
        initiativeId: { before: null, after: initiativeId },
      });
      const initiativeAudit = await audits('s3_initiative', initiativeId);
      expect(initiativeAudit[0]?.action).toBe('create');
    });

    test('bad references are all named at their fields; nothing is written', async () => {
      const bad = await call('POST', '/api/v1/s3/initiatives', {
        cookie: editor,
        payload: {
          strengthAreaId: energyId,
          subAreaId: '00000000-0000-4000-8000-000000000001',
          title: 'Fel',
          effortIds: ['00000000-0000-4000-8000-000000000002'],
          sourceInputIds: [inputIds[0], inputIds[2], '00000000-0000-4000-8000-000000000003'],
        },
      });
      expect(bad.status).toBe(400);
      expect(bad.body.errors.map((e: Json) => e.field)).toEqual([
        'body.subAreaId',
        'body.effortIds.0',
        'body.sourceInputIds.0',
        'body.sourceInputIds.1',
        'body.sourceInputIds.2',
      ]);
      const unknownArea = await call('POST', '/api/v1/s3/initiatives', {
        cookie: editor,
        payload: { strengthAreaId: '00000000-0000-4000-8000-000000000004', title: 'Fel' },
      });
      expect(unknownArea.body.errors).toEqual([
        { field: 'body.strengthAreaId', message: expect.stringContaining('no strength area') },
      ]);
      const list = await call('GET', '/api/v1/s3/initiatives?area=hallbar-energi');
      expect(list.body.items).toHaveLength(1);
    });

    test('anonymous and partners see the published effort only and no input; viewers see all', async () => {
      const anonymous = await call('GET', `/api/v1/s3/initiatives/${initiativeId}`);
      expect(anonymous.body.efforts.map((e: Json) => e.title)).toEqual(['Laddinfrastruktur i länet']);
      expect(anonymous.body.sourceInputs).toBeNull();
      const asPartnerB = await call('GET', '/api/v1/s3/areas/hallbar-energi', { cookie: partner });
      // The partner's organisation (A) owns the internal effort: it is theirs to see.
      expect(asPartnerB.body.initiatives[0].efforts).toHaveLength(2);
      // No input of the partner's organisation is in it.
      expect(asPartnerB.body.initiatives[0].sourceInputs).toEqual([]);
      const asViewer = await call('GET', `/api/v1/s3/initiatives/${initiativeId}`, { cookie: viewer });
      expect(asViewer.body.efforts).toHaveLength(2);
      expect(asViewer.body.sourceInputs).toHaveLength(1);
      const area = await call('GET', '/api/v1/s3/areas/hallbar-energi');
      expect(area.body.money.efforts).toEqual([
        expect.objectContaining({ title: 'Laddinfrastruktur i länet', via: ['area', 'initiative'] }),
      ]);
    });

    test('changing: effortIds replaces the set, more input can be taken in; 412 and 428', async () => {
      const url = `/api/v1/s3/initiatives/${initiativeId}`;
      expect((await call('PATCH', url, { cookie: editor, payload: { title: 'x' } })).status).toBe(428);
      expect(
        (await call('PATCH', url, { cookie: editor, payload: { title: 'x' }, ifMatch: '"7"' })).status,
      ).toBe(412);
      const empty = await call('PATCH', url, { cookie: editor, payload: {}, ifMatch: '"1"' });
      expect(empty.body.version).toBe(1);
      const changed = await call('PATCH', url, {
        cookie: editor,
        payload: {
          status: 'completed',
          effortIds: [publishedEffortId],
          sourceInputIds: [inputIds[0], inputIds[1]],
        },
        ifMatch: '"1"',
      });
      expect(changed.status, JSON.stringify(changed.body)).toBe(200);
      expect(changed.body).toMatchObject({ version: 2, status: 'completed' });
      expect(changed.body.efforts.map((e: Json) => e.id)).toEqual([publishedEffortId]);
      expect(changed.body.sourceInputs.map((s: Json) => s.id).sort()).toEqual(
        [inputIds[0], inputIds[1]].sort(),
      );
      // The first input was not touched again.
      expect(await audits('s3_input', inputIds[0] as string)).toHaveLength(1);
      const csv = await call('GET', '/api/v1/s3/initiatives?area=hallbar-energi&format=csv');
      expect(csv.response.headers['content-type']).toContain('text/csv');
      expect(csv.response.body.split(/\r?\n/)[1]).toContain('Laddstråk längs E14;Genomfört');
      // The example column says "ja"/"nej", as in every S3 download.
      expect(csv.response.body.split(/\r?\n/)[1]).toMatch(/;nej$/);
    });

    test('the intervention logic: an output with an effort indicator, a result with a store indicator', async () => {
      const choices = await call('GET', `/api/v1/s3/effort-indicators?effort=${publishedEffortId}`);
      expect(choices.body.items).toEqual([
        expect.objectContaining({ kind: 'output', name: 'Laddpunkter', unit: 'antal', target: 40 }),
      ]);
      const effortIndicatorId = choices.body.items[0].id;
      // Indicators of an internal effort are not offered to those who may not see it.
      expect(
        (await call('GET', `/api/v1/s3/effort-indicators?effort=${internalEffortId}`)).body.items,
      ).toEqual([]);
      const url = '/api/v1/s3/areas/hallbar-energi/logic-items';
      const output = await call('POST', url, {
        cookie: editor,
        payload: {
          kind: 'output',
          initiativeId,
          description: 'Nya laddpunkter',
          effortIndicatorId,
          targetValue: 40,
          targetYear: 2027,
        },
      });
      expect(output.status, JSON.stringify(output.body)).toBe(201);
      expect(output.body.measure).toMatchObject({
        kind: 'effort_indicator',
        name: 'Laddpunkter',
        target: 40,
        latest: { value: 25, period: '2025' },
      });
      const result = await call('POST', url, {
        cookie: editor,
        payload: { kind: 'result', description: 'Fler arbetsställen', indicatorId: 'arbetsstallen_totalt' },
      });
      expect(result.status, JSON.stringify(result.body)).toBe(201);
      expect(result.body.measure).toMatchObject({
        kind: 'indicator',
        latest: { year: 2022, value: 26911 },
      });
      const bad = await call('POST', url, {
        cookie: editor,
        payload: {
          kind: 'output',
          initiativeId: '00000000-0000-4000-8000-000000000001',
          description: 'Fel',
          indicatorId: 'finns_inte',
        },
      });
      expect(bad.status).toBe(400);
      expect(bad.body.errors.map((e: Json) => e.field)).toEqual(['body.initiativeId', 'body.indicatorId']);
      const both = await call('POST', url, {
        cookie: editor,
        payload: { kind: 'result', description: 'Fel', indicatorId: 'population', effortIndicatorId },
      });
      expect(both.body.errors.map((e: Json) => e.field)).toEqual(['body.effortIndicatorId']);
      const area = await call('GET', '/api/v1/s3/areas/hallbar-energi');
      expect(area.body.logic.outputs.map((o: Json) => o.description)).toEqual(['Nya laddpunkter']);
      expect(area.body.logic.results.map((o: Json) => o.description)).toEqual(['Fler arbetsställen']);
      const changed = await call('PATCH', `/api/v1/s3/logic-items/${result.body.id}`, {
        cookie: editor,
        payload: { targetValue: 28000, targetYear: 2030 },
        ifMatch: '"1"',
      });
      expect(changed.body).toMatchObject({ version: 2, targetValue: 28000, targetYear: 2030 });
      expect(
        (await call('DELETE', `/api/v1/s3/logic-items/${result.body.id}`, { cookie: editor, ifMatch: '"1"' }))
          .status,
      ).toBe(412);
      expect(
        (await call('DELETE', `/api/v1/s3/logic-items/${result.body.id}`, { cookie: editor, ifMatch: '"2"' }))
          .status,
      ).toBe(204);
      expect((await audits('s3_logic_item', result.body.id)).map((r) => r.action)).toEqual([
        'create',
        'update',
        'delete',
      ]);
    });

    test('an initiative input points at is IN_USE; without input it can be removed', async () => {
      const url = `/api/v1/s3/initiatives/${initiativeId}`;
      const inUse = await call('DELETE', url, { cookie: editor, ifMatch: '"2"' });
      expect(inUse.status).toBe(409);
      expect(inUse.body.code).toBe('IN_USE');
      const plain = await call('POST', '/api/v1/s3/initiatives', {
        cookie: editor,
        payload: { strengthAreaId: energyId, title: 'Utan input' },
      });
      expect(plain.body.status).toBe('proposed');
      expect(
        (await call('DELETE', `/api/v1/s3/initiatives/${plain.body.id}`, { cookie: editor, ifMatch: '"1"' }))
          .status,
      ).toBe(204);
      expect((await call('GET', `/api/v1/s3/initiatives/${plain.body.id}`)).status).toBe(404);
    });
  });
});

describe('roles', () => {
  test('anonymous 401, partner and viewer 403 on every write; editors may', async () => {
    const writes: Array<['POST' | 'PATCH' | 'DELETE', string, unknown]> = [
      ['PATCH', '/api/v1/s3/areas/upplevelser/vision', { textSv: 'x' }],
      ['POST', '/api/v1/s3/areas/upplevelser/sub-areas', { name: 'x' }],
      ['POST', '/api/v1/s3/initiatives', { strengthAreaId: energyId, title: 'x' }],
      ['POST', '/api/v1/s3/areas/upplevelser/logic-items', { kind: 'result', description: 'x' }],
    ];
    for (const [method, url, payload] of writes) {
      expect((await call(method, url, { payload, ifMatch: '"0"' })).status, url).toBe(401);
      expect((await call(method, url, { payload, ifMatch: '"0"', cookie: partner })).status, url).toBe(403);
      expect((await call(method, url, { payload, ifMatch: '"0"', cookie: viewer })).status, url).toBe(403);
      expect([200, 201], url).toContain(
        (await call(method, url, { payload, ifMatch: '"0"', cookie: editor })).status,
      );
    }
  });
});

describe('fixes after review', () => {
  const fresh = async (n: number) => {
    const rows = await t.database.db
      .insert(schema.s3Inputs)
      .values(
        Array.from({ length: n }, (_, i) => ({
          meetingId,
          strengthAreaId: energyId,
          kind: 'idea' as const,
          text: `Idé ${i + 1} för samtidighet`,
        })),
      )
      .returning({ id: schema.s3Inputs.id });
    return rows.map((r) => r.id);
  };

  test('two initiatives taking the same input at once: one 201, the other 400 at the input', async () => {
    const [inputId] = await fresh(1);
    const admin = await signIn(t.app, fx.users.admin.email);
    const results = await Promise.all(
      [editor, admin].map((cookie, n) =>
        call('POST', '/api/v1/s3/initiatives', {
          cookie,
          payload: { strengthAreaId: energyId, title: `Samtidigt ${n}`, sourceInputIds: [inputId] },
        }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 400]);
    const winner = results.find((r) => r.status === 201);
    const loser = results.find((r) => r.status === 400);
    expect(loser?.body.errors).toEqual([
      { field: 'body.sourceInputIds.0', message: 'the input is already taken into another initiative' },
    ]);
    const [input] = await t.database.db
      .select()
      .from(schema.s3Inputs)
      .where(eq(schema.s3Inputs.id, inputId as string));
    expect(input).toMatchObject({ initiativeId: winner?.body.id, version: 2 });
    expect(await audits('s3_input', inputId as string)).toHaveLength(1);
    const titles = (await call('GET', '/api/v1/s3/initiatives?area=hallbar-energi')).body.items.map(
      (i: Json) => i.title,
    );
    expect(titles.filter((x: string) => x.startsWith('Samtidigt'))).toEqual([winner?.body.title]);
    // Two changes at once, each taking the same input into its own initiative.
    const [other] = await fresh(1);
    const a = await call('POST', '/api/v1/s3/initiatives', {
      cookie: editor,
      payload: { strengthAreaId: energyId, title: 'Ändras samtidigt A' },
    });
    const b = await call('POST', '/api/v1/s3/initiatives', {
      cookie: editor,
      payload: { strengthAreaId: energyId, title: 'Ändras samtidigt B' },
    });
    const patches = await Promise.all(
      [a, b].map((x, n) =>
        call('PATCH', `/api/v1/s3/initiatives/${x.body.id}`, {
          cookie: n ? admin : editor,
          payload: { sourceInputIds: [other] },
          ifMatch: '"1"',
        }),
      ),
    );
    expect(patches.map((r) => r.status).sort()).toEqual([200, 400]);
    expect(patches.find((r) => r.status === 400)?.body.errors[0].field).toBe('body.sourceInputIds.0');
  });

  test("editing an effort's indicators keeps the logic item's link; removing a measured one is IN_USE", async () => {
    const effort = await call('POST', '/api/v1/efforts', {
      cookie: editor,
      payload: {
        title: 'Mätt insats',
        status: 'ongoing',
        visibility: 'published',
        indicators: [
          {
            kind: 'result',
            name: 'Anslutna företag',
            unit: 'antal',
            target: 100,
            values: [
              { period: '2025-09', actual: 9 },
              { period: '2025-11', actual: 11 },
              { period: '2025-12', actual: 12 },
              { period: '2025-Q3', actual: 3 },
            ],
          },
        ],
      },
    });
    expect(effort.status, JSON.stringify(effort.body)).toBe(201);
    const [indicator] = (await call('GET', `/api/v1/s3/effort-indicators?effort=${effort.body.id}`)).body
      .items;
    const item = await call('POST', '/api/v1/s3/areas/hallbar-energi/logic-items', {
      cookie: editor,
      payload: { kind: 'result', description: 'Fler anslutna företag', effortIndicatorId: indicator.id },
    });
    expect(item.status, JSON.stringify(item.body)).toBe(201);
    // Monthly values: December is the latest, not September.
    expect(item.body.measure.latest).toEqual({ period: '2025-12', value: 12 });
    const changed = await call('PATCH', `/api/v1/efforts/${effort.body.id}`, {
      cookie: editor,
      ifMatch: '"1"',
      payload: {
        indicators: [
          {
            kind: 'result',
            name: 'Anslutna företag',
            unit: 'antal',
            target: 120,
            values: [{ period: '2026', actual: 50 }],
          },
          { kind: 'output', name: 'Träffar', unit: 'antal', values: [] },
        ],
      },
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    const choices = (await call('GET', `/api/v1/s3/effort-indicators?effort=${effort.body.id}`)).body.items;
    expect(choices.map((c: Json) => [c.name, c.target])).toEqual([
      ['Anslutna företag', 120],
      ['Träffar', null],
    ]);
    expect(choices[0].id).toBe(indicator.id);
    const area = await call('GET', '/api/v1/s3/areas/hallbar-energi');
    const kept = area.body.logic.results.find((r: Json) => r.id === item.body.id);
    expect(kept).toMatchObject({ effortIndicatorId: indicator.id, version: 1 });
    expect(kept.measure).toMatchObject({ target: 120, latest: { period: '2026', value: 50 } });
    // Removing the second (unmeasured) one is fine; removing the measured one is refused.
    const fewer = await call('PATCH', `/api/v1/efforts/${effort.body.id}`, {
      cookie: editor,
      ifMatch: '"2"',
      payload: { indicators: [{ kind: 'result', name: 'Anslutna företag', unit: 'antal', values: [] }] },
    });
    expect(fewer.status, JSON.stringify(fewer.body)).toBe(200);
    const none = await call('PATCH', `/api/v1/efforts/${effort.body.id}`, {
      cookie: editor,
      ifMatch: '"3"',
      payload: { indicators: [] },
    });
    expect(none.status).toBe(409);
    expect(none.body.code).toBe('IN_USE');
    expect(none.body.detail).toContain('Fler anslutna företag');
    const removeEffort = await call('DELETE', `/api/v1/efforts/${effort.body.id}`, {
      cookie: editor,
      ifMatch: '"3"',
    });
    expect(removeEffort.status).toBe(409);
    expect(removeEffort.body.code).toBe('IN_USE');
    const after = (await call('GET', `/api/v1/s3/effort-indicators?effort=${effort.body.id}`)).body.items;
    expect(after.map((c: Json) => c.id)).toEqual([indicator.id]);
    expect((await audits('s3_logic_item', item.body.id)).map((r) => r.action)).toEqual(['create']);
  });

  test("a JSON import of efforts keeps the measured indicator's id, and refuses to remove it", async () => {
    const effort = await call('POST', '/api/v1/efforts', {
      cookie: editor,
      payload: {
        title: 'Importerad mätt insats',
        diarienummer: 'S3/IMPORT/1',
        status: 'ongoing',
        visibility: 'published',
        indicators: [{ kind: 'output', name: 'Workshoppar', unit: 'antal', values: [] }],
      },
    });
    expect(effort.status, JSON.stringify(effort.body)).toBe(201);
    const [indicator] = (await call('GET', `/api/v1/s3/effort-indicators?effort=${effort.body.id}`)).body
      .items;
    const item = await call('POST', '/api/v1/s3/areas/hallbar-energi/logic-items', {
      cookie: editor,
      payload: { kind: 'result', description: 'Fler workshoppar', effortIndicatorId: indicator.id },
    });
    expect(item.status, JSON.stringify(item.body)).toBe(201);
    const exported = await t.app.inject({
      url: '/api/v1/efforts/export?format=json',
      headers: { cookie: editor },
    });
    const document = (exported.json() as Array<Json>).find((d) => d.diarienummer === 'S3/IMPORT/1') as Json;
    expect(document).toBeTruthy();
    const importJson = (documents: Json[]) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/efforts/import?filename=efforts.json',
        headers: { cookie: editor, 'content-type': 'application/octet-stream' },
        payload: Buffer.from(JSON.stringify(documents), 'utf8'),
      });
    const changedTarget = {
      ...document,
      indicators: [
        { ...document.indicators[0], target: 12, values: [{ period: '2026', sex: 'total', actual: 4 }] },
      ],
    };
    const same = await importJson([changedTarget]);
    expect(same.statusCode, same.body).toBe(200);
    const afterImport = (await call('GET', `/api/v1/s3/effort-indicators?effort=${effort.body.id}`)).body
      .items;
    expect(afterImport.map((c: Json) => [c.id, c.target])).toEqual([[indicator.id, 12]]);
    const area = await call('GET', '/api/v1/s3/areas/hallbar-energi');
    expect(area.body.logic.results.find((r: Json) => r.id === item.body.id).measure).toMatchObject({
      latest: { period: '2026', value: 4 },
    });
    const removing = await importJson([{ ...document, indicators: [] }]);
    expect(removing.statusCode, removing.body).toBe(409);
    expect(removing.json().code).toBe('IN_USE');
    expect(
      (await call('GET', `/api/v1/s3/effort-indicators?effort=${effort.body.id}`)).body.items,
    ).toHaveLength(1);
  });

  test('three first writes of a vision at once: exactly one makes it, the others 412', async () => {
    const admin = await signIn(t.app, fx.users.admin.email);
    const results = await Promise.all(
      [1, 2, 3].map((n) =>
        call('PATCH', '/api/v1/s3/areas/jord-skog-och-vatten/vision', {
          cookie: n % 2 ? editor : admin,
          payload: { textSv: `Vision ${n}` },
          ifMatch: '"0"',
        }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 412, 412]);
    const area = await call('GET', '/api/v1/s3/areas/jord-skog-och-vatten');
    expect(area.body.vision).toMatchObject({
      version: 1,
      textSv: results.find((r) => r.status === 200)?.body.textSv,
    });
  });

  test('an empty first vision is refused at body.textSv', async () => {
    const url = '/api/v1/s3/areas/digitala-losningar/vision';
    for (const payload of [{}, { textSv: '  ' }, { isExample: true }]) {
      const r = await call('PATCH', url, { cookie: editor, payload, ifMatch: '"0"' });
      expect(r.status).toBe(400);
      expect(r.body.errors.map((e: Json) => e.field)).toEqual(['body.textSv']);
    }
    expect((await call('GET', '/api/v1/s3/areas/digitala-losningar')).body.vision).toBeNull();
  });

  test('removing an initiative removes its outputs with an audit row each', async () => {
    const ini = await call('POST', '/api/v1/s3/initiatives', {
      cookie: editor,
      payload: { strengthAreaId: energyId, title: 'Med output' },
    });
    const out = await call('POST', '/api/v1/s3/areas/hallbar-energi/logic-items', {
      cookie: editor,
      payload: {
        kind: 'output',
        initiativeId: ini.body.id,
        description: 'Output som försvinner',
        targetValue: 5,
        targetYear: 2027,
      },
    });
    expect(out.status).toBe(201);
    const del = await call('DELETE', `/api/v1/s3/initiatives/${ini.body.id}`, {
      cookie: editor,
      ifMatch: '"1"',
    });
    expect(del.status).toBe(204);
    const rows = await t.database.db
      .select()
      .from(schema.s3LogicItems)
      .where(eq(schema.s3LogicItems.id, out.body.id));
    expect(rows).toEqual([]);
    const audit = await audits('s3_logic_item', out.body.id);
    expect(audit.map((r) => r.action)).toEqual(['create', 'delete']);
    expect(audit[1]?.changes).toMatchObject({
      description: { before: 'Output som försvinner', after: null },
    });
  });

  test('removing a sub-area changes its initiatives explicitly: new version, audited', async () => {
    const sub = await call('POST', '/api/v1/s3/areas/hallbar-energi/sub-areas', {
      cookie: editor,
      payload: { name: 'Försvinnande delområde' },
    });
    const ini = await call('POST', '/api/v1/s3/initiatives', {
      cookie: editor,
      payload: { strengthAreaId: energyId, subAreaId: sub.body.id, title: 'I delområdet' },
    });
    expect(ini.body.version).toBe(1);
    const del = await call('DELETE', `/api/v1/s3/sub-areas/${sub.body.id}`, {
      cookie: editor,
      ifMatch: '"1"',
    });
    expect(del.status).toBe(204);
    const after = await call('GET', `/api/v1/s3/initiatives/${ini.body.id}`);
    expect(after.body).toMatchObject({ subArea: null, version: 2 });
    const audit = await audits('s3_initiative', ini.body.id);
    expect(audit.map((r) => r.action)).toEqual(['create', 'update']);
    expect(audit[1]?.changes).toEqual({ subAreaId: { before: sub.body.id, after: null } });
  });

  test('rule and reference problems are reported together', async () => {
    const logic = await call('POST', '/api/v1/s3/areas/hallbar-energi/logic-items', {
      cookie: editor,
      payload: {
        kind: 'output',
        description: 'x',
        initiativeId: '00000000-0000-4000-8000-000000000000',
        indicatorId: 'finns_inte',
        targetYear: 2030,
      },
    });
    expect(logic.status).toBe(400);
    expect(logic.body.errors.map((e: Json) => e.field)).toEqual([
      'body.targetValue',
      'body.initiativeId',
      'body.indicatorId',
    ]);
    const item = await call('POST', '/api/v1/s3/areas/hallbar-energi/logic-items', {
      cookie: editor,
      payload: { kind: 'result', description: 'Ändras fel' },
    });
    const patch = await call('PATCH', `/api/v1/s3/logic-items/${item.body.id}`, {
      cookie: editor,
      payload: { targetYear: 2030, indicatorId: 'finns_inte' },
      ifMatch: '"1"',
    });
    expect(patch.body.errors.map((e: Json) => e.field)).toEqual(['body.targetValue', 'body.indicatorId']);
    const initiative = await call('POST', '/api/v1/s3/initiatives', {
      cookie: editor,
      payload: {
        strengthAreaId: '00000000-0000-4000-8000-000000000000',
        title: 'x',
        effortIds: ['00000000-0000-4000-8000-000000000001'],
      },
    });
    expect(initiative.status).toBe(400);
    expect(initiative.body.errors.map((e: Json) => e.field)).toEqual([
      'body.strengthAreaId',
      'body.effortIds.0',
    ]);
  });

  test('a NUL character in text is refused at its field; a slug with one at the parameter', async () => {
    const cases: Array<['POST' | 'PATCH', string, unknown, string[], string?]> = [
      ['PATCH', '/api/v1/s3/areas/upplevelser/vision', { textSv: 'a\u0000b' }, ['body.textSv'], '"0"'],
      [
        'PATCH',
        '/api/v1/s3/areas/upplevelser/vision',
        { textSv: 'ok', textEn: 'a\u0000b' },
        ['body.textEn'],
        '"0"',
      ],
      [
        'POST',
        '/api/v1/s3/areas/hallbar-energi/sub-areas',
        { name: 'n', description: 'a\u0000b', needs: 'c\u0000' },
        ['body.description', 'body.needs'],
      ],
      ['POST', '/api/v1/s3/areas/hallbar-energi/sub-areas', { name: 'a\u0000b' }, ['body.name']],
      [
        'POST',
        '/api/v1/s3/initiatives',
        {
          strengthAreaId: energyId,
          title: 't',
          description: 'a\u0000',
          responsible: 'b\u0000',
          period: 'c\u0000',
        },
        ['body.description', 'body.responsible', 'body.period'],
      ],
      [
        'POST',
        '/api/v1/s3/areas/hallbar-energi/logic-items',
        { kind: 'result', description: 'a\u0000b' },
        ['body.description'],
      ],
      [
        'POST',
        '/api/v1/s3/areas/hallbar-energi/logic-items',
        { kind: 'result', description: 'x', indicatorId: 'a\u0000b' },
        ['body.indicatorId'],
      ],
      ['PATCH', '/api/v1/s3/areas/a%00b/vision', { textSv: 'x' }, ['params.slug'], '"0"'],
      ['POST', '/api/v1/s3/areas/a%00b/sub-areas', { name: 'x' }, ['params.slug']],
    ];
    for (const [method, url, payload, fields, ifMatch] of cases) {
      const r = await call(method, url, { cookie: editor, payload, ...(ifMatch ? { ifMatch } : {}) });
      expect(r.status, url).toBe(400);
      expect(
        r.body.errors.map((e: Json) => e.field),
        JSON.stringify(payload),
      ).toEqual(fields);
    }
    const area = await call('GET', '/api/v1/s3/areas/a%00b');
    expect(area.status).toBe(400);
    expect(area.body.errors.map((e: Json) => e.field)).toEqual(['params.slug']);
    const list = await call('GET', '/api/v1/s3/initiatives?area=a%00b');
    expect(list.status).toBe(400);
    expect(list.body.errors.map((e: Json) => e.field)).toEqual(['querystring.area']);
  });

  test('a partner sees the input its own organisation raised, and only that', async () => {
    const [own] = await t.database.db
      .insert(schema.s3Inputs)
      .values({
        meetingId,
        strengthAreaId: energyId,
        kind: 'need',
        text: 'Från partnerns organisation',
        raisedByOrganisationId: fx.orgA.id,
      })
      .returning({ id: schema.s3Inputs.id });
    const [others] = await t.database.db
      .insert(schema.s3Inputs)
      .values({
        meetingId,
        strengthAreaId: energyId,
        kind: 'need',
        text: 'Från någon annan',
        raisedByOrganisationId: fx.orgB.id,
      })
      .returning({ id: schema.s3Inputs.id });
    const ini = await call('POST', '/api/v1/s3/initiatives', {
      cookie: editor,
      payload: { strengthAreaId: energyId, title: 'Partnerns input', sourceInputIds: [own?.id, others?.id] },
    });
    expect(ini.status, JSON.stringify(ini.body)).toBe(201);
    const url = `/api/v1/s3/initiatives/${ini.body.id}`;
    expect((await call('GET', url, { cookie: partner })).body.sourceInputs.map((s: Json) => s.text)).toEqual([
      'Från partnerns organisation',
    ]);
    expect((await call('GET', url)).body.sourceInputs).toBeNull();
    expect((await call('GET', url, { cookie: viewer })).body.sourceInputs).toHaveLength(2);
  });
});
