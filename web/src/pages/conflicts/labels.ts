import type { TFunction } from 'i18next';
import { translateFieldMessage } from '../../lib/fieldMessages';
import { formatDate } from '../../lib/format';

export const CONFLICT_STATUSES = ['identified', 'analysed', 'handled', 'followed_up', 'dismissed'] as const;
export type ConflictStatus = (typeof CONFLICT_STATUSES)[number];

export const MADE_VISIBLE_BY = [
  'analysis',
  'dialogue',
  'consultation',
  'effort_assessment',
  'interaction_matrix',
  'other',
] as const;
export type MadeVisibleBy = (typeof MADE_VISIBLE_BY)[number];

export const GOAL_KINDS = ['priority', 'strength_area', 'national_area', 'sdg_target', 'free_text'] as const;
export type GoalKind = (typeof GOAL_KINDS)[number];

export const SEVERITIES = [1, 2, 3] as const;

export const SUGGESTION_KINDS = ['sami_place', 'effort_assessment', 'interaction_matrix'] as const;
export type SuggestionKind = (typeof SUGGESTION_KINDS)[number];

/** A score as the scale writes it: +2, 0, −1 (a real minus sign). */
export const formatScore = (n: number): string => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0');

/** Today's date in the reader's time zone, YYYY-MM-DD. */
export function todayIso(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export const isIsoDate = (s: string): boolean =>
  /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s));

export const isWebAddress = (s: string): boolean => /^https?:\/\/\S+$/i.test(s.trim());

/**
 * The register's API explains bad fields in English; the page shows them in its language. Known
 * messages are translated, others go through the app's shared translations, else as written.
 */
const PATTERNS: Array<[RegExp, string]> = [
  [/^must not be in the future$/, 'conflicts.validation.dateFuture'],
  [/^must not be earlier than the previous step \((\d{4}-\d{2}-\d{2})\)$/, 'conflicts.validation.dateBefore'],
  [/^must be a date/, 'conflicts.validation.date'],
  [/^describe the step$/, 'conflicts.validation.stepText'],
  [/^describe what the follow-up showed$/, 'conflicts.validation.followUpText'],
  [/^give the reason for dismissing$/, 'conflicts.validation.dismissReason'],
  [/^say whether a measure was taken or a trade-off decided$/, 'conflicts.validation.handling'],
  [/^a trade-off needs its justification$/, 'conflicts.validation.justification'],
  [/^only a "handled" step has a measure or trade-off$/, 'conflicts.validation.handlingOnlyHandled'],
  [/^only a trade-off has a justification$/, 'conflicts.validation.justificationOnlyTradeOff'],
  [/cannot follow/, 'conflicts.validation.statusNotAllowed'],
  [/^the first step of a conflict/, 'conflicts.validation.statusNotAllowed'],
  [/^no indicator /, 'conflicts.validation.indicator'],
  [/^must be 1, 2 or 3$/, 'conflicts.validation.severity'],
  [/^must be a web address/, 'conflicts.validation.url'],
  [/^no long-term priority /, 'conflicts.validation.goalRef'],
  [/^no strength area /, 'conflicts.validation.goalRef'],
  [/^no national strategic area /, 'conflicts.validation.goalRef'],
  [/^no Agenda 2030 target /, 'conflicts.validation.sdgTarget'],
  [/is not a municipality or sameby of the region$/, 'conflicts.validation.place'],
  [/^no organisation /, 'conflicts.validation.actor'],
  [/^no effort /, 'conflicts.validation.effort'],
];

export function translateConflictMessage(t: TFunction, message: string, lang: string): string {
  for (const [pattern, key] of PATTERNS) {
    const match = pattern.exec(message);
    if (match) return t(key, { date: match[1] ? formatDate(match[1], lang) : '' });
  }
  return translateFieldMessage(t, message);
}

/** Staff: the region's editors and administrators, who keep the register. */
export const isStaffRole = (role: string | null | undefined): boolean =>
  role === 'admin' || role === 'editor';
