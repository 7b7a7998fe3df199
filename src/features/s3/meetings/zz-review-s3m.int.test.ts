import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as schema from '../../../db/schema.ts';
import { todayInSweden } from '../../../shared/dates.ts';
import { buildTestApp } from '../../../test/test-database.ts';
import { createTestUsers, signIn, type TestUsers } from '../../../test/test-users.ts';
import { registrationConsent } from './consent.ts';
import { daysBefore } from './meeting-rules.ts';

let t: Awaited<ReturnType<typeof buildTestApp>>;
let fx: TestUsers;
let editor: string; let viewer: string; let partner: string;
const area: Record<string, { id: string; slug: string }> = {};
type Json = Record<string, any>;
const call = async (method: any, url: string, o: { cookie?: string; payload?: unknown; ifMatch?: string; ip?: string } = {}) => {
  const r = await t.app.inject({ method, url, headers: { ...(o.cookie ? { cookie: o.cookie } : {}), ...(o.ifMatch ? { 'if-match': o.ifMatch } : {}) }, ...(o.ip ? { remoteAddress: o.ip } : {}), ...(o.payload !== undefined ? { payload: o.payload as object } : {}) });
  let body: Json = {}; try { body = r.body ? JSON.parse(r.body) : {}; } catch { body = { text: r.body }; }
  return { status: r.statusCode, body, r };
};
const today = todayInSweden();
const inDays = (d: number) => daysBefore(today, -d);
const log = (...a: unknown[]) => console.log('[REVIEW]', ...a);
const mp = (o: Json = {}) => ({ title: 'Möte', heldOn: inDays(30), startsAt: '09:00', endsAt: '12:00', placeKind: 'municipality', areaCode: '2380', venue: 'Campus', format: 'open_meeting', strengthAreaIds: [area['hallbar-energi']?.id], organisationIds: [fx.orgA.id, fx.orgPublished.id], registrationOpen: true, visibility: 'published', ...o });

beforeAll(async () => {
  t = await buildTestApp(); fx = await createTestUsers(t.app);
  editor = await signIn(t.app, fx.users.editor.email); viewer = await signIn(t.app, fx.users.viewer.email); partner = await signIn(t.app, fx.users.partner.email);
  for (const r of await t.database.db.select({ id: schema.strengthAreas.id, slug: schema.strengthAreas.slug }).from(schema.strengthAreas)) area[r.slug] = r;
});
afterAll(async () => t?.close());

describe('review', () => {
  test('probe', async () => {
    // internal meeting with input raised by partner's org
    const internal = await call('POST', '/api/v1/s3/meetings', { cookie: editor, payload: mp({ title: 'HEMLIGT internt möte', visibility: 'internal' }) });
    log('create internal', internal.status);
    const inp = await call('POST', `/api/v1/s3/meetings/${internal.body.id}/inputs`, { cookie: editor, payload: { strengthAreaId: area['hallbar-energi']?.id, kind: 'need', text: 'behov', raisedByOrganisationId: fx.orgA.id } });
    log('input on internal', inp.status);
    const pin = await call('GET', '/api/v1/s3/inputs', { cookie: partner });
    log('partner /inputs sees internal meeting title?', pin.status, JSON.stringify(pin.body.items?.map((i: Json) => i.meetingTitle)));
    const pin1 = await call('GET', `/api/v1/s3/inputs/${inp.body.id}`, { cookie: partner });
    log('partner /inputs/:id', pin1.status, pin1.body.meetingTitle);
    const pcsv = await call('GET', '/api/v1/s3/inputs?format=csv', { cookie: partner });
    log('partner inputs csv', pcsv.status, pcsv.r.body.slice(0, 400));
    // anonymous on internal meeting
    for (const u of [`/api/v1/s3/meetings/${internal.body.id}`, `/api/v1/s3/meetings/${internal.body.id}/calendar.ics`]) {
      const a = await call('GET', u); log('anon', u, a.status);
    }
    const anonList = await call('GET', '/api/v1/s3/meetings?format=csv'); log('anon csv contains HEMLIGT?', anonList.r.body.includes('HEMLIGT'));
    const anonIcs = await call('GET', '/api/v1/s3/meetings.ics'); log('anon ics contains HEMLIGT?', anonIcs.r.body.includes('HEMLIGT'));
    // register for internal
    const regI = await call('POST', `/api/v1/s3/meetings/${internal.body.id}/registrations`, { payload: { name: 'A', email: 'a@b.se', consent: true, consentVersion: registrationConsent.version } });
    log('register internal', regI.status, regI.body.code);
    const regIh = await call('POST', `/api/v1/s3/meetings/${internal.body.id}/registrations`, { payload: { name: 'A', email: 'a@b.se', consent: true, consentVersion: registrationConsent.version, website: 'x' } });
    log('register internal honeypot', regIh.status);
    // published meeting
    const pub = await call('POST', '/api/v1/s3/meetings', { cookie: editor, payload: mp({ title: '=HYPERLINK("http://evil")\r\nX-Injected: yes', venue: 'Sal 1\r\nATTENDEE:mailto:evil@x.se\nEND:VEVENT', agenda: 'Rad1\r\nBEGIN:VALARM' }) });
    log('create with CRLF title', pub.status, JSON.stringify(pub.body.errors ?? ''));
    const pub2 = await call('POST', '/api/v1/s3/meetings', { cookie: editor, payload: mp({ title: '=HYPERLINK("http://evil")', venue: 'Sal 1\r\nATTENDEE:mailto:evil@x.se\nEND:VEVENT', agenda: 'Rad1\r\nBEGIN:VALARM;X' , heldOn: '2026-03-29', startsAt: '02:30', endsAt: '03:30'}) });
    log('create pub2', pub2.status, JSON.stringify(pub2.body.errors ?? ''));
    const ics = await call('GET', `/api/v1/s3/meetings/${pub2.body.id}/calendar.ics`);
    log('ics', ics.status, ics.r.headers['content-disposition'], '\n' + ics.r.body);
    const pub3 = await call('POST', '/api/v1/s3/meetings', { cookie: editor, payload: mp({ title: 'Heldag', startsAt: null, endsAt: null, heldOn: inDays(10) }) });
    const ics3 = await call('GET', `/api/v1/s3/meetings/${pub3.body.id}/calendar.ics`);
    log('allday ics', pub3.body.heldOn, ics3.r.body.split('\n').filter((l) => l.startsWith('DT')).join(' | '));
    const pub4 = await call('POST', '/api/v1/s3/meetings', { cookie: editor, payload: mp({ title: 'Sommar', heldOn: '2026-07-01', startsAt: '09:00', endsAt: '10:00' }) });
    const ics4 = await call('GET', `/api/v1/s3/meetings/${pub4.body.id}/calendar.ics`);
    log('summer ics', ics4.r.body.split('\n').filter((l) => l.startsWith('DT')).join(' | '));
    const csv = await call('GET', '/api/v1/s3/meetings?format=csv', { cookie: editor });
    log('csv', csv.r.body.split('\n').filter((l) => l.includes('HYPERLINK') || l.includes('Sal 1')).join('\n---\n'));
    // anonymous detail of published: organisations
    const anonDet = await call('GET', `/api/v1/s3/meetings/${pub3.body.id}`);
    log('anon detail orgs', JSON.stringify(anonDet.body.organisations), 'notes', anonDet.body.notes, 'inputs', anonDet.body.inputs, 'regCount', anonDet.body.registrationCount, 'inputCount', anonDet.body.inputCount);
    const partDet = await call('GET', `/api/v1/s3/meetings/${pub3.body.id}`, { cookie: partner });
    log('partner detail', JSON.stringify(partDet.body.organisations), partDet.body.inputCount, JSON.stringify(partDet.body.inputs));
    // registration abuse
    const reg = (p: Json, ip = '10.0.0.1', id = pub3.body.id) => call('POST', `/api/v1/s3/meetings/${id}/registrations`, { payload: { name: 'Anna', email: 'anna@example.se', consent: true, consentVersion: registrationConsent.version, ...p }, ip });
    log('reg ok', (await reg({})).status);
    log('reg dup upper', (await reg({ email: 'ANNA@example.se' }, '10.0.0.2')).status);
    log('reg NUL name', JSON.stringify((await reg({ name: 'A\u0000B' }, '10.0.0.3')).body).slice(0, 200));
    log('reg NUL org', JSON.stringify((await reg({ organisation: 'A\u0000B', email: 'x1@e.se' }, '10.0.0.4')).body).slice(0, 200));
    log('reg NUL email', JSON.stringify((await reg({ email: 'x\u0000@e.se' }, '10.0.0.5')).body).slice(0, 200));
    log('reg huge name', (await reg({ name: 'A'.repeat(100000) }, '10.0.0.6')).status);
    log('reg no consent', JSON.stringify((await reg({ consent: false, name: '', email: 'bad' }, '10.0.0.7')).body.errors));
    log('reg wrong consentVersion', (await reg({ consentVersion: 'x', email: 'y@e.se' }, '10.0.0.8')).status);
    log('reg formula name', (await reg({ name: '=cmd|"/c calc"!A1', organisation: '@SUM(1)', email: 'f@e.se' }, '10.0.0.9')).status);
    log('reg bad id', (await reg({}, '10.0.0.10', 'not-a-uuid')).status);
    log('reg unknown id', (await reg({}, '10.0.0.11', '00000000-0000-4000-8000-000000000000')).status);
    const past = await call('POST', '/api/v1/s3/meetings', { cookie: editor, payload: mp({ title: 'Förr', heldOn: inDays(-3) }) });
    log('reg past', JSON.stringify((await reg({}, '10.0.0.12', past.body.id)).body.code));
    const closed = await call('POST', '/api/v1/s3/meetings', { cookie: editor, payload: mp({ title: 'Stängd', registrationOpen: false }) });
    log('reg closed', JSON.stringify((await reg({}, '10.0.0.13', closed.body.id)).body.code));
    // rate limit
    const codes: number[] = [];
    for (let i = 0; i < 12; i++) codes.push((await reg({ email: `r${i}@e.se` }, '10.9.9.9')).status);
    log('rate', codes.join(','));
    // XFF spoof
    const codes2: number[] = [];
    for (let i = 0; i < 3; i++) { const r = await t.app.inject({ method: 'POST', url: `/api/v1/s3/meetings/${pub3.body.id}/registrations`, headers: { 'x-forwarded-for': `1.2.3.${i}` }, remoteAddress: '10.9.9.9', payload: { name: 'A', email: `xf${i}@e.se`, consent: true, consentVersion: registrationConsent.version } }); codes2.push(r.statusCode); }
    log('xff', codes2.join(','));
    const regs = await call('GET', `/api/v1/s3/meetings/${pub3.body.id}/registrations?format=csv`, { cookie: editor });
    log('regs csv', regs.r.body);
    log('regs viewer', (await call('GET', `/api/v1/s3/meetings/${pub3.body.id}/registrations`, { cookie: viewer })).status, 'anon', (await call('GET', `/api/v1/s3/meetings/${pub3.body.id}/registrations`)).status, 'partner', (await call('GET', `/api/v1/s3/meetings/${pub3.body.id}/registrations`, { cookie: partner })).status);
    log('del reg anon', (await call('DELETE', `/api/v1/s3/registrations/00000000-0000-4000-8000-000000000000`)).status, 'viewer', (await call('DELETE', `/api/v1/s3/registrations/00000000-0000-4000-8000-000000000000`, { cookie: viewer })).status);
    // nasty meeting input
    const bad = await call('POST', '/api/v1/s3/meetings', { cookie: editor, payload: mp({ title: '', heldOn: '2026-02-30', startsAt: '25:00', endsAt: '9', areaCode: 'x'.repeat(21), strengthAreaIds: ['00000000-0000-4000-8000-000000000000'], organisationIds: ['00000000-0000-4000-8000-000000000001'], countWomen: -1 }) });
    log('bad meeting', bad.status, JSON.stringify(bad.body.errors));
    const bad2 = await call('POST', '/api/v1/s3/meetings', { cookie: editor, payload: mp({ areaCode: '9999', strengthAreaIds: ['00000000-0000-4000-8000-000000000000'], organisationIds: ['00000000-0000-4000-8000-000000000001'], startsAt: '12:00', endsAt: '10:00' }) });
    log('bad refs', bad2.status, JSON.stringify(bad2.body.errors));
    const nul = await call('POST', '/api/v1/s3/meetings', { cookie: editor, payload: mp({ venue: 'a\u0000b', agenda: 'x\u0000' }) });
    log('NUL venue', nul.status, JSON.stringify(nul.body.errors), nul.body.detail);
    const nulInp = await call('POST', `/api/v1/s3/meetings/${pub3.body.id}/inputs`, { cookie: editor, payload: { strengthAreaId: area['hallbar-energi']?.id, kind: 'need', text: 'a\u0000b' } });
    log('NUL input', nulInp.status, nulInp.body.detail);
    const heldBig = await call('POST', '/api/v1/s3/meetings', { cookie: editor, payload: mp({ heldOn: '0001-01-01' }) });
    log('heldOn 0001', heldBig.status);
    const heldBig2 = await call('POST', '/api/v1/s3/meetings', { cookie: editor, payload: mp({ heldOn: '9999-12-31' }) });
    log('heldOn 9999', heldBig2.status);
    const icsAll = await call('GET', '/api/v1/s3/meetings.ics?area=%0d%0a');
    log('ics bad area', icsAll.status);
    const list = await call('GET', '/api/v1/s3/meetings?from=2026-13-01'); log('list bad from', list.status);
    // PATCH semantics
    const g = await call('GET', `/api/v1/s3/meetings/${pub3.body.id}`, { cookie: editor });
    log('patch no if-match', (await call('PATCH', `/api/v1/s3/meetings/${pub3.body.id}`, { cookie: editor, payload: { title: 'x' } })).status);
    log('patch stale', (await call('PATCH', `/api/v1/s3/meetings/${pub3.body.id}`, { cookie: editor, payload: { title: 'x' }, ifMatch: '"99"' })).status);
    const e = await call('PATCH', `/api/v1/s3/meetings/${pub3.body.id}`, { cookie: editor, payload: {}, ifMatch: g.r.headers.etag as string });
    log('empty patch', e.status, e.body.version);
    const same = await call('PATCH', `/api/v1/s3/meetings/${pub3.body.id}`, { cookie: editor, payload: { title: g.body.title }, ifMatch: g.r.headers.etag as string });
    log('same-value patch', same.status, same.body.version);
    const dig = await call('PATCH', `/api/v1/s3/meetings/${pub3.body.id}`, { cookie: editor, payload: { placeKind: 'digital', areaCode: '' }, ifMatch: same.r.headers.etag as string });
    log('to digital areaCode ""', dig.status, JSON.stringify(dig.body.errors));
    log('patch partner', (await call('PATCH', `/api/v1/s3/meetings/${pub3.body.id}`, { cookie: partner, payload: { title: 'x' }, ifMatch: '"1"' })).status, 'anon', (await call('PATCH', `/api/v1/s3/meetings/${pub3.body.id}`, { payload: { title: 'x' }, ifMatch: '"1"' })).status);
    // input status
    const i2 = await call('POST', `/api/v1/s3/meetings/${pub3.body.id}/inputs`, { cookie: editor, payload: { strengthAreaId: area['hallbar-energi']?.id, kind: 'need', text: 'x', raisedByOrganisationId: '00000000-0000-4000-8000-000000000001' } });
    log('input unknown org', i2.status, JSON.stringify(i2.body.errors));
    const i3 = await call('POST', `/api/v1/s3/meetings/${pub3.body.id}/inputs`, { cookie: editor, payload: { strengthAreaId: area['hallbar-energi']?.id, kind: 'need', text: 'x' } });
    const nt = await call('PATCH', `/api/v1/s3/inputs/${i3.body.id}`, { cookie: editor, payload: { status: 'not_taken', statusReason: '   ' }, ifMatch: '"1"' });
    log('not_taken blank', nt.status, JSON.stringify(nt.body.errors));
    const nt2 = await call('PATCH', `/api/v1/s3/inputs/${i3.body.id}`, { cookie: editor, payload: { status: 'in_action_plan', initiativeId: '00000000-0000-4000-8000-000000000001', kind: 'bogus' }, ifMatch: '"1"' });
    log('in_plan unknown + bad kind', nt2.status, JSON.stringify(nt2.body.errors));
    log('input stale', (await call('PATCH', `/api/v1/s3/inputs/${i3.body.id}`, { cookie: editor, payload: { text: 'y' }, ifMatch: '"7"' })).status, 'no match', (await call('PATCH', `/api/v1/s3/inputs/${i3.body.id}`, { cookie: editor, payload: { text: 'y' } })).status);
    // delete meeting with input
    const gm = await call('GET', `/api/v1/s3/meetings/${pub3.body.id}`, { cookie: editor });
    const dm = await call('DELETE', `/api/v1/s3/meetings/${pub3.body.id}`, { cookie: editor, ifMatch: gm.r.headers.etag as string });
    log('delete with input', dm.status, dm.body.code);
    // registrations count after purge? past meeting with old registrations
    const aud = await t.database.db.select().from(schema.auditEvents).where(eq(schema.auditEvents.entityType, 's3_registration'));
    log('reg audit rows', aud.length, JSON.stringify(aud[0]?.after));
    // meeting date list ordering / inputCount for partner
    const pl = await call('GET', '/api/v1/s3/meetings', { cookie: partner });
    log('partner list inputCount', JSON.stringify(pl.body.items.map((m: Json) => [m.title, m.inputCount, m.visibility])));
    const pxl = await call('GET', '/api/v1/s3/meetings?format=csv', { cookie: partner }); log('partner csv header', pxl.r.body.split('\n')[0]);
  }, 60000);
});
