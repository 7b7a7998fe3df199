import { and, asc, eq, gte, lte } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { indicators, indicatorValues, sexes } from '../../db/schema.ts';
import { notFound, problemResponses } from '../../server/problem.ts';
import { bilingual, bilingualSchema, compareSwedish } from '../../shared/text.ts';

const indicatorSchema = z
  .object({
    id: z.string(),
    title: bilingualSchema,
    unit: bilingualSchema,
    source: z.string().nullable(),
    koladaKpi: z.string().nullable(),
  })
  .meta({ id: 'Indicator' });

const toIndicator = (row: typeof indicators.$inferSelect) => ({
  id: row.id,
  title: bilingual(row.titleSv, row.titleEn),
  unit: bilingual(row.unitSv, row.unitEn),
  source: row.source,
  koladaKpi: row.koladaKpi,
});

export const indicatorRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.database;
  const regionCode = app.config.regionCode;

  app.get(
    '/indicators',
    {
      schema: {
        tags: ['territory'],
        summary: 'Indicator definitions',
        response: { 200: z.object({ items: z.array(indicatorSchema), total: z.number().int() }) },
      },
    },
    async () => {
      const rows = await db.select().from(indicators);
      const items = rows
        .map(toIndicator)
        .sort((a, b) => compareSwedish(a.title.sv ?? a.id, b.title.sv ?? b.id));
      return { items, total: items.length };
    },
  );

  app.get(
    '/indicators/:id/values',
    {
      schema: {
        tags: ['territory'],
        summary: 'Values of one indicator per area, year and sex',
        params: z.object({ id: z.string().min(1).max(100) }),
        querystring: z
          .object({
            area: z.string().min(1).max(100).optional().describe('Area code, e.g. 2380'),
            sex: z.enum(sexes).optional(),
            from: z.coerce.number().int().min(1800).max(2200).optional(),
            to: z.coerce.number().int().min(1800).max(2200).optional(),
          })
          .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, {
            message: 'from must not be after to',
            path: ['from'],
          }),
        response: {
          200: z.object({
            indicator: indicatorSchema,
            values: z.array(
              z.object({
                areaCode: z.string(),
                year: z.number().int(),
                sex: z.enum(sexes),
                value: z.number(),
                source: z.string().nullable(),
              }),
            ),
          }),
          ...problemResponses,
        },
      },
    },
    async (request) => {
      const [indicator] = await db.select().from(indicators).where(eq(indicators.id, request.params.id));
      if (!indicator) throw notFound(`No indicator "${request.params.id}"`);
      const { area, sex, from, to } = request.query;
      const rows = await db
        .select({
          areaCode: indicatorValues.areaCode,
          year: indicatorValues.year,
          sex: indicatorValues.sex,
          value: indicatorValues.value,
          source: indicatorValues.source,
        })
        .from(indicatorValues)
        .where(
          and(
            eq(indicatorValues.regionCode, regionCode),
            eq(indicatorValues.indicatorId, indicator.id),
            area ? eq(indicatorValues.areaCode, area) : undefined,
            sex ? eq(indicatorValues.sex, sex) : undefined,
            from !== undefined ? gte(indicatorValues.year, from) : undefined,
            to !== undefined ? lte(indicatorValues.year, to) : undefined,
          ),
        )
        .orderBy(asc(indicatorValues.areaCode), asc(indicatorValues.year), asc(indicatorValues.sex));
      return {
        indicator: toIndicator(indicator),
        values: rows.map((r) => ({ ...r, value: Number(r.value) })),
      };
    },
  );
};
