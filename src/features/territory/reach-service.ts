/**
 * Loads the efforts a reader may see, with their reach, funding and links, for the reach
 * analysis (pure, in reach-analysis.ts). A fixed number of queries whatever the number of
 * efforts: one for the efforts and one per part.
 */
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../db/connection.ts';
import * as t from '../../db/schema.ts';
import type { ReadScope } from '../access/permissions.ts';
import { listConditions } from '../efforts/efforts-service.ts';
import { populationLookup, regionAreas } from '../indicators/indicators-service.ts';
import type { Municipality, ReachEffort } from './reach-analysis.ts';

export type ReachFilters = {
  from: number;
  to: number;
  priority?: string;
  strengthArea?: string;
  /** A funding source: only efforts with money from it, and only that money. */
  financier?: (typeof t.fundingSources)[number];
};

const yearOf = (date: string | null) => (date ? Number(date.slice(0, 4)) : null);

export async function loadReachEfforts(
  db: Executor,
  regionCode: string,
  scope: ReadScope,
  filters: ReachFilters,
): Promise<ReachEffort[]> {
  const e = t.efforts;
  const rows = await db
    .select({
      id: e.id,
      title: e.title,
      startDate: e.startDate,
      endDate: e.endDate,
      wholeCounty: e.reachWholeCounty,
    })
    .from(e)
    .where(
      and(
        ...listConditions(regionCode, scope, {
          priority: filters.priority,
          strengthArea: filters.strengthArea,
          financier: filters.financier,
        }),
        // Cancelled efforts reach nobody.
        ne(e.status, 'cancelled'),
        // In the period: running during it, or with money in one of its years (as effortInPeriod).
        sql`(((${e.startDate} is null or ${e.startDate} <= ${`${filters.to}-12-31`}) and (${e.endDate} is null or ${e.endDate} >= ${`${filters.from}-01-01`}))
          or exists (select 1 from ${t.effortFunding} f where f.effort_id = ${e.id} and f.year between ${filters.from} and ${filters.to}))`,
      ),
    );
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [reach, funding, priorities, strengthAreas] = await Promise.all([
    db.select().from(t.effortReach).where(inArray(t.effortReach.effortId, ids)),
    db
      .select({
        effortId: t.effortFunding.effortId,
        year: t.effortFunding.year,
        amountSek: t.effortFunding.amountSek,
        source: t.effortFunding.source,
        financierId: t.effortFunding.financierOrganisationId,
        financierName: t.organisations.name,
        financierVisibility: t.organisations.visibility,
      })
      .from(t.effortFunding)
      .leftJoin(t.organisations, eq(t.organisations.id, t.effortFunding.financierOrganisationId))
      .where(
        and(
          inArray(t.effortFunding.effortId, ids),
          filters.financier ? eq(t.effortFunding.source, filters.financier) : undefined,
        ),
      ),
    db.select().from(t.effortPriorities).where(inArray(t.effortPriorities.effortId, ids)),
    db.select().from(t.effortStrengthAreas).where(inArray(t.effortStrengthAreas.effortId, ids)),
  ]);
  const group = <T extends { effortId: string }>(list: T[]) => {
    const map = new Map<string, T[]>();
    for (const item of list) {
      const items = map.get(item.effortId);
      if (items) items.push(item);
      else map.set(item.effortId, [item]);
    }
    return map;
  };
  const reachOf = group(reach);
  const fundingOf = group(funding);
  const prioritiesOf = group(priorities);
  const strengthOf = group(strengthAreas);
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    startYear: yearOf(r.startDate),
    endYear: yearOf(r.endDate),
    wholeCounty: r.wholeCounty,
    reach: r.wholeCounty
      ? []
      : (reachOf.get(r.id) ?? []).map((x) => ({ areaCode: x.areaCode, shareHundredths: x.shareHundredths })),
    funding: (fundingOf.get(r.id) ?? []).map((f) => ({
      year: f.year,
      amountSek: Number(f.amountSek),
      source: f.source,
      financierId: f.financierId,
      // Internal organisations are not named to readers who may not see them.
      financierName:
        scope.all ||
        f.financierVisibility === 'published' ||
        (!scope.all && f.financierId === scope.organisationId)
          ? f.financierName
          : null,
    })),
    priorityIds: (prioritiesOf.get(r.id) ?? []).map((p) => p.priorityId),
    strengthAreaIds: (strengthOf.get(r.id) ?? []).map((s) => s.strengthAreaId),
  }));
}

/**
 * The region's municipalities with their population in `year` (or the nearest earlier year with a
 * figure), so money per inhabitant and the whole-county spread use the population of the period.
 */
export async function reachMunicipalities(
  db: Executor,
  regionCode: string,
  year: number,
): Promise<Municipality[]> {
  const { municipalities } = await regionAreas(db, regionCode);
  const population = await populationLookup(
    db,
    municipalities.map((m) => m.code),
  );
  return municipalities.map((m) => ({ code: m.code, name: m.name, population: population(m.code, year) }));
}
