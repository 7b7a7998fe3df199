/** The six steps per strength area and their self-assessments (RIS3 assessment wheel). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemResponses, writeProblemResponses } from '../../../server/problem.ts';
import { etagFor, versionFromIfMatch } from '../../../shared/optimistic-lock.ts';
import { idParams, ifMatchHeaders } from '../../../shared/route-schemas.ts';
import { sendTable } from '../../../shared/table-download.ts';
import { bilingual } from '../../../shared/text.ts';
import { authorize } from '../../access/permissions.ts';
import { s3Policy } from '../s3-policy.ts';
import { assessmentScale, assessmentSteps, frameworkNote, stepNames } from './assessment-framework.ts';
import {
  assessmentInputSchema,
  assessmentListQuery,
  assessmentSchema,
  comparisonQuery,
  comparisonSchema,
  frameworkSchema,
  slugParams,
  stepInputSchema,
  stepParams,
  stepSchema,
  stepsResponseSchema,
} from './process-schemas.ts';
import {
  areaBySlug,
  changeStep,
  compareWithEarlier,
  createAssessment,
  deleteAssessment,
  listAssessments,
  listSteps,
} from './process-service.ts';

const tags = ['smart specialisation'];

export const s3ProcessRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/assessment-framework',
    {
      schema: {
        tags,
        summary: 'The six steps, their three factors each and the 0–5 scale of the self-assessment',
        response: { 200: frameworkSchema },
      },
    },
    async () => ({ steps: assessmentSteps, scale: assessmentScale, note: frameworkNote }),
  );

  app.get(
    '/areas/:slug/steps',
    {
      schema: {
        tags,
        summary:
          "A strength area's six steps in order (a step never recorded reads as not started, version 0)",
        params: slugParams,
        response: { 200: stepsResponseSchema, ...problemResponses },
      },
    },
    async (request) => {
      const area = await areaBySlug(db, request.actor.regionCode, request.params.slug);
      return {
        area: { id: area.id, slug: area.slug, name: bilingual(area.nameSv, area.nameEn) },
        items: await listSteps(db, area.id),
      };
    },
  );

  app.put(
    '/areas/:slug/steps/:step',
    {
      schema: {
        tags,
        summary:
          'Record a step in full: status, dates, responsible, deliverables (If-Match; "0" for a new record) (editors)',
        params: stepParams,
        headers: ifMatchHeaders,
        body: stepInputSchema,
        response: { 200: stepSchema, ...writeProblemResponses },
      },
    },
    async (request, reply) => {
      authorize(request.actor, s3Policy.change(request.actor), 'Only the region records the steps');
      const version = versionFromIfMatch(request.headers['if-match']);
      const area = await areaBySlug(db, request.actor.regionCode, request.params.slug);
      const step = await changeStep(db, request.actor, area.id, request.params.step, version, request.body);
      reply.header('etag', etagFor(step.version));
      return step;
    },
  );

  app.get(
    '/areas/:slug/assessments',
    {
      schema: {
        tags,
        summary:
          "A strength area's self-assessments, newest first, with the means per step (?format=csv|xlsx: one row per score)",
        params: slugParams,
        querystring: assessmentListQuery,
        response: { 200: z.object({ items: z.array(assessmentSchema) }), ...problemResponses },
      },
    },
    async (request, reply) => {
      const area = await areaBySlug(db, request.actor.regionCode, request.params.slug);
      const items = await listAssessments(db, area.id);
      const { format } = request.query;
      if (format) {
        const factorName = new Map<string, string>(
          assessmentSteps.flatMap((s) => s.factors.map((f) => [`${s.step}:${f.factor}`, f.name.sv] as const)),
        );
        return sendTable(reply, format, {
          name: `sjalvskattningar-${area.slug}`,
          sheet: `Självskattningar ${area.nameSv}`,
          columns: [
            { header: 'Styrkeområde', width: 22 },
            { header: 'Datum', width: 12 },
            { header: 'Skattad av', width: 24 },
            { header: 'Steg', width: 6 },
            { header: 'Stegets namn', width: 32 },
            { header: 'Faktor', width: 7 },
            { header: 'Faktorns namn', width: 28 },
            { header: 'Poäng (0–5)', width: 11 },
            { header: 'Kommentar', width: 40 },
            { header: 'Exempel', width: 9 },
          ],
          rows: items.flatMap((a) =>
            a.scores.map((s) => [
              area.nameSv,
              a.assessedOn,
              a.assessedBy,
              assessmentSteps.findIndex((x) => x.step === s.step) + 1,
              stepNames[s.step].sv,
              s.factor,
              factorName.get(`${s.step}:${s.factor}`),
              s.score,
              s.comment,
              a.isExample ? 'ja' : 'nej',
            ]),
          ),
          source: 'Regionkraft: självskattning efter RIS3-hjulet (faktorerna formulerade fritt)',
        });
      }
      return { items };
    },
  );

  app.get(
    '/areas/:slug/assessments/comparison',
    {
      schema: {
        tags,
        summary: 'The latest assessment against an earlier one: the change per step and per factor',
        params: slugParams,
        querystring: comparisonQuery,
        response: { 200: comparisonSchema, ...problemResponses },
      },
    },
    async (request) => {
      const area = await areaBySlug(db, request.actor.regionCode, request.params.slug);
      return compareWithEarlier(db, area.id, request.query.earlier);
    },
  );

  app.post(
    '/areas/:slug/assessments',
    {
      schema: {
        tags,
        summary: 'Record a self-assessment: all 18 factors scored 0–5, comments optional (editors)',
        params: slugParams,
        body: assessmentInputSchema,
        response: { 201: assessmentSchema, ...writeProblemResponses },
      },
    },
    async (request, reply) => {
      authorize(request.actor, s3Policy.change(request.actor), 'Only the region records self-assessments');
      const area = await areaBySlug(db, request.actor.regionCode, request.params.slug);
      const created = await createAssessment(db, request.actor, area.id, request.body);
      reply.code(201).header('location', `/api/v1/s3/areas/${area.slug}/assessments`);
      return created;
    },
  );

  app.delete(
    '/assessments/:id',
    {
      schema: {
        tags,
        summary: 'Delete a mistaken self-assessment (editors)',
        params: idParams,
        response: { 204: z.null(), ...writeProblemResponses },
      },
    },
    async (request, reply) => {
      authorize(request.actor, s3Policy.change(request.actor), 'Only the region deletes self-assessments');
      await deleteAssessment(db, request.actor, request.params.id);
      return reply.code(204).send(null);
    },
  );
};
