/** Locale used for numbers and dates: Swedish in sv, British English in en. */
export function localeFor(lang: string): string {
  return lang.startsWith('en') ? 'en-GB' : 'sv-SE';
}

const numberFormats = new Map<string, Intl.NumberFormat>();

export function formatNumber(value: number, lang: string): string {
  const locale = localeFor(lang);
  let nf = numberFormats.get(locale);
  if (!nf) {
    nf = new Intl.NumberFormat(locale);
    numberFormats.set(locale, nf);
  }
  return nf.format(value);
}

/** Formats an ISO date (YYYY-MM-DD) without time-zone drift. */
export function formatDate(iso: string, lang: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (!y || !m || !d) return iso;
  return new Intl.DateTimeFormat(localeFor(lang), { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

const collators = new Map<string, Intl.Collator>();

/** Sorts names by the rules of the UI language (Swedish: Å Ä Ö last). */
export function collatorFor(lang: string): Intl.Collator {
  const key = lang.startsWith('en') ? 'en' : 'sv';
  let c = collators.get(key);
  if (!c) {
    c = new Intl.Collator(key);
    collators.set(key, c);
  }
  return c;
}

/** Swedish collation is used for place names regardless of UI language. */
export const swedishCollator = new Intl.Collator('sv');

export function sortByName<T extends { name: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => swedishCollator.compare(a.name, b.name));
}
