/**
 * Logical export/import of all data as an SQL file. The file holds only data (INSERT statements,
 * one per line); the schema comes from the migrations. That makes a dump portable between PGlite
 * versions and between PGlite and PostgreSQL, which a copy of PGlite's data folder is not.
 *
 * Each row batch is inserted with json_populate_recordset, so every column type round-trips
 * through its JSON form without hand-written literal quoting per type.
 */
import fs from 'node:fs';
import readline from 'node:readline';
import { getTableName, sql } from 'drizzle-orm';
import { getTableConfig } from 'drizzle-orm/pg-core';
import { type Db, queryRows } from './connection.ts';
import { tablesInDependencyOrder } from './schema.ts';

const FORMAT_LINE = '-- regionkraft-dump format=1';
const BATCH = 500;

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;
const quoteLiteral = (text: string) => `'${text.replaceAll("'", "''")}'`;

function tableInfo(table: (typeof tablesInDependencyOrder)[number]) {
  const config = getTableConfig(table);
  return { name: getTableName(table), columns: config.columns.map((c) => c.name) };
}

export type DumpSummary = { tables: { table: string; rows: number }[] };

async function latestMigration(db: Db): Promise<string> {
  const rows = await queryRows<{ hash: string }>(
    db,
    sql`SELECT hash FROM drizzle.__drizzle_migrations ORDER BY created_at DESC LIMIT 1`,
  );
  return rows[0]?.hash ?? 'none';
}

export async function exportDatabase(db: Db, file: string): Promise<DumpSummary> {
  const out = fs.createWriteStream(file, { encoding: 'utf8' });
  const write = (line: string) =>
    new Promise<void>((resolve, reject) => out.write(`${line}\n`, (e) => (e ? reject(e) : resolve())));
  const summary: DumpSummary = { tables: [] };
  try {
    await write(FORMAT_LINE);
    await write(`-- schema=${await latestMigration(db)}`);
    await write(`-- created=${new Date().toISOString()}`);
    await write('-- Data only. Import with `regionkraft db import FILE` (runs the migrations first).');
    // A consistent snapshot across all tables.
    await db.transaction(async (tx) => {
      await tx.execute(sql`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY`);
      for (const table of tablesInDependencyOrder) {
        const { name, columns } = tableInfo(table);
        const cols = columns.map(quoteIdent).join(', ');
        const result = await queryRows<{ row: string }>(
          tx,
          sql.raw(
            `SELECT row_to_json(t)::text AS row FROM (SELECT ${cols} FROM ${quoteIdent(name)} ORDER BY ${cols}) t`,
          ),
        );
        const rows = result.map((r) => r.row);
        for (let i = 0; i < rows.length; i += BATCH) {
          const json = `[${rows.slice(i, i + BATCH).join(',')}]`;
          await write(
            `INSERT INTO ${quoteIdent(name)} (${cols}) SELECT ${cols} FROM json_populate_recordset(NULL::${quoteIdent(name)}, ${quoteLiteral(json)});`,
          );
        }
        summary.tables.push({ table: name, rows: rows.length });
      }
    });
  } finally {
    await new Promise<void>((resolve) => out.end(resolve));
  }
  return summary;
}

export class DumpFormatError extends Error {
  override name = 'DumpFormatError';
}

/**
 * Replaces all data with the dump's content in one transaction: if any statement fails,
 * nothing changes. The schema must already be migrated.
 */
export async function importDatabase(db: Db, file: string): Promise<{ statements: number }> {
  if (!fs.existsSync(file)) throw new DumpFormatError(`No such file: ${file}`);
  const lines = readline.createInterface({
    input: fs.createReadStream(file, { encoding: 'utf8' }),
    crlfDelay: Infinity,
  });
  const statements: string[] = [];
  let first = true;
  for await (const line of lines) {
    if (first) {
      if (line.trim() !== FORMAT_LINE) {
        throw new DumpFormatError(`${file} is not a Regionkraft dump (first line must be "${FORMAT_LINE}")`);
      }
      first = false;
      continue;
    }
    if (line.trim() === '' || line.startsWith('--')) continue;
    if (!/^INSERT INTO "[a-z_]+" \(/.test(line)) {
      throw new DumpFormatError(
        `${file}: unexpected statement (only INSERT lines are allowed): ${line.slice(0, 80)}`,
      );
    }
    statements.push(line);
  }
  if (first) throw new DumpFormatError(`${file} is empty`);

  await db.transaction(async (tx) => {
    for (const table of [...tablesInDependencyOrder].reverse()) {
      await tx.execute(sql.raw(`DELETE FROM ${quoteIdent(getTableName(table))}`));
    }
    for (const statement of statements) await tx.execute(sql.raw(statement));
  });
  return { statements: statements.length };
}
