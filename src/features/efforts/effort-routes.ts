import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  notFound,
  problemResponses,
  protectedProblemResponses,
  writeProblemResponses,
} from '../../server/problem.ts';
import { etagFor, versionFromIfMatch } from '../../shared/optimistic-lock.ts';
import { idParams, ifMatchHeaders } from '../../shared/route-schemas.ts';
import { type Actor, authorize, readScope } from '../access/permissions.ts';
import { effortPolicy } from './effort-policy.ts';
import {
  type EffortOut,
  effortInputSchema,
  effortListQuery,
  effortPatchSchema,
  effortSchema,
  effortSummarySchema,
} from './effort-schemas.ts';
import {
  createEffort,
  deleteEffort,
  findEfforts,
  getEffortRow,
  loadEffortDocuments,
  updateEffort,
} from './efforts-service.ts';

export const effortRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  /** The saved document as this reader may see it (names of organisations they may not see hidden). */
  const shownTo = async (actor: Actor, document: EffortOut) => {
    const [shown] = await loadEffortDocuments(db, actor.regionCode, [document.id], readScope(actor));
    return shown ?? document;
  };

  app.get(
    '/efforts',
    {
      schema: {
        tags: ['efforts'],
        summary: 'Efforts you may see, filtered, sorted and paginated, with totals over all matches',
        querystring: effortListQuery,
        response: {
          200: z.object({
            items: z.array(effortSummarySchema),
            total: z.number().int(),
            totalFundingSek: z.number().int().describe('Sum of all funding rows of all matching efforts'),
            limit: z.number().int(),
            offset: z.number().int(),
          }),
          ...problemResponses,
        },
      },
    },
    async (request) => findEfforts(db, request.actor.regionCode, readScope(request.actor), request.query),
  );

  app.get(
    '/efforts/:id',
    {
      schema: {
        tags: ['efforts'],
        summary: 'One effort with all its parts (its ETag is the version to send when changing it)',
        params: idParams,
        response: { 200: effortSchema, ...protectedProblemResponses },
      },
    },
    async (request, reply) => {
      const { actor } = request;
      const row = await getEffortRow(db, actor.regionCode, request.params.id);
      if (!row) throw notFound(`No effort ${request.params.id}`);
      authorize(actor, effortPolicy.read(actor, row), 'This effort is internal');
      const [document] = await loadEffortDocuments(db, actor.regionCode, [row.id], readScope(actor));
      if (!document) throw notFound(`No effort ${request.params.id}`);
      reply.header('etag', etagFor(document.version));
      return document;
    },
  );

  app.post(
    '/efforts',
    {
      schema: {
        tags: ['efforts'],
        summary: 'Register an effort with its parts (partners only for their own organisation)',
        body: effortInputSchema,
        response: { 201: effortSchema, ...writeProblemResponses },
      },
    },
    async (request, reply) => {
      const { actor } = request;
      const input = request.body;
      authorize(
        actor,
        effortPolicy.create(actor, input.ownerOrganisationId ?? null),
        'Partners register efforts owned by their own organisation only',
      );
      authorize(
        actor,
        input.visibility === 'internal' || effortPolicy.publish(actor),
        'Only the region publishes efforts: register it as internal',
      );
      const created = await createEffort(db, actor, input);
      reply
        .code(201)
        .header('etag', etagFor(created.version))
        .header('location', `/api/v1/efforts/${created.id}`);
      return created;
    },
  );

  app.patch(
    '/efforts/:id',
    {
      schema: {
        tags: ['efforts'],
        summary: 'Change an effort (If-Match: the version you read; a list you send replaces that list)',
        params: idParams,
        headers: ifMatchHeaders,
        body: effortPatchSchema,
        response: { 200: effortSchema, ...writeProblemResponses },
      },
    },
    async (request, reply) => {
      const { actor } = request;
      authorize(actor, actor.role !== null && actor.role !== 'viewer');
      const version = versionFromIfMatch(request.headers['if-match']);
      const patch = request.body;
      const updated = await updateEffort(db, actor, request.params.id, version, patch, (current) => {
        authorize(
          actor,
          effortPolicy.update(actor, current),
          "You may change only your own organisation's efforts",
        );
        const newOwner = patch.ownerOrganisationId;
        if (newOwner !== undefined && newOwner !== current.ownerOrganisationId) {
          authorize(
            actor,
            effortPolicy.changeOwner(actor, newOwner),
            'You may not hand the effort to that owner',
          );
        }
        const publishes = patch.visibility !== undefined && patch.visibility !== current.visibility;
        authorize(
          actor,
          !publishes || effortPolicy.publish(actor),
          'Only the region publishes or unpublishes efforts',
        );
      });
      reply.header('etag', etagFor(updated.version));
      return shownTo(actor, updated);
    },
  );

  app.delete(
    '/efforts/:id',
    {
      schema: {
        tags: ['efforts'],
        summary: 'Remove an effort (editors and administrators; If-Match required)',
        params: idParams,
        headers: ifMatchHeaders,
        response: { 204: z.null(), ...writeProblemResponses },
      },
    },
    async (request, reply) => {
      const { actor } = request;
      authorize(
        actor,
        actor.role === 'admin' || actor.role === 'editor',
        'Only editors and administrators remove efforts',
      );
      const version = versionFromIfMatch(request.headers['if-match']);
      await deleteEffort(db, actor, request.params.id, version, (current) =>
        authorize(actor, effortPolicy.delete(actor, current)),
      );
      return reply.code(204).send(null);
    },
  );
};
