/** The server's English field messages for steps and assessments, in the reader's language. */
import type { TFunction } from 'i18next';
import { ApiError } from '../../../api/client';
import { translateFieldMessage } from '../../../lib/fieldMessages';

/** The key of the message for the whole form among the field errors. */
export const FORM = '$form';

const SERVER_MESSAGES: Array<[RegExp, string]> = [
  [/^must not be before the start$/, 'dueBeforeStart'],
  [/^a done step needs the date it was done$/, 'doneNeedsDate'],
  [/^a done step cannot be done in the future$/, 'doneInFuture'],
  [/^a step that has started cannot start in the future$/, 'startInFuture'],
  [/^give the deliverable a title$/, 'deliverableTitle'],
  [/^must be a web address/, 'url'],
  [/^must be a date/, 'date'],
  [/^must not be in the future$/, 'future'],
  [/^must be a whole number 0–5$/, 'score'],
  [/is scored more than once$/, 'scoreTwice'],
  [/^score all \d+ factors/, 'scoreAll'],
];

export function translateServerMessage(t: TFunction, message: string): string {
  for (const [pattern, key] of SERVER_MESSAGES) {
    if (pattern.test(message)) return t(`s3Process.validation.${key}`);
  }
  return translateFieldMessage(t, message);
}

/** What a form shows for a failed save: field messages, and one message for the form. */
export function saveErrors(t: TFunction, error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return { [FORM]: t('problems.network') };
  if (error.status === 412) return { [FORM]: t('s3Process.form.stale') };
  if (error.fieldErrors.length > 0) {
    const errors: Record<string, string> = {};
    for (const e of error.fieldErrors) {
      const key = e.field.replace(/^body\.?/, '');
      const message = translateServerMessage(t, e.message);
      errors[key] = errors[key] && errors[key] !== message ? `${errors[key]}; ${message}` : message;
    }
    return { ...errors, [FORM]: t('s3Process.form.fixErrors') };
  }
  if (error.status === 401) return { [FORM]: t('problems.signedOut') };
  if (error.status === 403) return { [FORM]: t('problems.forbidden') };
  if (error.status === 404) return { [FORM]: t('problems.notFound') };
  return { [FORM]: t('problems.failed', { status: error.status }) };
}
