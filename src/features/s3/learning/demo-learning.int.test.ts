/** The example learning log: lessons citing the example meetings of their area, changes citing lessons; once. */
import { afterAll, beforeAll, expect, test } from 'vitest';
import * as schema from '../../../db/schema.ts';
import { buildTestApp } from '../../../test/test-database.ts';
import { seedDemoS3Learning } from './demo-learning.ts';

let t: Awaited<ReturnType<typeof buildTestApp>>;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => t?.close());

// biome-ignore lint/suspicious/noExplicitAny: test helper for JSON bodies
type Json = Record<string, any>;

test('six example lessons and three example changes citing them; a second run adds nothing', async () => {
  const db = t.database.db;
  const areas = await db.select().from(schema.strengthAreas);
  const energy = areas.find((a) => a.slug === 'hallbar-energi');
  // Example meetings as the meetings part seeds them: one held, one planned.
  const meetings = await db
    .insert(schema.s3Meetings)
    .values([
      {
        regionCode: '23',
        title: 'Öppet möte om energi',
        heldOn: '2024-06-01',
        placeKind: 'digital',
        format: 'open_meeting',
        isExample: true,
      },
      {
        regionCode: '23',
        title: 'Planerat möte',
        heldOn: '2099-06-01',
        placeKind: 'digital',
        format: 'open_meeting',
        isExample: true,
      },
    ])
    .returning({ id: schema.s3Meetings.id });
  await db
    .insert(schema.s3MeetingAreas)
    .values(meetings.map((m) => ({ meetingId: m.id, strengthAreaId: energy?.id as string })));

  expect(await seedDemoS3Learning(db, '23')).toEqual({ s3Lessons: 6, s3PriorityChanges: 3 });
  expect(await seedDemoS3Learning(db, '23')).toEqual({ s3Lessons: 0, s3PriorityChanges: 0 });

  const lessons = (await t.app.inject({ url: '/api/v1/s3/lessons' })).json().items as Json[];
  expect(lessons).toHaveLength(6);
  expect(lessons.every((l) => l.isExample)).toBe(true);
  const withMeetings = lessons.filter((l) => l.meetings.length > 0);
  // Only the energy lesson has an example meeting to cite, and only the one already held.
  expect(withMeetings.map((l) => [l.strengthArea.slug, l.meetings.map((m: Json) => m.title)])).toEqual([
    ['hallbar-energi', ['Öppet möte om energi']],
  ]);
  const changes = (await t.app.inject({ url: '/api/v1/s3/priority-changes' })).json().items as Json[];
  expect(changes.map((c) => c.kind).sort()).toEqual(['action_plan', 'priorities', 'sub_areas']);
  for (const c of changes) {
    expect(c.isExample).toBe(true);
    expect(c.lessons.length).toBeGreaterThan(0);
    for (const l of c.lessons) expect(l.learnedOn <= c.decidedOn).toBe(true);
  }
  expect(lessons.filter((l) => l.citedBy.length > 0)).toHaveLength(5);
});
