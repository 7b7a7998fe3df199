import type { TFunction } from 'i18next';
import { ApiError } from '../api/client';
import { fieldErrorMap } from '../components/FormField';
import { translateFieldMessage } from './fieldMessages';

/**
 * What a form shows for a failed request: messages at the fields the API named, and one message
 * for the form (by the problem's code when `codes` knows it, else by the HTTP status).
 */
export function problemMessages(
  t: TFunction,
  error: unknown,
  codes: Record<string, string> = {},
): Record<string, string> {
  if (!(error instanceof ApiError)) return { form: t('problems.network') };
  const byCode = error.code ? codes[error.code] : undefined;
  if (byCode) return { form: byCode };
  if (error.status === 412 && codes.VERSION_MISMATCH) return { form: codes.VERSION_MISMATCH };
  if (error.fieldErrors.length > 0) {
    return {
      ...fieldErrorMap(error.fieldErrors, (m) => translateFieldMessage(t, m)),
      form: t('problems.fixFields'),
    };
  }
  if (error.status === 401) return { form: t('problems.signedOut') };
  if (error.status === 403) return { form: t('problems.forbidden') };
  if (error.status === 404) return { form: t('problems.notFound') };
  if (error.status === 429) return { form: t('auth.errors.TOO_MANY_REQUESTS') };
  return { form: t('problems.failed', { status: error.status }) };
}
