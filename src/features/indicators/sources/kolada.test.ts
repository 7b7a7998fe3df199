import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { dnsFailure, fakeFetch, fakeSleep, sourceErrorOf } from './http-fakes.ts';
import { fetchKolada, fromKoladaId, type KoladaOptions, toKoladaId, yearChunks } from './kolada.ts';
import { SourceError } from './source-error.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

const BASE = 'https://api.kolada.se/v3';
const PAGE_1 = `${BASE}/data/kpi/N01951,N02923/municipality/2380,0023,0000/year/2022,2023?per_page=5000`;
const PAGE_2 = `${BASE}/data/kpi/N01951,N02923/municipality/2380,0023,0000/year/2022,2023?page=2&per_page=5000`;
const indicatorIds: Record<string, string> = { N01951: 'population', N02923: 'women-share' };

const options = (fetch: typeof globalThis.fetch, extra: Partial<KoladaOptions> = {}): KoladaOptions => ({
  kpis: ['N01951', 'N02923'],
  areaCodes: ['2380', '23', 'SE'],
  from: 2022,
  to: 2023,
  indicatorIdForKpi: (kpi) => indicatorIds[kpi],
  fetch,
  sleep: fakeSleep().sleep,
  ...extra,
});

const networkError = () => dnsFailure('api.kolada.se');

describe('area ids', () => {
  test('municipalities as they are, counties with 00 in front, Sweden 0000 — and back', () => {
    expect(['2380', '23', 'SE'].map(toKoladaId)).toEqual(['2380', '0023', '0000']);
    expect(['2380', '0023', '0000', 'G141322', '23', ''].map(fromKoladaId)).toEqual([
      '2380',
      '23',
      'SE',
      undefined,
      undefined,
      undefined,
    ]);
  });

  test('codes that are none of ours are refused before anything is fetched', () => {
    for (const bad of ['00', '0023', '238', 'se', '2380_RegSO2025', '']) {
      expect(() => toKoladaId(bad), bad).toThrow(SourceError);
    }
  });

  test('years go in chunks of at most 25', () => {
    expect(yearChunks(2022, 2023)).toEqual([[2022, 2023]]);
    const chunks = yearChunks(1990, 2024);
    expect(chunks.map((c) => [c[0], c.at(-1), c.length])).toEqual([
      [1990, 2014, 25],
      [2015, 2024, 10],
    ]);
  });
});

describe('fetchKolada', () => {
  test('reads both pages of the recorded answer into values', async () => {
    const { fetch, requested } = fakeFetch({
      [PAGE_1]: { body: fixture('kolada-page-1.json') },
      [PAGE_2]: { body: fixture('kolada-page-2.json') },
    });
    const result = await fetchKolada(options(fetch));
    expect(requested).toEqual([PAGE_1, PAGE_2]);
    expect(result.problems).toEqual([]);
    // 5 items of 3 values, and 3 single values of which one is null.
    expect(result.values).toHaveLength(17);
    expect(result.values.slice(0, 3)).toEqual([
      {
        indicatorId: 'population',
        areaCode: '2380',
        year: 2022,
        sex: 'women',
        value: 32107,
        status: 'final',
        source: 'Kolada N01951',
      },
      expect.objectContaining({ sex: 'men', value: 32480 }),
      expect.objectContaining({ sex: 'total', value: 64587 }),
    ]);
    const find = (indicatorId: string, areaCode: string, year: number) =>
      result.values.filter(
        (v) => v.indicatorId === indicatorId && v.areaCode === areaCode && v.year === year,
      );
    expect(find('population', '23', 2023).map((v) => [v.sex, v.value])).toEqual([
      ['women', 64876],
      ['men', 67600],
      ['total', 132476],
    ]);
    expect(find('population', 'SE', 2023).find((v) => v.sex === 'total')?.value).toBe(10551707);
    expect(find('women-share', '23', 2022)).toEqual([]); // the null value is skipped
    expect(find('women-share', 'SE', 2023)).toEqual([
      {
        indicatorId: 'women-share',
        areaCode: 'SE',
        year: 2023,
        sex: 'total',
        value: 49.8,
        status: 'preliminary',
        source: 'Kolada N02923',
      },
    ]);
    expect(result.values.filter((v) => v.status === 'preliminary')).toHaveLength(1);
  });

  test('more than 25 years are asked for in chunks', async () => {
    const { fetch, requested } = fakeFetch({}, { body: JSON.stringify({ count: 0, values: [] }) });
    const result = await fetchKolada(
      options(fetch, { kpis: ['N01951'], areaCodes: ['2380', '2321'], from: 1990, to: 2024 }),
    );
    expect(result).toEqual({ values: [], problems: [] });
    const years = (from: number, to: number) =>
      Array.from({ length: to - from + 1 }, (_, i) => from + i).join(',');
    expect(requested).toEqual([
      `${BASE}/data/kpi/N01951/municipality/2380,2321/year/${years(1990, 2014)}?per_page=5000`,
      `${BASE}/data/kpi/N01951/municipality/2380,2321/year/${years(2015, 2024)}?per_page=5000`,
    ]);
  });

  test('base URL and page size can be set', async () => {
    const { fetch, requested } = fakeFetch({
      'http://localhost:9999/v3/data/kpi/N01951/municipality/0023/year/2023?per_page=2': {
        body: JSON.stringify({ count: 0, values: [] }),
      },
    });
    await fetchKolada(
      options(fetch, {
        kpis: ['N01951'],
        areaCodes: ['23'],
        from: 2023,
        to: 2023,
        baseUrl: 'http://localhost:9999/v3/',
        perPage: 2,
      }),
    );
    expect(requested).toEqual([
      'http://localhost:9999/v3/data/kpi/N01951/municipality/0023/year/2023?per_page=2',
    ]);
  });

  test('unknown KPIs, area ids and genders are problems with their place in the answer', async () => {
    const url = `${BASE}/data/kpi/N01951/municipality/2380,2321/year/2023?per_page=5000`;
    const { fetch } = fakeFetch({ [url]: { body: fixture('kolada-unexpected-items.json') } });
    const result = await fetchKolada(
      options(fetch, { kpis: ['N01951'], areaCodes: ['2380', '2321'], from: 2023, to: 2023 }),
    );
    expect(result.values.map((v) => [v.areaCode, v.sex, v.value])).toEqual([
      ['2380', 'total', 64979],
      ['2321', 'total', 12293],
    ]);
    expect(result.problems).toEqual([
      { where: 'page 1, item 2', message: expect.stringContaining('N99999') },
      { where: 'page 1, item 3', message: expect.stringContaining('"G141322"') },
      { where: 'page 1, item 4', message: expect.stringContaining('gender "F"') },
    ]);
  });

  test('a value read twice is a problem the second time; so is a gender that is no gender', async () => {
    const twice = {
      kpi: 'N01951',
      municipality: '2380',
      period: 2023,
      values: [{ gender: 'T', value: 1, count: 1, status: '' }],
    };
    const url = `${BASE}/data/kpi/N01951/municipality/2380/year/2023?per_page=5000`;
    const odd = { ...twice, values: [{ gender: 'constructor', value: 2, count: 1, status: '' }] };
    const { fetch } = fakeFetch({
      [url]: { body: JSON.stringify({ count: 3, values: [twice, twice, odd] }) },
    });
    const result = await fetchKolada(
      options(fetch, { kpis: ['N01951'], areaCodes: ['2380'], from: 2023, to: 2023 }),
    );
    expect(result.values).toHaveLength(1);
    expect(result.problems).toEqual([
      { where: 'page 1, item 2', message: expect.stringContaining('already read at page 1, item 1') },
      { where: 'page 1, item 3', message: expect.stringContaining('gender "constructor"') },
    ]);
  });

  test('retries a 503 with growing waits, then reads the answer', async () => {
    const { fetch, requested } = fakeFetch({
      [PAGE_1]: [
        { status: 503, body: 'Service Unavailable' },
        { status: 503 },
        { status: 502 },
        { body: fixture('kolada-page-1.json') },
      ],
      [PAGE_2]: { body: fixture('kolada-page-2.json') },
    });
    const { sleep, waits } = fakeSleep();
    const result = await fetchKolada(options(fetch, { sleep }));
    expect(result.values).toHaveLength(17);
    expect(requested).toEqual([PAGE_1, PAGE_1, PAGE_1, PAGE_1, PAGE_2]);
    expect(waits).toEqual([500, 1000, 2000]);
  });

  test('honours Retry-After on 429, capped at 30 s', async () => {
    const { fetch } = fakeFetch({
      [PAGE_1]: [
        { status: 429, headers: { 'retry-after': '3' } },
        { status: 429, headers: { 'retry-after': '3600' } },
        { status: 429 },
        { body: fixture('kolada-page-1.json') },
      ],
      [PAGE_2]: { body: fixture('kolada-page-2.json') },
    });
    const { sleep, waits } = fakeSleep();
    await fetchKolada(options(fetch, { sleep }));
    expect(waits).toEqual([3000, 30_000, 2000]);
  });

  test('a 5xx that does not go away is an HTTP error after the retries', async () => {
    const { fetch, requested } = fakeFetch({ [PAGE_1]: { status: 500, body: 'Internal Server Error' } });
    const { sleep, waits } = fakeSleep();
    const error = await sourceErrorOf(fetchKolada(options(fetch, { sleep, maxRetries: 2 })));
    expect(error.code).toBe('SOURCE_HTTP_ERROR');
    expect(error.status).toBe(500);
    expect(error.message).toContain('tried 3 times');
    expect(requested).toHaveLength(3);
    expect(waits).toEqual([500, 1000]);
  });

  test('404 is an HTTP error at once, with the start of the body', async () => {
    const body = `{"message": "KPI not found"}${' x'.repeat(300)}`;
    const { fetch, requested } = fakeFetch({ [PAGE_1]: { status: 404, body } });
    const { sleep, waits } = fakeSleep();
    const error = await sourceErrorOf(fetchKolada(options(fetch, { sleep })));
    expect(error.code).toBe('SOURCE_HTTP_ERROR');
    expect(error.status).toBe(404);
    expect(error.message).toContain('Kolada answered HTTP 404');
    expect(error.message).toContain('{"message": "KPI not found"}');
    expect(error.message.length).toBeLessThan(body.length);
    expect(requested).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  test('network failures are retried, then NETWORK_UNREACHABLE says why', async () => {
    const { fetch, requested } = fakeFetch({ [PAGE_1]: networkError() });
    const { sleep, waits } = fakeSleep();
    const error = await sourceErrorOf(fetchKolada(options(fetch, { sleep })));
    expect(error.code).toBe('NETWORK_UNREACHABLE');
    expect(error.message).toMatch(
      /^Kolada could not be reached \(getaddrinfo ENOTFOUND api\.kolada\.se; tried 5 times\)\. Check the network connection or try again later\.$/,
    );
    expect(requested).toHaveLength(5);
    expect(waits).toEqual([500, 1000, 2000, 4000]);
  });

  test('a network failure in between is retried', async () => {
    const { fetch } = fakeFetch({
      [PAGE_1]: [networkError(), { body: fixture('kolada-page-1.json') }],
      [PAGE_2]: { body: fixture('kolada-page-2.json') },
    });
    const { sleep, waits } = fakeSleep();
    expect((await fetchKolada(options(fetch, { sleep }))).values).toHaveLength(17);
    expect(waits).toEqual([500]);
  });

  test('an answer that is not JSON, or not the documented envelope, is a bad response', async () => {
    for (const body of [
      '<!DOCTYPE html><html><body>Maintenance</body></html>',
      '{"values": [',
      '',
      '{"data": []}',
      '{"values": {}}',
      '{"count": 1, "values": [{"kpi": "N01951", "municipality": "2380", "period": 2023, "values": [{"gender": "T", "value": "12"}]}]}',
      '{"count": 1, "values": [{"kpi": "N01951", "municipality": "2380"}]}',
    ]) {
      const { fetch, requested } = fakeFetch({ [PAGE_1]: { body } });
      const error = await sourceErrorOf(fetchKolada(options(fetch)));
      expect(error.code, body).toBe('SOURCE_BAD_RESPONSE');
      expect(error.message, body).toMatch(/^Kolada/);
      expect(requested).toHaveLength(1);
    }
  });

  test('next_page must stay on the same host and must not loop', async () => {
    const away = JSON.stringify({ count: 0, values: [], next_page: 'https://evil.example/v3/data?page=2' });
    const { fetch: awayFetch } = fakeFetch({ [PAGE_1]: { body: away } });
    expect((await sourceErrorOf(fetchKolada(options(awayFetch)))).message).toContain('points away');
    const loop = JSON.stringify({ count: 0, values: [], next_page: PAGE_1 });
    const { fetch: loopFetch } = fakeFetch({ [PAGE_1]: { body: loop } });
    expect((await sourceErrorOf(fetchKolada(options(loopFetch)))).message).toContain('already read');
  });

  test('a selection that cannot be asked for is refused before any request', async () => {
    const { fetch, requested } = fakeFetch({});
    for (const bad of [
      { kpis: [] },
      { kpis: ['N01951/../../x'] },
      { areaCodes: [] },
      { areaCodes: ['2380_RegSO2025'] },
      { from: 2024, to: 2020 },
      { from: 2020.5 },
      { perPage: 10_000 },
    ] satisfies Partial<KoladaOptions>[]) {
      const error = await sourceErrorOf(fetchKolada(options(fetch, bad)));
      expect(error.code, JSON.stringify(bad)).toBe('BAD_SELECTION');
    }
    expect(requested).toEqual([]);
  });
});
