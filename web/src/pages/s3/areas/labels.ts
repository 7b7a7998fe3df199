import type { InitiativeStatus, StepStatus } from './api';

export const INITIATIVE_STATUSES: readonly InitiativeStatus[] = [
  'proposed',
  'ongoing',
  'completed',
  'dropped',
];

/** A sign for each step status beside its words (colour is never the only carrier). */
export const STEP_ICON: Record<StepStatus, string> = {
  not_started: '○',
  ongoing: '◐',
  done: '✓',
  revisit: '↻',
};

export const isStaffRole = (role: string | null | undefined) => role === 'admin' || role === 'editor';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string | null | undefined): s is string => !!s && UUID.test(s);

/** Whole kronor in the reader's format: "1 500 000 kr" / "SEK 1,500,000". */
export function formatSek(value: number, lang: string): string {
  return new Intl.NumberFormat(lang.startsWith('en') ? 'en-GB' : 'sv-SE', {
    style: 'currency',
    currency: 'SEK',
    maximumFractionDigits: 0,
  }).format(value);
}

/** The first sentences of a text, cut at a word near `max` characters. */
export function excerpt(text: string, max = 220): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : max)} …`;
}

/** The vision text in the reader's language (Swedish when there is no English). */
export function visionText(
  vision: { textSv: string; textEn: string | null } | null,
  lang: string,
): { text: string; lang: 'sv' | 'en' } | null {
  if (!vision) return null;
  if (lang.startsWith('en') && vision.textEn) return { text: vision.textEn, lang: 'en' };
  if (vision.textSv) return { text: vision.textSv, lang: 'sv' };
  return vision.textEn ? { text: vision.textEn, lang: 'en' } : null;
}

/**
 * The fields of `after` that differ from `before` (what the writer changed), so a save after a
 * colleague's save changes only those. Fields in one group go together: when one of them
 * changed, all of them are sent (for instance the kind and the initiative of a logic item).
 */
export function changedFields<T extends Record<string, unknown>>(
  before: T,
  after: T,
  groups: ReadonlyArray<ReadonlyArray<keyof T>> = [],
): Partial<T> {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const out: Partial<T> = {};
  for (const key of Object.keys(after) as Array<keyof T>) {
    if (!same(before[key], after[key])) out[key] = after[key];
  }
  for (const group of groups) {
    if (group.some((key) => key in out)) for (const key of group) out[key] = after[key];
  }
  return out;
}

/**
 * A number as the reader writes it ("1 500,5" in Swedish, "1,500.5" in English); null when
 * empty, NaN when it is not a number.
 */
export function parseDecimal(text: string, lang: string): number | null {
  const flat = text.replace(/[\s\u00a0\u202f]/g, '').replace(/\u2212/g, '-');
  if (flat === '') return null;
  const normal = lang.startsWith('en') ? flat.replace(/,/g, '') : flat.replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(normal) ? Number(normal) : Number.NaN;
}

/** A number in the reader's format for a form field ("1500,5" in Swedish). */
export const decimalText = (value: number | null | undefined, lang: string) =>
  value === null || value === undefined
    ? ''
    : lang.startsWith('en')
      ? String(value)
      : String(value).replace('.', ',');
