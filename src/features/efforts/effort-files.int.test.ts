/** Import and export of efforts through the API: template, CSV, Excel, JSON; bad files change nothing. */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildTestApp } from '../../test/test-database.ts';
import { createTestUsers, signIn, type TestUsers } from '../../test/test-users.ts';
import { effortColumns } from './effort-table.ts';

let t: Awaited<ReturnType<typeof buildTestApp>>;
let fx: TestUsers;
let editor: string;

beforeAll(async () => {
  t = await buildTestApp();
  fx = await createTestUsers(t.app);
  editor = await signIn(t.app, fx.users.editor.email);
});
afterAll(async () => t?.close());

const header = effortColumns.join(';');
const csvRow = (cells: Partial<Record<(typeof effortColumns)[number], string>>) =>
  effortColumns
    .map((c) => {
      const v = cells[c] ?? '';
      return /[;"\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
    })
    .join(';');

const upload = (app: typeof t.app, cookie: string, body: Buffer | string, filename: string, dryRun = false) =>
  app.inject({
    method: 'POST',
    url: `/api/v1/efforts/import?filename=${encodeURIComponent(filename)}${dryRun ? '&dryRun=true' : ''}`,
    headers: { cookie, 'content-type': 'application/octet-stream' },
    payload: typeof body === 'string' ? Buffer.from(body, 'utf8') : body,
  });

const count = async (cookie = editor) =>
  (await t.app.inject({ url: '/api/v1/efforts?limit=1', headers: { cookie } })).json().total as number;

describe('import', () => {
  test('a good CSV with semicolons, decimal commas and Swedish labels imports; the same file again updates', async () => {
    const csv = [
      header,
      csvRow({
        diarienummer: 'RUN/2026/1',
        titel: 'Fjällturism året runt',
        status: 'pågående',
        startdatum: '2026-01-01',
        slutdatum: '2027-12-31',
        ägare: fx.orgA.name,
        synlighet: 'publicerad',
        målgrupper: 'Små företag; Unga',
        kommuner: 'Åre|33,33; Berg|33,33; 2380|33,34',
        samebyar: 'Voernese',
        partner: `${fx.orgB.name}|genomförare`,
        finansiering: `1:1|2026|1 500 000|beslutad; ERUF|2026|2 250 000,00|beslutad|${fx.orgPublished.name}`,
        prioriteringar: '1; 2',
        styrkeområden: 'Upplevelser',
        nationella_områden: '2',
        agenda2030_delmål: '8.9; 12.b',
        bedömning_ekonomisk: '+2',
        bedömning_miljö: '−1',
        motivering_miljö: 'Fler resor',
      }),
      csvRow({ diarienummer: 'RUN/2026/2', titel: 'Hela länet', status: 'planned', hela_länet: 'ja' }),
    ].join('\r\n');
    const before = await count();
    const response = await upload(t.app, editor, csv, 'insatser.csv');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ rows: 2, created: 2, updated: 0, errors: [] });
    expect(await count()).toBe(before + 2);
    const list = await t.app.inject({
      url: `/api/v1/efforts?q=${encodeURIComponent('fjällturism')}`,
      headers: { cookie: editor },
    });
    const effort = (
      await t.app.inject({ url: `/api/v1/efforts/${list.json().items[0].id}`, headers: { cookie: editor } })
    ).json();
    expect(effort.fundingTotals.totalSek).toBe(3_750_000);
    expect(effort.funding[1].financier.name).toBe(fx.orgPublished.name);
    expect(effort.reach.municipalities.map((m: { share: number }) => m.share)).toEqual([33.34, 33.33, 33.33]);
    expect(
      effort.assessments.map((a: { dimension: string; score: number }) => [a.dimension, a.score]),
    ).toEqual([
      ['economic', 2],
      ['environmental', -1],
    ]);
    const again = await upload(t.app, editor, csv, 'insatser.csv');
    expect(again.json()).toMatchObject({ created: 0, updated: 2 });
    expect(await count()).toBe(before + 2);
  });

  test('bad rows: nothing is imported and every bad row is reported with column and reason', async () => {
    const csv = [
      header,
      csvRow({ diarienummer: 'RUN/BAD/1', titel: 'Bra rad', status: 'planerad' }),
      csvRow({ diarienummer: 'RUN/BAD/2', titel: '', status: 'kanske', kommuner: 'Åre|60; Berg|30' }),
      csvRow({
        diarienummer: 'RUN/BAD/3',
        titel: 'Fel pengar',
        status: 'planerad',
        finansiering: 'erdf|2026|12,5|beslutad',
        ägare: 'Okänd AB',
      }),
      csvRow({ diarienummer: 'RUN/BAD/1', titel: 'Dubblett', status: 'planerad' }),
    ].join('\n');
    const before = await count();
    const response = await upload(t.app, editor, csv, 'fel.csv');
    expect(response.statusCode).toBe(422);
    const { errors } = response.json() as { errors: Array<{ row: number; column: string; message: string }> };
    expect(errors.map((e) => [e.row, e.column])).toEqual(
      expect.arrayContaining([
        [3, 'titel'],
        [3, 'status'],
        [4, 'finansiering'],
        [4, 'ägare'],
        [5, 'diarienummer'],
      ]),
    );
    expect(errors.some((e) => e.row === 2)).toBe(false);
    expect(await count()).toBe(before);
  });

  test('a negative score without rationale and shares not adding up are reported by column', async () => {
    const csv = [
      header,
      csvRow({
        diarienummer: 'RUN/X/1',
        titel: 'X',
        status: 'planerad',
        kommuner: 'Åre|60; Berg|30',
        bedömning_social: '-2',
      }),
    ].join('\n');
    const response = await upload(t.app, editor, csv, 'x.csv');
    expect(
      response
        .json()
        .errors.map((e: { column: string }) => e.column)
        .sort(),
    ).toEqual(['kommuner', 'motivering_social']);
  });

  test('wrong encoding, empty file, unknown columns, a broken workbook: clear problems, nothing imported', async () => {
    const before = await count();
    const latin1 = Buffer.from(`${header}\nRUN/L/1;Östersund växer;planerad\n`, 'latin1');
    const cases: Array<[Buffer | string, string, string]> = [
      [latin1, 'latin1.csv', 'NOT_UTF8'],
      ['', 'tom.csv', 'EMPTY_FILE'],
      ['   \n\n', 'blank.csv', 'EMPTY_FILE'],
      ['namn;belopp\nx;1\n', 'annan.csv', 'UNKNOWN_COLUMNS'],
      [
        Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('not really a zip')]),
        'trasig.xlsx',
        'BAD_XLSX',
      ],
      ['this is not excel', 'fake.xlsx', 'BAD_FILE'],
    ];
    for (const [body, name, code] of cases) {
      const response = await upload(t.app, editor, body, name);
      expect(response.statusCode, name).toBe(422);
      expect(response.json().code, name).toBe(code);
    }
    expect(await count()).toBe(before);
  });

  test('only editors and administrators import; anonymous users get 401', async () => {
    const csv = `${header}\n${csvRow({ diarienummer: 'RUN/P/1', titel: 'P', status: 'planerad' })}`;
    expect((await upload(t.app, await signIn(t.app, fx.users.partner.email), csv, 'p.csv')).statusCode).toBe(
      403,
    );
    expect((await upload(t.app, await signIn(t.app, fx.users.viewer.email), csv, 'p.csv')).statusCode).toBe(
      403,
    );
    expect((await upload(t.app, '', csv, 'p.csv')).statusCode).toBe(401);
  });

  test('a dry run checks and writes nothing', async () => {
    const before = await count();
    const csv = `${header}\n${csvRow({ diarienummer: 'RUN/DRY/1', titel: 'Torrkörning', status: 'planerad' })}`;
    const response = await upload(t.app, editor, csv, 'dry.csv', true);
    expect(response.json()).toMatchObject({ rows: 1, created: 0, dryRun: true, errors: [] });
    expect(await count()).toBe(before);
  });
});

describe('template and export', () => {
  test('the template is a workbook with the columns and an instructions sheet, and imports as it is', async () => {
    const response = await t.app.inject({ url: '/api/v1/efforts/template.xlsx' });
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Insatser', 'Instruktioner']);
    const sheet = workbook.getWorksheet('Insatser');
    const headers = ((sheet ? sheet.getRow(1).values : []) as string[]).slice(1);
    expect(headers).toEqual([...effortColumns]);
    const dry = await upload(t.app, editor, response.rawPayload, 'mall.xlsx', true);
    expect(dry.json(), dry.body).toMatchObject({ rows: 1, errors: [] });
  });

  test('export → import into an empty database gives the same efforts (CSV and Excel)', async () => {
    const exported = await t.app.inject({
      url: '/api/v1/efforts/export?format=csv',
      headers: { cookie: editor },
    });
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toContain('text/csv');
    expect(exported.headers['content-disposition']).toMatch(
      /attachment; filename="insatser-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    const xlsx = await t.app.inject({
      url: '/api/v1/efforts/export?format=xlsx',
      headers: { cookie: editor },
    });

    const fresh = await buildTestApp();
    try {
      const freshFixtures = await createTestUsers(fresh.app);
      expect(freshFixtures.orgA.name).toBe(fx.orgA.name);
      const freshEditor = await signIn(fresh.app, fx.users.editor.email);
      const imported = await upload(fresh.app, freshEditor, exported.rawPayload, 'export.csv');
      expect(imported.statusCode, imported.body).toBe(200);
      const reExported = await fresh.app.inject({
        url: '/api/v1/efforts/export?format=csv',
        headers: { cookie: freshEditor },
      });
      expect(reExported.body).toBe(exported.body);
      const viaExcel = await upload(fresh.app, freshEditor, xlsx.rawPayload, 'export.xlsx');
      expect(viaExcel.json()).toMatchObject({ created: 0, errors: [] });
      const afterExcel = await fresh.app.inject({
        url: '/api/v1/efforts/export?format=csv',
        headers: { cookie: freshEditor },
      });
      expect(afterExcel.body).toBe(exported.body);
    } finally {
      await fresh.close();
    }
  });

  test('the JSON export imports back into the same database without duplicates', async () => {
    const json = await t.app.inject({
      url: '/api/v1/efforts/export?format=json',
      headers: { cookie: editor },
    });
    const documents = json.json() as Array<{ diarienummer: string | null }>;
    expect(documents.length).toBeGreaterThan(0);
    const before = await count();
    const withNumbers = documents.filter((d) => d.diarienummer);
    const response = await upload(t.app, editor, JSON.stringify(withNumbers), 'export.json');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ created: 0, updated: withNumbers.length });
    expect(await count()).toBe(before);
  });

  test('anonymous exports hold published efforts only; formulas in cells are defused', async () => {
    const csv = [
      header,
      csvRow({
        diarienummer: 'RUN/F/1',
        titel: '=HYPERLINK("http://evil.example","klicka")',
        status: 'planerad',
        synlighet: 'publicerad',
      }),
    ].join('\n');
    expect((await upload(t.app, editor, csv, 'f.csv')).statusCode).toBe(200);
    const anonymous = await t.app.inject({ url: '/api/v1/efforts/export?format=csv' });
    expect(anonymous.body).toContain(`'=HYPERLINK`);
    // Internal efforts stay out (the bulk efforts below are not imported yet; RUN/2026/2 is internal).
    expect(anonymous.body).not.toContain('RUN/2026/2');
    const lines = anonymous.body.trim().split('\r\n');
    const all = await t.app.inject({ url: '/api/v1/efforts/export?format=csv', headers: { cookie: editor } });
    expect(all.body.trim().split('\r\n').length).toBeGreaterThan(lines.length);
  });
});

describe('a 20 000-row file', () => {
  test('imports in one go, and a bad last row stops all of it', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) =>
      csvRow({
        diarienummer: `BULK/${i}`,
        titel: `Massinsats ${i}`,
        status: 'pågående',
        kommuner: 'Åre|50; Östersund|50',
        finansiering: `1:1|2026|${1000 + i}|beslutad`,
        prioriteringar: '1',
      }),
    );
    const bad = [
      header,
      ...rows.slice(0, 19_999),
      csvRow({ diarienummer: 'BULK/19999', titel: 'Sista', status: 'fel' }),
    ].join('\n');
    const before = await count();
    const refused = await upload(t.app, editor, bad, 'bulk.csv');
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors).toEqual([{ row: 20001, column: 'status', message: expect.any(String) }]);
    expect(await count()).toBe(before);
    const started = performance.now();
    const ok = await upload(t.app, editor, [header, ...rows].join('\n'), 'bulk.csv');
    const seconds = (performance.now() - started) / 1000;
    expect(ok.statusCode, ok.body.slice(0, 500)).toBe(200);
    expect(ok.json()).toMatchObject({ rows: 20_000, created: 20_000 });
    expect(await count()).toBe(before + 20_000);
    console.log(`20 000-row import: ${seconds.toFixed(1)} s`);
  }, 300_000);
});
