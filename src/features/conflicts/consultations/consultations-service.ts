/**
 * Sami consultation records (lag 2022:66). Staff keep them; viewers read them; a partner reads
 * those its organisation is a party to. Never public.
 */
import { and, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Db, DbTransaction, Executor } from '../../../db/connection.ts';
import * as t from '../../../db/schema.ts';
import { type FieldError, HttpProblem, notFound } from '../../../server/problem.ts';
import { todayInSweden } from '../../../shared/dates.ts';
import { versionMismatch } from '../../../shared/optimistic-lock.ts';
import { compareSwedish } from '../../../shared/text.ts';
import { type Actor, readsEverything } from '../../access/permissions.ts';
import { type AuditActor, recordAudit } from '../../audit/audit.ts';
import { consultationProblems, consultationWarnings } from './consultation-rules.ts';
import type { ConsultationInput, ConsultationOut, ConsultationPatch } from './consultation-schemas.ts';

const entityType = 'sami_consultation';
/**
 * Who can be a party: samebyar, Sami organisations and Sametinget (registered as a government
 * agency). Being a party lets the organisation's partner users read the record.
 */
const samiPartyKinds: readonly string[] = ['sameby', 'sami_organisation', 'government_agency'];
type Row = typeof t.samiConsultations.$inferSelect;

function scopeCondition(actor: Actor): SQL | undefined {
  if (readsEverything(actor)) return undefined;
  const organisationId = actor.role === 'partner' ? actor.organisationId : null;
  if (!organisationId) return sql`false`;
  return sql`exists (select 1 from ${t.samiConsultationParties} where ${t.samiConsultationParties.consultationId} = ${t.samiConsultations.id} and ${t.samiConsultationParties.organisationId} = ${organisationId})`;
}

export async function listConsultations(
  db: Db,
  actor: Actor,
  query: { outcome?: Row['outcome']; effort?: string },
): Promise<ConsultationOut[]> {
  const rows = await db
    .select({ id: t.samiConsultations.id })
    .from(t.samiConsultations)
    .where(
      and(
        eq(t.samiConsultations.regionCode, actor.regionCode),
        scopeCondition(actor),
        query.outcome ? eq(t.samiConsultations.outcome, query.outcome) : undefined,
        query.effort ? eq(t.samiConsultations.effortId, query.effort) : undefined,
      ),
    )
    .orderBy(desc(t.samiConsultations.requestedOn), desc(t.samiConsultations.createdAt));
  return loadConsultations(
    db,
    actor,
    rows.map((r) => r.id),
  );
}

export async function getConsultation(
  db: Executor,
  actor: Actor,
  id: string,
): Promise<ConsultationOut | null> {
  const [row] = await db
    .select({ id: t.samiConsultations.id })
    .from(t.samiConsultations)
    .where(
      and(
        eq(t.samiConsultations.id, id),
        eq(t.samiConsultations.regionCode, actor.regionCode),
        scopeCondition(actor),
      ),
    );
  if (!row) return null;
  const [document] = await loadConsultations(db, actor, [row.id]);
  return document ?? null;
}

const factsOf = (
  row: Pick<Row, 'outcome' | 'outcomeOn' | 'exemptionGround' | 'requestedOn' | 'decisionText' | 'decisionOn'>,
  partyCount: number,
) => ({
  outcome: row.outcome,
  outcomeOn: row.outcomeOn ?? null,
  exemptionGround: row.exemptionGround ?? null,
  requestedOn: row.requestedOn ?? null,
  decisionText: row.decisionText ?? null,
  decisionOn: row.decisionOn ?? null,
  partyCount,
});

async function loadConsultations(db: Executor, actor: Actor, ids: string[]): Promise<ConsultationOut[]> {
  if (ids.length === 0) return [];
  const [rows, parties] = await Promise.all([
    db
      .select({
        c: t.samiConsultations,
        effortTitle: t.efforts.title,
        effortVisibility: t.efforts.visibility,
        effortOwner: t.efforts.ownerOrganisationId,
      })
      .from(t.samiConsultations)
      .leftJoin(t.efforts, eq(t.efforts.id, t.samiConsultations.effortId))
      .where(inArray(t.samiConsultations.id, ids)),
    db
      .select({
        consultationId: t.samiConsultationParties.consultationId,
        id: t.organisations.id,
        name: t.organisations.name,
        kind: t.organisations.kind,
        visibility: t.organisations.visibility,
      })
      .from(t.samiConsultationParties)
      .innerJoin(t.organisations, eq(t.organisations.id, t.samiConsultationParties.organisationId))
      .where(inArray(t.samiConsultationParties.consultationId, ids)),
  ]);
  const byId = new Map(rows.map((r) => [r.c.id, r]));
  return ids.flatMap((id) => {
    const found = byId.get(id);
    if (!found) return [];
    const { c, effortTitle, effortVisibility, effortOwner } = found;
    const own = parties.filter((p) => p.consultationId === id);
    // A partner sees internal names only of its own organisation (and its own effort).
    const mine = (organisationId: string | null) =>
      actor.role === 'partner' && organisationId !== null && organisationId === actor.organisationId;
    const showEffort =
      c.effortId &&
      effortTitle &&
      (readsEverything(actor) || effortVisibility === 'published' || mine(effortOwner));
    return [
      {
        id: c.id,
        matterKind: c.matterKind,
        matterTitle: c.matterTitle,
        effort: showEffort ? { id: c.effortId as string, title: effortTitle } : null,
        significance: c.significance,
        initiatedBy: c.initiatedBy,
        requestedOn: c.requestedOn,
        parties: own
          .map(({ id: partyId, name, kind, visibility }) => ({
            id: partyId,
            name: readsEverything(actor) || visibility === 'published' || mine(partyId) ? name : 'Annan part',
            kind,
          }))
          .sort((a, b) => compareSwedish(a.name, b.name)),
        meetings: c.meetings,
        form: c.form,
        documents: c.documents,
        outcome: c.outcome,
        outcomeOn: c.outcomeOn,
        outcomeNote: c.outcomeNote,
        exemptionGround: c.exemptionGround,
        decisionText: c.decisionText,
        decisionOn: c.decisionOn,
        warnings: consultationWarnings(factsOf(c, own.length)),
        isExample: c.isExample,
        version: c.version,
        createdAt: c.createdAt.toISOString(),
        updatedAt: c.updatedAt.toISOString(),
      },
    ];
  });
}

const badRequest = (errors: FieldError[]) =>
  new HttpProblem(400, 'Bad Request', errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);

async function checkReferences(
  tx: DbTransaction,
  regionCode: string,
  effortId: string | null | undefined,
  partyIds: string[] | undefined,
) {
  const errors: FieldError[] = [];
  if (effortId) {
    const [effort] = await tx
      .select({ id: t.efforts.id })
      .from(t.efforts)
      .where(and(eq(t.efforts.id, effortId), eq(t.efforts.regionCode, regionCode)));
    if (!effort) errors.push({ field: 'body.effortId', message: `no effort ${effortId} in the region` });
  }
  if (partyIds?.length) {
    const kindOf = new Map(
      (
        await tx
          .select({ id: t.organisations.id, kind: t.organisations.kind })
          .from(t.organisations)
          .where(and(eq(t.organisations.regionCode, regionCode), inArray(t.organisations.id, partyIds)))
      ).map((o) => [o.id, o.kind]),
    );
    partyIds.forEach((id, i) => {
      const kind = kindOf.get(id);
      if (!kind) errors.push({ field: `body.partyIds.${i}`, message: `no organisation ${id} in the region` });
      else if (!samiPartyKinds.includes(kind)) {
        errors.push({
          field: `body.partyIds.${i}`,
          message:
            'a party is Sametinget, a sameby or a Sami organisation (register it so in the actor register)',
        });
      }
    });
  }
  if (errors.length) throw badRequest(errors);
}

async function writeParties(tx: DbTransaction, consultationId: string, partyIds: string[]) {
  await tx
    .delete(t.samiConsultationParties)
    .where(eq(t.samiConsultationParties.consultationId, consultationId));
  const unique = [...new Set(partyIds)];
  if (unique.length)
    await tx
      .insert(t.samiConsultationParties)
      .values(unique.map((organisationId) => ({ consultationId, organisationId })));
}

const staffScope = (actor: AuditActor): Actor =>
  'system' in actor
    ? { regionCode: actor.regionCode, user: null, role: 'admin', organisationId: null }
    : actor;

function auditView(document: ConsultationOut | undefined) {
  if (!document) return null;
  const { version: _v, createdAt: _c, updatedAt: _u, warnings: _w, ...rest } = document;
  return rest;
}

export async function insertConsultation(
  tx: DbTransaction,
  actor: AuditActor,
  input: ConsultationInput,
  options: { isExample?: boolean } = {},
): Promise<string> {
  const problems = consultationProblems(
    factsOf(
      {
        ...input,
        outcomeOn: input.outcomeOn ?? null,
        exemptionGround: input.exemptionGround ?? null,
        requestedOn: input.requestedOn ?? null,
        decisionText: input.decisionText ?? null,
        decisionOn: input.decisionOn ?? null,
      },
      new Set(input.partyIds).size,
    ),
    { matterKind: input.matterKind, effortId: input.effortId ?? null, today: todayInSweden() },
  );
  if (problems.length) throw badRequest(problems);
  await checkReferences(tx, actor.regionCode, input.effortId, input.partyIds);
  const { partyIds, ...fields } = input;
  const [row] = await tx
    .insert(t.samiConsultations)
    .values({
      ...fields,
      meetings: fields.meetings.map((m) => ({ ...m })),
      documents: fields.documents.map((d) => ({ title: d.title, url: d.url ?? null })),
      regionCode: actor.regionCode,
      isExample: options.isExample ?? false,
    })
    .returning({ id: t.samiConsultations.id });
  if (!row) throw new Error('consultation not inserted');
  await writeParties(tx, row.id, partyIds);
  const [after] = await loadConsultations(tx, staffScope(actor), [row.id]);
  await recordAudit(tx, actor, {
    action: 'create',
    entityType,
    entityId: row.id,
    before: null,
    after: auditView(after),
  });
  return row.id;
}

export async function createConsultation(
  db: Db,
  actor: Actor,
  input: ConsultationInput,
): Promise<ConsultationOut> {
  return db.transaction(async (tx) => {
    const id = await insertConsultation(tx, actor, input);
    const [document] = await loadConsultations(tx, actor, [id]);
    if (!document) throw new Error('created consultation not found');
    return document;
  });
}

export async function updateConsultation(
  db: Db,
  actor: Actor,
  id: string,
  expectedVersion: number,
  patch: ConsultationPatch,
): Promise<ConsultationOut> {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(t.samiConsultations)
      .where(and(eq(t.samiConsultations.id, id), eq(t.samiConsultations.regionCode, actor.regionCode)))
      .for('update');
    if (!current) throw notFound(`No consultation ${id}`);
    if (current.version !== expectedVersion) throw versionMismatch(current.version);
    const [before] = await loadConsultations(tx, actor, [id]);
    if (before && Object.keys(patch).length === 0) return before;
    const { partyIds, ...fields } = patch;
    const merged = { ...current, ...fields };
    const partyCount = partyIds ? new Set(partyIds).size : (before?.parties.length ?? 0);
    const problems = consultationProblems(factsOf(merged, partyCount), {
      matterKind: merged.matterKind,
      effortId: merged.effortId ?? null,
      today: todayInSweden(),
    });
    if (problems.length) throw badRequest(problems);
    await checkReferences(tx, actor.regionCode, fields.effortId, partyIds);
    const { documents, ...simple } = fields;
    await tx
      .update(t.samiConsultations)
      .set({
        ...simple,
        ...(documents ? { documents: documents.map((d) => ({ title: d.title, url: d.url ?? null })) } : {}),
        version: current.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(t.samiConsultations.id, id));
    if (partyIds) await writeParties(tx, id, partyIds);
    const [after] = await loadConsultations(tx, actor, [id]);
    if (!after) throw new Error('updated consultation not found');
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
