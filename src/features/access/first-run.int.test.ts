/** The first administrator: from env vars, or with the one-time setup link. */
import { afterEach, describe, expect, test } from 'vitest';
import { buildTestApp } from '../../test/test-database.ts';
import { signIn } from '../../test/test-users.ts';
import { ensureFirstAdmin } from './first-run.ts';
import { countUsersInRegion } from './users-service.ts';

let t: Awaited<ReturnType<typeof buildTestApp>> | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe('first run', () => {
  test('REGIONKRAFT_ADMIN_EMAIL/PASSWORD create the administrator once', async () => {
    t = await buildTestApp();
    const config = {
      ...t.config,
      auth: {
        ...t.config.auth,
        firstAdmin: { email: 'chef@region.example', password: 'ett hemligt lösenord', name: 'Chef' },
      },
    };
    expect(await ensureFirstAdmin(t.database.db, config)).toEqual({
      kind: 'admin-created',
      email: 'chef@region.example',
    });
    expect(await ensureFirstAdmin(t.database.db, config)).toEqual({ kind: 'has-users' });
    const cookie = await signIn(t.app, 'chef@region.example', 'ett hemligt lösenord');
    const session = (await t.app.inject({ url: '/api/v1/session', headers: { cookie } })).json();
    expect(session.role).toBe('admin');
  });

  test('without them, a one-time setup link creates the administrator, and only once', async () => {
    t = await buildTestApp();
    const app = t.app;
    expect((await app.inject({ url: '/api/v1/setup' })).json()).toEqual({ needed: true });
    const first = await ensureFirstAdmin(t.database.db, t.config);
    const second = await ensureFirstAdmin(t.database.db, t.config);
    if (first.kind !== 'setup-link' || second.kind !== 'setup-link') throw new Error('expected setup links');
    const setup = (token: string, email = 'forsta@region.example') =>
      app.inject({
        method: 'POST',
        url: '/api/v1/setup',
        payload: { token, email, name: 'Första Admin', password: 'mitt första lösenord' },
      });
    // A restart makes a new link; the old one no longer works.
    expect((await setup(first.token)).statusCode).toBe(403);
    expect((await setup('x'.repeat(43))).statusCode).toBe(403);
    const ok = await setup(second.token);
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().role).toBe('admin');
    const reused = await setup(second.token, 'andra@region.example');
    expect(reused.statusCode).toBe(403);
    expect(reused.json().code).toBe('SETUP_LINK_INVALID');
    expect(await countUsersInRegion(t.database.db, '23')).toBe(1);
    expect((await app.inject({ url: '/api/v1/setup' })).json()).toEqual({ needed: false });
    await expect(signIn(app, 'forsta@region.example', 'mitt första lösenord')).resolves.toBeTruthy();
  });

  test('the setup link is refused once the region has users, even if it is unused', async () => {
    t = await buildTestApp();
    const outcome = await ensureFirstAdmin(t.database.db, t.config);
    if (outcome.kind !== 'setup-link') throw new Error('expected a setup link');
    await ensureFirstAdmin(t.database.db, {
      ...t.config,
      auth: { ...t.config.auth, firstAdmin: undefined },
    });
    const { createUser } = await import('./users-service.ts');
    await createUser(
      t.database.db,
      { system: 'test', regionCode: '23' },
      { email: 'finns@test.example', name: 'Finns', role: 'viewer' },
    );
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/setup',
      payload: {
        token: 'y'.repeat(43),
        email: 'sen@region.example',
        name: 'Sen',
        password: 'ett långt lösenord',
      },
    });
    expect(response.statusCode).toBe(403);
  });
});

describe('cookies behind HTTPS', () => {
  test('with an https public URL the session cookie is Secure', async () => {
    t = await buildTestApp();
    const secure = await buildTestApp({
      auth: { ...t.config.auth, publicUrl: 'https://regionkraft.example.se' },
    });
    try {
      const { createUser } = await import('./users-service.ts');
      await createUser(
        secure.database.db,
        { system: 'test', regionCode: '23' },
        {
          email: 'https@test.example',
          name: 'Https',
          role: 'viewer',
          password: 'ett långt lösenord',
        },
      );
      const response = await secure.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in/email',
        headers: { 'content-type': 'application/json', origin: 'https://regionkraft.example.se' },
        payload: { email: 'https@test.example', password: 'ett långt lösenord' },
      });
      expect(response.statusCode, response.body).toBe(200);
      const cookie = response.cookies.find((c) => c.name.endsWith('regionkraft.session_token'));
      expect(cookie?.name).toBe('__Secure-regionkraft.session_token');
      expect(cookie?.secure).toBe(true);
      expect(cookie?.httpOnly).toBe(true);
      // …and it is recognised on the API.
      const session = await secure.app.inject({
        url: '/api/v1/session',
        headers: { cookie: `${cookie?.name}=${cookie?.value}` },
      });
      expect(session.json().user.email).toBe('https@test.example');
    } finally {
      await secure.close();
    }
  });
});
