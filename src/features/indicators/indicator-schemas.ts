/** Request and response shapes of the indicator endpoints (zod; they also make the OpenAPI document). */
import { z } from 'zod';
import {
  indicatorAggregations,
  indicatorPolarities,
  indicatorSourceKinds,
  sexes,
  valueStatuses,
} from '../../db/schema.ts';
import { bilingualSchema } from '../../shared/text.ts';

const year = z.coerce.number().int().min(1800).max(2200);
export const yearRangeQuery = z
  .object({ from: year.optional(), to: year.optional() })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, {
    message: 'from must not be after to',
    path: ['from'],
  });

export const indicatorIdParams = z.object({ id: z.string().min(1).max(100) });

export const indicatorSchema = z
  .object({
    id: z.string(),
    title: bilingualSchema,
    description: bilingualSchema,
    unit: bilingualSchema,
    source: z.string().nullable().describe('Attribution, shown as "Källa: …"'),
    sourceKind: z.enum(indicatorSourceKinds),
    koladaKpi: z.string().nullable(),
    scbTable: z.string().nullable(),
    polarity: z.enum(indicatorPolarities),
    splitBySex: z.boolean(),
    aggregation: z.enum(indicatorAggregations).describe('How municipality values add up to the county'),
    version: z.number().int(),
  })
  .meta({ id: 'Indicator' });
export type IndicatorOut = z.infer<typeof indicatorSchema>;

export const targetSchema = z
  .object({
    id: z.string().uuid(),
    indicatorId: z.string(),
    areaCode: z.string(),
    sex: z.enum(sexes),
    value: z.number(),
    year: z.number().int(),
    baseYear: z.number().int().nullable(),
    source: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'IndicatorTarget' });
export type TargetOut = z.infer<typeof targetSchema>;

export const indicatorDetailSchema = indicatorSchema
  .extend({
    years: z.array(z.number().int()).describe('Years with values in this region'),
    targets: z.array(targetSchema),
  })
  .meta({ id: 'IndicatorDetail' });

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

// The fields of a definition without defaults, so that a change (PATCH) sets only what it sends.
const definitionFields = z.object({
  titleSv: text(300),
  titleEn: optionalText(300),
  descriptionSv: optionalText(5000),
  descriptionEn: optionalText(5000),
  unitSv: optionalText(100),
  unitEn: optionalText(100),
  source: optionalText(1000),
  sourceKind: z.enum(indicatorSourceKinds),
  koladaKpi: z
    .string()
    .regex(/^[NU]\d{5}$/, 'a Kolada KPI id looks like N01951')
    .nullable()
    .optional(),
  scbTable: z
    .string()
    .regex(/^[A-Za-z0-9_]{1,40}$/, 'an SCB table id looks like TAB638')
    .nullable()
    .optional(),
  polarity: z.enum(indicatorPolarities),
  splitBySex: z.boolean(),
  aggregation: z.enum(indicatorAggregations),
});

export const indicatorInputSchema = definitionFields
  .extend({
    id: z
      .string()
      .regex(/^[a-z0-9_]{1,100}$/, 'use lowercase letters a–z, digits and _ (at most 100)')
      .describe('Stable id, e.g. bredband_1gbit_hushall_pct'),
    sourceKind: definitionFields.shape.sourceKind.default('own'),
    polarity: definitionFields.shape.polarity.default('neutral'),
    splitBySex: definitionFields.shape.splitBySex.default(false),
    aggregation: definitionFields.shape.aggregation.default('none'),
  })
  .strict();
export type IndicatorInput = z.infer<typeof indicatorInputSchema>;
export const indicatorPatchSchema = definitionFields.partial().strict();
export type IndicatorPatch = z.infer<typeof indicatorPatchSchema>;

export const targetInputSchema = z
  .object({
    areaCode: z.string().min(1).max(20).describe('County (23) or a municipality code'),
    sex: z.enum(sexes).default('total'),
    value: z.number().finite(),
    year: z.number().int().min(1900).max(2200),
    baseYear: z.number().int().min(1900).max(2200).nullable().optional(),
    source: optionalText(1000),
  })
  .strict()
  .refine((t) => t.baseYear == null || t.baseYear < t.year, {
    message: 'the base year must come before the target year',
    path: ['baseYear'],
  });
export type TargetInput = z.infer<typeof targetInputSchema>;

export const valueSchema = z.object({
  areaCode: z.string(),
  year: z.number().int(),
  sex: z.enum(sexes),
  value: z.number(),
  status: z.enum(valueStatuses),
  source: z.string().nullable(),
  importedAt: z.string(),
});

const measure = z
  .object({ value: z.number().nullable(), reason: z.string().optional() })
  .describe('null with a reason when the measure does not fit the data');
export const disparityYearSchema = z
  .object({
    year: z.number().int(),
    n: z.number().int(),
    mean: z.number().nullable(),
    cv: measure,
    williamson: measure,
    gini: measure,
    giniWeighted: measure,
    theil: measure,
    theilWeighted: measure,
    maxMinRatio: measure,
    max: z.object({ areaCode: z.string(), value: z.number() }).nullable(),
    min: z.object({ areaCode: z.string(), value: z.number() }).nullable(),
  })
  .meta({ id: 'DisparityYear' });

export const progressSchema = z
  .object({
    status: z.enum([
      'target_achieved',
      'substantial_progress',
      'moderate_progress',
      'limited_progress',
      'deterioration',
      'not_assessable',
    ]),
    reason: z.string().optional(),
    method: z.enum(['target', 'no_target']),
    baseYear: z.number().int().optional(),
    baseValue: z.number().optional(),
    currentYear: z.number().int().optional(),
    currentValue: z.number().optional(),
    actualGrowth: z.number().optional(),
    requiredGrowth: z.number().optional(),
    ratio: z.number().optional(),
    formula: z.string(),
  })
  .meta({ id: 'Progress' });

export const trafficLightSchema = z
  .object({
    light: z.enum(['green', 'yellow', 'red', 'white']),
    arrow: z.enum(['up', 'down', 'flat']).nullable(),
    latest: z.object({ year: z.number().int(), value: z.number() }).optional(),
    previous: z.object({ year: z.number().int(), value: z.number() }).optional(),
    change: z.number().optional(),
    comparedWithSweden: z
      .object({
        year: z.number().int(),
        sweden: z.number(),
        difference: z.number(),
        better: z.boolean().nullable(),
      })
      .optional(),
    reason: z.string(),
  })
  .meta({ id: 'TrafficLight' });

export const importReportSchema = z
  .object({
    importId: z.string().uuid().nullable(),
    kind: z.enum(['kolada', 'pxweb', 'file']),
    dryRun: z.boolean(),
    values: z.number().int(),
    inserted: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    indicators: z.array(z.string()),
    changes: z.array(z.object({ key: z.string(), before: z.number(), after: z.number() })),
  })
  .meta({ id: 'IndicatorImportReport' });
