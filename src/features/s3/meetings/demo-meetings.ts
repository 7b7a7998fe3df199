/** Example data for this part of smart specialisation (`seed --demo`), labelled as example. */
import type { Db } from '../../../db/connection.ts';

export async function seedDemoS3Meetings(_db: Db, _regionCode: string): Promise<Record<string, number>> {
  return {};
}
