/**
 * Input raised at meetings (needs, proposals, ideas) and what became of it. Staff and viewers read
 * all input; a partner reads the input its own organisation raised; the public none.
 */
import { and, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db, Executor } from '../../../db/connection.ts';
import * as t from '../../../db/schema.ts';
import { type FieldError, HttpProblem, notFound } from '../../../server/problem.ts';
import { versionMismatch } from '../../../shared/optimistic-lock.ts';
import type { Actor } from '../../access/permissions.ts';
import { type AuditActor, recordAudit } from '../../audit/audit.ts';
import { s3Policy } from '../s3-policy.ts';
import { inputProblems } from './meeting-rules.ts';
import type { InputCreate, InputOut, InputPatch } from './meeting-schemas.ts';
import { hiddenOrganisationName } from './meeting-table.ts';

const entityType = 's3_input';

const badRequest = (errors: FieldError[]) =>
  new HttpProblem(400, 'Bad Request', errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);

/** Which input the actor may read: all, its organisation's, or none (false); internal meetings' only for those who read those. */
function inputScope(actor: Actor): SQL | undefined | false {
  // Those who may not read internal meetings see only input of published ones (its meeting's
  // title and date are in every input).
  const meetings = s3Policy.readInternalMeetings(actor)
    ? undefined
    : eq(t.s3Meetings.visibility, 'published');
  if (s3Policy.readAllInputs(actor)) return meetings;
  if (s3Policy.readOwnInputs(actor) && actor.organisationId)
    return and(eq(t.s3Inputs.raisedByOrganisationId, actor.organisationId), meetings);
  return false;
}

export async function loadInputs(
  db: Executor,
  actor: Actor,
  filter: {
    meetingIds?: string[];
    ids?: string[];
    areaId?: string;
    status?: t.S3InputStatus;
    meetingId?: string;
  },
): Promise<InputOut[]> {
  const scope = inputScope(actor);
  if (scope === false) return [];
  if (filter.meetingIds?.length === 0 || filter.ids?.length === 0) return [];
  const raiser = alias(t.organisations, 'raiser');
  const rows = await db
    .select({
      i: t.s3Inputs,
      meetingTitle: t.s3Meetings.title,
      meetingHeldOn: t.s3Meetings.heldOn,
      area: {
        id: t.strengthAreas.id,
        slug: t.strengthAreas.slug,
        nameSv: t.strengthAreas.nameSv,
        nameEn: t.strengthAreas.nameEn,
      },
      raiserName: raiser.name,
      raiserVisibility: raiser.visibility,
      initiativeTitle: t.s3Initiatives.title,
    })
    .from(t.s3Inputs)
    .innerJoin(t.s3Meetings, eq(t.s3Meetings.id, t.s3Inputs.meetingId))
    .innerJoin(t.strengthAreas, eq(t.strengthAreas.id, t.s3Inputs.strengthAreaId))
    .leftJoin(raiser, eq(raiser.id, t.s3Inputs.raisedByOrganisationId))
    .leftJoin(t.s3Initiatives, eq(t.s3Initiatives.id, t.s3Inputs.initiativeId))
    .where(
      and(
        eq(t.s3Meetings.regionCode, actor.regionCode),
        scope,
        filter.meetingIds ? inArray(t.s3Inputs.meetingId, filter.meetingIds) : undefined,
        filter.ids ? inArray(t.s3Inputs.id, filter.ids) : undefined,
        filter.meetingId ? eq(t.s3Inputs.meetingId, filter.meetingId) : undefined,
        filter.areaId ? eq(t.s3Inputs.strengthAreaId, filter.areaId) : undefined,
        filter.status ? eq(t.s3Inputs.status, filter.status) : undefined,
      ),
    )
    .orderBy(desc(t.s3Meetings.heldOn), t.s3Inputs.createdAt);
  return rows.map(
    ({ i, meetingTitle, meetingHeldOn, area, raiserName, raiserVisibility, initiativeTitle }) => {
      const raisedId = i.raisedByOrganisationId;
      const shown =
        raisedId !== null &&
        (s3Policy.readAllInputs(actor) ||
          raiserVisibility === 'published' ||
          actor.organisationId === raisedId);
      return {
        id: i.id,
        meetingId: i.meetingId,
        meetingTitle,
        meetingHeldOn,
        strengthArea: area,
        kind: i.kind,
        text: i.text,
        raisedBy: raisedId
          ? { id: raisedId, name: shown ? (raiserName ?? '') : hiddenOrganisationName, hidden: !shown }
          : null,
        status: i.status,
        statusReason: i.statusReason,
        initiative: i.initiativeId && initiativeTitle ? { id: i.initiativeId, title: initiativeTitle } : null,
        isExample: i.isExample,
        version: i.version,
        createdAt: i.createdAt.toISOString(),
        updatedAt: i.updatedAt.toISOString(),
      };
    },
  );
}

export async function getInput(db: Executor, actor: Actor, id: string): Promise<InputOut | null> {
  const [input] = await loadInputs(db, actor, { ids: [id] });
  return input ?? null;
}

const staffScope = (actor: AuditActor): Actor =>
  'system' in actor
    ? { regionCode: actor.regionCode, user: null, role: 'admin', organisationId: null }
    : actor;

function auditView(input: InputOut | undefined | null) {
  if (!input) return null;
  return {
    meetingId: input.meetingId,
    strengthAreaId: input.strengthArea.id,
    kind: input.kind,
    text: input.text,
    raisedByOrganisationId: input.raisedBy?.id ?? null,
    status: input.status,
    statusReason: input.statusReason,
    initiativeId: input.initiative?.id ?? null,
  };
}

async function initiativeAreaOf(db: Executor, regionCode: string, initiativeId: string | null) {
  if (!initiativeId) return undefined;
  const [row] = await db
    .select({ areaId: t.s3Initiatives.strengthAreaId })
    .from(t.s3Initiatives)
    .innerJoin(t.strengthAreas, eq(t.strengthAreas.id, t.s3Initiatives.strengthAreaId))
    .where(and(eq(t.s3Initiatives.id, initiativeId), eq(t.strengthAreas.regionCode, regionCode)));
  return row?.areaId;
}

async function organisationProblem(
  db: Executor,
  regionCode: string,
  organisationId: string | null | undefined,
) {
  if (!organisationId) return [];
  const [row] = await db
    .select({ id: t.organisations.id })
    .from(t.organisations)
    .where(and(eq(t.organisations.id, organisationId), eq(t.organisations.regionCode, regionCode)));
  return row
    ? []
    : [
        {
          field: 'body.raisedByOrganisationId',
          message: `no organisation ${organisationId} in the actor register`,
        },
      ];
}

/** Adds input to a meeting (in an open transaction); returns its id. */
export async function insertInput(
  db: Executor,
  actor: AuditActor,
  meetingId: string,
  input: InputCreate & {
    status?: t.S3InputStatus;
    statusReason?: string | null;
    initiativeId?: string | null;
  },
  options: { isExample?: boolean } = {},
): Promise<string> {
  const [meeting] = await db
    .select({ id: t.s3Meetings.id })
    .from(t.s3Meetings)
    .where(and(eq(t.s3Meetings.id, meetingId), eq(t.s3Meetings.regionCode, actor.regionCode)));
  if (!meeting) throw notFound(`No meeting ${meetingId}`);
  const areas = await db
    .select({ id: t.s3MeetingAreas.strengthAreaId })
    .from(t.s3MeetingAreas)
    .where(eq(t.s3MeetingAreas.meetingId, meetingId));
  const status = {
    status: input.status ?? 'new',
    statusReason: input.statusReason ?? null,
    initiativeId: input.initiativeId ?? null,
  };
  const problems: FieldError[] = [];
  if (!areas.some((a) => a.id === input.strengthAreaId))
    problems.push({
      field: 'body.strengthAreaId',
      message: 'choose one of the strength areas of the meeting',
    });
  problems.push(...(await organisationProblem(db, actor.regionCode, input.raisedByOrganisationId)));
  problems.push(
    ...inputProblems(
      status,
      input.strengthAreaId,
      await initiativeAreaOf(db, actor.regionCode, status.initiativeId),
    ),
  );
  if (problems.length) throw badRequest(problems);
  const [row] = await db
    .insert(t.s3Inputs)
    .values({
      meetingId,
      strengthAreaId: input.strengthAreaId,
      kind: input.kind,
      text: input.text,
      raisedByOrganisationId: input.raisedByOrganisationId ?? null,
      ...status,
      isExample: options.isExample ?? false,
    })
    .returning({ id: t.s3Inputs.id });
  if (!row) throw new Error('input not inserted');
  const after = await getInput(db, staffScope(actor), row.id);
  await recordAudit(db, actor, {
    action: 'create',
    entityType,
    entityId: row.id,
    before: null,
    after: auditView(after),
  });
  return row.id;
}

export async function createInput(
  db: Db,
  actor: Actor,
  meetingId: string,
  input: InputCreate,
): Promise<InputOut> {
  return db.transaction(async (tx) => {
    const id = await insertInput(tx, actor, meetingId, input);
    const created = await getInput(tx, actor, id);
    if (!created) throw new Error('created input not found');
    return created;
  });
}

export async function updateInput(
  db: Db,
  actor: Actor,
  id: string,
  expectedVersion: number,
  patch: InputPatch,
): Promise<InputOut> {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ i: t.s3Inputs })
      .from(t.s3Inputs)
      .innerJoin(t.s3Meetings, eq(t.s3Meetings.id, t.s3Inputs.meetingId))
      .where(and(eq(t.s3Inputs.id, id), eq(t.s3Meetings.regionCode, actor.regionCode)))
      .for('update', { of: t.s3Inputs });
    if (!current) throw notFound(`No input ${id}`);
    const row = current.i;
    if (row.version !== expectedVersion) throw versionMismatch(row.version);
    const before = await getInput(tx, actor, id);
    if (before && Object.keys(patch).length === 0) return before;
    const status = patch.status ?? row.status;
    const changes = {
      ...patch,
      // Leaving the action plan drops the initiative unless one is sent.
      ...(!('initiativeId' in patch) && status !== 'in_action_plan' ? { initiativeId: null } : {}),
    };
    // Sending the values the input already has makes no version and no audit row.
    if (
      before &&
      Object.entries(changes).every(
        ([key, value]) => (row as Record<string, unknown>)[key] === (value ?? null),
      )
    )
      return before;
    const merged = { ...row, ...changes };
    const problems = [
      ...(await organisationProblem(tx, actor.regionCode, patch.raisedByOrganisationId)),
      ...inputProblems(
        {
          status: merged.status,
          statusReason: merged.statusReason ?? null,
          initiativeId: merged.initiativeId ?? null,
        },
        row.strengthAreaId,
        await initiativeAreaOf(tx, actor.regionCode, merged.initiativeId ?? null),
      ),
    ];
    if (problems.length) throw badRequest(problems);
    await tx
      .update(t.s3Inputs)
      .set({ ...changes, version: row.version + 1, updatedAt: new Date() })
      .where(eq(t.s3Inputs.id, id));
    const after = await getInput(tx, actor, id);
    if (!after) throw new Error('updated input not found');
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
