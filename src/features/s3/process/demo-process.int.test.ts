/** The example steps and self-assessments load once; a second run adds nothing. */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { buildTestApp } from '../../../test/test-database.ts';
import { seedDemoS3Process } from './demo-process.ts';

let t: Awaited<ReturnType<typeof buildTestApp>>;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => t?.close());

test('six example steps and two example assessments per area; a second run adds nothing', async () => {
  expect(await seedDemoS3Process(t.database.db, '23')).toEqual({ s3Steps: 24, s3Assessments: 8 });
  expect(await seedDemoS3Process(t.database.db, '23')).toEqual({ s3Steps: 0, s3Assessments: 0 });

  const steps = (await t.app.inject({ url: '/api/v1/s3/areas/jord-skog-och-vatten/steps' })).json().items;
  expect(steps.map((s: { status: string }) => s.status)).toEqual([
    'done',
    'done',
    'done',
    'ongoing',
    'ongoing',
    'ongoing',
  ]);
  expect(steps.every((s: { isExample: boolean; version: number }) => s.isExample && s.version === 1)).toBe(
    true,
  );
  expect(steps[0].deliverables.map((d: { title: string }) => d.title)).toEqual([
    'OECD Territorial Reviews: Northern Sparsely Populated Areas (2017)',
    'Oxford Research: Analys och kunskapsunderlag för smart specialisering',
  ]);
  expect(steps[2]).toMatchObject({ startedOn: '2020-10-01', dueOn: '2021-03-31' });

  const digital = (await t.app.inject({ url: '/api/v1/s3/areas/digitala-losningar/steps' })).json().items;
  expect(digital[5].status).toBe('not_started');

  const list = (await t.app.inject({ url: '/api/v1/s3/areas/hallbar-energi/assessments' })).json().items;
  expect(list.map((a: { assessedOn: string }) => a.assessedOn)).toEqual(['2026-05-12', '2024-05-14']);
  expect(
    list.every((a: { isExample: boolean; scores: unknown[] }) => a.isExample && a.scores.length === 18),
  ).toBe(true);
  expect(list[0].means.overall).toBeGreaterThan(list[1].means.overall);
});
