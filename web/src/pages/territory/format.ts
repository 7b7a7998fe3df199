import { formatNumber, localeFor } from '../../lib/format';

const cache = new Map<string, Intl.NumberFormat>();
function nf(lang: string, key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const locale = localeFor(lang);
  const id = `${locale}|${key}`;
  let f = cache.get(id);
  if (!f) {
    f = new Intl.NumberFormat(locale, options);
    cache.set(id, f);
  }
  return f;
}

/** Whole kronor per inhabitant as a number ("1 215"); "–" when unknown. */
export const formatPerInhabitant = (value: number | null | undefined, lang: string): string =>
  value == null ? '–' : formatNumber(Math.round(value), lang);

/** A percentage given as 0–100: "70 %" in Swedish, "70%" in English. */
export const formatPercent = (value: number, lang: string, digits = 0): string =>
  nf(lang, `pct${digits}`, { style: 'percent', maximumFractionDigits: digits }).format(value / 100);

/** A change with its sign: "+2,5", "−0,3", "0". */
export const formatSigned = (value: number, lang: string): string =>
  nf(lang, 'signed', { signDisplay: 'exceptZero', maximumFractionDigits: 2 }).format(
    // Floating-point noise (0.30000000000000027) should not show as a change of its own.
    Math.round(value * 1e6) / 1e6,
  );

/** An indicator value in the UI language's format (at most three decimals). */
export const formatValue = (value: number, lang: string): string =>
  formatNumber(Math.round(value * 1e6) / 1e6, lang);

/** This year, as the server counts the default period (the last five years up to this one). */
export const thisYear = (): number => new Date().getFullYear();

/**
 * An indicator's source statement without the note on where the values were read in the
 * repository ("… (values and where each was read in regions/<code>/indicators.csv)"), which is
 * meant for maintainers, not readers.
 */
export function readerSource(source: string | null): string | null {
  if (!source) return null;
  const cleaned = source
    .replace(/\s*\((?:values|värden)[^()]*\)/gi, '')
    .replace(/;\s*(?:values|värden)\b.*$/i, '')
    .trim();
  return cleaned || source;
}

/** A relative change given as 0–100 with its sign and one decimal: "+3,3 %", "−0,6 %". */
export const formatSignedPercent = (value: number, lang: string): string =>
  nf(lang, 'spct', { style: 'percent', signDisplay: 'exceptZero', maximumFractionDigits: 1 }).format(
    Math.round(value * 10) / 1000,
  );
