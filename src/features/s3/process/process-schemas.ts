/** Request and response schemas of the six steps and the self-assessments. */
import { z } from 'zod';
import { s3StepKeys, s3StepStatuses } from '../../../db/schema.ts';
import { downloadFormatQuery } from '../../../shared/table-download.ts';
import { bilingualSchema, multiLineText } from '../../../shared/text.ts';

const isoDate = z.iso.date('must be a date, YYYY-MM-DD');
const optionalText = (max: number) =>
  multiLineText(max)
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .optional();
const text = z.object({ sv: z.string(), en: z.string() });

const slug = z.string().regex(/^[a-z0-9-]{1,100}$/, 'must be a slug (a–z, 0–9 and -)');
export const slugParams = z.object({ slug });
export const stepParams = z.object({
  slug,
  step: z.enum(s3StepKeys, `must be one of ${s3StepKeys.join(', ')}`),
});

export const frameworkSchema = z.object({
  steps: z.array(
    z.object({
      step: z.enum(s3StepKeys),
      number: z.number().int(),
      name: text,
      factors: z.array(z.object({ factor: z.number().int(), name: text, description: text })),
    }),
  ),
  scale: z.array(z.object({ score: z.number().int(), name: text })),
  note: text,
});

// Titles and addresses are checked by the step rules (all problems at once, at their fields).
const deliverableInput = z
  .object({
    title: z
      .string()
      .max(300, 'must be at most 300 characters')
      .refine((s) => !/\p{Cc}/u.test(s), 'must not contain control characters'),
    url: z
      .string()
      .max(2000, 'must be at most 2000 characters')
      .refine((s) => !/\p{Cc}/u.test(s), 'must not contain control characters')
      .nullable()
      .optional(),
  })
  .strict();

/** The full step (PUT replaces it). */
export const stepInputSchema = z
  .object({
    status: z.enum(s3StepStatuses),
    startedOn: isoDate.nullable().optional(),
    dueOn: isoDate.nullable().optional().describe('Done on, or planned to be done by'),
    responsible: optionalText(300),
    deliverables: z.array(deliverableInput).max(50).optional(),
    note: optionalText(10_000),
  })
  .strict();
export type StepInput = z.infer<typeof stepInputSchema>;

export const stepSchema = z.object({
  step: z.enum(s3StepKeys),
  number: z.number().int(),
  status: z.enum(s3StepStatuses),
  startedOn: z.string().nullable(),
  dueOn: z.string().nullable(),
  responsible: z.string().nullable(),
  deliverables: z.array(z.object({ title: z.string(), url: z.string().nullable() })),
  note: z.string().nullable(),
  isExample: z.boolean(),
  version: z.number().int().describe('0 while the step has no record yet'),
  updatedAt: z.string().nullable(),
});
export type StepOut = z.infer<typeof stepSchema>;

export const stepsResponseSchema = z.object({
  area: z.object({ id: z.uuid(), slug: z.string(), name: bilingualSchema }),
  items: z.array(stepSchema),
});

// Steps, factors and scores are checked by the assessment rules so that every problem is named
// at once; only the JSON types are checked here.
export const assessmentInputSchema = z
  .object({
    assessedOn: isoDate,
    assessedBy: optionalText(300),
    note: optionalText(10_000),
    scores: z
      .array(
        z
          .object({
            step: z
              .string()
              .max(50)
              .refine((s) => !s.includes('\u0000'), 'must not contain NUL characters'),
            factor: z.number(),
            score: z.number(),
            comment: optionalText(5000),
          })
          .strict(),
      )
      .max(100),
  })
  .strict();
export type AssessmentInput = z.infer<typeof assessmentInputSchema>;

const meanSchema = z.number().nullable();
export const assessmentSchema = z.object({
  id: z.uuid(),
  assessedOn: z.string(),
  assessedBy: z.string().nullable(),
  note: z.string().nullable(),
  isExample: z.boolean(),
  scores: z.array(
    z.object({
      step: z.enum(s3StepKeys),
      factor: z.number().int(),
      score: z.number().int(),
      comment: z.string().nullable(),
    }),
  ),
  means: z.object({
    steps: z.array(z.object({ step: z.enum(s3StepKeys), mean: meanSchema })),
    overall: meanSchema,
  }),
  createdAt: z.string(),
});
export type AssessmentOut = z.infer<typeof assessmentSchema>;

export const assessmentListQuery = z.object({ ...downloadFormatQuery });

const changeFields = { latest: meanSchema, earlier: meanSchema, change: meanSchema };
export const comparisonSchema = z.object({
  latest: z.object({ id: z.uuid(), assessedOn: z.string() }),
  earlier: z.object({ id: z.uuid(), assessedOn: z.string() }),
  steps: z.array(z.object({ step: z.enum(s3StepKeys), ...changeFields })),
  factors: z.array(z.object({ step: z.enum(s3StepKeys), factor: z.number().int(), ...changeFields })),
  overall: z.object(changeFields),
});
export const comparisonQuery = z.object({
  earlier: z.uuid().optional().describe('The earlier assessment (default: the one before the latest)'),
});
