/**
 * Writing imported indicator values: all or nothing. Every value is checked against the region's
 * indicators and areas first; any problem (from the source or from these checks) rejects the
 * whole import with the reason per row. A good import upserts in one transaction: new values are
 * inserted, changed ones updated (and listed in the audit trail with before and after), equal
 * ones left alone, so importing the same data twice changes nothing.
 */
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { Db, DbTransaction } from '../../db/connection.ts';
import * as t from '../../db/schema.ts';
import { HttpProblem } from '../../server/problem.ts';
import { type AuditActor, recordAudit } from '../audit/audit.ts';
import type { ImportedValue, ImportProblem, SourceResult } from './sources/imported-value.ts';

export type ImportKind = (typeof t.indicatorImports.$inferInsert)['kind'];

export type ImportReport = {
  importId: string | null;
  kind: ImportKind;
  dryRun: boolean;
  values: number;
  inserted: number;
  updated: number;
  unchanged: number;
  indicators: string[];
  /** The first changed values, with before and after (all of them are in the audit trail). */
  changes: Array<{ key: string; before: number; after: number }>;
};

/** Values listed in a 422 answer; the rest are counted. */
const MAX_LISTED_PROBLEMS = 500;
const WRITE_BATCH = 1000;

export const valueKey = (v: Pick<ImportedValue, 'indicatorId' | 'areaCode' | 'year' | 'sex'>) =>
  `${v.indicatorId}|${v.areaCode}|${v.year}|${v.sex}`;
const whereOf = (v: ImportedValue) => v.where ?? `${v.indicatorId}, area ${v.areaCode}, ${v.year}, ${v.sex}`;

type Existing = { value: number; status: string; source: string | null };
export type ValueDiff = {
  inserted: ImportedValue[];
  updated: Array<{ value: ImportedValue; before: Existing }>;
  unchanged: number;
};

/** Which incoming values are new, changed or equal to what is stored (pure). */
export function diffValues(incoming: ImportedValue[], existing: Map<string, Existing>): ValueDiff {
  const diff: ValueDiff = { inserted: [], updated: [], unchanged: 0 };
  for (const v of incoming) {
    const before = existing.get(valueKey(v));
    if (!before) diff.inserted.push(v);
    else if (before.value !== v.value || before.status !== v.status || before.source !== v.source)
      diff.updated.push({ value: v, before });
    else diff.unchanged += 1;
  }
  return diff;
}

/** Checks values against the region's indicators and areas (and each other). */
export function checkValues(
  values: ImportedValue[],
  known: { indicators: Set<string>; areas: Set<string> },
): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const seen = new Map<string, string>();
  for (const v of values) {
    const where = whereOf(v);
    if (!known.indicators.has(v.indicatorId))
      problems.push({ where, message: `unknown indicator "${v.indicatorId.slice(0, 100)}"` });
    if (!known.areas.has(v.areaCode))
      problems.push({
        where,
        message: `area ${v.areaCode.slice(0, 20)} is not a municipality of this region, the county or SE`,
      });
    if (!Number.isFinite(v.value)) problems.push({ where, message: 'the value is not a finite number' });
    const key = valueKey(v);
    const first = seen.get(key);
    if (first !== undefined) problems.push({ where, message: `the same value is also given at ${first}` });
    else seen.set(key, where);
  }
  return problems;
}

const rowNumber = (where: string) => Number(/^row (\d+)$/.exec(where)?.[1] ?? Number.POSITIVE_INFINITY);

export function rejectImport(problems: ImportProblem[]): HttpProblem {
  // File rows in file order, whatever check found them; other problems after, as found.
  const sorted = problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => rowNumber(a.p.where) - rowNumber(b.p.where) || a.i - b.i)
    .map((x) => x.p);
  const listed = sorted.slice(0, MAX_LISTED_PROBLEMS).map((p) => ({ field: p.where, message: p.message }));
  const more = problems.length - listed.length;
  return new HttpProblem(
    422,
    'Unprocessable Content',
    `Nothing was imported: ${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}${more > 0 ? ` (the first ${listed.length} are listed)` : ''}. Correct them and import again.`,
    listed,
    'IMPORT_REJECTED',
  );
}

async function knownCodes(db: Db | DbTransaction, regionCode: string, indicatorIds: string[]) {
  const [indicatorRows, areaRows] = await Promise.all([
    indicatorIds.length === 0
      ? []
      : db.select({ id: t.indicators.id }).from(t.indicators).where(inArray(t.indicators.id, indicatorIds)),
    db
      .select({ code: t.areas.code })
      .from(t.areas)
      .where(and(eq(t.areas.regionCode, regionCode), inArray(t.areas.type, ['county', 'municipality']))),
  ]);
  return {
    indicators: new Set(indicatorRows.map((r) => r.id)),
    areas: new Set([...areaRows.map((r) => r.code), 'SE']),
  };
}

async function existingValues(tx: DbTransaction, regionCode: string, values: ImportedValue[]) {
  const existing = new Map<string, Existing>();
  // One query per indicator and area set: the primary key index answers it.
  const byIndicator = new Map<string, Set<string>>();
  for (const v of values) {
    const areas = byIndicator.get(v.indicatorId) ?? new Set<string>();
    areas.add(v.areaCode);
    byIndicator.set(v.indicatorId, areas);
  }
  const conditions = [...byIndicator].map(([indicatorId, areas]) =>
    and(
      eq(t.indicatorValues.regionCode, regionCode),
      eq(t.indicatorValues.indicatorId, indicatorId),
      inArray(t.indicatorValues.areaCode, [...areas]),
    ),
  );
  for (let i = 0; i < conditions.length; i += 50) {
    const rows = await tx
      .select({
        indicatorId: t.indicatorValues.indicatorId,
        areaCode: t.indicatorValues.areaCode,
        year: t.indicatorValues.year,
        sex: t.indicatorValues.sex,
        value: t.indicatorValues.value,
        status: t.indicatorValues.status,
        source: t.indicatorValues.source,
      })
      .from(t.indicatorValues)
      .where(or(...conditions.slice(i, i + 50)));
    for (const r of rows)
      existing.set(valueKey(r), { value: Number(r.value), status: r.status, source: r.source });
  }
  return existing;
}

/**
 * Writes a source's values for the actor's region, or throws a 422 listing every problem. With
 * dryRun the checks and the count of what would change run, and nothing is written.
 */
export async function importValues(
  db: Db,
  actor: AuditActor,
  input: { kind: ImportKind; request: Record<string, unknown>; result: SourceResult; dryRun?: boolean },
): Promise<ImportReport> {
  const startedBy = 'system' in actor ? actor.system : actor.user?.email;
  if (!startedBy) throw new Error('importValues: only signed-in users import');
  const { values } = input.result;
  const indicatorIds = [...new Set(values.map((v) => v.indicatorId))];
  const known = await knownCodes(db, actor.regionCode, indicatorIds);
  const problems = [...input.result.problems, ...checkValues(values, known)];
  if (problems.length > 0) throw rejectImport(problems);
  if (values.length === 0) {
    throw new HttpProblem(
      422,
      'Unprocessable Content',
      'The source returned no values for this request, so nothing was imported',
      undefined,
      'IMPORT_EMPTY',
    );
  }
  return db.transaction(async (tx) => {
    const diff = diffValues(values, await existingValues(tx, actor.regionCode, values));
    const report: ImportReport = {
      importId: null,
      kind: input.kind,
      dryRun: input.dryRun ?? false,
      values: values.length,
      inserted: diff.inserted.length,
      updated: diff.updated.length,
      unchanged: diff.unchanged,
      indicators: indicatorIds.sort(),
      changes: diff.updated
        .slice(0, 100)
        .map((u) => ({ key: valueKey(u.value), before: u.before.value, after: u.value.value })),
    };
    if (input.dryRun) return report;

    const [run] = await tx
      .insert(t.indicatorImports)
      .values({
        regionCode: actor.regionCode,
        kind: input.kind,
        request: input.request,
        startedBy,
        inserted: report.inserted,
        updated: report.updated,
        unchanged: report.unchanged,
      })
      .returning({ id: t.indicatorImports.id });
    if (!run) throw new Error('the import row was not written');
    report.importId = run.id;

    const toWrite = [...diff.inserted, ...diff.updated.map((u) => u.value)];
    for (let i = 0; i < toWrite.length; i += WRITE_BATCH) {
      await tx
        .insert(t.indicatorValues)
        .values(
          toWrite.slice(i, i + WRITE_BATCH).map((v) => ({
            regionCode: actor.regionCode,
            indicatorId: v.indicatorId,
            areaCode: v.areaCode,
            year: v.year,
            sex: v.sex,
            value: v.value,
            status: v.status,
            source: v.source,
            importId: run.id,
          })),
        )
        .onConflictDoUpdate({
          target: [
            t.indicatorValues.regionCode,
            t.indicatorValues.indicatorId,
            t.indicatorValues.areaCode,
            t.indicatorValues.year,
            t.indicatorValues.sex,
          ],
          set: {
            value: sql`excluded."value"`,
            status: sql`excluded."status"`,
            source: sql`excluded."source"`,
            importId: sql`excluded."import_id"`,
            importedAt: sql`now()`,
          },
        });
    }

    // One audit row per import: what was asked, the counts, and every changed value.
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {
      kind: input.kind,
      request: input.request,
      inserted: report.inserted,
      updated: report.updated,
      unchanged: report.unchanged,
    };
    for (const u of diff.updated) {
      const key = `value ${valueKey(u.value)}`;
      before[key] = { value: u.before.value, status: u.before.status, source: u.before.source };
      after[key] = { value: u.value.value, status: u.value.status, source: u.value.source };
    }
    await recordAudit(tx, actor, {
      action: 'import',
      entityType: 'indicator_import',
      entityId: run.id,
      before,
      after,
    });
    return report;
  });
}
