/**
 * Indicator values from a file in long format: one value per row, with the columns indicator,
 * area_code, year, value and optionally sex, status and source (Swedish names accepted). CSV
 * (UTF-8, ";" or ",") or Excel .xlsx (the first sheet). A file that cannot be read as such a table
 * is refused with an HttpProblem 422; rows that cannot be read become problems with their row
 * number (the header is row 1). Indicator and area codes are only checked for their form here:
 * the import service checks them against the region.
 */
import type { Sex } from '../../../db/schema.ts';
import {
  badFile,
  type Cell,
  type RawRow,
  readCsvRows,
  readXlsxRows,
  tooManyRows,
} from '../../../shared/uploaded-files.ts';
import { detectKind } from '../../efforts/effort-files.ts';
import type { ImportedValue, ImportProblem, SourceResult, ValueStatus } from './imported-value.ts';

export const LONG_FORMAT_MAX_ROWS = 200_000;

export const longFormatColumns = [
  'indicator',
  'area_code',
  'year',
  'sex',
  'value',
  'status',
  'source',
] as const;
export type LongFormatColumn = (typeof longFormatColumns)[number];
const requiredColumns: LongFormatColumn[] = ['indicator', 'area_code', 'year', 'value'];

/** Accepted header names per column, compared without case, spaces, "_" or "-". */
export const columnAliases: Record<LongFormatColumn, string[]> = {
  indicator: ['indicator', 'indikator', 'indicator_id'],
  area_code: ['area_code', 'area', 'område', 'omrade', 'kommun', 'kommunkod', 'municipality_code'],
  year: ['year', 'år', 'ar'],
  sex: ['sex', 'kön', 'kon'],
  value: ['value', 'värde', 'varde'],
  status: ['status'],
  source: ['source', 'källa', 'kalla'],
};

const sexes = new Map(
  Object.entries({
    '': 'total',
    total: 'total',
    totalt: 'total',
    t: 'total',
    women: 'women',
    kvinnor: 'women',
    k: 'women',
    men: 'men',
    män: 'men',
    m: 'men',
  } satisfies Record<string, Sex>),
);

const statuses = new Map(
  Object.entries({
    '': 'final',
    final: 'final',
    slutlig: 'final',
    slutligt: 'final',
    preliminary: 'preliminary',
    preliminär: 'preliminary',
    preliminärt: 'preliminary',
    prel: 'preliminary',
  } satisfies Record<string, ValueStatus>),
);

const MAX_INDICATOR_LENGTH = 100;
const MAX_SOURCE_LENGTH = 200;

const headerKey = (text: string) =>
  text
    .normalize('NFC')
    .replace(/[\uFEFF\u200B]/g, '')
    .toLocaleLowerCase('sv')
    .replace(/[\s_-]+/g, '');

const columnOfKey = new Map<string, LongFormatColumn>(
  longFormatColumns.flatMap((column) =>
    columnAliases[column].map((alias) => [headerKey(alias), column] as const),
  ),
);

const cellText = (cell: Cell | undefined) => (cell === undefined ? '' : String(cell).trim());

/** A value for a message: quoted, escaped, at most 50 characters. */
function shown(value: string): string {
  return JSON.stringify(value.length > 50 ? `${value.slice(0, 50)}…` : value);
}

// ---------------------------------------------------------------------------------------------
// Reading the rows

// ---------------------------------------------------------------------------------------------
// The header

type Columns = { index: Partial<Record<LongFormatColumn, number>>; names: string[] };

const acceptedNames = () =>
  longFormatColumns
    .map((c) => `${c} (${columnAliases[c].filter((a) => a !== c).join(', ') || '—'})`)
    .join('; ');

function readHeader(header: RawRow): Columns {
  const names = header.cells.map(cellText);
  const index: Partial<Record<LongFormatColumn, number>> = {};
  const unknown: string[] = [];
  const repeated: string[] = [];
  names.forEach((name, i) => {
    if (name === '') return;
    const column = columnOfKey.get(headerKey(name));
    if (!column) unknown.push(name);
    else if (index[column] !== undefined) repeated.push(`${names[index[column] as number]} and ${name}`);
    else index[column] = i;
  });
  const missing = requiredColumns.filter((c) => index[c] === undefined);
  if (Object.keys(index).length === 0)
    throw badFile(
      `The first row must be the header row, with the columns ${requiredColumns.join(', ')} (and optionally sex, status, source). Found: ${names.filter(Boolean).slice(0, 10).map(shown).join(', ') || 'nothing'}`,
      'NO_HEADER',
    );
  if (unknown.length > 0)
    throw badFile(
      `Unknown columns: ${unknown.map(shown).join(', ')}.${missing.length > 0 ? ` Missing columns: ${missing.join(', ')}.` : ''} Accepted columns (and other names for them): ${acceptedNames()}`,
      'UNKNOWN_COLUMNS',
    );
  if (repeated.length > 0) throw badFile(`Columns given twice: ${repeated.join('; ')}`, 'DUPLICATE_COLUMNS');
  if (missing.length > 0)
    throw badFile(
      `Missing columns: ${missing.join(', ')}. A file needs ${requiredColumns.join(', ')}, and may have sex, status and source. Accepted names: ${acceptedNames()}`,
      'MISSING_COLUMNS',
    );
  return { index, names };
}

// ---------------------------------------------------------------------------------------------
// The values

const SPACES = /[ \u00A0\u202F\u2009]/;

/**
 * A number as written in a Swedish or English file: "12,5" or "12.5", "64 979" (spaces as
 * thousands separators, also non-breaking), "−3" with a minus sign, "1e3". Undefined for anything
 * else, and for NaN and infinities.
 */
export function parseNumber(cell: Cell): number | undefined {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : undefined;
  let text = cell.trim().replace(/^\u2212/, '-');
  if (SPACES.test(text)) {
    if (!/^[+-]?\d{1,3}([ \u00A0\u202F\u2009]\d{3})+([.,]\d*)?$/.test(text)) return undefined;
    text = text.replace(new RegExp(SPACES.source, 'g'), '');
  }
  if (text.includes(',')) {
    if (text.includes('.') || text.indexOf(',') !== text.lastIndexOf(',')) return undefined;
    text = text.replace(',', '.');
  }
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text)) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

/** Reads a CSV or XLSX file in long format into values and row problems. */
export async function readLongFormatFile(
  buffer: Buffer,
  filename: string,
  options: { defaultSource?: string; maxRows?: number } = {},
): Promise<SourceResult> {
  const maxRows = options.maxRows ?? LONG_FORMAT_MAX_ROWS;
  if (buffer.length === 0) throw badFile('The file is empty', 'EMPTY_FILE');
  const kind = detectKind(buffer, filename);
  if (kind === 'json')
    throw badFile(
      'JSON files cannot be imported as indicator values: upload a CSV (UTF-8, ";" or ",") or an Excel .xlsx file with one value per row',
      'UNSUPPORTED_FORMAT',
    );
  const { rows, delimiter } =
    kind === 'xlsx'
      ? { rows: await readXlsxRows(buffer, maxRows), delimiter: undefined }
      : readCsvRows(buffer);
  const isEmpty = (r: RawRow) => r.cells.every((c) => cellText(c) === '');
  const headerAt = rows.findIndex((r) => !isEmpty(r));
  const header = rows[headerAt];
  if (!header) throw badFile('The file is empty', 'EMPTY_FILE');
  const body = rows.slice(headerAt + 1).filter((r) => !isEmpty(r));
  if (body.length > maxRows) throw tooManyRows(maxRows);
  const { index, names } = readHeader(header);
  if (body.length === 0) throw badFile('The file has a header row but no values', 'NO_ROWS');

  const defaultSource = (options.defaultSource ?? filename).trim() || filename;
  const values: ImportedValue[] = [];
  const problems: ImportProblem[] = [];
  const firstRowOf = new Map<string, number>();

  for (const { row, cells } of body) {
    const where = `row ${row}`;
    const rowProblems: string[] = [];
    const get = (column: LongFormatColumn): Cell => {
      const i = index[column];
      return i === undefined ? '' : (cells[i] ?? '');
    };
    const text = (column: LongFormatColumn) => cellText(get(column));
    const name = (column: LongFormatColumn) => shown(names[index[column] as number] ?? column);
    const fail = (column: LongFormatColumn, message: string) =>
      rowProblems.push(`Column ${name(column)}: ${message}`);

    const indicatorId = text('indicator');
    if (indicatorId === '') fail('indicator', 'the indicator is empty');
    else if (indicatorId.length > MAX_INDICATOR_LENGTH)
      fail('indicator', `${shown(indicatorId)} is longer than ${MAX_INDICATOR_LENGTH} characters`);
    else if (/\p{Cc}/u.test(indicatorId))
      fail('indicator', `${shown(indicatorId)} contains control characters`);

    const area = text('area_code');
    const areaCode = area.toUpperCase() === 'SE' ? 'SE' : area;
    if (area === '') fail('area_code', 'the area code is empty');
    else if (!/^(\d{2}|\d{4}|SE)$/.test(areaCode))
      fail(
        'area_code',
        `${shown(area)} is not an area code: use a municipality (4 digits, e.g. 2380), a county (2 digits, e.g. 23) or SE for Sweden${/^\d{1}$|^\d{3}$/.test(area) ? '. If Excel removed a leading zero, format the column as text' : ''}`,
      );

    const yearCell = get('year');
    const yearText = cellText(yearCell);
    const year = /^\d{4}$/.test(yearText) ? Number(yearText) : Number.NaN;
    if (yearText === '') fail('year', 'the year is empty');
    else if (!(year >= 1800 && year <= 2200))
      fail('year', `${shown(yearText)} is not a year from 1800 to 2200`);

    const sexText = text('sex');
    const sex = sexes.get(sexText.toLocaleLowerCase('sv'));
    if (!sex)
      fail('sex', `${shown(sexText)} is not a sex: use total, women or men (totalt, kvinnor, män; T, K, M)`);

    const valueCell = get('value');
    const value = parseNumber(valueCell);
    if (cellText(valueCell) === '') fail('value', 'the value is empty');
    else if (value === undefined)
      fail('value', `${shown(cellText(valueCell))} is not a number (write e.g. 12,5 or 12.5 or 64 979)`);

    const statusText = text('status');
    const status = statuses.get(statusText.toLocaleLowerCase('sv'));
    if (!status)
      fail('status', `${shown(statusText)} is not a status: use final or preliminary (slutlig, preliminär)`);

    const sourceText = text('source');
    if (sourceText.length > MAX_SOURCE_LENGTH)
      fail('source', `${shown(sourceText)} is longer than ${MAX_SOURCE_LENGTH} characters`);

    cells.forEach((cell, i) => {
      if ((names[i] ?? '') !== '' || cellText(cell) === '') return;
      rowProblems.push(
        `Column ${i + 1} has no header, but this row has ${shown(cellText(cell))} in it${delimiter === ',' ? ' (with "," between columns, a decimal comma must be inside quotes: "12,5")' : ''}`,
      );
    });

    if (rowProblems.length > 0) {
      for (const message of rowProblems) problems.push({ where, message });
      continue;
    }
    const key = JSON.stringify([indicatorId, areaCode, year, sex]);
    const first = firstRowOf.get(key);
    if (first !== undefined) {
      problems.push({
        where,
        message: `Same indicator, area, year and sex as row ${first} (${shown(indicatorId)}, ${areaCode}, ${year}, ${sex}): give each value once`,
      });
      continue;
    }
    firstRowOf.set(key, row);
    values.push({
      indicatorId,
      areaCode,
      year,
      sex: sex as Sex,
      value: value as number,
      status: status as ValueStatus,
      source: sourceText || defaultSource,
      where,
    });
  }
  return { values, problems };
}
