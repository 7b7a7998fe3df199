/**
 * The effort register. An effort and its parts (partners, funding, reach, links, assessments,
 * indicators) are written together in one transaction with their audit row; a change replaces
 * each part that is sent. References (organisations, areas, priorities …) are checked against
 * the region before anything is written, and reported with the field that holds them.
 */
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db, DbTransaction } from '../../db/connection.ts';
import { isForeignKeyViolation, isRestrictViolation, isUniqueViolation } from '../../db/errors.ts';
import * as t from '../../db/schema.ts';
import { conflict, type FieldError, HttpProblem, notFound } from '../../server/problem.ts';
import { versionMismatch } from '../../shared/optimistic-lock.ts';
import { compareSwedish, swedishSortKey } from '../../shared/text.ts';
import type { Actor, ReadScope } from '../access/permissions.ts';
import { type AuditActor, recordAudit } from '../audit/audit.ts';
import { latestPopulation } from '../territory/find-areas.ts';
import { assessorOf, type Parts, partRows } from './effort-part-rows.ts';
import { fundingTotals, hundredthsToPercent, spreadByPopulation } from './effort-rules.ts';
import type {
  EffortInput,
  EffortListQuery,
  EffortOut,
  EffortPatch,
  EffortSummary,
} from './effort-schemas.ts';

type Executor = Db | DbTransaction;
export type EffortRow = typeof t.efforts.$inferSelect;
const entityType = 'effort';

// ---------------------------------------------------------------------------------------------
// Reading

/** How an internal organisation is named to readers who may not see it. */
export const HIDDEN_ORGANISATION_NAME = 'Intern organisation / internal organisation';

/**
 * Full documents of the given efforts (in the order of `ids`), with every part and its names.
 * With a read scope, organisations the reader may not see keep their id but not their name.
 */
export async function loadEffortDocuments(
  db: Executor,
  regionCode: string,
  ids: string[],
  scope: ReadScope = { all: true },
): Promise<EffortOut[]> {
  if (ids.length === 0) return [];
  const [
    rows,
    partners,
    funding,
    reach,
    samebyar,
    priorities,
    strength,
    national,
    sdg,
    assessments,
    indicators,
  ] = await Promise.all([
    db
      .select()
      .from(t.efforts)
      .where(and(inArray(t.efforts.id, ids), eq(t.efforts.regionCode, regionCode))),
    db.select().from(t.effortPartners).where(inArray(t.effortPartners.effortId, ids)),
    db
      .select()
      .from(t.effortFunding)
      .where(inArray(t.effortFunding.effortId, ids))
      .orderBy(t.effortFunding.position),
    db.select().from(t.effortReach).where(inArray(t.effortReach.effortId, ids)),
    db.select().from(t.effortSamebyar).where(inArray(t.effortSamebyar.effortId, ids)),
    db
      .select({
        effortId: t.effortPriorities.effortId,
        id: t.longTermPriorities.id,
        number: t.longTermPriorities.number,
        title: t.longTermPriorities.titleSv,
      })
      .from(t.effortPriorities)
      .innerJoin(t.longTermPriorities, eq(t.longTermPriorities.id, t.effortPriorities.priorityId))
      .where(inArray(t.effortPriorities.effortId, ids)),
    db
      .select({
        effortId: t.effortStrengthAreas.effortId,
        id: t.strengthAreas.id,
        name: t.strengthAreas.nameSv,
        position: t.strengthAreas.position,
      })
      .from(t.effortStrengthAreas)
      .innerJoin(t.strengthAreas, eq(t.strengthAreas.id, t.effortStrengthAreas.strengthAreaId))
      .where(inArray(t.effortStrengthAreas.effortId, ids)),
    db
      .select({
        effortId: t.effortNationalAreas.effortId,
        code: t.nationalStrategyAreas.code,
        title: t.nationalStrategyAreas.titleSv,
      })
      .from(t.effortNationalAreas)
      .innerJoin(
        t.nationalStrategyAreas,
        eq(t.nationalStrategyAreas.code, t.effortNationalAreas.nationalAreaCode),
      )
      .where(inArray(t.effortNationalAreas.effortId, ids)),
    db
      .select({
        effortId: t.effortSdgTargets.effortId,
        id: t.sdgTargets.id,
        goal: t.sdgTargets.goal,
        position: t.sdgTargets.position,
        titleSv: t.sdgTargets.titleSv,
        titleEn: t.sdgTargets.titleEn,
      })
      .from(t.effortSdgTargets)
      .innerJoin(t.sdgTargets, eq(t.sdgTargets.id, t.effortSdgTargets.sdgTargetId))
      .where(inArray(t.effortSdgTargets.effortId, ids)),
    db.select().from(t.effortAssessments).where(inArray(t.effortAssessments.effortId, ids)),
    db
      .select()
      .from(t.effortIndicators)
      .where(inArray(t.effortIndicators.effortId, ids))
      .orderBy(t.effortIndicators.position),
  ]);
  const indicatorIds = indicators.map((i) => i.id);
  const values = indicatorIds.length
    ? await db
        .select()
        .from(t.effortIndicatorValues)
        .where(inArray(t.effortIndicatorValues.indicatorId, indicatorIds))
    : [];

  const orgIds = new Set<string>();
  for (const r of rows) if (r.ownerOrganisationId) orgIds.add(r.ownerOrganisationId);
  for (const p of partners) orgIds.add(p.organisationId);
  for (const f of funding) if (f.financierOrganisationId) orgIds.add(f.financierOrganisationId);
  const orgNames = new Map(
    orgIds.size
      ? (
          await db
            .select({
              id: t.organisations.id,
              name: t.organisations.name,
              visibility: t.organisations.visibility,
            })
            .from(t.organisations)
            .where(inArray(t.organisations.id, [...orgIds]))
        ).map((o) => [o.id, mayNameOrganisation(scope, o) ? o.name : HIDDEN_ORGANISATION_NAME])
      : [],
  );
  const org = (id: string | null) => (id ? { id, name: orgNames.get(id) ?? '' } : null);

  const municipalities = await db
    .select({ code: t.areas.code, name: t.areas.name, type: t.areas.type })
    .from(t.areas)
    .where(and(eq(t.areas.regionCode, regionCode), inArray(t.areas.type, ['municipality', 'sameby'])));
  const areaName = new Map(municipalities.map((a) => [a.code, a.name]));
  const needsCountySpread = rows.some((r) => r.reachWholeCounty);
  const countySpread = needsCountySpread ? await countyReach(db, regionCode) : [];

  const group = <T extends { effortId: string }>(items: T[]) => {
    const map = new Map<string, T[]>();
    for (const item of items) map.set(item.effortId, [...(map.get(item.effortId) ?? []), item]);
    return (id: string) => map.get(id) ?? [];
  };
  const partnersOf = group(partners);
  const fundingOf = group(funding);
  const reachOf = group(reach);
  const samebyarOf = group(samebyar);
  const prioritiesOf = group(priorities);
  const strengthOf = group(strength);
  const nationalOf = group(national);
  const sdgOf = group(sdg);
  const assessmentsOf = group(assessments);
  const indicatorsOf = group(indicators);
  const valuesOf = new Map<string, typeof values>();
  for (const v of values) valuesOf.set(v.indicatorId, [...(valuesOf.get(v.indicatorId) ?? []), v]);

  const byId = new Map(
    rows.map((r): [string, EffortOut] => {
      const fundingRows = fundingOf(r.id);
      return [
        r.id,
        {
          id: r.id,
          title: r.title,
          summary: r.summary,
          description: r.description,
          diarienummer: r.diarienummer,
          status: r.status,
          startDate: r.startDate,
          endDate: r.endDate,
          owner: org(r.ownerOrganisationId),
          targetGroups: r.targetGroups,
          visibility: r.visibility,
          isExample: r.isExample,
          partners: partnersOf(r.id)
            .map((p) => ({
              organisation: { id: p.organisationId, name: orgNames.get(p.organisationId) ?? '' },
              role: p.role,
            }))
            .sort((a, b) => compareSwedish(a.organisation.name, b.organisation.name)),
          funding: fundingRows.map((f) => ({
            source: f.source,
            financier: org(f.financierOrganisationId),
            year: f.year,
            amountSek: Number(f.amountSek),
            status: f.status,
          })),
          fundingTotals: fundingTotals(fundingRows.map((f) => ({ ...f, amountSek: Number(f.amountSek) }))),
          reach: {
            wholeCounty: r.reachWholeCounty,
            municipalities: (r.reachWholeCounty
              ? countySpread
              : reachOf(r.id).map((x) => ({ areaCode: x.areaCode, shareHundredths: x.shareHundredths }))
            )
              .map((x) => ({
                areaCode: x.areaCode,
                name: areaName.get(x.areaCode) ?? x.areaCode,
                share: hundredthsToPercent(x.shareHundredths),
              }))
              .sort((a, b) => b.share - a.share || compareSwedish(a.name, b.name)),
            samebyar: samebyarOf(r.id)
              .map((s) => ({ areaCode: s.areaCode, name: areaName.get(s.areaCode) ?? s.areaCode }))
              .sort((a, b) => compareSwedish(a.name, b.name)),
          },
          links: {
            priorities: prioritiesOf(r.id)
              .sort((a, b) => a.number - b.number)
              .map((p) => ({ id: p.id, number: p.number, title: p.title })),
            strengthAreas: strengthOf(r.id)
              .sort((a, b) => a.position - b.position)
              .map((s) => ({ id: s.id, name: s.name })),
            nationalAreas: nationalOf(r.id)
              .sort((a, b) => a.code - b.code)
              .map((n) => ({ code: n.code, title: n.title })),
            sdgTargets: sdgOf(r.id)
              .sort((a, b) => a.goal - b.goal || a.position - b.position)
              .map((s) => ({ id: s.id, title: s.titleSv ?? s.titleEn })),
          },
          assessments: assessmentsOf(r.id)
            .sort(
              (a, b) =>
                t.assessmentDimensions.indexOf(a.dimension) - t.assessmentDimensions.indexOf(b.dimension),
            )
            .map((a) => ({
              dimension: a.dimension,
              score: a.score,
              rationale: a.rationale,
              assessedBy: a.assessedByLabel,
              assessedAt: a.assessedAt.toISOString(),
            })),
          indicators: indicatorsOf(r.id).map((i) => ({
            kind: i.kind,
            name: i.name,
            unit: i.unit,
            baseline: i.baseline,
            target: i.target,
            values: (valuesOf.get(i.id) ?? [])
              .map((v) => ({ period: v.period, sex: v.sex, areaCode: v.areaCode || null, actual: v.actual }))
              .sort(
                (a, b) =>
                  a.period.localeCompare(b.period) ||
                  (a.areaCode ?? '').localeCompare(b.areaCode ?? '') ||
                  a.sex.localeCompare(b.sex),
              ),
          })),
          version: r.version,
          createdAt: r.createdAt.toISOString(),
          updatedAt: r.updatedAt.toISOString(),
        },
      ];
    }),
  );
  return ids.flatMap((id) => byId.get(id) ?? []);
}

function mayNameOrganisation(scope: ReadScope, o: { id: string; visibility: string }) {
  return scope.all || o.visibility === 'published' || o.id === scope.organisationId;
}

/** "The whole county": every municipality of the region, by its latest population. */
async function countyReach(db: Executor, regionCode: string) {
  const municipalities = await db
    .select({ code: t.areas.code })
    .from(t.areas)
    .where(and(eq(t.areas.regionCode, regionCode), eq(t.areas.type, 'municipality')));
  const population = await latestPopulation(
    db as Db,
    municipalities.map((m) => m.code),
  );
  return spreadByPopulation(
    municipalities.map((m) => ({ areaCode: m.code, population: population.get(m.code)?.value ?? 0 })),
  );
}

export async function getEffortRow(db: Executor, regionCode: string, id: string) {
  const [row] = await db
    .select()
    .from(t.efforts)
    .where(and(eq(t.efforts.id, id), eq(t.efforts.regionCode, regionCode)));
  return row;
}

/** The SQL conditions of a list query (also used by the exports). */
export function listConditions(regionCode: string, scope: ReadScope, q: Partial<EffortListQuery>): SQL[] {
  const e = t.efforts;
  const conditions: SQL[] = [eq(e.regionCode, regionCode)];
  if (!scope.all) {
    conditions.push(
      scope.organisationId
        ? sql`(${e.visibility} = 'published' or ${e.ownerOrganisationId} = ${scope.organisationId})`
        : sql`${e.visibility} = 'published'`,
    );
  }
  if (q.status) conditions.push(eq(e.status, q.status));
  if (q.owner) conditions.push(eq(e.ownerOrganisationId, q.owner));
  if (q.q) {
    conditions.push(
      sql`to_tsvector('swedish', coalesce(${e.title}, '') || ' ' || coalesce(${e.summary}, '') || ' ' || coalesce(${e.description}, '')) @@ websearch_to_tsquery('swedish', ${q.q})`,
    );
  }
  if (q.priority) {
    conditions.push(
      sql`exists (select 1 from ${t.effortPriorities} p where p.effort_id = ${e.id} and p.priority_id = ${q.priority})`,
    );
  }
  if (q.strengthArea) {
    conditions.push(
      sql`exists (select 1 from ${t.effortStrengthAreas} s where s.effort_id = ${e.id} and s.strength_area_id = ${q.strengthArea})`,
    );
  }
  if (q.nationalArea !== undefined) {
    conditions.push(
      sql`exists (select 1 from ${t.effortNationalAreas} n where n.effort_id = ${e.id} and n.national_area_code = ${q.nationalArea})`,
    );
  }
  if (q.sdgGoal !== undefined) {
    conditions.push(
      sql`exists (select 1 from ${t.effortSdgTargets} x join ${t.sdgTargets} g on g.id = x.sdg_target_id where x.effort_id = ${e.id} and g.goal = ${q.sdgGoal})`,
    );
  }
  if (q.municipality) {
    conditions.push(
      sql`(${e.reachWholeCounty} or exists (select 1 from ${t.effortReach} r where r.effort_id = ${e.id} and r.area_code = ${q.municipality}))`,
    );
  }
  if (q.financier) {
    conditions.push(
      sql`exists (select 1 from ${t.effortFunding} f where f.effort_id = ${e.id} and f.source = ${q.financier})`,
    );
  }
  if (q.year !== undefined) {
    conditions.push(
      sql`(${e.startDate} is null or ${e.startDate} <= ${`${q.year}-12-31`}) and (${e.endDate} is null or ${e.endDate} >= ${`${q.year}-01-01`})`,
    );
  }
  return conditions;
}

export type EffortList = {
  items: EffortSummary[];
  total: number;
  totalFundingSek: number;
  limit: number;
  offset: number;
};

/**
 * Filtered, sorted and paginated summaries, with the count and the money over the whole filtered
 * set. Sorting and paging happen in SQL (titles by their Swedish sort key), so only one page of
 * rows is read however many efforts there are.
 */
export async function findEfforts(
  db: Db,
  regionCode: string,
  scope: ReadScope,
  q: EffortListQuery,
): Promise<EffortList> {
  const e = t.efforts;
  const where = and(...listConditions(regionCode, scope, q));
  const fundingTotal = sql<string>`coalesce((select sum(f.amount_sek) from ${t.effortFunding} f where f.effort_id = ${e.id}), 0)`;
  const desc = q.order === 'desc';
  const dir = desc ? sql`desc` : sql`asc`;
  const titleOrder = sql`${e.titleSort} collate "C"`;
  const orderBy =
    q.sort === 'startDate'
      ? sql`${e.startDate} ${dir} nulls last, ${titleOrder}, ${e.id}`
      : q.sort === 'updatedAt'
        ? sql`${e.updatedAt} ${dir}, ${e.id}`
        : q.sort === 'funding'
          ? sql`${fundingTotal} ${dir}, ${titleOrder}, ${e.id}`
          : sql`${titleOrder} ${dir}, ${e.id} ${dir}`;

  const [totals, fundingSum, page] = await Promise.all([
    db.select({ n: sql<number>`count(*)::int` }).from(e).where(where),
    db
      .select({ sum: sql<string>`coalesce(sum(${t.effortFunding.amountSek}), 0)` })
      .from(t.effortFunding)
      .innerJoin(e, eq(e.id, t.effortFunding.effortId))
      .where(where),
    db
      .select({
        id: e.id,
        title: e.title,
        diarienummer: e.diarienummer,
        status: e.status,
        startDate: e.startDate,
        endDate: e.endDate,
        ownerId: e.ownerOrganisationId,
        ownerName: t.organisations.name,
        ownerVisibility: t.organisations.visibility,
        visibility: e.visibility,
        isExample: e.isExample,
        wholeCounty: e.reachWholeCounty,
        updatedAt: e.updatedAt,
        totalFundingSek: fundingTotal,
        municipalities: sql<
          string[] | null
        >`(select array_agg(r.area_code order by r.area_code) from ${t.effortReach} r where r.effort_id = ${e.id})`,
      })
      .from(e)
      .leftJoin(t.organisations, eq(t.organisations.id, e.ownerOrganisationId))
      .where(where)
      .orderBy(orderBy)
      .limit(q.limit)
      .offset(q.offset),
  ]);

  const allMunicipalities = page.some((r) => r.wholeCounty)
    ? (
        await db
          .select({ code: t.areas.code })
          .from(t.areas)
          .where(and(eq(t.areas.regionCode, regionCode), eq(t.areas.type, 'municipality')))
          .orderBy(t.areas.code)
      ).map((a) => a.code)
    : [];
  return {
    items: page.map((r) => ({
      id: r.id,
      title: r.title,
      diarienummer: r.diarienummer,
      status: r.status,
      startDate: r.startDate,
      endDate: r.endDate,
      owner: r.ownerId
        ? {
            id: r.ownerId,
            name: mayNameOrganisation(scope, { id: r.ownerId, visibility: r.ownerVisibility ?? 'internal' })
              ? (r.ownerName ?? '')
              : HIDDEN_ORGANISATION_NAME,
          }
        : null,
      visibility: r.visibility,
      isExample: r.isExample,
      totalFundingSek: Number(r.totalFundingSek),
      municipalities: r.wholeCounty ? allMunicipalities : (r.municipalities ?? []),
      wholeCounty: r.wholeCounty,
      updatedAt: r.updatedAt.toISOString(),
    })),
    total: Number(totals[0]?.n ?? 0),
    totalFundingSek: Number(fundingSum[0]?.sum ?? 0),
    limit: q.limit,
    offset: q.offset,
  };
}

/** All efforts matching a list query, in list order, as full documents (for exports). */
export async function findEffortDocuments(db: Db, regionCode: string, scope: ReadScope, q: EffortListQuery) {
  const list = await findEfforts(db, regionCode, scope, { ...q, offset: 0, limit: 1_000_000 });
  return loadEffortDocuments(
    db,
    regionCode,
    list.items.map((i) => i.id),
    scope,
  );
}

/** Efforts an organisation owns, takes part in or finances (for the actor page). */
export async function findEffortsOfOrganisation(
  db: Db,
  regionCode: string,
  scope: ReadScope,
  organisationId: string,
) {
  const e = t.efforts;
  const rows = await db
    .select({ id: e.id, title: e.title, status: e.status, ownerId: e.ownerOrganisationId })
    .from(e)
    .where(
      and(
        ...listConditions(regionCode, scope, {}),
        sql`(${e.ownerOrganisationId} = ${organisationId}
          or exists (select 1 from ${t.effortPartners} p where p.effort_id = ${e.id} and p.organisation_id = ${organisationId})
          or exists (select 1 from ${t.effortFunding} f where f.effort_id = ${e.id} and f.financier_organisation_id = ${organisationId}))`,
      ),
    );
  const roles = await db
    .select({ effortId: t.effortPartners.effortId, role: t.effortPartners.role })
    .from(t.effortPartners)
    .where(eq(t.effortPartners.organisationId, organisationId));
  return rows
    .map((r) => ({
      id: r.id,
      title: r.title,
      status: r.status,
      roles: [
        ...(r.ownerId === organisationId ? ['owner'] : []),
        ...roles.filter((x) => x.effortId === r.id).map((x) => x.role),
      ],
    }))
    .sort((a, b) => compareSwedish(a.title, b.title));
}

// ---------------------------------------------------------------------------------------------
// Writing

/** Checks every reference in the parts against the region; throws one 400 naming every bad field. */
async function checkReferences(
  tx: DbTransaction,
  regionCode: string,
  ownerOrganisationId: string | null | undefined,
  parts: Partial<Parts>,
): Promise<void> {
  const errors: FieldError[] = [];
  const orgRefs: Array<[string, string]> = [];
  if (ownerOrganisationId) orgRefs.push(['body.ownerOrganisationId', ownerOrganisationId]);
  parts.partners?.forEach((p, i) => {
    orgRefs.push([`body.partners.${i}.organisationId`, p.organisationId]);
  });
  parts.funding?.forEach((f, i) => {
    if (f.financierOrganisationId)
      orgRefs.push([`body.funding.${i}.financierOrganisationId`, f.financierOrganisationId]);
  });
  if (orgRefs.length) {
    const found = new Set(
      (
        await tx
          .select({ id: t.organisations.id })
          .from(t.organisations)
          .where(
            and(
              eq(t.organisations.regionCode, regionCode),
              inArray(
                t.organisations.id,
                orgRefs.map(([, id]) => id),
              ),
            ),
          )
      ).map((o) => o.id),
    );
    for (const [field, id] of orgRefs)
      if (!found.has(id)) errors.push({ field, message: `no organisation ${id} in the region` });
  }

  const areaRows = await tx
    .select({ code: t.areas.code, type: t.areas.type })
    .from(t.areas)
    .where(eq(t.areas.regionCode, regionCode));
  const municipalities = new Set(areaRows.filter((a) => a.type === 'municipality').map((a) => a.code));
  const samebyar = new Set(areaRows.filter((a) => a.type === 'sameby').map((a) => a.code));
  parts.reach?.municipalities.forEach((m, i) => {
    if (!municipalities.has(m.areaCode)) {
      errors.push({
        field: `body.reach.municipalities.${i}.areaCode`,
        message: `${m.areaCode} is not a municipality of the region`,
      });
    }
  });
  parts.reach?.samebyar.forEach((code, i) => {
    if (!samebyar.has(code))
      errors.push({ field: `body.reach.samebyar.${i}`, message: `${code} is not a sameby of the region` });
  });
  parts.indicators?.forEach((ind, i) => {
    ind.values.forEach((v, j) => {
      if (v.areaCode && !municipalities.has(v.areaCode)) {
        errors.push({
          field: `body.indicators.${i}.values.${j}.areaCode`,
          message: `${v.areaCode} is not a municipality of the region`,
        });
      }
    });
  });

  const links = parts.links;
  if (links) {
    const check = async <T extends string | number>(
      ids: T[],
      field: string,
      load: (ids: T[]) => Promise<T[]>,
      what: string,
    ) => {
      if (ids.length === 0) return;
      const found = new Set(await load(ids));
      ids.forEach((id, i) => {
        if (!found.has(id)) errors.push({ field: `body.links.${field}.${i}`, message: `no ${what} ${id}` });
      });
    };
    await check(
      links.priorities,
      'priorities',
      async (ids) =>
        (
          await tx
            .select({ id: t.longTermPriorities.id })
            .from(t.longTermPriorities)
            .where(
              and(eq(t.longTermPriorities.regionCode, regionCode), inArray(t.longTermPriorities.id, ids)),
            )
        ).map((r) => r.id),
      'long-term priority of the region',
    );
    await check(
      links.strengthAreas,
      'strengthAreas',
      async (ids) =>
        (
          await tx
            .select({ id: t.strengthAreas.id })
            .from(t.strengthAreas)
            .where(and(eq(t.strengthAreas.regionCode, regionCode), inArray(t.strengthAreas.id, ids)))
        ).map((r) => r.id),
      'strength area of the region',
    );
    await check(
      links.nationalAreas,
      'nationalAreas',
      async (ids) =>
        (
          await tx
            .select({ code: t.nationalStrategyAreas.code })
            .from(t.nationalStrategyAreas)
            .where(inArray(t.nationalStrategyAreas.code, ids))
        ).map((r) => r.code),
      'national strategic area',
    );
    await check(
      links.sdgTargets,
      'sdgTargets',
      async (ids) =>
        (
          await tx.select({ id: t.sdgTargets.id }).from(t.sdgTargets).where(inArray(t.sdgTargets.id, ids))
        ).map((r) => r.id),
      'Agenda 2030 target',
    );
  }
  if (errors.length) {
    throw new HttpProblem(
      400,
      'Bad Request',
      errors.map((e) => `${e.field}: ${e.message}`).join('; '),
      errors,
    );
  }
}

/** Replaces each part that is given (undefined parts are left as they are). */
async function writeParts(tx: DbTransaction, effortId: string, parts: Partial<Parts>, actor: AuditActor) {
  const previous = parts.assessments
    ? await tx.select().from(t.effortAssessments).where(eq(t.effortAssessments.effortId, effortId))
    : [];
  const rows = partRows(effortId, parts, assessorOf(actor), previous);
  const replace = async <T extends PgTable & { effortId: AnyPgColumn }>(
    table: T,
    values: Array<Record<string, unknown>> | undefined,
  ) => {
    if (!values) return;
    await tx.delete(table).where(eq(table.effortId, effortId));
    if (values.length) await tx.insert(table).values(values as never);
  };
  await replace(t.effortPartners, rows.partners);
  await replace(t.effortFunding, rows.funding);
  await replace(t.effortReach, rows.reach);
  await replace(t.effortSamebyar, rows.samebyar);
  await replace(t.effortPriorities, rows.priorities);
  await replace(t.effortStrengthAreas, rows.strengthAreas);
  await replace(t.effortNationalAreas, rows.nationalAreas);
  await replace(t.effortSdgTargets, rows.sdgTargets);
  await replace(t.effortAssessments, rows.assessments);
  if (parts.reach) {
    await tx
      .update(t.efforts)
      .set({ reachWholeCounty: parts.reach.wholeCounty })
      .where(eq(t.efforts.id, effortId));
  }
  if (parts.indicators) await replaceIndicators(tx, effortId, parts.indicators);
}

const indicatorInUseMessage = (uses: string) =>
  `An indicator that is removed measures a logic item of a strength area's intervention logic (${uses}); ` +
  'measure that logic item otherwise first';

/**
 * Replaces the effort's indicators, keeping the ids of those that stay (a strength area's
 * intervention logic may measure by them): the new list is matched to the old rows by position;
 * those rows are changed in place with their values replaced, rows beyond the new list are
 * removed, and further indicators added. Removing one a logic item measures by is 409 IN_USE.
 */
export async function replaceIndicators(
  tx: DbTransaction,
  effortId: string,
  indicators: Parts['indicators'],
) {
  const old = await tx
    .select({ id: t.effortIndicators.id })
    .from(t.effortIndicators)
    .where(eq(t.effortIndicators.effortId, effortId))
    .orderBy(t.effortIndicators.position, t.effortIndicators.id);
  const removed = old.slice(indicators.length).map((r) => r.id);
  if (removed.length) {
    const used = await tx
      .select({ area: t.strengthAreas.nameSv, description: t.s3LogicItems.description })
      .from(t.s3LogicItems)
      .innerJoin(t.strengthAreas, eq(t.strengthAreas.id, t.s3LogicItems.strengthAreaId))
      .where(inArray(t.s3LogicItems.effortIndicatorId, removed));
    if (used.length) {
      const uses = used.map((u) => `${u.area}: "${u.description}"`).join('; ');
      throw conflict(indicatorInUseMessage(uses), 'IN_USE');
    }
    await tx.delete(t.effortIndicators).where(inArray(t.effortIndicators.id, removed));
  }
  for (const [position, ind] of indicators.entries()) {
    const fields = {
      position,
      kind: ind.kind,
      name: ind.name,
      unit: ind.unit,
      baseline: ind.baseline ?? null,
      target: ind.target ?? null,
    };
    const kept = old[position];
    let id = kept?.id;
    if (id) {
      await tx.update(t.effortIndicators).set(fields).where(eq(t.effortIndicators.id, id));
      await tx.delete(t.effortIndicatorValues).where(eq(t.effortIndicatorValues.indicatorId, id));
    } else {
      const [row] = await tx
        .insert(t.effortIndicators)
        .values({ effortId, ...fields })
        .returning({ id: t.effortIndicators.id });
      id = row?.id;
    }
    if (!id) throw new Error('effort indicator not written');
    const indicatorId = id;
    // One value per period, sex and municipality (the last one given wins).
    const values = [
      ...new Map(ind.values.map((v) => [`${v.period}|${v.sex}|${v.areaCode ?? ''}`, v])).values(),
    ];
    if (values.length) {
      await tx.insert(t.effortIndicatorValues).values(
        values.map((v) => ({
          indicatorId,
          period: v.period,
          sex: v.sex,
          areaCode: v.areaCode ?? '',
          actual: v.actual,
        })),
      );
    }
  }
}

/** The efforts row of an input (its parts go to their own tables). */
export function effortRow(regionCode: string, input: EffortInput) {
  return {
    regionCode,
    title: input.title,
    titleSort: swedishSortKey(input.title),
    summary: input.summary ?? null,
    description: input.description ?? null,
    diarienummer: input.diarienummer ?? null,
    status: input.status,
    startDate: input.startDate ?? null,
    endDate: input.endDate ?? null,
    ownerOrganisationId: input.ownerOrganisationId ?? null,
    targetGroups: input.targetGroups,
    reachWholeCounty: input.reach.wholeCounty,
    visibility: input.visibility,
  };
}

const duplicateDiarienummer = (diarienummer: string | null | undefined) =>
  conflict(`Another effort already has diarienummer ${diarienummer}`, 'DUPLICATE_DIARIENUMMER');

/** Creates an effort with its parts inside `tx` (also used by the import). */
export async function insertEffort(
  tx: DbTransaction,
  actor: AuditActor,
  input: EffortInput,
  options: { isExample?: boolean } = {},
): Promise<string> {
  await checkReferences(tx, actor.regionCode, input.ownerOrganisationId, input);
  const [created] = await tx
    .insert(t.efforts)
    .values({ ...effortRow(actor.regionCode, input), isExample: options.isExample ?? false })
    .returning({ id: t.efforts.id });
  if (!created) throw new Error('insert returned no row');
  await writeParts(tx, created.id, input, actor);
  const [document] = await loadEffortDocuments(tx, actor.regionCode, [created.id]);
  await recordAudit(tx, actor, {
    action: 'create',
    entityType,
    entityId: created.id,
    before: null,
    after: auditView(document),
  });
  return created.id;
}

export async function createEffort(db: Db, actor: Actor, input: EffortInput): Promise<EffortOut> {
  try {
    return await db.transaction(async (tx) => {
      const id = await insertEffort(tx, actor, input);
      const [document] = await loadEffortDocuments(tx, actor.regionCode, [id]);
      if (!document) throw new Error('created effort not found');
      return document;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateDiarienummer(input.diarienummer);
    throw error;
  }
}

/** What the audit trail keeps of an effort: the document without bookkeeping and derived totals. */
function auditView(document: EffortOut | undefined): Record<string, unknown> | null {
  if (!document) return null;
  const { fundingTotals: _totals, version: _v, createdAt: _c, updatedAt: _u, ...rest } = document;
  // For the whole county, the spread follows the population and is not part of the change.
  return rest.reach.wholeCounty ? { ...rest, reach: { ...rest.reach, municipalities: [] } } : rest;
}

export async function updateEffort(
  db: Db,
  actor: Actor,
  id: string,
  expectedVersion: number,
  patch: EffortPatch,
  authorise: (current: EffortRow) => void,
): Promise<EffortOut> {
  try {
    return await db.transaction(async (tx) => {
      const [current] = await tx
        .select()
        .from(t.efforts)
        .where(and(eq(t.efforts.id, id), eq(t.efforts.regionCode, actor.regionCode)))
        .for('update');
      if (!current) throw notFound(`No effort ${id}`);
      authorise(current);
      if (current.version !== expectedVersion) throw versionMismatch(current.version);
      const [before] = await loadEffortDocuments(tx, actor.regionCode, [id]);
      await checkReferences(tx, actor.regionCode, patch.ownerOrganisationId, patch);
      const { partners, funding, reach, links, assessments, indicators, ...fields } = patch;
      await tx
        .update(t.efforts)
        .set({
          ...fields,
          ...(fields.title !== undefined ? { titleSort: swedishSortKey(fields.title) } : {}),
          version: current.version + 1,
          updatedAt: new Date(),
        })
        .where(eq(t.efforts.id, id));
      await writeParts(tx, id, { partners, funding, reach, links, assessments, indicators }, actor);
      const [after] = await loadEffortDocuments(tx, actor.regionCode, [id]);
      if (!after) throw new Error('updated effort not found');
      await recordAudit(tx, actor, {
        action: 'update',
        entityType,
        entityId: id,
        before: auditView(before),
        after: auditView(after),
      });
      return after;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateDiarienummer(patch.diarienummer);
    // A logic item began to measure by a removed indicator after it was checked (ON DELETE RESTRICT).
    if (patch.indicators && (isRestrictViolation(error) || isForeignKeyViolation(error)))
      throw conflict(indicatorInUseMessage('changed meanwhile'), 'IN_USE');
    throw error;
  }
}

export async function deleteEffort(
  db: Db,
  actor: Actor,
  id: string,
  expectedVersion: number,
  authorise: (current: EffortRow) => void,
): Promise<void> {
  try {
    await db.transaction(async (tx) => {
      const [current] = await tx
        .select()
        .from(t.efforts)
        .where(and(eq(t.efforts.id, id), eq(t.efforts.regionCode, actor.regionCode)))
        .for('update');
      if (!current) throw notFound(`No effort ${id}`);
      authorise(current);
      if (current.version !== expectedVersion) throw versionMismatch(current.version);
      const [before] = await loadEffortDocuments(tx, actor.regionCode, [id]);
      await tx.delete(t.efforts).where(eq(t.efforts.id, id));
      await recordAudit(tx, actor, {
        action: 'delete',
        entityType,
        entityId: id,
        before: auditView(before),
        after: null,
      });
    });
  } catch (error) {
    // Goal conflicts and Sami consultations that name the effort keep it (their record would lose it).
    if (isForeignKeyViolation(error) || isRestrictViolation(error)) {
      throw conflict(
        "The effort is named in a goal conflict or a Sami consultation, or a strength area's intervention logic measures by its indicators; remove it there first",
        'IN_USE',
      );
    }
    throw error;
  }
}
