/** The goal-conflict register: list (with map data and downloads), one conflict, changes and steps. */
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
import { sendTable } from '../../shared/table-download.ts';
import { authorize } from '../access/permissions.ts';
import { conflictPolicy } from './conflict-policy.ts';
import {
  conflictInputSchema,
  conflictListQuery,
  conflictPatchSchema,
  conflictSchema,
  conflictSummarySchema,
  stepInputSchema,
} from './conflict-schemas.ts';
import { conflictTableLabels } from './conflict-table.ts';
import {
  addStep,
  conflictScope,
  createConflict,
  findConflicts,
  getConflictRow,
  loadConflictDocuments,
  updateConflict,
} from './conflicts-service.ts';

export const conflictRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/goal-conflicts',
    {
      schema: {
        tags: ['goal conflicts'],
        summary:
          'Goal conflicts you may see, filtered by status, dimension, place and strength area (?format=csv|xlsx)',
        querystring: conflictListQuery,
        response: {
          200: z.object({ items: z.array(conflictSummarySchema), total: z.number().int() }),
          ...problemResponses,
        },
      },
    },
    async (request, reply) => {
      const items = await findConflicts(
        db,
        request.actor.regionCode,
        conflictScope(request.actor),
        request.query,
      );
      if (request.query.format) {
        const labels = conflictTableLabels;
        return sendTable(reply, request.query.format, {
          name: 'malkonflikter',
          sheet: 'Målkonflikter',
          columns: [
            { header: 'Titel', width: 40 },
            { header: 'Status', width: 14 },
            { header: 'Allvarlighet' },
            { header: 'Dimensioner', width: 30 },
            { header: 'Platser', width: 30 },
            { header: 'Mål i spänning', width: 40 },
            { header: 'Synliggjord genom', width: 18 },
            { header: 'Senaste steg' },
          ],
          rows: items.map((c) => [
            c.title,
            labels.status[c.status],
            c.severity,
            c.dimensions.map((d) => labels.dimension[d]).join(', '),
            c.places.map((p) => p.name).join(', '),
            c.goals.map((g) => g.label).join('; '),
            labels.madeVisibleBy[c.madeVisibleBy],
            c.latestStepDate,
          ]),
          source: 'Källa: Regionkraft, målkonfliktregistret',
        });
      }
      return { items, total: items.length };
    },
  );

  app.get(
    '/goal-conflicts/:id',
    {
      schema: {
        tags: ['goal conflicts'],
        summary:
          'One goal conflict with its handling history (its ETag is the version to send when changing it)',
        params: idParams,
        response: { 200: conflictSchema, ...protectedProblemResponses },
      },
    },
    async (request, reply) => {
      const { actor } = request;
      const scope = conflictScope(actor);
      const row = await getConflictRow(db, actor.regionCode, request.params.id, scope);
      if (!row) throw notFound(`No goal conflict ${request.params.id}`);
      const [document] = await loadConflictDocuments(db, actor.regionCode, [row.id], scope);
      if (!document) throw notFound(`No goal conflict ${request.params.id}`);
      reply.header('etag', etagFor(document.version));
      return document;
    },
  );

  app.post(
    '/goal-conflicts',
    {
      schema: {
        tags: ['goal conflicts'],
        summary: 'Register a goal conflict (its first step, "identified", is recorded with it)',
        body: conflictInputSchema,
        response: { 201: conflictSchema, ...writeProblemResponses },
      },
    },
    async (request, reply) => {
      const { actor } = request;
      authorize(actor, conflictPolicy.create(actor), 'Only the region registers goal conflicts');
      const created = await createConflict(db, actor, request.body);
      reply
        .code(201)
        .header('etag', etagFor(created.version))
        .header('location', `/api/v1/goal-conflicts/${created.id}`);
      return created;
    },
  );

  app.patch(
    '/goal-conflicts/:id',
    {
      schema: {
        tags: ['goal conflicts'],
        summary:
          "Change a goal conflict's description (If-Match; the handling history is changed only by adding steps)",
        params: idParams,
        headers: ifMatchHeaders,
        body: conflictPatchSchema,
        response: { 200: conflictSchema, ...writeProblemResponses },
      },
    },
    async (request, reply) => {
      const { actor } = request;
      authorize(actor, conflictPolicy.update(actor), 'Only the region changes goal conflicts');
      const version = versionFromIfMatch(request.headers['if-match']);
      const updated = await updateConflict(db, actor, request.params.id, version, request.body);
      reply.header('etag', etagFor(updated.version));
      return updated;
    },
  );

  app.post(
    '/goal-conflicts/:id/steps',
    {
      schema: {
        tags: ['goal conflicts'],
        summary:
          "Add a step to the handling history (If-Match: the conflict's version); nothing earlier changes",
        params: idParams,
        headers: ifMatchHeaders,
        body: stepInputSchema,
        response: { 201: conflictSchema, ...writeProblemResponses },
      },
    },
    async (request, reply) => {
      const { actor } = request;
      authorize(actor, conflictPolicy.addStep(actor), 'Only the region records how conflicts are handled');
      const version = versionFromIfMatch(request.headers['if-match']);
      const updated = await addStep(db, actor, request.params.id, version, request.body);
      reply.code(201).header('etag', etagFor(updated.version));
      return updated;
    },
  );
};
