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
