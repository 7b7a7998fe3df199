/** Request and response schemas of Sami consultation records. */
import { z } from 'zod';
import {
  consultationForms,
  consultationInitiators,
  consultationMatterKinds,
  consultationOutcomes,
  organisationKinds,
} from '../../../db/schema.ts';
import { singleLineText } from '../../../shared/text.ts';

const isoDate = z.iso.date('must be a date, YYYY-MM-DD');
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .optional();
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

const fields = {
  matterKind: z.enum(consultationMatterKinds),
  matterTitle: singleLineText(300),
  effortId: z.uuid().nullable().optional(),
  significance: z
    .string()
    .trim()
    .max(10_000)
    .describe('Why the matter may be of particular significance for the Sami'),
  initiatedBy: z.enum(consultationInitiators),
  requestedOn: isoDate.nullable().optional(),
  partyIds: z
    .array(z.uuid())
    .max(50)
    .describe('Sametinget, samebyar, Sami organisations (from the actor register)'),
  meetings: z
    .array(z.object({ date: isoDate, form: singleLineText(100), note: z.string().trim().max(5000) }).strict())
    .max(100),
  form: z.enum(consultationForms).nullable().optional(),
  documents: z.array(z.object({ title: singleLineText(300), url: webAddress }).strict()).max(100),
  outcome: z.enum(consultationOutcomes),
  outcomeOn: isoDate.nullable().optional(),
  outcomeNote: optionalText(10_000),
  exemptionGround: optionalText(5000).describe('The ground for an exemption under § 4 of the law'),
  decisionText: optionalText(10_000),
  decisionOn: isoDate.nullable().optional(),
};

export const consultationInputSchema = z
  .object({
    ...fields,
    significance: fields.significance.default(''),
    partyIds: fields.partyIds.default([]),
    meetings: fields.meetings.default([]),
    documents: fields.documents.default([]),
    outcome: fields.outcome.default('pending'),
  })
  .strict();
export type ConsultationInput = z.infer<typeof consultationInputSchema>;

export const consultationPatchSchema = z
  .object({
    matterKind: fields.matterKind,
    matterTitle: fields.matterTitle,
    effortId: fields.effortId,
    significance: fields.significance,
    initiatedBy: fields.initiatedBy,
    requestedOn: fields.requestedOn,
    partyIds: fields.partyIds,
    meetings: fields.meetings,
    form: fields.form,
    documents: fields.documents,
    outcome: fields.outcome,
    outcomeOn: fields.outcomeOn,
    outcomeNote: fields.outcomeNote,
    exemptionGround: fields.exemptionGround,
    decisionText: fields.decisionText,
    decisionOn: fields.decisionOn,
  })
  .partial()
  .strict();
export type ConsultationPatch = z.infer<typeof consultationPatchSchema>;

export const consultationSchema = z.object({
  id: z.uuid(),
  matterKind: z.enum(consultationMatterKinds),
  matterTitle: z.string(),
  effort: z.object({ id: z.uuid(), title: z.string() }).nullable(),
  significance: z.string(),
  initiatedBy: z.enum(consultationInitiators),
  requestedOn: z.string().nullable(),
  parties: z.array(z.object({ id: z.uuid(), name: z.string(), kind: z.enum(organisationKinds) })),
  meetings: z.array(z.object({ date: z.string(), form: z.string(), note: z.string() })),
  form: z.enum(consultationForms).nullable(),
  documents: z.array(z.object({ title: z.string(), url: z.string().nullable() })),
  outcome: z.enum(consultationOutcomes),
  outcomeOn: z.string().nullable(),
  outcomeNote: z.string().nullable(),
  exemptionGround: z.string().nullable(),
  decisionText: z.string().nullable(),
  decisionOn: z.string().nullable(),
  warnings: z.array(
    z.object({ code: z.enum(['decision_while_open', 'decision_before_outcome']), message: z.string() }),
  ),
  isExample: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ConsultationOut = z.infer<typeof consultationSchema>;

export const consultationListQuery = z.object({
  outcome: z.enum(consultationOutcomes).optional(),
  effort: z.uuid().optional(),
});
