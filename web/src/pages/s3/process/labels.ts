import type { TFunction } from 'i18next';
import { formatNumber } from '../../../lib/format';
import type { StepStatus } from './api';

export const STEP_STATUSES: readonly StepStatus[] = ['not_started', 'ongoing', 'done', 'revisit'];

/** A sign for each status beside its words (colour is never the only carrier). */
export const STATUS_ICON: Record<StepStatus, string> = {
  not_started: '○',
  ongoing: '◐',
  done: '✓',
  revisit: '↻',
};

export const isStaffRole = (role: string | null | undefined) => role === 'admin' || role === 'editor';

/** A mean score (0–5) in the reader's number format, at most two decimals. */
export const formatScore = (value: number | null | undefined, lang: string) =>
  value === null || value === undefined
    ? '–'
    : new Intl.NumberFormat(lang.startsWith('en') ? 'en-GB' : 'sv-SE', { maximumFractionDigits: 2 }).format(
        value,
      );

/** A change with its sign: "+0,33", "−1", "±0". */
export function formatChange(value: number | null | undefined, lang: string): string {
  if (value === null || value === undefined) return '–';
  if (value === 0) return '±0';
  const text = formatScore(Math.abs(value), lang);
  return value > 0 ? `+${text}` : `−${text}`;
}

/** Words for a change, for screen readers and the table's meaning. */
export const changeWords = (t: TFunction, value: number | null | undefined) =>
  value === null || value === undefined
    ? t('s3Process.assessment.noComparison')
    : value > 0
      ? t('s3Process.assessment.up')
      : value < 0
        ? t('s3Process.assessment.down')
        : t('s3Process.assessment.same');

export { formatNumber };

/** Today's date in Sweden (YYYY-MM-DD). */
export const todayInSweden = (now = new Date()) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(now);

const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const validDate = (s: string) => DATE.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));
export const WEB_ADDRESS = /^https?:\/\/\S+$/i;
