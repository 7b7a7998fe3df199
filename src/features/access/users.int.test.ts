/** Managing users and roles: nobody grants above their own role; edits use optimistic locking. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { regions, userRegionRoles } from '../../db/schema.ts';
import { buildTestApp } from '../../test/test-database.ts';
import { createTestUsers, signIn, type TestUsers, testPassword } from '../../test/test-users.ts';

let t: Awaited<ReturnType<typeof buildTestApp>>;
let fx: TestUsers;
let admin: string;
let editor: string;
beforeAll(async () => {
  t = await buildTestApp();
  fx = await createTestUsers(t.app);
  admin = await signIn(t.app, fx.users.admin.email);
  editor = await signIn(t.app, fx.users.editor.email);
});
afterAll(async () => t?.close());

const create = (cookie: string, payload: object) =>
  t.app.inject({ method: 'POST', url: '/api/v1/users', headers: { cookie }, payload });
const patch = (cookie: string, id: string, version: number | null, payload: object) =>
  t.app.inject({
    method: 'PATCH',
    url: `/api/v1/users/${id}`,
    headers: { cookie, ...(version === null ? {} : { 'if-match': `"${version}"` }) },
    payload,
  });

describe('creating users', () => {
  test('a partner needs an organisation of the region; others must not have one', async () => {
    const noOrg = await create(admin, { email: 'p1@test.example', name: 'P', role: 'partner' });
    expect(noOrg.statusCode).toBe(400);
    expect(noOrg.json().errors[0].field).toBe('body.organisationId');
    const unknownOrg = await create(admin, {
      email: 'p1@test.example',
      name: 'P',
      role: 'partner',
      organisationId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknownOrg.statusCode).toBe(400);
    const viewerWithOrg = await create(admin, {
      email: 'v1@test.example',
      name: 'V',
      role: 'viewer',
      organisationId: fx.orgA.id,
    });
    expect(viewerWithOrg.statusCode).toBe(400);
    const ok = await create(admin, {
      email: 'P1@Test.Example',
      name: 'Partner Ett',
      role: 'partner',
      organisationId: fx.orgB.id,
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({
      email: 'p1@test.example',
      role: 'partner',
      organisation: { id: fx.orgB.id },
    });
    expect(ok.json().hasPassword).toBe(false);
  });

  test('the same e-mail twice is a 409 problem', async () => {
    const again = await create(admin, {
      email: fx.users.viewer.email.toUpperCase(),
      name: 'Dubblett',
      role: 'viewer',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('DUPLICATE_EMAIL');
  });

  test('bad input names the field: e-mail, short password, control characters, unknown role', async () => {
    const cases: Array<[object, string]> = [
      [{ email: 'inte-en-adress', name: 'X', role: 'viewer' }, 'body.email'],
      [{ email: 'x@test.example', name: 'X', role: 'viewer', password: 'kort' }, 'body.password'],
      [{ email: 'x@test.example', name: 'Rad\nbrytning', role: 'viewer' }, 'body.name'],
      [{ email: 'x@test.example', name: 'X', role: 'superuser' }, 'body.role'],
      [{ email: 'x@test.example', name: 'X', role: 'viewer', isAdmin: true }, 'body'],
    ];
    for (const [payload, field] of cases) {
      const response = await create(admin, payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
  });

  test('a user created with a password can sign in; the password is never returned', async () => {
    const response = await create(editor, {
      email: 'ny.lasare@test.example',
      name: 'Ny Läsare',
      role: 'viewer',
      password: testPassword,
    });
    expect(response.statusCode).toBe(201);
    expect(JSON.stringify(response.json())).not.toContain(testPassword);
    await expect(signIn(t.app, 'ny.lasare@test.example')).resolves.toContain('regionkraft.session_token');
  });
});

describe('nobody grants a role above their own', () => {
  test('an editor may not create an administrator, nor change one', async () => {
    expect((await create(editor, { email: 'a2@test.example', name: 'A', role: 'admin' })).statusCode).toBe(
      403,
    );
    const adminUser = (
      await t.app.inject({ url: `/api/v1/users/${fx.users.admin.id}`, headers: { cookie: editor } })
    ).json();
    const response = await patch(editor, fx.users.admin.id, adminUser.version, { name: 'Nedgraderad' });
    expect(response.statusCode).toBe(403);
  });

  test('an editor may not promote a viewer to administrator', async () => {
    const viewer = (
      await t.app.inject({ url: `/api/v1/users/${fx.users.viewer.id}`, headers: { cookie: editor } })
    ).json();
    expect((await patch(editor, fx.users.viewer.id, viewer.version, { role: 'admin' })).statusCode).toBe(403);
    expect((await patch(editor, fx.users.viewer.id, viewer.version, { role: 'editor' })).statusCode).toBe(
      200,
    );
  });

  test('nobody changes their own role or switches off their own account', async () => {
    const me = (
      await t.app.inject({ url: `/api/v1/users/${fx.users.admin.id}`, headers: { cookie: admin } })
    ).json();
    expect((await patch(admin, fx.users.admin.id, me.version, { role: 'viewer' })).statusCode).toBe(403);
    expect((await patch(admin, fx.users.admin.id, me.version, { disabled: true })).statusCode).toBe(403);
    expect((await patch(admin, fx.users.admin.id, me.version, { name: 'Admin Nytt Namn' })).statusCode).toBe(
      200,
    );
  });

  test('the session lists the roles the user may grant', async () => {
    const roles = async (cookie: string) =>
      (await t.app.inject({ url: '/api/v1/session', headers: { cookie } })).json().permissions.grantableRoles;
    expect(await roles(admin)).toEqual(['admin', 'editor', 'partner', 'viewer']);
    expect(await roles(editor)).toEqual(['editor', 'partner', 'viewer']);
    expect(await roles(await signIn(t.app, fx.users.partner.email))).toEqual([]);
  });
});

describe('optimistic locking on users', () => {
  test('no If-Match is 428, a stale one 412, and nothing changes', async () => {
    const created = (await create(admin, { email: 'lock@test.example', name: 'Lås', role: 'viewer' })).json();
    expect((await patch(admin, created.id, null, { name: 'Utan version' })).statusCode).toBe(428);
    expect((await patch(admin, created.id, created.version, { name: 'Första' })).statusCode).toBe(200);
    const stale = await patch(admin, created.id, created.version, { name: 'Andra' });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().code).toBe('VERSION_MISMATCH');
    const now = (
      await t.app.inject({ url: `/api/v1/users/${created.id}`, headers: { cookie: admin } })
    ).json();
    expect(now.name).toBe('Första');
    const badTag = await patch(admin, created.id, null, {});
    expect(badTag.statusCode).toBe(428);
    const garbage = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${created.id}`,
      headers: { cookie: admin, 'if-match': 'version one' },
      payload: { name: 'x' },
    });
    expect(garbage.statusCode).toBe(400);
  });
});

describe('password reset by an administrator', () => {
  test('sets a new password and ends the user’s sessions', async () => {
    const viewerSession = await signIn(t.app, fx.users.partner.email);
    const reset = await t.app.inject({
      method: 'POST',
      url: `/api/v1/users/${fx.users.partner.id}/password`,
      headers: { cookie: admin },
      payload: { password: 'återställt lösenord' },
    });
    expect(reset.statusCode).toBe(204);
    const session = (
      await t.app.inject({ url: '/api/v1/session', headers: { cookie: viewerSession } })
    ).json();
    expect(session.user).toBeNull();
    await expect(signIn(t.app, fx.users.partner.email, 'återställt lösenord')).resolves.toBeTruthy();
  });

  test('not your own password, and not above your role', async () => {
    const own = await t.app.inject({
      method: 'POST',
      url: `/api/v1/users/${fx.users.admin.id}/password`,
      headers: { cookie: admin },
      payload: { password: 'mitt eget nya lösen' },
    });
    expect(own.statusCode).toBe(403);
    const above = await t.app.inject({
      method: 'POST',
      url: `/api/v1/users/${fx.users.admin.id}/password`,
      headers: { cookie: editor },
      payload: { password: 'ta över admin-kontot' },
    });
    expect(above.statusCode).toBe(403);
  });
});

describe('account-wide changes', () => {
  test('an editor may not reset the password of, or switch off, another editor', async () => {
    const other = (
      await create(admin, {
        email: 'editor2@test.example',
        name: 'Editor Två',
        role: 'editor',
        password: testPassword,
      })
    ).json();
    const reset = await t.app.inject({
      method: 'POST',
      url: `/api/v1/users/${other.id}/password`,
      headers: { cookie: editor },
      payload: { password: 'kapat konto 123' },
    });
    expect(reset.statusCode).toBe(403);
    expect((await patch(editor, other.id, other.version, { disabled: true })).statusCode).toBe(403);
    await expect(signIn(t.app, 'editor2@test.example')).resolves.toBeTruthy();
  });

  test('an account with a role in another region keeps its password, name and switch', async () => {
    await t.database.db
      .insert(regions)
      .values({ code: '01', name: 'Stockholms län', authority: 'Region Stockholm' });
    const shared = (
      await create(admin, {
        email: 'delad@test.example',
        name: 'Delad',
        role: 'viewer',
        password: testPassword,
      })
    ).json();
    await t.database.db
      .insert(userRegionRoles)
      .values({ userId: shared.id, regionCode: '01', role: 'admin' });
    const reset = await t.app.inject({
      method: 'POST',
      url: `/api/v1/users/${shared.id}/password`,
      headers: { cookie: admin },
      payload: { password: 'ta över i 01' },
    });
    expect(reset.statusCode).toBe(403);
    const current = (
      await t.app.inject({ url: `/api/v1/users/${shared.id}`, headers: { cookie: admin } })
    ).json();
    expect(current.alsoInOtherRegions).toBe(true);
    expect((await patch(admin, shared.id, current.version, { disabled: true })).statusCode).toBe(403);
    expect((await patch(admin, shared.id, current.version, { name: 'Nytt namn' })).statusCode).toBe(403);
    // The role in this region is this region's business.
    expect((await patch(admin, shared.id, current.version, { role: 'editor' })).statusCode).toBe(200);
  });
});
