/**
 * The rules of a consultation record, checked in the browser before saving, and the server's
 * English field messages in the reader's language. The server checks everything again.
 */
import type { TFunction } from 'i18next';
import { ApiError } from '../../api/client';
import { translateFieldMessage } from '../../lib/fieldMessages';
import type { Outcome } from './api';
import { isEnded } from './labels';

export type Draft = {
  matterKind: 'effort' | 'decision' | 'document' | 'other';
  matterTitle: string;
  effortId: string;
  significance: string;
  initiatedBy: 'region' | 'sami_party';
  requestedOn: string;
  partyIds: string[];
  meetings: Array<{ date: string; form: string; note: string }>;
  form: '' | 'meeting' | 'written' | 'digital_meeting' | 'other';
  documents: Array<{ title: string; url: string }>;
  outcome: Outcome;
  outcomeOn: string;
  outcomeNote: string;
  exemptionGround: string;
  decisionText: string;
  decisionOn: string;
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const validDate = (s: string) => DATE.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));
const WEB = /^https?:\/\/\S+$/i;

/** Today's date in Sweden (YYYY-MM-DD): an end date may not be later. */
export const todayInSweden = (now = new Date()) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(now);

/** Field errors keyed like the server's (without "body."): "outcomeOn", "meetings.0.date" … */
export function validateDraft(d: Draft, t: TFunction, today = todayInSweden()): Record<string, string> {
  const errors: Record<string, string> = {};
  const v = (key: string) => t(`consultations.validation.${key}`);
  if (!d.matterTitle.trim()) errors.matterTitle = v('matterTitle');
  if (d.matterKind === 'effort' && !d.effortId) errors.effortId = v('effortRequired');
  if (d.requestedOn && !validDate(d.requestedOn)) errors.requestedOn = v('date');
  if (d.outcome !== 'exempted' && d.partyIds.length === 0) errors.partyIds = v('partyRequired');
  d.meetings.forEach((m, i) => {
    if (!m.date) errors[`meetings.${i}.date`] = v('meetingDate');
    else if (!validDate(m.date)) errors[`meetings.${i}.date`] = v('date');
    if (!m.form.trim()) errors[`meetings.${i}.form`] = v('meetingForm');
  });
  d.documents.forEach((doc, i) => {
    if (!doc.title.trim()) errors[`documents.${i}.title`] = v('documentTitle');
    if (doc.url.trim() && !WEB.test(doc.url.trim())) errors[`documents.${i}.url`] = v('url');
  });
  if (d.outcome === 'exempted' && !d.exemptionGround.trim())
    errors.exemptionGround = v('exemptionGroundRequired');
  // The end date is asked for (and sent) only when the consultation is no longer open.
  if (d.outcome !== 'pending') {
    if (!d.outcomeOn) {
      if (isEnded(d.outcome)) errors.outcomeOn = v('outcomeOnRequired');
    } else if (!validDate(d.outcomeOn)) errors.outcomeOn = v('date');
    else if (d.outcomeOn > today) errors.outcomeOn = v('future');
    else if (d.requestedOn && d.outcomeOn < d.requestedOn) errors.outcomeOn = v('outcomeBeforeRequest');
  }
  if (d.decisionOn && !validDate(d.decisionOn)) errors.decisionOn = v('date');
  if (d.decisionOn && !d.decisionText.trim()) errors.decisionText = v('decisionTextRequired');
  return errors;
}

/** The server's messages for this record (consultation-rules.ts, the schemas) → message keys. */
const SERVER_MESSAGES: Array<[RegExp, string]> = [
  [/^an exemption \(§ ?4\) needs its ground$/, 'exemptionGroundRequired'],
  [/^only an exempted matter has an exemption ground$/, 'exemptionGroundOnlyExempted'],
  [/^give the date the consultation ended$/, 'outcomeOnRequired'],
  [/^an open consultation has no end date$/, 'outcomeOnOpen'],
  [/^name at least one Sami party$/, 'partyRequired'],
  [/^must not be before the request$/, 'outcomeBeforeRequest'],
  [/^describe the decision$/, 'decisionTextRequired'],
  [/^must be a date/, 'date'],
  [/^must be a web address/, 'url'],
  [/^must not be in the future$/, 'future'],
  [/^choose the effort the matter is about$/, 'effortRequired'],
  [/^a party is Sametinget, a sameby or a Sami organisation/, 'partyKind'],
  [/^no effort /, 'effortUnknown'],
  [/^no organisation /, 'partyUnknown'],
];

export function translateServerMessage(t: TFunction, message: string): string {
  for (const [pattern, key] of SERVER_MESSAGES) {
    if (pattern.test(message)) return t(`consultations.validation.${key}`);
  }
  return translateFieldMessage(t, message);
}

/** Where a server field is shown: the parties' errors ("partyIds.2") at the party list. */
const fieldKey = (field: string) => {
  const key = field.replace(/^body\.?/, '');
  return key.startsWith('partyIds') ? 'partyIds' : key;
};

/**
 * The key of the message for the whole form among the field errors (not "form": that is a field,
 * the consultation's form).
 */
export const FORM = '$form';

/** What the form shows for a failed save: field messages, and one message for the form. */
export function saveErrors(t: TFunction, error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return { [FORM]: t('problems.network') };
  if (error.status === 412) return { [FORM]: t('consultations.form.stale') };
  if (error.fieldErrors.length > 0) {
    const errors: Record<string, string> = {};
    for (const e of error.fieldErrors) {
      const key = fieldKey(e.field);
      const message = translateServerMessage(t, e.message);
      errors[key] = errors[key] && errors[key] !== message ? `${errors[key]}; ${message}` : message;
    }
    return { ...errors, [FORM]: t('consultations.form.fixErrors') };
  }
  if (error.status === 401) return { [FORM]: t('problems.signedOut') };
  if (error.status === 403) return { [FORM]: t('problems.forbidden') };
  if (error.status === 404) return { [FORM]: t('problems.notFound') };
  return { [FORM]: t('problems.failed', { status: error.status }) };
}
