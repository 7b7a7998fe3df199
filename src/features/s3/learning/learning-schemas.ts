/** Request and response schemas of the learning log and the participation measures. */
import { z } from 'zod';
import { s3ChangeKinds } from '../../../db/schema.ts';
import { downloadFormatQuery } from '../../../shared/table-download.ts';
import { bilingualSchema, multiLineText, singleLineText } from '../../../shared/text.ts';

const isoDate = z.iso.date('must be a date, YYYY-MM-DD');
/** Control characters other than tab, newline and carriage return (NUL is multiLineText's). */
const hasOtherControl = (s: string) =>
  [...s].some((c) => {
    const n = c.codePointAt(0) ?? 0;
    return (n > 0 && n < 32 && n !== 9 && n !== 10 && n !== 13) || (n >= 0x7f && n <= 0x9f);
  });
/** Text that may span lines: newlines and tabs allowed; NUL and other control characters refused at the field. */
const linesText = (max: number) =>
  multiLineText(max).refine((s) => !hasOtherControl(s), 'must not contain control characters');
const longText = (max: number) => linesText(max).refine((s) => s !== '', 'must not be empty');
const optionalLongText = (max: number) =>
  linesText(max)
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .optional();
/** One line (a name, a reference): no control characters at all; empty means none (null). */
const optionalLine = (max: number) =>
  z
    .string()
    .trim()
    .transform((s) => (s === '' ? null : s))
    .pipe(singleLineText(max).nullable())
    .nullable()
    .optional();

const lessonFields = {
  strengthAreaId: z.uuid().nullable().optional().describe('The strength area; null: the whole programme'),
  title: singleLineText(300),
  lesson: longText(10_000).describe('What was learnt'),
  evidence: optionalLongText(10_000).describe('What the lesson rests on: input, figures, evaluations'),
  learnedOn: isoDate.describe('When it was learnt (not in the future)'),
  meetingIds: z.array(z.uuid()).max(100).describe('The meetings the lesson came from (of the region)'),
};

export const lessonInputSchema = z
  .object({ ...lessonFields, meetingIds: lessonFields.meetingIds.default([]) })
  .strict();
export type LessonInput = z.infer<typeof lessonInputSchema>;

export const lessonPatchSchema = z.object(lessonFields).partial().strict();
export type LessonPatch = z.infer<typeof lessonPatchSchema>;

const changeFields = {
  strengthAreaId: z.uuid().nullable().optional().describe('The strength area; null: the whole programme'),
  kind: z.enum(s3ChangeKinds),
  summary: longText(5000).describe('What was changed'),
  decidedOn: isoDate,
  decidedBy: optionalLine(300).describe('The body that decided, e.g. regionala utvecklingsnämnden'),
  reference: optionalLine(500).describe('Diarienummer or a link to the decision'),
  lessonIds: z
    .array(z.uuid())
    .max(100)
    .describe('The lessons that led to the change (at least one, each dated on or before the decision)'),
};

export const changeInputSchema = z.object(changeFields).strict();
export type ChangeInput = z.infer<typeof changeInputSchema>;

export const changePatchSchema = z.object(changeFields).partial().strict();
export type ChangePatch = z.infer<typeof changePatchSchema>;

export const strengthAreaRefSchema = z.object({ id: z.uuid(), slug: z.string(), name: bilingualSchema });

export const lessonSchema = z.object({
  id: z.uuid(),
  strengthArea: strengthAreaRefSchema.nullable(),
  title: z.string(),
  lesson: z.string(),
  evidence: z.string().nullable(),
  learnedOn: z.string(),
  meetings: z.array(z.object({ id: z.uuid(), title: z.string(), heldOn: z.string() })),
  citedBy: z.array(z.object({ id: z.uuid(), summary: z.string(), decidedOn: z.string() })),
  isExample: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type LessonOut = z.infer<typeof lessonSchema>;

export const changeSchema = z.object({
  id: z.uuid(),
  strengthArea: strengthAreaRefSchema.nullable(),
  kind: z.enum(s3ChangeKinds),
  summary: z.string(),
  decidedOn: z.string(),
  decidedBy: z.string().nullable(),
  reference: z.string().nullable(),
  lessons: z.array(z.object({ id: z.uuid(), title: z.string(), learnedOn: z.string() })),
  isExample: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ChangeOut = z.infer<typeof changeSchema>;

const areaFilter = z.string().trim().max(100).optional().describe('A strength area slug');

export const lessonListQuery = z.object({
  area: areaFilter,
  q: z.string().trim().max(200).optional().describe('Words in the title, lesson or evidence'),
  ...downloadFormatQuery,
});
export const changeListQuery = z.object({ area: areaFilter, ...downloadFormatQuery });
export const logQuery = z.object({ area: areaFilter });

export const logEntrySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('lesson'), date: z.string(), lesson: lessonSchema }),
  z.object({ type: z.literal('change'), date: z.string(), change: changeSchema }),
]);
export const logSchema = z.object({
  area: strengthAreaRefSchema.nullable(),
  items: z.array(logEntrySchema),
});

export const participationQuery = z.object({
  area: areaFilter,
  period: z.enum(['year', 'half']).default('year').describe('Count per year or per half-year'),
  from: isoDate.optional().describe('First meeting date counted'),
  to: isoDate.optional().describe('Last meeting date counted (default today: planned meetings do not count)'),
  ...downloadFormatQuery,
});

const participantsSchema = z.object({
  women: z.number().int(),
  men: z.number().int(),
  other: z.number().int(),
  total: z.number().int(),
});
const helixCountsSchema = z.object({
  public: z.number().int(),
  business: z.number().int(),
  academia: z.number().int(),
  civil_society: z.number().int(),
  total: z.number().int(),
});
const municipalitiesSchema = z.array(z.object({ code: z.string(), name: z.string() }));

export const participationSchema = z.object({
  area: strengthAreaRefSchema.nullable(),
  period: z.enum(['year', 'half']),
  from: z.string().nullable(),
  to: z.string(),
  /** Whether internal meetings are counted (staff and viewers) or only published ones. */
  includesInternal: z.boolean(),
  periods: z.array(
    z.object({
      period: z.string(),
      from: z.string(),
      to: z.string(),
      meetings: z.number().int(),
      meetingsWithoutCounts: z.number().int(),
      participants: participantsSchema,
      organisations: helixCountsSchema,
      municipalities: municipalitiesSchema,
      newOrganisations: z.number().int(),
      returningOrganisations: z.number().int(),
    }),
  ),
  totals: z.object({
    meetings: z.number().int(),
    meetingsWithoutCounts: z.number().int(),
    participants: participantsSchema,
    organisations: helixCountsSchema,
    municipalities: municipalitiesSchema,
  }),
});
export type ParticipationOut = z.infer<typeof participationSchema>;
