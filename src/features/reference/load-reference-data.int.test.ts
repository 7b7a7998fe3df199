import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { count, eq, getTableName, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as t from '../../db/schema.ts';
import { openTestDatabase, type TestDatabase, testConfig } from '../../test/test-database.ts';
import { loadReferenceData } from './load-reference-data.ts';
import { ReferenceDataError } from './reference-files.ts';

let database: TestDatabase;
const config = testConfig();
beforeEach(async () => {
  database = await openTestDatabase();
});
afterEach(async () => database?.dispose());

async function countRows() {
  const counts: Record<string, number> = {};
  for (const table of t.tablesInDependencyOrder) {
    const [row] = await database.db.select({ n: count() }).from(table);
    counts[getTableName(table)] = row?.n ?? 0;
  }
  return counts;
}

/** A copy of data/ that a test may break. */
function copyOfData(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rk-data-'));
  fs.cpSync(config.dataFilesDir, dir, { recursive: true });
  return dir;
}

describe('loadReferenceData', () => {
  it('loads the region and is idempotent', async () => {
    const first = await loadReferenceData(database.db, config.dataFilesDir, '23');
    expect(first).toMatchObject({
      areas: 20,
      sdgGoals: 17,
      sdgTargets: 169,
      priorities: 3,
      strengthAreas: 4,
    });
    const before = await countRows();
    const [docBefore] = await database.db
      .select()
      .from(t.steeringDocuments)
      .where(eq(t.steeringDocuments.key, 'rus-2050'));
    await loadReferenceData(database.db, config.dataFilesDir, '23');
    expect(await countRows()).toEqual(before);
    const [docAfter] = await database.db
      .select()
      .from(t.steeringDocuments)
      .where(eq(t.steeringDocuments.key, 'rus-2050'));
    // Same row, same id: links from other records survive a reload; unchanged rows are untouched.
    expect(docAfter?.id).toBe(docBefore?.id);
    expect(docAfter?.updatedAt).toEqual(docBefore?.updatedAt);
  });

  it('updates a changed value on reload', async () => {
    const dir = copyOfData();
    await loadReferenceData(database.db, dir, '23');
    const file = path.join(dir, 'regions', '23', 'population.csv');
    fs.writeFileSync(
      file,
      fs.readFileSync(file, 'utf8').replace('2380,2024,total,64979', '2380,2024,total,65000'),
    );
    await loadReferenceData(database.db, dir, '23');
    const [row] = await database.db
      .select()
      .from(t.indicatorValues)
      .where(
        sql`${t.indicatorValues.areaCode} = '2380' AND ${t.indicatorValues.year} = 2024 AND ${t.indicatorValues.sex} = 'total'`,
      );
    expect(row?.value).toBe(65000);
    // A changed text updates its row and its updated_at.
    const steeringFile = path.join(dir, 'regions', '23', 'steering.json');
    const [before] = await database.db
      .select()
      .from(t.longTermPriorities)
      .where(eq(t.longTermPriorities.number, 2));
    fs.writeFileSync(
      steeringFile,
      fs.readFileSync(steeringFile, 'utf8').replace('målkonflikter', 'målkonflikter (ändrad)'),
    );
    await loadReferenceData(database.db, dir, '23');
    const [after] = await database.db
      .select()
      .from(t.longTermPriorities)
      .where(eq(t.longTermPriorities.number, 2));
    expect(after?.titleSv).toContain('(ändrad)');
    expect(after?.id).toBe(before?.id);
    expect(after?.updatedAt.getTime()).toBeGreaterThan(before?.updatedAt.getTime() ?? 0);
  });

  it('loads nothing when one file is broken, and says which file and line', async () => {
    const dir = copyOfData();
    const file = path.join(dir, 'regions', '23', 'population.csv');
    fs.appendFileSync(file, '2380,2025,total,not-a-number,SCB\n');
    const error = await loadReferenceData(database.db, dir, '23').catch((e) => e);
    expect(error).toBeInstanceOf(ReferenceDataError);
    expect(error.message).toContain('population.csv');
    expect(error.message).toMatch(/line \d+: value/);
    const [regions] = await database.db.select({ n: count() }).from(t.regions);
    expect(regions?.n).toBe(0);
  });

  it('rejects a sameby pointing at a municipality that does not exist', async () => {
    const dir = copyOfData();
    fs.appendFileSync(path.join(dir, 'regions', '23', 'samebyar.csv'), 'Testby,2399,Nowhere,x,stated,src\n');
    await expect(loadReferenceData(database.db, dir, '23')).rejects.toThrow('unknown municipality 2399');
  });

  it('rolls back everything when the database rejects a row half-way', async () => {
    await loadReferenceData(database.db, config.dataFilesDir, '23');
    const before = await countRows();
    const dir = copyOfData();
    // Files that pass validation, but a database constraint rejects the last insert (a new
    // strength area), after the areas and priorities were already written in the transaction.
    const steeringFile = path.join(dir, 'regions', '23', 'steering.json');
    const steering = JSON.parse(fs.readFileSync(steeringFile, 'utf8'));
    steering.strengthAreas.push({ slug: 'ny', name: { sv: 'Nytt område', en: null } });
    steering.priorities[0].title.sv = 'Ändrad titel';
    fs.writeFileSync(steeringFile, JSON.stringify(steering));
    const file = path.join(dir, 'regions', '23', 'municipalities.geojson');
    const geo = JSON.parse(fs.readFileSync(file, 'utf8'));
    geo.features[0].properties.name = 'x'.repeat(10);
    fs.writeFileSync(file, JSON.stringify(geo));
    await database.db.execute(
      sql`ALTER TABLE strength_areas ADD CONSTRAINT test_no_new CHECK (slug <> 'ny')`,
    );
    await expect(loadReferenceData(database.db, dir, '23')).rejects.toThrow();
    expect(await countRows()).toEqual(before);
    const [priority] = await database.db
      .select()
      .from(t.longTermPriorities)
      .where(eq(t.longTermPriorities.number, 1));
    expect(priority?.titleSv).not.toBe('Ändrad titel');
    const [municipality] = await database.db
      .select()
      .from(t.areas)
      .where(eq(t.areas.code, geo.features[0].properties.code));
    expect(municipality?.name).not.toBe('x'.repeat(10));
  });

  it('refuses an unknown region with a clear message', async () => {
    await expect(loadReferenceData(database.db, config.dataFilesDir, '99')).rejects.toThrow(
      /region\.json.*cannot read/s,
    );
  });
});
