import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { defuse, sheetNameFor, tableToCsv, tableToXlsx } from './table-download.ts';

describe('defuse', () => {
  test.each([
    ['=HYPERLINK("http://x")', `'=HYPERLINK("http://x")`],
    ['+1+cmd', `'+1+cmd`],
    ["-2+3+cmd|' /C calc'!A0", `'-2+3+cmd|' /C calc'!A0`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['-12,5', '-12,5'],
    ['-3', '-3'],
    ['Källa: SCB', 'Källa: SCB'],
  ])('%s → %s', (input, output) => expect(defuse(input)).toBe(output));
});

describe('sheetNameFor', () => {
  test.each([
    ["'Citat'", 'Citat'],
    ["a'", 'a'],
    ['History', 'Tabell'],
    ['', 'Tabell'],
    ['Andel [%]: 25/64 år?', 'Andel  %   25 64 år'],
    ['x'.repeat(40), 'x'.repeat(31)],
  ])('%s → %s', (input, output) => expect(sheetNameFor(input)).toBe(output));

  test('every such name makes a workbook Excel can open', async () => {
    for (const title of ["'Citat'", "a'", 'History', `${'y'.repeat(30)}'z`]) {
      const buffer = await tableToXlsx({ name: 'x', sheet: title, columns: [{ header: 'A' }], rows: [[1]] });
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
      expect(workbook.worksheets[0]?.getRow(2).getCell(1).value).toBe(1);
    }
  });
});

test('CSV: BOM, semicolons, decimal comma, defused text, source last', () => {
  const csv = tableToCsv({
    name: 'x',
    sheet: 'x',
    columns: [{ header: 'Område' }, { header: 'Värde' }],
    rows: [
      ['Åre', 12.5],
      ['=1+1', null],
    ],
    source: 'Källa: SCB',
  }).toString('utf8');
  expect(csv).toBe("\uFEFFOmråde;Värde\r\nÅre;12,5\r\n'=1+1;\r\n\r\nKälla: SCB\r\n");
});

describe('tableToCsv', () => {
  test('headers are defused too (they can be user text, such as a matrix node label)', () => {
    const csv = tableToCsv({
      name: 'x',
      sheet: 'x',
      columns: [{ header: 'Nod' }, { header: '=HYPERLINK("http://evil/")' }, { header: '-Minskade utsläpp' }],
      rows: [['a', 1, -2]],
    })
      .toString('utf8')
      .replace(/^\uFEFF/, '');
    expect(csv.split('\r\n')[0]).toBe(`Nod;"'=HYPERLINK(""http://evil/"")";'-Minskade utsläpp`);
    expect(csv.split('\r\n')[1]).toBe('a;1;-2');
  });
});
