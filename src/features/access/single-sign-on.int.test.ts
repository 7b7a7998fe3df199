/**
 * Single sign-on through OpenID Connect, against a local fake issuer (oauth2-mock-server) standing
 * in for Microsoft Entra ID: discovery, authorisation code with PKCE, ID-token verification.
 */
import { OAuth2Server } from 'oauth2-mock-server';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildTestApp } from '../../test/test-database.ts';
import { createUser } from './users-service.ts';

let issuer: OAuth2Server;
let t: Awaited<ReturnType<typeof buildTestApp>>;
let claims: Record<string, unknown> = {};

beforeAll(async () => {
  issuer = new OAuth2Server();
  await issuer.issuer.keys.generate('RS256');
  await issuer.start(0, '127.0.0.1');
  issuer.service.on('beforeTokenSigning', (token) => {
    Object.assign(token.payload, claims);
  });
  issuer.service.on('beforeUserinfo', (userInfoResponse) => {
    Object.assign(userInfoResponse.body as object, claims);
  });
  const base = await buildTestApp();
  await base.close();
  t = await buildTestApp({
    auth: {
      ...base.config.auth,
      publicUrl: 'http://localhost:3000',
      oidc: {
        issuer: issuer.issuer.url as string,
        clientId: 'regionkraft-test',
        clientSecret: 'test-secret',
        displayName: 'Testinloggning',
      },
    },
  });
  await createUser(
    t.database.db,
    { system: 'test', regionCode: '23' },
    {
      email: 'anna.sso@region.example',
      name: 'Anna SSO',
      role: 'editor',
    },
  );
}, 60_000);

afterAll(async () => {
  await t?.close();
  await issuer?.stop();
});

/** Runs the browser's part of the flow; returns the callback response. */
async function signInWithIssuer() {
  const start = await t.app.inject({
    method: 'POST',
    url: '/api/auth/sign-in/social',
    headers: { 'content-type': 'application/json', origin: 'http://localhost:3000' },
    payload: { provider: 'sso', callbackURL: '/', errorCallbackURL: '/logga-in' },
  });
  expect(start.statusCode, start.body).toBe(200);
  const { url } = start.json() as { url: string };
  expect(url.startsWith(issuer.issuer.url as string)).toBe(true);
  expect(new URL(url).searchParams.get('code_challenge_method')).toBe('S256');
  const stateCookies = start.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  // The issuer signs the user in and sends the browser back with a code.
  const authorize = await fetch(url, { redirect: 'manual' });
  expect(authorize.status).toBe(302);
  const back = new URL(authorize.headers.get('location') ?? '');
  expect(back.pathname).toBe('/api/auth/callback/sso');
  return t.app.inject({ url: `${back.pathname}${back.search}`, headers: { cookie: stateCookies } });
}

describe('single sign-on', () => {
  test('the session tells the web app that single sign-on is on', async () => {
    const session = (await t.app.inject({ url: '/api/v1/session' })).json();
    expect(session.signIn.sso).toEqual({ name: 'Testinloggning' });
  });

  test('a user an administrator added signs in through the issuer and gets their role', async () => {
    claims = {
      sub: 'entra-oid-123',
      email: 'anna.sso@region.example',
      email_verified: true,
      name: 'Anna SSO',
    };
    const callback = await signInWithIssuer();
    expect(callback.statusCode, callback.body).toBe(302);
    expect(callback.headers.location).toBe('/');
    const session = callback.cookies.find((c) => c.name === 'regionkraft.session_token');
    expect(session).toBeDefined();
    const me = (
      await t.app.inject({
        url: '/api/v1/session',
        headers: { cookie: `${session?.name}=${session?.value}` },
      })
    ).json();
    expect(me.user.email).toBe('anna.sso@region.example');
    expect(me.role).toBe('editor');
  });

  test('someone nobody added is not signed in (no account is made)', async () => {
    claims = { sub: 'entra-oid-999', email: 'okand@annan.example', email_verified: true, name: 'Okänd' };
    const callback = await signInWithIssuer();
    expect(callback.statusCode).toBe(302);
    expect(callback.headers.location).toContain('/logga-in');
    expect(callback.headers.location).toContain('error=');
    expect(callback.cookies.find((c) => c.name === 'regionkraft.session_token')).toBeUndefined();
    const users = (await t.database.db.query.authUsers.findMany()).map((u) => u.email);
    expect(users).not.toContain('okand@annan.example');
  });

  test('a tampered callback (wrong state) is refused', async () => {
    const callback = await t.app.inject({ url: '/api/auth/callback/sso?code=forged&state=forged' });
    expect(callback.statusCode).toBe(302);
    expect(callback.headers.location).toContain('error=');
    expect(callback.cookies.find((c) => c.name === 'regionkraft.session_token')).toBeUndefined();
  });
});
