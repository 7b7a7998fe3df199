/** The strength areas' demo data: visions, sub-areas, initiatives linked to demo efforts, logic; a second run adds nothing. */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { buildTestApp } from '../../../test/test-database.ts';
import { seedDemoUsers } from '../../access/demo-users.ts';
import { seedDemoEfforts } from '../../efforts/demo-efforts.ts';
import { seedDemoS3Areas } from './demo-areas.ts';

let t: Awaited<ReturnType<typeof buildTestApp>>;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => t?.close());

// biome-ignore lint/suspicious/noExplicitAny: test helper for JSON bodies
type Json = Record<string, any>;

test('example visions, sub-areas, initiatives and logic for the four areas; a second run adds nothing', async () => {
  await seedDemoUsers(t.database.db, '23');
  await seedDemoEfforts(t.database.db, '23');
  expect(await seedDemoS3Areas(t.database.db, '23')).toEqual({
    s3Visions: 4,
    s3SubAreas: 10,
    s3Initiatives: 8,
    s3LogicItems: 13,
  });
  expect(await seedDemoS3Areas(t.database.db, '23')).toEqual({
    s3Visions: 0,
    s3SubAreas: 0,
    s3Initiatives: 0,
    s3LogicItems: 0,
  });

  const overview = (await t.app.inject({ url: '/api/v1/s3/areas' })).json();
  expect(overview.items.map((a: Json) => [a.slug, a.vision.isExample])).toEqual([
    ['jord-skog-och-vatten', false],
    ['upplevelser', true],
    ['hallbar-energi', true],
    ['digitala-losningar', true],
  ]);
  expect(overview.items[0].vision.textSv).toContain('Källa:');
  for (const area of overview.items) {
    expect(area.counts.subAreas, area.slug).toBeGreaterThanOrEqual(2);
    expect(area.counts.initiatives, area.slug).toBeGreaterThanOrEqual(1);
  }

  const digital = (await t.app.inject({ url: '/api/v1/s3/areas/digitala-losningar' })).json();
  expect(digital.subAreas.every((s: Json) => s.isExample && s.needs)).toBe(true);
  expect(digital.initiatives.every((i: Json) => i.isExample)).toBe(true);
  // Initiatives are linked to the demo efforts they name.
  expect(digital.initiatives.some((i: Json) => i.efforts.length > 0)).toBe(true);
  const broadband = digital.logic.results.find((r: Json) => r.indicatorId === 'bredband_100mbit_hushall_pct');
  expect(broadband.measure).toMatchObject({ kind: 'indicator', latest: { year: 2019, value: 73 } });
  expect(digital.logic.outputs.some((o: Json) => o.measure?.kind === 'effort_indicator')).toBe(true);
  expect(digital.money.totals.totalSek).toBeGreaterThan(0);
});
