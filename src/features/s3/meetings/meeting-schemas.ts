/** Request and response schemas of meetings, input and registrations. */
import { z } from 'zod';
import {
  organisationKinds,
  organisationLevels,
  s3InputKinds,
  s3InputStatuses,
  s3MeetingFormats,
  s3MeetingPlaceKinds,
  visibilities,
} from '../../../db/schema.ts';
import { downloadFormatQuery } from '../../../shared/table-download.ts';
import { singleLineText } from '../../../shared/text.ts';
import { helixTypes } from './helix.ts';

const isoDate = z.iso.date('must be a date, YYYY-MM-DD');
const clock = z
  .string()
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time, HH:MM')
  .nullable()
  .optional();
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .optional();
const count = z
  .number()
  .int('must be a whole number')
  .min(0, 'must be 0 or more')
  .max(100_000)
  .nullable()
  .optional();

const fields = {
  title: singleLineText(300),
  heldOn: isoDate,
  startsAt: clock.describe('Start, Swedish local time HH:MM'),
  endsAt: clock.describe('End, Swedish local time HH:MM'),
  placeKind: z.enum(s3MeetingPlaceKinds),
  areaCode: z
    .string()
    .trim()
    .max(20)
    .nullable()
    .optional()
    .describe('The municipality (place kind municipality)'),
  venue: optionalText(500),
  format: z.enum(s3MeetingFormats),
  agenda: optionalText(20_000),
  notes: optionalText(50_000),
  strengthAreaIds: z.array(z.uuid()).max(10),
  organisationIds: z.array(z.uuid()).max(500).describe('Participating organisations from the actor register'),
  countWomen: count,
  countMen: count,
  countOther: count.describe('Participants who did not state their sex, or another gender identity'),
  registrationOpen: z.boolean(),
  visibility: z.enum(visibilities),
};

export const meetingInputSchema = z
  .object({
    ...fields,
    organisationIds: fields.organisationIds.default([]),
    registrationOpen: fields.registrationOpen.default(false),
    visibility: fields.visibility.default('published'),
  })
  .strict();
export type MeetingInput = z.infer<typeof meetingInputSchema>;

export const meetingPatchSchema = z.object(fields).partial().strict();
export type MeetingPatch = z.infer<typeof meetingPatchSchema>;

const strengthAreaRef = z.object({
  id: z.uuid(),
  slug: z.string(),
  nameSv: z.string(),
  nameEn: z.string().nullable(),
});
const countsSchema = z.object({
  women: z.number().int().nullable(),
  men: z.number().int().nullable(),
  other: z.number().int().nullable(),
  total: z.number().int().nullable(),
});

export const meetingSummarySchema = z.object({
  id: z.uuid(),
  title: z.string(),
  heldOn: z.string(),
  startsAt: z.string().nullable(),
  endsAt: z.string().nullable(),
  placeKind: z.enum(s3MeetingPlaceKinds),
  areaCode: z.string().nullable(),
  municipality: z.string().nullable().describe('The name of the municipality'),
  venue: z.string().nullable(),
  format: z.enum(s3MeetingFormats),
  strengthAreas: z.array(strengthAreaRef),
  counts: countsSchema,
  organisationCount: z.number().int(),
  inputCount: z.number().int().nullable().describe('Only for those who may read input'),
  registrationOpen: z.boolean(),
  visibility: z.enum(visibilities),
  isExample: z.boolean(),
});
export type MeetingSummary = z.infer<typeof meetingSummarySchema>;

export const inputSchema = z.object({
  id: z.uuid(),
  meetingId: z.uuid(),
  meetingTitle: z.string(),
  meetingHeldOn: z.string(),
  strengthArea: strengthAreaRef,
  kind: z.enum(s3InputKinds),
  text: z.string(),
  raisedBy: z.object({ id: z.uuid(), name: z.string(), hidden: z.boolean() }).nullable(),
  status: z.enum(s3InputStatuses),
  statusReason: z.string().nullable(),
  initiative: z.object({ id: z.uuid(), title: z.string() }).nullable(),
  isExample: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type InputOut = z.infer<typeof inputSchema>;

export const meetingSchema = meetingSummarySchema.extend({
  agenda: z.string().nullable(),
  notes: z.string().nullable(),
  organisations: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      /** The reader may not see this organisation's name; `name` is a neutral label. */
      hidden: z.boolean(),
      kind: z.enum(organisationKinds),
      level: z.enum(organisationLevels),
      areaCode: z.string().nullable(),
      helixType: z.enum(helixTypes),
    }),
  ),
  inputs: z.array(inputSchema).nullable().describe('Null for readers who may not read input'),
  registrationCount: z.number().int().nullable().describe('Staff only'),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type MeetingOut = z.infer<typeof meetingSchema>;

export const meetingListQuery = z.object({
  area: z.string().max(100).optional().describe('Strength area slug'),
  from: isoDate.optional(),
  to: isoDate.optional(),
  when: z.enum(['upcoming', 'past']).optional(),
  ...downloadFormatQuery,
});

export const calendarQuery = z.object({ area: z.string().max(100).optional() });

export const inputCreateSchema = z
  .object({
    strengthAreaId: z.uuid(),
    kind: z.enum(s3InputKinds),
    text: z.string().trim().min(1, 'must not be empty').max(10_000),
    raisedByOrganisationId: z.uuid().nullable().optional(),
  })
  .strict();
export type InputCreate = z.infer<typeof inputCreateSchema>;

export const inputPatchSchema = z
  .object({
    kind: z.enum(s3InputKinds),
    text: z.string().trim().min(1, 'must not be empty').max(10_000),
    raisedByOrganisationId: z.uuid().nullable(),
    status: z.enum(s3InputStatuses),
    statusReason: optionalText(5000),
    initiativeId: z.uuid().nullable(),
  })
  .partial()
  .strict();
export type InputPatch = z.infer<typeof inputPatchSchema>;

export const inputListQuery = z.object({
  area: z.string().max(100).optional(),
  status: z.enum(s3InputStatuses).optional(),
  meeting: z.uuid().optional(),
  ...downloadFormatQuery,
});

export const consentSchema = z.object({ version: z.string(), textSv: z.string(), textEn: z.string() });

export const registrationInputSchema = z
  .object({
    name: singleLineText(200),
    organisation: z
      .string()
      .trim()
      .max(200, 'must be at most 200 characters')
      .refine((s) => !/\p{Cc}/u.test(s), 'must not contain control characters')
      .transform((s) => (s === '' ? null : s))
      .nullable()
      .optional(),
    email: z
      .string()
      .trim()
      .max(254, 'must be at most 254 characters')
      .pipe(z.email('must be an email address')),
    consent: z.literal(true, 'consent is needed to register'),
    consentVersion: z.string().max(50),
    website: z.string().max(2000).optional().describe('Leave empty'),
  })
  .strict();
export type RegistrationInput = z.infer<typeof registrationInputSchema>;

export const registrationAnswerSchema = z.object({
  registered: z.literal(true),
  meetingId: z.uuid(),
});

export const registrationSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  organisation: z.string().nullable(),
  email: z.string(),
  consentVersion: z.string(),
  consentedAt: z.string(),
});
