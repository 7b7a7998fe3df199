/**
 * Independent reads of one document: in parallel on the connection pool, but one after another
 * inside a transaction — a transaction has one connection, where pg would queue them anyway (and
 * warns that doing so becomes an error in its next major version).
 */
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Executor } from './connection.ts';

type Results<T extends readonly (() => PromiseLike<unknown>)[]> = {
  -readonly [K in keyof T]: Awaited<ReturnType<T[K]>>;
};

export async function readTogether<const T extends readonly (() => PromiseLike<unknown>)[]>(
  executor: Executor,
  reads: T,
): Promise<Results<T>> {
  if (!(executor instanceof PgTransaction))
    return (await Promise.all(reads.map((read) => read()))) as Results<T>;
  const results: unknown[] = [];
  for (const read of reads) results.push(await read());
  return results as Results<T>;
}
