import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as schema from '../../../db/schema.ts';
import { buildTestApp } from '../../../test/test-database.ts';
import { createTestUsers, signIn, type TestUsers } from '../../../test/test-users.ts';

let t: Awaited<ReturnType<typeof buildTestApp>>;
let fx: TestUsers;
let editor: string, editor2: string, viewer: string, partner: string;
let energyId: string, digitalId: string;
let pubEffort: any, intEffort: any, orgAEffort: any;
let inputIds: string[];
let otherArea: string, otherEffort: string, otherInput: string;
type Json = Record<string, any>;
const log = (label: string, x: unknown) => console.log(`REVIEW ${label}: ${JSON.stringify(x)?.slice(0, 900)}`);
const call = async (method: string, url: string, o: { cookie?: string; payload?: unknown; ifMatch?: string } = {}) => {
  const r = await t.app.inject({
    method: method as any, url,
    headers: { ...(o.cookie ? { cookie: o.cookie } : {}), ...(o.ifMatch !== undefined ? { 'if-match': o.ifMatch } : {}) },
    ...(o.payload !== undefined ? { payload: o.payload as object } : {}),
  });
  let body: Json = {};
  try { body = r.body ? JSON.parse(r.body) : {}; } catch { body = { text: r.body }; }
  return { status: r.statusCode, body, headers: r.headers };
};
const brief = (r: { status: number; body: Json }) => ({ s: r.status, d: r.body.detail, e: r.body.errors, c: r.body.code });

beforeAll(async () => {
  t = await buildTestApp();
  fx = await createTestUsers(t.app);
  editor = await signIn(t.app, fx.users.editor.email);
  editor2 = await signIn(t.app, fx.users.admin.email);
  viewer = await signIn(t.app, fx.users.viewer.email);
  partner = await signIn(t.app, fx.users.partner.email);
  const steering = (await call('GET', '/api/v1/steering')).body;
  energyId = steering.strengthAreas.find((s: Json) => s.slug === 'hallbar-energi').id;
  digitalId = steering.strengthAreas.find((s: Json) => s.slug === 'digitala-losningar').id;
  const effort = async (title: string, visibility: string, owner?: string, values?: any[]) => {
    const r = await call('POST', '/api/v1/efforts', { cookie: editor, payload: {
      title, status: 'ongoing', visibility, ...(owner ? { ownerOrganisationId: owner } : {}),
      links: { strengthAreas: [energyId] },
      funding: [{ source: 'region', year: 2025, amountSek: 1_000_000, status: 'decided' }, { source: 'erdf', year: 2026, amountSek: 500_000, status: 'planned' }],
      indicators: [{ kind: 'output', name: `Ind ${title}`, unit: 'antal', target: 40, values: values ?? [{ period: '2024', actual: 10 }] }],
    } });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body;
  };
  pubEffort = await effort('Publik insats', 'published', undefined, [
    { period: '2025-09', actual: 9 }, { period: '2025-11', actual: 11 }, { period: '2025-12', actual: 12 }, { period: '2025-Q3', actual: 3 },
  ]);
  intEffort = await effort('Hemlig intern insats', 'internal', fx.orgB.id);
  orgAEffort = await effort('Org A intern insats', 'internal', fx.orgA.id);
  const db = t.database.db;
  const [m] = await db.insert(schema.s3Meetings).values({ regionCode: '23', title: 'Möte', heldOn: '2026-03-10', placeKind: 'digital', format: 'open_meeting' }).returning();
  const [mi] = await db.insert(schema.s3Meetings).values({ regionCode: '23', title: 'Internt möte', heldOn: '2026-03-11', placeKind: 'digital', format: 'workshop', visibility: 'internal' }).returning();
  const ins = await db.insert(schema.s3Inputs).values([
    { meetingId: m!.id, strengthAreaId: energyId, kind: 'need', text: 'Input 0', raisedByOrganisationId: fx.orgA.id },
    { meetingId: m!.id, strengthAreaId: energyId, kind: 'idea', text: 'Input 1' },
    { meetingId: mi!.id, strengthAreaId: energyId, kind: 'idea', text: 'Hemlig input från internt möte' },
    { meetingId: m!.id, strengthAreaId: energyId, kind: 'idea', text: 'Input 3' },
    { meetingId: m!.id, strengthAreaId: energyId, kind: 'idea', text: 'Input 4' },
  ]).returning({ id: schema.s3Inputs.id });
  inputIds = ins.map((i) => i.id);
  // another region
  await db.insert(schema.regions).values({ code: '99', name: 'Annan', authority: 'Region Annan' });
  const [oa] = await db.insert(schema.strengthAreas).values({ regionCode: '99', slug: 'hallbar-energi', position: 1, nameSv: 'Annan energi' }).returning();
  otherArea = oa!.id;
  const [oe] = await db.insert(schema.efforts).values({ regionCode: '99', title: 'Annan insats', status: 'ongoing', visibility: 'published' }).returning();
  otherEffort = oe!.id;
  const [om] = await db.insert(schema.s3Meetings).values({ regionCode: '99', title: 'Annat möte', heldOn: '2026-03-10', placeKind: 'digital', format: 'open_meeting' }).returning();
  const [oi] = await db.insert(schema.s3Inputs).values({ meetingId: om!.id, strengthAreaId: otherArea, kind: 'need', text: 'annan' }).returning();
  otherInput = oi!.id;
});
afterAll(async () => t?.close());

describe('review', () => {
  test('cross-region and wrong references', async () => {
    log('init other-region area', brief(await call('POST', '/api/v1/s3/initiatives', { cookie: editor, payload: { strengthAreaId: otherArea, title: 'x' } })));
    log('init other-region effort/input + digital input + dup', brief(await call('POST', '/api/v1/s3/initiatives', { cookie: editor, payload: { strengthAreaId: energyId, title: 'x', effortIds: [otherEffort, pubEffort.id, pubEffort.id], sourceInputIds: [otherInput] } })));
    log('init unknown subArea', brief(await call('POST', '/api/v1/s3/initiatives', { cookie: editor, payload: { strengthAreaId: energyId, subAreaId: '00000000-0000-4000-8000-000000000000', title: 'x' } })));
    log('logic other-region effortIndicator', brief(await call('POST', '/api/v1/s3/areas/hallbar-energi/logic-items', { cookie: editor, payload: { kind: 'result', description: 'x', effortIndicatorId: '00000000-0000-4000-8000-000000000000', indicatorId: 'no-such' } })));
    log('init dup effortIds ok', brief(await call('POST', '/api/v1/s3/initiatives', { cookie: editor, payload: { strengthAreaId: energyId, title: 'dup', effortIds: [pubEffort.id, pubEffort.id] } })));
  });

  test('nasty input', async () => {
    const cases: Array<[string, string, string, unknown, string?]> = [
      ['vision NUL', 'PATCH', '/api/v1/s3/areas/hallbar-energi/vision', { textSv: 'a\u0000b' }, '"0"'],
      ['vision textEn NUL', 'PATCH', '/api/v1/s3/areas/hallbar-energi/vision', { textSv: 'ok', textEn: 'a\u0000b' }, '"0"'],
      ['sub-area desc NUL', 'POST', '/api/v1/s3/areas/hallbar-energi/sub-areas', { name: 'n', description: 'a\u0000b' }],
      ['sub-area name NUL', 'POST', '/api/v1/s3/areas/hallbar-energi/sub-areas', { name: 'a\u0000b' }],
      ['initiative desc NUL', 'POST', '/api/v1/s3/initiatives', { strengthAreaId: energyId, title: 't', description: 'a\u0000', responsible: 'b\u0000' }],
      ['logic desc NUL', 'POST', '/api/v1/s3/areas/hallbar-energi/logic-items', { kind: 'result', description: 'a\u0000b' }],
      ['logic indicatorId NUL', 'POST', '/api/v1/s3/areas/hallbar-energi/logic-items', { kind: 'result', description: 'x', indicatorId: 'a\u0000b' }],
      ['step deliverable NUL', 'PUT', '/api/v1/s3/areas/hallbar-energi/steps/analysis', { status: 'ongoing', deliverables: [{ title: 'a\u0000b', url: null }] }, '"0"'],
      ['step note NUL', 'PUT', '/api/v1/s3/areas/hallbar-energi/steps/analysis', { status: 'ongoing', note: 'a\u0000b' }, '"0"'],
      ['vision wrong types', 'PATCH', '/api/v1/s3/areas/hallbar-energi/vision', { textSv: 5, isExample: 'yes' }, '"0"'],
      ['vision huge', 'PATCH', '/api/v1/s3/areas/hallbar-energi/vision', { textSv: 'x'.repeat(10_001) }, '"0"'],
      ['slug NUL vision', 'PATCH', '/api/v1/s3/areas/a%00b/vision', { textSv: 'x' }, '"0"'],
      ['if-match garbage', 'PATCH', '/api/v1/s3/areas/hallbar-energi/vision', { textSv: 'x' }, 'garbage'],
      ['if-match star', 'PATCH', '/api/v1/s3/areas/hallbar-energi/vision', { textSv: 'x' }, '*'],
      ['step unknown', 'PUT', '/api/v1/s3/areas/hallbar-energi/steps/nope', { status: 'ongoing' }, '"0"'],
      ['step date in year 0', 'PUT', '/api/v1/s3/areas/hallbar-energi/steps/governance', { status: 'not_started', startedOn: '0000-01-01' }, '"0"'],
      ['assessment wrong', 'POST', '/api/v1/s3/areas/hallbar-energi/assessments', { assessedOn: '2025-01-01', scores: [{ step: 'analysis', factor: 1.5, score: 9 }, { step: 'x', factor: 1, score: 1 }] }],
      ['assessment comment NUL', 'POST', '/api/v1/s3/areas/hallbar-energi/assessments', { assessedOn: '2025-01-01', assessedBy: 'a\u0000', scores: schema.s3StepKeys.flatMap((step) => [1, 2, 3].map((factor) => ({ step, factor, score: 3, comment: 'c\u0000' }))) }],
      ['assessment step NUL', 'POST', '/api/v1/s3/areas/hallbar-energi/assessments', { assessedOn: '2025-01-01', scores: [{ step: 'a\u0000', factor: 1, score: 1 }] }],
      ['init patch bad uuid', 'PATCH', '/api/v1/s3/initiatives/not-a-uuid', { title: 'x' }, '"1"'],
    ];
    for (const [label, method, url, payload, ifMatch] of cases) log(label, brief(await call(method, url, { cookie: editor, payload, ...(ifMatch ? { ifMatch } : {}) })));
    for (const url of ['/api/v1/s3/areas/a%00b', '/api/v1/s3/initiatives?area=a%00b', '/api/v1/s3/areas/a%00b/steps', '/api/v1/s3/areas/a%00b/assessments', '/api/v1/s3/areas/hallbar-energi/assessments/comparison?earlier=00000000-0000-4000-8000-000000000000', '/api/v1/s3/initiatives/nope', '/api/v1/s3/effort-indicators?effort=nope', `/api/v1/s3/areas/${'x'.repeat(200)}`])
      log(`GET ${url.slice(0, 60)}`, brief(await call('GET', url)));
    const r = await call('GET', '/api/v1/s3/areas/hallbar-energi/steps');
    log('steps after NUL attempts', r.body.items?.map((s: Json) => [s.step, s.version, s.deliverables]));
  });

  test('latest period value with months; effort indicator regenerated', async () => {
    const eis = (await call('GET', `/api/v1/s3/effort-indicators?effort=${pubEffort.id}`, { cookie: editor })).body.items;
    const li = await call('POST', '/api/v1/s3/areas/hallbar-energi/logic-items', { cookie: editor, payload: { kind: 'result', description: 'mätt', effortIndicatorId: eis[0].id, targetValue: 100, targetYear: 2030 } });
    log('logic item latest (expect 2025-12/12)', li.body.measure?.latest);
    // Edit the effort's indicator list (e.g. add a value) as the efforts part allows
    const eff = await call('GET', `/api/v1/efforts/${pubEffort.id}`, { cookie: editor });
    const p = await call('PATCH', `/api/v1/efforts/${pubEffort.id}`, { cookie: editor, ifMatch: eff.headers.etag as string, payload: { indicators: [{ kind: 'output', name: 'Ind Publik insats', unit: 'antal', target: 40, values: [{ period: '2026', actual: 50 }] }] } });
    log('effort patch', p.status);
    const area = await call('GET', '/api/v1/s3/areas/hallbar-energi', { cookie: editor });
    const item = area.body.logic.results.find((x: Json) => x.id === li.body.id);
    log('logic item after effort indicator edit', { effortIndicatorId: item?.effortIndicatorId, measure: item?.measure, version: item?.version });
    const audits = await t.database.db.select().from(schema.auditEvents).where(and(eq(schema.auditEvents.entityType, 's3_logic_item'), eq(schema.auditEvents.entityId, li.body.id)));
    log('logic item audits', audits.map((a) => a.action));
  });

  test('leaks', async () => {
    // initiative linked to internal efforts, logic item measured by internal effort indicator, input from internal meeting
    const c = await call('POST', '/api/v1/s3/initiatives', { cookie: editor, payload: { strengthAreaId: energyId, title: 'Läckage', effortIds: [intEffort.id, orgAEffort.id, pubEffort.id], sourceInputIds: [inputIds[0], inputIds[2]] } });
    log('create', brief(c));
    const eis = (await call('GET', `/api/v1/s3/effort-indicators?effort=${intEffort.id}`, { cookie: editor })).body.items;
    const li = await call('POST', '/api/v1/s3/areas/hallbar-energi/logic-items', { cookie: editor, payload: { kind: 'output', initiativeId: c.body.id, description: 'internal measured', effortIndicatorId: eis[0].id } });
    log('li', li.status);
    for (const [who, cookie] of [['anon', undefined], ['partner', partner], ['viewer', viewer]] as const) {
      const opt = cookie ? { cookie } : {};
      const a = await call('GET', '/api/v1/s3/areas/hallbar-energi', opt);
      const txt = JSON.stringify(a.body);
      log(`${who} area`, { hemlig: txt.includes('Hemlig'), orgA: txt.includes('Org A'), eiId: txt.includes(eis[0].id), intId: txt.includes(intEffort.id), money: a.body.money?.totals, effs: a.body.money?.efforts?.map((e: Json) => e.title) });
      const ov = await call('GET', '/api/v1/s3/areas', opt);
      log(`${who} overview counts`, ov.body.items?.find((x: Json) => x.slug === 'hallbar-energi')?.counts);
      const i = await call('GET', `/api/v1/s3/initiatives/${c.body.id}`, opt);
      log(`${who} initiative`, { efforts: i.body.efforts?.map((e: Json) => e.title), inputs: i.body.sourceInputs?.map((x: Json) => x.text) });
      const csv = await t.app.inject({ method: 'GET', url: '/api/v1/s3/initiatives?format=csv', headers: cookie ? { cookie } : {} });
      log(`${who} csv`, { s: csv.statusCode, hemlig: csv.body.includes('Hemlig'), orgA: csv.body.includes('Org A') });
      const ei = await call('GET', `/api/v1/s3/effort-indicators?effort=${intEffort.id}`, opt);
      log(`${who} effort-indicators internal`, ei.body.items?.length);
    }
  });

  test('permissions', async () => {
    const urls: Array<[string, string, unknown, string?]> = [
      ['PATCH', '/api/v1/s3/areas/hallbar-energi/vision', { textSv: 'x' }, '"0"'],
      ['POST', '/api/v1/s3/areas/hallbar-energi/sub-areas', { name: 'x' }],
      ['POST', '/api/v1/s3/initiatives', { strengthAreaId: energyId, title: 'x' }],
      ['POST', '/api/v1/s3/areas/hallbar-energi/logic-items', { kind: 'result', description: 'x' }],
      ['PUT', '/api/v1/s3/areas/hallbar-energi/steps/analysis', { status: 'ongoing' }, '"0"'],
      ['POST', '/api/v1/s3/areas/hallbar-energi/assessments', { assessedOn: '2025-01-01', scores: [] }],
      ['DELETE', '/api/v1/s3/assessments/00000000-0000-4000-8000-000000000000', undefined],
    ];
    for (const [m, u, p, im] of urls) {
      const res = [];
      for (const ck of [undefined, partner, viewer]) res.push((await call(m, u, { ...(ck ? { cookie: ck } : {}), payload: p, ...(im ? { ifMatch: im } : {}) })).status);
      log(`perm ${m} ${u.slice(10, 60)}`, res);
    }
  });

  test('empty patches and deletes', async () => {
    const sub = await call('POST', '/api/v1/s3/areas/hallbar-energi/sub-areas', { cookie: editor, payload: { name: 'Del' } });
    const ini = await call('POST', '/api/v1/s3/initiatives', { cookie: editor, payload: { strengthAreaId: energyId, subAreaId: sub.body.id, title: 'Med delområde' } });
    const out = await call('POST', '/api/v1/s3/areas/hallbar-energi/logic-items', { cookie: editor, payload: { kind: 'output', initiativeId: ini.body.id, description: 'Output med mål', targetValue: 5, targetYear: 2027 } });
    log('empty patch sub', (await call('PATCH', `/api/v1/s3/sub-areas/${sub.body.id}`, { cookie: editor, payload: {}, ifMatch: '"1"' })).body.version);
    log('empty patch ini', (await call('PATCH', `/api/v1/s3/initiatives/${ini.body.id}`, { cookie: editor, payload: {}, ifMatch: '"1"' })).body.version);
    log('empty patch li', (await call('PATCH', `/api/v1/s3/logic-items/${out.body.id}`, { cookie: editor, payload: {}, ifMatch: '"1"' })).body.version);
    log('empty patch li no if-match', (await call('PATCH', `/api/v1/s3/logic-items/${out.body.id}`, { cookie: editor, payload: {} })).status);
    log('empty vision patch on new area', brief(await call('PATCH', '/api/v1/s3/areas/upplevelser/vision', { cookie: editor, payload: {}, ifMatch: '"0"' })));
    log('upplevelser vision after', (await call('GET', '/api/v1/s3/areas/upplevelser')).body.vision);
    // delete sub-area -> initiative loses sub-area
    log('del sub', (await call('DELETE', `/api/v1/s3/sub-areas/${sub.body.id}`, { cookie: editor, ifMatch: '"1"' })).status);
    const after = await call('GET', `/api/v1/s3/initiatives/${ini.body.id}`);
    log('ini after sub delete', { subArea: after.body.subArea, version: after.body.version });
    const iaud = await t.database.db.select().from(schema.auditEvents).where(and(eq(schema.auditEvents.entityType, 's3_initiative'), eq(schema.auditEvents.entityId, ini.body.id)));
    log('ini audits', iaud.map((a) => a.action));
    // delete initiative -> output gone
    const d = await call('DELETE', `/api/v1/s3/initiatives/${ini.body.id}`, { cookie: editor, ifMatch: `"${after.body.version}"` });
    log('del ini', d.status);
    const rows = await t.database.db.select().from(schema.s3LogicItems).where(eq(schema.s3LogicItems.id, out.body.id));
    const laud = await t.database.db.select().from(schema.auditEvents).where(and(eq(schema.auditEvents.entityType, 's3_logic_item'), eq(schema.auditEvents.entityId, out.body.id)));
    log('output after initiative delete', { rows: rows.length, audits: laud.map((a) => a.action) });
    const daud = await t.database.db.select().from(schema.auditEvents).where(and(eq(schema.auditEvents.entityType, 's3_initiative'), eq(schema.auditEvents.entityId, ini.body.id), eq(schema.auditEvents.action, 'delete')));
    log('ini delete audit mentions output', JSON.stringify(daud[0]?.before ?? null).includes('Output med mål'));
  });

  test('races', async () => {
    const [a, b] = await Promise.all([
      call('POST', '/api/v1/s3/initiatives', { cookie: editor, payload: { strengthAreaId: energyId, title: 'Race A', sourceInputIds: [inputIds[3]] } }),
      call('POST', '/api/v1/s3/initiatives', { cookie: editor2, payload: { strengthAreaId: energyId, title: 'Race B', sourceInputIds: [inputIds[3]] } }),
    ]);
    log('race create', [brief(a), brief(b)]);
    const [inp] = await t.database.db.select().from(schema.s3Inputs).where(eq(schema.s3Inputs.id, inputIds[3]!));
    log('input now', { initiativeId: inp?.initiativeId, a: a.body.id, b: b.body.id, aSrc: a.body.sourceInputs?.length, bSrc: b.body.sourceInputs?.length });
    const audits = await t.database.db.select().from(schema.auditEvents).where(and(eq(schema.auditEvents.entityType, 's3_input'), eq(schema.auditEvents.entityId, inputIds[3]!)));
    log('input audits', audits.map((x) => [x.before, x.after]));
    // race: PATCH two initiatives to take the same input
    const i1 = await call('POST', '/api/v1/s3/initiatives', { cookie: editor, payload: { strengthAreaId: energyId, title: 'P1' } });
    const i2 = await call('POST', '/api/v1/s3/initiatives', { cookie: editor, payload: { strengthAreaId: energyId, title: 'P2' } });
    const [p1, p2] = await Promise.all([
      call('PATCH', `/api/v1/s3/initiatives/${i1.body.id}`, { cookie: editor, ifMatch: '"1"', payload: { sourceInputIds: [inputIds[4]] } }),
      call('PATCH', `/api/v1/s3/initiatives/${i2.body.id}`, { cookie: editor2, ifMatch: '"1"', payload: { sourceInputIds: [inputIds[4]] } }),
    ]);
    log('race patch', [brief(p1), brief(p2)]);
    // vision race
    const vs = await Promise.all([1, 2, 3].map((n) => call('PATCH', '/api/v1/s3/areas/jord-skog-och-vatten/vision', { cookie: n % 2 ? editor : editor2, ifMatch: '"0"', payload: { textSv: `v${n}` } })));
    log('race vision create', vs.map(brief));
    const ss = await Promise.all([1, 2, 3].map((n) => call('PUT', '/api/v1/s3/areas/jord-skog-och-vatten/steps/analysis', { cookie: n % 2 ? editor : editor2, ifMatch: '"0"', payload: { status: 'ongoing', note: `n${n}` } })));
    log('race step create', ss.map(brief));
  });

  test('assessments and mean', async () => {
    const scores = (v: number) => schema.s3StepKeys.flatMap((step) => [1, 2, 3].map((factor) => ({ step, factor, score: factor === 1 ? v : 3 })));
    const a1 = await call('POST', '/api/v1/s3/areas/digitala-losningar/assessments', { cookie: editor, payload: { assessedOn: '2025-01-01', scores: scores(2) } });
    const a2 = await call('POST', '/api/v1/s3/areas/digitala-losningar/assessments', { cookie: editor, payload: { assessedOn: '2025-06-01', scores: scores(5) } });
    log('assess', [a1.status, a2.status, a2.body.means?.overall]);
    const ov = (await call('GET', '/api/v1/s3/areas')).body.items.find((x: Json) => x.slug === 'digitala-losningar');
    log('overview latest', ov.latestAssessment);
    const cmp = await call('GET', `/api/v1/s3/areas/digitala-losningar/assessments/comparison?earlier=${a2.body.id}`);
    log('compare with itself', { s: cmp.status, overall: cmp.body.overall });
    const del = await call('DELETE', `/api/v1/s3/assessments/${a1.body.id}`, { cookie: editor });
    log('delete assessment no if-match', del.status);
  });
});
