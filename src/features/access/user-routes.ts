import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { roles } from '../../db/schema.ts';
import { notFound, protectedProblemResponses, writeProblemResponses } from '../../server/problem.ts';
import { etagFor, versionFromIfMatch } from '../../shared/optimistic-lock.ts';
import { idParams, ifMatchHeaders } from '../../shared/route-schemas.ts';
import { getOrganisation } from '../actors/organisations-service.ts';
import { hasDemoUsers } from './demo-users.ts';
import { authorize, canGrantRole, canManageUsers, isStaff, readsEverything } from './permissions.ts';
import { userPolicy } from './user-policy.ts';
import {
  passwordField,
  sessionSchema,
  userInputSchema,
  userPatchSchema,
  userSchema,
} from './user-schemas.ts';
import { createUser, getUser, listUsers, setPassword, updateUser } from './users-service.ts';

export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/session',
    {
      schema: {
        tags: ['access'],
        summary: 'Who you are signed in as, your role and what you may do (anonymous when not signed in)',
        response: { 200: sessionSchema },
      },
    },
    async (request, reply) => {
      const { actor } = request;
      const organisation = actor.organisationId
        ? await getOrganisation(db, actor.regionCode, actor.organisationId)
        : undefined;
      reply.header('cache-control', 'no-store');
      return {
        region: actor.regionCode,
        user: actor.user,
        role: actor.role,
        organisation: organisation ? { id: organisation.id, name: organisation.name } : null,
        permissions: {
          readInternal: readsEverything(actor) || actor.role === 'partner',
          editData: isStaff(actor) || actor.role === 'partner',
          manageUsers: canManageUsers(actor),
          readAudit: isStaff(actor),
          grantableRoles: roles.filter((role) => canGrantRole(actor, role)),
        },
        signIn: {
          password: true,
          sso: app.config.auth.oidc ? { name: app.config.auth.oidc.displayName } : null,
        },
        demo: await hasDemoUsers(db),
      };
    },
  );

  app.get(
    '/users',
    {
      schema: {
        tags: ['access'],
        summary: 'User accounts of the region (editors and administrators)',
        response: { 200: z.object({ items: z.array(userSchema) }), ...protectedProblemResponses },
      },
    },
    async (request) => {
      authorize(
        request.actor,
        userPolicy.list(request.actor),
        'Only editors and administrators manage users',
      );
      return { items: await listUsers(db, request.actor.regionCode) };
    },
  );

  app.get(
    '/users/:id',
    {
      schema: {
        tags: ['access'],
        summary: 'One user account',
        params: idParams,
        response: { 200: userSchema, ...protectedProblemResponses },
      },
    },
    async (request, reply) => {
      authorize(
        request.actor,
        userPolicy.list(request.actor),
        'Only editors and administrators manage users',
      );
      const user = await getUser(db, request.actor.regionCode, request.params.id);
      if (!user) throw notFound(`No user ${request.params.id} in this region`);
      reply.header('etag', etagFor(user.version));
      return user;
    },
  );

  app.post(
    '/users',
    {
      schema: {
        tags: ['access'],
        summary: 'Add a user with a role (never above your own)',
        body: userInputSchema,
        response: { 201: userSchema, ...writeProblemResponses },
      },
    },
    async (request, reply) => {
      const { actor } = request;
      authorize(
        actor,
        userPolicy.create(actor, request.body.role),
        `You may not give the role ${request.body.role}`,
      );
      const created = await createUser(db, actor, request.body);
      reply
        .code(201)
        .header('etag', etagFor(created.version))
        .header('location', `/api/v1/users/${created.id}`);
      return created;
    },
  );

  app.patch(
    '/users/:id',
    {
      schema: {
        tags: ['access'],
        summary: 'Change a user’s name or role, or switch the account off (If-Match required)',
        params: idParams,
        headers: ifMatchHeaders,
        body: userPatchSchema,
        response: { 200: userSchema, ...writeProblemResponses },
      },
    },
    async (request, reply) => {
      const { actor } = request;
      authorize(actor, userPolicy.list(actor), 'Only editors and administrators manage users');
      const version = versionFromIfMatch(request.headers['if-match']);
      const updated = await updateUser(db, actor, request.params.id, version, request.body, (current) =>
        authorize(
          actor,
          userPolicy.update(actor, current, request.body),
          'You may not make this change (a role above your own, or your own role or account)',
        ),
      );
      reply.header('etag', etagFor(updated.version));
      return updated;
    },
  );

  app.post(
    '/users/:id/password',
    {
      schema: {
        tags: ['access'],
        summary: 'Set a new password for a user (their sessions end)',
        params: idParams,
        body: z.object({ password: passwordField }).strict(),
        response: { 204: z.null(), ...writeProblemResponses },
      },
    },
    async (request, reply) => {
      const { actor } = request;
      authorize(actor, userPolicy.list(actor), 'Only editors and administrators manage users');
      await setPassword(db, actor, request.params.id, request.body.password, (current) =>
        authorize(
          actor,
          userPolicy.resetPassword(actor, current),
          'You may not set this user’s password (change your own under “Byt lösenord”)',
        ),
      );
      return reply.code(204).send(null);
    },
  );
};
