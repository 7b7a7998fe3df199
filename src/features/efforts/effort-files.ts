/**
 * Reading and writing effort tables as files: Excel (.xlsx, exceljs) and CSV (UTF-8, ";" or ",",
 * csv-parse/csv-stringify). Reading never guesses silently: a file that is not UTF-8, has no
 * header row, or has unknown columns gets a message that says so.
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { defuse } from '../../shared/table-download.ts';
import { badFile, csvDelimiter, decodeCsvText, loadWorkbook } from '../../shared/uploaded-files.ts';
import {
  columnHelp,
  type EffortColumn,
  type EffortRecord,
  effortColumns,
  type Lookups,
  sourceLabels,
  statusLabels,
} from './effort-table.ts';

export type TableRow = { row: number; record: Record<string, string> };
export const sheetName = 'Insatser';
export const MAX_IMPORT_ROWS = 50_000;

export type FileKind = 'xlsx' | 'csv' | 'json';

/** Recognises the file by its first bytes (an .xlsx is a ZIP file), not only by its name. */
export function detectKind(buffer: Buffer, filename: string): FileKind {
  if (buffer.length >= 4 && buffer.readUInt32LE(0) === 0x04034b50) return 'xlsx';
  const name = filename.toLowerCase();
  if (name.endsWith('.xlsx')) throw badFile('The file is called .xlsx but is not an Excel workbook');
  if (name.endsWith('.json')) return 'json';
  const start = buffer.subarray(0, 64).toString('utf8').trimStart();
  if (start.startsWith('[') || start.startsWith('{')) return 'json';
  return 'csv';
}

function normaliseHeader(header: string): string {
  return header.trim().toLocaleLowerCase('sv').replace(/\s+/g, '_');
}

function checkHeaders(headers: string[]): void {
  const known = new Set<string>(effortColumns);
  const unknown = headers.filter((h) => h && !known.has(h));
  if (unknown.length > 0) {
    throw badFile(
      `Unknown columns: ${unknown.join(', ')}. Use the columns of the template: ${effortColumns.join(', ')}`,
      'UNKNOWN_COLUMNS',
    );
  }
  if (!headers.includes('titel'))
    throw badFile(
      'The first row must be the header row of the template (with the column titel)',
      'NO_HEADER',
    );
}

export function readCsv(buffer: Buffer): TableRow[] {
  const text = decodeCsvText(buffer);
  const delimiter = csvDelimiter(text);
  let rows: string[][];
  try {
    rows = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: true, bom: true });
  } catch (error) {
    throw badFile(`The CSV file cannot be read: ${(error as Error).message}`, 'BAD_CSV');
  }
  const [header = [], ...body] = rows;
  const headers = header.map(normaliseHeader);
  checkHeaders(headers);
  if (body.length > MAX_IMPORT_ROWS)
    throw badFile(`At most ${MAX_IMPORT_ROWS} rows per file`, 'TOO_MANY_ROWS');
  return body
    .map((cells, i) => ({
      row: i + 2,
      record: Object.fromEntries(headers.map((h, j) => [h, (cells[j] ?? '').trim()])),
    }))
    .filter((r) => Object.values(r.record).some((v) => v !== ''));
}

/** Cell text as a user sees it: dates as ÅÅÅÅ-MM-DD, numbers without thousands separators. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    return '';
  }
  return String(value);
}

export async function readXlsx(buffer: Buffer): Promise<TableRow[]> {
  const workbook = await loadWorkbook(buffer);
  const sheet = workbook.getWorksheet(sheetName) ?? workbook.worksheets[0];
  if (!sheet || sheet.rowCount === 0) throw badFile('The workbook has no rows', 'EMPTY_FILE');
  if (sheet.rowCount > MAX_IMPORT_ROWS + 1)
    throw badFile(`At most ${MAX_IMPORT_ROWS} rows per file`, 'TOO_MANY_ROWS');
  const headerRow = sheet.getRow(1);
  const headers: string[] = [];
  headerRow.eachCell({ includeEmpty: true }, (cell, col) => {
    headers[col - 1] = normaliseHeader(cellText(cell.value));
  });
  checkHeaders(headers);
  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const record: Record<string, string> = {};
    headers.forEach((h, i) => {
      if (h) record[h] = cellText(row.getCell(i + 1).value).trim();
    });
    if (Object.values(record).some((v) => v !== '')) rows.push({ row: rowNumber, record });
  });
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Writing

// A cell starting with = + - @ would be run as a formula by Excel (CSV injection): prefix it.
export function writeCsv(records: EffortRecord[]): Buffer {
  const text = stringify(
    records.map((r) => effortColumns.map((c) => defuse(r[c] ?? ''))),
    { header: true, columns: [...effortColumns], delimiter: ';', bom: true, record_delimiter: 'windows' },
  );
  return Buffer.from(text, 'utf8');
}

function addEffortSheet(workbook: ExcelJS.Workbook, records: EffortRecord[]) {
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = effortColumns.map((c) => ({
    header: c,
    key: c,
    width: ['titel', 'sammanfattning', 'beskrivning', 'kommuner', 'finansiering', 'partner'].includes(c)
      ? 40
      : 16,
  }));
  sheet.getRow(1).font = { bold: true };
  for (const r of records)
    sheet.addRow(Object.fromEntries(effortColumns.map((c) => [c, defuse(r[c] ?? '')])));
  effortColumns.forEach((c, i) => {
    const help = columnHelp[c as EffortColumn];
    if (help) sheet.getRow(1).getCell(i + 1).note = help;
  });
  return sheet;
}

export async function writeXlsx(records: EffortRecord[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Regionkraft';
  addEffortSheet(workbook, records);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The import template: the effort sheet with one example row, and a sheet of valid values. */
export async function writeTemplate(lookups: Lookups, example: EffortRecord): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Regionkraft';
  addEffortSheet(workbook, [example]);
  const help = workbook.addWorksheet('Instruktioner');
  help.columns = [
    { header: 'Kolumn / värde', key: 'a', width: 40 },
    { header: 'Förklaring', key: 'b', width: 100 },
  ];
  help.getRow(1).font = { bold: true };
  help.addRow({
    a: 'Så fungerar mallen',
    b: 'En rad per insats. Ta bort exempelraden. Listor i en cell skiljs med ; och delarna av en post med |.',
  });
  help.addRow({
    a: '',
    b: 'Importen kontrollerar alla rader först: är någon rad fel importeras ingenting och varje fel visas med rad och kolumn.',
  });
  help.addRow({});
  for (const c of effortColumns) help.addRow({ a: c, b: columnHelp[c as EffortColumn] ?? '' });
  help.addRow({});
  help.addRow({ a: 'Status', b: Object.values(statusLabels).join(', ') });
  help.addRow({
    a: 'Finansieringskällor',
    b: Object.entries(sourceLabels)
      .map(([k, v]) => `${k} (${v})`)
      .join(', '),
  });
  help.addRow({ a: 'Kommuner', b: lookups.municipalities.map((m) => `${m.name} (${m.code})`).join(', ') });
  help.addRow({ a: 'Samebyar', b: lookups.samebyar.map((s) => s.name).join(', ') });
  help.addRow({ a: 'Långsiktiga prioriteringar', b: lookups.priorities.map((p) => p.number).join(', ') });
  help.addRow({ a: 'Styrkeområden', b: lookups.strengthAreas.map((s) => s.name).join(', ') });
  help.addRow({ a: 'Nationella strategiska områden', b: lookups.nationalAreas.join(', ') });
  help.getColumn('b').alignment = { wrapText: true, vertical: 'top' };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
