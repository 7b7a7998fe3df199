/** Words and small helpers of the learning log and the participation pages. */
import type { TFunction } from 'i18next';
import { ApiError } from '../../../api/client';
import { translateFieldMessage } from '../../../lib/fieldMessages';
import { problemMessages } from '../../../lib/problems';

export const CHANGE_KINDS = ['vision', 'sub_areas', 'priorities', 'action_plan', 'other'] as const;
export const HELIX_TYPES = ['public', 'business', 'academia', 'civil_society'] as const;
export const FORM = 'form';

export const LOG_PATH = '/smart-specialisering/larlogg';
export const PARTICIPATION_PATH = '/smart-specialisering/deltagande';
/** The query parameter naming a strength area (its slug) on the log and the participation page. */
export const AREA_PARAM = 'omrade';

export const isStaffRole = (role: string | null | undefined) => role === 'admin' || role === 'editor';

export const nameIn = (name: { sv: string | null; en: string | null }, lang: string) =>
  (lang.startsWith('en') ? (name.en ?? name.sv) : (name.sv ?? name.en)) ?? '';

/** "2025" or "2025 halvår 1" / "2025 half 1". */
export function periodLabel(t: TFunction, period: string): string {
  const m = /^(\d{4})-H([12])$/.exec(period);
  return m ? t('s3Learning.participation.halfLabel', { year: m[1], half: m[2] }) : period;
}

/** Today's date in Sweden (YYYY-MM-DD). */
export const todayInSweden = (now = new Date()) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(now);

export const isDate = (s: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));

/**
 * The server's English field messages of this part in the reader's language; others through the
 * shared translations. Keys without "body." ("lessonIds.0", "learnedOn"). `lessonTitle` names the
 * lesson at a place in the list sent.
 */
export function saveErrors(
  t: TFunction,
  error: unknown,
  lessonTitle: (index: number) => string = () => '',
): Record<string, string> {
  if (error instanceof ApiError && error.status === 412) return { [FORM]: t('s3Learning.form.stale') };
  if (!(error instanceof ApiError) || error.fieldErrors.length === 0) return problemMessages(t, error);
  const v = (key: string, options?: Record<string, string>) => t(`s3Learning.validation.${key}`, options);
  const translate = (message: string, index: number) => {
    if (/^must not be in the future: record a decision/.test(message)) return v('decisionFuture');
    if (/^must not be in the future/.test(message)) return v('future');
    if (/^the meeting is held /.test(message)) return v('meetingAfterLesson');
    if (/the lesson comes from a meeting held that day/.test(message)) return v('meetingLater');
    if (/^must not contain NUL characters$/.test(message)) return t('validation.controlCharacters');
    if (/^name at least one lesson/.test(message)) return v('lessonsRequired');
    if (/^the lesson is dated/.test(message)) return v('lessonAfterDecision', { title: lessonTitle(index) });
    if (/a decision of that day cites this lesson/.test(message)) return v('citedLater');
    if (/^no meeting /.test(message)) return v('unknownMeeting');
    if (/^no lesson |^a cited lesson was removed/.test(message)) return v('unknownLesson');
    if (/^no strength area /.test(message)) return v('unknownArea');
    if (/^must be a date/.test(message)) return v('date');
    return translateFieldMessage(t, message);
  };
  const map: Record<string, string> = {};
  for (const e of error.fieldErrors) {
    const key = e.field.replace(/^body\.?/, '');
    const message = translate(e.message, Number(/\.(\d+)$/.exec(key)?.[1] ?? -1));
    map[key] = map[key] ? `${map[key]}; ${message}` : message;
  }
  return { ...map, [FORM]: t('s3Learning.form.fixErrors') };
}
