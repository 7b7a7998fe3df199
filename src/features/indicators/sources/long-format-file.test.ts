import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { HttpProblem } from '../../../server/problem.ts';
import { parseNumber, readLongFormatFile } from './long-format-file.ts';

const csv = (text: string) => Buffer.from(text, 'utf8');

async function fileProblem(promise: Promise<unknown>): Promise<HttpProblem> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HttpProblem);
  const problem = error as HttpProblem;
  expect(problem.status).toBe(422);
  return problem;
}

async function xlsx(fill: (sheet: ExcelJS.Worksheet, workbook: ExcelJS.Workbook) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  fill(workbook.addWorksheet('Värden'), workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('parseNumber', () => {
  test('Swedish and English numbers', () => {
    const cases: Array<[string | number, number]> = [
      ['12,5', 12.5],
      ['12.5', 12.5],
      ['64 979', 64979],
      ['64\u00A0979', 64979],
      ['10\u202F551\u202F707', 10551707],
      ['1 234,5', 1234.5],
      ['-3', -3],
      ['\u22123,5', -3.5],
      ['+7', 7],
      [' 0 ', 0],
      ['.5', 0.5],
      ['5.', 5],
      ['1e3', 1000],
      [64979.25, 64979.25],
    ];
    for (const [input, expected] of cases) expect(parseNumber(input), String(input)).toBe(expected);
  });

  test('anything else is not a number', () => {
    for (const input of [
      'abc',
      '',
      ' ',
      'NaN',
      'Infinity',
      '-Infinity',
      '1e999',
      '1,234.5',
      '1.234,5',
      '1,234,567',
      '12 %',
      '1 2',
      '12 34',
      '0x10',
      '12abc',
      '--1',
      Number.NaN,
      Number.POSITIVE_INFINITY,
    ]) {
      expect(parseNumber(input), String(input)).toBeUndefined();
    }
  });
});

describe('readLongFormatFile: CSV', () => {
  test('comma-separated with English headers', async () => {
    const file = csv(
      'indicator,area_code,year,sex,value,status,source\n' +
        'population,2380,2023,total,64979,final,SCB\n' +
        'population,23,2023,women,64876,,\n' +
        'unemployment,SE,2024,men,6.8,preliminary,AF\n',
    );
    const result = await readLongFormatFile(file, 'values.csv');
    expect(result.problems).toEqual([]);
    expect(result.values).toEqual([
      {
        indicatorId: 'population',
        areaCode: '2380',
        year: 2023,
        sex: 'total',
        value: 64979,
        status: 'final',
        source: 'SCB',
        where: 'row 2',
      },
      {
        indicatorId: 'population',
        areaCode: '23',
        year: 2023,
        sex: 'women',
        value: 64876,
        status: 'final',
        source: 'values.csv',
        where: 'row 3',
      },
      {
        indicatorId: 'unemployment',
        areaCode: 'SE',
        year: 2024,
        sex: 'men',
        value: 6.8,
        status: 'preliminary',
        source: 'AF',
        where: 'row 4',
      },
    ]);
  });

  test('semicolons, Swedish headers, decimal commas, spaces in numbers, BOM and CRLF', async () => {
    const file = csv(
      '\uFEFFIndikator;Kommun;År;Kön;Värde;Status;Källa\r\n' +
        'befolkning;2380;2023;Totalt;64\u00A0979;slutlig;Kolada\r\n' +
        'andel-kvinnor;2380;2023;kvinnor;49,7;Preliminär;\r\n' +
        'andel-kvinnor;se;2023;K;"49,8";;\r\n' +
        'andel-män;2321;2023;M;50,3;;\r\n' +
        'andel;2321;2023;;12;;\r\n',
    );
    const result = await readLongFormatFile(file, 'värden.csv', { defaultSource: 'Egen fil' });
    expect(result.problems).toEqual([]);
    expect(result.values.map((v) => [v.indicatorId, v.areaCode, v.sex, v.value, v.status, v.source])).toEqual(
      [
        ['befolkning', '2380', 'total', 64979, 'final', 'Kolada'],
        ['andel-kvinnor', '2380', 'women', 49.7, 'preliminary', 'Egen fil'],
        ['andel-kvinnor', 'SE', 'women', 49.8, 'final', 'Egen fil'],
        ['andel-män', '2321', 'men', 50.3, 'final', 'Egen fil'],
        ['andel', '2321', 'total', 12, 'final', 'Egen fil'],
      ],
    );
  });

  test('header names in other forms; no sex, status or source columns', async () => {
    for (const header of [
      'Indicator ID,Area Code,YEAR,Value',
      'indicator_id,municipality_code,ar,varde',
      'INDIKATOR,kommunkod,år,värde',
      'indicator,område,year,value',
      'indicator,omrade,year,value',
      'indicator,area,year,value',
    ]) {
      const result = await readLongFormatFile(csv(`${header}\nx,2380,2023,1\n`), 'f.csv');
      expect(result, header).toEqual({
        values: [
          {
            indicatorId: 'x',
            areaCode: '2380',
            year: 2023,
            sex: 'total',
            value: 1,
            status: 'final',
            source: 'f.csv',
            where: 'row 2',
          },
        ],
        problems: [],
      });
    }
  });

  test('row problems name the row as a spreadsheet shows it, the column and the value', async () => {
    const file = csv(
      [
        'indicator;area_code;year;sex;value;status', // row 1
        'ok;2380;2023;total;1;', // row 2
        '', // row 3: empty, skipped
        'ok;238;2023;total;1;', // row 4
        'ok;2380;23;total;1;', // row 5
        'ok;2380;2023;both;1;', // row 6
        'ok;2380;2023;total;abc;', // row 7
        ';2380;2023;total;;', // row 8
        '"multi\nline";2380;2023;total;2;', // rows 9–10 in the file, one record
        'ok;2380;1799;total;1;maybe', // row 10 as a spreadsheet shows it
        'ok;2380_RegSO2025;2023;total;1,5;', // row 11
        'ok;2380;2023;constructor;1;__proto__', // row 12
      ].join('\n'),
    );
    const result = await readLongFormatFile(file, 'f.csv');
    expect(result.values.map((v) => v.indicatorId)).toEqual(['ok']);
    expect(result.problems).toEqual([
      {
        where: 'row 4',
        message:
          'Column "area_code": "238" is not an area code: use a municipality (4 digits, e.g. 2380), a county (2 digits, e.g. 23) or SE for Sweden. If Excel removed a leading zero, format the column as text',
      },
      { where: 'row 5', message: 'Column "year": "23" is not a year from 1800 to 2200' },
      { where: 'row 6', message: expect.stringMatching(/^Column "sex": "both" is not a sex/) },
      {
        where: 'row 7',
        message: 'Column "value": "abc" is not a number (write e.g. 12,5 or 12.5 or 64 979)',
      },
      { where: 'row 8', message: 'Column "indicator": the indicator is empty' },
      { where: 'row 8', message: 'Column "value": the value is empty' },
      { where: 'row 9', message: 'Column "indicator": "multi\\nline" contains control characters' },
      { where: 'row 10', message: 'Column "year": "1799" is not a year from 1800 to 2200' },
      { where: 'row 10', message: expect.stringMatching(/^Column "status": "maybe" is not a status/) },
      { where: 'row 11', message: expect.stringContaining('"2380_RegSO2025" is not an area code') },
      { where: 'row 12', message: expect.stringMatching(/^Column "sex": "constructor" is not a sex/) },
      { where: 'row 12', message: expect.stringMatching(/^Column "status": "__proto__" is not a status/) },
    ]);
  });

  test('messages use the header as written in the file', async () => {
    const result = await readLongFormatFile(csv('Indikator;Kommun;År;Värde\nx;2380;2023;tio\n'), 'f.csv');
    expect(result.problems).toEqual([
      { where: 'row 2', message: expect.stringMatching(/^Column "Värde": "tio"/) },
    ]);
  });

  test('a repeated indicator, area, year and sex is a problem on the second row', async () => {
    const file = csv(
      'indicator;area_code;year;sex;value\n' +
        'x;2380;2023;total;1\n' +
        'x;2380;2023;women;2\n' +
        'x;2380;2023;T;3\n' +
        'x;2380;2024;total;4\n' +
        'x;2380;2023;;5\n',
    );
    const result = await readLongFormatFile(file, 'f.csv');
    expect(result.values.map((v) => v.value)).toEqual([1, 2, 4]);
    expect(result.problems).toEqual([
      { where: 'row 4', message: expect.stringMatching(/^Same indicator, area, year and sex as row 2 /) },
      { where: 'row 6', message: expect.stringMatching(/^Same indicator, area, year and sex as row 2 /) },
    ]);
  });

  test('a value in a column without a header is a row problem, with a hint about decimal commas', async () => {
    const result = await readLongFormatFile(
      csv('indicator,area_code,year,value\nx,2380,2023,12,5\n'),
      'f.csv',
    );
    expect(result.values).toEqual([]);
    expect(result.problems).toEqual([
      {
        where: 'row 2',
        message: expect.stringContaining('Column 5 has no header, but this row has "5" in it (with ","'),
      },
    ]);
  });

  test('long values are cut to 50 characters in messages; odd strings are just strings', async () => {
    const long = 'x'.repeat(5000);
    const injection = "'; DROP TABLE x; --";
    const file = csv(
      `indicator;area_code;year;value;source\n${long};2380;2023;1;\n"${injection}";2380;2023;1;${long}\n` +
        `<script>alert(1)</script>;2380;2023;=1+1;\nx;${long};${long};${long};\n`,
    );
    const result = await readLongFormatFile(file, 'f.csv');
    expect(result.values).toEqual([]);
    expect(result.problems.map((p) => p.where)).toEqual([
      'row 2',
      'row 3',
      'row 4',
      'row 5',
      'row 5',
      'row 5',
    ]);
    for (const p of result.problems) expect(p.message.length).toBeLessThan(250);
    expect(result.problems[0]?.message).toBe(
      `Column "indicator": "${'x'.repeat(50)}…" is longer than 100 characters`,
    );
    expect(result.problems[1]?.message).toMatch(/^Column "source": "x{50}…" is longer than 200 characters$/);
    expect(result.problems[2]?.message).toMatch(/^Column "value": "=1\+1" is not a number/);

    const fine = await readLongFormatFile(
      csv(`indicator;area_code;year;value\n"${injection}";2380;2023;1\n`),
      'f.csv',
    );
    expect(fine.values[0]?.indicatorId).toBe(injection);
  });

  test('control characters in an indicator id are a problem', async () => {
    const result = await readLongFormatFile(
      csv('indicator,area_code,year,value\n"a\u0007b",2380,2023,1\n'),
      'f.csv',
    );
    expect(result.problems).toEqual([
      { where: 'row 2', message: expect.stringContaining('control characters') },
    ]);
  });
});

describe('readLongFormatFile: whole-file problems', () => {
  const header = 'indicator;area_code;year;value\n';
  const cases: Array<[string, Buffer, string, string, RegExp?]> = [
    ['an empty file', Buffer.alloc(0), 'f.csv', 'EMPTY_FILE'],
    ['only blank lines', csv(' \n\n\r\n'), 'f.csv', 'EMPTY_FILE'],
    ['only a BOM', csv('\uFEFF'), 'f.csv', 'EMPTY_FILE'],
    [
      'Latin-1 text',
      Buffer.from(`${header}befolkning;2380;2023;1\nÖstersund;2380;2023;1\n`, 'latin1'),
      'f.csv',
      'NOT_UTF8',
      /UTF-8/,
    ],
    [
      'binary garbage',
      Buffer.from([0xff, 0xfe, 0x00, 0x81, 0x9f, 0xc3, 0x28, 0x00, 0x13]),
      'f.csv',
      'NOT_UTF8',
    ],
    ['valid UTF-8 with NUL bytes', csv('indicator\u0000;x\n\u0000\u0000'), 'f.bin', 'NOT_TEXT'],
    ['JSON', csv('[{"indicator": "x"}]'), 'values.json', 'UNSUPPORTED_FORMAT', /JSON/],
    ['a fake .xlsx', csv(header), 'f.xlsx', 'BAD_FILE', /not an Excel workbook/],
    [
      'a ZIP that is no workbook',
      Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100, 1)]),
      'f.xlsx',
      'BAD_XLSX',
    ],
    ['no header row', csv('befolkning;2380;2023;1\n'), 'f.csv', 'NO_HEADER', /header row/],
    [
      'a missing column',
      csv('indicator;area_code;year\nx;2380;2023\n'),
      'f.csv',
      'MISSING_COLUMNS',
      /^Missing columns: value\./,
    ],
    [
      'an unknown column',
      csv('indicator;area_code;year;value;comment\nx;2380;2023;1;hi\n'),
      'f.csv',
      'UNKNOWN_COLUMNS',
      /^Unknown columns: "comment"\./,
    ],
    [
      'a misspelt column',
      csv('indicator;area_code;yaer;value\n'),
      'f.csv',
      'UNKNOWN_COLUMNS',
      /"yaer".*Missing columns: year/,
    ],
    [
      'a column given twice',
      csv('indicator;kommun;area_code;year;value\n'),
      'f.csv',
      'DUPLICATE_COLUMNS',
      /kommun and area_code/,
    ],
    ['a header but no rows', csv(`${header}\n;;;\n`), 'f.csv', 'NO_ROWS'],
    ['an unclosed quote', csv(`${header}"x;2380;2023;1\n`), 'f.csv', 'BAD_CSV'],
  ];
  for (const [what, buffer, filename, code, message] of cases) {
    test(`${what} → ${code}`, async () => {
      const problem = await fileProblem(readLongFormatFile(buffer, filename));
      expect(problem.code).toBe(code);
      if (message) expect(problem.detail).toMatch(message);
    });
  }

  test('too many rows', async () => {
    const rows = Array.from({ length: 4 }, (_, i) => `x;2380;${2000 + i};1`).join('\n');
    const problem = await fileProblem(readLongFormatFile(csv(`${header}${rows}\n`), 'f.csv', { maxRows: 3 }));
    expect(problem.code).toBe('TOO_MANY_ROWS');
    expect(
      (await readLongFormatFile(csv(`${header}${rows}\n`), 'f.csv', { maxRows: 4 })).values,
    ).toHaveLength(4);

    const book = await xlsx((sheet) => {
      sheet.addRow(['indicator', 'area_code', 'year', 'value']);
      for (let i = 0; i < 4; i++) sheet.addRow(['x', '2380', 2000 + i, 1]);
    });
    expect((await fileProblem(readLongFormatFile(book, 'f.xlsx', { maxRows: 3 }))).code).toBe(
      'TOO_MANY_ROWS',
    );
  });
});

describe('readLongFormatFile: XLSX', () => {
  test('the first sheet: numbers, strings, rich text and formulas with their results', async () => {
    const book = await xlsx((sheet, workbook) => {
      sheet.addRow(['Indikator', 'Kommun', 'År', 'Kön', 'Värde', 'Status']);
      sheet.addRow(['befolkning', '2380', 2023, 'totalt', 64979, 'slutlig']);
      sheet.addRow(['befolkning', 23, 2023, 'kvinnor', '64 876', '']);
      sheet.addRow([
        { richText: [{ text: 'andel-' }, { font: { bold: true }, text: 'kvinnor' }] },
        'SE',
        { formula: '2022+1', result: 2023 },
        'K',
        { formula: 'E2/E3', result: 49.8 },
        'preliminär',
      ]);
      sheet.addRow([]);
      sheet.addRow(['andel', '2321', 2023, null, '12,5']);
      sheet.addRow(['andel', '2326', 2023, null, { formula: 'B1*2' }]);
      sheet.addRow(['andel', '2361', 2023, null, { error: '#DIV/0!' }]);
      const other = workbook.addWorksheet('Annat');
      other.addRow(['this sheet is not read']);
    });
    const result = await readLongFormatFile(book, 'värden.xlsx');
    expect(result.values).toEqual([
      {
        indicatorId: 'befolkning',
        areaCode: '2380',
        year: 2023,
        sex: 'total',
        value: 64979,
        status: 'final',
        source: 'värden.xlsx',
        where: 'row 2',
      },
      expect.objectContaining({ indicatorId: 'befolkning', areaCode: '23', sex: 'women', value: 64876 }),
      expect.objectContaining({
        indicatorId: 'andel-kvinnor',
        areaCode: 'SE',
        year: 2023,
        sex: 'women',
        value: 49.8,
        status: 'preliminary',
      }),
      expect.objectContaining({ indicatorId: 'andel', areaCode: '2321', sex: 'total', value: 12.5 }),
    ]);
    expect(result.problems).toEqual([
      {
        where: 'row 7',
        message: 'Column "Värde": "=B1*2" is not a number (write e.g. 12,5 or 12.5 or 64 979)',
      },
      { where: 'row 8', message: expect.stringMatching(/^Column "Värde": "#DIV\/0!" is not a number/) },
    ]);
  });

  test('a header further down and a number area code that lost its zero', async () => {
    const book = await xlsx((sheet) => {
      sheet.getCell('A3').value = 'indicator';
      sheet.getCell('B3').value = 'area_code';
      sheet.getCell('C3').value = 'year';
      sheet.getCell('D3').value = 'value';
      sheet.addRow(['x', 180, 2023, 1]);
      sheet.addRow(['x', 2380, 2023, 1]);
    });
    const result = await readLongFormatFile(book, 'f.xlsx');
    expect(result.values.map((v) => v.areaCode)).toEqual(['2380']);
    expect(result.problems).toEqual([{ where: 'row 4', message: expect.stringContaining('leading zero') }]);
  });

  test('an empty workbook', async () => {
    const book = await xlsx(() => {});
    expect((await fileProblem(readLongFormatFile(book, 'f.xlsx'))).code).toBe('EMPTY_FILE');
  });
});
