/** The demo content for goal conflicts loads from the shipped files, once. */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { buildTestApp } from '../../test/test-database.ts';
import { seedDemoEfforts } from '../efforts/demo-efforts.ts';
import { seedDemoConflicts } from './demo-conflicts.ts';

let t: Awaited<ReturnType<typeof buildTestApp>>;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => t?.close());

test('the four documented conflicts, the example matrix and two example consultations; a second run adds nothing', async () => {
  await seedDemoEfforts(t.database.db, '23');
  const first = await seedDemoConflicts(t.database.db, t.config.dataFilesDir, '23');
  expect(first).toEqual({ conflicts: 4, matrices: 1, consultations: 2 });
  expect(await seedDemoConflicts(t.database.db, t.config.dataFilesDir, '23')).toEqual({
    conflicts: 0,
    matrices: 0,
    consultations: 0,
  });

  const list = (await t.app.inject({ url: '/api/v1/goal-conflicts' })).json();
  expect(list.total).toBe(4);
  const wind = list.items.find((c: { title: string }) => c.title === 'Vindkraft mot renskötsel');
  const document = (await t.app.inject({ url: `/api/v1/goal-conflicts/${wind.id}` })).json();
  expect(document.sources.length).toBeGreaterThan(0);
  expect(document.sources.every((s: { url: string | null }) => s.url?.startsWith('https://'))).toBe(true);
  // The conflicts are documented facts; their handling steps are example content.
  expect(document.isExample).toBe(false);
  expect(document.steps.every((s: { isExample: boolean }) => s.isExample)).toBe(true);
  expect(document.places.map((p: { name: string }) => p.name)).toContain('Jijnjevaerie');

  const matrices = (await t.app.inject({ url: '/api/v1/interaction-matrices' })).json().items;
  expect(matrices).toHaveLength(1);
  const matrix = (await t.app.inject({ url: `/api/v1/interaction-matrices/${matrices[0].id}` })).json();
  expect(matrix.isExample).toBe(true);
  expect(matrix.nodes).toHaveLength(12);
  expect(matrix.scorers.map((s: { scoredCells: number }) => s.scoredCells)).toEqual([132, 132, 132]);
  // data/README.md lists the six cells where the example scorers differ by 3 or more.
  expect(matrix.disagreements).toHaveLength(6);
});
