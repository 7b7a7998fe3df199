/** The indicator store through the API: definitions, targets, values, analyses, imports. */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { indicatorValues } from '../../db/schema.ts';
import { buildTestApp } from '../../test/test-database.ts';
import { createTestUsers, signIn, type TestUsers } from '../../test/test-users.ts';
import { loadReferenceData } from '../reference/load-reference-data.ts';
import { seedKnownTargets } from './known-targets.ts';
import { dnsFailure, fakeFetch, fakeSleep } from './sources/http-fakes.ts';
import { PXWEB_BASE_URL, pxWebDataUrl } from './sources/pxweb.ts';

// A recorded Kolada v3 answer (shape as documented): N00914 for Östersund, the county, Sweden.
const koladaUrl =
  'https://api.kolada.se/v3/data/kpi/N00914/municipality/2380,0023,0000/year/2022,2023?per_page=5000';
const koladaAnswer = (ostersund2023: number) =>
  JSON.stringify({
    count: 4,
    values: [
      {
        kpi: 'N00914',
        municipality: '2380',
        period: 2022,
        values: [{ gender: 'T', value: 81.2, count: 1, status: '' }],
      },
      {
        kpi: 'N00914',
        municipality: '2380',
        period: 2023,
        values: [
          { gender: 'T', value: ostersund2023, count: 1, status: '' },
          { gender: 'K', value: 80.1, count: 1, status: '' },
          { gender: 'M', value: null, count: 1, status: '' },
        ],
      },
      {
        kpi: 'N00914',
        municipality: '0023',
        period: 2023,
        values: [{ gender: 'T', value: 79.5, count: 1, status: 'Prel' }],
      },
      {
        kpi: 'N00914',
        municipality: '0000',
        period: 2023,
        values: [{ gender: 'T', value: 80.0, count: 1, status: '' }],
      },
    ],
  });
// A recorded SCB PxWebApi 2 answer (json-stat2): population by region, sex and year.
const pxwebSelection = {
  Region: ['00', '23', '2321', '2326', '2380'],
  Kon: ['1', '2', '1+2'],
  ContentsCode: ['BE0101N1'],
  Tid: ['2022', '2023'],
};
const pxwebUrl = pxWebDataUrl(PXWEB_BASE_URL, 'TAB638', pxwebSelection);
const pxwebAnswer = readFileSync(
  new URL('./sources/fixtures/pxweb-tab638-population.json', import.meta.url),
  'utf8',
);
let koladaReply = { body: koladaAnswer(81.9) } as { body: string } | Error;
const sources = fakeFetch({});
const fetchRecorded = (async (input: string | URL | Request) => {
  const url = input instanceof Request ? input.url : String(input);
  sources.requested.push(url);
  if (url === pxwebUrl) return new Response(pxwebAnswer, { status: 200 });
  if (url !== koladaUrl) return new Response('not recorded', { status: 404 });
  if (koladaReply instanceof Error) throw koladaReply;
  return new Response(koladaReply.body, { status: 200 });
}) as typeof fetch;

let t: Awaited<ReturnType<typeof buildTestApp>>;
let fx: TestUsers;
let editor: string;
let viewer: string;
let partner: string;

beforeAll(async () => {
  t = await buildTestApp({}, { sources: { fetch: fetchRecorded, sleep: fakeSleep().sleep } });
  fx = await createTestUsers(t.app);
  editor = await signIn(t.app, fx.users.editor.email);
  viewer = await signIn(t.app, fx.users.viewer.email);
  partner = await signIn(t.app, fx.users.partner.email);
});
afterAll(async () => t?.close());

const get = (url: string, cookie?: string) => t.app.inject({ url, headers: cookie ? { cookie } : {} });
const uploadFile = (body: Buffer | string, filename: string, cookie = editor, dryRun = false) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/indicator-imports/file?filename=${encodeURIComponent(filename)}&dryRun=${dryRun}`,
    headers: { cookie, 'content-type': 'application/octet-stream' },
    payload: typeof body === 'string' ? Buffer.from(body, 'utf8') : body,
  });
const valueCount = async () => await t.database.db.$count(indicatorValues);

describe('definitions and values', () => {
  test('the shipped indicators are there with unit, polarity and aggregation', async () => {
    const list = (await get('/api/v1/indicators')).json();
    expect(list.total).toBeGreaterThanOrEqual(36);
    const tax = list.items.find((i: { id: string }) => i.id === 'skattekraft_tkr_inv');
    expect(tax).toMatchObject({
      polarity: 'higher_is_better',
      aggregation: 'population_weighted_mean',
      unit: { sv: 'tkr per invånare' },
    });
    const detail = await get('/api/v1/indicators/skattekraft_tkr_inv');
    expect(detail.json().years).toEqual([
      2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023,
    ]);
    expect(detail.headers.etag).toBe('"1"');
  });

  test('a map: one indicator, one year, every area', async () => {
    const body = (await get('/api/v1/indicators/skattekraft_tkr_inv/values?from=2023&to=2023')).json();
    const codes = body.values.map((v: { areaCode: string }) => v.areaCode).sort();
    expect(codes).toEqual(
      ['2303', '2305', '2309', '2313', '2321', '2326', '2361', '2380', '23', 'SE'].sort(),
    );
    expect(body.values[0]).toHaveProperty('status', 'final');
  });

  test('values download as CSV (Swedish Excel) and as a real Excel workbook', async () => {
    const csv = await get('/api/v1/indicators/skattekraft_tkr_inv/values?from=2023&to=2023&format=csv');
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('skattekraft_tkr_inv-2023.csv');
    const lines = csv.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('Områdeskod;Område;År;Kön;Värde (tkr per invånare);Status;Källa');
    expect(lines.some((l) => l.startsWith('2380;Östersund;2023;totalt;'))).toBe(true);
    const xlsx = await get('/api/v1/indicators/skattekraft_tkr_inv/values?from=2023&to=2023&format=xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0];
    expect(typeof sheet?.getRow(2).getCell(5).value).toBe('number');
  });

  test('disparity between the municipalities matches a direct computation', async () => {
    const values = (
      await get('/api/v1/indicators/skattekraft_tkr_inv/values?from=2023&to=2023&sex=total')
    ).json().values as Array<{ areaCode: string; value: number }>;
    const municipal = values.filter((v) => v.areaCode.length === 4).map((v) => v.value);
    const mean = municipal.reduce((s, v) => s + v, 0) / municipal.length;
    const sd = Math.sqrt(municipal.reduce((s, v) => s + (v - mean) ** 2, 0) / municipal.length);
    const body = (await get('/api/v1/indicators/skattekraft_tkr_inv/disparity?from=2022&to=2023')).json();
    expect(body.years.map((y: { year: number }) => y.year)).toEqual([2022, 2023]);
    const y2023 = body.years[1];
    expect(y2023.n).toBe(8);
    expect(y2023.cv.value).toBeCloseTo(sd / mean, 10);
    expect(y2023.williamson.value).toBeGreaterThan(0);
    expect(y2023.maxMinRatio.value).toBeCloseTo(Math.max(...municipal) / Math.min(...municipal), 10);
  });

  test('progress without a target and with one; the traffic light compares with Sweden', async () => {
    const without = (await get('/api/v1/indicators/skattekraft_tkr_inv/progress')).json();
    expect(without.area).toBe('23');
    expect(without.progress.method).toBe('no_target');
    expect(without.progress.formula).toContain('CAGR');
    expect(['green', 'yellow', 'red']).toContain(without.trafficLight.light);
    expect(without.trafficLight.comparedWithSweden).toBeDefined();

    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/indicators/skattekraft_tkr_inv/targets',
      headers: { cookie: editor },
      payload: { areaCode: '23', value: 300, year: 2030, baseYear: 2015, source: 'Exempelmål (test)' },
    });
    expect(created.statusCode).toBe(201);
    const withTarget = (await get('/api/v1/indicators/skattekraft_tkr_inv/progress')).json();
    expect(withTarget.progress.method).toBe('target');
    expect(withTarget.progress.baseYear).toBe(2015);
    expect(withTarget.target.value).toBe(300);

    const dup = await t.app.inject({
      method: 'POST',
      url: '/api/v1/indicators/skattekraft_tkr_inv/targets',
      headers: { cookie: editor },
      payload: { areaCode: '23', value: 310, year: 2030 },
    });
    expect(dup.statusCode).toBe(409);
    const sameby = await t.app.inject({
      method: 'POST',
      url: '/api/v1/indicators/skattekraft_tkr_inv/targets',
      headers: { cookie: editor },
      payload: { areaCode: 'sameby-voernese', value: 310, year: 2031 },
    });
    expect(sameby.statusCode).toBe(400);
  });
});

describe('permissions and locking', () => {
  const definition = { id: 'egen_indikator', titleSv: 'Egen indikator', polarity: 'lower_is_better' };
  test('only editors define indicators; the public, viewers and partners cannot', async () => {
    const post = (cookie?: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/indicators',
        headers: cookie ? { cookie } : {},
        payload: definition,
      });
    expect((await post()).statusCode).toBe(401);
    expect((await post(viewer)).statusCode).toBe(403);
    expect((await post(partner)).statusCode).toBe(403);
    const created = await post(editor);
    expect(created.statusCode).toBe(201);
    expect((await post(editor)).statusCode).toBe(409);
    const audit = (await get('/api/v1/audit?entity=indicator&id=egen_indikator', editor)).json();
    expect(audit.items[0]).toMatchObject({ action: 'create' });
  });

  test('a stale If-Match is refused and the first change is kept', async () => {
    const patch = (titleSv: string) =>
      t.app.inject({
        method: 'PATCH',
        url: '/api/v1/indicators/egen_indikator',
        headers: { cookie: editor, 'if-match': '"2"' },
        payload: { titleSv },
      });
    expect((await patch('Första')).statusCode).toBe(200);
    expect((await patch('Andra')).statusCode).toBe(412);
    expect((await get('/api/v1/indicators/egen_indikator')).json().title.sv).toBe('Första');
  });

  test('imports need an editor', async () => {
    expect((await uploadFile('indicator;area_code;year;value\n', 'x.csv', '')).statusCode).toBe(401);
    expect((await uploadFile('indicator;area_code;year;value\n', 'x.csv', viewer)).statusCode).toBe(403);
    expect((await uploadFile('indicator;area_code;year;value\n', 'x.csv', partner)).statusCode).toBe(403);
    const kolada = await t.app.inject({
      method: 'POST',
      url: '/api/v1/indicator-imports/kolada',
      headers: { cookie: partner },
      payload: { kpis: ['N00914'], from: 2022, to: 2023 },
    });
    expect(kolada.statusCode).toBe(403);
  });
});

describe('imports: all or nothing, idempotent, audited', () => {
  const csv = (ostersund: string) =>
    [
      'indikator;kommunkod;år;kön;värde;källa',
      `egen_indikator;2380;2024;totalt;${ostersund};Egen mätning`,
      'egen_indikator;2321;2024;totalt;12,5;Egen mätning',
      'egen_indikator;23;2024;kvinnor;11;Egen mätning',
    ].join('\n');

  test('a file imports, the same file again changes nothing, a changed value is updated and audited', async () => {
    const first = await uploadFile(csv('10,25'), 'egen.csv');
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ values: 3, inserted: 3, updated: 0, unchanged: 0, dryRun: false });
    const again = (await uploadFile(csv('10,25'), 'egen.csv')).json();
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 3 });
    const changed = (await uploadFile(csv('10,5'), 'egen.csv')).json();
    expect(changed).toMatchObject({ inserted: 0, updated: 1, unchanged: 2 });
    expect(changed.changes).toEqual([{ key: 'egen_indikator|2380|2024|total', before: 10.25, after: 10.5 }]);
    const audit = (await get(`/api/v1/audit?entity=indicator_import&id=${changed.importId}`, editor)).json();
    expect(audit.items[0].changes['value egen_indikator|2380|2024|total']).toEqual({
      before: { value: 10.25, status: 'final', source: 'Egen mätning' },
      after: { value: 10.5, status: 'final', source: 'Egen mätning' },
    });
  });

  test('a dry run counts and writes nothing', async () => {
    const before = await valueCount();
    const dry = (await uploadFile(csv('99').replace(/2024/g, '2025'), 'egen.csv', editor, true)).json();
    expect(dry).toMatchObject({ dryRun: true, inserted: 3, importId: null });
    expect(await valueCount()).toBe(before);
  });

  test('one bad row rejects the whole file, naming each row and reason', async () => {
    const before = await valueCount();
    const bad = [
      'indicator,area_code,year,sex,value',
      'egen_indikator,2380,2030,total,1',
      'okänd_indikator,2380,2030,total,2',
      'egen_indikator,0180,2030,total,3',
      "egen_indikator,2380,2031,total,'; DROP TABLE indicator_values; --",
    ].join('\n');
    const response = await uploadFile(bad, 'fel.csv');
    expect(response.statusCode).toBe(422);
    const problem = response.json();
    expect(problem.code).toBe('IMPORT_REJECTED');
    const fields = problem.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['row 3', 'row 4', 'row 5']));
    expect(problem.errors.find((e: { field: string }) => e.field === 'row 4').message).toContain('0180');
    expect(await valueCount()).toBe(before);
  });

  test('broken files get a clear message', async () => {
    const empty = await uploadFile('', 'tom.csv');
    expect(empty.statusCode).toBe(422);
    const garbage = await uploadFile(Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x80, 0x81]), 'skräp.csv');
    expect(garbage.statusCode).toBe(422);
    expect(garbage.json().detail).toMatch(/UTF-8/);
  });

  test('Kolada: recorded answer imported; re-import idempotent; a changed value updated', async () => {
    const request = {
      method: 'POST' as const,
      url: '/api/v1/indicator-imports/kolada',
      headers: { cookie: editor },
      payload: { kpis: ['N00914'], from: 2022, to: 2023, areaCodes: ['2380', '23', 'SE'] },
    };
    koladaReply = { body: koladaAnswer(81.9) };
    const first = await t.app.inject(request);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      kind: 'kolada',
      values: 5,
      inserted: 5,
      indicators: ['forvarvsarbetande_20_64_pct'],
    });
    expect(sources.requested).toContain(koladaUrl);
    const county = (await get('/api/v1/indicators/forvarvsarbetande_20_64_pct/values?area=23')).json().values;
    expect(county).toMatchObject([
      { year: 2023, value: 79.5, status: 'preliminary', source: 'Kolada N00914' },
    ]);
    expect((await t.app.inject(request)).json()).toMatchObject({ inserted: 0, updated: 0, unchanged: 5 });
    koladaReply = { body: koladaAnswer(82.0) };
    expect((await t.app.inject(request)).json()).toMatchObject({ inserted: 0, updated: 1, unchanged: 4 });
  });

  test('Kolada unreachable: 503 with a message that says so, nothing written', async () => {
    const before = await valueCount();
    koladaReply = dnsFailure('api.kolada.se');
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/indicator-imports/kolada',
      headers: { cookie: editor },
      payload: { kpis: ['N00914'], from: 2022, to: 2023, areaCodes: ['2380', '23', 'SE'] },
    });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({ code: 'NETWORK_UNREACHABLE' });
    expect(response.json().detail).toMatch(/Kolada/);
    expect(await valueCount()).toBe(before);
  });

  test('Kolada: a KPI without an indicator is refused up front', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/indicator-imports/kolada',
      headers: { cookie: editor },
      payload: { kpis: ['N99999'], from: 2022, to: 2023 },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'UNKNOWN_KPI' });
  });

  test('SCB PxWeb: a recorded json-stat2 answer imports into an indicator; again, nothing changes', async () => {
    const request = {
      method: 'POST' as const,
      url: '/api/v1/indicator-imports/pxweb',
      headers: { cookie: editor },
      payload: { table: 'TAB638', indicatorId: 'population', selection: pxwebSelection },
    };
    const first = await t.app.inject(request);
    expect(first.statusCode, first.body).toBe(200);
    const report = first.json();
    expect(report.kind).toBe('pxweb');
    // 5 areas × 3 sexes × 2 years, less the one value SCB marks as missing.
    expect(report.values).toBe(29);
    expect(report.inserted + report.updated + report.unchanged).toBe(29);
    expect(sources.requested).toContain(pxwebUrl);
    const again = (await t.app.inject(request)).json();
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 29 });
    const sweden = (
      await get('/api/v1/indicators/population/values?area=SE&from=2023&to=2023&sex=total')
    ).json();
    expect(sweden.values[0].source).toBe('SCB TAB638');
  });

  test('the import list shows who imported what', async () => {
    const list = (await get('/api/v1/indicator-imports', editor)).json();
    expect(list.items.length).toBeGreaterThanOrEqual(4);
    expect(list.items[0]).toMatchObject({ kind: 'pxweb', startedBy: fx.users.editor.email });
    expect(list.items.map((i: { kind: string }) => i.kind)).toContain('kolada');
  });
});

describe('targets from the steering documents', () => {
  test('are added once; a removed one does not come back', async () => {
    expect(await seedKnownTargets(t.database.db, '23')).toBe(2);
    const targets = (await get('/api/v1/indicators/bredband_100mbit_hushall_pct/targets')).json().items;
    expect(targets).toMatchObject([{ areaCode: '23', value: 95, year: 2020 }]);
    const progress = (await get('/api/v1/indicators/bredband_100mbit_hushall_pct/progress')).json();
    expect(progress.progress.method).toBe('target');
    const removed = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/indicators/bredband_100mbit_hushall_pct/targets/${targets[0].id}`,
      headers: { cookie: editor, 'if-match': '"1"' },
    });
    expect(removed.statusCode).toBe(204);
    expect(await seedKnownTargets(t.database.db, '23')).toBe(0);
    expect((await get('/api/v1/indicators/bredband_100mbit_hushall_pct/targets')).json().items).toEqual([]);
  });
});

describe('review cases', () => {
  test('a reference reload leaves values an import wrote alone', async () => {
    const imported = await uploadFile(
      'indikator;kommunkod;år;kön;värde;status\nskattekraft_tkr_inv;2321;2023;totalt;999;preliminär\n',
      'rättelse.csv',
    );
    expect(imported.json()).toMatchObject({ updated: 1 });
    await loadReferenceData(t.database.db, t.config.dataFilesDir, '23');
    const [value] = (
      await get('/api/v1/indicators/skattekraft_tkr_inv/values?area=2321&from=2023&to=2023&sex=total')
    ).json().values;
    expect(value).toMatchObject({ value: 999, status: 'preliminary', source: 'rättelse.csv' });
  });

  test('an empty change makes no new version and no audit row', async () => {
    const before = await get('/api/v1/indicators/af_program_dec');
    const response = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/indicators/af_program_dec',
      headers: { cookie: editor, 'if-match': before.headers.etag as string },
      payload: { titleSv: before.json().title.sv },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().version).toBe(before.json().version);
  });

  test('progress: an unknown area is 404; a passed target is said to be passed', async () => {
    expect((await get('/api/v1/indicators/skattekraft_tkr_inv/progress?area=0180')).statusCode).toBe(404);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/indicators/bredband_fiber_hushall_pct/targets',
      headers: { cookie: editor },
      payload: { areaCode: '2380', value: 99, year: 2018 },
    });
    expect(created.statusCode).toBe(201);
    const progress = (await get('/api/v1/indicators/bredband_fiber_hushall_pct/progress?area=2380')).json();
    expect(progress.progress.reason).toContain('The target year 2018 has passed');
  });

  test('counts are not compared with Sweden; rates are, naming the area', async () => {
    const counts = (await get('/api/v1/indicators/befolkning_16_64/progress?area=2321')).json();
    expect(counts.trafficLight.comparedWithSweden).toBeUndefined();
    const rate = (await get('/api/v1/indicators/skattekraft_tkr_inv/progress?area=2380')).json();
    expect(rate.trafficLight.reason).toContain('Östersund was');
  });
});

test('a change sets only what it sends (no defaults slip in)', async () => {
  const before = (await get('/api/v1/indicators/arbetsstallen_totalt')).json();
  expect(before).toMatchObject({ polarity: 'higher_is_better', aggregation: 'sum' });
  const response = await t.app.inject({
    method: 'PATCH',
    url: '/api/v1/indicators/arbetsstallen_totalt',
    headers: { cookie: editor, 'if-match': `"${before.version}"` },
    payload: { descriptionSv: 'Arbetsställen enligt SCB:s företagsregister.' },
  });
  expect(response.json()).toMatchObject({
    polarity: 'higher_is_better',
    aggregation: 'sum',
    sourceKind: 'own',
    description: { sv: 'Arbetsställen enligt SCB:s företagsregister.' },
  });
});
