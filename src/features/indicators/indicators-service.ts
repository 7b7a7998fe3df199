/**
 * The indicator store: definitions (shared between regions), targets and values (per region).
 * Reads are single indexed queries (the map index answers "one indicator, one year, every
 * area"; the area index a municipality profile). Writes check the version (optimistic locking)
 * and write their audit row in the same transaction.
 */
import { and, asc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { Db, DbTransaction, Executor } from '../../db/connection.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import * as t from '../../db/schema.ts';
import { conflict, HttpProblem, notFound } from '../../server/problem.ts';
import { versionMismatch } from '../../shared/optimistic-lock.ts';
import { bilingual, compareSwedish } from '../../shared/text.ts';
import type { Actor } from '../access/permissions.ts';
import { recordAudit } from '../audit/audit.ts';
import { POPULATION_INDICATOR_ID } from '../reference/load-reference-data.ts';
import type {
  IndicatorInput,
  IndicatorOut,
  IndicatorPatch,
  TargetInput,
  TargetOut,
} from './indicator-schemas.ts';

type IndicatorRow = typeof t.indicators.$inferSelect;
type TargetRow = typeof t.indicatorTargets.$inferSelect;

export const presentIndicator = (row: IndicatorRow): IndicatorOut => ({
  id: row.id,
  title: bilingual(row.titleSv, row.titleEn),
  description: bilingual(row.descriptionSv, row.descriptionEn),
  unit: bilingual(row.unitSv, row.unitEn),
  source: row.source,
  sourceKind: row.sourceKind,
  koladaKpi: row.koladaKpi,
  scbTable: row.scbTable,
  polarity: row.polarity,
  splitBySex: row.splitBySex,
  aggregation: row.aggregation,
  version: row.version,
});

const presentTarget = (row: TargetRow): TargetOut => ({
  id: row.id,
  indicatorId: row.indicatorId,
  areaCode: row.areaCode,
  sex: row.sex,
  value: Number(row.value),
  year: row.year,
  baseYear: row.baseYear,
  source: row.source,
  version: row.version,
});

export async function listIndicators(db: Executor): Promise<IndicatorOut[]> {
  const rows = await db.select().from(t.indicators);
  return rows.map(presentIndicator).sort((a, b) => compareSwedish(a.title.sv ?? a.id, b.title.sv ?? b.id));
}

export async function getIndicatorRow(db: Executor, id: string): Promise<IndicatorRow> {
  const [row] = await db.select().from(t.indicators).where(eq(t.indicators.id, id));
  if (!row) throw notFound(`No indicator "${id.slice(0, 100)}"`);
  return row;
}

/** The years with values in the region (a distinct scan of the map index). */
export async function indicatorYears(db: Executor, regionCode: string, id: string): Promise<number[]> {
  const rows = await db
    .selectDistinct({ year: t.indicatorValues.year })
    .from(t.indicatorValues)
    .where(and(eq(t.indicatorValues.indicatorId, id), eq(t.indicatorValues.regionCode, regionCode)))
    .orderBy(asc(t.indicatorValues.year));
  return rows.map((r) => r.year);
}

export async function listTargets(db: Executor, regionCode: string, indicatorId: string) {
  const rows = await db
    .select()
    .from(t.indicatorTargets)
    .where(
      and(eq(t.indicatorTargets.regionCode, regionCode), eq(t.indicatorTargets.indicatorId, indicatorId)),
    )
    .orderBy(asc(t.indicatorTargets.areaCode), asc(t.indicatorTargets.year));
  return rows.map(presentTarget);
}

export type ValueQuery = {
  areas?: string[];
  sex?: t.Sex;
  from?: number;
  to?: number;
};

export async function findValues(db: Executor, regionCode: string, indicatorId: string, q: ValueQuery) {
  const v = t.indicatorValues;
  const rows = await db
    .select({
      areaCode: v.areaCode,
      year: v.year,
      sex: v.sex,
      value: v.value,
      status: v.status,
      source: v.source,
      importedAt: v.importedAt,
    })
    .from(v)
    .where(
      and(
        eq(v.indicatorId, indicatorId),
        eq(v.regionCode, regionCode),
        q.areas ? inArray(v.areaCode, q.areas) : undefined,
        q.sex ? eq(v.sex, q.sex) : undefined,
        q.from !== undefined ? gte(v.year, q.from) : undefined,
        q.to !== undefined ? lte(v.year, q.to) : undefined,
      ),
    )
    .orderBy(asc(v.areaCode), asc(v.year), asc(v.sex));
  return rows.map((r) => ({ ...r, value: Number(r.value), importedAt: r.importedAt.toISOString() }));
}

/** The region's municipalities with names (Swedish order), and the county. */
export async function regionAreas(db: Executor, regionCode: string) {
  const rows = await db
    .select({ code: t.areas.code, name: t.areas.name, type: t.areas.type })
    .from(t.areas)
    .where(and(eq(t.areas.regionCode, regionCode), inArray(t.areas.type, ['county', 'municipality'])));
  const municipalities = rows
    .filter((r) => r.type === 'municipality')
    .sort((a, b) => compareSwedish(a.name, b.name));
  const county = rows.find((r) => r.type === 'county');
  return { municipalities, county, names: new Map(rows.map((r) => [r.code, r.name])) };
}

/**
 * Total population per area and year, for weighting. A year without a population figure takes
 * the nearest earlier year (or the earliest one), so weights exist for every year asked.
 */
export async function populationLookup(db: Executor, codes: string[]) {
  const rows = await db
    .select({
      areaCode: t.indicatorValues.areaCode,
      year: t.indicatorValues.year,
      value: t.indicatorValues.value,
    })
    .from(t.indicatorValues)
    .where(
      and(
        eq(t.indicatorValues.indicatorId, POPULATION_INDICATOR_ID),
        eq(t.indicatorValues.sex, 'total'),
        inArray(t.indicatorValues.areaCode, codes),
      ),
    )
    .orderBy(asc(t.indicatorValues.year));
  const byArea = new Map<string, Array<{ year: number; value: number }>>();
  for (const r of rows) {
    const list = byArea.get(r.areaCode) ?? [];
    list.push({ year: r.year, value: Number(r.value) });
    byArea.set(r.areaCode, list);
  }
  return (areaCode: string, year: number): number | null => {
    const list = byArea.get(areaCode);
    if (!list || list.length === 0) return null;
    let best = list[0] as { year: number; value: number };
    for (const p of list) if (p.year <= year) best = p;
    return best.value;
  };
}

// ---------------------------------------------------------------------------------------------
// Writing definitions and targets

const definitionRow = (input: IndicatorPatch) => ({
  ...(input.titleSv !== undefined && { titleSv: input.titleSv }),
  ...(input.titleEn !== undefined && { titleEn: input.titleEn ?? null }),
  ...(input.descriptionSv !== undefined && { descriptionSv: input.descriptionSv ?? null }),
  ...(input.descriptionEn !== undefined && { descriptionEn: input.descriptionEn ?? null }),
  ...(input.unitSv !== undefined && { unitSv: input.unitSv ?? null }),
  ...(input.unitEn !== undefined && { unitEn: input.unitEn ?? null }),
  ...(input.source !== undefined && { source: input.source ?? null }),
  ...(input.sourceKind !== undefined && { sourceKind: input.sourceKind }),
  ...(input.koladaKpi !== undefined && { koladaKpi: input.koladaKpi ?? null }),
  ...(input.scbTable !== undefined && { scbTable: input.scbTable ?? null }),
  ...(input.polarity !== undefined && { polarity: input.polarity }),
  ...(input.splitBySex !== undefined && { splitBySex: input.splitBySex }),
  ...(input.aggregation !== undefined && { aggregation: input.aggregation }),
});

async function checkKpiFree(tx: Executor, kpi: string | null | undefined, exceptId?: string) {
  if (!kpi) return;
  const [other] = await tx
    .select({ id: t.indicators.id })
    .from(t.indicators)
    .where(
      and(eq(t.indicators.koladaKpi, kpi), exceptId ? sql`${t.indicators.id} <> ${exceptId}` : undefined),
    );
  if (other) throw conflict(`Kolada KPI ${kpi} already belongs to the indicator "${other.id}"`, 'KPI_IN_USE');
}

/**
 * Inserts one row and writes its "create" audit row; a unique violation becomes `onDuplicate`.
 * Runs inside the caller's transaction.
 */
async function insertAudited<Row extends { id: string }, Out extends Record<string, unknown>>(
  tx: DbTransaction,
  actor: Actor,
  entityType: string,
  insert: () => Promise<Row[]>,
  present: (row: Row) => Out,
  onDuplicate: () => Error,
): Promise<Out> {
  let row: Row | undefined;
  try {
    [row] = await insert();
  } catch (error) {
    if (isUniqueViolation(error)) throw onDuplicate();
    throw error;
  }
  if (!row) throw new Error('insert returned nothing');
  const out = present(row);
  await recordAudit(tx, actor, { action: 'create', entityType, entityId: row.id, before: null, after: out });
  return out;
}

export async function createIndicator(db: Db, actor: Actor, input: IndicatorInput): Promise<IndicatorOut> {
  return db.transaction(async (tx) => {
    await checkKpiFree(tx, input.koladaKpi);
    return insertAudited(
      tx,
      actor,
      'indicator',
      () =>
        tx
          .insert(t.indicators)
          .values({ id: input.id, ...definitionRow(input), titleSv: input.titleSv, version: 2 })
          .returning(),
      presentIndicator,
      () => conflict(`An indicator with id "${input.id}" already exists`, 'ID_IN_USE'),
    );
  });
}

export async function updateIndicator(
  db: Db,
  actor: Actor,
  id: string,
  version: number,
  patch: IndicatorPatch,
): Promise<IndicatorOut> {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(t.indicators).where(eq(t.indicators.id, id)).for('update');
    if (!current) throw notFound(`No indicator "${id.slice(0, 100)}"`);
    if (current.version !== version) throw versionMismatch(current.version);
    const changes = definitionRow(patch);
    const changesSomething = Object.entries(changes).some(
      ([key, value]) => current[key as keyof typeof current] !== value,
    );
    // Nothing to change: no new version, no audit row (and the file keeps updating the definition).
    if (!changesSomething) return presentIndicator(current);
    await checkKpiFree(tx, patch.koladaKpi, id);
    const [row] = await tx
      .update(t.indicators)
      // An edited definition gets version ≥ 2, which also stops the reference files overwriting it.
      .set({ ...changes, version: current.version + 1, updatedAt: new Date() })
      .where(eq(t.indicators.id, id))
      .returning();
    if (!row) throw new Error('update returned nothing');
    const out = presentIndicator(row);
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'indicator',
      entityId: id,
      before: presentIndicator(current),
      after: out,
    });
    return out;
  });
}

async function checkTargetArea(tx: Executor, regionCode: string, areaCode: string) {
  const [area] = await tx
    .select({ type: t.areas.type })
    .from(t.areas)
    .where(and(eq(t.areas.code, areaCode), eq(t.areas.regionCode, regionCode)));
  if (!area || area.type === 'sameby') {
    throw new HttpProblem(
      400,
      'Bad Request',
      `Area ${areaCode.slice(0, 20)} is not the county or one of its municipalities`,
      [{ field: 'body.areaCode', message: 'must be the county or one of its municipalities' }],
    );
  }
}

const duplicateTarget = () =>
  conflict('There is already a target for this indicator, area, sex and year', 'TARGET_EXISTS');

export async function createTarget(db: Db, actor: Actor, indicatorId: string, input: TargetInput) {
  return db.transaction(async (tx) => {
    await getIndicatorRow(tx, indicatorId);
    await checkTargetArea(tx, actor.regionCode, input.areaCode);
    return insertAudited(
      tx,
      actor,
      'indicator_target',
      () =>
        tx
          .insert(t.indicatorTargets)
          .values({
            regionCode: actor.regionCode,
            indicatorId,
            areaCode: input.areaCode,
            sex: input.sex,
            value: input.value,
            year: input.year,
            baseYear: input.baseYear ?? null,
            source: input.source ?? null,
          })
          .returning(),
      presentTarget,
      duplicateTarget,
    );
  });
}

async function lockTarget(
  tx: DbTransaction,
  actor: Actor,
  indicatorId: string,
  targetId: string,
  version: number,
) {
  const [current] = await tx
    .select()
    .from(t.indicatorTargets)
    .where(
      and(
        eq(t.indicatorTargets.id, targetId),
        eq(t.indicatorTargets.indicatorId, indicatorId),
        eq(t.indicatorTargets.regionCode, actor.regionCode),
      ),
    )
    .for('update');
  if (!current) throw notFound('No such target');
  if (current.version !== version) throw versionMismatch(current.version);
  return current;
}

export async function updateTarget(
  db: Db,
  actor: Actor,
  indicatorId: string,
  targetId: string,
  version: number,
  input: TargetInput,
) {
  return db.transaction(async (tx) => {
    const current = await lockTarget(tx, actor, indicatorId, targetId, version);
    await checkTargetArea(tx, actor.regionCode, input.areaCode);
    try {
      const [row] = await tx
        .update(t.indicatorTargets)
        .set({
          areaCode: input.areaCode,
          sex: input.sex,
          value: input.value,
          year: input.year,
          baseYear: input.baseYear ?? null,
          source: input.source ?? null,
          version: current.version + 1,
          updatedAt: new Date(),
        })
        .where(eq(t.indicatorTargets.id, targetId))
        .returning();
      if (!row) throw new Error('update returned nothing');
      const out = presentTarget(row);
      await recordAudit(tx, actor, {
        action: 'update',
        entityType: 'indicator_target',
        entityId: targetId,
        before: presentTarget(current),
        after: out,
      });
      return out;
    } catch (error) {
      if (isUniqueViolation(error)) throw duplicateTarget();
      throw error;
    }
  });
}

export async function deleteTarget(
  db: Db,
  actor: Actor,
  indicatorId: string,
  targetId: string,
  version: number,
) {
  await db.transaction(async (tx) => {
    const current = await lockTarget(tx, actor, indicatorId, targetId, version);
    await tx.delete(t.indicatorTargets).where(eq(t.indicatorTargets.id, targetId));
    await recordAudit(tx, actor, {
      action: 'delete',
      entityType: 'indicator_target',
      entityId: targetId,
      before: presentTarget(current),
      after: null,
    });
  });
}
