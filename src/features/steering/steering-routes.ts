import { asc, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  longTermPriorities,
  nationalStrategyAreas,
  regions,
  steeringDocumentKinds,
  steeringDocuments,
  strengthAreas,
} from '../../db/schema.ts';
import { notFound, problemResponses } from '../../server/problem.ts';
import { bilingual, bilingualSchema } from '../../shared/text.ts';

const steeringSchema = z
  .object({
    region: z.object({ code: z.string(), name: z.string(), authority: z.string() }),
    goal: z.object({ text: bilingualSchema, source: z.string().nullable() }),
    documents: z.array(
      z.object({
        id: z.uuid(),
        key: z.string(),
        kind: z.enum(steeringDocumentKinds),
        title: bilingualSchema,
        diarienummer: z.string().nullable(),
        adoptedOn: z.string().nullable().describe('ISO date'),
        adoptedBy: z.string().nullable(),
        validFrom: z.string().nullable(),
        validTo: z.string().nullable(),
        note: bilingualSchema,
        url: z.string().nullable(),
      }),
    ),
    priorities: z.array(
      z.object({
        id: z.uuid(),
        number: z.number().int(),
        title: bilingualSchema,
        description: bilingualSchema,
      }),
    ),
    strengthAreas: z.array(
      z.object({
        id: z.uuid(),
        slug: z.string(),
        name: bilingualSchema,
        description: bilingualSchema,
        descriptionUncertain: z.boolean(),
      }),
    ),
    nationalAreas: z.array(z.object({ code: z.number().int(), title: bilingualSchema })),
  })
  .meta({ id: 'Steering' });

const documentOrder = Object.fromEntries(steeringDocumentKinds.map((k, i) => [k, i]));

export const steeringRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.database;
  const regionCode = app.config.regionCode;

  app.get(
    '/steering',
    {
      schema: {
        tags: ['steering'],
        summary:
          'The steering structure: documents, goal, long-term priorities, strength areas, national areas',
        response: { 200: steeringSchema, ...problemResponses },
      },
    },
    async () => {
      const [region] = await db.select().from(regions).where(eq(regions.code, regionCode));
      if (!region) throw notFound(`Region ${regionCode} has no data loaded`);
      const [documents, priorities, areas, national] = await Promise.all([
        db.select().from(steeringDocuments).where(eq(steeringDocuments.regionCode, regionCode)),
        db
          .select()
          .from(longTermPriorities)
          .where(eq(longTermPriorities.regionCode, regionCode))
          .orderBy(asc(longTermPriorities.number)),
        db
          .select()
          .from(strengthAreas)
          .where(eq(strengthAreas.regionCode, regionCode))
          .orderBy(asc(strengthAreas.position)),
        db.select().from(nationalStrategyAreas).orderBy(asc(nationalStrategyAreas.code)),
      ]);
      return {
        region: { code: region.code, name: region.name, authority: region.authority },
        goal: { text: bilingual(region.goalSv, region.goalEn), source: region.goalSource },
        documents: documents
          .sort((a, b) => (documentOrder[a.kind] ?? 0) - (documentOrder[b.kind] ?? 0))
          .map((d) => ({
            id: d.id,
            key: d.key,
            kind: d.kind,
            title: bilingual(d.titleSv, d.titleEn),
            diarienummer: d.diarienummer,
            adoptedOn: d.adoptedOn,
            adoptedBy: d.adoptedBy,
            validFrom: d.validFrom,
            validTo: d.validTo,
            note: bilingual(d.noteSv, d.noteEn),
            url: d.url,
          })),
        priorities: priorities.map((p) => ({
          id: p.id,
          number: p.number,
          title: bilingual(p.titleSv, p.titleEn),
          description: bilingual(p.descriptionSv, p.descriptionEn),
        })),
        strengthAreas: areas.map((s) => ({
          id: s.id,
          slug: s.slug,
          name: bilingual(s.nameSv, s.nameEn),
          description: bilingual(s.descriptionSv, s.descriptionEn),
          descriptionUncertain: s.descriptionUncertain,
        })),
        nationalAreas: national.map((n) => ({ code: n.code, title: bilingual(n.titleSv, n.titleEn) })),
      };
    },
  );
};
