import { z } from 'zod';

/** Swedish collation (å, ä, ö after z). PGlite sorts text byte-wise, so sort names here. */
export const swedishCollator = new Intl.Collator('sv', { sensitivity: 'base' });
export const compareSwedish = (a: string, b: string) => swedishCollator.compare(a, b);

/** A text in Swedish and English; either may be missing (null). */
export const bilingualSchema = z.object({ sv: z.string().nullable(), en: z.string().nullable() }).meta({
  id: 'BilingualText',
  description: 'Text in Swedish and English; null where that language is missing',
});
export type Bilingual = z.infer<typeof bilingualSchema>;

export const bilingual = (sv: string | null | undefined, en: string | null | undefined): Bilingual => ({
  sv: sv ?? null,
  en: en ?? null,
});

/** Pagination parameters shared by list endpoints. */
export const paginationQuery = {
  limit: z.coerce.number().int().min(1).max(500).default(100).describe('Page size (1–500)'),
  offset: z.coerce.number().int().min(0).default(0).describe('Items to skip'),
};

export function paginate<T>(items: T[], limit: number, offset: number) {
  return { items: items.slice(offset, offset + limit), total: items.length, limit, offset };
}

/** A one-line name or title: trimmed, not empty, no control characters (tabs, newlines, NUL …). */
export const singleLineText = (max = 200) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .refine((s) => !/\p{Cc}/u.test(s), 'must not contain control characters');

/**
 * Free text that may span lines (descriptions, notes): trimmed, at most `max` characters, no NUL
 * character (PostgreSQL text cannot hold one). May be empty; add `.min(1, …)` where it must not.
 */
export const multiLineText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .refine((s) => !s.includes('\u0000'), 'must not contain NUL characters');

/**
 * A key that sorts byte-wise (COLLATE "C", or PGlite's default) in Swedish order, so lists can be
 * sorted and paginated in SQL on both databases: case and most accents are folded; å, ä, ö (and
 * æ, ø) come after z; ü sorts as y. Ties between names that fold alike keep a stable order by id.
 */
export function swedishSortKey(text: string): string {
  return text
    .toLocaleLowerCase('sv')
    .replace(/[åÅ]/g, '\u{7b}')
    .replace(/[äæ]/g, '\u{7c}')
    .replace(/[öø]/g, '\u{7d}')
    .replace(/ü/g, 'y')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/\u{7b}/gu, '{')
    .trim();
}
