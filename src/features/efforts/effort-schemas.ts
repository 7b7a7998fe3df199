/** Request and response schemas of the efforts API (also its OpenAPI description). */
import { z } from 'zod';
import {
  assessmentDimensions,
  effortStatuses,
  fundingSources,
  fundingStatuses,
  indicatorKinds,
  partnerRoles,
  sexes,
  visibilities,
} from '../../db/schema.ts';
import { singleLineText } from '../../shared/text.ts';
import { checkAssessments, checkDates, checkShares, MAX_AMOUNT_SEK } from './effort-rules.ts';

const isoDate = z.iso.date('must be a date, YYYY-MM-DD');

/**
 * Cross-field checks run even when single fields are wrong, so that a form gets every message at
 * once (zod skips them otherwise). They must then look at each value before trusting it.
 */
const whenObject = (payload: { value: unknown }) =>
  typeof payload.value === 'object' && payload.value !== null;
const longText = (max: number) => z.string().max(max, `must be at most ${max} characters`);

const partnerSchema = z.object({ organisationId: z.uuid(), role: z.enum(partnerRoles) }).strict();

const fundingSchema = z
  .object({
    source: z.enum(fundingSources),
    financierOrganisationId: z.uuid().nullable().optional(),
    year: z
      .number()
      .int('must be a year')
      .min(1990, 'must be 1990 or later')
      .max(2100, 'must be 2100 or earlier'),
    amountSek: z
      .number()
      .int('must be whole kronor')
      .min(0, 'must not be negative')
      .max(MAX_AMOUNT_SEK, 'is unreasonably large'),
    status: z.enum(fundingStatuses),
  })
  .strict();

const reachSchema = z
  .object({
    wholeCounty: z.boolean().default(false),
    municipalities: z
      .array(
        z
          .object({
            areaCode: z.string().trim().min(1).max(20),
            share: z.number().describe('Percent, up to two decimals; all shares add up to 100'),
          })
          .strict(),
      )
      .max(300)
      .default([]),
    samebyar: z.array(z.string().trim().min(1).max(60)).max(100).default([]),
  })
  .strict()
  .superRefine(
    (reach, ctx) => {
      // Runs even when fields have errors (see `whenObject`), so look before trusting a value.
      const municipalities = Array.isArray(reach.municipalities) ? reach.municipalities : [];
      if (reach.wholeCounty === true && municipalities.length > 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['municipalities'],
          message: 'leave empty when the effort reaches the whole county',
        });
      }
      const wellFormed = municipalities.every(
        (m) =>
          typeof m === 'object' &&
          m !== null &&
          typeof m.areaCode === 'string' &&
          typeof m.share === 'number',
      );
      if (!wellFormed) return;
      for (const p of checkShares(municipalities)) {
        ctx.addIssue({ code: 'custom', path: ['municipalities', ...p.path], message: p.message });
      }
    },
    { when: whenObject },
  );

const linksSchema = z
  .object({
    priorities: z.array(z.uuid()).max(50).default([]),
    strengthAreas: z.array(z.uuid()).max(50).default([]),
    nationalAreas: z.array(z.number().int()).max(10).default([]),
    sdgTargets: z.array(z.string().trim().max(10)).max(169).default([]),
  })
  .strict();

const assessmentSchema = z
  .object({
    dimension: z.enum(assessmentDimensions),
    score: z
      .number()
      .int('must be a whole number')
      .min(-3, 'must be between −3 and +3')
      .max(3, 'must be between −3 and +3'),
    rationale: longText(5000).nullable().optional(),
  })
  .strict();

const indicatorSchema = z
  .object({
    kind: z.enum(indicatorKinds),
    name: singleLineText(300),
    unit: singleLineText(50),
    baseline: z.number().finite().nullable().optional(),
    target: z.number().finite().nullable().optional(),
    values: z
      .array(
        z
          .object({
            period: z
              .string()
              .regex(
                /^\d{4}(-(H[12]|Q[1-4]|\d{2}))?$/,
                'must be a year (2025) or part of one (2025-H1, 2025-Q3, 2025-06)',
              ),
            sex: z.enum(sexes).default('total'),
            areaCode: z.string().trim().max(20).nullable().optional(),
            actual: z.number().finite(),
          })
          .strict(),
      )
      .max(1000)
      .default([]),
  })
  .strict();

const effortFields = {
  title: singleLineText(300),
  summary: longText(2000).nullable().optional(),
  description: longText(50_000).nullable().optional(),
  diarienummer: z
    .string()
    .trim()
    .max(50)
    .refine((s) => !/\p{Cc}/u.test(s), 'must not contain control characters')
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .optional(),
  status: z.enum(effortStatuses),
  startDate: isoDate.nullable().optional(),
  endDate: isoDate.nullable().optional(),
  ownerOrganisationId: z.uuid().nullable().optional().describe('Null: the region itself owns the effort'),
  targetGroups: z.array(singleLineText(200)).max(50).default([]),
  visibility: z.enum(visibilities).default('internal'),
  partners: z.array(partnerSchema).max(200).default([]),
  funding: z.array(fundingSchema).max(500).default([]),
  reach: reachSchema.default({ wholeCounty: false, municipalities: [], samebyar: [] }),
  links: linksSchema.default({ priorities: [], strengthAreas: [], nationalAreas: [], sdgTargets: [] }),
  assessments: z.array(assessmentSchema).max(assessmentDimensions.length).default([]),
  indicators: z.array(indicatorSchema).max(100).default([]),
};

function refineEffort(
  effort: { startDate?: unknown; endDate?: unknown; assessments?: unknown },
  ctx: z.RefinementCtx,
) {
  const date = (v: unknown) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null);
  const dates = checkDates(date(effort.startDate), date(effort.endDate));
  if (dates) ctx.addIssue({ code: 'custom', path: ['endDate'], message: dates });
  const assessments = Array.isArray(effort.assessments) ? effort.assessments : [];
  const wellFormed = assessments.every(
    (a) =>
      typeof a === 'object' && a !== null && typeof a.dimension === 'string' && typeof a.score === 'number',
  );
  if (!wellFormed) return;
  for (const p of checkAssessments(assessments)) {
    ctx.addIssue({ code: 'custom', path: ['assessments', ...p.path], message: p.message });
  }
}

export const effortInputSchema = z
  .object(effortFields)
  .strict()
  .superRefine(refineEffort, { when: whenObject });
export type EffortInput = z.infer<typeof effortInputSchema>;

/** A change: any top-level field; a list that is sent replaces the whole list. */
export const effortPatchSchema = z
  .object({
    title: effortFields.title.optional(),
    summary: effortFields.summary,
    description: effortFields.description,
    diarienummer: effortFields.diarienummer,
    status: effortFields.status.optional(),
    startDate: effortFields.startDate,
    endDate: effortFields.endDate,
    ownerOrganisationId: effortFields.ownerOrganisationId,
    targetGroups: z.array(singleLineText(200)).max(50).optional(),
    visibility: z.enum(visibilities).optional(),
    partners: z.array(partnerSchema).max(200).optional(),
    funding: z.array(fundingSchema).max(500).optional(),
    reach: reachSchema.optional(),
    links: linksSchema.optional(),
    assessments: z.array(assessmentSchema).max(assessmentDimensions.length).optional(),
    indicators: z.array(indicatorSchema).max(100).optional(),
  })
  .strict()
  .superRefine(refineEffort, { when: whenObject });
export type EffortPatch = z.infer<typeof effortPatchSchema>;

const namedRef = z.object({ id: z.uuid(), name: z.string() });

export const effortSchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    summary: z.string().nullable(),
    description: z.string().nullable(),
    diarienummer: z.string().nullable(),
    status: z.enum(effortStatuses),
    startDate: z.string().nullable(),
    endDate: z.string().nullable(),
    owner: namedRef.nullable().describe('Null: the region itself'),
    targetGroups: z.array(z.string()),
    visibility: z.enum(visibilities),
    isExample: z.boolean().describe('Example data from the demo setup'),
    partners: z.array(z.object({ organisation: namedRef, role: z.enum(partnerRoles) })),
    funding: z.array(
      z.object({
        source: z.enum(fundingSources),
        financier: namedRef.nullable(),
        year: z.number().int(),
        amountSek: z.number().int(),
        status: z.enum(fundingStatuses),
      }),
    ),
    fundingTotals: z.object({
      totalSek: z.number().int(),
      decidedSek: z.number().int(),
      plannedSek: z.number().int(),
      bySource: z.array(z.object({ source: z.string(), amountSek: z.number().int() })),
      byYear: z.array(z.object({ year: z.number().int(), amountSek: z.number().int() })),
    }),
    reach: z.object({
      wholeCounty: z.boolean(),
      municipalities: z.array(
        z.object({
          areaCode: z.string(),
          name: z.string(),
          share: z.number().describe('Percent; for the whole county, spread by the latest population'),
        }),
      ),
      samebyar: z.array(z.object({ areaCode: z.string(), name: z.string() })),
    }),
    links: z.object({
      priorities: z.array(z.object({ id: z.uuid(), number: z.number().int(), title: z.string() })),
      strengthAreas: z.array(z.object({ id: z.uuid(), name: z.string() })),
      nationalAreas: z.array(z.object({ code: z.number().int(), title: z.string() })),
      sdgTargets: z.array(z.object({ id: z.string(), title: z.string() })),
    }),
    assessments: z.array(
      z.object({
        dimension: z.enum(assessmentDimensions),
        score: z.number().int(),
        rationale: z.string().nullable(),
        assessedBy: z.string(),
        assessedAt: z.string(),
      }),
    ),
    indicators: z.array(
      z.object({
        kind: z.enum(indicatorKinds),
        name: z.string(),
        unit: z.string(),
        baseline: z.number().nullable(),
        target: z.number().nullable(),
        values: z.array(
          z.object({
            period: z.string(),
            sex: z.enum(sexes),
            areaCode: z.string().nullable(),
            actual: z.number(),
          }),
        ),
      }),
    ),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Effort' });
export type EffortOut = z.infer<typeof effortSchema>;

export const effortSummarySchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    diarienummer: z.string().nullable(),
    status: z.enum(effortStatuses),
    startDate: z.string().nullable(),
    endDate: z.string().nullable(),
    owner: namedRef.nullable(),
    visibility: z.enum(visibilities),
    isExample: z.boolean(),
    totalFundingSek: z.number().int(),
    municipalities: z.array(z.string()).describe('Area codes reached (all of them for the whole county)'),
    wholeCounty: z.boolean(),
    updatedAt: z.string(),
  })
  .meta({ id: 'EffortSummary' });
export type EffortSummary = z.infer<typeof effortSummarySchema>;

export const effortSorts = ['title', 'startDate', 'updatedAt', 'funding'] as const;

export const effortListQuery = z.object({
  q: z
    .string()
    .trim()
    .max(200)
    .optional()
    .describe('Words in the title, summary or description (Swedish stemming)'),
  status: z.enum(effortStatuses).optional(),
  priority: z.uuid().optional(),
  strengthArea: z.uuid().optional(),
  nationalArea: z.coerce.number().int().optional(),
  sdgGoal: z.coerce.number().int().min(1).max(17).optional(),
  municipality: z
    .string()
    .trim()
    .max(20)
    .optional()
    .describe('Reaches this municipality (directly or as the whole county)'),
  financier: z.enum(fundingSources).optional(),
  year: z.coerce.number().int().min(1990).max(2100).optional().describe('Running during this year'),
  owner: z.uuid().optional(),
  sort: z.enum(effortSorts).default('title'),
  order: z.enum(['asc', 'desc']).default('asc'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type EffortListQuery = z.infer<typeof effortListQuery>;
