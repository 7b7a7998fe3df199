import type { TFunction } from 'i18next';

/**
 * The API names bad fields in English ("must not be empty"); the UI shows them in its own
 * language. Known messages are translated, others are shown as the API wrote them.
 */
const PATTERNS: Array<[RegExp, string]> = [
  [/^must not be empty$/, 'validation.required'],
  [/^is required/, 'validation.required'],
  [/^must be an e-mail address$/, 'validation.email'],
  [/^must be at least (\d+) characters$/, 'validation.minLength'],
  [/^must be at most (\d+) characters$/, 'validation.maxLength'],
  [/^must not contain control characters$/, 'validation.controlCharacters'],
  [/organisationsnummer/, 'validation.organisationNumber'],
  [/^must be an http\(s\) address$/, 'validation.website'],
  [/^must be the code of a municipality or sameby/, 'validation.areaCode'],
  [/^must be an organisation of the region$/, 'validation.organisation'],
  [/^must be empty unless the role is partner$/, 'validation.organisationOnlyPartner'],
  // zod 4's own messages for limits (the number texts are in s3-areas.*.json, s3Areas.validation)
  [/^Too small: expected string to have >=1 characters?$/, 'validation.required'],
  [/^Too small: expected string to have >=(\d+) characters?$/, 'validation.minLength'],
  [/^Too big: expected string to have <=(\d+) characters?$/, 'validation.maxLength'],
  [/^Too small: expected number to be >=(-?\d+(?:\.\d+)?)$/, 's3Areas.validation.numberMin'],
  [/^Too big: expected number to be <=(-?\d+(?:\.\d+)?)$/, 's3Areas.validation.numberMax'],
];

export function translateFieldMessage(t: TFunction, message: string): string {
  for (const [pattern, key] of PATTERNS) {
    const match = pattern.exec(message);
    if (match) return t(key, { count: Number(match[1] ?? 0) });
  }
  return message;
}
