import { z } from 'zod';
import { roles } from '../../db/schema.ts';
import { singleLineText } from '../../shared/text.ts';
import { maxPasswordLength, minPasswordLength } from './auth.ts';

export const passwordField = z
  .string()
  .min(minPasswordLength, `must be at least ${minPasswordLength} characters`)
  .max(maxPasswordLength, `must be at most ${maxPasswordLength} characters`);

export const emailField = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email('must be an e-mail address'))
  .transform((e) => e.toLowerCase());

const nameField = singleLineText(200);

export const userSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    role: z.enum(roles).nullable(),
    organisation: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    disabled: z.boolean(),
    isDemo: z.boolean(),
    hasPassword: z.boolean(),
    alsoInOtherRegions: z
      .boolean()
      .describe('Has a role in another region too: its password, name and switch stay with all regions'),
    version: z.number().int().describe('Send it back in If-Match when changing the user'),
    createdAt: z.string(),
  })
  .meta({ id: 'User' });
export type UserOut = z.infer<typeof userSchema>;

export const userInputSchema = z
  .object({
    email: emailField,
    name: nameField,
    role: z.enum(roles),
    organisationId: z.uuid().nullable().optional().describe('Required for partners'),
    password: passwordField
      .optional()
      .describe('First password; leave out for users who sign in with single sign-on only'),
  })
  .strict();
export type UserInput = z.infer<typeof userInputSchema>;

export const userPatchSchema = z
  .object({
    name: nameField.optional(),
    role: z.enum(roles).optional(),
    organisationId: z.uuid().nullable().optional(),
    disabled: z.boolean().optional(),
  })
  .strict();
export type UserPatch = z.infer<typeof userPatchSchema>;

export const sessionSchema = z
  .object({
    region: z.string(),
    user: z.object({ id: z.uuid(), email: z.string(), name: z.string(), isDemo: z.boolean() }).nullable(),
    role: z.enum(roles).nullable(),
    organisation: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    permissions: z.object({
      readInternal: z.boolean().describe('Sees internal records (all, or its own organisation’s)'),
      editData: z.boolean(),
      manageUsers: z.boolean(),
      readAudit: z.boolean(),
      grantableRoles: z.array(z.enum(roles)),
    }),
    signIn: z.object({ password: z.boolean(), sso: z.object({ name: z.string() }).nullable() }),
    demo: z.boolean().describe('Demo accounts with published passwords exist on this instance'),
  })
  .meta({ id: 'Session' });
