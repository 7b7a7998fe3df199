import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { type SQL, sql } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock.ts';
import * as schema from './schema.ts';

/** One query type for both drivers: the rest of the code never asks which one it has. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** The handle a `db.transaction(async (tx) => …)` callback gets. */
export type DbTransaction = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Either the database or an open transaction: reads work on both. */
export type Executor = Db | DbTransaction;

export type DatabaseKind = 'pglite' | 'postgres';

export type Database = {
  db: Db;
  kind: DatabaseKind;
  /** Human-readable location, without credentials. */
  location: string;
  migrate: () => Promise<void>;
  close: () => Promise<void>;
};

export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

export type DatabaseOptions =
  | { kind: 'postgres'; url: string; poolSize?: number }
  /** dataDir undefined: an in-memory PGlite (tests). */
  | { kind: 'pglite'; dataDir: string | undefined };

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://(unparseable URL)';
  }
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
    // An idle client losing its connection (PostgreSQL restart, failover) emits 'error' on the
    // pool; unhandled, that would end the process. The pool replaces the client, and requests
    // meanwhile fail and /health/ready answers 503.
    pool.on('error', (error) => console.error(`[regionkraft] PostgreSQL connection lost: ${error.message}`));
    // Check the connection now, so a wrong URL fails at start with a clear message.
    const client = await pool.connect().catch(async (error: Error) => {
      await pool.end();
      throw new Error(`Cannot connect to PostgreSQL at ${redactUrl(options.url)}: ${error.message}`);
    });
    client.release();
    const db = drizzleNodePg(pool, { schema }) as unknown as Db;
    return {
      db,
      kind: 'postgres',
      location: redactUrl(options.url),
      migrate: async () => {
        // Several app servers may start at once against one PostgreSQL: serialise migrations.
        const lockClient = await pool.connect();
        try {
          await lockClient.query('SELECT pg_advisory_lock(4711202623)');
          await migrateNodePg(drizzleNodePg(lockClient, { schema }), { migrationsFolder });
        } finally {
          await lockClient.query('SELECT pg_advisory_unlock(4711202623)').catch(() => {});
          lockClient.release();
        }
      },
      close: () => pool.end(),
    };
  }

  let lock: DataDirLock | undefined;
  let pglite: PGlite;
  if (options.dataDir) {
    lock = acquireDataDirLock(options.dataDir);
    try {
      pglite = new PGlite(path.join(options.dataDir, 'pgdata'));
      await pglite.waitReady;
    } catch (error) {
      lock.release();
      throw error;
    }
  } else {
    pglite = new PGlite();
    await pglite.waitReady;
  }
  const db = drizzlePglite(pglite, { schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    location: options.dataDir ?? '(in memory)',
    migrate: () => migratePglite(drizzlePglite(pglite, { schema }), { migrationsFolder }),
    close: async () => {
      try {
        await pglite.close();
      } finally {
        lock?.release();
      }
    },
  };
}

export async function pingDatabase(db: Db): Promise<void> {
  await db.execute(sql`SELECT 1`);
}

/** Runs raw SQL and returns its rows; both drivers return `{ rows }`. */
export async function queryRows<T>(db: Pick<Db, 'execute'>, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as { rows: T[] };
  return result.rows;
}
