/** Strength areas: vision, sub-areas, action plan (initiatives), intervention logic. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound, problemResponses, writeProblemResponses } from '../../../server/problem.ts';
import { etagFor, versionFromIfMatch } from '../../../shared/optimistic-lock.ts';
import { idParams, ifMatchHeaders } from '../../../shared/route-schemas.ts';
import { sendTable } from '../../../shared/table-download.ts';
import { type Actor, authorize } from '../../access/permissions.ts';
import { s3Policy } from '../s3-policy.ts';
import {
  areaSchema,
  areaSummarySchema,
  effortIndicatorChoiceSchema,
  initiativeInputSchema,
  initiativeListQuery,
  initiativePatchSchema,
  initiativeSchema,
  logicItemInputSchema,
  logicItemPatchSchema,
  logicItemSchema,
  slugParams,
  subAreaInputSchema,
  subAreaPatchSchema,
  subAreaSchema,
  visionPatchSchema,
  visionSchema,
} from './area-schemas.ts';
import {
  createLogicItem,
  createSubArea,
  deleteLogicItem,
  deleteSubArea,
  getArea,
  listAreas,
  listEffortIndicators,
  updateLogicItem,
  updateSubArea,
  updateVision,
} from './areas-service.ts';
import {
  createInitiative,
  deleteInitiative,
  findInitiatives,
  getInitiative,
  initiativeStatusLabels,
  updateInitiative,
} from './initiatives-service.ts';

const tags = ['smart specialisation'];
const mayChange = (actor: Actor) =>
  authorize(actor, s3Policy.change(actor), 'Only the region keeps the strength areas and their action plans');

export const s3AreaRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/areas',
    {
      schema: {
        tags,
        summary:
          'The strength areas: vision, the six steps at a glance, counts and the latest self-assessment',
        response: { 200: z.object({ items: z.array(areaSummarySchema) }), ...problemResponses },
      },
    },
    async (request) => ({ items: await listAreas(db, request.actor) }),
  );

  app.get(
    '/areas/:slug',
    {
      schema: {
        tags,
        summary:
          'One strength area: vision (its ETag; "0" while there is none), sub-areas, action plan, intervention logic, efforts and money',
        params: slugParams,
        response: { 200: areaSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const area = await getArea(db, request.actor, request.params.slug);
      if (!area) throw notFound(`No strength area ${request.params.slug}`);
      reply.header('etag', etagFor(area.visionVersion));
      return area;
    },
  );

  app.patch(
    '/areas/:slug/vision',
    {
      schema: {
        tags,
        summary: 'Change the 2030 vision (If-Match; "0" makes it when the area has none)',
        params: slugParams,
        headers: ifMatchHeaders,
        body: visionPatchSchema,
        response: { 200: visionSchema, ...writeProblemResponses },
      },
    },
    async (request, reply) => {
      mayChange(request.actor);
      const version = versionFromIfMatch(request.headers['if-match']);
      const row = await updateVision(db, request.actor, request.params.slug, version, request.body);
      reply.header('etag', etagFor(row.version));
      return {
        textSv: row.textSv,
        textEn: row.textEn,
        isExample: row.isExample,
        version: row.version,
        updatedAt: row.updatedAt.toISOString(),
      };
    },
  );

  app.post(
    '/areas/:slug/sub-areas',
    {
      schema: {
        tags,
        summary: 'Add a sub-area (delområde) with its needs and challenges',
        params: slugParams,
        body: subAreaInputSchema,
        response: { 201: subAreaSchema, ...writeProblemResponses },
      },
    },
    async (request, reply) => {
      mayChange(request.actor);
      const created = await createSubArea(db, request.actor, request.params.slug, request.body);
      reply.code(201).header('etag', etagFor(created.version));
      return created;
    },
  );

  app.patch(
    '/sub-areas/:id',
    {
      schema: {
        tags,
        summary: 'Change a sub-area (If-Match)',
        params: idParams,
        headers: ifMatchHeaders,
        body: subAreaPatchSchema,
        response: { 200: subAreaSchema, ...writeProblemResponses },
      },
    },
    async (request, reply) => {
      mayChange(request.actor);
      const version = versionFromIfMatch(request.headers['if-match']);
      const updated = await updateSubArea(db, request.actor, request.params.id, version, request.body);
      reply.header('etag', etagFor(updated.version));
      return updated;
    },
  );

  app.delete(
    '/sub-areas/:id',
    {
      schema: {
        tags,
        summary:
          'Remove a sub-area; its initiatives stay without one (each a new version, audited) (If-Match)',
        params: idParams,
        headers: ifMatchHeaders,
        response: { 204: z.null(), ...writeProblemResponses },
      },
    },
    async (request, reply) => {
      mayChange(request.actor);
      const version = versionFromIfMatch(request.headers['if-match']);
      await deleteSubArea(db, request.actor, request.params.id, version);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/initiatives',
    {
      schema: {
        tags,
        summary: 'Action-plan initiatives, by strength area (slug) and status (?format=csv|xlsx)',
        querystring: initiativeListQuery,
        response: { 200: z.object({ items: z.array(initiativeSchema) }), ...problemResponses },
      },
    },
    async (request, reply) => {
      const items = await findInitiatives(db, request.actor, request.query);
      if (request.query.format) {
        return sendTable(reply, request.query.format, {
          name: request.query.area ? `handlingsplan-${request.query.area}` : 'handlingsplan',
          sheet: 'Handlingsplan',
          columns: [
            { header: 'Styrkeområde', width: 24 },
            { header: 'Delområde', width: 28 },
            { header: 'Initiativ', width: 40 },
            { header: 'Status', width: 14 },
            { header: 'Ansvarig', width: 28 },
            { header: 'Period', width: 14 },
            { header: 'Insatser', width: 50 },
            { header: 'Exempel' },
          ],
          rows: items.map((i) => [
            i.strengthArea.name.sv ?? '',
            i.subArea?.name ?? '',
            i.title,
            initiativeStatusLabels[i.status],
            i.responsible,
            i.period,
            i.efforts.map((e) => e.title).join('; '),
            i.isExample ? 'ja' : 'nej',
          ]),
        });
      }
      return { items };
    },
  );

  app.get(
    '/initiatives/:id',
    {
      schema: {
        tags,
        summary: 'One initiative (its ETag is the version to send when changing it)',
        params: idParams,
        response: { 200: initiativeSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const initiative = await getInitiative(db, request.actor, request.params.id);
      if (!initiative) throw notFound(`No initiative ${request.params.id}`);
      reply.header('etag', etagFor(initiative.version));
      return initiative;
    },
  );

  app.post(
    '/initiatives',
    {
      schema: {
        tags,
        summary:
          'Add an initiative to an action plan; sourceInputIds takes input from meetings into the plan (editors)',
        body: initiativeInputSchema,
        response: { 201: initiativeSchema, ...writeProblemResponses },
      },
    },
    async (request, reply) => {
      mayChange(request.actor);
      const created = await createInitiative(db, request.actor, request.body);
      reply
        .code(201)
        .header('etag', etagFor(created.version))
        .header('location', `/api/v1/s3/initiatives/${created.id}`);
      return created;
    },
  );

  app.patch(
    '/initiatives/:id',
    {
      schema: {
        tags,
        summary: 'Change an initiative; effortIds replaces the set when given (If-Match)',
        params: idParams,
        headers: ifMatchHeaders,
        body: initiativePatchSchema,
        response: { 200: initiativeSchema, ...writeProblemResponses },
      },
    },
    async (request, reply) => {
      mayChange(request.actor);
      const version = versionFromIfMatch(request.headers['if-match']);
      const updated = await updateInitiative(db, request.actor, request.params.id, version, request.body);
      reply.header('etag', etagFor(updated.version));
      return updated;
    },
  );

  app.delete(
    '/initiatives/:id',
    {
      schema: {
        tags,
        summary:
          'Remove an initiative with its outputs in the intervention logic (each removal audited); 409 IN_USE while input from a meeting points at it (If-Match)',
        params: idParams,
        headers: ifMatchHeaders,
        response: { 204: z.null(), ...writeProblemResponses },
      },
    },
    async (request, reply) => {
      mayChange(request.actor);
      const version = versionFromIfMatch(request.headers['if-match']);
      await deleteInitiative(db, request.actor, request.params.id, version);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/effort-indicators',
    {
      schema: {
        tags,
        summary: "An effort's own output and result indicators, to measure the intervention logic by",
        querystring: z.object({ effort: z.uuid() }),
        response: { 200: z.object({ items: z.array(effortIndicatorChoiceSchema) }), ...problemResponses },
      },
    },
    async (request) => ({ items: await listEffortIndicators(db, request.actor, request.query.effort) }),
  );

  app.post(
    '/areas/:slug/logic-items',
    {
      schema: {
        tags,
        summary:
          'Add to the intervention logic: a result of the area or an output of an initiative, measured by an indicator',
        params: slugParams,
        body: logicItemInputSchema,
        response: { 201: logicItemSchema, ...writeProblemResponses },
      },
    },
    async (request, reply) => {
      mayChange(request.actor);
      const created = await createLogicItem(db, request.actor, request.params.slug, request.body);
      reply.code(201).header('etag', etagFor(created.version));
      return created;
    },
  );

  app.patch(
    '/logic-items/:id',
    {
      schema: {
        tags,
        summary: 'Change an output or result (If-Match)',
        params: idParams,
        headers: ifMatchHeaders,
        body: logicItemPatchSchema,
        response: { 200: logicItemSchema, ...writeProblemResponses },
      },
    },
    async (request, reply) => {
      mayChange(request.actor);
      const version = versionFromIfMatch(request.headers['if-match']);
      const updated = await updateLogicItem(db, request.actor, request.params.id, version, request.body);
      reply.header('etag', etagFor(updated.version));
      return updated;
    },
  );

  app.delete(
    '/logic-items/:id',
    {
      schema: {
        tags,
        summary: 'Remove an output or result (If-Match)',
        params: idParams,
        headers: ifMatchHeaders,
        response: { 204: z.null(), ...writeProblemResponses },
      },
    },
    async (request, reply) => {
      mayChange(request.actor);
      const version = versionFromIfMatch(request.headers['if-match']);
      await deleteLogicItem(db, request.actor, request.params.id, version);
      return reply.code(204).send(null);
    },
  );
};
