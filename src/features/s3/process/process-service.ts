/**
 * The six steps of each strength area and its self-assessments (RIS3 assessment wheel). Public
 * reads; staff write (the routes check s3Policy.change). Every change is audited in its
 * transaction; a step is changed under optimistic locking (version 0: no record yet).
 */
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db, DbTransaction, Executor } from '../../../db/connection.ts';
import * as t from '../../../db/schema.ts';
import { type FieldError, HttpProblem, notFound } from '../../../server/problem.ts';
import { todayInSweden } from '../../../shared/dates.ts';
import { versionMismatch } from '../../../shared/optimistic-lock.ts';
import type { Actor } from '../../access/permissions.ts';
import { type AuditActor, recordAudit } from '../../audit/audit.ts';
import { type S3StepKey, s3StepKeys } from './assessment-framework.ts';
import { assessmentMeans, assessmentProblems, compareAssessments, stepProblems } from './process-rules.ts';
import type { AssessmentInput, AssessmentOut, StepInput, StepOut } from './process-schemas.ts';

const badRequest = (errors: FieldError[]) =>
  new HttpProblem(400, 'Bad Request', errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);

export type Area = { id: string; slug: string; nameSv: string; nameEn: string | null };

/** The region's strength area with this slug, or 404. */
export async function areaBySlug(db: Executor, regionCode: string, slug: string): Promise<Area> {
  const [area] = await db
    .select({
      id: t.strengthAreas.id,
      slug: t.strengthAreas.slug,
      nameSv: t.strengthAreas.nameSv,
      nameEn: t.strengthAreas.nameEn,
    })
    .from(t.strengthAreas)
    .where(and(eq(t.strengthAreas.regionCode, regionCode), eq(t.strengthAreas.slug, slug)));
  if (!area) throw notFound(`No strength area ${slug}`);
  return area;
}

type StepRow = typeof t.s3Steps.$inferSelect;

function stepOut(step: S3StepKey, row: StepRow | undefined): StepOut {
  return {
    step,
    number: s3StepKeys.indexOf(step) + 1,
    status: row?.status ?? 'not_started',
    startedOn: row?.startedOn ?? null,
    dueOn: row?.dueOn ?? null,
    responsible: row?.responsible ?? null,
    deliverables: row?.deliverables ?? [],
    note: row?.note ?? null,
    isExample: row?.isExample ?? false,
    version: row?.version ?? 0,
    updatedAt: row ? row.updatedAt.toISOString() : null,
  };
}

/** The six steps in order; a step without a record reads as not started, version 0. */
export async function listSteps(db: Executor, areaId: string): Promise<StepOut[]> {
  const rows = await db.select().from(t.s3Steps).where(eq(t.s3Steps.strengthAreaId, areaId));
  return s3StepKeys.map((step) =>
    stepOut(
      step,
      rows.find((r) => r.step === step),
    ),
  );
}

const stepAuditView = (s: StepOut) => {
  const { version: _v, updatedAt: _u, number: _n, ...rest } = s;
  return rest;
};

/**
 * Writes the full step; `expectedVersion` 0 creates its record. Of concurrent first writes one
 * creates it; the others get 412 as if their version were stale.
 */
export async function putStep(
  tx: DbTransaction,
  actor: AuditActor,
  areaId: string,
  step: S3StepKey,
  expectedVersion: number,
  input: StepInput,
  options: { isExample?: boolean; today?: string } = {},
): Promise<StepOut> {
  const [current] = await tx
    .select()
    .from(t.s3Steps)
    .where(and(eq(t.s3Steps.strengthAreaId, areaId), eq(t.s3Steps.step, step)))
    .for('update');
  const currentVersion = current?.version ?? 0;
  if (currentVersion !== expectedVersion) throw versionMismatch(currentVersion);
  const values = {
    status: input.status,
    startedOn: input.startedOn ?? null,
    dueOn: input.dueOn ?? null,
    responsible: input.responsible ?? null,
    deliverables: (input.deliverables ?? []).map((d) => ({
      title: d.title.trim(),
      url: d.url && d.url.trim() !== '' ? d.url.trim() : null,
    })),
    note: input.note ?? null,
  };
  const problems = stepProblems(values, options.today ?? todayInSweden());
  if (problems.length) throw badRequest(problems);
  const before = current ? stepOut(step, current) : null;
  let row: StepRow | undefined;
  if (current) {
    [row] = await tx
      .update(t.s3Steps)
      .set({
        ...values,
        // What an officer saves is the region's own record, no longer example content.
        isExample: options.isExample ?? false,
        version: current.version + 1,
        updatedAt: new Date(),
      })
      .where(and(eq(t.s3Steps.strengthAreaId, areaId), eq(t.s3Steps.step, step)))
      .returning();
  } else {
    // The select above locks nothing while there is no row: insert only if there still is none.
    [row] = await tx
      .insert(t.s3Steps)
      .values({ strengthAreaId: areaId, step, ...values, isExample: options.isExample ?? false })
      .onConflictDoNothing()
      .returning();
    if (!row) {
      const [made] = await tx
        .select({ version: t.s3Steps.version })
        .from(t.s3Steps)
        .where(and(eq(t.s3Steps.strengthAreaId, areaId), eq(t.s3Steps.step, step)));
      throw versionMismatch(made?.version ?? 1);
    }
  }
  if (!row) throw new Error('step not written');
  const after = stepOut(step, row);
  await recordAudit(tx, actor, {
    action: current ? 'update' : 'create',
    entityType: 's3_step',
    entityId: `${areaId}/${step}`,
    before: before ? stepAuditView(before) : null,
    after: stepAuditView(after),
  });
  return after;
}

export async function changeStep(
  db: Db,
  actor: Actor,
  areaId: string,
  step: S3StepKey,
  expectedVersion: number,
  input: StepInput,
): Promise<StepOut> {
  return db.transaction((tx) => putStep(tx, actor, areaId, step, expectedVersion, input));
}

/** An area's assessments, newest first. */
export async function listAssessments(db: Executor, areaId: string): Promise<AssessmentOut[]> {
  const rows = await db
    .select()
    .from(t.s3Assessments)
    .where(eq(t.s3Assessments.strengthAreaId, areaId))
    .orderBy(desc(t.s3Assessments.assessedOn), desc(t.s3Assessments.createdAt));
  return loadAssessments(db, rows);
}

async function loadAssessments(
  db: Executor,
  rows: (typeof t.s3Assessments.$inferSelect)[],
): Promise<AssessmentOut[]> {
  if (rows.length === 0) return [];
  const scores = await db
    .select()
    .from(t.s3AssessmentScores)
    .where(
      inArray(
        t.s3AssessmentScores.assessmentId,
        rows.map((r) => r.id),
      ),
    );
  const order = (s: { step: S3StepKey; factor: number }) => s3StepKeys.indexOf(s.step) * 10 + s.factor;
  return rows.map((r) => {
    const own = scores
      .filter((s) => s.assessmentId === r.id)
      .map((s) => ({ step: s.step, factor: s.factor, score: s.score, comment: s.comment ?? null }))
      .sort((a, b) => order(a) - order(b));
    return {
      id: r.id,
      assessedOn: r.assessedOn,
      assessedBy: r.assessedBy ?? null,
      note: r.note ?? null,
      isExample: r.isExample,
      scores: own,
      means: assessmentMeans(own),
      createdAt: r.createdAt.toISOString(),
    };
  });
}

const assessmentAuditView = (a: AssessmentOut) => {
  const { createdAt: _c, means: _m, ...rest } = a;
  return rest;
};

export async function insertAssessment(
  tx: DbTransaction,
  actor: AuditActor,
  areaId: string,
  input: AssessmentInput,
  options: { isExample?: boolean; today?: string } = {},
): Promise<AssessmentOut> {
  const problems = assessmentProblems(input, options.today ?? todayInSweden());
  if (problems.length) throw badRequest(problems);
  const [row] = await tx
    .insert(t.s3Assessments)
    .values({
      strengthAreaId: areaId,
      assessedOn: input.assessedOn,
      assessedBy: input.assessedBy ?? null,
      note: input.note ?? null,
      isExample: options.isExample ?? false,
    })
    .returning();
  if (!row) throw new Error('assessment not inserted');
  await tx.insert(t.s3AssessmentScores).values(
    input.scores.map((s) => ({
      assessmentId: row.id,
      step: s.step as S3StepKey,
      factor: s.factor,
      score: s.score,
      comment: s.comment ?? null,
    })),
  );
  const [created] = await loadAssessments(tx, [row]);
  if (!created) throw new Error('created assessment not found');
  await recordAudit(tx, actor, {
    action: 'create',
    entityType: 's3_assessment',
    entityId: row.id,
    before: null,
    after: { strengthAreaId: areaId, ...assessmentAuditView(created) },
  });
  return created;
}

export async function createAssessment(
  db: Db,
  actor: Actor,
  areaId: string,
  input: AssessmentInput,
): Promise<AssessmentOut> {
  return db.transaction((tx) => insertAssessment(tx, actor, areaId, input));
}

/** Deletes a mistaken assessment of one of the region's areas (with its scores). */
export async function deleteAssessment(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ a: t.s3Assessments })
      .from(t.s3Assessments)
      .innerJoin(t.strengthAreas, eq(t.strengthAreas.id, t.s3Assessments.strengthAreaId))
      .where(and(eq(t.s3Assessments.id, id), eq(t.strengthAreas.regionCode, actor.regionCode)));
    if (!row) throw notFound(`No assessment ${id}`);
    const [before] = await loadAssessments(tx, [row.a]);
    await tx.delete(t.s3Assessments).where(eq(t.s3Assessments.id, id));
    await recordAudit(tx, actor, {
      action: 'delete',
      entityType: 's3_assessment',
      entityId: id,
      before: before ? { strengthAreaId: row.a.strengthAreaId, ...assessmentAuditView(before) } : null,
      after: null,
    });
  });
}

/** The latest assessment against an earlier one (by default the one before it). */
export async function compareWithEarlier(db: Executor, areaId: string, earlierId: string | undefined) {
  const all = await listAssessments(db, areaId);
  const latest = all[0];
  if (!latest) throw notFound('The strength area has no assessment yet');
  if (earlierId === latest.id) {
    throw badRequest([
      { field: 'querystring.earlier', message: 'choose an earlier assessment than the latest' },
    ]);
  }
  const earlier = earlierId ? all.find((a) => a.id === earlierId) : all[1];
  if (!earlier) {
    if (earlierId) {
      throw badRequest([
        { field: 'querystring.earlier', message: `no assessment ${earlierId} of this area` },
      ]);
    }
    throw notFound('The strength area has only one assessment');
  }
  return {
    latest: { id: latest.id, assessedOn: latest.assessedOn },
    earlier: { id: earlier.id, assessedOn: earlier.assessedOn },
    ...compareAssessments(latest.scores, earlier.scores),
  };
}
