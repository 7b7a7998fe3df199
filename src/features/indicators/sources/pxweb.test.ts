import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { dnsFailure, fakeFetch, fakeSleep, sourceErrorOf } from './http-fakes.ts';
import { fetchPxWeb, fromScbRegion, fromScbSex, type PxWebOptions, pxWebDataUrl } from './pxweb.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

const BASE = 'https://api.scb.se/OV0104/v2beta/api/v2';
const selection = {
  Region: ['00', '23', '2321', '2326', '2380'],
  Kon: ['1', '2', '1+2'],
  ContentsCode: ['BE0101N1'],
  Tid: ['2022', '2023'],
};
const URL_638 =
  `${BASE}/tables/TAB638/data?lang=sv&outputFormat=json-stat2` +
  '&valueCodes%5BRegion%5D=00,23,2321,2326,2380&valueCodes%5BKon%5D=1,2,1%2B2' +
  '&valueCodes%5BContentsCode%5D=BE0101N1&valueCodes%5BTid%5D=2022,2023';

const options = (fetch: typeof globalThis.fetch, extra: Partial<PxWebOptions> = {}): PxWebOptions => ({
  table: 'TAB638',
  indicatorId: 'population',
  selection,
  fetch,
  sleep: fakeSleep().sleep,
  ...extra,
});

/** A small dataset in the shape SCB answers, built from its dimensions and values. */
function dataset(
  dims: Array<[string, string[], Record<string, string>?]>,
  value: Array<number | null>,
  extra = {},
) {
  return JSON.stringify({
    version: '2.0',
    class: 'dataset',
    id: dims.map(([id]) => id),
    size: dims.map(([, codes]) => codes.length),
    dimension: Object.fromEntries(
      dims.map(([id, codes, labels]) => [
        id,
        {
          label: id,
          category: { index: Object.fromEntries(codes.map((c, i) => [c, i])), label: labels ?? {} },
        },
      ]),
    ),
    value,
    ...extra,
  });
}

describe('codes', () => {
  test('SCB regions: 00 is Sweden, counties and municipalities as they are, nothing else', () => {
    expect(['00', '23', '2380', '2380_RegSO2025', '0', '238', 'SE', '23_x'].map(fromScbRegion)).toEqual([
      'SE',
      '23',
      '2380',
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  test('SCB sexes: 1 men, 2 women, 1+2 total', () => {
    expect(['1', '2', '1+2', 'T', '3', 'constructor'].map(fromScbSex)).toEqual([
      'men',
      'women',
      'total',
      undefined,
      undefined,
      undefined,
    ]);
  });

  test('the data URL encodes variable names and codes, and joins codes with commas', () => {
    expect(pxWebDataUrl(`${BASE}/`, 'TAB638', selection)).toBe(URL_638);
    expect(pxWebDataUrl(BASE, 'TAB1', { 'Å r&x': ['a b', 'ö/ä'] })).toBe(
      `${BASE}/tables/TAB1/data?lang=sv&outputFormat=json-stat2&valueCodes%5B%C3%85%20r%26x%5D=a%20b,%C3%B6%2F%C3%A4`,
    );
  });
});

describe('fetchPxWeb', () => {
  test('reads the recorded TAB638 answer: regions, sexes and years', async () => {
    const { fetch, requested } = fakeFetch({ [URL_638]: { body: fixture('pxweb-tab638-population.json') } });
    const result = await fetchPxWeb(options(fetch));
    expect(requested).toEqual([URL_638]);
    expect(result.problems).toEqual([]);
    // 5 regions × 3 sexes × 2 years, less the one value SCB marks "..".
    expect(result.values).toHaveLength(29);
    expect(result.values[0]).toEqual({
      indicatorId: 'population',
      areaCode: 'SE',
      year: 2022,
      sex: 'men',
      value: 5282360,
      status: 'final',
      source: 'SCB TAB638',
    });
    const of = (areaCode: string, year: number) =>
      Object.fromEntries(
        result.values.filter((v) => v.areaCode === areaCode && v.year === year).map((v) => [v.sex, v.value]),
      );
    expect(of('2380', 2023)).toEqual({ men: 32657, women: 32322, total: 64979 });
    expect(of('23', 2023)).toEqual({ men: 67600, women: 64876, total: 132476 });
    expect(of('2326', 2023)).toEqual({ men: 3540, total: 6861 });
    expect(result.values.every((v) => v.status === 'final')).toBe(true);
  });

  test('a table without a sex variable gives totals; other variable names can be set', async () => {
    const body = dataset(
      [
        ['Lan', ['23']],
        ['ContentsCode', ['X1']],
        ['Ar', ['2021', '2022']],
      ],
      [1.5, 2.5],
    );
    const { fetch } = fakeFetch({}, { body });
    const result = await fetchPxWeb(
      options(fetch, {
        selection: { Lan: ['23'], ContentsCode: ['X1'], Ar: ['2021', '2022'] },
        dimensions: { area: 'Lan', year: 'Ar' },
      }),
    );
    expect(result.values.map((v) => [v.areaCode, v.year, v.sex, v.value])).toEqual([
      ['23', 2021, 'total', 1.5],
      ['23', 2022, 'total', 2.5],
    ]);
  });

  test('preliminary by status mark or by a "preliminär" label; ".." and null skipped', async () => {
    const body = dataset(
      [
        ['Region', ['2380']],
        ['ContentsCode', ['BE0101N1'], { BE0101N1: 'Folkmängd' }],
        ['Tid', ['2021', '2022', '2023', '2024', '2025'], { '2025': '2025 (preliminär)' }],
      ],
      [10, 11, 12, 13, 14],
      { status: { '1': 'p', '2': '..', '3': 'Prel.' } },
    );
    const { fetch } = fakeFetch({}, { body });
    const result = await fetchPxWeb(
      options(fetch, { selection: { Region: ['2380'], ContentsCode: ['BE0101N1'], Tid: ['2021'] } }),
    );
    expect(result.values.map((v) => [v.year, v.status])).toEqual([
      [2021, 'final'],
      [2022, 'preliminary'],
      [2024, 'preliminary'],
      [2025, 'preliminary'],
    ]);
    expect(result.problems).toEqual([]);

    const prelContent = dataset(
      [
        ['Region', ['2380']],
        ['ContentsCode', ['X'], { X: 'Sysselsatta, preliminära uppgifter' }],
        ['Tid', ['2024']],
      ],
      [5],
    );
    const { fetch: fetch2 } = fakeFetch({}, { body: prelContent });
    const result2 = await fetchPxWeb(
      options(fetch2, { selection: { Region: ['2380'], ContentsCode: ['X'] } }),
    );
    expect(result2.values[0]?.status).toBe('preliminary');
  });

  test('regions, times and sexes that are not ours are problems, once per code', async () => {
    const body = dataset(
      [
        ['Region', ['2380', '2380_RegSO2025', '0']],
        ['Kon', ['1', '3']],
        ['ContentsCode', ['BE0101N1']],
        ['Tid', ['2023', '2023M01']],
      ],
      Array.from({ length: 12 }, (_, i) => i),
    );
    const { fetch } = fakeFetch({}, { body });
    const result = await fetchPxWeb(options(fetch));
    expect(result.values.map((v) => [v.areaCode, v.sex, v.year, v.value])).toEqual([
      ['2380', 'men', 2023, 0],
    ]);
    expect(result.problems).toEqual([
      {
        where: 'Tid 2023M01',
        message: expect.stringMatching(/"2023M01" is not a year.*its 6 values were not imported$/),
      },
      {
        where: 'Kon 3',
        message: expect.stringMatching(/"3" is not 1 \(men\).*its 6 values were not imported$/),
      },
      { where: 'Region 2380_RegSO2025', message: expect.stringContaining('its 4 values were not imported') },
      { where: 'Region 0', message: expect.stringContaining('its 4 values were not imported') },
    ]);
  });

  test('exactly one content per import, and one value of any other variable', async () => {
    const { fetch, requested } = fakeFetch({});
    const cases: Array<[Partial<PxWebOptions>, RegExp]> = [
      [
        { selection: { ...selection, ContentsCode: ['BE0101N1', 'BE0101N2'] } },
        /exactly one ContentsCode, not 2/,
      ],
      [{ selection: { Region: ['23'], Tid: ['2023'] } }, /exactly one ContentsCode/],
      [{ selection: { ...selection, Alder: ['0', '1'] } }, /one value of Alder, not 2/],
      [{ selection: { ...selection, Region: [] } }, /at least one value of Region/],
      [{ selection: { ...selection, Region: ['23,24'] } }, /comma/],
      [{ selection: { ...selection, 'Region]': ['23'] } }, /variable code/],
      [{ table: '../tables/TAB1' }, /table id/],
      [{ indicatorId: ' ' }, /indicator/],
    ];
    for (const [extra, message] of cases) {
      const error = await sourceErrorOf(fetchPxWeb(options(fetch, extra)));
      expect(error.code, JSON.stringify(extra)).toBe('BAD_SELECTION');
      expect(error.message).toMatch(message);
    }
    expect(requested).toEqual([]);
  });

  test('an answer that cannot be one value per area, year and sex is refused', async () => {
    const withAge = dataset(
      [
        ['Region', ['23']],
        ['Alder', ['0', '1']],
        ['ContentsCode', ['BE0101N1']],
        ['Tid', ['2023']],
      ],
      [1, 2],
    );
    const noTime = dataset(
      [
        ['Region', ['23']],
        ['ContentsCode', ['BE0101N1']],
      ],
      [1],
    );
    const twoContents = dataset(
      [
        ['Region', ['23']],
        ['ContentsCode', ['A', 'B']],
        ['Tid', ['2023']],
      ],
      [1, 2],
    );
    for (const [body, code, message] of [
      [withAge, 'BAD_SELECTION', /2 values of Alder \(0, 1\)/],
      [noTime, 'BAD_SELECTION', /no variable Tid \(it has Region, ContentsCode\)/],
      [twoContents, 'SOURCE_BAD_RESPONSE', /2 values of ContentsCode/],
    ] as const) {
      const { fetch } = fakeFetch({}, { body });
      const error = await sourceErrorOf(fetchPxWeb(options(fetch)));
      expect(error.code).toBe(code);
      expect(error.message).toMatch(message);
    }
  });

  test('HTTP errors, retries and bad answers behave as for Kolada', async () => {
    const { sleep, waits } = fakeSleep();
    const { fetch, requested } = fakeFetch({
      [URL_638]: [
        { status: 429, headers: { 'Retry-After': '10' } },
        { status: 503 },
        { body: fixture('pxweb-tab638-population.json') },
      ],
    });
    expect((await fetchPxWeb(options(fetch, { sleep }))).values).toHaveLength(29);
    expect(requested).toHaveLength(3);
    expect(waits).toEqual([10_000, 1000]);

    const notFound = fakeFetch(
      {},
      { status: 404, body: '{"type":"NotFound","title":"Table TAB9999 not found"}' },
    );
    const error404 = await sourceErrorOf(fetchPxWeb(options(notFound.fetch, { table: 'TAB9999' })));
    expect([error404.code, error404.status]).toEqual(['SOURCE_HTTP_ERROR', 404]);
    expect(error404.message).toContain('SCB answered HTTP 404');
    expect(error404.message).toContain('Table TAB9999 not found');
    expect(notFound.requested).toHaveLength(1);

    const offline = fakeFetch({}, dnsFailure('api.scb.se'));
    const offlineError = await sourceErrorOf(fetchPxWeb(options(offline.fetch, { maxRetries: 1 })));
    expect(offlineError.code).toBe('NETWORK_UNREACHABLE');
    expect(offlineError.message).toContain('SCB could not be reached (getaddrinfo ENOTFOUND api.scb.se');
    expect(offline.requested).toHaveLength(2);

    for (const body of ['<html>Bad gateway</html>', '{"class": "dataset"}', '[]']) {
      const error = await sourceErrorOf(fetchPxWeb(options(fakeFetch({}, { body }).fetch)));
      expect(error.code, body).toBe('SOURCE_BAD_RESPONSE');
    }
  });
});
