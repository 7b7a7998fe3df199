import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../test/test-database.ts';

let t: Awaited<ReturnType<typeof buildTestApp>>;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => t?.close());

const get = (url: string) => t.app.inject({ method: 'GET', url });

describe('GET /api/v1/steering', () => {
  it('gives the documents, goal, priorities, strength areas and national areas', async () => {
    const res = await get('/api/v1/steering');
    expect(res.statusCode).toBe(200);
    const s = res.json();
    expect(s.region).toEqual({ code: '23', name: 'Jämtlands län', authority: 'Region Jämtland Härjedalen' });
    expect(s.goal.text.sv).toBe(
      'Utvecklingskraft med stärkt lokal och regional konkurrenskraft för en hållbar utveckling i alla delar av länet',
    );
    expect(s.documents.map((d: { kind: string; diarienummer: string }) => [d.kind, d.diarienummer])).toEqual([
      ['development_strategy', 'RUN/515/2018'],
      ['goals_and_priorities', 'RUN/516/2020'],
      ['smart_specialisation', 'RUN/430/2018'],
    ]);
    expect(s.documents[0].adoptedOn).toBe('2021-02-17');
    expect(s.priorities.map((p: { number: number }) => p.number)).toEqual([1, 2, 3]);
    expect(s.priorities[1].title.sv).toContain('målkonflikter');
    expect(s.strengthAreas.map((a: { slug: string }) => a.slug)).toEqual([
      'jord-skog-och-vatten',
      'upplevelser',
      'hallbar-energi',
      'digitala-losningar',
    ]);
    expect(s.nationalAreas).toHaveLength(4);
    expect(s.nationalAreas[0].title.sv).toBe(
      'Likvärdiga möjligheter till boende, arbete och välfärd i hela landet',
    );
  });
});

describe('GET /api/v1/sdgs', () => {
  it('gives 17 goals with 169 targets in UN order, Swedish where available', async () => {
    const { goals } = (await get('/api/v1/sdgs')).json();
    expect(goals).toHaveLength(17);
    expect(goals.flatMap((g: { targets: unknown[] }) => g.targets)).toHaveLength(169);
    const goal8 = goals[7];
    expect(goal8.short.sv).toBe('Anständiga arbetsvillkor och ekonomisk tillväxt');
    expect(goal8.targets[0].id).toBe('8.1');
    expect(goal8.targets.at(-1).id).toBe('8.b');
    const target82 = goal8.targets.find((x: { id: string }) => x.id === '8.2');
    expect(target82.title.sv).toBeTruthy();
    // Most targets have no Swedish text in the shipped data: sv is null, en is there.
    const target85 = goal8.targets.find((x: { id: string }) => x.id === '8.5');
    expect(target85.title).toEqual({
      sv: null,
      en: expect.stringContaining('full and productive employment'),
    });
  });

  it('gives one goal, and problems for a bad one', async () => {
    expect((await get('/api/v1/sdgs/13')).json().short.en).toBe('Climate action');
    expect((await get('/api/v1/sdgs/18')).statusCode).toBe(400);
    expect((await get('/api/v1/sdgs/abc')).json().errors[0].field).toBe('params.goal');
  });
});

describe('health and API description', () => {
  it('is live and ready, on the database the run asked for', async () => {
    expect(t.database.kind).toBe(process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite');
    expect((await get('/health/live')).json()).toEqual({ status: 'ok' });
    expect((await get('/health/ready')).json()).toEqual({ status: 'ok', database: t.database.kind });
  });

  it('serves an OpenAPI 3.1 document describing every endpoint, and the docs page', async () => {
    const doc = (await get('/api/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/areas',
        '/api/v1/areas/geojson',
        '/api/v1/areas/{code}',
        '/api/v1/steering',
        '/api/v1/sdgs',
        '/api/v1/indicators/{id}/values',
        '/health/ready',
      ]),
    );
    expect(doc.paths['/api/v1/areas'].get.parameters.map((p: { name: string }) => p.name)).toContain('type');
    const docs = await get('/api/docs/');
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toContain('text/html');
  });

  it('matches the OpenAPI document the web client was generated from (else: npm run gen:api)', async () => {
    const committed = JSON.parse(
      fs.readFileSync(path.join(t.config.dataFilesDir, '..', 'web', 'src', 'api', 'openapi.json'), 'utf8'),
    );
    expect(committed).toEqual(JSON.parse(JSON.stringify(t.app.swagger())));
  });

  it('answers unknown API routes with a 404 problem, and sets security headers', async () => {
    const res = await get('/api/v1/no-such-thing');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status: 404, title: 'Not Found', instance: '/api/v1/no-such-thing' });
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});
