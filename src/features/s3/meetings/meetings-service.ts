/**
 * Meetings of the actor-driven process: list, one, create, change, remove, and the calendar
 * export. Published meetings are public; internal ones are read by the region's staff and viewers.
 */
import { and, asc, count, eq, gte, inArray, lte, type SQL, sql } from 'drizzle-orm';
import type { Db, DbTransaction, Executor } from '../../../db/connection.ts';
import { readTogether } from '../../../db/read-together.ts';
import * as t from '../../../db/schema.ts';
import { type FieldError, HttpProblem, notFound } from '../../../server/problem.ts';
import { todayInSweden } from '../../../shared/dates.ts';
import { versionMismatch } from '../../../shared/optimistic-lock.ts';
import { compareSwedish } from '../../../shared/text.ts';
import { type Actor, readsEverything } from '../../access/permissions.ts';
import { type AuditActor, recordAudit } from '../../audit/audit.ts';
import { s3Policy } from '../s3-policy.ts';
import { helixTypeOf } from './helix.ts';
import type { IcsMeeting } from './ics.ts';
import { loadInputs } from './inputs-service.ts';
import { daysBefore, meetingProblems, participantCounts, purgeBefore } from './meeting-rules.ts';
import type { MeetingInput, MeetingOut, MeetingPatch, MeetingSummary } from './meeting-schemas.ts';
import { hiddenOrganisationName } from './meeting-table.ts';

const entityType = 's3_meeting';
type Row = typeof t.s3Meetings.$inferSelect;

export const badRequest = (errors: FieldError[]) =>
  new HttpProblem(400, 'Bad Request', errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);

/** A strength area of the region by its slug; unknown slugs are a 400 at the given field. */
export async function strengthAreaBySlug(
  db: Executor,
  regionCode: string,
  slug: string,
  field = 'querystring.area',
) {
  const [area] = await db
    .select({ id: t.strengthAreas.id, slug: t.strengthAreas.slug })
    .from(t.strengthAreas)
    .where(and(eq(t.strengthAreas.regionCode, regionCode), eq(t.strengthAreas.slug, slug)));
  if (!area) throw badRequest([{ field, message: `no strength area "${slug}" in the region` }]);
  return area;
}

/** May the actor see this organisation's name? Published ones, everything for staff/viewers, a partner's own. */
export const mayNameOrganisation = (actor: Actor, organisation: { id: string; visibility: t.Visibility }) =>
  readsEverything(actor) ||
  organisation.visibility === 'published' ||
  (actor.role === 'partner' && actor.organisationId === organisation.id);

const visibleMeetings = (actor: Actor): SQL | undefined =>
  s3Policy.readInternalMeetings(actor) ? undefined : eq(t.s3Meetings.visibility, 'published');

export type MeetingListQuery = { area?: string; from?: string; to?: string; when?: 'upcoming' | 'past' };

/** The meetings the actor may see, upcoming ascending, past (and mixed lists) descending. */
export async function findMeetings(db: Db, actor: Actor, query: MeetingListQuery): Promise<MeetingSummary[]> {
  const today = todayInSweden();
  const area = query.area ? await strengthAreaBySlug(db, actor.regionCode, query.area) : null;
  const rows = await db
    .select({ id: t.s3Meetings.id })
    .from(t.s3Meetings)
    .where(
      and(
        eq(t.s3Meetings.regionCode, actor.regionCode),
        visibleMeetings(actor),
        query.from ? gte(t.s3Meetings.heldOn, query.from) : undefined,
        query.to ? lte(t.s3Meetings.heldOn, query.to) : undefined,
        query.when === 'upcoming' ? gte(t.s3Meetings.heldOn, today) : undefined,
        query.when === 'past' ? sql`${t.s3Meetings.heldOn} < ${today}` : undefined,
        area
          ? sql`exists (select 1 from ${t.s3MeetingAreas} where ${t.s3MeetingAreas.meetingId} = ${t.s3Meetings.id} and ${t.s3MeetingAreas.strengthAreaId} = ${area.id})`
          : undefined,
      ),
    );
  const items = await loadSummaries(
    db,
    actor,
    rows.map((r) => r.id),
  );
  const key = (m: MeetingSummary) => `${m.heldOn} ${m.startsAt ?? ''}`;
  const ascending = query.when === 'upcoming';
  return items.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0) * (ascending ? 1 : -1));
}

type Loaded = { summary: MeetingSummary; row: Row };

async function loadMeetingRows(db: Executor, actor: Actor, ids: string[]): Promise<Loaded[]> {
  if (ids.length === 0) return [];
  const [rows, areaRows, orgCounts, inputCounts] = await readTogether(db, [
    () =>
      db
        .select({ m: t.s3Meetings, municipality: t.areas.name })
        .from(t.s3Meetings)
        .leftJoin(t.areas, eq(t.areas.code, t.s3Meetings.areaCode))
        .where(inArray(t.s3Meetings.id, ids)),
    () =>
      db
        .select({
          meetingId: t.s3MeetingAreas.meetingId,
          id: t.strengthAreas.id,
          slug: t.strengthAreas.slug,
          nameSv: t.strengthAreas.nameSv,
          nameEn: t.strengthAreas.nameEn,
          position: t.strengthAreas.position,
        })
        .from(t.s3MeetingAreas)
        .innerJoin(t.strengthAreas, eq(t.strengthAreas.id, t.s3MeetingAreas.strengthAreaId))
        .where(inArray(t.s3MeetingAreas.meetingId, ids))
        .orderBy(asc(t.strengthAreas.position)),
    () =>
      db
        .select({ meetingId: t.s3MeetingOrganisations.meetingId, n: count() })
        .from(t.s3MeetingOrganisations)
        .where(inArray(t.s3MeetingOrganisations.meetingId, ids))
        .groupBy(t.s3MeetingOrganisations.meetingId),
    () =>
      s3Policy.readAllInputs(actor)
        ? db
            .select({ meetingId: t.s3Inputs.meetingId, n: count() })
            .from(t.s3Inputs)
            .where(inArray(t.s3Inputs.meetingId, ids))
            .groupBy(t.s3Inputs.meetingId)
        : Promise.resolve(null),
  ]);
  const orgCount = new Map(orgCounts.map((r) => [r.meetingId, Number(r.n)]));
  const inputCount = inputCounts ? new Map(inputCounts.map((r) => [r.meetingId, Number(r.n)])) : null;
  const byId = new Map(rows.map((r) => [r.m.id, r]));
  return ids.flatMap((id) => {
    const found = byId.get(id);
    if (!found) return [];
    const { m, municipality } = found;
    return [
      {
        row: m,
        summary: {
          id: m.id,
          title: m.title,
          heldOn: m.heldOn,
          startsAt: m.startsAt,
          endsAt: m.endsAt,
          placeKind: m.placeKind,
          areaCode: m.areaCode,
          municipality: municipality ?? null,
          venue: m.venue,
          format: m.format,
          strengthAreas: areaRows
            .filter((a) => a.meetingId === id)
            .map(({ id: areaId, slug, nameSv, nameEn }) => ({ id: areaId, slug, nameSv, nameEn })),
          counts: participantCounts(m),
          organisationCount: orgCount.get(id) ?? 0,
          inputCount: inputCount ? (inputCount.get(id) ?? 0) : null,
          registrationOpen: m.registrationOpen,
          visibility: m.visibility,
          isExample: m.isExample,
        },
      },
    ];
  });
}

async function loadSummaries(db: Executor, actor: Actor, ids: string[]) {
  return (await loadMeetingRows(db, actor, ids)).map((l) => l.summary);
}

async function loadMeetings(db: Executor, actor: Actor, ids: string[]): Promise<MeetingOut[]> {
  const loaded = await loadMeetingRows(db, actor, ids);
  if (loaded.length === 0) return [];
  const [organisations, inputs, registrations] = await readTogether(db, [
    () =>
      db
        .select({
          meetingId: t.s3MeetingOrganisations.meetingId,
          id: t.organisations.id,
          name: t.organisations.name,
          kind: t.organisations.kind,
          level: t.organisations.level,
          areaCode: t.organisations.areaCode,
          visibility: t.organisations.visibility,
        })
        .from(t.s3MeetingOrganisations)
        .innerJoin(t.organisations, eq(t.organisations.id, t.s3MeetingOrganisations.organisationId))
        .where(inArray(t.s3MeetingOrganisations.meetingId, ids)),
    () =>
      s3Policy.readAllInputs(actor) || s3Policy.readOwnInputs(actor)
        ? loadInputs(db, actor, { meetingIds: ids })
        : Promise.resolve(null),
    () =>
      s3Policy.readRegistrations(actor)
        ? db
            .select({ meetingId: t.s3Registrations.meetingId, n: count() })
            .from(t.s3Registrations)
            .innerJoin(t.s3Meetings, eq(t.s3Meetings.id, t.s3Registrations.meetingId))
            .where(
              and(
                inArray(t.s3Registrations.meetingId, ids),
                // Registrations past their retention are not counted, purged or not yet.
                gte(t.s3Meetings.heldOn, purgeBefore(todayInSweden())),
              ),
            )
            .groupBy(t.s3Registrations.meetingId)
        : Promise.resolve(null),
  ]);
  const registrationCount = registrations
    ? new Map(registrations.map((r) => [r.meetingId, Number(r.n)]))
    : null;
  return loaded.map(({ row, summary }) => ({
    ...summary,
    agenda: row.agenda,
    notes: row.notes,
    organisations: organisations
      .filter((o) => o.meetingId === row.id)
      .map((o) => {
        const shown = mayNameOrganisation(actor, o);
        return {
          id: o.id,
          name: shown ? o.name : hiddenOrganisationName,
          hidden: !shown,
          kind: o.kind,
          level: o.level,
          // A hidden organisation keeps its kind and level (the helix grouping), not where it is.
          areaCode: shown ? o.areaCode : null,
          helixType: helixTypeOf(o.kind),
        };
      })
      .sort(
        (a, b) =>
          Number(a.hidden) - Number(b.hidden) ||
          compareSwedish(a.name, b.name) ||
          a.kind.localeCompare(b.kind),
      ),
    inputs: inputs ? inputs.filter((i) => i.meetingId === row.id) : null,
    registrationCount: registrationCount ? (registrationCount.get(row.id) ?? 0) : null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }));
}

/** One meeting the actor may see, or null. */
export async function getMeeting(db: Executor, actor: Actor, id: string): Promise<MeetingOut | null> {
  const [row] = await db
    .select({ id: t.s3Meetings.id })
    .from(t.s3Meetings)
    .where(
      and(eq(t.s3Meetings.id, id), eq(t.s3Meetings.regionCode, actor.regionCode), visibleMeetings(actor)),
    );
  if (!row) return null;
  const [meeting] = await loadMeetings(db, actor, [row.id]);
  return meeting ?? null;
}

/** The meeting as the calendar needs it (one the actor may see), or null. */
async function icsRows(db: Executor, where: SQL | undefined): Promise<IcsMeeting[]> {
  const rows = await db
    .select({ m: t.s3Meetings, municipality: t.areas.name })
    .from(t.s3Meetings)
    .leftJoin(t.areas, eq(t.areas.code, t.s3Meetings.areaCode))
    .where(where)
    .orderBy(asc(t.s3Meetings.heldOn), asc(t.s3Meetings.startsAt));
  return rows.map(({ m, municipality }) => ({
    id: m.id,
    title: m.title,
    heldOn: m.heldOn,
    startsAt: m.startsAt,
    endsAt: m.endsAt,
    placeKind: m.placeKind,
    municipalityName: municipality ?? null,
    venue: m.venue,
    agenda: m.agenda,
    version: m.version,
    updatedAt: m.updatedAt,
  }));
}

/** Published meetings, upcoming and those of the last year, of one strength area or all. */
export async function calendarMeetings(db: Db, regionCode: string, areaSlug?: string) {
  const area = areaSlug ? await strengthAreaBySlug(db, regionCode, areaSlug) : null;
  return icsRows(
    db,
    and(
      eq(t.s3Meetings.regionCode, regionCode),
      eq(t.s3Meetings.visibility, 'published'),
      gte(t.s3Meetings.heldOn, daysBefore(todayInSweden(), 365)),
      area
        ? sql`exists (select 1 from ${t.s3MeetingAreas} where ${t.s3MeetingAreas.meetingId} = ${t.s3Meetings.id} and ${t.s3MeetingAreas.strengthAreaId} = ${area.id})`
        : undefined,
    ),
  );
}

export async function calendarMeeting(db: Db, actor: Actor, id: string) {
  const [meeting] = await icsRows(
    db,
    and(eq(t.s3Meetings.id, id), eq(t.s3Meetings.regionCode, actor.regionCode), visibleMeetings(actor)),
  );
  return meeting ?? null;
}

// ---- Writes ----

async function checkReferences(
  tx: DbTransaction,
  regionCode: string,
  refs: { areaCode?: string | null; strengthAreaIds?: string[]; organisationIds?: string[] },
) {
  const errors: FieldError[] = [];
  if (refs.areaCode) {
    const [municipality] = await tx
      .select({ code: t.areas.code })
      .from(t.areas)
      .where(
        and(
          eq(t.areas.code, refs.areaCode),
          eq(t.areas.regionCode, regionCode),
          eq(t.areas.type, 'municipality'),
        ),
      );
    if (!municipality)
      errors.push({ field: 'body.areaCode', message: `no municipality ${refs.areaCode} in the region` });
  }
  if (refs.strengthAreaIds?.length) {
    const known = new Set(
      (
        await tx
          .select({ id: t.strengthAreas.id })
          .from(t.strengthAreas)
          .where(
            and(
              eq(t.strengthAreas.regionCode, regionCode),
              inArray(t.strengthAreas.id, refs.strengthAreaIds),
            ),
          )
      ).map((r) => r.id),
    );
    refs.strengthAreaIds.forEach((id, i) => {
      if (!known.has(id))
        errors.push({ field: `body.strengthAreaIds.${i}`, message: `no strength area ${id} in the region` });
    });
  }
  if (refs.organisationIds?.length) {
    const known = new Set(
      (
        await tx
          .select({ id: t.organisations.id })
          .from(t.organisations)
          .where(
            and(
              eq(t.organisations.regionCode, regionCode),
              inArray(t.organisations.id, refs.organisationIds),
            ),
          )
      ).map((r) => r.id),
    );
    refs.organisationIds.forEach((id, i) => {
      if (!known.has(id))
        errors.push({
          field: `body.organisationIds.${i}`,
          message: `no organisation ${id} in the actor register`,
        });
    });
  }
  return errors;
}

async function writeLinks(
  tx: DbTransaction,
  meetingId: string,
  strengthAreaIds: string[] | undefined,
  organisationIds: string[] | undefined,
) {
  if (strengthAreaIds) {
    await tx.delete(t.s3MeetingAreas).where(eq(t.s3MeetingAreas.meetingId, meetingId));
    const unique = [...new Set(strengthAreaIds)];
    if (unique.length)
      await tx
        .insert(t.s3MeetingAreas)
        .values(unique.map((strengthAreaId) => ({ meetingId, strengthAreaId })));
  }
  if (organisationIds) {
    await tx.delete(t.s3MeetingOrganisations).where(eq(t.s3MeetingOrganisations.meetingId, meetingId));
    const unique = [...new Set(organisationIds)];
    if (unique.length)
      await tx
        .insert(t.s3MeetingOrganisations)
        .values(unique.map((organisationId) => ({ meetingId, organisationId })));
  }
}

const staffScope = (actor: AuditActor): Actor =>
  'system' in actor
    ? { regionCode: actor.regionCode, user: null, role: 'admin', organisationId: null }
    : actor;

/** What the audit trail keeps of a meeting: its own fields and links, not input or registrations. */
function auditView(meeting: MeetingOut | undefined) {
  if (!meeting) return null;
  const {
    version: _v,
    createdAt: _c,
    updatedAt: _u,
    inputs: _i,
    inputCount: _n,
    registrationCount: _r,
    organisationCount: _o,
    counts,
    strengthAreas,
    organisations,
    municipality: _m,
    ...rest
  } = meeting;
  return {
    ...rest,
    countWomen: counts.women,
    countMen: counts.men,
    countOther: counts.other,
    strengthAreas: strengthAreas.map((a) => a.nameSv),
    organisations: organisations.map((o) => o.name),
  };
}

const factsOf = (
  m: Pick<
    Row,
    'heldOn' | 'startsAt' | 'endsAt' | 'placeKind' | 'areaCode' | 'countWomen' | 'countMen' | 'countOther'
  >,
  strengthAreaCount: number,
) => ({
  heldOn: m.heldOn,
  startsAt: m.startsAt ?? null,
  endsAt: m.endsAt ?? null,
  placeKind: m.placeKind,
  areaCode: m.areaCode ?? null,
  countWomen: m.countWomen ?? null,
  countMen: m.countMen ?? null,
  countOther: m.countOther ?? null,
  strengthAreaCount,
});

export async function insertMeeting(
  tx: DbTransaction,
  actor: AuditActor,
  input: MeetingInput,
  options: { isExample?: boolean } = {},
): Promise<string> {
  const { strengthAreaIds, organisationIds, ...fields } = input;
  const values = {
    ...fields,
    startsAt: fields.startsAt ?? null,
    endsAt: fields.endsAt ?? null,
    areaCode: fields.areaCode || null,
    countWomen: fields.countWomen ?? null,
    countMen: fields.countMen ?? null,
    countOther: fields.countOther ?? null,
  };
  const problems = [
    ...meetingProblems(factsOf(values, new Set(strengthAreaIds).size)),
    ...(await checkReferences(tx, actor.regionCode, {
      areaCode: values.areaCode,
      strengthAreaIds,
      organisationIds,
    })),
  ];
  if (problems.length) throw badRequest(problems);
  const [row] = await tx
    .insert(t.s3Meetings)
    .values({ ...values, regionCode: actor.regionCode, isExample: options.isExample ?? false })
    .returning({ id: t.s3Meetings.id });
  if (!row) throw new Error('meeting not inserted');
  await writeLinks(tx, row.id, strengthAreaIds, organisationIds);
  const [after] = await loadMeetings(tx, staffScope(actor), [row.id]);
  await recordAudit(tx, actor, {
    action: 'create',
    entityType,
    entityId: row.id,
    before: null,
    after: auditView(after),
  });
  return row.id;
}

export async function createMeeting(db: Db, actor: Actor, input: MeetingInput): Promise<MeetingOut> {
  return db.transaction(async (tx) => {
    const id = await insertMeeting(tx, actor, input);
    const [meeting] = await loadMeetings(tx, actor, [id]);
    if (!meeting) throw new Error('created meeting not found');
    return meeting;
  });
}

export async function updateMeeting(
  db: Db,
  actor: Actor,
  id: string,
  expectedVersion: number,
  patch: MeetingPatch,
): Promise<MeetingOut> {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(t.s3Meetings)
      .where(and(eq(t.s3Meetings.id, id), eq(t.s3Meetings.regionCode, actor.regionCode)))
      .for('update');
    if (!current) throw notFound(`No meeting ${id}`);
    if (current.version !== expectedVersion) throw versionMismatch(current.version);
    const [before] = await loadMeetings(tx, actor, [id]);
    if (before && Object.keys(patch).length === 0) return before;
    const { strengthAreaIds, organisationIds, ...fields } = patch;
    const normalised = {
      ...fields,
      ...('areaCode' in fields ? { areaCode: fields.areaCode || null } : {}),
      // A digital meeting has no municipality: switching to digital clears it unless one is sent.
      ...(fields.placeKind === 'digital' && !('areaCode' in fields) ? { areaCode: null } : {}),
    };
    // A change that sends the values the meeting already has makes no version and no audit row.
    const sameSet = (sent: string[] | undefined, current: { id: string }[] | undefined) =>
      sent === undefined ||
      (new Set(sent).size === (current ?? []).length && (current ?? []).every((c) => sent.includes(c.id)));
    if (
      before &&
      Object.entries(normalised).every(
        ([key, value]) => (current as Record<string, unknown>)[key] === (value ?? null),
      ) &&
      sameSet(strengthAreaIds, before.strengthAreas) &&
      sameSet(organisationIds, before.organisations)
    )
      return before;
    const merged = { ...current, ...normalised };
    const areaCount = strengthAreaIds ? new Set(strengthAreaIds).size : (before?.strengthAreas.length ?? 0);
    const problems = [
      ...meetingProblems(factsOf(merged, areaCount)),
      ...(await checkReferences(tx, actor.regionCode, {
        areaCode: 'areaCode' in normalised ? normalised.areaCode : undefined,
        strengthAreaIds,
        organisationIds,
      })),
    ];
    if (normalised.heldOn !== undefined && normalised.heldOn !== current.heldOn) {
      // A lesson cannot cite a meeting held after the lesson was learned.
      const citing = await tx
        .select({ title: t.s3Lessons.title, learnedOn: t.s3Lessons.learnedOn })
        .from(t.s3LessonMeetings)
        .innerJoin(t.s3Lessons, eq(t.s3Lessons.id, t.s3LessonMeetings.lessonId))
        .where(
          and(eq(t.s3LessonMeetings.meetingId, id), sql`${t.s3Lessons.learnedOn} < ${normalised.heldOn}`),
        )
        .orderBy(asc(t.s3Lessons.learnedOn));
      for (const lesson of citing)
        problems.push({
          field: 'body.heldOn',
          message: `the lesson "${lesson.title}" (learned ${lesson.learnedOn}) cites this meeting: the meeting cannot be after ${lesson.learnedOn}`,
        });
    }
    if (strengthAreaIds) {
      // Input raised under an area keeps that area on the meeting.
      const used = await tx
        .selectDistinct({ id: t.s3Inputs.strengthAreaId, name: t.strengthAreas.nameSv })
        .from(t.s3Inputs)
        .innerJoin(t.strengthAreas, eq(t.strengthAreas.id, t.s3Inputs.strengthAreaId))
        .where(eq(t.s3Inputs.meetingId, id));
      for (const area of used) {
        if (!strengthAreaIds.includes(area.id))
          problems.push({
            field: 'body.strengthAreaIds',
            message: `input was raised under ${area.name}: keep that strength area`,
          });
      }
    }
    if (problems.length) throw badRequest(problems);
    await tx
      .update(t.s3Meetings)
      .set({ ...normalised, version: current.version + 1, updatedAt: new Date() })
      .where(eq(t.s3Meetings.id, id));
    await writeLinks(tx, id, strengthAreaIds, organisationIds);
    const [after] = await loadMeetings(tx, actor, [id]);
    if (!after) throw new Error('updated meeting not found');
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

export async function deleteMeeting(
  db: Db,
  actor: Actor,
  id: string,
  expectedVersion: number,
): Promise<void> {
  await db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(t.s3Meetings)
      .where(and(eq(t.s3Meetings.id, id), eq(t.s3Meetings.regionCode, actor.regionCode)))
      .for('update');
    if (!current) throw notFound(`No meeting ${id}`);
    if (current.version !== expectedVersion) throw versionMismatch(current.version);
    const [inputs] = await tx.select({ n: count() }).from(t.s3Inputs).where(eq(t.s3Inputs.meetingId, id));
    const [lessons] = await tx
      .select({ n: count() })
      .from(t.s3LessonMeetings)
      .where(eq(t.s3LessonMeetings.meetingId, id));
    const uses = [
      Number(inputs?.n ?? 0) ? `${inputs?.n} input` : null,
      Number(lessons?.n ?? 0) ? `${lessons?.n} lesson(s) of the learning log` : null,
    ].filter(Boolean);
    if (uses.length)
      throw new HttpProblem(
        409,
        'Conflict',
        `The meeting is referred to by ${uses.join(' and ')}: remove those first`,
        undefined,
        'IN_USE',
      );
    const [before] = await loadMeetings(tx, actor, [id]);
    await tx.delete(t.s3Meetings).where(eq(t.s3Meetings.id, id));
    await recordAudit(tx, actor, {
      action: 'delete',
      entityType,
      entityId: id,
      before: auditView(before),
      after: null,
    });
  });
}
