/** Request and response schemas of the goal-conflict register (also its OpenAPI description). */
import { z } from 'zod';
import {
  assessmentDimensions,
  conflictGoalKinds,
  conflictHandlings,
  conflictStatuses,
  conflictVisibilityMethods,
  organisationKinds,
  visibilities,
} from '../../db/schema.ts';
import { downloadFormatQuery } from '../../shared/table-download.ts';
import { singleLineText } from '../../shared/text.ts';

const isoDate = z.iso.date('must be a date, YYYY-MM-DD');
const longText = (max: number) => z.string().max(max, `must be at most ${max} characters`);
const webAddress = z
  .string()
  .trim()
  .max(2000)
  .refine(
    (s) => s === '' || /^https?:\/\/\S+$/i.test(s),
    'must be a web address starting with http:// or https://',
  )
  .transform((s) => (s === '' ? null : s))
  .nullable()
  .optional();

export const goalInputSchema = z
  .object({
    kind: z.enum(conflictGoalKinds),
    ref: singleLineText(500).describe(
      'priority or strength area: its id; national area: its code; SDG target: its id (e.g. 7.2); free text: the text',
    ),
  })
  .strict();

const decisionSchema = z
  .object({
    date: isoDate,
    body: singleLineText(300).describe('Who decided (e.g. Regionala utvecklingsnämnden)'),
    summary: longText(5000).trim().min(1, 'must not be empty'),
    url: webAddress,
  })
  .strict();

const sourceSchema = z.object({ label: singleLineText(500), url: webAddress }).strict();

const conflictFields = {
  title: singleLineText(300),
  description: longText(50_000),
  goals: z.array(goalInputSchema).max(50),
  dimensions: z.array(z.enum(assessmentDimensions)).max(assessmentDimensions.length),
  places: z.array(z.string().trim().min(1).max(60)).max(300).describe('Municipality or sameby area codes'),
  actorIds: z.array(z.uuid()).max(200),
  severity: z.number().int('must be 1, 2 or 3').min(1, 'must be 1, 2 or 3').max(3, 'must be 1, 2 or 3'),
  madeVisibleBy: z.enum(conflictVisibilityMethods),
  effortIds: z.array(z.uuid()).max(200),
  decisions: z.array(decisionSchema).max(100),
  sources: z.array(sourceSchema).max(100),
  visibility: z.enum(visibilities),
};

/** A new conflict; its first step ("identified") is recorded with it. */
export const conflictInputSchema = z
  .object({
    ...conflictFields,
    description: conflictFields.description.default(''),
    goals: conflictFields.goals.default([]),
    dimensions: conflictFields.dimensions.default([]),
    places: conflictFields.places.default([]),
    actorIds: conflictFields.actorIds.default([]),
    effortIds: conflictFields.effortIds.default([]),
    decisions: conflictFields.decisions.default([]),
    sources: conflictFields.sources.default([]),
    visibility: conflictFields.visibility.default('internal'),
    identified: z
      .object({ date: isoDate, text: longText(10_000) })
      .strict()
      .optional()
      .describe('The first step; default: today, "Identifierad"'),
    fromSuggestion: z
      .object({ key: z.string().min(1).max(200), inputsHash: z.string().min(1).max(64) })
      .strict()
      .optional()
      .describe('The review-queue suggestion this conflict is made from (it then leaves the queue)'),
  })
  .strict();
export type ConflictInput = z.infer<typeof conflictInputSchema>;

/** A change of the conflict's description; a list that is sent replaces the whole list. */
export const conflictPatchSchema = z.object(conflictFields).partial().strict();
export type ConflictPatch = z.infer<typeof conflictPatchSchema>;

export const stepInputSchema = z
  .object({
    status: z.enum(conflictStatuses),
    date: isoDate,
    text: longText(10_000),
    handling: z.enum(conflictHandlings).nullable().optional(),
    justification: longText(10_000).nullable().optional(),
    followUpIndicatorId: z.string().trim().min(1).max(100).nullable().optional(),
  })
  .strict();
export type StepInputBody = z.infer<typeof stepInputSchema>;

export const conflictListQuery = z.object({
  status: z.enum(conflictStatuses).optional(),
  dimension: z.enum(assessmentDimensions).optional(),
  place: z.string().max(60).optional().describe('A municipality or sameby area code'),
  strengthArea: z.uuid().optional(),
  q: z.string().max(200).optional().describe('Words in the title or description'),
  ...downloadFormatQuery,
});
export type ConflictListQuery = z.infer<typeof conflictListQuery>;

const placeSchema = z.object({
  code: z.string(),
  name: z.string(),
  type: z.enum(['municipality', 'sameby', 'county']),
});
const goalSchema = z.object({ kind: z.enum(conflictGoalKinds), ref: z.string(), label: z.string() });

export const warningSchema = z.object({
  code: z.enum(['decision_while_consultation_open', 'decision_while_open']),
  consultationId: z.uuid(),
  consultationTitle: z.string(),
  message: z.string(),
});

export const stepSchema = z.object({
  id: z.uuid(),
  sequence: z.number().int(),
  status: z.enum(conflictStatuses),
  date: z.string(),
  text: z.string(),
  handling: z.enum(conflictHandlings).nullable(),
  justification: z.string().nullable(),
  followUpIndicator: z.object({ id: z.string(), title: z.string() }).nullable(),
  isExample: z.boolean(),
  recordedBy: z
    .string()
    .nullable()
    .describe('Who recorded the step; null for readers outside the region (shown as "the region")'),
  recordedAt: z.string(),
});

export const conflictSummarySchema = z.object({
  id: z.uuid(),
  title: z.string(),
  status: z.enum(conflictStatuses),
  severity: z.number().int(),
  dimensions: z.array(z.enum(assessmentDimensions)),
  madeVisibleBy: z.enum(conflictVisibilityMethods),
  places: z.array(placeSchema),
  goals: z.array(goalSchema),
  latestStepDate: z.string(),
  visibility: z.enum(visibilities),
  isExample: z.boolean(),
  updatedAt: z.string(),
});

export const conflictSchema = conflictSummarySchema.extend({
  description: z.string(),
  actors: z.array(z.object({ id: z.uuid(), name: z.string(), kind: z.enum(organisationKinds) })),
  efforts: z.array(z.object({ id: z.uuid(), title: z.string() })),
  decisions: z.array(
    z.object({ date: z.string(), body: z.string(), summary: z.string(), url: z.string().nullable() }),
  ),
  sources: z.array(z.object({ label: z.string(), url: z.string().nullable() })),
  suggestionKey: z.string().nullable(),
  steps: z.array(stepSchema),
  nextStatuses: z.array(z.enum(conflictStatuses)).describe('Statuses the next step may have'),
  warnings: z.array(warningSchema),
  version: z.number().int(),
  createdAt: z.string(),
});
export type ConflictOut = z.infer<typeof conflictSchema>;
export type ConflictSummary = z.infer<typeof conflictSummarySchema>;
