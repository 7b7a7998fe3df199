/** The audit trail is written in the same transaction as the change it records. */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { auditEvents, organisations } from '../../db/schema.ts';
import { buildTestApp } from '../../test/test-database.ts';
import { createTestUsers, signIn, type TestUsers } from '../../test/test-users.ts';
import type { Actor } from '../access/permissions.ts';
import { createOrganisation, updateOrganisation } from '../actors/organisations-service.ts';

let t: Awaited<ReturnType<typeof buildTestApp>>;
let fx: TestUsers;
let editorCookie: string;
beforeAll(async () => {
  t = await buildTestApp();
  fx = await createTestUsers(t.app);
  editorCookie = await signIn(t.app, fx.users.editor.email);
});
afterAll(async () => t?.close());

const auditRowsFor = (id: string) =>
  t.database.db.select().from(auditEvents).where(eq(auditEvents.entityId, id));

// An actor whose id is not a UUID: the audit insert fails inside the transaction, after the
// change itself was written.
const brokenActor = (): Actor => ({
  regionCode: '23',
  user: { id: 'not-a-uuid', email: 'broken@test.example', name: 'Broken', isDemo: false },
  role: 'editor',
  organisationId: null,
});

describe('audit rows and changes are committed together', () => {
  test('a create records who, what and every field', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/actors',
      headers: { cookie: editorCookie },
      payload: {
        name: 'Åre kommun',
        kind: 'municipality',
        level: 'local',
        areaCode: '2321',
        organisationNumber: '2120002361',
      },
    });
    expect(response.statusCode, response.body).toBe(201);
    const [row] = await auditRowsFor(response.json().id);
    expect(row?.action).toBe('create');
    expect(row?.actorUserId).toBe(fx.users.editor.id);
    expect(row?.actorLabel).toBe(fx.users.editor.email);
    expect(row?.changes).toMatchObject({
      name: { before: null, after: 'Åre kommun' },
      areaCode: { after: '2321' },
    });
  });

  test('an update records only the changed fields, before and after, readable through the API', async () => {
    const version = fx.orgB.version;
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/actors/${fx.orgB.id}`,
      headers: { cookie: editorCookie, 'if-match': `"${version}"` },
      payload: { website: 'https://exempel.se/', description: 'Ny beskrivning' },
    });
    expect(response.statusCode, response.body).toBe(200);
    const trail = await t.app.inject({
      url: `/api/v1/audit?entity=organisation&id=${fx.orgB.id}`,
      headers: { cookie: editorCookie },
    });
    const latest = trail.json().items[0];
    expect(latest.action).toBe('update');
    expect(latest.actor.label).toBe(fx.users.editor.email);
    expect(latest.changes).toEqual({
      website: { before: null, after: 'https://exempel.se/' },
      description: { before: null, after: 'Ny beskrivning' },
    });
  });

  test('a failed audit insert rolls back the update: neither data nor audit row', async () => {
    const [before] = await t.database.db.select().from(organisations).where(eq(organisations.id, fx.orgA.id));
    const auditBefore = (await auditRowsFor(fx.orgA.id)).length;
    await expect(
      updateOrganisation(
        t.database.db,
        brokenActor(),
        fx.orgA.id,
        before?.version ?? 0,
        { name: 'Ska inte sparas' },
        () => {},
      ),
    ).rejects.toThrow();
    const [after] = await t.database.db.select().from(organisations).where(eq(organisations.id, fx.orgA.id));
    expect(after).toEqual(before);
    expect((await auditRowsFor(fx.orgA.id)).length).toBe(auditBefore);
  });

  test('a failed audit insert rolls back the create', async () => {
    await expect(
      createOrganisation(t.database.db, brokenActor(), {
        name: 'Spökorganisation',
        kind: 'other',
        level: 'local',
        visibility: 'internal',
      }),
    ).rejects.toThrow();
    const rows = await t.database.db
      .select()
      .from(organisations)
      .where(eq(organisations.name, 'Spökorganisation'));
    expect(rows).toEqual([]);
  });

  test('a refused write (validation, stale version, not allowed) writes no audit row', async () => {
    const count = async () => (await t.database.db.select().from(auditEvents)).length;
    const start = await count();
    const partnerCookie = await signIn(t.app, fx.users.partner.email);
    const attempts = [
      t.app.inject({
        method: 'PATCH',
        url: `/api/v1/actors/${fx.orgB.id}`,
        headers: { cookie: editorCookie, 'if-match': '"1"' },
        payload: { description: 'stale' },
      }),
      t.app.inject({
        method: 'PATCH',
        url: `/api/v1/actors/${fx.orgB.id}`,
        headers: { cookie: partnerCookie, 'if-match': '"2"' },
        payload: { description: 'not mine' },
      }),
      t.app.inject({
        method: 'POST',
        url: '/api/v1/actors',
        headers: { cookie: editorCookie },
        payload: { name: 'Fel nummer', kind: 'company', level: 'local', organisationNumber: '556000-0000' },
      }),
    ];
    const statuses = (await Promise.all(attempts)).map((r) => r.statusCode);
    expect(statuses).toEqual([412, 403, 400]);
    // Sign-in of the partner above adds one row; the refused writes add none.
    expect((await count()) - start).toBe(1);
  });

  test('reloading the reference data is recorded too', async () => {
    const admin = await signIn(t.app, fx.users.admin.email);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reference-data/reload',
      headers: { cookie: admin },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().areas).toBeGreaterThan(8);
    const [row] = await auditRowsFor('23');
    expect(row).toMatchObject({
      action: 'reload',
      entityType: 'reference_data',
      actorLabel: fx.users.admin.email,
    });
  });
});
