/**
 * The first steps of reading any uploaded table (efforts, indicator values): recognise the file,
 * decode CSV text strictly as UTF-8, find its delimiter, open an Excel workbook. Each failure is
 * a 422 with a message that tells the user what to do.
 */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { HttpProblem } from '../server/problem.ts';

export const badFile = (detail: string, code = 'BAD_FILE') =>
  new HttpProblem(422, 'Unprocessable Content', detail, undefined, code);

/** UTF-8 text without BOM; refuses other encodings, empty files and binary data. */
export function decodeCsvText(buffer: Buffer): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    throw badFile(
      'The file is not UTF-8 text. In Excel, save it as "CSV UTF-8 (kommaavgränsad)" or upload the .xlsx file.',
      'NOT_UTF8',
    );
  }
  text = text.replace(/^\uFEFF/, '');
  if (text.trim() === '') throw badFile('The file is empty', 'EMPTY_FILE');
  if (text.includes('\u0000'))
    throw badFile('The file contains binary data: upload a CSV text file or an .xlsx workbook', 'NOT_TEXT');
  return text;
}

/** ";" (Swedish Excel) or ",", whichever the header line has more of. */
export function csvDelimiter(text: string): ';' | ',' {
  const firstLine = text.trimStart().split(/\r\n|\r|\n/, 1)[0] ?? '';
  const count = (char: string) => firstLine.split(char).length - 1;
  return count(';') >= count(',') ? ';' : ',';
}

export async function loadWorkbook(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  } catch {
    throw badFile('The Excel file cannot be opened (damaged, or not an .xlsx workbook)', 'BAD_XLSX');
  }
  return workbook;
}

/** A cell as read: text, or a number straight from an Excel number cell. */
export type Cell = string | number;
export type RawRow = { row: number; cells: Cell[] };

/** The rows of a CSV file with their row numbers (as a spreadsheet shows them). */
export function readCsvRows(buffer: Buffer): { rows: RawRow[]; delimiter: string } {
  const text = decodeCsvText(buffer);
  const delimiter = csvDelimiter(text);
  let records: string[][];
  try {
    records = parse(text, { delimiter, relax_column_count: true, relax_quotes: true });
  } catch (error) {
    throw badFile(`The CSV file cannot be read: ${(error as Error).message}`, 'BAD_CSV');
  }
  // Empty lines are records too, so the index is the row number a spreadsheet shows.
  return { rows: records.map((cells, i) => ({ row: i + 1, cells })), delimiter };
}

/** The cell as the user sees it: numbers stay numbers, formulas give their result. */
export function xlsxCell(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('error' in value) return String(value.error);
  if ('formula' in value || 'sharedFormula' in value) {
    const { result } = value as ExcelJS.CellFormulaValue;
    if (result === undefined || result === null)
      return `=${(value as ExcelJS.CellFormulaValue).formula ?? (value as ExcelJS.CellSharedFormulaValue).sharedFormula}`;
    return xlsxCell(result as ExcelJS.CellValue);
  }
  if ('text' in value) return xlsxCell(value.text as ExcelJS.CellValue);
  return '';
}

/** The first sheet's rows with their row numbers; at most maxRows rows below the header. */
export async function readXlsxRows(buffer: Buffer, maxRows: number): Promise<RawRow[]> {
  const workbook = await loadWorkbook(buffer);
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.actualRowCount === 0) throw badFile('The workbook has no rows', 'EMPTY_FILE');
  if (sheet.actualRowCount > maxRows + 1) throw tooManyRows(maxRows);
  const rows: RawRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: Cell[] = [];
    for (let col = 1; col <= row.cellCount; col++) cells.push(xlsxCell(row.getCell(col).value));
    rows.push({ row: rowNumber, cells });
  });
  return rows;
}

export const tooManyRows = (maxRows: number) =>
  badFile(`At most ${maxRows.toLocaleString('en')} value rows per file: split the file`, 'TOO_MANY_ROWS');
