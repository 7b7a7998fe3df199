/**
 * Smart specialisation example data for `seed --demo`, in dependency order: the areas' visions,
 * sub-areas and action plans; the six steps and assessments; meetings and their input; the
 * learning log. Each part adds only what is missing, so a second run adds nothing.
 */
import type { Db } from '../../db/connection.ts';
import { seedDemoS3Areas } from './areas/demo-areas.ts';
import { seedDemoS3Learning } from './learning/demo-learning.ts';
import { seedDemoS3Meetings } from './meetings/demo-meetings.ts';
import { seedDemoS3Process } from './process/demo-process.ts';

export async function seedDemoS3(db: Db, regionCode: string) {
  return {
    ...(await seedDemoS3Areas(db, regionCode)),
    ...(await seedDemoS3Process(db, regionCode)),
    ...(await seedDemoS3Meetings(db, regionCode)),
    ...(await seedDemoS3Learning(db, regionCode)),
  };
}
