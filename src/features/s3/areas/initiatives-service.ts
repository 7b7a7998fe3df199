/**
 * The action plan: initiatives of a strength area, the efforts that carry them out and the input
 * from meetings they came from. Taking input into the plan (sourceInputIds) sets the input's status
 * to in_action_plan in the same transaction, audited like every change.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db, DbTransaction, Executor } from '../../../db/connection.ts';
import { readTogether } from '../../../db/read-together.ts';
import * as t from '../../../db/schema.ts';
import { conflict, type FieldError, notFound } from '../../../server/problem.ts';
import { versionMismatch } from '../../../shared/optimistic-lock.ts';
import { bilingual, compareSwedish } from '../../../shared/text.ts';
import { type Actor, readScope } from '../../access/permissions.ts';
import { type AuditActor, recordAudit } from '../../audit/audit.ts';
import { s3Policy } from '../s3-policy.ts';
import { type SourceInputFacts, sourceInputProblems, takenElsewhere } from './area-rules.ts';
import type { InitiativeInput, InitiativeOut, InitiativePatch } from './area-schemas.ts';
import { badRequest, logicAudit, visibleEfforts } from './area-shared.ts';

const entityType = 's3_initiative';

export async function initiativeIdsOfArea(db: Executor, strengthAreaId: string): Promise<string[]> {
  const rows = await db
    .select({ id: t.s3Initiatives.id })
    .from(t.s3Initiatives)
    .where(eq(t.s3Initiatives.strengthAreaId, strengthAreaId));
  return rows.map((r) => r.id);
}

/** Initiatives of the region, filtered by area slug and status, in action-plan order. */
export async function findInitiatives(
  db: Db,
  actor: Actor,
  query: { area?: string; status?: t.S3InitiativeStatus },
): Promise<InitiativeOut[]> {
  const rows = await db
    .select({ id: t.s3Initiatives.id })
    .from(t.s3Initiatives)
    .innerJoin(t.strengthAreas, eq(t.strengthAreas.id, t.s3Initiatives.strengthAreaId))
    .where(
      and(
        eq(t.strengthAreas.regionCode, actor.regionCode),
        query.area ? eq(t.strengthAreas.slug, query.area) : undefined,
        query.status ? eq(t.s3Initiatives.status, query.status) : undefined,
      ),
    );
  return loadInitiatives(
    db,
    actor,
    rows.map((r) => r.id),
  );
}

export async function getInitiative(db: Executor, actor: Actor, id: string): Promise<InitiativeOut | null> {
  const [row] = await db
    .select({ id: t.s3Initiatives.id })
    .from(t.s3Initiatives)
    .innerJoin(t.strengthAreas, eq(t.strengthAreas.id, t.s3Initiatives.strengthAreaId))
    .where(and(eq(t.s3Initiatives.id, id), eq(t.strengthAreas.regionCode, actor.regionCode)));
  if (!row) return null;
  const [out] = await loadInitiatives(db, actor, [row.id]);
  return out ?? null;
}

/** Full initiatives, sorted by area, sub-area (those without last) and title. */
export async function loadInitiatives(db: Executor, actor: Actor, ids: string[]): Promise<InitiativeOut[]> {
  if (ids.length === 0) return [];
  // Staff and viewers see all input; a partner the input its own organisation raised.
  const ownInputsOf =
    !s3Policy.readAllInputs(actor) && s3Policy.readOwnInputs(actor) ? actor.organisationId : null;
  const showInputs = s3Policy.readAllInputs(actor) || ownInputsOf !== null;
  const [rows, efforts, inputs] = await readTogether(db, [
    () =>
      db
        .select({ i: t.s3Initiatives, area: t.strengthAreas, sub: t.s3SubAreas })
        .from(t.s3Initiatives)
        .innerJoin(t.strengthAreas, eq(t.strengthAreas.id, t.s3Initiatives.strengthAreaId))
        .leftJoin(t.s3SubAreas, eq(t.s3SubAreas.id, t.s3Initiatives.subAreaId))
        .where(inArray(t.s3Initiatives.id, ids)),
    () =>
      db
        .select({
          initiativeId: t.s3InitiativeEfforts.initiativeId,
          id: t.efforts.id,
          title: t.efforts.title,
          status: t.efforts.status,
        })
        .from(t.s3InitiativeEfforts)
        .innerJoin(t.efforts, eq(t.efforts.id, t.s3InitiativeEfforts.effortId))
        .where(
          and(
            inArray(t.s3InitiativeEfforts.initiativeId, ids),
            visibleEfforts(actor.regionCode, readScope(actor)),
          ),
        ),
    () =>
      showInputs
        ? db
            .select({
              initiativeId: t.s3Inputs.initiativeId,
              id: t.s3Inputs.id,
              text: t.s3Inputs.text,
              status: t.s3Inputs.status,
              meetingId: t.s3Meetings.id,
              meetingTitle: t.s3Meetings.title,
              heldOn: t.s3Meetings.heldOn,
            })
            .from(t.s3Inputs)
            .innerJoin(t.s3Meetings, eq(t.s3Meetings.id, t.s3Inputs.meetingId))
            .where(
              and(
                inArray(t.s3Inputs.initiativeId, ids),
                ownInputsOf !== null ? eq(t.s3Inputs.raisedByOrganisationId, ownInputsOf) : undefined,
              ),
            )
        : Promise.resolve([]),
  ]);
  const sorted = rows.sort(
    (a, b) =>
      a.area.position - b.area.position ||
      (a.sub?.position ?? Number.MAX_SAFE_INTEGER) - (b.sub?.position ?? Number.MAX_SAFE_INTEGER) ||
      compareSwedish(a.i.title, b.i.title) ||
      (a.i.id < b.i.id ? -1 : 1),
  );
  return sorted.map(({ i, area, sub }) => ({
    id: i.id,
    strengthArea: { id: area.id, slug: area.slug, name: bilingual(area.nameSv, area.nameEn) },
    subArea: sub ? { id: sub.id, name: sub.name } : null,
    title: i.title,
    description: i.description,
    status: i.status,
    responsible: i.responsible,
    period: i.period,
    efforts: efforts
      .filter((e) => e.initiativeId === i.id)
      .map(({ id, title, status }) => ({ id, title, status }))
      .sort((a, b) => compareSwedish(a.title, b.title)),
    sourceInputs: showInputs
      ? inputs
          .filter((x) => x.initiativeId === i.id)
          .sort((a, b) =>
            a.heldOn < b.heldOn ? -1 : a.heldOn > b.heldOn ? 1 : compareSwedish(a.text, b.text),
          )
          .map((x) => ({
            id: x.id,
            text: x.text,
            status: x.status,
            meeting: { id: x.meetingId, title: x.meetingTitle, heldOn: x.heldOn },
          }))
      : null,
    isExample: i.isExample,
    version: i.version,
    createdAt: i.createdAt.toISOString(),
    updatedAt: i.updatedAt.toISOString(),
  }));
}

const systemScope = (actor: AuditActor): Actor =>
  'system' in actor
    ? { regionCode: actor.regionCode, user: null, role: 'admin', organisationId: null }
    : actor;

function auditView(document: InitiativeOut | undefined) {
  if (!document) return null;
  const {
    version: _v,
    createdAt: _c,
    updatedAt: _u,
    strengthArea,
    subArea,
    efforts,
    sourceInputs,
    ...rest
  } = document;
  return {
    ...rest,
    strengthAreaId: strengthArea.id,
    subAreaId: subArea?.id ?? null,
    effortIds: efforts.map((e) => e.id),
    sourceInputIds: (sourceInputs ?? []).map((s) => s.id),
  };
}

/**
 * Checks the sub-area, efforts and input against the area and region: every problem at once
 * (with `earlier` problems). While the area is unknown (null) the sub-area and input are checked
 * against the region only.
 */
async function checkReferences(
  tx: DbTransaction,
  regionCode: string,
  strengthAreaId: string | null,
  initiativeId: string | null,
  refs: { subAreaId?: string | null; effortIds?: string[]; sourceInputIds?: string[] },
  earlier: FieldError[] = [],
) {
  const errors = [...earlier];
  if (refs.subAreaId) {
    const [sub] = await tx
      .select({ id: t.s3SubAreas.id })
      .from(t.s3SubAreas)
      .innerJoin(t.strengthAreas, eq(t.strengthAreas.id, t.s3SubAreas.strengthAreaId))
      .where(
        and(
          eq(t.s3SubAreas.id, refs.subAreaId),
          eq(t.strengthAreas.regionCode, regionCode),
          strengthAreaId ? eq(t.s3SubAreas.strengthAreaId, strengthAreaId) : undefined,
        ),
      );
    if (!sub)
      errors.push({
        field: 'body.subAreaId',
        message: `no sub-area ${refs.subAreaId} in this strength area`,
      });
  }
  if (refs.effortIds?.length) {
    const found = new Set(
      (
        await tx
          .select({ id: t.efforts.id })
          .from(t.efforts)
          .where(and(eq(t.efforts.regionCode, regionCode), inArray(t.efforts.id, refs.effortIds)))
      ).map((e) => e.id),
    );
    refs.effortIds.forEach((id, i) => {
      if (!found.has(id))
        errors.push({ field: `body.effortIds.${i}`, message: `no effort ${id} in the region` });
    });
  }
  if (refs.sourceInputIds?.length) {
    const rows = await tx
      .select({
        id: t.s3Inputs.id,
        strengthAreaId: t.s3Inputs.strengthAreaId,
        initiativeId: t.s3Inputs.initiativeId,
      })
      .from(t.s3Inputs)
      .innerJoin(t.s3Meetings, eq(t.s3Meetings.id, t.s3Inputs.meetingId))
      .where(and(eq(t.s3Meetings.regionCode, regionCode), inArray(t.s3Inputs.id, refs.sourceInputIds)));
    const found = new Map<string, SourceInputFacts>(rows.map((r) => [r.id, r]));
    errors.push(...sourceInputProblems(refs.sourceInputIds, found, strengthAreaId, initiativeId));
  }
  if (errors.length) throw badRequest(errors);
}

async function writeEfforts(tx: DbTransaction, initiativeId: string, effortIds: string[]) {
  await tx.delete(t.s3InitiativeEfforts).where(eq(t.s3InitiativeEfforts.initiativeId, initiativeId));
  const unique = [...new Set(effortIds)];
  if (unique.length)
    await tx.insert(t.s3InitiativeEfforts).values(unique.map((effortId) => ({ initiativeId, effortId })));
}

/**
 * Takes the input into the action plan by the initiative: status, link, version, audit. The input
 * is checked again under its lock: another initiative may have taken it since it was read.
 */
async function takeInputs(tx: DbTransaction, actor: AuditActor, initiativeId: string, inputIds: string[]) {
  if (inputIds.length === 0) return;
  const current = await tx
    .select()
    .from(t.s3Inputs)
    .where(inArray(t.s3Inputs.id, [...new Set(inputIds)]))
    // One order for every transaction, so that two locking the same input cannot deadlock.
    .orderBy(t.s3Inputs.id)
    .for('update');
  const taken: FieldError[] = [];
  inputIds.forEach((id, i) => {
    const input = current.find((x) => x.id === id);
    if (input?.initiativeId && input.initiativeId !== initiativeId)
      taken.push({ field: `body.sourceInputIds.${i}`, message: takenElsewhere });
  });
  if (taken.length) throw badRequest(taken);
  for (const input of current) {
    if (input.initiativeId === initiativeId && input.status === 'in_action_plan') continue;
    await tx
      .update(t.s3Inputs)
      .set({ status: 'in_action_plan', initiativeId, version: input.version + 1, updatedAt: new Date() })
      .where(eq(t.s3Inputs.id, input.id));
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 's3_input',
      entityId: input.id,
      before: { status: input.status, initiativeId: input.initiativeId },
      after: { status: 'in_action_plan', initiativeId },
    });
  }
}

export async function insertInitiative(
  tx: DbTransaction,
  actor: AuditActor,
  input: InitiativeInput,
  options: { isExample?: boolean } = {},
): Promise<string> {
  const [area] = await tx
    .select({ id: t.strengthAreas.id })
    .from(t.strengthAreas)
    .where(
      and(eq(t.strengthAreas.id, input.strengthAreaId), eq(t.strengthAreas.regionCode, actor.regionCode)),
    );
  await checkReferences(
    tx,
    actor.regionCode,
    area?.id ?? null,
    null,
    input,
    area
      ? []
      : [{ field: 'body.strengthAreaId', message: `no strength area ${input.strengthAreaId} in the region` }],
  );
  const { effortIds, sourceInputIds, ...fields } = input;
  const [row] = await tx
    .insert(t.s3Initiatives)
    .values({
      ...fields,
      subAreaId: fields.subAreaId ?? null,
      isExample: options.isExample ?? false,
    })
    .returning({ id: t.s3Initiatives.id });
  if (!row) throw new Error('initiative not inserted');
  await writeEfforts(tx, row.id, effortIds);
  await takeInputs(tx, actor, row.id, sourceInputIds);
  const [after] = await loadInitiatives(tx, systemScope(actor), [row.id]);
  await recordAudit(tx, actor, {
    action: 'create',
    entityType,
    entityId: row.id,
    before: null,
    after: auditView(after),
  });
  return row.id;
}

export async function createInitiative(db: Db, actor: Actor, input: InitiativeInput): Promise<InitiativeOut> {
  return db.transaction(async (tx) => {
    const id = await insertInitiative(tx, actor, input);
    const [out] = await loadInitiatives(tx, actor, [id]);
    if (!out) throw new Error('created initiative not found');
    return out;
  });
}

async function lockInitiative(tx: DbTransaction, regionCode: string, id: string, expectedVersion: number) {
  const [current] = await tx
    .select({ i: t.s3Initiatives })
    .from(t.s3Initiatives)
    .innerJoin(t.strengthAreas, eq(t.strengthAreas.id, t.s3Initiatives.strengthAreaId))
    .where(and(eq(t.s3Initiatives.id, id), eq(t.strengthAreas.regionCode, regionCode)))
    .for('update', { of: t.s3Initiatives });
  if (!current) throw notFound(`No initiative ${id}`);
  if (current.i.version !== expectedVersion) throw versionMismatch(current.i.version);
  return current.i;
}

export async function updateInitiative(
  db: Db,
  actor: Actor,
  id: string,
  expectedVersion: number,
  patch: InitiativePatch,
): Promise<InitiativeOut> {
  return db.transaction(async (tx) => {
    const current = await lockInitiative(tx, actor.regionCode, id, expectedVersion);
    const [before] = await loadInitiatives(tx, systemScope(actor), [id]);
    if (Object.keys(patch).length === 0) {
      const [out] = await loadInitiatives(tx, actor, [id]);
      if (!out) throw new Error('initiative not found');
      return out;
    }
    await checkReferences(tx, actor.regionCode, current.strengthAreaId, id, patch);
    const { effortIds, sourceInputIds, ...fields } = patch;
    await tx
      .update(t.s3Initiatives)
      .set({ ...fields, version: current.version + 1, updatedAt: new Date() })
      .where(eq(t.s3Initiatives.id, id));
    if (effortIds) await writeEfforts(tx, id, effortIds);
    if (sourceInputIds) await takeInputs(tx, actor, id, sourceInputIds);
    const [after] = await loadInitiatives(tx, systemScope(actor), [id]);
    await recordAudit(tx, actor, {
      action: 'update',
      entityType,
      entityId: id,
      before: auditView(before),
      after: auditView(after),
    });
    const [out] = await loadInitiatives(tx, actor, [id]);
    if (!out) throw new Error('updated initiative not found');
    return out;
  });
}

/**
 * Removes an initiative with its effort links and its outputs (each output removed explicitly,
 * with its own audit row); 409 while input points at it.
 */
export async function deleteInitiative(db: Db, actor: Actor, id: string, expectedVersion: number) {
  await db.transaction(async (tx) => {
    await lockInitiative(tx, actor.regionCode, id, expectedVersion);
    const [inputs] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(t.s3Inputs)
      .where(eq(t.s3Inputs.initiativeId, id));
    if ((inputs?.n ?? 0) > 0)
      throw conflict(
        'Input from meetings was taken into the action plan by this initiative; change that input first',
        'IN_USE',
      );
    const [before] = await loadInitiatives(tx, systemScope(actor), [id]);
    const outputs = await tx
      .select()
      .from(t.s3LogicItems)
      .where(eq(t.s3LogicItems.initiativeId, id))
      .for('update');
    for (const output of outputs) {
      await tx.delete(t.s3LogicItems).where(eq(t.s3LogicItems.id, output.id));
      await recordAudit(tx, actor, {
        action: 'delete',
        entityType: 's3_logic_item',
        entityId: output.id,
        before: logicAudit(output),
        after: null,
      });
    }
    await tx.delete(t.s3Initiatives).where(eq(t.s3Initiatives.id, id));
    await recordAudit(tx, actor, {
      action: 'delete',
      entityType,
      entityId: id,
      before: auditView(before),
      after: null,
    });
  });
}

/** Takes the initiatives of a sub-area that is being removed out of it: new version, audited. */
export async function detachSubArea(tx: DbTransaction, actor: AuditActor, subAreaId: string) {
  const rows = await tx
    .select({ id: t.s3Initiatives.id, version: t.s3Initiatives.version })
    .from(t.s3Initiatives)
    .where(eq(t.s3Initiatives.subAreaId, subAreaId))
    .for('update');
  for (const row of rows) {
    const [before] = await loadInitiatives(tx, systemScope(actor), [row.id]);
    await tx
      .update(t.s3Initiatives)
      .set({ subAreaId: null, version: row.version + 1, updatedAt: new Date() })
      .where(eq(t.s3Initiatives.id, row.id));
    const [after] = await loadInitiatives(tx, systemScope(actor), [row.id]);
    await recordAudit(tx, actor, {
      action: 'update',
      entityType,
      entityId: row.id,
      before: auditView(before),
      after: auditView(after),
    });
  }
}

export const initiativeStatusLabels: Record<t.S3InitiativeStatus, string> = {
  proposed: 'Föreslaget',
  ongoing: 'Pågående',
  completed: 'Genomfört',
  dropped: 'Avbrutet',
};
