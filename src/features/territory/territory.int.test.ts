/** Reach of efforts per municipality and the area profile, through the API. */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildTestApp } from '../../test/test-database.ts';
import { createTestUsers, signIn, type TestUsers } from '../../test/test-users.ts';

let t: Awaited<ReturnType<typeof buildTestApp>>;
let fx: TestUsers;
let editor: string;
let partner: string;
let steering: { priorities: Array<{ id: string; title: { sv: string } }> };

const post = (payload: object) =>
  t.app.inject({ method: 'POST', url: '/api/v1/efforts', headers: { cookie: editor }, payload });

beforeAll(async () => {
  t = await buildTestApp();
  fx = await createTestUsers(t.app);
  editor = await signIn(t.app, fx.users.editor.email);
  partner = await signIn(t.app, fx.users.partner.email);
  steering = (await t.app.inject({ url: '/api/v1/steering' })).json();
  const priority = steering.priorities[0]?.id;
  const created = await Promise.all([
    // 1 000 000 kr in 2024 over the whole county (spread by population).
    post({
      title: 'Hela länet-satsning',
      status: 'ongoing',
      startDate: '2024-01-01',
      endDate: '2025-12-31',
      visibility: 'published',
      funding: [{ source: 'region', year: 2024, amountSek: 1_000_000, status: 'decided' }],
      reach: { wholeCounty: true },
      links: { priorities: [priority] },
    }),
    // 500 000 kr in 2024: 60 % Åre, 40 % Berg.
    post({
      title: 'Fjällsatsning',
      status: 'ongoing',
      startDate: '2024-01-01',
      endDate: '2024-12-31',
      visibility: 'published',
      funding: [
        { source: 'erdf', year: 2024, amountSek: 500_000, status: 'decided' },
        { source: 'erdf', year: 2030, amountSek: 9_000_000, status: 'planned' },
      ],
      reach: {
        wholeCounty: false,
        municipalities: [
          { areaCode: '2321', share: 60 },
          { areaCode: '2326', share: 40 },
        ],
      },
      indicators: [
        {
          kind: 'output',
          name: 'Företag som deltar',
          unit: 'antal',
          values: [
            { period: '2024', sex: 'total', areaCode: '2321', actual: 12 },
            { period: '2024', sex: 'total', areaCode: '2326', actual: 5 },
          ],
        },
      ],
    }),
    // An internal effort: staff see its money, the public does not.
    post({
      title: 'Intern förstudie i Östersund',
      status: 'ongoing',
      startDate: '2024-03-01',
      endDate: '2024-12-31',
      visibility: 'internal',
      funding: [{ source: 'region', year: 2024, amountSek: 200_000, status: 'decided' }],
      reach: { wholeCounty: false, municipalities: [{ areaCode: '2380', share: 100 }] },
    }),
    // Cancelled: reaches nobody.
    post({
      title: 'Inställd satsning',
      status: 'cancelled',
      visibility: 'published',
      funding: [{ source: 'region', year: 2024, amountSek: 7_000_000, status: 'decided' }],
      reach: { wholeCounty: false, municipalities: [{ areaCode: '2303', share: 100 }] },
    }),
  ]);
  for (const c of created) expect(c.statusCode, c.body).toBe(201);
});
afterAll(async () => t?.close());

type ReachRow = { code: string; name: string; effortCount: number; fundingSek: number; flags: string[] };
const reach = async (query: string, cookie?: string) => {
  const response = await t.app.inject({
    url: `/api/v1/territory/reach?${query}`,
    headers: cookie ? { cookie } : {},
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};
const row = (body: { municipalities: ReachRow[] }, name: string) =>
  body.municipalities.find((m) => m.name === name) as ReachRow;

describe('reach of efforts', () => {
  test('money per municipality: whole county by population, shares as given, cancelled left out', async () => {
    const body = await reach('from=2024&to=2024', editor);
    expect(body.county.fundingSek).toBe(1_700_000);
    expect(body.municipalities.reduce((s: number, m: ReachRow) => s + m.fundingSek, 0)).toBe(1_700_000);
    expect(body.municipalities.map((m: ReachRow) => m.name)).toEqual([
      'Berg',
      'Bräcke',
      'Härjedalen',
      'Krokom',
      'Ragunda',
      'Strömsund',
      'Åre',
      'Östersund',
    ]);
    // Åre: 60 % of 500 000 plus its population share of 1 000 000 (shares are kept in hundredths
    // of a percent, so the whole-county part is exact to 100 kr).
    const populations = await t.app.inject({ url: '/api/v1/areas?type=municipality' });
    const pop = new Map(
      populations
        .json()
        .items.map((a: { code: string; population: { value: number } }) => [a.code, a.population.value]),
    );
    const total = [...pop.values()].reduce((s: number, v) => s + (v as number), 0);
    const are = row(body, 'Åre');
    expect(are.effortCount).toBe(2);
    expect(
      Math.abs(are.fundingSek - (300_000 + (1_000_000 * (pop.get('2321') as number)) / total)),
    ).toBeLessThanOrEqual(100);
    expect(row(body, 'Östersund').effortCount).toBe(2);
    expect(row(body, 'Bräcke').effortCount).toBe(1);
    // Bräcke gets only its population share: about 7.5 kr per inhabitant against the county's
    // 12.8, which is above half the county's level, so it is not flagged.
    expect(row(body, 'Bräcke').flags).toEqual([]);
    for (const m of body.municipalities as Array<ReachRow & { sekPerInhabitant: number }>) {
      const far = m.sekPerInhabitant < 0.5 * body.county.sekPerInhabitant;
      expect(m.flags.includes('far_below_county'), m.name).toBe(far);
    }
  });

  test('the public sees only published efforts; a partner sees its own too', async () => {
    const anonymous = await reach('from=2024&to=2024');
    expect(anonymous.county.fundingSek).toBe(1_500_000);
    expect(row(anonymous, 'Östersund').effortCount).toBe(1);
    const asPartner = await reach('from=2024&to=2024', partner);
    expect(asPartner.county.fundingSek).toBe(1_500_000);
  });

  test('a period without efforts flags every municipality as not reached', async () => {
    const body = await reach('from=2010&to=2011', editor);
    expect(body.county.effortCount).toBe(0);
    expect(body.flagged).toHaveLength(8);
    expect(body.flagged.every((f: { flags: string[] }) => f.flags.includes('not_reached'))).toBe(true);
  });

  test('filters: a funding source counts only its money; a priority only its efforts', async () => {
    const erdf = await reach('from=2024&to=2024&financier=erdf', editor);
    expect(erdf.county.fundingSek).toBe(500_000);
    expect(row(erdf, 'Åre').fundingSek).toBe(300_000);
    expect(row(erdf, 'Östersund').flags).toEqual(['not_reached']);
    expect(erdf.flagged.map((f: { name: string }) => f.name)).not.toContain('Åre');
    const priority = await reach(`from=2024&to=2024&priority=${steering.priorities[0]?.id}`, editor);
    expect(priority.county.fundingSek).toBe(1_000_000);
    expect(priority.breakdown.priority[0]).toMatchObject({
      label: steering.priorities[0]?.title.sv,
      fundingSek: 1_000_000,
    });
    const later = await reach('from=2030&to=2030', editor);
    expect(later.county.fundingSek).toBe(9_000_000);
  });

  test('bad periods are refused; a start without an end is not a server error', async () => {
    expect((await t.app.inject({ url: '/api/v1/territory/reach?from=2025&to=2024' })).statusCode).toBe(400);
    expect((await t.app.inject({ url: '/api/v1/territory/reach?from=abc' })).statusCode).toBe(400);
    expect((await t.app.inject({ url: '/api/v1/territory/reach?from=2040' })).statusCode).toBe(200);
  });

  test('the table downloads as CSV with the county row', async () => {
    const csv = await t.app.inject({
      url: '/api/v1/territory/reach?from=2024&to=2024&format=csv',
      headers: { cookie: editor },
    });
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe(
      'Kommunkod;Kommun;Invånare;Antal insatser;Finansiering (kr);Kr per invånare;Flaggor',
    );
    expect(lines.find((l) => l.startsWith('23;Hela länet;'))).toContain(';3;1700000;');
  });
});

describe('area profile', () => {
  test('a municipality: indicators with traffic lights, efforts, money, development', async () => {
    const response = await t.app.inject({
      url: '/api/v1/areas/2321/profile?from=2024&to=2024',
      headers: { cookie: editor },
    });
    expect(response.statusCode, response.body).toBe(200);
    const profile = response.json();
    expect(profile.area).toEqual({ code: '2321', name: 'Åre', type: 'municipality' });
    const tax = profile.indicators.find(
      (i: { indicator: { id: string } }) => i.indicator.id === 'skattekraft_tkr_inv',
    );
    expect(tax.latest.year).toBe(2023);
    expect(tax.county.year).toBe(2023);
    expect(tax.sweden.year).toBe(2023);
    expect(['green', 'yellow', 'red']).toContain(tax.trafficLight.light);
    expect(tax.trend).toHaveLength(10);
    expect(profile.efforts.count).toBe(2);
    expect(profile.efforts.items.map((e: { title: string }) => e.title)).toEqual([
      'Fjällsatsning',
      'Hela länet-satsning',
    ]);
    expect(profile.development.since).toBe(2024);
    expect(profile.development.results).toEqual([
      { name: 'Företag som deltar', unit: 'antal', kind: 'output', total: 12, efforts: 1 },
    ]);
  });

  test('the county profile sums all efforts; a sameby or unknown code is 404', async () => {
    const county = (await t.app.inject({ url: '/api/v1/areas/23/profile?from=2024&to=2024' })).json();
    expect(county.area.type).toBe('county');
    expect(county.efforts.count).toBe(2);
    expect(county.efforts.fundingSek).toBe(1_500_000);
    expect((await t.app.inject({ url: '/api/v1/areas/sameby-voernese/profile' })).statusCode).toBe(404);
    expect((await t.app.inject({ url: "/api/v1/areas/'%20OR%201=1--/profile" })).statusCode).toBe(404);
  });
});

test('the profile’s indicator table downloads as Excel', async () => {
  const response = await t.app.inject({ url: '/api/v1/areas/2380/profile?format=xlsx' });
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-disposition']).toContain('nyckeltal-2380.xlsx');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(response.rawPayload as unknown as ExcelJS.Buffer);
  const sheet = workbook.worksheets[0];
  expect(sheet?.getRow(1).getCell(4).value).toBe('Östersund');
  expect(sheet?.rowCount).toBeGreaterThan(15);
});
