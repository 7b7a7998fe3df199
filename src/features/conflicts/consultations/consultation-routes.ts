/** Sami consultation records (lag 2022:66): list, one, create, change. Never public. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound, protectedProblemResponses, writeProblemResponses } from '../../../server/problem.ts';
import { etagFor, versionFromIfMatch } from '../../../shared/optimistic-lock.ts';
import { idParams, ifMatchHeaders } from '../../../shared/route-schemas.ts';
import { authorize } from '../../access/permissions.ts';
import { conflictPolicy } from '../conflict-policy.ts';
import {
  consultationInputSchema,
  consultationListQuery,
  consultationPatchSchema,
  consultationSchema,
} from './consultation-schemas.ts';
import {
  createConsultation,
  getConsultation,
  listConsultations,
  updateConsultation,
} from './consultations-service.ts';

export const consultationRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  const mayRead = (actor: Parameters<typeof conflictPolicy.readConsultations>[0]) =>
    authorize(
      actor,
      conflictPolicy.readConsultations(actor),
      'Consultations are shown to the region and their parties',
    );

  app.get(
    '/sami-consultations',
    {
      schema: {
        tags: ['goal conflicts'],
        summary:
          'Sami consultations you may see (staff and viewers: all; a partner: those its organisation is party to)',
        querystring: consultationListQuery,
        response: { 200: z.object({ items: z.array(consultationSchema) }), ...protectedProblemResponses },
      },
    },
    async (request) => {
      mayRead(request.actor);
      return { items: await listConsultations(db, request.actor, request.query) };
    },
  );

  app.get(
    '/sami-consultations/:id',
    {
      schema: {
        tags: ['goal conflicts'],
        summary: 'One consultation with its warnings (its ETag is the version to send when changing it)',
        params: idParams,
        response: { 200: consultationSchema, ...protectedProblemResponses },
      },
    },
    async (request, reply) => {
      mayRead(request.actor);
      const document = await getConsultation(db, request.actor, request.params.id);
      if (!document) throw notFound(`No consultation ${request.params.id}`);
      reply.header('etag', etagFor(document.version));
      return document;
    },
  );

  app.post(
    '/sami-consultations',
    {
      schema: {
        tags: ['goal conflicts'],
        summary: 'Record a consultation (or an exemption under § 4) (editors)',
        body: consultationInputSchema,
        response: { 201: consultationSchema, ...writeProblemResponses },
      },
    },
    async (request, reply) => {
      authorize(
        request.actor,
        conflictPolicy.changeConsultation(request.actor),
        'Only the region records consultations',
      );
      const created = await createConsultation(db, request.actor, request.body);
      reply
        .code(201)
        .header('etag', etagFor(created.version))
        .header('location', `/api/v1/sami-consultations/${created.id}`);
      return created;
    },
  );

  app.patch(
    '/sami-consultations/:id',
    {
      schema: {
        tags: ['goal conflicts'],
        summary: 'Change a consultation record: meetings, documents, outcome, decision (If-Match)',
        params: idParams,
        headers: ifMatchHeaders,
        body: consultationPatchSchema,
        response: { 200: consultationSchema, ...writeProblemResponses },
      },
    },
    async (request, reply) => {
      authorize(
        request.actor,
        conflictPolicy.changeConsultation(request.actor),
        'Only the region changes consultations',
      );
      const version = versionFromIfMatch(request.headers['if-match']);
      const updated = await updateConsultation(db, request.actor, request.params.id, version, request.body);
      reply.header('etag', etagFor(updated.version));
      return updated;
    },
  );
};
