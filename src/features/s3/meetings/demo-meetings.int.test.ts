/** The demo meetings load once: facts of 2020, example meetings and input; a second run adds nothing. */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, test } from 'vitest';
import * as schema from '../../../db/schema.ts';
import { buildTestApp } from '../../../test/test-database.ts';
import { seedDemoEfforts } from '../../efforts/demo-efforts.ts';
import { demoMeetings, seedDemoS3Meetings } from './demo-meetings.ts';

let t: Awaited<ReturnType<typeof buildTestApp>>;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => t?.close());

test('the 2020 dialogue meetings, example meetings and input; one input in the action plan; a second run adds nothing', async () => {
  await seedDemoEfforts(t.database.db, '23');
  // An example initiative of the areas part (which seeds before the meetings).
  const [energy] = await t.database.db
    .select({ id: schema.strengthAreas.id })
    .from(schema.strengthAreas)
    .where(eq(schema.strengthAreas.slug, 'hallbar-energi'));
  const [initiative] = await t.database.db
    .insert(schema.s3Initiatives)
    .values({ strengthAreaId: energy?.id as string, title: 'Laddinfrastruktur i inlandet', isExample: true })
    .returning();

  const inputCount = demoMeetings.reduce((n, m) => n + m.inputs.length, 0);
  expect(demoMeetings.length).toBeGreaterThanOrEqual(12);
  expect(inputCount).toBeGreaterThanOrEqual(10);
  expect(inputCount).toBeLessThanOrEqual(15);
  const first = await seedDemoS3Meetings(t.database.db, '23');
  expect(first).toEqual({ s3Meetings: demoMeetings.length, s3Inputs: inputCount });
  expect(await seedDemoS3Meetings(t.database.db, '23')).toEqual({ s3Meetings: 0, s3Inputs: 0 });

  const list = (await t.app.inject({ url: '/api/v1/s3/meetings?when=past' })).json().items;
  const august2020 = list.filter((m: { heldOn: string }) => m.heldOn.startsWith('2020-08'));
  expect(august2020.map((m: { heldOn: string }) => m.heldOn).sort()).toEqual([
    '2020-08-18',
    '2020-08-19',
    '2020-08-21',
    '2020-08-21',
  ]);
  expect(august2020.every((m: { placeKind: string }) => m.placeKind === 'digital')).toBe(true);
  const upcoming = (await t.app.inject({ url: '/api/v1/s3/meetings?when=upcoming' })).json().items;
  expect(
    upcoming.filter((m: { registrationOpen: boolean }) => m.registrationOpen).length,
  ).toBeGreaterThanOrEqual(2);
  const one = (await t.app.inject({ url: `/api/v1/s3/meetings/${august2020[0].id}` })).json();
  expect(one.notes).toContain('enligt regionens tidsplan 2020');

  const inputs = await t.database.db.select().from(schema.s3Inputs);
  expect(inputs.every((i) => i.isExample)).toBe(true);
  expect(inputs.filter((i) => i.status === 'in_action_plan').map((i) => i.initiativeId)).toEqual([
    initiative?.id,
  ]);
  const notTaken = inputs.filter((i) => i.status === 'not_taken');
  expect(notTaken.length).toBeGreaterThanOrEqual(1);
  expect(notTaken.every((i) => (i.statusReason ?? '').length > 10)).toBe(true);
  const municipalities = new Set(
    (await t.database.db.select().from(schema.s3Meetings)).flatMap((m) =>
      m.heldOn >= '2025-01-01' && m.areaCode ? [m.areaCode] : [],
    ),
  );
  expect(municipalities.size).toBeGreaterThanOrEqual(4);
  const organisations = await t.database.db.select().from(schema.s3MeetingOrganisations);
  expect(organisations.length).toBeGreaterThan(20);
});
