/** Request and response schemas of the strength areas: vision, sub-areas, initiatives, intervention logic. */
import { z } from 'zod';
import {
  effortStatuses,
  indicatorKinds,
  s3InitiativeStatuses,
  s3InputStatuses,
  s3StepKeys,
  s3StepStatuses,
} from '../../../db/schema.ts';
import { downloadFormatQuery } from '../../../shared/table-download.ts';
import { bilingualSchema, multiLineText, singleLineText } from '../../../shared/text.ts';

const optionalText = (max: number) =>
  multiLineText(max)
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .optional();

/** A strength area's slug: lower-case letters, digits and hyphens. */
export const slugSchema = z.string().regex(/^[a-z0-9-]{1,100}$/, 'must be a slug (a–z, 0–9 and -)');
export const slugParams = z.object({ slug: slugSchema });

// --- Vision ---------------------------------------------------------------------------------

export const visionPatchSchema = z
  .object({
    textSv: multiLineText(10_000).describe('Required when the vision is made (If-Match "0")'),
    textEn: optionalText(10_000),
    isExample: z.boolean(),
  })
  .partial()
  .strict();
export type VisionPatch = z.infer<typeof visionPatchSchema>;

export const visionSchema = z.object({
  textSv: z.string(),
  textEn: z.string().nullable(),
  isExample: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string(),
});

// --- Sub-areas --------------------------------------------------------------------------------

const subAreaFields = {
  name: singleLineText(200),
  description: optionalText(5000),
  needs: optionalText(10_000).describe('Needs and challenges towards the 2030 vision'),
  position: z.number().int().min(1).max(1000).describe('Place in the list (1 first)'),
};
export const subAreaInputSchema = z
  .object({
    name: subAreaFields.name,
    description: subAreaFields.description,
    needs: subAreaFields.needs,
    position: subAreaFields.position.optional(),
  })
  .strict();
export type SubAreaInput = z.infer<typeof subAreaInputSchema>;
export const subAreaPatchSchema = z.object(subAreaFields).partial().strict();
export type SubAreaPatch = z.infer<typeof subAreaPatchSchema>;

export const subAreaSchema = z.object({
  id: z.uuid(),
  strengthAreaId: z.uuid(),
  position: z.number().int(),
  name: z.string(),
  description: z.string().nullable(),
  needs: z.string().nullable(),
  isExample: z.boolean(),
  version: z.number().int(),
});
export type SubAreaOut = z.infer<typeof subAreaSchema>;

// --- Initiatives ------------------------------------------------------------------------------

const initiativeFields = {
  strengthAreaId: z.uuid(),
  subAreaId: z.uuid().nullable().optional(),
  title: singleLineText(300),
  description: optionalText(10_000),
  status: z.enum(s3InitiativeStatuses),
  responsible: optionalText(300),
  period: optionalText(100).describe('When it runs, e.g. "2026–2027"'),
  effortIds: z.array(z.uuid()).max(100).describe('Efforts that carry out the initiative'),
  sourceInputIds: z
    .array(z.uuid())
    .max(100)
    .describe(
      'Input from meetings taken into the action plan by this initiative: each gets status in_action_plan',
    ),
};
export const initiativeInputSchema = z
  .object({
    ...initiativeFields,
    status: initiativeFields.status.default('proposed'),
    effortIds: initiativeFields.effortIds.default([]),
    sourceInputIds: initiativeFields.sourceInputIds.default([]),
  })
  .strict();
export type InitiativeInput = z.infer<typeof initiativeInputSchema>;

export const initiativePatchSchema = z
  .object({
    subAreaId: initiativeFields.subAreaId,
    title: initiativeFields.title,
    description: initiativeFields.description,
    status: initiativeFields.status,
    responsible: initiativeFields.responsible,
    period: initiativeFields.period,
    effortIds: initiativeFields.effortIds.describe('Replaces the set of efforts'),
    sourceInputIds: initiativeFields.sourceInputIds.describe(
      'More input taken into the plan by this initiative (input already linked stays)',
    ),
  })
  .partial()
  .strict();
export type InitiativePatch = z.infer<typeof initiativePatchSchema>;

const effortRef = z.object({ id: z.uuid(), title: z.string(), status: z.enum(effortStatuses) });

export const initiativeSchema = z.object({
  id: z.uuid(),
  strengthArea: z.object({ id: z.uuid(), slug: z.string(), name: bilingualSchema }),
  subArea: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  title: z.string(),
  description: z.string().nullable(),
  status: z.enum(s3InitiativeStatuses),
  responsible: z.string().nullable(),
  period: z.string().nullable(),
  efforts: z.array(effortRef).describe('The linked efforts you may see'),
  sourceInputs: z
    .array(
      z.object({
        id: z.uuid(),
        text: z.string(),
        status: z.enum(s3InputStatuses),
        meeting: z.object({ id: z.uuid(), title: z.string(), heldOn: z.string() }),
      }),
    )
    .nullable()
    .describe(
      'The input the initiative came from (null: not shown to you; a partner sees the input its own organisation raised)',
    ),
  isExample: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type InitiativeOut = z.infer<typeof initiativeSchema>;

export const initiativeListQuery = z.object({
  area: slugSchema.optional().describe('A strength area slug'),
  status: z.enum(s3InitiativeStatuses).optional(),
  ...downloadFormatQuery,
});

// --- Intervention logic -----------------------------------------------------------------------

const logicFields = {
  kind: z.enum(indicatorKinds).describe('output (of an initiative) or result (of the area)'),
  initiativeId: z.uuid().nullable().optional(),
  description: multiLineText(2000).min(1, 'must not be empty'),
  indicatorId: singleLineText(200).nullable().optional().describe('An indicator store id'),
  effortIndicatorId: z.uuid().nullable().optional(),
  targetValue: z.number().finite().nullable().optional(),
  targetYear: z.number().int().min(2000).max(2100).nullable().optional(),
  position: z.number().int().min(1).max(1000),
};
export const logicItemInputSchema = z
  .object({ ...logicFields, position: logicFields.position.optional() })
  .strict();
export type LogicItemInput = z.infer<typeof logicItemInputSchema>;
export const logicItemPatchSchema = z.object(logicFields).partial().strict();
export type LogicItemPatch = z.infer<typeof logicItemPatchSchema>;

export const measureSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('indicator'),
    indicatorId: z.string(),
    title: bilingualSchema,
    unit: bilingualSchema,
    latest: z
      .object({ value: z.number(), year: z.number().int() })
      .nullable()
      .describe('The latest county value'),
  }),
  z.object({
    kind: z.literal('effort_indicator'),
    effortIndicatorId: z.uuid(),
    effort: z.object({ id: z.uuid(), title: z.string() }),
    name: z.string(),
    unit: z.string(),
    target: z.number().nullable(),
    latest: z.object({ value: z.number(), period: z.string() }).nullable(),
  }),
]);

export const effortIndicatorChoiceSchema = z.object({
  id: z.uuid(),
  kind: z.enum(indicatorKinds),
  name: z.string(),
  unit: z.string(),
  target: z.number().nullable(),
});

export const logicItemSchema = z.object({
  id: z.uuid(),
  strengthAreaId: z.uuid(),
  kind: z.enum(indicatorKinds),
  initiativeId: z.uuid().nullable(),
  position: z.number().int(),
  description: z.string(),
  indicatorId: z.string().nullable(),
  effortIndicatorId: z.uuid().nullable(),
  targetValue: z.number().nullable(),
  targetYear: z.number().int().nullable(),
  measure: measureSchema.nullable().describe('null: no measure, or an effort you may not see'),
  isExample: z.boolean(),
  version: z.number().int(),
});
export type LogicItemOut = z.infer<typeof logicItemSchema>;

// --- Areas --------------------------------------------------------------------------------------

const stepSchema = z.object({ step: z.enum(s3StepKeys), status: z.enum(s3StepStatuses) });

export const areaSummarySchema = z.object({
  id: z.uuid(),
  slug: z.string(),
  position: z.number().int(),
  name: bilingualSchema,
  description: bilingualSchema,
  descriptionUncertain: z.boolean(),
  vision: z.object({ textSv: z.string(), textEn: z.string().nullable(), isExample: z.boolean() }).nullable(),
  steps: z.array(stepSchema).describe('All six steps in order; a step without a record is not_started'),
  counts: z.object({
    subAreas: z.number().int(),
    initiatives: z.number().int(),
    efforts: z.number().int().describe('Efforts you may see linked to the area or its initiatives'),
    upcomingMeetings: z.number().int().describe('Published meetings from today (Swedish date)'),
  }),
  latestAssessment: z.object({ assessedOn: z.string(), mean: z.number() }).nullable(),
});
export type AreaSummary = z.infer<typeof areaSummarySchema>;

export const areaMoneyEffortSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  status: z.enum(effortStatuses),
  isExample: z.boolean(),
  via: z
    .array(z.enum(['area', 'initiative']))
    .describe('Linked to the area directly and/or by an initiative'),
  decidedSek: z.number().int(),
  plannedSek: z.number().int(),
});

export const areaSchema = z.object({
  id: z.uuid(),
  slug: z.string(),
  position: z.number().int(),
  name: bilingualSchema,
  description: bilingualSchema,
  descriptionUncertain: z.boolean(),
  vision: visionSchema.nullable(),
  visionVersion: z.number().int().describe('The ETag of the vision; 0 while there is none'),
  subAreas: z.array(subAreaSchema),
  initiatives: z.array(initiativeSchema),
  logic: z.object({
    results: z.array(logicItemSchema),
    outputs: z.array(logicItemSchema).describe('Outputs of the initiatives (initiativeId)'),
  }),
  money: z.object({
    efforts: z.array(areaMoneyEffortSchema),
    totals: z.object({
      decidedSek: z.number().int(),
      plannedSek: z.number().int(),
      totalSek: z.number().int(),
    }),
  }),
});
export type AreaOut = z.infer<typeof areaSchema>;
