import { afterAll, beforeAll, expect, test } from 'vitest';
import { buildTestApp } from '../../test/test-database.ts';
import { createTestUsers, signIn } from '../../test/test-users.ts';

let t: Awaited<ReturnType<typeof buildTestApp>>;
let fx: Awaited<ReturnType<typeof createTestUsers>>;
beforeAll(async () => {
  t = await buildTestApp();
  fx = await createTestUsers(t.app);
});
afterAll(async () => t?.close());

test('smoke', async () => {
  const cookie = await signIn(t.app, fx.users.editor.email);
  console.log(cookie);
  const s = await t.app.inject({ url: '/api/v1/session', headers: { cookie } });
  console.log(s.statusCode, s.body);
  const list = await t.app.inject({ url: '/api/v1/organisations', headers: { cookie } });
  console.log(list.statusCode, list.body.slice(0, 300));
  const anon = await t.app.inject({ url: '/api/v1/organisations' });
  console.log(anon.statusCode, anon.body.slice(0, 300));
  const bad = await t.app.inject({
    method: 'POST',
    url: '/api/auth/sign-in/email',
    payload: { email: 'nobody@x.se', password: 'wrongwrongwrong' },
  });
  console.log(bad.statusCode, bad.headers['content-type'], bad.body);
  const anonPost = await t.app.inject({ method: 'POST', url: '/api/v1/organisations', payload: {} });
  console.log(anonPost.statusCode, anonPost.body);
  const audit = await t.app.inject({
    url: `/api/v1/audit?entity=organisation&id=${fx.orgA.id}`,
    headers: { cookie },
  });
  console.log(audit.statusCode, audit.body.slice(0, 500));
  expect(s.statusCode).toBe(200);
});
