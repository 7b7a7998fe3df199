/**
 * The first steps of reading any uploaded table (efforts, indicator values): recognise the file,
 * decode CSV text strictly as UTF-8, find its delimiter, open an Excel workbook. Each failure is
 * a 422 with a message that tells the user what to do.
 */
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
