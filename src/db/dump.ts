/**
 * Logical export/import of all data as an SQL file. The file holds only data (INSERT statements,
 * one per line); the schema comes from the migrations. That makes a dump portable between PGlite
 * versions and between PGlite and PostgreSQL, which a copy of PGlite's data folder is not.
 *
 * Each row batch is inserted with json_populate_recordset, so every column type round-trips
 * through its JSON form without hand-written literal quoting per type. The file stays valid SQL
 * for psql, but `import` never runs its text: it parses each line strictly, checks tables and
 * columns against the schema, and rebuilds the statement with the JSON as a bound parameter.
 */
import fs from 'node:fs';
import { getTableName, type SQL, sql } from 'drizzle-orm';
import { getTableConfig } from 'drizzle-orm/pg-core';
import { type Db, queryRows } from './connection.ts';
import { tablesInDependencyOrder } from './schema.ts';

const FORMAT_LINE = '-- regionkraft-dump format=1';
const BATCH = 500;

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;
const quoteLiteral = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** Table name → its column names, for every table of the schema. */
const knownTables = new Map<string, string[]>(
  tablesInDependencyOrder.map((table) => [
    getTableName(table),
    getTableConfig(table).columns.map((c) => c.name),
  ]),
);

export type DumpSummary = { tables: { table: string; rows: number }[] };

export class DumpFormatError extends Error {
  override name = 'DumpFormatError';
}

async function latestMigration(db: Db): Promise<string> {
  const rows = await queryRows<{ hash: string }>(
    db,
    sql`SELECT hash FROM drizzle.__drizzle_migrations ORDER BY created_at DESC LIMIT 1`,
  );
  return rows[0]?.hash ?? 'none';
}

/**
 * Writes the dump to FILE.tmp and renames it when complete, so a failed or interrupted export
 * never leaves a file that looks whole. The last line records the row count.
 */
export async function exportDatabase(db: Db, file: string): Promise<DumpSummary> {
  const tmp = `${file}.tmp`;
  const out = await fs.promises.open(tmp, 'w');
  const summary: DumpSummary = { tables: [] };
  try {
    const write = (line: string) => out.write(`${line}\n`);
    await write(FORMAT_LINE);
    await write(`-- schema=${await latestMigration(db)}`);
    await write(`-- created=${new Date().toISOString()}`);
    await write('-- Data only. Import with `regionkraft db import FILE` (runs the migrations first).');
    // A consistent snapshot across all tables.
    await db.transaction(async (tx) => {
      await tx.execute(sql`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY`);
      for (const [name, columns] of knownTables) {
        const cols = columns.map(quoteIdent).join(', ');
        const rows = await queryRows<{ row: string }>(
          tx,
          sql.raw(`SELECT row_to_json(t)::text AS row FROM (SELECT ${cols} FROM ${quoteIdent(name)}) t`),
        );
        for (let i = 0; i < rows.length; i += BATCH) {
          const json = `[${rows
            .slice(i, i + BATCH)
            .map((r) => r.row)
            .join(',')}]`;
          await write(
            `INSERT INTO ${quoteIdent(name)} (${cols}) SELECT ${cols} FROM json_populate_recordset(NULL::${quoteIdent(name)}, ${quoteLiteral(json)});`,
          );
        }
        summary.tables.push({ table: name, rows: rows.length });
      }
    });
    await write(`-- end rows=${summary.tables.reduce((sum, t) => sum + t.rows, 0)}`);
    await out.close();
    await fs.promises.rename(tmp, file);
    return summary;
  } catch (error) {
    await out.close().catch(() => {});
    await fs.promises.rm(tmp, { force: true });
    throw error;
  }
}

const STATEMENT =
  /^INSERT INTO "([a-z_]+)" \(([^)]*)\) SELECT ([^)]*) FROM json_populate_recordset\(NULL::"([a-z_]+)", '(.*)'\);$/;

type ParsedBatch = { table: string; columns: string[]; json: string; rows: number };

/** Parses one INSERT line of a dump; throws DumpFormatError saying what is wrong. */
export function parseDumpStatement(line: string, lineNumber: number): ParsedBatch {
  const fail = (why: string) => new DumpFormatError(`line ${lineNumber}: ${why}`);
  const match = STATEMENT.exec(line);
  if (!match) throw fail('not an INSERT statement of a Regionkraft dump');
  const [, table = '', columnList = '', selectList = '', castTable, literal = ''] = match;
  const known = knownTables.get(table);
  if (!known) throw fail(`unknown table "${table}"`);
  if (castTable !== table || selectList !== columnList)
    throw fail('statement does not match the dump format');
  const columns = columnList.split(', ').map((c) => {
    const name = /^"([a-z_]+)"$/.exec(c)?.[1];
    if (!name || !known.includes(name)) throw fail(`unknown column ${c} in table "${table}"`);
    return name;
  });
  // Inside the literal every quote is doubled; a lone quote would end it early.
  if (literal.replaceAll("''", '').includes("'")) throw fail('malformed string literal');
  const json = literal.replaceAll("''", "'");
  let rows: unknown;
  try {
    rows = JSON.parse(json);
  } catch {
    throw fail('the row data is not valid JSON');
  }
  if (!Array.isArray(rows)) throw fail('the row data is not a JSON array');
  return { table, columns, json, rows: rows.length };
}

function insertBatch(batch: ParsedBatch): SQL {
  const table = sql.identifier(batch.table);
  const columns = sql.join(
    batch.columns.map((c) => sql.identifier(c)),
    sql`, `,
  );
  return sql`INSERT INTO ${table} (${columns}) SELECT ${columns} FROM json_populate_recordset(NULL::${table}, ${batch.json}::json)`;
}

/**
 * Replaces all data with the dump's content in one transaction: if any statement fails,
 * nothing changes. The schema must already be migrated. The whole file is checked first.
 */
export async function importDatabase(db: Db, file: string): Promise<{ statements: number; rows: number }> {
  if (!fs.existsSync(file)) throw new DumpFormatError(`No such file: ${file}`);
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  if (lines.length === 1 && lines[0] === '') throw new DumpFormatError(`${file} is empty`);
  if (lines[0]?.trim() !== FORMAT_LINE) {
    throw new DumpFormatError(`${file} is not a Regionkraft dump (first line must be "${FORMAT_LINE}")`);
  }
  const batches: ParsedBatch[] = [];
  let declaredRows: number | undefined;
  lines.forEach((line, index) => {
    if (index === 0 || line.trim() === '') return;
    if (declaredRows !== undefined) throw new DumpFormatError(`line ${index + 1}: text after the end line`);
    const end = /^-- end rows=(\d+)$/.exec(line);
    if (end) declaredRows = Number(end[1]);
    else if (!line.startsWith('--')) batches.push(parseDumpStatement(line, index + 1));
  });
  const rows = batches.reduce((sum, b) => sum + b.rows, 0);
  if (declaredRows === undefined) {
    throw new DumpFormatError(`${file} is incomplete: it has no end line (an interrupted export?)`);
  }
  if (declaredRows !== rows) {
    throw new DumpFormatError(`${file} is incomplete: it declares ${declaredRows} rows but holds ${rows}`);
  }

  await db.transaction(async (tx) => {
    for (const name of [...knownTables.keys()].reverse()) {
      await tx.execute(sql`DELETE FROM ${sql.identifier(name)}`);
    }
    for (const batch of batches) await tx.execute(insertBatch(batch));
  });
  return { statements: batches.length, rows };
}
