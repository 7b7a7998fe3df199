/** The actor register: validation, Swedish sorting, optimistic locking, removal. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildTestApp } from '../../test/test-database.ts';
import { createTestUsers, signIn, type TestUsers } from '../../test/test-users.ts';

let t: Awaited<ReturnType<typeof buildTestApp>>;
let fx: TestUsers;
let editor: string;
beforeAll(async () => {
  t = await buildTestApp();
  fx = await createTestUsers(t.app);
  editor = await signIn(t.app, fx.users.editor.email);
});
afterAll(async () => t?.close());

const post = (payload: object) =>
  t.app.inject({ method: 'POST', url: '/api/v1/actors', headers: { cookie: editor }, payload });

describe('organisations', () => {
  test('names with å, ä, ö sort the Swedish way and injection strings are stored as text', async () => {
    for (const name of [
      'Östersunds kommun',
      'Åre kommun',
      'Ägarföreningen',
      'Zeta AB',
      "Robert'); DROP TABLE organisations;--",
    ]) {
      expect((await post({ name, kind: 'other', level: 'local', visibility: 'published' })).statusCode).toBe(
        201,
      );
    }
    const names = (await t.app.inject({ url: '/api/v1/actors?limit=500' }))
      .json()
      .items.map((o: { name: string }) => o.name);
    const order = ['Zeta AB', 'Åre kommun', 'Ägarföreningen', 'Östersunds kommun'].map((n) =>
      names.indexOf(n),
    );
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(names).toContain("Robert'); DROP TABLE organisations;--");
  });

  test('search matches part of the name; % and _ are literal', async () => {
    const hits = await t.app.inject({ url: `/api/v1/actors?q=${encodeURIComponent('åre')}` });
    expect(hits.json().items.map((o: { name: string }) => o.name)).toContain('Åre kommun');
    expect((await t.app.inject({ url: '/api/v1/actors?q=%25' })).json().total).toBe(0);
  });

  test('organisationsnummer is checked and normalised; area must be a municipality or sameby of the region', async () => {
    const ok = await post({
      name: 'Region Jämtland Härjedalen',
      kind: 'region',
      level: 'regional',
      organisationNumber: '232100 0214',
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().organisationNumber).toBe('232100-0214');
    const badCheck = await post({
      name: 'Fel kontrollsiffra',
      kind: 'company',
      level: 'local',
      organisationNumber: '232100-0215',
    });
    expect(badCheck.statusCode).toBe(400);
    expect(badCheck.json().errors[0].field).toBe('body.organisationNumber');
    const county = await post({ name: 'Länet', kind: 'other', level: 'regional', areaCode: '23' });
    expect(county.statusCode).toBe(400);
    const otherRegion = await post({
      name: 'Stockholm',
      kind: 'municipality',
      level: 'local',
      areaCode: '0180',
    });
    expect(otherRegion.statusCode).toBe(400);
    const sameby = await post({
      name: 'Samebyns förening',
      kind: 'sami_organisation',
      level: 'local',
      areaCode: 'sameby-voernese',
    });
    expect(sameby.statusCode, sameby.body).toBe(201);
  });

  test('website must be http(s); huge and empty names are refused', async () => {
    const js = await post({ name: 'Skript', kind: 'other', level: 'local', website: 'javascript:alert(1)' });
    expect(js.statusCode).toBe(400);
    expect((await post({ name: '   ', kind: 'other', level: 'local' })).statusCode).toBe(400);
    expect((await post({ name: 'x'.repeat(201), kind: 'other', level: 'local' })).statusCode).toBe(400);
  });

  test('duplicate names in the region are a 409 problem', async () => {
    const dup = await post({ name: 'Åre kommun', kind: 'municipality', level: 'local' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('DUPLICATE_NAME');
  });

  test('two editors saving the same version: the second gets 412 and the first change is kept', async () => {
    const created = (await post({ name: 'Låst AB', kind: 'company', level: 'local' })).json();
    const get = await t.app.inject({
      url: `/api/v1/actors/${created.id}`,
      headers: { cookie: editor },
    });
    expect(get.headers.etag).toBe('"1"');
    const change = (description: string) =>
      t.app.inject({
        method: 'PATCH',
        url: `/api/v1/actors/${created.id}`,
        headers: { cookie: editor, 'if-match': get.headers.etag as string },
        payload: { description },
      });
    const first = await change('Första');
    expect(first.statusCode).toBe(200);
    expect(first.headers.etag).toBe('"2"');
    const second = await change('Andra');
    expect(second.statusCode).toBe(412);
    const now = await t.app.inject({
      url: `/api/v1/actors/${created.id}`,
      headers: { cookie: editor },
    });
    expect(now.json().description).toBe('Första');
  });

  test('an organisation a partner belongs to cannot be removed (409); others can', async () => {
    const inUse = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/actors/${fx.orgA.id}`,
      headers: { cookie: editor, 'if-match': `"${fx.orgA.version}"` },
    });
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json().code).toBe('IN_USE');
    const created = (await post({ name: 'Tillfällig', kind: 'other', level: 'local' })).json();
    const removed = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/actors/${created.id}`,
      headers: { cookie: editor, 'if-match': '"1"' },
    });
    expect(removed.statusCode).toBe(204);
    expect(
      (await t.app.inject({ url: `/api/v1/actors/${created.id}`, headers: { cookie: editor } })).statusCode,
    ).toBe(404);
  });
});
