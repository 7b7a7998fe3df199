/**
 * The strength areas: the overview of the four, one area with its vision, sub-areas, action plan,
 * intervention logic and money, and the changes of vision, sub-areas and logic items. The areas
 * are public; efforts are shown as the effort rules allow (internal efforts of others are left out).
 */
import { and, asc, desc, eq, gte, inArray, max, sql } from 'drizzle-orm';
import type { Db, DbTransaction, Executor } from '../../../db/connection.ts';
import { readTogether } from '../../../db/read-together.ts';
import * as t from '../../../db/schema.ts';
import { type FieldError, notFound } from '../../../server/problem.ts';
import { todayInSweden } from '../../../shared/dates.ts';
import { versionMismatch } from '../../../shared/optimistic-lock.ts';
import { bilingual } from '../../../shared/text.ts';
import { type Actor, type ReadScope, readScope } from '../../access/permissions.ts';
import { type AuditActor, recordAudit } from '../../audit/audit.ts';
import { assessmentMeans } from '../process/process-rules.ts';
import {
  fundingByEffort,
  latestPeriodValue,
  latestYearValue,
  logicItemProblems,
  moneyTotals,
} from './area-rules.ts';
import type {
  AreaOut,
  AreaSummary,
  LogicItemInput,
  LogicItemOut,
  LogicItemPatch,
  SubAreaInput,
  SubAreaOut,
  SubAreaPatch,
  VisionPatch,
} from './area-schemas.ts';
import { badRequest, logicAudit, visibleEfforts } from './area-shared.ts';
import { detachSubArea, initiativeIdsOfArea, loadInitiatives } from './initiatives-service.ts';

export type StrengthAreaRow = typeof t.strengthAreas.$inferSelect;

export async function findAreaBySlug(db: Executor, regionCode: string, slug: string) {
  const [row] = await db
    .select()
    .from(t.strengthAreas)
    .where(and(eq(t.strengthAreas.regionCode, regionCode), eq(t.strengthAreas.slug, slug)));
  return row;
}

async function requireArea(db: Executor, regionCode: string, slug: string) {
  const area = await findAreaBySlug(db, regionCode, slug);
  if (!area) throw notFound(`No strength area ${slug}`);
  return area;
}

// --- The overview ---------------------------------------------------------------------------

export async function listAreas(db: Db, actor: Actor): Promise<AreaSummary[]> {
  const regionCode = actor.regionCode;
  const areas = await db
    .select()
    .from(t.strengthAreas)
    .where(eq(t.strengthAreas.regionCode, regionCode))
    .orderBy(asc(t.strengthAreas.position));
  if (areas.length === 0) return [];
  const areaIds = areas.map((a) => a.id);
  const scope = readScope(actor);
  const [
    visions,
    steps,
    subAreaCounts,
    initiativeCounts,
    areaEfforts,
    initiativeEfforts,
    meetings,
    assessments,
  ] = await Promise.all([
    db.select().from(t.s3AreaVisions).where(inArray(t.s3AreaVisions.strengthAreaId, areaIds)),
    db
      .select({ areaId: t.s3Steps.strengthAreaId, step: t.s3Steps.step, status: t.s3Steps.status })
      .from(t.s3Steps)
      .where(inArray(t.s3Steps.strengthAreaId, areaIds)),
    db
      .select({ areaId: t.s3SubAreas.strengthAreaId, n: sql<number>`count(*)::int` })
      .from(t.s3SubAreas)
      .where(inArray(t.s3SubAreas.strengthAreaId, areaIds))
      .groupBy(t.s3SubAreas.strengthAreaId),
    db
      .select({ areaId: t.s3Initiatives.strengthAreaId, n: sql<number>`count(*)::int` })
      .from(t.s3Initiatives)
      .where(inArray(t.s3Initiatives.strengthAreaId, areaIds))
      .groupBy(t.s3Initiatives.strengthAreaId),
    db
      .select({ areaId: t.effortStrengthAreas.strengthAreaId, effortId: t.efforts.id })
      .from(t.effortStrengthAreas)
      .innerJoin(t.efforts, eq(t.efforts.id, t.effortStrengthAreas.effortId))
      .where(and(inArray(t.effortStrengthAreas.strengthAreaId, areaIds), visibleEfforts(regionCode, scope))),
    db
      .select({ areaId: t.s3Initiatives.strengthAreaId, effortId: t.efforts.id })
      .from(t.s3InitiativeEfforts)
      .innerJoin(t.s3Initiatives, eq(t.s3Initiatives.id, t.s3InitiativeEfforts.initiativeId))
      .innerJoin(t.efforts, eq(t.efforts.id, t.s3InitiativeEfforts.effortId))
      .where(and(inArray(t.s3Initiatives.strengthAreaId, areaIds), visibleEfforts(regionCode, scope))),
    db
      .select({ areaId: t.s3MeetingAreas.strengthAreaId, n: sql<number>`count(*)::int` })
      .from(t.s3MeetingAreas)
      .innerJoin(t.s3Meetings, eq(t.s3Meetings.id, t.s3MeetingAreas.meetingId))
      .where(
        and(
          inArray(t.s3MeetingAreas.strengthAreaId, areaIds),
          eq(t.s3Meetings.regionCode, regionCode),
          eq(t.s3Meetings.visibility, 'published'),
          gte(t.s3Meetings.heldOn, todayInSweden()),
        ),
      )
      .groupBy(t.s3MeetingAreas.strengthAreaId),
    db
      .select({
        id: t.s3Assessments.id,
        areaId: t.s3Assessments.strengthAreaId,
        assessedOn: t.s3Assessments.assessedOn,
      })
      .from(t.s3Assessments)
      .where(inArray(t.s3Assessments.strengthAreaId, areaIds))
      .orderBy(desc(t.s3Assessments.assessedOn), desc(t.s3Assessments.createdAt)),
  ]);
  const latestAssessmentOf = new Map<string, { id: string; assessedOn: string }>();
  for (const a of assessments) if (!latestAssessmentOf.has(a.areaId)) latestAssessmentOf.set(a.areaId, a);
  const latestIds = [...latestAssessmentOf.values()].map((a) => a.id);
  const scores = latestIds.length
    ? await db
        .select({
          assessmentId: t.s3AssessmentScores.assessmentId,
          step: t.s3AssessmentScores.step,
          score: t.s3AssessmentScores.score,
        })
        .from(t.s3AssessmentScores)
        .where(inArray(t.s3AssessmentScores.assessmentId, latestIds))
    : [];
  const count = (rows: Array<{ areaId: string; n: number }>, id: string) =>
    rows.find((r) => r.areaId === id)?.n ?? 0;
  return areas.map((area) => {
    const vision = visions.find((v) => v.strengthAreaId === area.id);
    const effortIds = new Set(
      [...areaEfforts, ...initiativeEfforts].filter((e) => e.areaId === area.id).map((e) => e.effortId),
    );
    const latest = latestAssessmentOf.get(area.id);
    // The same mean as the assessments endpoint gives.
    const mean = latest ? assessmentMeans(scores.filter((s) => s.assessmentId === latest.id)).overall : null;
    return {
      id: area.id,
      slug: area.slug,
      position: area.position,
      name: bilingual(area.nameSv, area.nameEn),
      description: bilingual(area.descriptionSv, area.descriptionEn),
      descriptionUncertain: area.descriptionUncertain,
      vision: vision ? { textSv: vision.textSv, textEn: vision.textEn, isExample: vision.isExample } : null,
      steps: t.s3StepKeys.map((step) => ({
        step,
        status: steps.find((s) => s.areaId === area.id && s.step === step)?.status ?? 'not_started',
      })),
      counts: {
        subAreas: count(subAreaCounts, area.id),
        initiatives: count(initiativeCounts, area.id),
        efforts: effortIds.size,
        upcomingMeetings: count(meetings, area.id),
      },
      latestAssessment: latest && mean !== null ? { assessedOn: latest.assessedOn, mean } : null,
    };
  });
}

// --- One area ---------------------------------------------------------------------------------

export async function getArea(db: Db, actor: Actor, slug: string): Promise<AreaOut | null> {
  const area = await findAreaBySlug(db, actor.regionCode, slug);
  if (!area) return null;
  const scope = readScope(actor);
  const [vision, subAreas, initiativeIds, logicRows] = await Promise.all([
    db.select().from(t.s3AreaVisions).where(eq(t.s3AreaVisions.strengthAreaId, area.id)),
    loadSubAreas(db, area.id),
    initiativeIdsOfArea(db, area.id),
    db
      .select()
      .from(t.s3LogicItems)
      .where(eq(t.s3LogicItems.strengthAreaId, area.id))
      .orderBy(asc(t.s3LogicItems.position), asc(t.s3LogicItems.createdAt)),
  ]);
  const [initiatives, logic, money] = await Promise.all([
    loadInitiatives(db, actor, initiativeIds),
    loadLogicItems(db, actor, logicRows),
    areaMoney(db, actor.regionCode, scope, area.id),
  ]);
  const v = vision[0];
  return {
    id: area.id,
    slug: area.slug,
    position: area.position,
    name: bilingual(area.nameSv, area.nameEn),
    description: bilingual(area.descriptionSv, area.descriptionEn),
    descriptionUncertain: area.descriptionUncertain,
    vision: v
      ? {
          textSv: v.textSv,
          textEn: v.textEn,
          isExample: v.isExample,
          version: v.version,
          updatedAt: v.updatedAt.toISOString(),
        }
      : null,
    visionVersion: v?.version ?? 0,
    subAreas,
    initiatives,
    logic: {
      results: logic.filter((l) => l.kind === 'result'),
      outputs: logic.filter((l) => l.kind === 'output'),
    },
    money,
  };
}

async function loadSubAreas(db: Executor, strengthAreaId: string): Promise<SubAreaOut[]> {
  const rows = await db
    .select()
    .from(t.s3SubAreas)
    .where(eq(t.s3SubAreas.strengthAreaId, strengthAreaId))
    .orderBy(asc(t.s3SubAreas.position), asc(t.s3SubAreas.createdAt));
  return rows.map(subAreaOut);
}

const subAreaOut = (r: typeof t.s3SubAreas.$inferSelect): SubAreaOut => ({
  id: r.id,
  strengthAreaId: r.strengthAreaId,
  position: r.position,
  name: r.name,
  description: r.description,
  needs: r.needs,
  isExample: r.isExample,
  version: r.version,
});

/** Efforts the reader may see linked to the area or to its initiatives, with their money. */
async function areaMoney(db: Db, regionCode: string, scope: ReadScope, strengthAreaId: string) {
  const visible = visibleEfforts(regionCode, scope);
  const effortColumns = {
    id: t.efforts.id,
    title: t.efforts.title,
    titleSort: t.efforts.titleSort,
    status: t.efforts.status,
    isExample: t.efforts.isExample,
  };
  const [direct, viaInitiative] = await Promise.all([
    db
      .select(effortColumns)
      .from(t.effortStrengthAreas)
      .innerJoin(t.efforts, eq(t.efforts.id, t.effortStrengthAreas.effortId))
      .where(and(eq(t.effortStrengthAreas.strengthAreaId, strengthAreaId), visible)),
    db
      .select(effortColumns)
      .from(t.s3InitiativeEfforts)
      .innerJoin(t.s3Initiatives, eq(t.s3Initiatives.id, t.s3InitiativeEfforts.initiativeId))
      .innerJoin(t.efforts, eq(t.efforts.id, t.s3InitiativeEfforts.effortId))
      .where(and(eq(t.s3Initiatives.strengthAreaId, strengthAreaId), visible)),
  ]);
  const byId = new Map<string, (typeof direct)[number] & { via: Set<'area' | 'initiative'> }>();
  for (const [rows, via] of [
    [direct, 'area'],
    [viaInitiative, 'initiative'],
  ] as const) {
    for (const row of rows) {
      const entry = byId.get(row.id) ?? { ...row, via: new Set() };
      entry.via.add(via);
      byId.set(row.id, entry);
    }
  }
  const ids = [...byId.keys()];
  const funding = ids.length
    ? await db
        .select({
          effortId: t.effortFunding.effortId,
          status: t.effortFunding.status,
          amountSek: t.effortFunding.amountSek,
        })
        .from(t.effortFunding)
        .where(inArray(t.effortFunding.effortId, ids))
    : [];
  const sums = fundingByEffort(funding);
  const efforts = [...byId.values()]
    // The title sort key orders byte-wise in Swedish order.
    .sort((a, b) => (a.titleSort < b.titleSort ? -1 : a.titleSort > b.titleSort ? 1 : a.id < b.id ? -1 : 1))
    .map((e) => ({
      id: e.id,
      title: e.title,
      status: e.status,
      isExample: e.isExample,
      via: (['area', 'initiative'] as const).filter((v) => e.via.has(v)),
      decidedSek: sums.get(e.id)?.decidedSek ?? 0,
      plannedSek: sums.get(e.id)?.plannedSek ?? 0,
    }));
  return { efforts, totals: moneyTotals(efforts) };
}

// --- Logic items ------------------------------------------------------------------------------

export async function loadLogicItems(
  db: Executor,
  actor: Actor,
  rows: Array<typeof t.s3LogicItems.$inferSelect>,
): Promise<LogicItemOut[]> {
  const indicatorIds = [...new Set(rows.map((r) => r.indicatorId).filter((x): x is string => !!x))];
  const effortIndicatorIds = [
    ...new Set(rows.map((r) => r.effortIndicatorId).filter((x): x is string => !!x)),
  ];
  const scope = readScope(actor);
  const [indicators, values, effortIndicators, actuals] = await readTogether(db, [
    () =>
      indicatorIds.length
        ? db.select().from(t.indicators).where(inArray(t.indicators.id, indicatorIds))
        : Promise.resolve([]),
    () =>
      indicatorIds.length
        ? db
            .select({
              indicatorId: t.indicatorValues.indicatorId,
              year: t.indicatorValues.year,
              value: t.indicatorValues.value,
            })
            .from(t.indicatorValues)
            .where(
              and(
                inArray(t.indicatorValues.indicatorId, indicatorIds),
                eq(t.indicatorValues.regionCode, actor.regionCode),
                // The county's own values: its area code is the region code.
                eq(t.indicatorValues.areaCode, actor.regionCode),
                eq(t.indicatorValues.sex, 'total'),
              ),
            )
        : Promise.resolve([]),
    () =>
      effortIndicatorIds.length
        ? db
            .select({
              id: t.effortIndicators.id,
              name: t.effortIndicators.name,
              unit: t.effortIndicators.unit,
              target: t.effortIndicators.target,
              effortId: t.efforts.id,
              effortTitle: t.efforts.title,
            })
            .from(t.effortIndicators)
            .innerJoin(t.efforts, eq(t.efforts.id, t.effortIndicators.effortId))
            .where(
              and(
                inArray(t.effortIndicators.id, effortIndicatorIds),
                visibleEfforts(actor.regionCode, scope),
              ),
            )
        : Promise.resolve([]),
    () =>
      effortIndicatorIds.length
        ? db
            .select({
              indicatorId: t.effortIndicatorValues.indicatorId,
              period: t.effortIndicatorValues.period,
              actual: t.effortIndicatorValues.actual,
            })
            .from(t.effortIndicatorValues)
            .where(
              and(
                inArray(t.effortIndicatorValues.indicatorId, effortIndicatorIds),
                eq(t.effortIndicatorValues.sex, 'total'),
                eq(t.effortIndicatorValues.areaCode, ''),
              ),
            )
        : Promise.resolve([]),
  ]);
  return rows.map((r) => {
    let measure: LogicItemOut['measure'] = null;
    if (r.indicatorId) {
      const indicator = indicators.find((i) => i.id === r.indicatorId);
      if (indicator)
        measure = {
          kind: 'indicator',
          indicatorId: indicator.id,
          title: bilingual(indicator.titleSv, indicator.titleEn),
          unit: bilingual(indicator.unitSv, indicator.unitEn),
          latest: latestYearValue(values.filter((v) => v.indicatorId === indicator.id)),
        };
    } else if (r.effortIndicatorId) {
      const ei = effortIndicators.find((i) => i.id === r.effortIndicatorId);
      if (ei)
        measure = {
          kind: 'effort_indicator',
          effortIndicatorId: ei.id,
          effort: { id: ei.effortId, title: ei.effortTitle },
          name: ei.name,
          unit: ei.unit,
          target: ei.target,
          latest: latestPeriodValue(actuals.filter((a) => a.indicatorId === ei.id)),
        };
    }
    return {
      id: r.id,
      strengthAreaId: r.strengthAreaId,
      kind: r.kind,
      initiativeId: r.initiativeId,
      position: r.position,
      description: r.description,
      // An effort indicator of an effort the reader may not see is not named.
      indicatorId: r.indicatorId,
      effortIndicatorId:
        measure?.kind === 'effort_indicator' || !r.effortIndicatorId ? r.effortIndicatorId : null,
      targetValue: r.targetValue,
      targetYear: r.targetYear,
      measure,
      isExample: r.isExample,
      version: r.version,
    };
  });
}

/** The own indicators of an effort the reader may see (none otherwise). */
export async function listEffortIndicators(db: Db, actor: Actor, effortId: string) {
  return db
    .select({
      id: t.effortIndicators.id,
      kind: t.effortIndicators.kind,
      name: t.effortIndicators.name,
      unit: t.effortIndicators.unit,
      target: t.effortIndicators.target,
    })
    .from(t.effortIndicators)
    .innerJoin(t.efforts, eq(t.efforts.id, t.effortIndicators.effortId))
    .where(and(eq(t.efforts.id, effortId), visibleEfforts(actor.regionCode, readScope(actor))))
    .orderBy(asc(t.effortIndicators.position));
}

/** Problems with the logic item's references (initiative, indicator, effort indicator). */
async function logicReferenceProblems(
  tx: DbTransaction,
  regionCode: string,
  strengthAreaId: string,
  item: { initiativeId: string | null; indicatorId: string | null; effortIndicatorId: string | null },
): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  if (item.initiativeId) {
    const [initiative] = await tx
      .select({ id: t.s3Initiatives.id })
      .from(t.s3Initiatives)
      .where(
        and(eq(t.s3Initiatives.id, item.initiativeId), eq(t.s3Initiatives.strengthAreaId, strengthAreaId)),
      );
    if (!initiative)
      errors.push({
        field: 'body.initiativeId',
        message: `no initiative ${item.initiativeId} in this strength area`,
      });
  }
  if (item.indicatorId) {
    const [indicator] = await tx
      .select({ id: t.indicators.id })
      .from(t.indicators)
      .where(eq(t.indicators.id, item.indicatorId));
    if (!indicator) errors.push({ field: 'body.indicatorId', message: `no indicator ${item.indicatorId}` });
  }
  if (item.effortIndicatorId) {
    const [ei] = await tx
      .select({ id: t.effortIndicators.id })
      .from(t.effortIndicators)
      .innerJoin(t.efforts, eq(t.efforts.id, t.effortIndicators.effortId))
      .where(and(eq(t.effortIndicators.id, item.effortIndicatorId), eq(t.efforts.regionCode, regionCode)));
    if (!ei)
      errors.push({
        field: 'body.effortIndicatorId',
        message: `no effort indicator ${item.effortIndicatorId} in the region`,
      });
  }
  return errors;
}

export async function insertLogicItem(
  tx: DbTransaction,
  actor: AuditActor,
  strengthAreaId: string,
  input: LogicItemInput,
  options: { isExample?: boolean } = {},
): Promise<typeof t.s3LogicItems.$inferSelect> {
  const facts = {
    kind: input.kind,
    initiativeId: input.initiativeId ?? null,
    indicatorId: input.indicatorId ?? null,
    effortIndicatorId: input.effortIndicatorId ?? null,
    targetValue: input.targetValue ?? null,
    targetYear: input.targetYear ?? null,
  };
  const problems = [
    ...logicItemProblems(facts),
    ...(await logicReferenceProblems(tx, actor.regionCode, strengthAreaId, facts)),
  ];
  if (problems.length) throw badRequest(problems);
  const [last] = await tx
    .select({ n: max(t.s3LogicItems.position) })
    .from(t.s3LogicItems)
    .where(eq(t.s3LogicItems.strengthAreaId, strengthAreaId));
  const [row] = await tx
    .insert(t.s3LogicItems)
    .values({
      ...facts,
      strengthAreaId,
      description: input.description,
      position: input.position ?? (last?.n ?? 0) + 1,
      isExample: options.isExample ?? false,
    })
    .returning();
  if (!row) throw new Error('logic item not inserted');
  await recordAudit(tx, actor, {
    action: 'create',
    entityType: 's3_logic_item',
    entityId: row.id,
    before: null,
    after: logicAudit(row),
  });
  return row;
}

export async function createLogicItem(db: Db, actor: Actor, slug: string, input: LogicItemInput) {
  return db.transaction(async (tx) => {
    const area = await requireArea(tx, actor.regionCode, slug);
    const row = await insertLogicItem(tx, actor, area.id, input);
    const [out] = await loadLogicItems(tx, actor, [row]);
    if (!out) throw new Error('created logic item not found');
    return out;
  });
}

async function lockLogicItem(tx: DbTransaction, regionCode: string, id: string, expectedVersion: number) {
  const [current] = await tx
    .select({ item: t.s3LogicItems })
    .from(t.s3LogicItems)
    .innerJoin(t.strengthAreas, eq(t.strengthAreas.id, t.s3LogicItems.strengthAreaId))
    .where(and(eq(t.s3LogicItems.id, id), eq(t.strengthAreas.regionCode, regionCode)))
    .for('update', { of: t.s3LogicItems });
  if (!current) throw notFound(`No logic item ${id}`);
  if (current.item.version !== expectedVersion) throw versionMismatch(current.item.version);
  return current.item;
}

export async function updateLogicItem(
  db: Db,
  actor: Actor,
  id: string,
  expectedVersion: number,
  patch: LogicItemPatch,
): Promise<LogicItemOut> {
  return db.transaction(async (tx) => {
    const current = await lockLogicItem(tx, actor.regionCode, id, expectedVersion);
    if (Object.keys(patch).length > 0) {
      const merged = { ...current, ...patch };
      const facts = {
        kind: merged.kind,
        initiativeId: merged.initiativeId ?? null,
        indicatorId: merged.indicatorId ?? null,
        effortIndicatorId: merged.effortIndicatorId ?? null,
        targetValue: merged.targetValue ?? null,
        targetYear: merged.targetYear ?? null,
      };
      const problems = [
        ...logicItemProblems(facts),
        ...(await logicReferenceProblems(tx, actor.regionCode, current.strengthAreaId, {
          initiativeId: patch.initiativeId ? facts.initiativeId : null,
          indicatorId: patch.indicatorId ? facts.indicatorId : null,
          effortIndicatorId: patch.effortIndicatorId ? facts.effortIndicatorId : null,
        })),
      ];
      if (problems.length) throw badRequest(problems);
      const [after] = await tx
        .update(t.s3LogicItems)
        .set({ ...patch, version: current.version + 1, updatedAt: new Date() })
        .where(eq(t.s3LogicItems.id, id))
        .returning();
      await recordAudit(tx, actor, {
        action: 'update',
        entityType: 's3_logic_item',
        entityId: id,
        before: logicAudit(current),
        after: logicAudit(after),
      });
    }
    const rows = await tx.select().from(t.s3LogicItems).where(eq(t.s3LogicItems.id, id));
    const [out] = await loadLogicItems(tx, actor, rows);
    if (!out) throw new Error('updated logic item not found');
    return out;
  });
}

export async function deleteLogicItem(db: Db, actor: Actor, id: string, expectedVersion: number) {
  await db.transaction(async (tx) => {
    const current = await lockLogicItem(tx, actor.regionCode, id, expectedVersion);
    await tx.delete(t.s3LogicItems).where(eq(t.s3LogicItems.id, id));
    await recordAudit(tx, actor, {
      action: 'delete',
      entityType: 's3_logic_item',
      entityId: id,
      before: logicAudit(current),
      after: null,
    });
  });
}

// --- Vision -------------------------------------------------------------------------------------

const visionAudit = (r: typeof t.s3AreaVisions.$inferSelect | undefined) =>
  r ? { textSv: r.textSv, textEn: r.textEn, isExample: r.isExample } : null;

/**
 * Changes the vision; version 0 (If-Match "0") makes it when the area has none yet (textSv then
 * required). Of concurrent first writes one makes it; the others get 412 as if they were stale.
 */
export async function updateVision(
  db: Db,
  actor: AuditActor,
  slug: string,
  expectedVersion: number,
  patch: VisionPatch,
  options: { isExample?: boolean } = {},
) {
  return db.transaction(async (tx) => {
    const area = await requireArea(tx, actor.regionCode, slug);
    const [current] = await tx
      .select()
      .from(t.s3AreaVisions)
      .where(eq(t.s3AreaVisions.strengthAreaId, area.id))
      .for('update');
    if ((current?.version ?? 0) !== expectedVersion) throw versionMismatch(current?.version ?? 0);
    if (current && Object.keys(patch).length === 0) return current;
    let after: typeof t.s3AreaVisions.$inferSelect | undefined;
    if (!current) {
      if (!patch.textSv)
        throw badRequest([{ field: 'body.textSv', message: 'give the vision text to make the vision' }]);
      // A row made meanwhile by another request is not locked by the select above: insert only
      // when there still is none, and answer as to a stale version otherwise.
      [after] = await tx
        .insert(t.s3AreaVisions)
        .values({
          strengthAreaId: area.id,
          textSv: patch.textSv,
          textEn: patch.textEn ?? null,
          isExample: patch.isExample ?? options.isExample ?? false,
        })
        .onConflictDoNothing()
        .returning();
      if (!after) {
        const [made] = await tx
          .select({ version: t.s3AreaVisions.version })
          .from(t.s3AreaVisions)
          .where(eq(t.s3AreaVisions.strengthAreaId, area.id));
        throw versionMismatch(made?.version ?? 1);
      }
    } else {
      [after] = await tx
        .update(t.s3AreaVisions)
        .set({ ...patch, version: current.version + 1, updatedAt: new Date() })
        .where(eq(t.s3AreaVisions.strengthAreaId, area.id))
        .returning();
    }
    if (!after) throw new Error('vision not written');
    await recordAudit(tx, actor, {
      action: current ? 'update' : 'create',
      entityType: 's3_area_vision',
      entityId: area.id,
      before: visionAudit(current),
      after: visionAudit(after),
    });
    return after;
  });
}

// --- Sub-areas ----------------------------------------------------------------------------------

const subAreaAudit = (r: typeof t.s3SubAreas.$inferSelect | undefined) => {
  if (!r) return null;
  const { version: _v, createdAt: _c, updatedAt: _u, ...rest } = r;
  return rest;
};

export async function insertSubArea(
  tx: DbTransaction,
  actor: AuditActor,
  strengthAreaId: string,
  input: SubAreaInput,
  options: { isExample?: boolean } = {},
) {
  const [last] = await tx
    .select({ n: max(t.s3SubAreas.position) })
    .from(t.s3SubAreas)
    .where(eq(t.s3SubAreas.strengthAreaId, strengthAreaId));
  const [row] = await tx
    .insert(t.s3SubAreas)
    .values({
      strengthAreaId,
      name: input.name,
      description: input.description ?? null,
      needs: input.needs ?? null,
      position: input.position ?? (last?.n ?? 0) + 1,
      isExample: options.isExample ?? false,
    })
    .returning();
  if (!row) throw new Error('sub-area not inserted');
  await recordAudit(tx, actor, {
    action: 'create',
    entityType: 's3_sub_area',
    entityId: row.id,
    before: null,
    after: subAreaAudit(row),
  });
  return row;
}

export async function createSubArea(db: Db, actor: Actor, slug: string, input: SubAreaInput) {
  return db.transaction(async (tx) => {
    const area = await requireArea(tx, actor.regionCode, slug);
    return subAreaOut(await insertSubArea(tx, actor, area.id, input));
  });
}

async function lockSubArea(tx: DbTransaction, regionCode: string, id: string, expectedVersion: number) {
  const [current] = await tx
    .select({ sub: t.s3SubAreas })
    .from(t.s3SubAreas)
    .innerJoin(t.strengthAreas, eq(t.strengthAreas.id, t.s3SubAreas.strengthAreaId))
    .where(and(eq(t.s3SubAreas.id, id), eq(t.strengthAreas.regionCode, regionCode)))
    .for('update', { of: t.s3SubAreas });
  if (!current) throw notFound(`No sub-area ${id}`);
  if (current.sub.version !== expectedVersion) throw versionMismatch(current.sub.version);
  return current.sub;
}

export async function updateSubArea(
  db: Db,
  actor: Actor,
  id: string,
  expectedVersion: number,
  patch: SubAreaPatch,
): Promise<SubAreaOut> {
  return db.transaction(async (tx) => {
    const current = await lockSubArea(tx, actor.regionCode, id, expectedVersion);
    if (Object.keys(patch).length === 0) return subAreaOut(current);
    const [after] = await tx
      .update(t.s3SubAreas)
      .set({ ...patch, version: current.version + 1, updatedAt: new Date() })
      .where(eq(t.s3SubAreas.id, id))
      .returning();
    if (!after) throw new Error('sub-area not updated');
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 's3_sub_area',
      entityId: id,
      before: subAreaAudit(current),
      after: subAreaAudit(after),
    });
    return subAreaOut(after);
  });
}

/**
 * Removes a sub-area; its initiatives stay in the action plan without a sub-area (each changed
 * explicitly: a new version and an audit row).
 */
export async function deleteSubArea(db: Db, actor: Actor, id: string, expectedVersion: number) {
  await db.transaction(async (tx) => {
    const current = await lockSubArea(tx, actor.regionCode, id, expectedVersion);
    await detachSubArea(tx, actor, id);
    await tx.delete(t.s3SubAreas).where(eq(t.s3SubAreas.id, id));
    await recordAudit(tx, actor, {
      action: 'delete',
      entityType: 's3_sub_area',
      entityId: id,
      before: subAreaAudit(current),
      after: null,
    });
  });
}
