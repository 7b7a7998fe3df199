/**
 * Territorial follow-up: where efforts and money reach (per municipality and period, with the
 * municipalities no effort reaches or far below the county's level flagged), and the profile of
 * one municipality or the county. Readers see the efforts they may see (the public: published).
 */
import { and, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as t from '../../db/schema.ts';
import { fundingSources } from '../../db/schema.ts';
import { problemResponses } from '../../server/problem.ts';
import { downloadFormatQuery, sendTable } from '../../shared/table-download.ts';
import { bilingualSchema } from '../../shared/text.ts';
import { readScope } from '../access/permissions.ts';
import { sourceLabels } from '../efforts/effort-table.ts';
import { indicatorSchema, trafficLightSchema } from '../indicators/indicator-schemas.ts';
import { areaProfile } from './area-profile.ts';
import { reachBreakdown, reachByMunicipality } from './reach-analysis.ts';
import { loadReachEfforts, reachMunicipalities } from './reach-service.ts';

const thisYear = () => new Date().getFullYear();
const year = z.coerce.number().int().min(1990).max(2100);
const periodQuery = {
  from: year.optional().describe('First year (default: four years ago)'),
  to: year.optional().describe('Last year (default: this year)'),
};
const periodOf = (q: { from?: number; to?: number }) => {
  // A missing end follows the start (never before it); a missing start is four years before.
  const to = q.to ?? Math.max(thisYear(), q.from ?? 0);
  const from = q.from ?? Math.min(to, thisYear() - 4);
  return { from, to };
};
const checkPeriod = (q: { from?: number; to?: number }) =>
  q.from === undefined || q.to === undefined || q.from <= q.to;

const flagSchema = z.enum(['not_reached', 'far_below_county']);
const breakdownRow = z.object({
  key: z.string(),
  label: z.string().optional(),
  effortCount: z.number().int(),
  fundingSek: z.number(),
});
const reachSchema = z
  .object({
    period: z.object({ from: z.number().int(), to: z.number().int() }),
    municipalities: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        population: z.number().nullable(),
        effortCount: z.number().int(),
        fundingSek: z.number(),
        sekPerInhabitant: z.number().nullable(),
        bySource: z.record(z.string(), z.number()),
        flags: z.array(flagSchema),
      }),
    ),
    county: z.object({
      effortCount: z.number().int(),
      fundingSek: z.number(),
      population: z.number(),
      sekPerInhabitant: z.number().nullable(),
      unallocatedSek: z
        .number()
        .describe(
          'Money of the counted efforts that reaches no municipality (no reach given); 0 for complete data',
        ),
    }),
    flagged: z.array(z.object({ code: z.string(), name: z.string(), flags: z.array(flagSchema) })),
    breakdown: z.object({
      priority: z.array(breakdownRow),
      strengthArea: z.array(breakdownRow),
      source: z.array(breakdownRow),
      financier: z.array(breakdownRow),
    }),
  })
  .meta({ id: 'TerritoryReach' });

const point = z.object({ year: z.number().int(), value: z.number() });
const profileSchema = z
  .object({
    area: z.object({ code: z.string(), name: z.string(), type: z.enum(['county', 'municipality']) }),
    period: z.object({ from: z.number().int(), to: z.number().int() }),
    indicators: z.array(
      z.object({
        indicator: indicatorSchema,
        latest: point.nullable(),
        county: point.nullable(),
        sweden: point.nullable(),
        trafficLight: trafficLightSchema,
        trend: z.array(point),
      }),
    ),
    efforts: z.object({
      count: z.number().int(),
      items: z.array(
        z.object({
          id: z.string().uuid(),
          title: z.string(),
          wholeCounty: z.boolean(),
          sharePercent: z.number().nullable(),
        }),
      ),
      fundingSek: z.number(),
      sekPerInhabitant: z.number().nullable(),
      countySekPerInhabitant: z.number().nullable(),
      flags: z.array(flagSchema),
    }),
    development: z.object({
      since: z.number().int().nullable().describe('The year the first effort reaching the area began'),
      results: z.array(
        z.object({
          name: z.string(),
          unit: z.string(),
          kind: z.enum(['output', 'result']),
          total: z.number(),
          efforts: z.number().int(),
        }),
      ),
      context: z.array(
        z.object({
          indicatorId: z.string(),
          title: bilingualSchema,
          unit: bilingualSchema,
          polarity: indicatorSchema.shape.polarity,
          from: point,
          to: point,
          change: z.number(),
        }),
      ),
    }),
  })
  .meta({ id: 'AreaProfile' });

export const territoryRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.database;

  app.get(
    '/territory/reach',
    {
      schema: {
        tags: ['territory'],
        summary:
          'Efforts and money per municipality for a period (whole-county efforts spread by population)',
        querystring: z
          .object({
            ...periodQuery,
            priority: z.uuid().optional(),
            strengthArea: z.uuid().optional(),
            financier: z.enum(fundingSources).optional().describe('Only money from this funding source'),
            ...downloadFormatQuery,
          })
          .refine(checkPeriod, { message: 'from must not be after to', path: ['from'] }),
        response: { 200: reachSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const { actor } = request;
      const { priority, strengthArea, financier, format } = request.query;
      const period = periodOf(request.query);
      const [efforts, municipalities, priorities, strengthAreas] = await Promise.all([
        loadReachEfforts(db, actor.regionCode, readScope(actor), {
          ...period,
          priority,
          strengthArea,
          financier,
        }),
        reachMunicipalities(db, actor.regionCode, period.to),
        db
          .select({ id: t.longTermPriorities.id, label: t.longTermPriorities.titleSv })
          .from(t.longTermPriorities)
          .where(eq(t.longTermPriorities.regionCode, actor.regionCode)),
        db
          .select({ id: t.strengthAreas.id, label: t.strengthAreas.nameSv })
          .from(t.strengthAreas)
          .where(and(eq(t.strengthAreas.regionCode, actor.regionCode))),
      ]);
      const input = { efforts, municipalities, ...period };
      const result = reachByMunicipality(input);
      if (format) {
        return sendTable(reply, format, {
          name: `insatser-per-kommun-${period.from}-${period.to}`,
          sheet: 'Insatser per kommun',
          columns: [
            { header: 'Kommunkod' },
            { header: 'Kommun', width: 20 },
            { header: 'Invånare' },
            { header: 'Antal insatser' },
            { header: 'Finansiering (kr)' },
            { header: 'Kr per invånare' },
            { header: 'Flaggor', width: 30 },
          ],
          rows: [
            ...result.municipalities.map((m) => [
              m.code,
              m.name,
              m.population,
              m.effortCount,
              m.fundingSek,
              m.sekPerInhabitant === null ? null : Math.round(m.sekPerInhabitant),
              m.flags
                .map((f) => (f === 'not_reached' ? 'ingen insats' : 'långt under länets nivå'))
                .join(', '),
            ]),
            [
              actor.regionCode,
              'Hela länet',
              result.county.population,
              result.county.effortCount,
              result.county.fundingSek,
              result.county.sekPerInhabitant === null ? null : Math.round(result.county.sekPerInhabitant),
              '',
            ],
          ],
          source: `Period ${period.from}–${period.to}. Insatser i Regionkraft; insatser för hela länet fördelade efter folkmängd (Källa: SCB).`,
        });
      }
      const labelled = (rows: ReturnType<typeof reachBreakdown>, labels: Map<string, string>) =>
        rows.map((r) => ({ ...r, label: r.label ?? labels.get(r.key) }));
      return {
        period,
        ...result,
        breakdown: {
          priority: labelled(
            reachBreakdown(input, 'priority'),
            new Map(priorities.map((p) => [p.id, p.label])),
          ),
          strengthArea: labelled(
            reachBreakdown(input, 'strengthArea'),
            new Map(strengthAreas.map((s) => [s.id, s.label])),
          ),
          source: labelled(reachBreakdown(input, 'source'), new Map(Object.entries(sourceLabels))),
          financier: reachBreakdown(input, 'financier'),
        },
      };
    },
  );

  app.get(
    '/areas/:code/profile',
    {
      schema: {
        tags: ['territory'],
        summary: 'Profile of a municipality or the county: indicators with traffic lights, efforts and money',
        params: z.object({ code: z.string().min(1).max(20) }),
        querystring: z
          .object({ ...periodQuery, ...downloadFormatQuery })
          .refine(checkPeriod, { message: 'from must not be after to', path: ['from'] }),
        response: { 200: profileSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const { actor } = request;
      const profile = await areaProfile(
        db,
        actor.regionCode,
        readScope(actor),
        request.params.code,
        periodOf(request.query),
      );
      if (request.query.format) {
        const lightLabel = { green: 'grön', yellow: 'gul', red: 'röd', white: 'vit (kan inte bedömas)' };
        return sendTable(reply, request.query.format, {
          name: `nyckeltal-${profile.area.code}`,
          sheet: `Nyckeltal ${profile.area.name}`,
          columns: [
            { header: 'Indikator', width: 50 },
            { header: 'Enhet' },
            { header: 'År' },
            { header: profile.area.name },
            { header: 'Länet' },
            { header: 'Riket' },
            { header: 'Trafikljus' },
            { header: 'Källa', width: 40 },
          ],
          rows: profile.indicators.map((i) => [
            i.indicator.title.sv,
            i.indicator.unit.sv,
            i.latest?.year,
            i.latest?.value,
            i.county?.value,
            i.sweden?.value,
            lightLabel[i.trafficLight.light],
            i.indicator.source,
          ]),
          source: `Nyckeltal för ${profile.area.name}, senaste år per indikator. Källa per rad.`,
        });
      }
      return profile;
    },
  );
};
