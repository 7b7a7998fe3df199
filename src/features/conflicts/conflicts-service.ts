/**
 * The goal-conflict register: conflicts with their goals, places, actors, efforts, decisions and
 * an append-only handling history. Every change is one transaction with its audit row.
 */
import { and, asc, desc, eq, exists, inArray, max, or, type SQL, sql } from 'drizzle-orm';
import type { Db, DbTransaction, Executor } from '../../db/connection.ts';
import type { ConflictGoalKind, ConflictStatus } from '../../db/schema.ts';
import * as t from '../../db/schema.ts';
import { type FieldError, HttpProblem, notFound } from '../../server/problem.ts';
import { todayInSweden } from '../../shared/dates.ts';
import { versionMismatch } from '../../shared/optimistic-lock.ts';
import { compareSwedish, swedishSortKey } from '../../shared/text.ts';
import type { Actor } from '../access/permissions.ts';
import { readsEverything } from '../access/permissions.ts';
import { type AuditActor, recordAudit } from '../audit/audit.ts';
import { allowedNextStatuses, stepProblems } from './conflict-rules.ts';
import {
  type ConflictInput,
  type ConflictListQuery,
  type ConflictOut,
  type ConflictPatch,
  type ConflictSummary,
  conflictSummarySchema,
  type StepInputBody,
} from './conflict-schemas.ts';
import { requireOpenSuggestion } from './suggestions-service.ts';

const entityType = 'goal_conflict';
export type ConflictRow = typeof t.goalConflicts.$inferSelect;

/** Who sees which conflicts: staff and viewers all; partners published + those naming their organisation. */
export type ConflictScope = { all: true } | { all: false; organisationId: string | null };
export const conflictScope = (actor: Actor): ConflictScope =>
  readsEverything(actor)
    ? { all: true }
    : { all: false, organisationId: actor.role === 'partner' ? actor.organisationId : null };

function scopeCondition(scope: ConflictScope): SQL | undefined {
  if (scope.all) return undefined;
  const published = eq(t.goalConflicts.visibility, 'published');
  if (!scope.organisationId) return published;
  return or(
    published,
    sql`exists (select 1 from ${t.goalConflictActors} where ${t.goalConflictActors.conflictId} = ${t.goalConflicts.id} and ${t.goalConflictActors.organisationId} = ${scope.organisationId})`,
  );
}

/** Steps are dated in Swedish time (a step recorded at 00:30 in Östersund is today's). */
export const today = () => todayInSweden();

/** The conflict row if it exists in the region and the reader may see it. */
export async function getConflictRow(db: Executor, regionCode: string, id: string, scope: ConflictScope) {
  const [row] = await db
    .select()
    .from(t.goalConflicts)
    .where(
      and(eq(t.goalConflicts.id, id), eq(t.goalConflicts.regionCode, regionCode), scopeCondition(scope)),
    );
  return row ?? null;
}

export async function findConflicts(
  db: Db,
  regionCode: string,
  scope: ConflictScope,
  query: ConflictListQuery,
): Promise<ConflictSummary[]> {
  const conditions: (SQL | undefined)[] = [eq(t.goalConflicts.regionCode, regionCode), scopeCondition(scope)];
  if (query.status) conditions.push(eq(t.goalConflicts.status, query.status));
  if (query.dimension) {
    conditions.push(sql`${t.goalConflicts.dimensions} @> ${JSON.stringify([query.dimension])}::jsonb`);
  }
  if (query.place) {
    conditions.push(
      exists(
        db
          .select({ one: sql`1` })
          .from(t.goalConflictPlaces)
          .where(
            and(
              eq(t.goalConflictPlaces.conflictId, t.goalConflicts.id),
              eq(t.goalConflictPlaces.areaCode, query.place),
            ),
          ),
      ),
    );
  }
  if (query.strengthArea) {
    conditions.push(
      exists(
        db
          .select({ one: sql`1` })
          .from(t.goalConflictGoals)
          .where(
            and(
              eq(t.goalConflictGoals.conflictId, t.goalConflicts.id),
              eq(t.goalConflictGoals.strengthAreaId, query.strengthArea),
            ),
          ),
      ),
    );
  }
  if (query.q?.trim()) {
    const pattern = `%${query.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(
      sql`(${t.goalConflicts.title} ilike ${pattern} or ${t.goalConflicts.description} ilike ${pattern})`,
    );
  }
  const rows = await db
    .select({ id: t.goalConflicts.id })
    .from(t.goalConflicts)
    .where(and(...conditions))
    .orderBy(desc(t.goalConflicts.severity), sql`${t.goalConflicts.titleSort} collate "C"`);
  const documents = await loadConflictDocuments(
    db,
    regionCode,
    rows.map((r) => r.id),
    scope,
    { summary: true },
  );
  return documents.map(
    (document) => Object.fromEntries(summaryFields.map((f) => [f, document[f]])) as ConflictSummary,
  );
}

/** The fields of a list item: those of the summary schema, taken from the full document. */
const summaryFields = Object.keys(conflictSummarySchema.shape) as (keyof ConflictSummary)[];

/** Full documents of the given conflicts, in the order of `ids`, as `scope` may see their parts. */
export async function loadConflictDocuments(
  db: Executor,
  regionCode: string,
  ids: string[],
  scope: ConflictScope,
  /** For lists: leaves out actors, efforts, steps and warnings (only the latest step's date). */
  options: { summary?: boolean } = {},
): Promise<ConflictOut[]> {
  if (ids.length === 0) return [];
  const summary = options.summary ?? false;
  const [rows, goalRows, placeRows, actorRows, effortRows, stepRows, latestRows] = await Promise.all([
    db
      .select()
      .from(t.goalConflicts)
      .where(and(eq(t.goalConflicts.regionCode, regionCode), inArray(t.goalConflicts.id, ids))),
    db
      .select({
        conflictId: t.goalConflictGoals.conflictId,
        position: t.goalConflictGoals.position,
        kind: t.goalConflictGoals.kind,
        priorityId: t.goalConflictGoals.priorityId,
        priorityNumber: t.longTermPriorities.number,
        priorityTitle: t.longTermPriorities.titleSv,
        strengthAreaId: t.goalConflictGoals.strengthAreaId,
        strengthAreaName: t.strengthAreas.nameSv,
        nationalAreaCode: t.goalConflictGoals.nationalAreaCode,
        nationalAreaTitle: t.nationalStrategyAreas.titleSv,
        sdgTargetId: t.goalConflictGoals.sdgTargetId,
        sdgTargetTitle: sql<
          string | null
        >`coalesce(${t.sdgTargets.shortSv}, ${t.sdgTargets.titleSv}, ${t.sdgTargets.titleEn})`,
        freeText: t.goalConflictGoals.freeText,
      })
      .from(t.goalConflictGoals)
      .leftJoin(t.longTermPriorities, eq(t.longTermPriorities.id, t.goalConflictGoals.priorityId))
      .leftJoin(t.strengthAreas, eq(t.strengthAreas.id, t.goalConflictGoals.strengthAreaId))
      .leftJoin(
        t.nationalStrategyAreas,
        eq(t.nationalStrategyAreas.code, t.goalConflictGoals.nationalAreaCode),
      )
      .leftJoin(t.sdgTargets, eq(t.sdgTargets.id, t.goalConflictGoals.sdgTargetId))
      .where(inArray(t.goalConflictGoals.conflictId, ids))
      .orderBy(asc(t.goalConflictGoals.position)),
    db
      .select({
        conflictId: t.goalConflictPlaces.conflictId,
        code: t.areas.code,
        name: t.areas.name,
        type: t.areas.type,
      })
      .from(t.goalConflictPlaces)
      .innerJoin(t.areas, eq(t.areas.code, t.goalConflictPlaces.areaCode))
      .where(inArray(t.goalConflictPlaces.conflictId, ids)),
    summary
      ? []
      : db
          .select({
            conflictId: t.goalConflictActors.conflictId,
            id: t.organisations.id,
            name: t.organisations.name,
            kind: t.organisations.kind,
            visibility: t.organisations.visibility,
          })
          .from(t.goalConflictActors)
          .innerJoin(t.organisations, eq(t.organisations.id, t.goalConflictActors.organisationId))
          .where(inArray(t.goalConflictActors.conflictId, ids)),
    summary
      ? []
      : db
          .select({
            conflictId: t.goalConflictEfforts.conflictId,
            id: t.efforts.id,
            title: t.efforts.title,
            visibility: t.efforts.visibility,
            ownerOrganisationId: t.efforts.ownerOrganisationId,
          })
          .from(t.goalConflictEfforts)
          .innerJoin(t.efforts, eq(t.efforts.id, t.goalConflictEfforts.effortId))
          .where(inArray(t.goalConflictEfforts.conflictId, ids)),
    summary
      ? []
      : db
          .select({
            step: t.goalConflictSteps,
            indicatorTitle: t.indicators.titleSv,
          })
          .from(t.goalConflictSteps)
          .leftJoin(t.indicators, eq(t.indicators.id, t.goalConflictSteps.followUpIndicatorId))
          .where(inArray(t.goalConflictSteps.conflictId, ids))
          .orderBy(asc(t.goalConflictSteps.sequence)),
    summary
      ? db
          .select({ conflictId: t.goalConflictSteps.conflictId, latest: max(t.goalConflictSteps.stepDate) })
          .from(t.goalConflictSteps)
          .where(inArray(t.goalConflictSteps.conflictId, ids))
          .groupBy(t.goalConflictSteps.conflictId)
      : [],
  ]);
  const latestDate = new Map(latestRows.map((r) => [r.conflictId, r.latest]));
  // Linked records the reader may not see are left out (not named).
  const mayRead = (r: { visibility: string; ownerOrganisationId?: string | null }, organisationId?: string) =>
    scope.all ||
    r.visibility === 'published' ||
    (scope.organisationId !== null &&
      (r.ownerOrganisationId === scope.organisationId || organisationId === scope.organisationId));
  const effortIds = [...new Set(effortRows.map((e) => e.id))];
  const openConsultations = effortIds.length
    ? await db
        .select({
          id: t.samiConsultations.id,
          title: t.samiConsultations.matterTitle,
          effortId: t.samiConsultations.effortId,
        })
        .from(t.samiConsultations)
        .where(
          and(
            eq(t.samiConsultations.regionCode, regionCode),
            inArray(t.samiConsultations.effortId, effortIds),
            eq(t.samiConsultations.outcome, 'pending'),
          ),
        )
    : [];

  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const steps = stepRows
      .filter((s) => s.step.conflictId === id)
      .map(({ step, indicatorTitle }) => ({
        id: step.id,
        sequence: step.sequence,
        status: step.status,
        date: step.stepDate,
        text: step.text,
        handling: step.handling,
        justification: step.justification,
        followUpIndicator: step.followUpIndicatorId
          ? { id: step.followUpIndicatorId, title: indicatorTitle ?? step.followUpIndicatorId }
          : null,
        isExample: step.isExample,
        recordedBy: scope.all ? step.recordedByLabel : null,
        recordedAt: step.recordedAt.toISOString(),
      }));
    const efforts = effortRows.filter((e) => e.conflictId === id);
    const hasDecision = row.decisions.length > 0 || steps.some((s) => s.status === 'handled');
    const warnings = hasDecision
      ? openConsultations
          .filter((c) => efforts.some((e) => e.id === c.effortId))
          .map((c) => ({
            code: 'decision_while_consultation_open' as const,
            consultationId: c.id,
            consultationTitle: c.title,
            message: `A decision or handling is recorded while the Sami consultation "${c.title}" on a linked effort is still open`,
          }))
      : [];
    return [
      {
        id: row.id,
        title: row.title,
        description: row.description,
        status: row.status,
        severity: row.severity,
        dimensions: row.dimensions,
        madeVisibleBy: row.madeVisibleBy,
        places: placeRows
          .filter((p) => p.conflictId === id)
          .map(({ code, name, type }) => ({ code, name, type }))
          .sort((a, b) =>
            a.type === b.type ? compareSwedish(a.name, b.name) : a.type === 'municipality' ? -1 : 1,
          ),
        goals: goalRows.filter((g) => g.conflictId === id).map(goalOut),
        actors: actorRows
          .filter((a) => a.conflictId === id && mayRead(a, a.id))
          .map(({ id: actorId, name, kind }) => ({ id: actorId, name, kind }))
          .sort((a, b) => compareSwedish(a.name, b.name)),
        efforts: efforts
          .filter((e) => mayRead(e))
          .map(({ id: effortId, title }) => ({ id: effortId, title }))
          .sort((a, b) => compareSwedish(a.title, b.title)),
        decisions: row.decisions,
        sources: row.sources,
        suggestionKey: scope.all ? row.suggestionKey : null,
        steps,
        latestStepDate:
          (summary ? latestDate.get(id) : steps.at(-1)?.date) ?? row.createdAt.toISOString().slice(0, 10),
        nextStatuses: [...allowedNextStatuses[row.status]],
        warnings: scope.all ? warnings : [],
        visibility: row.visibility,
        isExample: row.isExample,
        version: row.version,
        createdAt: row.createdAt.toISOString(),
        updatedAt: row.updatedAt.toISOString(),
      },
    ];
  });
}

function goalOut(g: {
  kind: ConflictGoalKind;
  priorityId: string | null;
  priorityNumber: number | null;
  priorityTitle: string | null;
  strengthAreaId: string | null;
  strengthAreaName: string | null;
  nationalAreaCode: number | null;
  nationalAreaTitle: string | null;
  sdgTargetId: string | null;
  sdgTargetTitle: string | null;
  freeText: string | null;
}) {
  switch (g.kind) {
    case 'priority':
      return { kind: g.kind, ref: g.priorityId ?? '', label: `${g.priorityNumber}. ${g.priorityTitle}` };
    case 'strength_area':
      return { kind: g.kind, ref: g.strengthAreaId ?? '', label: g.strengthAreaName ?? '' };
    case 'national_area':
      return { kind: g.kind, ref: String(g.nationalAreaCode), label: g.nationalAreaTitle ?? '' };
    case 'sdg_target':
      return {
        kind: g.kind,
        ref: g.sdgTargetId ?? '',
        label: `${g.sdgTargetId} ${g.sdgTargetTitle ?? ''}`.trim(),
      };
    default:
      return { kind: g.kind, ref: g.freeText ?? '', label: g.freeText ?? '' };
  }
}

type Parts = Pick<ConflictInput, 'goals' | 'places' | 'actorIds' | 'effortIds'>;
type GoalRow = typeof t.goalConflictGoals.$inferInsert;

/** Checks every reference against the region; all problems at once, each at its field. */
async function resolveParts(tx: DbTransaction, regionCode: string, parts: Partial<Parts>) {
  const errors: FieldError[] = [];
  const goalRows: Omit<GoalRow, 'conflictId'>[] = [];
  if (parts.goals) {
    const [priorities, strengthAreas, nationalAreas, sdgTargets] = await Promise.all([
      tx
        .select({ id: t.longTermPriorities.id, number: t.longTermPriorities.number })
        .from(t.longTermPriorities)
        .where(eq(t.longTermPriorities.regionCode, regionCode)),
      tx
        .select({ id: t.strengthAreas.id, slug: t.strengthAreas.slug })
        .from(t.strengthAreas)
        .where(eq(t.strengthAreas.regionCode, regionCode)),
      tx.select({ code: t.nationalStrategyAreas.code }).from(t.nationalStrategyAreas),
      tx.select({ id: t.sdgTargets.id }).from(t.sdgTargets),
    ]);
    const sdgIds = new Set(sdgTargets.map((s) => s.id));
    for (const [position, goal] of parts.goals.entries()) {
      const bad = (message: string) => {
        errors.push({ field: `body.goals.${position}.ref`, message });
      };
      const row: Omit<GoalRow, 'conflictId'> = { position, kind: goal.kind };
      switch (goal.kind) {
        case 'priority': {
          const found = priorities.find((p) => p.id === goal.ref || String(p.number) === goal.ref);
          if (!found) {
            bad(`no long-term priority ${goal.ref} in the region`);
            continue;
          }
          row.priorityId = found.id;
          break;
        }
        case 'strength_area': {
          const found = strengthAreas.find((s) => s.id === goal.ref || s.slug === goal.ref);
          if (!found) {
            bad(`no strength area ${goal.ref} in the region`);
            continue;
          }
          row.strengthAreaId = found.id;
          break;
        }
        case 'national_area': {
          const found = nationalAreas.find((n) => String(n.code) === goal.ref);
          if (!found) {
            bad(`no national strategic area ${goal.ref}`);
            continue;
          }
          row.nationalAreaCode = found.code;
          break;
        }
        case 'sdg_target':
          if (!sdgIds.has(goal.ref)) {
            bad(`no Agenda 2030 target ${goal.ref}`);
            continue;
          }
          row.sdgTargetId = goal.ref;
          break;
        default:
          row.freeText = goal.ref;
      }
      goalRows.push(row);
    }
  }
  if (parts.places?.length) {
    const found = new Set(
      (
        await tx
          .select({ code: t.areas.code })
          .from(t.areas)
          .where(
            and(
              eq(t.areas.regionCode, regionCode),
              inArray(t.areas.code, parts.places),
              inArray(t.areas.type, ['municipality', 'sameby']),
            ),
          )
      ).map((a) => a.code),
    );
    parts.places.forEach((code, i) => {
      if (!found.has(code))
        errors.push({
          field: `body.places.${i}`,
          message: `${code} is not a municipality or sameby of the region`,
        });
    });
  }
  if (parts.actorIds?.length) {
    const found = new Set(
      (
        await tx
          .select({ id: t.organisations.id })
          .from(t.organisations)
          .where(and(eq(t.organisations.regionCode, regionCode), inArray(t.organisations.id, parts.actorIds)))
      ).map((o) => o.id),
    );
    parts.actorIds.forEach((id, i) => {
      if (!found.has(id))
        errors.push({ field: `body.actorIds.${i}`, message: `no organisation ${id} in the region` });
    });
  }
  if (parts.effortIds?.length) {
    const found = new Set(
      (
        await tx
          .select({ id: t.efforts.id })
          .from(t.efforts)
          .where(and(eq(t.efforts.regionCode, regionCode), inArray(t.efforts.id, parts.effortIds)))
      ).map((e) => e.id),
    );
    parts.effortIds.forEach((id, i) => {
      if (!found.has(id))
        errors.push({ field: `body.effortIds.${i}`, message: `no effort ${id} in the region` });
    });
  }
  if (errors.length) throw badRequest(errors);
  return { goalRows };
}

const badRequest = (errors: FieldError[]) =>
  new HttpProblem(400, 'Bad Request', errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);

async function writeParts(tx: DbTransaction, conflictId: string, regionCode: string, parts: Partial<Parts>) {
  const { goalRows } = await resolveParts(tx, regionCode, parts);
  const unique = <T>(values: T[]) => [...new Set(values)];
  if (parts.goals) {
    await tx.delete(t.goalConflictGoals).where(eq(t.goalConflictGoals.conflictId, conflictId));
    if (goalRows.length)
      await tx.insert(t.goalConflictGoals).values(goalRows.map((g) => ({ ...g, conflictId })));
  }
  if (parts.places) {
    await tx.delete(t.goalConflictPlaces).where(eq(t.goalConflictPlaces.conflictId, conflictId));
    const places = unique(parts.places);
    if (places.length)
      await tx.insert(t.goalConflictPlaces).values(places.map((areaCode) => ({ conflictId, areaCode })));
  }
  if (parts.actorIds) {
    await tx.delete(t.goalConflictActors).where(eq(t.goalConflictActors.conflictId, conflictId));
    const actors = unique(parts.actorIds);
    if (actors.length)
      await tx
        .insert(t.goalConflictActors)
        .values(actors.map((organisationId) => ({ conflictId, organisationId })));
  }
  if (parts.effortIds) {
    await tx.delete(t.goalConflictEfforts).where(eq(t.goalConflictEfforts.conflictId, conflictId));
    const effortIds = unique(parts.effortIds);
    if (effortIds.length)
      await tx.insert(t.goalConflictEfforts).values(effortIds.map((effortId) => ({ conflictId, effortId })));
  }
}

const recorder = (actor: AuditActor) =>
  'system' in actor
    ? { recordedByUserId: null, recordedByLabel: actor.system }
    : { recordedByUserId: actor.user?.id ?? null, recordedByLabel: actor.user?.email ?? 'okänd' };

/** What the audit trail keeps: the document without bookkeeping and derived parts. */
function auditView(document: ConflictOut | undefined): Record<string, unknown> | null {
  if (!document) return null;
  const {
    version: _v,
    createdAt: _c,
    updatedAt: _u,
    nextStatuses: _n,
    warnings: _w,
    latestStepDate: _l,
    ...rest
  } = document;
  return rest;
}

export async function insertConflict(
  tx: DbTransaction,
  actor: AuditActor,
  input: ConflictInput,
  options: { isExample?: boolean; steps?: (StepInputBody & { isExample?: boolean })[] } = {},
): Promise<string> {
  const identified = input.identified ?? { date: today(), text: 'Identifierad' };
  const steps = options.steps ?? [
    { status: 'identified' as const, date: identified.date, text: identified.text },
  ];
  // The whole history is checked before anything is written.
  const errors: FieldError[] = [];
  let current: { status: ConflictStatus; latestDate: string } | null = null;
  for (const [i, step] of steps.entries()) {
    for (const p of stepProblems(current, step, today())) {
      // The first step of a new conflict is sent as `identified: {date, text}`.
      const field = options.steps
        ? p.field.replace('body.', `body.steps.${i}.`)
        : p.field.replace('body.', 'body.identified.');
      errors.push({ ...p, field });
    }
    current = { status: step.status, latestDate: step.date };
  }
  if (errors.length) throw badRequest(errors);
  const [row] = await tx
    .insert(t.goalConflicts)
    .values({
      regionCode: actor.regionCode,
      title: input.title,
      titleSort: swedishSortKey(input.title),
      description: input.description,
      dimensions: [...new Set(input.dimensions)],
      severity: input.severity,
      madeVisibleBy: input.madeVisibleBy,
      status: current?.status ?? 'identified',
      decisions: input.decisions.map((d) => ({ ...d, url: d.url ?? null })),
      sources: input.sources.map((s) => ({ ...s, url: s.url ?? null })),
      suggestionKey: input.fromSuggestion?.key ?? null,
      visibility: input.visibility,
      isExample: options.isExample ?? false,
    })
    .returning({ id: t.goalConflicts.id });
  if (!row) throw new Error('conflict not inserted');
  await writeParts(tx, row.id, actor.regionCode, input);
  await tx.insert(t.goalConflictSteps).values(
    steps.map((step, sequence) => ({
      conflictId: row.id,
      sequence: sequence + 1,
      status: step.status,
      stepDate: step.date,
      text: step.text.trim(),
      handling: step.handling ?? null,
      justification: step.justification?.trim() || null,
      followUpIndicatorId: step.followUpIndicatorId ?? null,
      isExample: step.isExample ?? false,
      ...recorder(actor),
    })),
  );
  if (input.fromSuggestion) {
    const label = recorder(actor).recordedByLabel;
    await tx
      .insert(t.conflictSuggestionDecisions)
      .values({
        regionCode: actor.regionCode,
        suggestionKey: input.fromSuggestion.key,
        inputsHash: input.fromSuggestion.inputsHash,
        decision: 'converted',
        conflictId: row.id,
        decidedByLabel: label,
      })
      .onConflictDoUpdate({
        target: [t.conflictSuggestionDecisions.regionCode, t.conflictSuggestionDecisions.suggestionKey],
        set: {
          inputsHash: input.fromSuggestion.inputsHash,
          decision: 'converted',
          reason: null,
          conflictId: row.id,
          decidedByLabel: label,
          decidedAt: new Date(),
        },
      });
  }
  const [after] = await loadConflictDocuments(tx, actor.regionCode, [row.id], { all: true });
  await recordAudit(tx, actor, {
    action: 'create',
    entityType,
    entityId: row.id,
    before: null,
    after: auditView(after),
  });
  return row.id;
}

export async function createConflict(db: Db, actor: Actor, input: ConflictInput): Promise<ConflictOut> {
  return db.transaction(async (tx) => {
    if (input.fromSuggestion) {
      await requireOpenSuggestion(
        tx,
        actor.regionCode,
        input.fromSuggestion.key,
        input.fromSuggestion.inputsHash,
      );
    }
    const id = await insertConflict(tx, actor, input);
    const [document] = await loadConflictDocuments(tx, actor.regionCode, [id], { all: true });
    if (!document) throw new Error('created conflict not found');
    return document;
  });
}

async function lockConflict(tx: DbTransaction, actor: Actor, id: string, expectedVersion: number) {
  const [current] = await tx
    .select()
    .from(t.goalConflicts)
    .where(and(eq(t.goalConflicts.id, id), eq(t.goalConflicts.regionCode, actor.regionCode)))
    .for('update');
  if (!current) throw notFound(`No goal conflict ${id}`);
  if (current.version !== expectedVersion) throw versionMismatch(current.version);
  return current;
}

export async function updateConflict(
  db: Db,
  actor: Actor,
  id: string,
  expectedVersion: number,
  patch: ConflictPatch,
): Promise<ConflictOut> {
  return db.transaction(async (tx) => {
    const current = await lockConflict(tx, actor, id, expectedVersion);
    const [before] = await loadConflictDocuments(tx, actor.regionCode, [id], { all: true });
    // Nothing sent: nothing changes (no new version, no audit row).
    if (before && Object.keys(patch).length === 0) return before;
    const { goals, places, actorIds, effortIds, decisions, sources, dimensions, ...fields } = patch;
    await writeParts(tx, id, actor.regionCode, { goals, places, actorIds, effortIds });
    await tx
      .update(t.goalConflicts)
      .set({
        ...fields,
        ...(fields.title !== undefined ? { titleSort: swedishSortKey(fields.title) } : {}),
        ...(dimensions ? { dimensions: [...new Set(dimensions)] } : {}),
        ...(decisions ? { decisions: decisions.map((d) => ({ ...d, url: d.url ?? null })) } : {}),
        ...(sources ? { sources: sources.map((s) => ({ ...s, url: s.url ?? null })) } : {}),
        version: current.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(t.goalConflicts.id, id));
    const [after] = await loadConflictDocuments(tx, actor.regionCode, [id], { all: true });
    if (!after) throw new Error('updated conflict not found');
    await recordAudit(tx, actor, {
      action: 'update',
      entityType,
      entityId: id,
      before: auditView(before),
      after: auditView(after),
    });
    return after;
  });
}

/** Appends a step to the handling history; the conflict takes the step's status. */
export async function addStep(
  db: Db,
  actor: Actor,
  id: string,
  expectedVersion: number,
  step: StepInputBody,
): Promise<ConflictOut> {
  return db.transaction(async (tx) => {
    const current = await lockConflict(tx, actor, id, expectedVersion);
    const [latest] = await tx
      .select()
      .from(t.goalConflictSteps)
      .where(eq(t.goalConflictSteps.conflictId, id))
      .orderBy(desc(t.goalConflictSteps.sequence))
      .limit(1);
    const problems = stepProblems(
      latest ? { status: current.status, latestDate: latest.stepDate } : null,
      step,
      today(),
    );
    if (step.followUpIndicatorId) {
      const [indicator] = await tx
        .select({ id: t.indicators.id })
        .from(t.indicators)
        .where(eq(t.indicators.id, step.followUpIndicatorId));
      if (!indicator)
        problems.push({
          field: 'body.followUpIndicatorId',
          message: `no indicator ${step.followUpIndicatorId}`,
        });
    }
    if (problems.length) throw badRequest(problems);
    const [inserted] = await tx
      .insert(t.goalConflictSteps)
      .values({
        conflictId: id,
        sequence: (latest?.sequence ?? 0) + 1,
        status: step.status,
        stepDate: step.date,
        text: step.text.trim(),
        handling: step.handling ?? null,
        justification: step.justification?.trim() || null,
        followUpIndicatorId: step.followUpIndicatorId ?? null,
        ...recorder(actor),
      })
      .returning();
    await tx
      .update(t.goalConflicts)
      .set({ status: step.status, version: current.version + 1, updatedAt: new Date() })
      .where(eq(t.goalConflicts.id, id));
    await recordAudit(tx, actor, {
      action: 'add_step',
      entityType,
      entityId: id,
      before: { status: current.status },
      after: {
        status: step.status,
        step: inserted && { ...inserted, recordedAt: inserted.recordedAt.toISOString() },
      },
    });
    const [after] = await loadConflictDocuments(tx, actor.regionCode, [id], { all: true });
    if (!after) throw new Error('conflict not found after step');
    return after;
  });
}
