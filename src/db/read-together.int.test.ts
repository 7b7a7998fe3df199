import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../test/test-database.ts';
import { queryRows } from './connection.ts';
import { readTogether } from './read-together.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => database?.dispose());

test('reads give their results in order, outside and inside a transaction', async () => {
  const reads = [
    () => queryRows<{ n: number }>(database.db, sql`select 1 as n`),
    () => Promise.resolve('plain'),
  ] as const;
  expect(await readTogether(database.db, reads)).toEqual([[{ n: 1 }], 'plain']);
  const inside = await database.db.transaction((tx) =>
    readTogether(tx, [
      () => queryRows<{ n: number }>(tx, sql`select 2 as n`),
      () => Promise.resolve('plain'),
    ]),
  );
  expect(inside).toEqual([[{ n: 2 }], 'plain']);
});

test('inside a transaction the reads run one after another', async () => {
  const order: string[] = [];
  const slow = (name: string, ms: number) => async () => {
    order.push(`start ${name}`);
    await new Promise((resolve) => setTimeout(resolve, ms));
    order.push(`end ${name}`);
  };
  await database.db.transaction((tx) => readTogether(tx, [slow('a', 20), slow('b', 1)]));
  expect(order).toEqual(['start a', 'end a', 'start b', 'end b']);
  order.length = 0;
  await readTogether(database.db, [slow('a', 20), slow('b', 1)]);
  expect(order).toEqual(['start a', 'start b', 'end b', 'end a']);
});
