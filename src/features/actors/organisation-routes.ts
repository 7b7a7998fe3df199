import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { effortStatuses, organisationKinds } from '../../db/schema.ts';
import {
  notFound,
  problemResponses,
  protectedProblemResponses,
  writeProblemResponses,
} from '../../server/problem.ts';
import { etagFor, versionFromIfMatch } from '../../shared/optimistic-lock.ts';
import { idParams, ifMatchHeaders } from '../../shared/route-schemas.ts';
import { paginate, paginationQuery } from '../../shared/text.ts';
import { authorize, readScope } from '../access/permissions.ts';
import { findEffortsOfOrganisation } from '../efforts/efforts-service.ts';
import { organisationPolicy } from './organisation-policy.ts';
import {
  organisationInputSchema,
  organisationPatchSchema,
  organisationSchema,
} from './organisation-schemas.ts';
import {
  createOrganisation,
  deleteOrganisation,
  findOrganisations,
  getOrganisation,
  presentOrganisation,
  updateOrganisation,
} from './organisations-service.ts';

export const organisationRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/actors',
    {
      schema: {
        tags: ['actors'],
        summary: 'Organisations (actors) you may see: published ones, and more when signed in',
        querystring: z.object({
          kind: z.enum(organisationKinds).optional(),
          q: z.string().trim().max(200).optional().describe('Part of the name, or an organisationsnummer'),
          ...paginationQuery,
        }),
        response: {
          200: z.object({
            items: z.array(organisationSchema),
            total: z.number().int(),
            limit: z.number().int(),
            offset: z.number().int(),
          }),
          ...problemResponses,
        },
      },
    },
    async (request) => {
      const { kind, q, limit, offset } = request.query;
      const rows = await findOrganisations(db, request.actor.regionCode, readScope(request.actor), {
        kind,
        q,
      });
      const page = paginate(rows, limit, offset);
      return { ...page, items: page.items.map(presentOrganisation) };
    },
  );

  app.get(
    '/actors/:id',
    {
      schema: {
        tags: ['actors'],
        summary: 'One organisation (its ETag is the version to send when changing it)',
        params: idParams,
        response: { 200: organisationSchema, ...protectedProblemResponses },
      },
    },
    async (request, reply) => {
      const organisation = await getOrganisation(db, request.actor.regionCode, request.params.id);
      if (!organisation) throw notFound(`No organisation ${request.params.id}`);
      authorize(
        request.actor,
        organisationPolicy.read(request.actor, organisation),
        'This organisation is internal',
      );
      reply.header('etag', etagFor(organisation.version));
      return presentOrganisation(organisation);
    },
  );

  app.get(
    '/actors/:id/efforts',
    {
      schema: {
        tags: ['actors'],
        summary: 'Efforts the organisation owns, takes part in or finances (those you may see)',
        params: idParams,
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.uuid(),
                title: z.string(),
                status: z.enum(effortStatuses),
                roles: z.array(z.string()).describe('owner, and its partner roles'),
              }),
            ),
          }),
          ...protectedProblemResponses,
        },
      },
    },
    async (request) => {
      const { actor } = request;
      const organisation = await getOrganisation(db, actor.regionCode, request.params.id);
      if (!organisation) throw notFound(`No organisation ${request.params.id}`);
      authorize(actor, organisationPolicy.read(actor, organisation), 'This organisation is internal');
      return {
        items: await findEffortsOfOrganisation(db, actor.regionCode, readScope(actor), organisation.id),
      };
    },
  );

  app.post(
    '/actors',
    {
      schema: {
        tags: ['actors'],
        summary: 'Add an organisation (editors and administrators)',
        body: organisationInputSchema,
        response: { 201: organisationSchema, ...writeProblemResponses },
      },
    },
    async (request, reply) => {
      const { actor } = request;
      authorize(actor, organisationPolicy.create(actor), 'Only editors and administrators add organisations');
      const created = await createOrganisation(db, actor, request.body);
      reply
        .code(201)
        .header('etag', etagFor(created.version))
        .header('location', `/api/v1/actors/${created.id}`);
      return presentOrganisation(created);
    },
  );

  app.patch(
    '/actors/:id',
    {
      schema: {
        tags: ['actors'],
        summary: 'Change an organisation (If-Match: the version you read)',
        params: idParams,
        headers: ifMatchHeaders,
        body: organisationPatchSchema,
        response: { 200: organisationSchema, ...writeProblemResponses },
      },
    },
    async (request, reply) => {
      const { actor } = request;
      // Who may change is checked before the version: a stranger learns nothing from a 412.
      authorize(actor, actor.role !== null);
      const version = versionFromIfMatch(request.headers['if-match']);
      const patch = request.body;
      const updated = await updateOrganisation(db, actor, request.params.id, version, patch, (current) => {
        authorize(
          actor,
          organisationPolicy.update(actor, current),
          "You may change only your own organisation's records",
        );
        const publishes = patch.visibility !== undefined && patch.visibility !== current.visibility;
        authorize(
          actor,
          !publishes || organisationPolicy.publish(actor),
          'Only the region publishes or unpublishes records',
        );
      });
      reply.header('etag', etagFor(updated.version));
      return presentOrganisation(updated);
    },
  );

  app.delete(
    '/actors/:id',
    {
      schema: {
        tags: ['actors'],
        summary: 'Remove an organisation (editors and administrators; If-Match required)',
        params: idParams,
        headers: ifMatchHeaders,
        response: { 204: z.null(), ...writeProblemResponses },
      },
    },
    async (request, reply) => {
      const { actor } = request;
      authorize(
        actor,
        organisationPolicy.delete(actor),
        'Only editors and administrators remove organisations',
      );
      const version = versionFromIfMatch(request.headers['if-match']);
      await deleteOrganisation(db, actor, request.params.id, version, () => {});
      return reply.code(204).send(null);
    },
  );
};
