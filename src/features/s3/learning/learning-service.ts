/**
 * The learning log: lessons (lärdomar) with the meetings they came from, and the decisions that
 * changed priorities citing the lessons behind them. Public: the region's own account of how its
 * priorities develop. A meeting is named only to readers who may see it (internal meetings: staff
 * and viewers).
 */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db, DbTransaction, Executor } from '../../../db/connection.ts';
import { isForeignKeyViolation } from '../../../db/errors.ts';
import { readTogether } from '../../../db/read-together.ts';
import * as t from '../../../db/schema.ts';
import { conflict, type FieldError, HttpProblem, notFound } from '../../../server/problem.ts';
import { todayInSweden } from '../../../shared/dates.ts';
import { versionMismatch } from '../../../shared/optimistic-lock.ts';
import type { Actor } from '../../access/permissions.ts';
import { type AuditActor, recordAudit } from '../../audit/audit.ts';
import { s3Policy } from '../s3-policy.ts';
import { changeProblems, lessonMeetingProblems, lessonProblems } from './learning-rules.ts';
import type {
  ChangeInput,
  ChangeOut,
  ChangePatch,
  LessonInput,
  LessonOut,
  LessonPatch,
} from './learning-schemas.ts';

const lessonEntity = 's3_lesson';
const changeEntity = 's3_priority_change';

export type AreaRef = { id: string; slug: string; name: { sv: string | null; en: string | null } };

const badRequest = (errors: FieldError[]) =>
  new HttpProblem(400, 'Bad Request', errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);

/** The reader's scope for meetings: a system actor (seeding) and staff see all. */
const seesInternal = (actor: AuditActor) => 'system' in actor || s3Policy.readInternalMeetings(actor);

/** A strength-area filter (?area=slug); an unknown slug is a bad request at the field. */
export async function areaFilter(
  db: Executor,
  regionCode: string,
  slug: string | undefined,
): Promise<AreaRef | null> {
  if (!slug) return null;
  const [area] = await db
    .select({
      id: t.strengthAreas.id,
      slug: t.strengthAreas.slug,
      sv: t.strengthAreas.nameSv,
      en: t.strengthAreas.nameEn,
    })
    .from(t.strengthAreas)
    .where(and(eq(t.strengthAreas.regionCode, regionCode), eq(t.strengthAreas.slug, slug)));
  if (!area) throw badRequest([{ field: 'querystring.area', message: `no strength area ${slug}` }]);
  return { id: area.id, slug: area.slug, name: { sv: area.sv, en: area.en } };
}

async function areasById(db: Executor, ids: Array<string | null>): Promise<Map<string, AreaRef>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({
      id: t.strengthAreas.id,
      slug: t.strengthAreas.slug,
      sv: t.strengthAreas.nameSv,
      en: t.strengthAreas.nameEn,
    })
    .from(t.strengthAreas)
    .where(inArray(t.strengthAreas.id, wanted));
  return new Map(rows.map((r) => [r.id, { id: r.id, slug: r.slug, name: { sv: r.sv, en: r.en } }]));
}

// ---------------------------------------------------------------------------------------------
// Reading

export async function loadLessons(db: Executor, actor: AuditActor, ids: string[]): Promise<LessonOut[]> {
  if (ids.length === 0) return [];
  const [rows, meetings, citations] = await readTogether(db, [
    () => db.select().from(t.s3Lessons).where(inArray(t.s3Lessons.id, ids)),
    () =>
      db
        .select({
          lessonId: t.s3LessonMeetings.lessonId,
          id: t.s3Meetings.id,
          title: t.s3Meetings.title,
          heldOn: t.s3Meetings.heldOn,
          visibility: t.s3Meetings.visibility,
        })
        .from(t.s3LessonMeetings)
        .innerJoin(t.s3Meetings, eq(t.s3Meetings.id, t.s3LessonMeetings.meetingId))
        .where(inArray(t.s3LessonMeetings.lessonId, ids))
        .orderBy(asc(t.s3Meetings.heldOn), asc(t.s3Meetings.title)),
    () =>
      db
        .select({
          lessonId: t.s3PriorityChangeLessons.lessonId,
          id: t.s3PriorityChanges.id,
          summary: t.s3PriorityChanges.summary,
          decidedOn: t.s3PriorityChanges.decidedOn,
        })
        .from(t.s3PriorityChangeLessons)
        .innerJoin(t.s3PriorityChanges, eq(t.s3PriorityChanges.id, t.s3PriorityChangeLessons.changeId))
        .where(inArray(t.s3PriorityChangeLessons.lessonId, ids))
        .orderBy(asc(t.s3PriorityChanges.decidedOn), asc(t.s3PriorityChanges.createdAt)),
  ]);
  const areas = await areasById(
    db,
    rows.map((r) => r.strengthAreaId),
  );
  const internal = seesInternal(actor);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    return [
      {
        id: r.id,
        strengthArea: r.strengthAreaId ? (areas.get(r.strengthAreaId) ?? null) : null,
        title: r.title,
        lesson: r.lesson,
        evidence: r.evidence,
        learnedOn: r.learnedOn,
        meetings: meetings
          .filter((m) => m.lessonId === id && (internal || m.visibility === 'published'))
          .map(({ id: meetingId, title, heldOn }) => ({ id: meetingId, title, heldOn })),
        citedBy: citations
          .filter((c) => c.lessonId === id)
          .map(({ id: changeId, summary, decidedOn }) => ({ id: changeId, summary, decidedOn })),
        isExample: r.isExample,
        version: r.version,
        createdAt: r.createdAt.toISOString(),
        updatedAt: r.updatedAt.toISOString(),
      },
    ];
  });
}

export async function loadChanges(db: Executor, ids: string[]): Promise<ChangeOut[]> {
  if (ids.length === 0) return [];
  const [rows, lessons] = await readTogether(db, [
    () => db.select().from(t.s3PriorityChanges).where(inArray(t.s3PriorityChanges.id, ids)),
    () =>
      db
        .select({
          changeId: t.s3PriorityChangeLessons.changeId,
          id: t.s3Lessons.id,
          title: t.s3Lessons.title,
          learnedOn: t.s3Lessons.learnedOn,
        })
        .from(t.s3PriorityChangeLessons)
        .innerJoin(t.s3Lessons, eq(t.s3Lessons.id, t.s3PriorityChangeLessons.lessonId))
        .where(inArray(t.s3PriorityChangeLessons.changeId, ids))
        .orderBy(asc(t.s3Lessons.learnedOn), asc(t.s3Lessons.createdAt)),
  ]);
  const areas = await areasById(
    db,
    rows.map((r) => r.strengthAreaId),
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    return [
      {
        id: r.id,
        strengthArea: r.strengthAreaId ? (areas.get(r.strengthAreaId) ?? null) : null,
        kind: r.kind,
        summary: r.summary,
        decidedOn: r.decidedOn,
        decidedBy: r.decidedBy,
        reference: r.reference,
        lessons: lessons
          .filter((l) => l.changeId === id)
          .map(({ id: lessonId, title, learnedOn }) => ({ id: lessonId, title, learnedOn })),
        isExample: r.isExample,
        version: r.version,
        createdAt: r.createdAt.toISOString(),
        updatedAt: r.updatedAt.toISOString(),
      },
    ];
  });
}

const matches = (q: string | undefined, ...texts: Array<string | null>) => {
  if (!q) return true;
  const words = q.toLocaleLowerCase('sv').split(/\s+/).filter(Boolean);
  const haystack = texts.filter(Boolean).join(' ').toLocaleLowerCase('sv');
  return words.every((w) => haystack.includes(w));
};

/** Lessons, newest first, of one strength area (or all). */
export async function listLessons(
  db: Db,
  actor: Actor,
  filter: { area: AreaRef | null; q?: string | undefined },
): Promise<LessonOut[]> {
  const rows = await db
    .select({
      id: t.s3Lessons.id,
      title: t.s3Lessons.title,
      lesson: t.s3Lessons.lesson,
      evidence: t.s3Lessons.evidence,
    })
    .from(t.s3Lessons)
    .where(
      and(
        eq(t.s3Lessons.regionCode, actor.regionCode),
        filter.area ? eq(t.s3Lessons.strengthAreaId, filter.area.id) : undefined,
      ),
    )
    .orderBy(desc(t.s3Lessons.learnedOn), desc(t.s3Lessons.createdAt), asc(t.s3Lessons.id));
  return loadLessons(
    db,
    actor,
    rows.filter((r) => matches(filter.q, r.title, r.lesson, r.evidence)).map((r) => r.id),
  );
}

/** Decisions that changed priorities, newest first. */
export async function listChanges(
  db: Db,
  actor: Actor,
  filter: { area: AreaRef | null },
): Promise<ChangeOut[]> {
  const rows = await db
    .select({ id: t.s3PriorityChanges.id })
    .from(t.s3PriorityChanges)
    .where(
      and(
        eq(t.s3PriorityChanges.regionCode, actor.regionCode),
        filter.area ? eq(t.s3PriorityChanges.strengthAreaId, filter.area.id) : undefined,
      ),
    )
    .orderBy(
      desc(t.s3PriorityChanges.decidedOn),
      desc(t.s3PriorityChanges.createdAt),
      asc(t.s3PriorityChanges.id),
    );
  return loadChanges(
    db,
    rows.map((r) => r.id),
  );
}

export async function getLesson(db: Executor, actor: Actor, id: string): Promise<LessonOut | null> {
  const [row] = await db
    .select({ id: t.s3Lessons.id })
    .from(t.s3Lessons)
    .where(and(eq(t.s3Lessons.id, id), eq(t.s3Lessons.regionCode, actor.regionCode)));
  if (!row) return null;
  return (await loadLessons(db, actor, [row.id]))[0] ?? null;
}

export async function getChange(db: Executor, actor: Actor, id: string): Promise<ChangeOut | null> {
  const [row] = await db
    .select({ id: t.s3PriorityChanges.id })
    .from(t.s3PriorityChanges)
    .where(and(eq(t.s3PriorityChanges.id, id), eq(t.s3PriorityChanges.regionCode, actor.regionCode)));
  if (!row) return null;
  return (await loadChanges(db, [row.id]))[0] ?? null;
}

export type LogEntry =
  | { type: 'lesson'; date: string; lesson: LessonOut }
  | { type: 'change'; date: string; change: ChangeOut };

/**
 * One list of lessons and changes, newest first; on the same day a change comes before the
 * lessons it may cite (read downwards: the decision, then what it built on).
 */
export async function learningLog(db: Db, actor: Actor, area: AreaRef | null): Promise<LogEntry[]> {
  const [lessons, changes] = await Promise.all([
    listLessons(db, actor, { area }),
    listChanges(db, actor, { area }),
  ]);
  const entries: LogEntry[] = [
    ...changes.map((change) => ({ type: 'change' as const, date: change.decidedOn, change })),
    ...lessons.map((lesson) => ({ type: 'lesson' as const, date: lesson.learnedOn, lesson })),
  ];
  const created = (e: LogEntry) => (e.type === 'lesson' ? e.lesson.createdAt : e.change.createdAt);
  return entries.sort((a, b) => {
    if (a.date !== b.date) return a.date < b.date ? 1 : -1;
    if (a.type !== b.type) return a.type === 'change' ? -1 : 1;
    return created(a) < created(b) ? 1 : created(a) > created(b) ? -1 : 0;
  });
}

// ---------------------------------------------------------------------------------------------
// Writing

async function checkArea(
  tx: Executor,
  regionCode: string,
  strengthAreaId: string | null | undefined,
  errors: FieldError[],
) {
  if (!strengthAreaId) return;
  const [area] = await tx
    .select({ id: t.strengthAreas.id })
    .from(t.strengthAreas)
    .where(and(eq(t.strengthAreas.id, strengthAreaId), eq(t.strengthAreas.regionCode, regionCode)));
  if (!area)
    errors.push({
      field: 'body.strengthAreaId',
      message: `no strength area ${strengthAreaId} in the region`,
    });
}

/**
 * The source meetings of a lesson: each of the region and held on or before the lesson's date
 * (a lesson comes from meetings already held). The meetings are locked FOR SHARE so they cannot
 * go away while the lesson is written.
 */
async function checkMeetings(
  tx: Executor,
  regionCode: string,
  meetingIds: string[] | undefined,
  learnedOn: string,
  errors: FieldError[],
) {
  if (!meetingIds?.length) return;
  const found = new Map(
    (
      await tx
        .select({ id: t.s3Meetings.id, heldOn: t.s3Meetings.heldOn })
        .from(t.s3Meetings)
        .where(and(eq(t.s3Meetings.regionCode, regionCode), inArray(t.s3Meetings.id, meetingIds)))
        .orderBy(asc(t.s3Meetings.id))
        .for('share')
    ).map((m) => [m.id, m]),
  );
  meetingIds.forEach((id, i) => {
    if (!found.has(id))
      errors.push({ field: `body.meetingIds.${i}`, message: `no meeting ${id} in the region` });
  });
  errors.push(
    ...lessonMeetingProblems(
      learnedOn,
      meetingIds.map((id) => found.get(id)),
      { atMeetings: true },
    ),
  );
}

/** The meetings a lesson now cites (all of them, whatever the reader may see). */
async function meetingsOfLesson(tx: Executor, lessonId: string) {
  return tx
    .select({ id: t.s3Meetings.id, heldOn: t.s3Meetings.heldOn })
    .from(t.s3LessonMeetings)
    .innerJoin(t.s3Meetings, eq(t.s3Meetings.id, t.s3LessonMeetings.meetingId))
    .where(eq(t.s3LessonMeetings.lessonId, lessonId));
}

const sameSet = (a: readonly string[], b: readonly string[]) => {
  const x = new Set(a);
  const y = new Set(b);
  return x.size === y.size && [...x].every((v) => y.has(v));
};

/** The entries of a PATCH that differ from the stored values (null and undefined alike). */
function changedEntries<T extends Record<string, unknown>>(
  patch: T,
  current: Record<string, unknown>,
): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(patch) as Array<keyof T & string>) {
    const value = patch[key];
    if (value === undefined) continue;
    if ((value ?? null) !== (current[key] ?? null)) out[key] = value;
  }
  return out;
}

async function writeLessonMeetings(tx: DbTransaction, lessonId: string, meetingIds: string[]) {
  await tx.delete(t.s3LessonMeetings).where(eq(t.s3LessonMeetings.lessonId, lessonId));
  const unique = [...new Set(meetingIds)];
  if (unique.length)
    await tx.insert(t.s3LessonMeetings).values(unique.map((meetingId) => ({ lessonId, meetingId })));
}

function lessonAuditView(lesson: LessonOut | undefined) {
  if (!lesson) return null;
  const { version: _v, createdAt: _c, updatedAt: _u, citedBy: _b, strengthArea, meetings, ...rest } = lesson;
  return { ...rest, strengthAreaId: strengthArea?.id ?? null, meetingIds: meetings.map((m) => m.id) };
}

function changeAuditView(change: ChangeOut | undefined) {
  if (!change) return null;
  const { version: _v, createdAt: _c, updatedAt: _u, strengthArea, lessons, ...rest } = change;
  return { ...rest, strengthAreaId: strengthArea?.id ?? null, lessonIds: lessons.map((l) => l.id) };
}

async function citingDecisions(tx: Executor, lessonId: string) {
  return tx
    .select({ id: t.s3PriorityChanges.id, decidedOn: t.s3PriorityChanges.decidedOn })
    .from(t.s3PriorityChangeLessons)
    .innerJoin(t.s3PriorityChanges, eq(t.s3PriorityChanges.id, t.s3PriorityChangeLessons.changeId))
    .where(eq(t.s3PriorityChangeLessons.lessonId, lessonId));
}

export async function insertLesson(
  tx: DbTransaction,
  actor: AuditActor,
  input: LessonInput,
  options: { isExample?: boolean } = {},
): Promise<string> {
  const errors = lessonProblems(input, { today: todayInSweden(), citedBy: [] });
  await checkArea(tx, actor.regionCode, input.strengthAreaId, errors);
  await checkMeetings(tx, actor.regionCode, input.meetingIds, input.learnedOn, errors);
  if (errors.length) throw badRequest(errors);
  const [row] = await tx
    .insert(t.s3Lessons)
    .values({
      regionCode: actor.regionCode,
      strengthAreaId: input.strengthAreaId ?? null,
      title: input.title,
      lesson: input.lesson,
      evidence: input.evidence ?? null,
      learnedOn: input.learnedOn,
      isExample: options.isExample ?? false,
    })
    .returning({ id: t.s3Lessons.id });
  if (!row) throw new Error('lesson not inserted');
  await writeLessonMeetings(tx, row.id, input.meetingIds);
  const [after] = await loadLessons(tx, actor, [row.id]);
  await recordAudit(tx, actor, {
    action: 'create',
    entityType: lessonEntity,
    entityId: row.id,
    before: null,
    after: lessonAuditView(after),
  });
  return row.id;
}

export async function createLesson(db: Db, actor: Actor, input: LessonInput): Promise<LessonOut> {
  return db.transaction(async (tx) => {
    const id = await insertLesson(tx, actor, input);
    const [lesson] = await loadLessons(tx, actor, [id]);
    if (!lesson) throw new Error('created lesson not found');
    return lesson;
  });
}

export async function updateLesson(
  db: Db,
  actor: Actor,
  id: string,
  expectedVersion: number,
  patch: LessonPatch,
): Promise<LessonOut> {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(t.s3Lessons)
      .where(and(eq(t.s3Lessons.id, id), eq(t.s3Lessons.regionCode, actor.regionCode)))
      .for('update');
    if (!current) throw notFound(`No lesson ${id}`);
    if (current.version !== expectedVersion) throw versionMismatch(current.version);
    const [before] = await loadLessons(tx, actor, [id]);
    if (!before) throw notFound(`No lesson ${id}`);
    // Only what differs is written: saving a form unchanged makes no version and no audit row.
    const { meetingIds: patchMeetings, ...patchFields } = patch;
    const stored = await meetingsOfLesson(tx, id);
    const fields = changedEntries(patchFields, current);
    const meetingIds =
      patchMeetings &&
      !sameSet(
        patchMeetings,
        stored.map((m) => m.id),
      )
        ? patchMeetings
        : undefined;
    if (Object.keys(fields).length === 0 && meetingIds === undefined) return before;
    const learnedOn = fields.learnedOn ?? current.learnedOn;
    const errors =
      fields.learnedOn !== undefined
        ? lessonProblems({ learnedOn }, { today: todayInSweden(), citedBy: await citingDecisions(tx, id) })
        : [];
    await checkArea(tx, actor.regionCode, fields.strengthAreaId, errors);
    if (meetingIds) await checkMeetings(tx, actor.regionCode, meetingIds, learnedOn, errors);
    else if (fields.learnedOn !== undefined)
      errors.push(...lessonMeetingProblems(learnedOn, stored, { atMeetings: false }));
    if (errors.length) throw badRequest(errors);
    await tx
      .update(t.s3Lessons)
      .set({ ...fields, version: current.version + 1, updatedAt: new Date() })
      .where(eq(t.s3Lessons.id, id));
    if (meetingIds) await writeLessonMeetings(tx, id, meetingIds);
    const [after] = await loadLessons(tx, actor, [id]);
    if (!after) throw new Error('updated lesson not found');
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: lessonEntity,
      entityId: id,
      before: lessonAuditView(before),
      after: lessonAuditView(after),
    });
    return after;
  });
}

export async function deleteLesson(db: Db, actor: Actor, id: string, expectedVersion: number): Promise<void> {
  await db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(t.s3Lessons)
      .where(and(eq(t.s3Lessons.id, id), eq(t.s3Lessons.regionCode, actor.regionCode)))
      .for('update');
    if (!current) throw notFound(`No lesson ${id}`);
    if (current.version !== expectedVersion) throw versionMismatch(current.version);
    const citing = await citingDecisions(tx, id);
    if (citing.length) {
      throw conflict(
        `A decision on changed priorities cites this lesson (${citing.length}); remove the lesson from the decision first`,
        'IN_USE',
      );
    }
    const [before] = await loadLessons(tx, actor, [id]);
    await tx.delete(t.s3Lessons).where(eq(t.s3Lessons.id, id));
    await recordAudit(tx, actor, {
      action: 'delete',
      entityType: lessonEntity,
      entityId: id,
      before: lessonAuditView(before),
      after: null,
    });
  });
}

async function lessonsOfRegion(
  tx: Executor,
  regionCode: string,
  lessonIds: string[],
  errors: FieldError[],
): Promise<Map<string, { learnedOn: string }>> {
  if (lessonIds.length === 0) return new Map();
  // Locked FOR SHARE until the change is written: a concurrent PATCH (FOR UPDATE) cannot move a
  // cited lesson's date past the decision, nor a DELETE remove it, between this check and the
  // commit; whichever comes second sees the other's result.
  const rows = await tx
    .select({ id: t.s3Lessons.id, learnedOn: t.s3Lessons.learnedOn })
    .from(t.s3Lessons)
    .where(and(eq(t.s3Lessons.regionCode, regionCode), inArray(t.s3Lessons.id, lessonIds)))
    .orderBy(asc(t.s3Lessons.id))
    .for('share');
  const found = new Map(rows.map((r) => [r.id, { learnedOn: r.learnedOn }]));
  lessonIds.forEach((id, i) => {
    if (!found.has(id))
      errors.push({ field: `body.lessonIds.${i}`, message: `no lesson ${id} in the region` });
  });
  return found;
}

async function writeChangeLessons(tx: DbTransaction, changeId: string, lessonIds: string[]) {
  await tx.delete(t.s3PriorityChangeLessons).where(eq(t.s3PriorityChangeLessons.changeId, changeId));
  const unique = [...new Set(lessonIds)];
  if (!unique.length) return;
  try {
    await tx.insert(t.s3PriorityChangeLessons).values(unique.map((lessonId) => ({ changeId, lessonId })));
  } catch (error) {
    // A cited lesson removed meanwhile (the FOR SHARE lock should prevent it): the request's fault.
    if (isForeignKeyViolation(error))
      throw badRequest([{ field: 'body.lessonIds', message: 'a cited lesson was removed meanwhile' }]);
    throw error;
  }
}

export async function insertChange(
  tx: DbTransaction,
  actor: AuditActor,
  input: ChangeInput,
  options: { isExample?: boolean } = {},
): Promise<string> {
  const errors: FieldError[] = [];
  const lessons = await lessonsOfRegion(tx, actor.regionCode, input.lessonIds, errors);
  errors.push(...changeProblems(input, lessons, { today: todayInSweden() }));
  await checkArea(tx, actor.regionCode, input.strengthAreaId, errors);
  if (errors.length) throw badRequest(errors);
  const [row] = await tx
    .insert(t.s3PriorityChanges)
    .values({
      regionCode: actor.regionCode,
      strengthAreaId: input.strengthAreaId ?? null,
      kind: input.kind,
      summary: input.summary,
      decidedOn: input.decidedOn,
      decidedBy: input.decidedBy ?? null,
      reference: input.reference ?? null,
      isExample: options.isExample ?? false,
    })
    .returning({ id: t.s3PriorityChanges.id });
  if (!row) throw new Error('change not inserted');
  await writeChangeLessons(tx, row.id, input.lessonIds);
  const [after] = await loadChanges(tx, [row.id]);
  await recordAudit(tx, actor, {
    action: 'create',
    entityType: changeEntity,
    entityId: row.id,
    before: null,
    after: changeAuditView(after),
  });
  return row.id;
}

export async function createChange(db: Db, actor: Actor, input: ChangeInput): Promise<ChangeOut> {
  return db.transaction(async (tx) => {
    const id = await insertChange(tx, actor, input);
    const [change] = await loadChanges(tx, [id]);
    if (!change) throw new Error('created change not found');
    return change;
  });
}

export async function updateChange(
  db: Db,
  actor: Actor,
  id: string,
  expectedVersion: number,
  patch: ChangePatch,
): Promise<ChangeOut> {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(t.s3PriorityChanges)
      .where(and(eq(t.s3PriorityChanges.id, id), eq(t.s3PriorityChanges.regionCode, actor.regionCode)))
      .for('update');
    if (!current) throw notFound(`No priority change ${id}`);
    if (current.version !== expectedVersion) throw versionMismatch(current.version);
    const [before] = await loadChanges(tx, [id]);
    if (!before) throw notFound(`No priority change ${id}`);
    // Only what differs is written: saving a form unchanged makes no version and no audit row.
    const { lessonIds: patchLessons, ...patchFields } = patch;
    const fields = changedEntries(patchFields, current);
    const storedLessons = before.lessons.map((l) => l.id);
    const newLessons = patchLessons && !sameSet(patchLessons, storedLessons) ? patchLessons : undefined;
    if (Object.keys(fields).length === 0 && newLessons === undefined) return before;
    const errors: FieldError[] = [];
    const lessonIds = newLessons ?? storedLessons;
    const lessons = await lessonsOfRegion(tx, actor.regionCode, lessonIds, newLessons ? errors : []);
    errors.push(
      ...changeProblems(
        { decidedOn: fields.decidedOn ?? current.decidedOn, lessonIds },
        lessons,
        fields.decidedOn !== undefined ? { today: todayInSweden() } : {},
      ),
    );
    await checkArea(tx, actor.regionCode, fields.strengthAreaId, errors);
    if (errors.length) throw badRequest(errors);
    await tx
      .update(t.s3PriorityChanges)
      .set({ ...fields, version: current.version + 1, updatedAt: new Date() })
      .where(eq(t.s3PriorityChanges.id, id));
    if (newLessons) await writeChangeLessons(tx, id, newLessons);
    const [after] = await loadChanges(tx, [id]);
    if (!after) throw new Error('updated change not found');
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: changeEntity,
      entityId: id,
      before: changeAuditView(before),
      after: changeAuditView(after),
    });
    return after;
  });
}

export async function deleteChange(db: Db, actor: Actor, id: string, expectedVersion: number): Promise<void> {
  await db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(t.s3PriorityChanges)
      .where(and(eq(t.s3PriorityChanges.id, id), eq(t.s3PriorityChanges.regionCode, actor.regionCode)))
      .for('update');
    if (!current) throw notFound(`No priority change ${id}`);
    if (current.version !== expectedVersion) throw versionMismatch(current.version);
    const [before] = await loadChanges(tx, [id]);
    await tx.delete(t.s3PriorityChanges).where(eq(t.s3PriorityChanges.id, id));
    await recordAudit(tx, actor, {
      action: 'delete',
      entityType: changeEntity,
      entityId: id,
      before: changeAuditView(before),
      after: null,
    });
  });
}
