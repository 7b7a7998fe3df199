import { z } from 'zod';
import { organisationKinds, organisationLevels, visibilities } from '../../db/schema.ts';
import { singleLineText } from '../../shared/text.ts';
import { normaliseOrganisationNumber } from './organisation-number.ts';

export const organisationSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    kind: z.enum(organisationKinds),
    level: z.enum(organisationLevels),
    organisationNumber: z.string().nullable(),
    areaCode: z.string().nullable().describe('Municipality or sameby the organisation belongs to'),
    website: z.string().nullable(),
    description: z.string().nullable(),
    visibility: z.enum(visibilities),
    version: z.number().int().describe('Send it back in If-Match when changing the record'),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Organisation' });
export type OrganisationOut = z.infer<typeof organisationSchema>;

const nameField = singleLineText(200);

const organisationNumberField = z
  .string()
  .trim()
  .max(20)
  .transform((value, ctx) => {
    if (value === '') return null;
    const normalised = normaliseOrganisationNumber(value);
    if (!normalised) {
      ctx.addIssue({
        code: 'custom',
        message: 'must be a Swedish organisationsnummer (NNNNNN-NNNN) with a valid check digit',
      });
      return z.NEVER;
    }
    return normalised;
  });

const websiteField = z
  .string()
  .trim()
  .max(500)
  .transform((value, ctx) => {
    if (value === '') return null;
    try {
      const url = new URL(value);
      if (url.protocol === 'http:' || url.protocol === 'https:') return url.toString();
    } catch {
      // fall through
    }
    ctx.addIssue({ code: 'custom', message: 'must be an http(s) address' });
    return z.NEVER;
  });

export const organisationInputSchema = z
  .object({
    name: nameField,
    kind: z.enum(organisationKinds),
    level: z.enum(organisationLevels),
    organisationNumber: organisationNumberField.nullable().optional(),
    areaCode: z.string().trim().max(50).nullable().optional(),
    website: websiteField.nullable().optional(),
    description: z.string().max(5000, 'must be at most 5000 characters').nullable().optional(),
    visibility: z.enum(visibilities).default('internal'),
  })
  .strict();
export type OrganisationInput = z.infer<typeof organisationInputSchema>;

export const organisationPatchSchema = organisationInputSchema
  .partial()
  .extend({ visibility: z.enum(visibilities).optional() })
  .strict();
export type OrganisationPatch = z.infer<typeof organisationPatchSchema>;
