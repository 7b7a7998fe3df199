/** The effort register through the API, on PGlite and PostgreSQL. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildTestApp } from '../../test/test-database.ts';
import { createTestUsers, signIn, type TestUsers } from '../../test/test-users.ts';

let t: Awaited<ReturnType<typeof buildTestApp>>;
let fx: TestUsers;
let editor: string;
let partner: string;
let steering: { priorities: Array<{ id: string }>; strengthAreas: Array<{ id: string }> };

beforeAll(async () => {
  t = await buildTestApp();
  fx = await createTestUsers(t.app);
  editor = await signIn(t.app, fx.users.editor.email);
  partner = await signIn(t.app, fx.users.partner.email);
  steering = (await t.app.inject({ url: '/api/v1/steering' })).json();
});
afterAll(async () => t?.close());

const realisticEffort = () => ({
  title: 'Hållbar besöksnäring i fjällen',
  summary: 'Utveckling av året-runt-turism i västra Jämtland.',
  description:
    'Insatsen stärker besöksnäringens företag med kompetensutveckling och gemensam marknadsföring.',
  diarienummer: `RUN/${Math.floor(Math.random() * 1e6)}/2026`,
  status: 'ongoing',
  startDate: '2026-01-01',
  endDate: '2028-12-31',
  ownerOrganisationId: fx.orgA.id,
  targetGroups: ['Små företag', 'Unga vuxna'],
  visibility: 'published',
  partners: [
    { organisationId: fx.orgB.id, role: 'implementer' },
    { organisationId: fx.orgPublished.id, role: 'co_financer' },
  ],
  funding: [
    { source: 'regional_development_1_1', year: 2026, amountSek: 1_500_000, status: 'decided' },
    {
      source: 'erdf',
      financierOrganisationId: fx.orgPublished.id,
      year: 2026,
      amountSek: 2_250_000,
      status: 'decided',
    },
    { source: 'erdf', year: 2027, amountSek: 2_000_000, status: 'planned' },
  ],
  reach: {
    wholeCounty: false,
    municipalities: [
      { areaCode: '2321', share: 50 },
      { areaCode: '2313', share: 30 },
      { areaCode: '2380', share: 20 },
    ],
    samebyar: ['sameby-voernese'],
  },
  links: {
    priorities: [steering.priorities[0]?.id],
    strengthAreas: [steering.strengthAreas[0]?.id],
    nationalAreas: [2],
    sdgTargets: ['8.9', '12.b'],
  },
  assessments: [
    { dimension: 'economic', score: 2, rationale: 'Fler arbetstillfällen året runt' },
    { dimension: 'environmental', score: -1, rationale: 'Fler resor till fjällen' },
    { dimension: 'sami_conditions', score: 0 },
  ],
  indicators: [
    {
      kind: 'output',
      name: 'Företag som deltar',
      unit: 'antal',
      baseline: 0,
      target: 40,
      values: [
        { period: '2026', sex: 'total', actual: 18 },
        { period: '2026', sex: 'total', areaCode: '2321', actual: 11 },
      ],
    },
  ],
});

const post = (cookie: string, payload: object) =>
  t.app.inject({ method: 'POST', url: '/api/v1/efforts', headers: { cookie }, payload });

describe('registering an effort', () => {
  test('an editor registers a realistic effort and reads it back with names and totals', async () => {
    const response = await post(editor, realisticEffort());
    expect(response.statusCode, response.body).toBe(201);
    expect(response.headers.etag).toBe('"1"');
    const effort = response.json();
    expect(effort.owner).toEqual({ id: fx.orgA.id, name: fx.orgA.name });
    expect(effort.fundingTotals).toMatchObject({
      totalSek: 5_750_000,
      decidedSek: 3_750_000,
      plannedSek: 2_000_000,
    });
    expect(effort.fundingTotals.bySource[0]).toEqual({ source: 'erdf', amountSek: 4_250_000 });
    expect(
      effort.reach.municipalities.map((m: { name: string; share: number }) => [m.name, m.share]),
    ).toEqual([
      ['Åre', 50],
      ['Strömsund', 30],
      ['Östersund', 20],
    ]);
    expect(effort.links.sdgTargets.map((s: { id: string }) => s.id)).toEqual(['8.9', '12.b']);
    expect(
      effort.assessments.find((a: { dimension: string }) => a.dimension === 'environmental'),
    ).toMatchObject({
      score: -1,
      assessedBy: 'Test editor',
    });
    expect(effort.indicators[0].values).toHaveLength(2);
    const again = await t.app.inject({ url: `/api/v1/efforts/${effort.id}`, headers: { cookie: editor } });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(effort);
  });

  test('"the whole county" is spread over all municipalities by population', async () => {
    const response = await post(editor, {
      title: 'Hela länet',
      status: 'planned',
      reach: { wholeCounty: true },
    });
    expect(response.statusCode, response.body).toBe(201);
    const shares = response.json().reach.municipalities as Array<{ name: string; share: number }>;
    expect(shares).toHaveLength(8);
    expect(shares[0]?.name).toBe('Östersund');
    expect(Math.round(shares.reduce((s, m) => s + m.share, 0) * 100)).toBe(10000);
  });

  test('bad input names every bad field and stores nothing', async () => {
    const bad = {
      ...realisticEffort(),
      diarienummer: 'RUN/ska-inte-sparas',
      endDate: '2025-01-01',
      targetGroups: 'alla',
      reach: {
        municipalities: [
          { areaCode: '2321', share: 60 },
          { areaCode: '2313', share: 30 },
        ],
      },
      assessments: [{ dimension: 'social', score: -2 }],
    };
    const response = await post(editor, bad);
    expect(response.statusCode).toBe(400);
    const fields = response.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'body.targetGroups',
        'body.endDate',
        'body.reach.municipalities',
        'body.assessments.0.rationale',
      ]),
    );
    const money = await post(editor, {
      ...bad,
      funding: [{ source: 'erdf', year: 1800, amountSek: 12.5, status: 'decided' }],
    });
    expect(money.json().errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['body.funding.0.amountSek', 'body.funding.0.year']),
    );
    const stored = await t.app.inject({ url: '/api/v1/efforts?limit=500', headers: { cookie: editor } });
    expect(stored.json().items.map((i: { diarienummer: string }) => i.diarienummer)).not.toContain(
      'RUN/ska-inte-sparas',
    );
  });

  test('unknown references are named too (organisation, municipality, sameby, priority, target)', async () => {
    const response = await post(editor, {
      title: 'Fel referenser',
      status: 'planned',
      ownerOrganisationId: '00000000-0000-4000-8000-000000000000',
      reach: { municipalities: [{ areaCode: '0180', share: 100 }], samebyar: ['sameby-finns-inte'] },
      links: { priorities: ['00000000-0000-4000-8000-000000000001'], sdgTargets: ['99.9'] },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.map((e: { field: string }) => e.field)).toEqual([
      'body.ownerOrganisationId',
      'body.reach.municipalities.0.areaCode',
      'body.reach.samebyar.0',
      'body.links.priorities.0',
      'body.links.sdgTargets.0',
    ]);
    const list = await t.app.inject({ url: '/api/v1/efforts?q=referenser', headers: { cookie: editor } });
    expect(list.json().total).toBe(0);
  });

  test('a diarienummer is unique in the region', async () => {
    const first = realisticEffort();
    expect((await post(editor, first)).statusCode).toBe(201);
    const second = await post(editor, { ...realisticEffort(), diarienummer: first.diarienummer });
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('DUPLICATE_DIARIENUMMER');
  });
});

describe('finding efforts', () => {
  test('Swedish full-text search finds inflected words; filters combine; totals cover all matches', async () => {
    const hits = await t.app.inject({ url: `/api/v1/efforts?q=${encodeURIComponent('besöksnäringens')}` });
    expect(hits.json().total).toBeGreaterThan(0);
    const filtered = await t.app.inject({
      url: `/api/v1/efforts?municipality=2321&financier=erdf&year=2027&priority=${steering.priorities[0]?.id}&sdgGoal=8`,
    });
    const body = filtered.json();
    expect(body.total).toBeGreaterThan(0);
    expect(body.items.every((i: { municipalities: string[] }) => i.municipalities.includes('2321'))).toBe(
      true,
    );
    expect(body.totalFundingSek).toBe(body.total * 5_750_000);
    const none = await t.app.inject({ url: '/api/v1/efforts?year=2030&financier=erdf' });
    expect(none.json().total).toBe(0);
  });

  test('anonymous users see published efforts only; a partner also its own internal ones', async () => {
    const internal = await post(editor, {
      title: 'Intern insats för org B',
      status: 'planned',
      ownerOrganisationId: fx.orgB.id,
    });
    const ownInternal = await post(partner, {
      title: 'Partnerns egen insats',
      status: 'planned',
      ownerOrganisationId: fx.orgA.id,
    });
    expect(ownInternal.statusCode, ownInternal.body).toBe(201);
    const titles = async (cookie?: string) =>
      (await t.app.inject({ url: '/api/v1/efforts?limit=500', headers: cookie ? { cookie } : {} }))
        .json()
        .items.map((i: { title: string }) => i.title);
    expect(await titles()).not.toContain('Intern insats för org B');
    expect(await titles()).not.toContain('Partnerns egen insats');
    expect(await titles(partner)).toContain('Partnerns egen insats');
    expect(await titles(partner)).not.toContain('Intern insats för org B');
    expect(
      (await t.app.inject({ url: `/api/v1/efforts/${internal.json().id}`, headers: { cookie: partner } }))
        .statusCode,
    ).toBe(403);
    expect((await t.app.inject({ url: `/api/v1/efforts/${internal.json().id}` })).statusCode).toBe(401);
  });

  test('sorting by title follows Swedish order', async () => {
    for (const title of ['Östra projektet', 'Ängsprojektet', 'Åsprojektet', 'Zonprojektet']) {
      await post(editor, { title, status: 'planned', visibility: 'published' });
    }
    const titles = (await t.app.inject({ url: '/api/v1/efforts?limit=500' }))
      .json()
      .items.map((i: { title: string }) => i.title);
    const order = ['Zonprojektet', 'Åsprojektet', 'Ängsprojektet', 'Östra projektet'].map((x) =>
      titles.indexOf(x),
    );
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });
});

describe('changing efforts', () => {
  test('two editors PATCH with the same ETag: one wins, the other gets 412 and changes nothing', async () => {
    const created = (await post(editor, realisticEffort())).json();
    const change = (title: string) =>
      t.app.inject({
        method: 'PATCH',
        url: `/api/v1/efforts/${created.id}`,
        headers: { cookie: editor, 'if-match': '"1"' },
        payload: { title },
      });
    const results = await Promise.all([change('Först in'), change('Tvåa in')]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 412]);
    const winner = results.find((r) => r.statusCode === 200)?.json().title;
    const now = (await t.app.inject({ url: `/api/v1/efforts/${created.id}` })).json();
    expect(now.title).toBe(winner);
    expect(now.version).toBe(2);
  });

  test('a list that is sent replaces the list; the rest stays; the audit shows what changed', async () => {
    const created = (await post(editor, realisticEffort())).json();
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/efforts/${created.id}`,
      headers: { cookie: editor, 'if-match': '"1"' },
      payload: { funding: [{ source: 'jtf', year: 2026, amountSek: 900_000, status: 'decided' }] },
    });
    expect(response.statusCode, response.body).toBe(200);
    const effort = response.json();
    expect(effort.fundingTotals.totalSek).toBe(900_000);
    expect(effort.reach.municipalities).toHaveLength(3);
    const trail = (
      await t.app.inject({ url: `/api/v1/audit?entity=effort&id=${created.id}`, headers: { cookie: editor } })
    ).json();
    expect(trail.items[0].action).toBe('update');
    expect(Object.keys(trail.items[0].changes)).toEqual(['funding']);
  });

  test("a partner changes its own organisation's effort, not another's, and cannot publish or hand it away", async () => {
    const own = (
      await post(partner, { title: 'Partnerinsats', status: 'planned', ownerOrganisationId: fx.orgA.id })
    ).json();
    const other = (
      await post(editor, { title: 'Annans insats', status: 'planned', ownerOrganisationId: fx.orgB.id })
    ).json();
    const patch = (id: string, payload: object) =>
      t.app.inject({
        method: 'PATCH',
        url: `/api/v1/efforts/${id}`,
        headers: { cookie: partner, 'if-match': '"1"' },
        payload,
      });
    expect((await patch(other.id, { title: 'Kapad' })).statusCode).toBe(403);
    expect((await patch(own.id, { visibility: 'published' })).statusCode).toBe(403);
    expect((await patch(own.id, { ownerOrganisationId: fx.orgB.id })).statusCode).toBe(403);
    expect((await patch(own.id, { status: 'ongoing' })).statusCode).toBe(200);
    expect(
      (await post(partner, { title: 'För någon annan', status: 'planned', ownerOrganisationId: fx.orgB.id }))
        .statusCode,
    ).toBe(403);
    expect((await post(partner, { title: 'Regionens', status: 'planned' })).statusCode).toBe(403);
  });

  test('delete needs If-Match and removes every part', async () => {
    const created = (await post(editor, realisticEffort())).json();
    const stale = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/efforts/${created.id}`,
      headers: { cookie: editor, 'if-match': '"7"' },
    });
    expect(stale.statusCode).toBe(412);
    const removed = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/efforts/${created.id}`,
      headers: { cookie: editor, 'if-match': '"1"' },
    });
    expect(removed.statusCode).toBe(204);
    expect(
      (await t.app.inject({ url: `/api/v1/efforts/${created.id}`, headers: { cookie: editor } })).statusCode,
    ).toBe(404);
  });
});

describe('efforts of an actor', () => {
  test('lists what the organisation owns or takes part in, with its roles, within what the reader may see', async () => {
    const created = (await post(editor, { ...realisticEffort(), visibility: 'internal' })).json();
    const asEditor = await t.app.inject({
      url: `/api/v1/actors/${fx.orgB.id}/efforts`,
      headers: { cookie: editor },
    });
    const mine = asEditor.json().items.find((i: { id: string }) => i.id === created.id);
    expect(mine.roles).toEqual(['implementer']);
    const ownerView = await t.app.inject({
      url: `/api/v1/actors/${fx.orgA.id}/efforts`,
      headers: { cookie: editor },
    });
    expect(ownerView.json().items.find((i: { id: string }) => i.id === created.id).roles).toEqual(['owner']);
    const published = await t.app.inject({ url: `/api/v1/actors/${fx.orgPublished.id}/efforts` });
    expect(published.json().items.map((i: { id: string }) => i.id)).not.toContain(created.id);
  });
});

describe('internal organisations stay unnamed to those who may not see them', () => {
  test('a published effort owned by an internal organisation shows its name to staff only', async () => {
    const created = (
      await post(editor, {
        title: 'Publicerad insats med intern ägare',
        status: 'planned',
        visibility: 'published',
        ownerOrganisationId: fx.orgB.id,
        partners: [{ organisationId: fx.orgB.id, role: 'implementer' }],
      })
    ).json();
    for (const cookie of [undefined, partner]) {
      const headers = cookie ? { cookie } : {};
      const one = (await t.app.inject({ url: `/api/v1/efforts/${created.id}`, headers })).json();
      expect(JSON.stringify(one)).not.toContain(fx.orgB.name);
      expect(one.owner.name).toBe('Intern organisation / internal organisation');
      const list = await t.app.inject({ url: `/api/v1/efforts?owner=${fx.orgB.id}`, headers });
      expect(list.body).not.toContain(fx.orgB.name);
      const csv = await t.app.inject({
        url: `/api/v1/efforts/export?format=csv&owner=${fx.orgB.id}`,
        headers,
      });
      expect(csv.body).not.toContain(fx.orgB.name);
    }
    const staff = (
      await t.app.inject({ url: `/api/v1/efforts/${created.id}`, headers: { cookie: editor } })
    ).json();
    expect(staff.owner.name).toBe(fx.orgB.name);
  });
});
