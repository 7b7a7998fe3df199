/**
 * /api/v1/indicators: definitions, targets, values and the analyses of one indicator (disparity
 * between municipalities, progress toward a target, traffic light). Every table answers JSON,
 * or a CSV/Excel file with ?format=csv|xlsx.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sexes } from '../../db/schema.ts';
import { problemResponses, problemSchema, writeProblemResponses } from '../../server/problem.ts';
import { etagFor, versionFromIfMatch } from '../../shared/optimistic-lock.ts';
import { ifMatchHeaders } from '../../shared/route-schemas.ts';
import { downloadFormatQuery, sendTable } from '../../shared/table-download.ts';
import { authorize } from '../access/permissions.ts';
import type { MeasureResult } from './analysis/disparity.ts';
import { disparitySeries, progressFor } from './indicator-analysis.ts';
import { indicatorPolicy } from './indicator-policy.ts';
import {
  disparityYearSchema,
  indicatorDetailSchema,
  indicatorIdParams,
  indicatorInputSchema,
  indicatorPatchSchema,
  indicatorSchema,
  progressSchema,
  targetInputSchema,
  targetSchema,
  trafficLightSchema,
  valueSchema,
  yearRangeQuery,
} from './indicator-schemas.ts';
import {
  createIndicator,
  createTarget,
  deleteTarget,
  findValues,
  getIndicatorRow,
  indicatorYears,
  listIndicators,
  listTargets,
  presentIndicator,
  regionAreas,
  updateIndicator,
  updateTarget,
} from './indicators-service.ts';

const sexLabel: Record<string, string> = { total: 'totalt', women: 'kvinnor', men: 'män' };
const measureValue = (m: MeasureResult) => m.value;
const targetParams = indicatorIdParams.extend({ targetId: z.uuid('must be a UUID') });

export const indicatorRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.database;

  app.get(
    '/indicators',
    {
      schema: {
        tags: ['indicators'],
        summary: 'Indicator definitions (Swedish alphabetical order)',
        response: { 200: z.object({ items: z.array(indicatorSchema), total: z.number().int() }) },
      },
    },
    async () => {
      const items = await listIndicators(db);
      return { items, total: items.length };
    },
  );

  app.get(
    '/indicators/:id',
    {
      schema: {
        tags: ['indicators'],
        summary: 'One indicator with the years that have values and its targets',
        params: indicatorIdParams,
        response: { 200: indicatorDetailSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const { regionCode } = request.actor;
      const row = await getIndicatorRow(db, request.params.id);
      const [years, targets] = await Promise.all([
        indicatorYears(db, regionCode, row.id),
        listTargets(db, regionCode, row.id),
      ]);
      reply.header('etag', etagFor(row.version));
      return { ...presentIndicator(row), years, targets };
    },
  );

  app.post(
    '/indicators',
    {
      schema: {
        tags: ['indicators'],
        summary: 'Define a new indicator (editors)',
        body: indicatorInputSchema,
        response: { 201: indicatorSchema, ...writeProblemResponses },
      },
    },
    async (request, reply) => {
      authorize(request.actor, indicatorPolicy.define(request.actor), 'Only editors define indicators');
      const created = await createIndicator(db, request.actor, request.body);
      return reply.code(201).header('etag', etagFor(created.version)).send(created);
    },
  );

  app.patch(
    '/indicators/:id',
    {
      schema: {
        tags: ['indicators'],
        summary: 'Change a definition (editors; If-Match: the version you read)',
        params: indicatorIdParams,
        headers: ifMatchHeaders,
        body: indicatorPatchSchema,
        response: { 200: indicatorSchema, ...writeProblemResponses },
      },
    },
    async (request, reply) => {
      authorize(request.actor, indicatorPolicy.define(request.actor), 'Only editors change indicators');
      const version = versionFromIfMatch(request.headers['if-match']);
      const updated = await updateIndicator(db, request.actor, request.params.id, version, request.body);
      reply.header('etag', etagFor(updated.version));
      return updated;
    },
  );

  app.get(
    '/indicators/:id/values',
    {
      schema: {
        tags: ['indicators'],
        summary: 'Values per area, year and sex (a map: from=to=the year)',
        params: indicatorIdParams,
        querystring: yearRangeQuery.and(
          z.object({
            area: z.string().min(1).max(20).optional().describe('Area code, e.g. 2380, 23 or SE'),
            sex: z.enum(sexes).optional(),
            ...downloadFormatQuery,
          }),
        ),
        response: {
          200: z.object({ indicator: indicatorSchema, values: z.array(valueSchema) }),
          ...problemResponses,
        },
      },
    },
    async (request, reply) => {
      const { regionCode } = request.actor;
      const row = await getIndicatorRow(db, request.params.id);
      const { area, sex, from, to, format } = request.query;
      const values = await findValues(db, regionCode, row.id, {
        areas: area ? [area] : undefined,
        sex,
        from,
        to,
      });
      if (format) {
        const { names } = await regionAreas(db, regionCode);
        return sendTable(reply, format, {
          name: `${row.id}${from !== undefined ? `-${from}` : ''}${to !== undefined && to !== from ? `-${to}` : ''}`,
          sheet: row.titleSv,
          columns: [
            { header: 'Områdeskod' },
            { header: 'Område', width: 22 },
            { header: 'År' },
            { header: 'Kön' },
            { header: `Värde (${row.unitSv ?? ''})`.replace(' ()', '') },
            { header: 'Status' },
            { header: 'Källa', width: 40 },
          ],
          rows: values.map((v) => [
            v.areaCode,
            v.areaCode === 'SE' ? 'Riket' : (names.get(v.areaCode) ?? v.areaCode),
            v.year,
            sexLabel[v.sex],
            v.value,
            v.status === 'preliminary' ? 'preliminär' : 'slutlig',
            v.source,
          ]),
          source: `${row.titleSv}. Källa: ${row.source ?? 'se kolumnen Källa'}`,
        });
      }
      return { indicator: presentIndicator(row), values };
    },
  );

  app.get(
    '/indicators/:id/disparity',
    {
      schema: {
        tags: ['indicators'],
        summary:
          "Disparity between the region's municipalities per year (CV, Williamson, Gini, Theil, max/min)",
        params: indicatorIdParams,
        querystring: yearRangeQuery.and(
          z.object({ sex: z.enum(sexes).default('total'), ...downloadFormatQuery }),
        ),
        response: {
          200: z.object({
            indicator: indicatorSchema,
            municipalityCount: z.number().int(),
            years: z.array(disparityYearSchema),
          }),
          ...problemResponses,
        },
      },
    },
    async (request, reply) => {
      const row = await getIndicatorRow(db, request.params.id);
      const { from, to, sex, format } = request.query;
      const result = await disparitySeries(db, request.actor.regionCode, row.id, { from, to, sex });
      if (format) {
        return sendTable(reply, format, {
          name: `${row.id}-spridning`,
          sheet: 'Spridning',
          columns: [
            'År',
            'Antal kommuner',
            'Medelvärde',
            'Variationskoefficient',
            'Williamson (befolkningsvägd)',
            'Gini',
            'Gini (befolkningsvägd)',
            'Theil T',
            'Theil T (befolkningsvägd)',
            'Max/min',
          ].map((header) => ({ header })),
          rows: result.years.map((y) => [
            y.year,
            y.n,
            y.mean,
            measureValue(y.cv),
            measureValue(y.williamson),
            measureValue(y.gini),
            measureValue(y.giniWeighted),
            measureValue(y.theil),
            measureValue(y.theilWeighted),
            measureValue(y.maxMinRatio),
          ]),
          source: `${row.titleSv}, ${sexLabel[sex]}. Källa: ${row.source ?? ''}; befolkning: SCB`,
        });
      }
      return { indicator: presentIndicator(row), ...result };
    },
  );

  app.get(
    '/indicators/:id/progress',
    {
      schema: {
        tags: ['indicators'],
        summary: 'Progress toward the target (Open SDG method) and the traffic light, for one area',
        params: indicatorIdParams,
        querystring: z.object({
          area: z.string().min(1).max(20).optional().describe('Area code; the county by default'),
          sex: z.enum(sexes).default('total'),
        }),
        response: {
          200: z.object({
            indicator: indicatorSchema,
            area: z.string(),
            sex: z.enum(sexes),
            target: targetSchema.nullable(),
            progress: progressSchema,
            trafficLight: trafficLightSchema,
            series: z.array(z.object({ year: z.number().int(), value: z.number() })),
          }),
          ...problemResponses,
        },
      },
    },
    async (request) => {
      const { regionCode } = request.actor;
      const row = await getIndicatorRow(db, request.params.id);
      const area = request.query.area ?? regionCode;
      const result = await progressFor(db, regionCode, row.id, { area, sex: request.query.sex });
      return { indicator: presentIndicator(row), ...result };
    },
  );

  app.get(
    '/indicators/:id/targets',
    {
      schema: {
        tags: ['indicators'],
        summary: 'Targets of an indicator in this region',
        params: indicatorIdParams,
        response: { 200: z.object({ items: z.array(targetSchema) }), ...problemResponses },
      },
    },
    async (request) => {
      const row = await getIndicatorRow(db, request.params.id);
      return { items: await listTargets(db, request.actor.regionCode, row.id) };
    },
  );

  app.post(
    '/indicators/:id/targets',
    {
      schema: {
        tags: ['indicators'],
        summary: 'Add a target (editors)',
        params: indicatorIdParams,
        body: targetInputSchema,
        response: { 201: targetSchema, ...writeProblemResponses },
      },
    },
    async (request, reply) => {
      authorize(request.actor, indicatorPolicy.setTargets(request.actor), 'Only editors set targets');
      const created = await createTarget(db, request.actor, request.params.id, request.body);
      return reply.code(201).header('etag', etagFor(created.version)).send(created);
    },
  );

  app.put(
    '/indicators/:id/targets/:targetId',
    {
      schema: {
        tags: ['indicators'],
        summary: 'Change a target (editors; If-Match)',
        params: targetParams,
        headers: ifMatchHeaders,
        body: targetInputSchema,
        response: { 200: targetSchema, ...writeProblemResponses },
      },
    },
    async (request, reply) => {
      authorize(request.actor, indicatorPolicy.setTargets(request.actor), 'Only editors change targets');
      const version = versionFromIfMatch(request.headers['if-match']);
      const { id, targetId } = request.params;
      const updated = await updateTarget(db, request.actor, id, targetId, version, request.body);
      reply.header('etag', etagFor(updated.version));
      return updated;
    },
  );

  app.delete(
    '/indicators/:id/targets/:targetId',
    {
      schema: {
        tags: ['indicators'],
        summary: 'Remove a target (editors; If-Match)',
        params: targetParams,
        headers: ifMatchHeaders,
        response: { 204: z.null().describe('Removed'), ...writeProblemResponses, 422: problemSchema },
      },
    },
    async (request, reply) => {
      authorize(request.actor, indicatorPolicy.setTargets(request.actor), 'Only editors remove targets');
      const version = versionFromIfMatch(request.headers['if-match']);
      await deleteTarget(db, request.actor, request.params.id, request.params.targetId, version);
      return reply.code(204).send(null);
    },
  );
};
