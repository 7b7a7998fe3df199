import { z } from 'zod';
import { areaTypes, sexes } from '../../db/schema.ts';

export const areaTypeSchema = z.enum(areaTypes);

export const geometrySchema = z
  .object({ type: z.string(), coordinates: z.array(z.any()) })
  .meta({ id: 'Geometry', description: 'GeoJSON geometry (WGS84 lon/lat)' });

export const populationSchema = z.object({
  year: z.number().int(),
  value: z.number(),
  source: z.string().nullable(),
});

export const areaSchema = z
  .object({
    code: z.string().describe('SCB code (2380), county code (23), or sameby-<name>'),
    type: areaTypeSchema,
    name: z.string(),
    regionCode: z.string(),
    samiAdministrative: z.boolean().nullable().describe('Samisk förvaltningskommun (municipalities only)'),
    population: populationSchema.nullable().describe('Latest total population (Källa: SCB)'),
    geometry: geometrySchema.nullable().optional(),
  })
  .meta({ id: 'Area' });
export type Area = z.infer<typeof areaSchema>;

export const relatedAreaSchema = z.object({
  code: z.string(),
  name: z.string(),
  type: areaTypeSchema,
  relation: z.string().nullable(),
  confidence: z.string().describe('"stated" in a source, or "unverified"'),
  source: z.string().nullable(),
});

export const areaDetailSchema = areaSchema
  .extend({
    source: z.string().nullable(),
    note: z.string().nullable(),
    samiAdministrativeSource: z.string().nullable(),
    geometrySource: z.string().nullable(),
    relatedAreas: z.array(relatedAreaSchema),
    populationSeries: z.array(
      z.object({
        year: z.number().int(),
        sex: z.enum(sexes),
        value: z.number(),
        source: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'AreaDetail' });
export type AreaDetail = z.infer<typeof areaDetailSchema>;

export const areaListSchema = z
  .object({
    items: z.array(areaSchema),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
  })
  .meta({ id: 'AreaList' });

export const featureCollectionSchema = z
  .object({
    type: z.literal('FeatureCollection'),
    features: z.array(
      z.object({
        type: z.literal('Feature'),
        id: z.string(),
        properties: z.object({
          code: z.string(),
          name: z.string(),
          type: areaTypeSchema,
          population: z.number().nullable(),
          populationYear: z.number().int().nullable(),
        }),
        geometry: geometrySchema,
      }),
    ),
  })
  .meta({ id: 'AreaFeatureCollection' });

/** `?geometry=true|false` (query strings are text, so z.coerce.boolean would take "false" as true). */
export const booleanQuery = z
  .enum(['true', 'false', '1', '0'], { error: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1');
