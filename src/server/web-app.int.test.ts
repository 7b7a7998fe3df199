/** The server serves the built web app: entry page, client-side routes, hashed assets. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase, testConfig } from '../test/test-database.ts';
import { buildApp } from './app.ts';

let app: FastifyInstance;
let database: TestDatabase;
// dist/ inside a folder of our own, next to a file that must never be served.
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rk-web-'));
const webDistDir = path.join(root, 'dist');

beforeAll(async () => {
  fs.mkdirSync(path.join(webDistDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'secret.txt'), 'TOP-SECRET');
  fs.writeFileSync(path.join(webDistDir, 'index.html'), '<!doctype html><title>Regionkraft</title>');
  fs.writeFileSync(path.join(webDistDir, 'assets', 'main-abc123.js'), 'console.log(1)');
  database = await openTestDatabase();
  app = await buildApp({ config: testConfig({ webDistDir }), database, logger: false });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await database?.dispose();
});

const get = (url: string) => app.inject({ method: 'GET', url });

describe('serving the web app', () => {
  it.each(['/', '/kommuner', '/kommuner/2380', '/agenda-2030?x=1'])(
    'answers %s with the entry page',
    async (url) => {
      const res = await get(url);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.body).toContain('<title>Regionkraft</title>');
    },
  );

  it('serves hashed assets as immutable', async () => {
    const res = await get('/assets/main-abc123.js');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toContain('immutable');
  });

  it('picks up files added after start (a rebuild needs no restart)', async () => {
    fs.writeFileSync(path.join(webDistDir, 'assets', 'main-def456.js'), 'console.log(2)');
    expect((await get('/assets/main-def456.js')).statusCode).toBe(200);
  });

  it.each(['/assets/missing.js', '/api/v1/missing', '/health/missing'])(
    'answers %s with a 404 problem',
    async (url) => {
      const res = await get(url);
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
    },
  );

  it.each(['/..%2fsecret.txt', '/../secret.txt', '/assets/..%2f..%2fsecret.txt', '/%2e%2e/secret.txt'])(
    'does not serve files outside the web app: %s',
    async (url) => {
      const res = await get(url);
      expect(res.body).not.toContain('TOP-SECRET');
    },
  );

  it('serves a file inside dist, so the checks above would see a leak', async () => {
    fs.writeFileSync(path.join(webDistDir, 'inside.txt'), 'TOP-SECRET-INSIDE');
    expect((await get('/inside.txt')).body).toContain('TOP-SECRET-INSIDE');
  });
});
