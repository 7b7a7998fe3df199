/** Sign-in, sessions and the bad inputs around them, through the real HTTP endpoints. */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { auditEvents, authSessions, authUsers } from '../../db/schema.ts';
import { buildTestApp } from '../../test/test-database.ts';
import { createTestUsers, signIn, type TestUsers, testPassword } from '../../test/test-users.ts';
import { failedSignInFloorMs } from './auth-routes.ts';

let t: Awaited<ReturnType<typeof buildTestApp>>;
let fx: TestUsers;
beforeAll(async () => {
  t = await buildTestApp();
  fx = await createTestUsers(t.app);
});
afterAll(async () => t?.close());

const signInRequest = (email: string, password: string, extra: Record<string, string> = {}) =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/sign-in/email',
    headers: { 'content-type': 'application/json', origin: 'http://localhost:3000', ...extra },
    payload: JSON.stringify({ email, password }),
  });

const session = (cookie?: string) =>
  t.app.inject({ url: '/api/v1/session', headers: cookie ? { cookie } : {} }).then((r) => r.json());

describe('sign-in and sign-out', () => {
  test('a session cookie is HttpOnly, SameSite=Lax, and not Secure on plain http', async () => {
    const response = await signInRequest(fx.users.editor.email, testPassword);
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'regionkraft.session_token');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    expect(cookie?.secure).toBeFalsy();
  });

  test('the session token is only in the HttpOnly cookie, never in a response body', async () => {
    const response = await signInRequest(fx.users.editor.email, testPassword);
    const cookie = response.cookies.find((c) => c.name === 'regionkraft.session_token');
    const token = decodeURIComponent(cookie?.value ?? '').split('.')[0] ?? '';
    expect(token.length).toBeGreaterThan(10);
    expect(response.body).not.toContain(token);
    expect(response.json().user.email).toBe(fx.users.editor.email);
    const session = await t.app.inject({
      url: '/api/auth/get-session',
      headers: { cookie: `${cookie?.name}=${cookie?.value}` },
    });
    expect(session.statusCode).toBe(200);
    expect(session.body).not.toContain(token);
    expect(session.json().user.email).toBe(fx.users.editor.email);
  });

  test('e-mail is matched case-insensitively', async () => {
    const response = await signInRequest(fx.users.viewer.email.toUpperCase(), testPassword);
    expect(response.statusCode).toBe(200);
  });

  test('the session names the user, role and organisation; signing out ends it', async () => {
    const cookie = await signIn(t.app, fx.users.partner.email);
    const before = await session(cookie);
    expect(before.user.email).toBe(fx.users.partner.email);
    expect(before.role).toBe('partner');
    expect(before.organisation).toEqual({ id: fx.orgA.id, name: fx.orgA.name });
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      headers: { cookie, 'content-type': 'application/json', origin: 'http://localhost:3000' },
      payload: '{}',
    });
    expect(out.statusCode).toBe(200);
    expect((await session(cookie)).user).toBeNull();
    const write = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/actors/${fx.orgA.id}`,
      headers: { cookie, 'if-match': '"1"' },
      payload: { description: 'after sign-out' },
    });
    expect(write.statusCode).toBe(401);
  });

  test('sign-ins are in the audit trail', async () => {
    await signIn(t.app, fx.users.admin.email);
    const rows = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityId, fx.users.admin.id));
    expect(rows.some((r) => r.action === 'sign_in' && r.actorLabel === fx.users.admin.email)).toBe(true);
  });

  test('public sign-up and other unused better-auth endpoints are closed', async () => {
    const signUp = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-up/email',
      headers: { 'content-type': 'application/json' },
      payload: { email: 'stranger@test.example', password: 'a long password here', name: 'Stranger' },
    });
    expect(signUp.statusCode).toBe(404);
    expect(signUp.headers['content-type']).toContain('application/problem+json');
    const deleteUser = await t.app.inject({ method: 'POST', url: '/api/auth/delete-user', payload: {} });
    expect(deleteUser.statusCode).toBe(404);
    const [stranger] = await t.database.db
      .select()
      .from(authUsers)
      .where(eq(authUsers.email, 'stranger@test.example'));
    expect(stranger).toBeUndefined();
  });
});

describe('wrong password: no user enumeration', () => {
  test('an unknown e-mail and a wrong password give the same problem', async () => {
    const unknown = await signInRequest('nobody@test.example', 'wrong password 123');
    const wrong = await signInRequest(fx.users.editor.email, 'wrong password 123');
    for (const r of [unknown, wrong]) {
      expect(r.statusCode).toBe(401);
      expect(r.headers['content-type']).toContain('application/problem+json');
      expect(r.cookies).toHaveLength(0);
    }
    const { instance: _a, ...a } = unknown.json();
    const { instance: _b, ...b } = wrong.json();
    expect(a).toEqual(b);
    expect(a.code).toBe('INVALID_EMAIL_OR_PASSWORD');
  });

  test('a failed sign-in takes as long whether the e-mail is known or not', async () => {
    // Interleaved, so drift in machine load hits both sides alike.
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 6; i++) {
      for (const [email, times] of [
        [fx.users.viewer.email, known],
        [`nobody-${i}@test.example`, unknown],
      ] as const) {
        const start = performance.now();
        await signInRequest(email, `wrong password ${i}`);
        times.push(performance.now() - start);
      }
    }
    // Every failure waits for the same floor, well above the few milliseconds a known e-mail costs.
    for (const time of [...known, ...unknown]) expect(time).toBeGreaterThanOrEqual(failedSignInFloorMs - 1);
    const median = (times: number[]) => [...times].sort((x, y) => x - y)[Math.floor(times.length / 2)] ?? 0;
    expect(Math.abs(median(known) - median(unknown))).toBeLessThan(failedSignInFloorMs / 3);
  });
});

describe('sessions', () => {
  test('an expired session is anonymous and cannot write', async () => {
    const cookie = await signIn(t.app, fx.users.editor.email);
    expect((await session(cookie)).role).toBe('editor');
    const token = decodeURIComponent(cookie.split('=')[1] ?? '').split('.')[0] ?? '';
    await t.database.db
      .update(authSessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(authSessions.token, token));
    expect((await session(cookie)).user).toBeNull();
    const write = await t.app.inject({
      method: 'POST',
      url: '/api/v1/actors',
      headers: { cookie },
      payload: { name: 'Efter utgång', kind: 'other', level: 'local' },
    });
    expect(write.statusCode).toBe(401);
    expect(write.json().code).toBe('SIGN_IN_REQUIRED');
  });

  test('a forged or garbage cookie is anonymous', async () => {
    for (const cookie of [
      'regionkraft.session_token=forged.value',
      "regionkraft.session_token='; DROP TABLE auth_users; --",
    ]) {
      expect((await session(cookie)).user).toBeNull();
    }
  });

  test('changing the password ends the other sessions and the old password stops working', async () => {
    const email = 'changer@test.example';
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { cookie: await signIn(t.app, fx.users.admin.email) },
      payload: { email, name: 'Byter lösenord', role: 'viewer', password: testPassword },
    });
    const first = await signIn(t.app, email);
    const second = await signIn(t.app, email);
    const change = await t.app.inject({
      method: 'POST',
      url: '/api/auth/change-password',
      headers: { cookie: second, 'content-type': 'application/json', origin: 'http://localhost:3000' },
      payload: {
        currentPassword: testPassword,
        newPassword: 'ett nytt långt lösenord',
        revokeOtherSessions: true,
      },
    });
    expect(change.statusCode).toBe(200);
    expect((await session(first)).user).toBeNull();
    expect((await signInRequest(email, testPassword)).statusCode).toBe(401);
    expect((await signInRequest(email, 'ett nytt långt lösenord')).statusCode).toBe(200);
    const wrongCurrent = await t.app.inject({
      method: 'POST',
      url: '/api/auth/change-password',
      headers: {
        cookie: await signIn(t.app, email, 'ett nytt långt lösenord'),
        'content-type': 'application/json',
        origin: 'http://localhost:3000',
      },
      payload: { currentPassword: 'not the password', newPassword: 'yet another long one' },
    });
    expect(wrongCurrent.statusCode).toBe(400);
    expect(wrongCurrent.json().code).toBe('INVALID_PASSWORD');
  });

  test('a switched-off account is signed out at once and cannot sign in again', async () => {
    const admin = await signIn(t.app, fx.users.admin.email);
    const email = 'leaver@test.example';
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { cookie: admin },
      payload: { email, name: 'Slutar', role: 'editor', password: testPassword },
    });
    const cookie = await signIn(t.app, email);
    const off = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${created.json().id}`,
      headers: { cookie: admin, 'if-match': `"${created.json().version}"` },
      payload: { disabled: true },
    });
    expect(off.statusCode).toBe(200);
    expect(off.json().disabled).toBe(true);
    expect((await session(cookie)).user).toBeNull();
    const again = await signInRequest(email, testPassword);
    expect(again.statusCode).toBe(403);
    expect(again.json().code).toBe('ACCOUNT_DISABLED');
  });
});

describe('bad input', () => {
  test('a forged cross-site POST is refused before it reaches the route', async () => {
    const cookie = await signIn(t.app, fx.users.editor.email);
    for (const headers of [
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { 'sec-fetch-site': 'cross-site' },
    ]) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/actors',
        headers: { cookie, ...headers },
        payload: { name: `Förfalskad ${JSON.stringify(headers)}`, kind: 'other', level: 'local' },
      });
      expect(response.statusCode).toBe(403);
      expect(response.json().code).toBe('CROSS_SITE_REQUEST');
    }
    // The same request from the app's own page goes through.
    const own = await t.app.inject({
      method: 'POST',
      url: '/api/v1/actors',
      headers: {
        cookie,
        origin: 'http://localhost:80',
        host: 'localhost:80',
        'sec-fetch-site': 'same-origin',
      },
      payload: { name: 'Från egen sida', kind: 'other', level: 'local' },
    });
    expect(own.statusCode).toBe(201);
    // A cross-site sign-in form (login CSRF) is refused too.
    const login = await signInRequest(fx.users.editor.email, testPassword, {
      origin: 'https://evil.example',
    });
    expect(login.statusCode).toBe(403);
  });

  test('an encoded path (/%61pi/…) gets the same session, origin check and guard as /api/…', async () => {
    const cookie = await signIn(t.app, fx.users.editor.email);
    const session = (await t.app.inject({ url: '/%61pi/v1/session', headers: { cookie } })).json();
    expect(session.role).toBe('editor');
    const forged = await t.app.inject({
      method: 'POST',
      url: '/%61pi/v1/actors',
      headers: { cookie, origin: 'https://evil.example' },
      payload: { name: 'Via kodad väg', kind: 'other', level: 'local' },
    });
    expect(forged.statusCode).toBe(403);
    const anonymous = await t.app.inject({ method: 'POST', url: '/%61pi/v1/actors', payload: { name: 'x' } });
    expect(anonymous.statusCode).toBe(401);
  });

  test('signed-in answers are never cached by shared caches', async () => {
    const cookie = await signIn(t.app, fx.users.editor.email);
    const response = await t.app.inject({ url: `/api/v1/actors/${fx.orgB.id}`, headers: { cookie } });
    expect(response.headers['cache-control']).toBe('private, no-store');
    expect(String(response.headers.vary)).toContain('Cookie');
  });

  test('an oversized body is a 413 problem, for the API and for sign-in', async () => {
    const cookie = await signIn(t.app, fx.users.editor.email);
    const huge = await t.app.inject({
      method: 'POST',
      url: '/api/v1/actors',
      headers: { cookie, 'content-type': 'application/json' },
      payload: JSON.stringify({
        name: 'x',
        kind: 'other',
        level: 'local',
        description: 'å'.repeat(2_000_000),
      }),
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.headers['content-type']).toContain('application/problem+json');
    const hugeSignIn = await signInRequest('a@test.example', 'p'.repeat(100_000));
    expect(hugeSignIn.statusCode).toBe(413);
    expect(hugeSignIn.headers['content-type']).toContain('application/problem+json');
  });

  test('malformed JSON is a 400 problem, for the API and for sign-in', async () => {
    const cookie = await signIn(t.app, fx.users.editor.email);
    const broken = await t.app.inject({
      method: 'POST',
      url: '/api/v1/actors',
      headers: { cookie, 'content-type': 'application/json' },
      payload: '{"name": "Trasig", ',
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.headers['content-type']).toContain('application/problem+json');
    const brokenSignIn = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      headers: { 'content-type': 'application/json', origin: 'http://localhost:3000' },
      payload: '{"email": ',
    });
    expect(brokenSignIn.statusCode).toBeGreaterThanOrEqual(400);
    expect(brokenSignIn.statusCode).toBeLessThan(500);
    expect(brokenSignIn.headers['content-type']).toContain('application/problem+json');
  });

  test('wrong types and missing fields name the field', async () => {
    const cookie = await signIn(t.app, fx.users.editor.email);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/actors',
      headers: { cookie },
      payload: { name: 42, kind: 'bank', level: 'local', extra: true },
    });
    expect(response.statusCode).toBe(400);
    const fields = (response.json().errors as Array<{ field: string }>).map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['body.name', 'body.kind']));
  });
});

describe('sign-in rate limit', () => {
  test('too many attempts from one address get 429 problems, others are not affected', async () => {
    const limited = await buildTestApp({ auth: { ...t.config.auth, signInAttemptsPerMinute: 3 } });
    try {
      const attempt = (remoteAddress: string) =>
        limited.app.inject({
          method: 'POST',
          url: '/api/auth/sign-in/email',
          remoteAddress,
          headers: { 'content-type': 'application/json', origin: 'http://localhost:3000' },
          payload: { email: 'nobody@test.example', password: 'wrong password 1' },
        });
      const statuses = [];
      for (let i = 0; i < 5; i++) statuses.push((await attempt('10.0.0.1')).statusCode);
      expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
      expect(statuses.slice(3)).toEqual([429, 429]);
      const blocked = await attempt('10.0.0.1');
      expect(blocked.json().code).toBe('TOO_MANY_REQUESTS');
      expect(blocked.headers['content-type']).toContain('application/problem+json');
      expect((await attempt('10.0.0.2')).statusCode).toBe(401);
    } finally {
      await limited.close();
    }
  });
});

describe('a NUL character anywhere is a 400, never a 500', () => {
  test('in search, ids and bodies', async () => {
    const cookie = await signIn(t.app, fx.users.editor.email);
    const requests = [
      t.app.inject({ url: '/api/v1/actors?q=a%00b' }),
      t.app.inject({ url: '/api/v1/efforts?q=a%00b' }),
      t.app.inject({ url: '/api/v1/audit?entity=organisation&id=a%00b', headers: { cookie } }),
      t.app.inject({
        method: 'POST',
        url: '/api/v1/actors',
        headers: { cookie },
        payload: { name: 'Noll', kind: 'other', level: 'local', description: 'a\u0000b' },
      }),
      t.app.inject({
        method: 'POST',
        url: '/api/v1/efforts',
        headers: { cookie },
        payload: { title: 'Noll', status: 'planned', description: 'a\u0000b' },
      }),
    ];
    for (const response of await Promise.all(requests)) {
      expect(response.statusCode, response.body).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
  });
});
