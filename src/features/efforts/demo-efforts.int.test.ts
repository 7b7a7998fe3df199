/** The demo data: deterministic, covering the county and the steering structure, marked as examples. */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { buildTestApp } from '../../test/test-database.ts';
import { seedDemoUsers } from '../access/demo-users.ts';
import { seedDemoEfforts } from './demo-efforts.ts';

let a: Awaited<ReturnType<typeof buildTestApp>>;
let b: Awaited<ReturnType<typeof buildTestApp>>;
beforeAll(async () => {
  [a, b] = await Promise.all([buildTestApp(), buildTestApp()]);
});
afterAll(async () => {
  await a?.close();
  await b?.close();
});

const exportCsv = async (app: typeof a.app, cookie: string) =>
  (await app.inject({ url: '/api/v1/efforts/export?format=csv', headers: { cookie } })).body;

test('without --demo there are no efforts; with it about 40 example efforts, the same on every database', async () => {
  expect((await a.app.inject({ url: '/api/v1/efforts' })).json().total).toBe(0);
  for (const t of [a, b]) {
    await seedDemoUsers(t.database.db, '23');
    expect(await seedDemoEfforts(t.database.db, '23')).toEqual({ actors: 27, efforts: 40 });
    expect(await seedDemoEfforts(t.database.db, '23')).toEqual({ actors: 0, efforts: 0 });
  }
  const signIn = async (app: typeof a.app) => {
    const r = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      headers: { origin: 'http://localhost:3000' },
      payload: { email: 'editor@demo.regionkraft.example', password: 'demo-editor-2026' },
    });
    return r.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  };
  const cookieA = await signIn(a.app);
  expect(await exportCsv(a.app, cookieA)).toBe(await exportCsv(b.app, await signIn(b.app)));

  const list = (
    await a.app.inject({ url: '/api/v1/efforts?limit=500', headers: { cookie: cookieA } })
  ).json();
  expect(list.items.every((i: { isExample: boolean }) => i.isExample)).toBe(true);
  const reached = new Set(list.items.flatMap((i: { municipalities: string[] }) => i.municipalities));
  expect(reached.size).toBe(8);
  const steering = (await a.app.inject({ url: '/api/v1/steering' })).json();
  for (const p of steering.priorities) {
    expect(
      (await a.app.inject({ url: `/api/v1/efforts?priority=${p.id}` })).json().total,
      p.title.sv,
    ).toBeGreaterThan(0);
  }
  for (const s of steering.strengthAreas) {
    expect(
      (await a.app.inject({ url: `/api/v1/efforts?strengthArea=${s.id}` })).json().total,
      s.name.sv,
    ).toBeGreaterThan(0);
  }
  for (const financier of [
    'regional_development_1_1',
    'erdf',
    'jtf',
    'interreg',
    'municipality',
    'private',
  ]) {
    const total = (
      await a.app.inject({ url: `/api/v1/efforts?financier=${financier}`, headers: { cookie: cookieA } })
    ).json().total;
    expect(total, financier).toBeGreaterThan(0);
  }
});
