/**
 * Reads indicator values from Kolada (API v3, https://api.kolada.se/v3, no key; attribution
 * "Källa: Kolada"). One request per chunk of at most 25 years (the API refuses longer year
 * lists), following `next_page` until the last page. Every data object becomes values (T, K, M
 * → total, women, men) or a problem saying where in the answer it was and why it was not read.
 */
import { z } from 'zod';
import type { Sex } from '../../../db/schema.ts';
import { getJson, type Sleep } from './http-retry.ts';
import type { ImportedValue, ImportProblem, SourceResult, ValueStatus } from './imported-value.ts';
import { SourceError } from './source-error.ts';

export const KOLADA_BASE_URL = 'https://api.kolada.se/v3';
export const KOLADA_MAX_YEARS_PER_REQUEST = 25;
export const KOLADA_MAX_PER_PAGE = 5000;
/** A safety stop against an answer whose pages never end. */
const MAX_PAGES = 1000;

export type KoladaOptions = {
  /** Kolada KPI ids, e.g. "N01951". */
  kpis: string[];
  /** Our area codes: a municipality ("2380"), a county ("23"), or "SE" for Sweden. */
  areaCodes: string[];
  from: number;
  to: number;
  /** The indicator a KPI's values belong to; undefined when the KPI is not part of this import. */
  indicatorIdForKpi: (kpi: string) => string | undefined;
  fetch?: typeof fetch;
  sleep?: Sleep;
  baseUrl?: string;
  /** Items per page, at most 5000 (the default). */
  perPage?: number;
  maxRetries?: number;
  /** Time allowed for one request (default 60 s). */
  timeoutMs?: number;
};

const badSelection = (message: string) => new SourceError('BAD_SELECTION', message);

/** Our area code → Kolada's id: municipalities as they are, county "23" → "0023", "SE" → "0000". */
export function toKoladaId(areaCode: string): string {
  if (areaCode === 'SE') return '0000';
  if (/^\d{2}$/.test(areaCode) && areaCode !== '00') return `00${areaCode}`;
  if (/^\d{4}$/.test(areaCode) && !areaCode.startsWith('00')) return areaCode;
  throw badSelection(
    `"${areaCode}" is not an area code Kolada can be asked for: use a municipality (4 digits, e.g. 2380), a county (2 digits, e.g. 23) or SE for Sweden`,
  );
}

/** Kolada's id → our area code, or undefined for ids that are none of ours (e.g. groups "G…"). */
export function fromKoladaId(id: string): string | undefined {
  if (id === '0000') return 'SE';
  if (/^00\d{2}$/.test(id)) return id.slice(2);
  if (/^\d{4}$/.test(id)) return id;
  return undefined;
}

/** The years from..to in chunks of at most `size`. */
export function yearChunks(from: number, to: number, size = KOLADA_MAX_YEARS_PER_REQUEST): number[][] {
  const chunks: number[][] = [];
  for (let start = from; start <= to; start += size) {
    const chunk: number[] = [];
    for (let year = start; year <= Math.min(to, start + size - 1); year++) chunk.push(year);
    chunks.push(chunk);
  }
  return chunks;
}

const envelopeSchema = z.object({
  values: z.array(z.unknown()),
  count: z.number().int().nonnegative().optional(),
  next_page: z.string().nullish(),
  previous_page: z.string().nullish(),
});

const dataSchema = z.object({
  kpi: z.string(),
  municipality: z.string(),
  period: z.union([
    z.number().int(),
    z
      .string()
      .regex(/^\d{4}$/)
      .transform(Number),
  ]),
  values: z.array(
    z.object({
      gender: z.string(),
      value: z.number().nullable(),
      count: z.number().nullish(),
      status: z.string().nullish(),
    }),
  ),
});

const sexByGender = new Map<string, Sex>([
  ['T', 'total'],
  ['K', 'women'],
  ['M', 'men'],
]);

export function koladaStatus(status: string | null | undefined): ValueStatus {
  return status && /prel/i.test(status) ? 'preliminary' : 'final';
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || 'answer'}: ${issue.message}`)
    .join('; ');
}

function checkOptions(options: KoladaOptions): { kpis: string[]; ids: string[]; perPage: number } {
  const kpis = [...new Set(options.kpis.map((k) => k.trim()))];
  if (kpis.length === 0) throw badSelection('Choose at least one Kolada KPI to import');
  const badKpi = kpis.find((k) => !/^[A-Za-z0-9_-]{1,20}$/.test(k));
  if (badKpi !== undefined)
    throw badSelection(`"${badKpi.slice(0, 50)}" is not a Kolada KPI id (such as N01951)`);
  const areaCodes = [...new Set(options.areaCodes.map((a) => a.trim()))];
  if (areaCodes.length === 0) throw badSelection('Choose at least one area to import Kolada values for');
  const ids = areaCodes.map(toKoladaId);
  const { from, to } = options;
  if (!Number.isInteger(from) || !Number.isInteger(to) || from > to || from < 1800 || to > 2200)
    throw badSelection(
      `The years must be whole years from 1800 to 2200, the first not after the last (got ${from}–${to})`,
    );
  const perPage = options.perPage ?? KOLADA_MAX_PER_PAGE;
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > KOLADA_MAX_PER_PAGE)
    throw badSelection(`per_page must be a whole number from 1 to ${KOLADA_MAX_PER_PAGE} (got ${perPage})`);
  return { kpis, ids, perPage };
}

/** Fetches the KPIs for the areas and years and returns them as imported values and problems. */
export async function fetchKolada(options: KoladaOptions): Promise<SourceResult> {
  const { kpis, ids, perPage } = checkOptions(options);
  const baseUrl = (options.baseUrl ?? KOLADA_BASE_URL).replace(/\/+$/, '');
  const origin = new URL(baseUrl).origin;
  const http = {
    sourceName: 'Kolada',
    fetch: options.fetch,
    sleep: options.sleep,
    maxRetries: options.maxRetries,
    timeoutMs: options.timeoutMs,
  };
  const values: ImportedValue[] = [];
  const problems: ImportProblem[] = [];
  const seen = new Map<string, string>();
  let page = 0;

  for (const years of yearChunks(options.from, options.to)) {
    let url: string | undefined =
      `${baseUrl}/data/kpi/${kpis.join(',')}/municipality/${ids.join(',')}/year/${years.join(',')}?per_page=${perPage}`;
    const visited = new Set<string>();
    while (url) {
      visited.add(url);
      page++;
      if (page > MAX_PAGES)
        throw new SourceError('SOURCE_BAD_RESPONSE', `Kolada's answer did not end after ${MAX_PAGES} pages`);
      const envelope = envelopeSchema.safeParse(await getJson(url, http));
      if (!envelope.success)
        throw new SourceError(
          'SOURCE_BAD_RESPONSE',
          `Kolada's answer to ${url} is not the documented { values, count, next_page } (${describeIssues(envelope.error)})`,
        );

      envelope.data.values.forEach((raw, i) => {
        const where = `page ${page}, item ${i + 1}`;
        const item = dataSchema.safeParse(raw);
        if (!item.success)
          throw new SourceError(
            'SOURCE_BAD_RESPONSE',
            `Kolada's answer has a data object that is not { kpi, municipality, period, values } at ${where} (${describeIssues(item.error)})`,
          );
        const { kpi, municipality, period } = item.data;
        const indicatorId = options.indicatorIdForKpi(kpi);
        const areaCode = fromKoladaId(municipality);
        if (indicatorId === undefined)
          problems.push({ where, message: `Kolada KPI ${kpi} is not one of the KPIs of this import` });
        if (areaCode === undefined)
          problems.push({
            where,
            message: `Kolada area id "${municipality}" is not a municipality, a county (00 + county code) or Sweden (0000)`,
          });
        if (indicatorId === undefined || areaCode === undefined) return;
        for (const v of item.data.values) {
          const sex = sexByGender.get(v.gender);
          if (!sex) {
            problems.push({
              where,
              message: `Kolada gender "${v.gender}" for ${kpi}, area ${municipality}, ${period} is not T, K or M`,
            });
            continue;
          }
          if (v.value === null) continue;
          const key = `${indicatorId}|${areaCode}|${period}|${sex}`;
          const first = seen.get(key);
          if (first) {
            problems.push({
              where,
              message: `${kpi}, area ${municipality}, ${period}, gender ${v.gender} was already read at ${first}`,
            });
            continue;
          }
          seen.set(key, where);
          values.push({
            indicatorId,
            areaCode,
            year: period,
            sex,
            value: v.value,
            status: koladaStatus(v.status),
            source: `Kolada ${kpi}`,
          });
        }
      });

      const next = envelope.data.next_page;
      if (!next) break;
      let nextUrl: URL;
      try {
        nextUrl = new URL(next, url);
      } catch {
        throw new SourceError('SOURCE_BAD_RESPONSE', `Kolada's next_page "${excerptOf(next)}" is not a URL`);
      }
      if (nextUrl.origin !== origin)
        throw new SourceError(
          'SOURCE_BAD_RESPONSE',
          `Kolada's next_page points away from ${origin}: ${excerptOf(nextUrl.href)}`,
        );
      if (visited.has(nextUrl.href))
        throw new SourceError(
          'SOURCE_BAD_RESPONSE',
          `Kolada's next_page leads back to a page already read: ${nextUrl.href}`,
        );
      url = nextUrl.href;
    }
  }
  return { values, problems };
}

const excerptOf = (text: string) => (text.length > 100 ? `${text.slice(0, 100)}…` : text);
