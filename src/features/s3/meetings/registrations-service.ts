/**
 * Registrations from the public page: name, organisation and email, only for as long as the
 * meeting needs them. The one S3 write without sign-in. Nothing personal goes to the audit trail.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../../db/connection.ts';
import * as t from '../../../db/schema.ts';
import { HttpProblem, notFound } from '../../../server/problem.ts';
import { todayInSweden } from '../../../shared/dates.ts';
import type { Actor } from '../../access/permissions.ts';
import { recordAudit } from '../../audit/audit.ts';
import { registrationConsent } from './consent.ts';
import { purgeBefore, registrationRefusal } from './meeting-rules.ts';
import type { RegistrationInput } from './meeting-schemas.ts';

const entityType = 's3_registration';

const refusalText = {
  MEETING_NOT_PUBLISHED: 'The meeting does not take registrations',
  REGISTRATION_CLOSED: 'Registration for the meeting is closed',
  MEETING_PASSED: 'The meeting has already taken place',
} as const;

/** Who the audit trail names for the automatic deletion of old registrations. */
export const purgeAuditLabel = 'gallring av anmälningar (30 dagar efter mötet)';

/**
 * Deletes the registrations of meetings held more than 30 days before `today` (all regions).
 * Each region where something was deleted gets one audit row with the count only — no names,
 * emails or ids. Returns how many were deleted.
 */
export async function purgeOldRegistrations(db: Db, today = todayInSweden()): Promise<number> {
  const before = purgeBefore(today);
  return db.transaction(async (tx) => {
    const deleted = await tx
      .delete(t.s3Registrations)
      .where(
        inArray(
          t.s3Registrations.meetingId,
          tx
            .select({ id: t.s3Meetings.id })
            .from(t.s3Meetings)
            .where(sql`${t.s3Meetings.heldOn} < ${before}`),
        ),
      )
      .returning({ meetingId: t.s3Registrations.meetingId });
    if (deleted.length === 0) return 0;
    const regions = await tx
      .select({ id: t.s3Meetings.id, regionCode: t.s3Meetings.regionCode })
      .from(t.s3Meetings)
      .where(inArray(t.s3Meetings.id, [...new Set(deleted.map((d) => d.meetingId))]));
    const regionOf = new Map(regions.map((r) => [r.id, r.regionCode]));
    const perRegion = new Map<string, number>();
    for (const d of deleted) {
      const region = regionOf.get(d.meetingId) ?? '';
      perRegion.set(region, (perRegion.get(region) ?? 0) + 1);
    }
    for (const [regionCode, n] of perRegion) {
      await recordAudit(
        tx,
        { system: purgeAuditLabel, regionCode },
        {
          action: 'purge',
          entityType,
          entityId: `meetings-held-before-${before}`,
          before: null,
          after: { deleted: n },
        },
      );
    }
    return deleted.length;
  });
}

/**
 * Runs the purge now and then every `everyMs` (an hour by default) on an unreferenced timer:
 * it never keeps the process alive. Returns a stop function that also waits for a purge in progress.
 */
export function scheduleRegistrationPurge(
  db: Db,
  log: { info: (message: string) => void; error: (details: object, message: string) => void },
  everyMs = 60 * 60 * 1000,
): () => Promise<void> {
  const run = async () => {
    try {
      const n = await purgeOldRegistrations(db);
      if (n > 0) log.info(`${n} registrations for meetings held more than 30 days ago deleted`);
    } catch (error) {
      log.error({ err: error }, 'deleting old registrations failed');
    }
  };
  let running = run();
  const timer = setInterval(() => {
    running = running.then(run);
  }, everyMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}

/**
 * Registers a person for a published meeting that takes registrations. A filled honeypot or a
 * second registration with the same email answers the same as a first one, and stores nothing.
 */
export async function register(db: Db, regionCode: string, meetingId: string, input: RegistrationInput) {
  await purgeOldRegistrations(db);
  const [meeting] = await db
    .select({
      id: t.s3Meetings.id,
      visibility: t.s3Meetings.visibility,
      registrationOpen: t.s3Meetings.registrationOpen,
      heldOn: t.s3Meetings.heldOn,
    })
    .from(t.s3Meetings)
    .where(and(eq(t.s3Meetings.id, meetingId), eq(t.s3Meetings.regionCode, regionCode)));
  if (meeting?.visibility !== 'published') throw notFound(`No meeting ${meetingId}`);
  const answer = { registered: true as const, meetingId };
  if ((input.website ?? '').trim() !== '') return answer;
  const refusal = registrationRefusal(meeting, todayInSweden());
  if (refusal) throw new HttpProblem(409, 'Conflict', refusalText[refusal], undefined, refusal);
  if (input.consentVersion !== registrationConsent.version) {
    throw new HttpProblem(
      400,
      'Bad Request',
      'The consent text has changed: read it again and give your consent',
      [
        {
          field: 'body.consentVersion',
          message: `must be the current version, ${registrationConsent.version}`,
        },
      ],
      'CONSENT_OUTDATED',
    );
  }
  await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(t.s3Registrations)
      .values({
        meetingId,
        name: input.name,
        organisation: input.organisation ?? null,
        email: input.email,
        consentVersion: input.consentVersion,
      })
      .onConflictDoNothing()
      .returning({ id: t.s3Registrations.id });
    if (!row) return;
    await recordAudit(
      tx,
      { system: 'offentlig anmälan', regionCode },
      { action: 'create', entityType, entityId: row.id, before: null, after: { meetingId } },
    );
  });
  return answer;
}

export async function listRegistrations(db: Db, actor: Actor, meetingId: string) {
  await purgeOldRegistrations(db);
  const [meeting] = await db
    .select({ id: t.s3Meetings.id, title: t.s3Meetings.title, heldOn: t.s3Meetings.heldOn })
    .from(t.s3Meetings)
    .where(and(eq(t.s3Meetings.id, meetingId), eq(t.s3Meetings.regionCode, actor.regionCode)));
  if (!meeting) throw notFound(`No meeting ${meetingId}`);
  const rows = await db
    .select()
    .from(t.s3Registrations)
    .where(eq(t.s3Registrations.meetingId, meetingId))
    .orderBy(asc(t.s3Registrations.consentedAt));
  return {
    meeting,
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      organisation: r.organisation,
      email: r.email,
      consentVersion: r.consentVersion,
      consentedAt: r.consentedAt.toISOString(),
    })),
  };
}

export async function deleteRegistration(db: Db, actor: Actor, id: string): Promise<void> {
  await purgeOldRegistrations(db);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: t.s3Registrations.id, meetingId: t.s3Registrations.meetingId })
      .from(t.s3Registrations)
      .innerJoin(t.s3Meetings, eq(t.s3Meetings.id, t.s3Registrations.meetingId))
      .where(and(eq(t.s3Registrations.id, id), eq(t.s3Meetings.regionCode, actor.regionCode)));
    if (!row) throw notFound(`No registration ${id}`);
    await tx.delete(t.s3Registrations).where(eq(t.s3Registrations.id, id));
    await recordAudit(tx, actor, {
      action: 'delete',
      entityType,
      entityId: id,
      before: { meetingId: row.meetingId },
      after: null,
    });
  });
}
