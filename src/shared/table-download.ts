/**
 * Every table the web app shows can be downloaded as CSV or Excel. CSV is written the way Swedish
 * Excel opens it without an import dialog: UTF-8 with BOM, ";" between fields, decimal comma.
 * The Excel file holds real numbers. Text that a spreadsheet would run as a formula is defused.
 */
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';

export const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** `?format=csv|xlsx` on a table endpoint; without it the endpoint answers JSON. */
export const downloadFormatQuery = {
  format: z.enum(['csv', 'xlsx']).optional().describe('Download the table as a file instead of JSON'),
};

/** A leading = + - @ makes Excel run the cell as a formula; a quote keeps it text. */
export const defuse = (value: string) =>
  /^[=+\-@\t\r]/.test(value) && !/^-?\d+([.,]\d+)?$/.test(value) ? `'${value}` : value;

/** A name Excel accepts for a sheet: no []:*?/\, at most 31 characters, no quote at either end. */
export function sheetNameFor(title: string): string {
  const name = title
    .replace(/[[\]:*?/\\]/g, ' ')
    .slice(0, 31)
    .replace(/^'+|'+$/g, '')
    .trim();
  return name === '' || name.toLowerCase() === 'history' ? 'Tabell' : name;
}

export type TableCell = string | number | null | undefined;
export type DownloadTable = {
  /** File name without extension, e.g. "befolkning-2024". */
  name: string;
  /** Sheet name in Excel (max 31 characters, no []:*?/\). */
  sheet: string;
  columns: Array<{ header: string; width?: number }>;
  rows: TableCell[][];
  /** Printed under the table ("Källa: SCB"), as the last line of the CSV and a row in Excel. */
  source?: string;
};

const csvCell = (cell: TableCell): string => {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell).replace('.', ',') : '';
  return defuse(cell);
};

export function tableToCsv(table: DownloadTable): Buffer {
  const rows = table.rows.map((r) => r.map(csvCell));
  if (table.source) rows.push([], [defuse(table.source)]);
  const text = stringify(rows, {
    header: true,
    // Headers can be user text too (e.g. a matrix's node labels).
    columns: table.columns.map((c) => defuse(c.header)),
    delimiter: ';',
    bom: true,
    record_delimiter: 'windows',
  });
  return Buffer.from(text, 'utf8');
}

export async function tableToXlsx(table: DownloadTable): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Regionkraft';
  const sheet = workbook.addWorksheet(sheetNameFor(table.sheet), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = table.columns.map((c) => ({ header: c.header, width: c.width ?? 16 }));
  sheet.getRow(1).font = { bold: true };
  for (const row of table.rows) {
    sheet.addRow(row.map((cell) => (typeof cell === 'string' ? defuse(cell) : (cell ?? null))));
  }
  if (table.source) {
    sheet.addRow([]);
    sheet.addRow([defuse(table.source)]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Sends the table as an attachment in the asked format. */
export async function sendTable(reply: FastifyReply, format: 'csv' | 'xlsx', table: DownloadTable) {
  const safeName = table.name.replace(/[^\p{L}\p{N}_.-]+/gu, '-');
  reply
    .header(
      'content-disposition',
      `attachment; filename="${safeName.replace(/[^\x20-\x7e]/g, '_')}.${format}"; filename*=UTF-8''${encodeURIComponent(safeName)}.${format}`,
    )
    .header('cache-control', 'no-store');
  if (format === 'xlsx') return reply.type(xlsxType).send(await tableToXlsx(table));
  return reply.type('text/csv; charset=utf-8').send(tableToCsv(table));
}
