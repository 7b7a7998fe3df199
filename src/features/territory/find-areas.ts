import { and, asc, desc, eq, inArray, or } from 'drizzle-orm';
import type { Db, DbTransaction } from '../../db/connection.ts';
import { type AreaType, areaRelations, areas, indicatorValues } from '../../db/schema.ts';
import { compareSwedish } from '../../shared/text.ts';
import { POPULATION_INDICATOR_ID } from '../reference/load-reference-data.ts';
import type { Area, AreaDetail } from './area-schemas.ts';

const typeOrder: Record<AreaType, number> = { county: 0, municipality: 1, sameby: 2 };

type AreaRow = typeof areas.$inferSelect;

/** The latest total population of each area, by code. */
export async function latestPopulation(db: Db | DbTransaction, codes: string[]) {
  if (codes.length === 0) return new Map<string, Area['population']>();
  const rows = await db
    .selectDistinctOn([indicatorValues.areaCode], {
      areaCode: indicatorValues.areaCode,
      year: indicatorValues.year,
      value: indicatorValues.value,
      source: indicatorValues.source,
    })
    .from(indicatorValues)
    .where(
      and(
        eq(indicatorValues.indicatorId, POPULATION_INDICATOR_ID),
        eq(indicatorValues.sex, 'total'),
        inArray(indicatorValues.areaCode, codes),
      ),
    )
    .orderBy(indicatorValues.areaCode, desc(indicatorValues.year));
  return new Map(rows.map((r) => [r.areaCode, { year: r.year, value: Number(r.value), source: r.source }]));
}

function toArea(row: AreaRow, population: Area['population'], withGeometry: boolean): Area {
  return {
    code: row.code,
    type: row.type,
    name: row.name,
    regionCode: row.regionCode,
    samiAdministrative: row.samiAdministrative,
    population,
    ...(withGeometry ? { geometry: (row.geometry as Area['geometry']) ?? null } : {}),
  };
}

export const compareAreas = (a: { type: AreaType; name: string }, b: { type: AreaType; name: string }) =>
  typeOrder[a.type] - typeOrder[b.type] || compareSwedish(a.name, b.name);

/** All areas of a region, optionally of one type, sorted by type then Swedish name. */
export async function findAreas(
  db: Db,
  regionCode: string,
  options: { type?: AreaType | undefined; withGeometry: boolean },
): Promise<Area[]> {
  const rows = await db
    .select()
    .from(areas)
    .where(and(eq(areas.regionCode, regionCode), options.type ? eq(areas.type, options.type) : undefined));
  const population = await latestPopulation(
    db,
    rows.map((r) => r.code),
  );
  return rows.map((r) => toArea(r, population.get(r.code) ?? null, options.withGeometry)).sort(compareAreas);
}

export async function findArea(
  db: Db,
  regionCode: string,
  code: string,
  withGeometry: boolean,
): Promise<AreaDetail | undefined> {
  const [row] = await db
    .select()
    .from(areas)
    .where(and(eq(areas.regionCode, regionCode), eq(areas.code, code)));
  if (!row) return undefined;

  const relations = await db
    .select()
    .from(areaRelations)
    .where(or(eq(areaRelations.fromCode, code), eq(areaRelations.toCode, code)));
  const otherCodes = relations.map((r) => (r.fromCode === code ? r.toCode : r.fromCode));
  const others =
    otherCodes.length > 0 ? await db.select().from(areas).where(inArray(areas.code, otherCodes)) : [];
  const othersByCode = new Map(others.map((o) => [o.code, o]));
  const relatedAreas = relations
    .flatMap((r) => {
      const other = othersByCode.get(r.fromCode === code ? r.toCode : r.fromCode);
      if (!other) return [];
      return [
        {
          code: other.code,
          name: other.name,
          type: other.type,
          relation: r.relation,
          confidence: r.confidence,
          source: r.source,
        },
      ];
    })
    .sort(compareAreas);

  const series = await db
    .select({
      year: indicatorValues.year,
      sex: indicatorValues.sex,
      value: indicatorValues.value,
      source: indicatorValues.source,
    })
    .from(indicatorValues)
    .where(and(eq(indicatorValues.indicatorId, POPULATION_INDICATOR_ID), eq(indicatorValues.areaCode, code)))
    .orderBy(asc(indicatorValues.year), asc(indicatorValues.sex));

  const latestTotal = series.filter((s) => s.sex === 'total').at(-1);
  return {
    ...toArea(
      row,
      latestTotal
        ? { year: latestTotal.year, value: Number(latestTotal.value), source: latestTotal.source }
        : null,
      withGeometry,
    ),
    source: row.source,
    note: row.note,
    samiAdministrativeSource: row.samiAdministrativeSource,
    geometrySource: row.geometrySource,
    relatedAreas,
    populationSeries: series.map((s) => ({ ...s, value: Number(s.value) })),
  };
}
