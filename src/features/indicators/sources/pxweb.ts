/**
 * Reads indicator values from a table in SCB's PxWebApi 2.0
 * (https://api.scb.se/OV0104/v2beta/api/v2): GET /tables/{table}/data with the chosen value codes
 * per variable, answered as JSON-stat 2.0. One import reads one content (ContentsCode) into one
 * indicator, by area, year and (where the table has it) sex; every other variable must be narrowed
 * to one value so that each area, year and sex has exactly one value.
 */
import type { Sex } from '../../../db/schema.ts';
import { getJson, type Sleep } from './http-retry.ts';
import type { ImportedValue, ImportProblem, SourceResult, ValueStatus } from './imported-value.ts';
import { type JsonStatDimension, parseJsonStat2Dataset } from './json-stat2.ts';
import { SourceError } from './source-error.ts';

export { type JsonStatCell, parseJsonStat2, parseJsonStat2Dataset } from './json-stat2.ts';

export const PXWEB_BASE_URL = 'https://api.scb.se/OV0104/v2beta/api/v2';

export type PxWebOptions = {
  /** Table id, e.g. "TAB638". */
  table: string;
  /** The indicator the values belong to. */
  indicatorId: string;
  /** Value codes per variable, e.g. { Region: ['2380', '23'], Tid: ['2023'], ContentsCode: ['BE0101N1'] }. */
  selection: Record<string, string[]>;
  /** Variable codes of area, year, sex and content; defaults Region, Tid, Kon, ContentsCode. */
  dimensions?: { area?: string; year?: string; sex?: string; content?: string };
  fetch?: typeof fetch;
  sleep?: Sleep;
  baseUrl?: string;
  maxRetries?: number;
  /** Time allowed for one request (default 60 s). */
  timeoutMs?: number;
};

/** SCB status marks for a value that is missing or not applicable: no value, and no problem. */
const MISSING_STATUS = new Set(['..', '.', '...', '…']);

const badSelection = (message: string) => new SourceError('BAD_SELECTION', message);

/** SCB's region code → ours: "00" is Sweden, 2 digits a county, 4 digits a municipality. */
export function fromScbRegion(code: string): string | undefined {
  if (code === '00') return 'SE';
  return /^(\d{2}|\d{4})$/.test(code) ? code : undefined;
}

const scbSexes = new Map<string, Sex>([
  ['1', 'men'],
  ['2', 'women'],
  ['1+2', 'total'],
]);

/** SCB's sex code → ours: 1 men, 2 women, 1+2 both (total). */
export function fromScbSex(code: string): Sex | undefined {
  return scbSexes.get(code);
}

export function pxWebStatus(status: string | null, ...labels: string[]): ValueStatus {
  const mark = status?.trim().toLowerCase() ?? '';
  if (mark === 'p' || mark.includes('prel')) return 'preliminary';
  return labels.some((l) => /preliminär/i.test(l)) ? 'preliminary' : 'final';
}

/** The data URL for a table and selection (value codes joined with commas, all else encoded). */
export function pxWebDataUrl(baseUrl: string, table: string, selection: Record<string, string[]>): string {
  const params = Object.entries(selection).map(
    ([variable, codes]) =>
      `valueCodes%5B${encodeURIComponent(variable)}%5D=${codes.map(encodeURIComponent).join(',')}`,
  );
  return `${baseUrl.replace(/\/+$/, '')}/tables/${encodeURIComponent(table)}/data?${[
    'lang=sv',
    'outputFormat=json-stat2',
    ...params,
  ].join('&')}`;
}

type Roles = { area: string; year: string; sex: string; content: string };

function checkOptions(options: PxWebOptions): Roles {
  const roles: Roles = {
    area: options.dimensions?.area ?? 'Region',
    year: options.dimensions?.year ?? 'Tid',
    sex: options.dimensions?.sex ?? 'Kon',
    content: options.dimensions?.content ?? 'ContentsCode',
  };
  if (!/^[A-Za-z0-9_-]{1,50}$/.test(options.table))
    throw badSelection(`"${options.table.slice(0, 50)}" is not an SCB table id (such as TAB638)`);
  if (!options.indicatorId.trim()) throw badSelection('Choose the indicator the SCB values belong to');
  for (const [variable, codes] of Object.entries(options.selection)) {
    if (!variable.trim() || /[[\]]/.test(variable))
      throw badSelection(`"${variable.slice(0, 50)}" is not a variable code of an SCB table`);
    if (codes.length === 0) throw badSelection(`Choose at least one value of ${variable}`);
    const badCode = codes.find((c) => !c.trim() || c.includes(','));
    if (badCode !== undefined)
      throw badSelection(
        `"${badCode.slice(0, 50)}" is not a value code of ${variable} (empty, or with a comma)`,
      );
  }
  const contents = options.selection[roles.content] ?? [];
  if (contents.length !== 1)
    throw badSelection(
      contents.length === 0
        ? `Choose exactly one ${roles.content} (the table content to import): one import reads one content into one indicator`
        : `Choose exactly one ${roles.content}, not ${contents.length} (${contents.join(', ')}): one import reads one content into one indicator, so make one import per content`,
    );
  const mapped = new Set(Object.values(roles));
  for (const [variable, codes] of Object.entries(options.selection)) {
    if (!mapped.has(variable) && codes.length > 1)
      throw badSelection(
        `Choose one value of ${variable}, not ${codes.length}: the import reads one value per area, year and sex`,
      );
  }
  return roles;
}

/** Fetches one content of an SCB table and returns it as imported values and problems. */
export async function fetchPxWeb(options: PxWebOptions): Promise<SourceResult> {
  const roles = checkOptions(options);
  const url = pxWebDataUrl(options.baseUrl ?? PXWEB_BASE_URL, options.table, options.selection);
  const doc = await getJson(url, {
    sourceName: 'SCB',
    fetch: options.fetch,
    sleep: options.sleep,
    maxRetries: options.maxRetries,
    timeoutMs: options.timeoutMs,
  });
  const dataset = parseJsonStat2Dataset(doc);
  const byId = new Map(dataset.dimensions.map((d) => [d.id, d]));
  const present = dataset.dimensions.map((d) => d.id).join(', ');
  for (const role of ['area', 'year'] as const) {
    if (!byId.has(roles[role]))
      throw badSelection(
        `SCB's answer for ${options.table} has no variable ${roles[role]} (it has ${present}): set the ${role} variable of the import`,
      );
  }
  for (const dim of dataset.dimensions) {
    if (dim.id === roles.area || dim.id === roles.year || dim.id === roles.sex) continue;
    if (dim.categories.length > 1)
      throw dim.id === roles.content
        ? new SourceError(
            'SOURCE_BAD_RESPONSE',
            `SCB answered with ${dim.categories.length} values of ${dim.id} although one was asked for`,
          )
        : badSelection(
            `SCB's answer for ${options.table} has ${dim.categories.length} values of ${dim.id} (${dim.categories
              .slice(0, 5)
              .map((c) => c.code)
              .join(
                ', ',
              )}${dim.categories.length > 5 ? ', …' : ''}): choose one of them so that each area, year and sex has one value`,
          );
  }

  const labelOf = (dim: JsonStatDimension | undefined, code: string | undefined) =>
    (code !== undefined && dim?.categories.find((c) => c.code === code)?.label) || '';
  const contentDim = byId.get(roles.content);
  const contentLabel = labelOf(contentDim, contentDim?.categories[0]?.code);
  const yearDim = byId.get(roles.year);
  const sexDim = byId.get(roles.sex);
  const source = `SCB ${options.table}`;

  const values: ImportedValue[] = [];
  const refused = new Map<string, { where: string; message: string; count: number }>();
  const refuse = (variable: string, code: string, why: string) => {
    const key = `${variable}\u0000${code}`;
    const entry = refused.get(key) ?? { where: `${variable} ${code}`, message: why, count: 0 };
    entry.count++;
    refused.set(key, entry);
  };

  for (const cell of dataset.cells) {
    if (cell.value === null || MISSING_STATUS.has(cell.status?.trim() ?? '')) continue;
    const regionCode = cell.coords[roles.area] as string;
    const yearCode = cell.coords[roles.year] as string;
    const sexCode = sexDim ? (cell.coords[roles.sex] as string) : undefined;
    const areaCode = fromScbRegion(regionCode);
    const year = /^\d{4}$/.test(yearCode) ? Number(yearCode) : undefined;
    const sex = sexCode === undefined ? 'total' : fromScbSex(sexCode);
    if (areaCode === undefined)
      refuse(
        roles.area,
        regionCode,
        `SCB region "${regionCode}" is not a municipality (4 digits), a county (2 digits) or Sweden (00)`,
      );
    if (year === undefined)
      refuse(
        roles.year,
        yearCode,
        `SCB time "${yearCode}" is not a year (such as 2023): only yearly values can be imported`,
      );
    if (sex === undefined && sexCode !== undefined)
      refuse(roles.sex, sexCode, `SCB sex "${sexCode}" is not 1 (men), 2 (women) or 1+2 (total)`);
    if (areaCode === undefined || year === undefined || sex === undefined) continue;
    values.push({
      indicatorId: options.indicatorId,
      areaCode,
      year,
      sex,
      value: cell.value,
      status: pxWebStatus(cell.status, contentLabel, labelOf(yearDim, yearCode)),
      source,
    });
  }
  const problems: ImportProblem[] = [...refused.values()].map(({ where, message, count }) => ({
    where,
    message: `${message}; ${count === 1 ? 'its value was' : `its ${count} values were`} not imported`,
  }));
  return { values, problems };
}
