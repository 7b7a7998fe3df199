import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { count, eq, getTableName, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadReferenceData } from '../features/reference/load-reference-data.ts';
import { openTestDatabase, type TestDatabase, testConfig } from '../test/test-database.ts';
import type { Db } from './connection.ts';
import { DumpFormatError, exportDatabase, importDatabase } from './dump.ts';
import * as t from './schema.ts';

let source: TestDatabase;
let target: TestDatabase;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rk-dump-'));
const dumpFile = path.join(dir, 'dump.sql');

beforeAll(async () => {
  source = await openTestDatabase();
  target = await openTestDatabase();
  await loadReferenceData(source.db, testConfig().dataFilesDir, '23');
  // Awkward values must survive: quotes, backslashes, Unicode, newlines, JSON-ish text.
  await source.db
    .update(t.areas)
    .set({ note: `O'Brien \\ "citat" ; DROP TABLE areas; -- åäö ÅÄÖ 🦌\nrad två` })
    .where(eq(t.areas.code, '2380'));
});
afterAll(async () => {
  await source?.dispose();
  await target?.dispose();
});

async function snapshot(db: Db) {
  const out: Record<string, unknown[]> = {};
  for (const table of t.tablesInDependencyOrder) {
    const rows = await db.select().from(table);
    out[getTableName(table)] = rows.map((r) => JSON.stringify(r)).sort();
  }
  return out;
}

describe('db export / import', () => {
  it('lists every table of the schema in tablesInDependencyOrder', async () => {
    const rows = (await source.db.execute(
      sql`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`,
    )) as unknown as { rows: { table_name: string }[] };
    expect(t.tablesInDependencyOrder.map(getTableName).sort()).toEqual(rows.rows.map((r) => r.table_name));
  });

  it('round-trips every row exactly into another database', async () => {
    const summary = await exportDatabase(source.db, dumpFile);
    expect(summary.tables.find((x) => x.table === 'sdg_targets')?.rows).toBe(169);
    const text = fs.readFileSync(dumpFile, 'utf8');
    expect(text.split('\n')[0]).toBe('-- regionkraft-dump format=1');
    expect(text.trimEnd().split('\n').at(-1)).toMatch(/^-- end rows=\d+$/);
    expect(fs.existsSync(`${dumpFile}.tmp`)).toBe(false);

    await importDatabase(target.db, dumpFile);
    expect(await snapshot(target.db)).toEqual(await snapshot(source.db));
    const [ostersund] = await target.db.select().from(t.areas).where(eq(t.areas.code, '2380'));
    expect(ostersund?.note).toContain('O\'Brien \\ "citat" ; DROP TABLE areas; -- åäö ÅÄÖ 🦌\nrad två');
  });

  it('importing twice gives the same data (replace, not append)', async () => {
    await importDatabase(target.db, dumpFile);
    const [n] = await target.db.select({ n: count() }).from(t.sdgTargets);
    expect(n?.n).toBe(169);
  });

  it('refuses a file that is not a dump, changing nothing', async () => {
    const before = await snapshot(target.db);
    const notDump = path.join(dir, 'not-a-dump.sql');
    fs.writeFileSync(notDump, 'DROP TABLE areas;\n');
    await expect(importDatabase(target.db, notDump)).rejects.toThrow(DumpFormatError);
    const empty = path.join(dir, 'empty.sql');
    fs.writeFileSync(empty, '');
    await expect(importDatabase(target.db, empty)).rejects.toThrow('is empty');
    await expect(importDatabase(target.db, path.join(dir, 'missing.sql'))).rejects.toThrow('No such file');
    const smuggled = path.join(dir, 'smuggled.sql');
    fs.writeFileSync(smuggled, '-- regionkraft-dump format=1\nDELETE FROM areas;\n-- end rows=0\n');
    await expect(importDatabase(target.db, smuggled)).rejects.toThrow('line 2: not an INSERT statement');
    // A valid-looking INSERT with a second statement after it.
    const valid = fs.readFileSync(dumpFile, 'utf8').split('\n');
    const areasLine = valid.find((l) => l.startsWith('INSERT INTO "areas"')) ?? '';
    for (const evil of [
      areasLine.replace(/\);$/, '); DROP TABLE regions CASCADE;--'),
      areasLine.replace("'[", "'[]'); DROP TABLE regions; SELECT ('"),
      areasLine.replace('INSERT INTO "areas"', 'INSERT INTO "pg_authid"'),
      areasLine.replace('"code", ', '"code", "no_such_column", '),
    ]) {
      fs.writeFileSync(smuggled, `-- regionkraft-dump format=1\n${evil}\n-- end rows=20\n`);
      await expect(importDatabase(target.db, smuggled)).rejects.toThrow(DumpFormatError);
    }
    expect(await snapshot(target.db)).toEqual(before);
  });

  it('refuses a truncated dump (no end line, or fewer rows than declared)', async () => {
    const before = await snapshot(target.db);
    const lines = fs.readFileSync(dumpFile, 'utf8').trimEnd().split('\n');
    const truncated = path.join(dir, 'truncated.sql');
    fs.writeFileSync(truncated, lines.slice(0, -1).join('\n'));
    await expect(importDatabase(target.db, truncated)).rejects.toThrow('no end line');
    const missingBatch = lines.filter((l) => !l.startsWith('INSERT INTO "sdg_targets"'));
    fs.writeFileSync(truncated, missingBatch.join('\n'));
    await expect(importDatabase(target.db, truncated)).rejects.toThrow(/declares \d+ rows but holds/);
    expect(await snapshot(target.db)).toEqual(before);
  });

  it('leaves no file behind when the export cannot be written', async () => {
    await expect(exportDatabase(source.db, path.join(dir, 'no-such-dir', 'x.sql'))).rejects.toThrow();
    expect(fs.existsSync(path.join(dir, 'no-such-dir'))).toBe(false);
  });

  it('is all or nothing: a broken statement half-way leaves the data as it was', async () => {
    const before = await snapshot(target.db);
    const lines = fs.readFileSync(dumpFile, 'utf8').split('\n');
    const idx = lines.findIndex((l) => l.startsWith('INSERT INTO "sdg_targets"'));
    lines[idx] = lines[idx]?.replace('"goal":1,', '"goal":"not a number",') ?? '';
    const broken = path.join(dir, 'broken.sql');
    fs.writeFileSync(broken, lines.join('\n'));
    await expect(importDatabase(target.db, broken)).rejects.toThrow();
    expect(await snapshot(target.db)).toEqual(before);
  });
});
