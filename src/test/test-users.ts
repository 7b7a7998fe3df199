/**
 * Test fixtures for access control: two organisations (A and B) and one user per role, created
 * through the real services, plus sign-in through the real /api/auth endpoint.
 */
import type { FastifyInstance } from 'fastify';
import type { Role } from '../db/schema.ts';
import type { Actor } from '../features/access/permissions.ts';
import { createUser } from '../features/access/users-service.ts';
import { createOrganisation } from '../features/actors/organisations-service.ts';

export const testPassword = 'correct horse battery staple';

export type TestUsers = Awaited<ReturnType<typeof createTestUsers>>;

export async function createTestUsers(app: FastifyInstance) {
  const db = app.database.db;
  const regionCode = app.config.regionCode;
  const system = { system: 'test fixtures', regionCode };
  // A stand-in editor for creating the organisations (the services audit a signed-in user).
  const setupEditor = await createUser(db, system, {
    email: 'fixture-editor@test.example',
    name: 'Fixture',
    role: 'editor',
    password: testPassword,
  });
  const fixtureActor: Actor = {
    regionCode,
    user: { id: setupEditor.id, email: setupEditor.email, name: setupEditor.name, isDemo: false },
    role: 'editor',
    organisationId: null,
  };
  const orgA = await createOrganisation(db, fixtureActor, {
    name: 'Organisation A (intern)',
    kind: 'municipality',
    level: 'local',
    visibility: 'internal',
  });
  const orgB = await createOrganisation(db, fixtureActor, {
    name: 'Organisation B (intern)',
    kind: 'company',
    level: 'local',
    visibility: 'internal',
  });
  const orgPublished = await createOrganisation(db, fixtureActor, {
    name: 'Publicerad organisation',
    kind: 'university',
    level: 'regional',
    visibility: 'published',
  });
  const make = (role: Role, organisationId: string | null = null) =>
    createUser(db, system, {
      email: `${role}${organisationId ? '-a' : ''}@test.example`,
      name: `Test ${role}`,
      role,
      organisationId,
      password: testPassword,
    });
  const users = {
    admin: await make('admin'),
    editor: await make('editor'),
    partner: await make('partner', orgA.id),
    viewer: await make('viewer'),
  };
  return { orgA, orgB, orgPublished, users };
}

/** Signs in through the real endpoint and returns the Cookie header to send. */
export async function signIn(app: FastifyInstance, email: string, password = testPassword): Promise<string> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/sign-in/email',
    headers: { 'content-type': 'application/json', origin: app.config.auth.publicUrl },
    payload: { email, password },
  });
  if (response.statusCode !== 200) {
    throw new Error(`sign-in of ${email} failed: ${response.statusCode} ${response.body}`);
  }
  const cookies = response.cookies.map((c) => `${c.name}=${c.value}`);
  if (cookies.length === 0) throw new Error('sign-in set no cookie');
  return cookies.join('; ');
}
