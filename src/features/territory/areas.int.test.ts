import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../test/test-database.ts';

let t: Awaited<ReturnType<typeof buildTestApp>>;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => t?.close());

const get = (url: string) => t.app.inject({ method: 'GET', url });

describe('GET /api/v1/areas', () => {
  it('lists the 8 municipalities with codes and latest population, in Swedish order', async () => {
    const res = await get('/api/v1/areas?type=municipality');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(8);
    expect(body.items.map((a: { name: string }) => a.name)).toEqual([
      'Berg',
      'Bräcke',
      'Härjedalen',
      'Krokom',
      'Ragunda',
      'Strömsund',
      'Åre',
      'Östersund',
    ]);
    const ostersund = body.items.find((a: { code: string }) => a.code === '2380');
    expect(ostersund.population).toMatchObject({ year: 2024, value: 64979 });
    expect(ostersund.samiAdministrative).toBe(true);
    expect(ostersund.geometry).toBeUndefined();
    expect(body.items.find((a: { code: string }) => a.code === '2303').samiAdministrative).toBe(false);
  });

  it('includes geometry only on request', async () => {
    const body = (await get('/api/v1/areas?type=municipality&geometry=true')).json();
    expect(body.items.every((a: { geometry: { type: string } }) => a.geometry.type === 'Polygon')).toBe(true);
    const without = (await get('/api/v1/areas?type=municipality&geometry=false')).json();
    expect(without.items[0].geometry).toBeUndefined();
  });

  it('lists the county and the 11 samebyar', async () => {
    const county = (await get('/api/v1/areas?type=county')).json();
    expect(county.items).toEqual([
      expect.objectContaining({
        code: '23',
        name: 'Jämtlands län',
        population: expect.objectContaining({ value: 132839 }),
      }),
    ]);
    const samebyar = (await get('/api/v1/areas?type=sameby')).json();
    expect(samebyar.total).toBe(11);
  });

  it('lists all types, county first, and paginates', async () => {
    const all = (await get('/api/v1/areas')).json();
    expect(all.total).toBe(20);
    expect(all.items[0].type).toBe('county');
    const page = (await get('/api/v1/areas?limit=5&offset=5')).json();
    expect(page).toMatchObject({ total: 20, limit: 5, offset: 5 });
    expect(page.items.map((a: { code: string }) => a.code)).toEqual(
      all.items.slice(5, 10).map((a: { code: string }) => a.code),
    );
  });

  it.each([
    ['/api/v1/areas?type=kommun', 'querystring.type'],
    ['/api/v1/areas?limit=0', 'querystring.limit'],
    ['/api/v1/areas?limit=abc', 'querystring.limit'],
    ['/api/v1/areas?offset=-1', 'querystring.offset'],
    ['/api/v1/areas?geometry=yes', 'querystring.geometry'],
    ["/api/v1/areas?type=municipality'%3B%20DROP%20TABLE%20areas%3B--", 'querystring.type'],
  ])('answers %s with a problem naming %s', async (url, field) => {
    const res = await get(url);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const problem = res.json();
    expect(problem).toMatchObject({ status: 400, title: 'Bad Request' });
    expect(problem.errors.map((e: { field: string }) => e.field)).toContain(field);
    // …and the data is still there.
    expect((await get('/api/v1/areas?type=municipality')).json().total).toBe(8);
  });
});

describe('GET /api/v1/areas/{code}', () => {
  it('gives a municipality with its samebyar and population series', async () => {
    const res = await get('/api/v1/areas/2321');
    expect(res.statusCode).toBe(200);
    const are = res.json();
    expect(are.name).toBe('Åre');
    expect(are.relatedAreas.map((r: { name: string }) => r.name)).toEqual([
      'Handölsdalen',
      'Jovnevaerie',
      'Kall',
      'Njaarke',
      'Tåssåsen',
    ]);
    expect(are.relatedAreas.every((r: { confidence: string }) => r.confidence.startsWith('stated'))).toBe(
      true,
    );
    expect(are.populationSeries.length).toBeGreaterThan(5);
    expect(are.populationSeries.filter((p: { sex: string }) => p.sex === 'women')).toEqual([
      expect.objectContaining({ year: 2020 }),
    ]);
    expect(are.geometry).toBeUndefined();
    expect((await get('/api/v1/areas/2321?geometry=true')).json().geometry.type).toBe('Polygon');
  });

  it('gives a sameby with its municipalities, and one without any stated', async () => {
    const tassasen = (await get('/api/v1/areas/sameby-tassasen')).json();
    expect(tassasen.type).toBe('sameby');
    expect(tassasen.relatedAreas.map((r: { code: string }) => r.code).sort()).toEqual([
      '2321',
      '2326',
      '2380',
    ]);
    const voernese = (await get('/api/v1/areas/sameby-voernese')).json();
    expect(voernese.relatedAreas).toEqual([]);
    expect(voernese.note).toContain('not verified');
  });

  it.each(['9999', 'ÅÄÖ', "2380' OR '1'='1", 'x'.repeat(100)])(
    'answers unknown code %s with 404 problem',
    async (code) => {
      const res = await get(`/api/v1/areas/${encodeURIComponent(code)}`);
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().detail).toContain('No area with code');
    },
  );

  it('rejects an over-long code (URI too long) as a problem', async () => {
    const res = await get(`/api/v1/areas/${'x'.repeat(5000)}`);
    expect(res.statusCode).toBe(414);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status: 414, title: 'URI Too Long' });
  });
});

describe('GET /api/v1/areas/geojson', () => {
  it('is a FeatureCollection of the municipalities with population', async () => {
    const res = await get('/api/v1/areas/geojson?type=municipality');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/geo+json');
    const fc = res.json();
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features).toHaveLength(8);
    expect(fc.features.find((f: { id: string }) => f.id === '2380').properties).toEqual({
      code: '2380',
      name: 'Östersund',
      type: 'municipality',
      population: 64979,
      populationYear: 2024,
    });
  });
});

describe('GET /api/v1/indicators', () => {
  it('lists population and its values for one area', async () => {
    const list = (await get('/api/v1/indicators')).json();
    expect(list.items.map((i: { id: string }) => i.id)).toContain('population');
    const res = await get('/api/v1/indicators/population/values?area=2380&sex=total&from=2015&to=2024');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.indicator.title.sv).toBe('Folkmängd den 31 december');
    expect(body.values.map((v: { year: number }) => v.year)).toEqual([2015, 2020, 2024]);
  });

  it('rejects from after to, and an unknown indicator', async () => {
    const bad = await get('/api/v1/indicators/population/values?from=2024&to=2000');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toEqual({ field: 'querystring.from', message: 'from must not be after to' });
    expect((await get('/api/v1/indicators/nope/values')).statusCode).toBe(404);
  });
});
