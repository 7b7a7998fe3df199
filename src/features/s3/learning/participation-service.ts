/**
 * Loads the meetings a reader may count (anonymous readers and partners: published meetings
 * only) and hands them to the pure participation measures.
 */
import { and, eq, gte, inArray, lte } from 'drizzle-orm';
import type { Db } from '../../../db/connection.ts';
import * as t from '../../../db/schema.ts';
import { HttpProblem } from '../../../server/problem.ts';
import { todayInSweden } from '../../../shared/dates.ts';
import type { Actor } from '../../access/permissions.ts';
import { s3Policy } from '../s3-policy.ts';
import type { ParticipationOut } from './learning-schemas.ts';
import type { AreaRef } from './learning-service.ts';
import {
  type ParticipationMeeting,
  type PeriodKind,
  participationMeasures,
  rangeProblems,
} from './participation-measures.ts';

export async function participation(
  db: Db,
  actor: Actor,
  query: { area: AreaRef | null; period: PeriodKind; from?: string | undefined; to?: string | undefined },
): Promise<ParticipationOut> {
  const includesInternal = s3Policy.readInternalMeetings(actor);
  const to = query.to ?? todayInSweden();
  const refuse = (errors: Array<{ field: string; message: string }>) => {
    if (errors.length)
      throw new HttpProblem(
        400,
        'Bad Request',
        errors.map((e) => `${e.field}: ${e.message}`).join('; '),
        errors,
      );
  };
  refuse(rangeProblems({ from: query.from, to, toGiven: query.to !== undefined, firstMeeting: undefined }));
  const rows = await db
    .select({
      id: t.s3Meetings.id,
      heldOn: t.s3Meetings.heldOn,
      placeKind: t.s3Meetings.placeKind,
      areaCode: t.s3Meetings.areaCode,
      countWomen: t.s3Meetings.countWomen,
      countMen: t.s3Meetings.countMen,
      countOther: t.s3Meetings.countOther,
    })
    .from(t.s3Meetings)
    .where(
      and(
        eq(t.s3Meetings.regionCode, actor.regionCode),
        includesInternal ? undefined : eq(t.s3Meetings.visibility, 'published'),
        query.from ? gte(t.s3Meetings.heldOn, query.from) : undefined,
        lte(t.s3Meetings.heldOn, to),
        query.area
          ? inArray(
              t.s3Meetings.id,
              db
                .select({ id: t.s3MeetingAreas.meetingId })
                .from(t.s3MeetingAreas)
                .where(eq(t.s3MeetingAreas.strengthAreaId, query.area.id)),
            )
          : undefined,
      ),
    );
  const firstMeeting = rows.map((r) => r.heldOn).sort()[0];
  refuse(rangeProblems({ from: query.from, to, toGiven: query.to !== undefined, firstMeeting }));
  const ids = rows.map((r) => r.id);
  const [organisations, municipalities] = await Promise.all([
    ids.length
      ? db
          .select({
            meetingId: t.s3MeetingOrganisations.meetingId,
            id: t.organisations.id,
            kind: t.organisations.kind,
            areaCode: t.organisations.areaCode,
          })
          .from(t.s3MeetingOrganisations)
          .innerJoin(t.organisations, eq(t.organisations.id, t.s3MeetingOrganisations.organisationId))
          .where(inArray(t.s3MeetingOrganisations.meetingId, ids))
      : Promise.resolve([]),
    db
      .select({ code: t.areas.code, name: t.areas.name })
      .from(t.areas)
      .where(and(eq(t.areas.regionCode, actor.regionCode), eq(t.areas.type, 'municipality'))),
  ]);
  // Grouped once: filtering the whole list per meeting was quadratic (see bench/s3.bench.ts).
  const byMeeting = new Map<string, ParticipationMeeting['organisations']>();
  for (const { meetingId, id, kind, areaCode } of organisations) {
    const list = byMeeting.get(meetingId) ?? [];
    list.push({ id, kind, areaCode });
    byMeeting.set(meetingId, list);
  }
  const meetings: ParticipationMeeting[] = rows.map((r) => ({
    ...r,
    organisations: byMeeting.get(r.id) ?? [],
  }));
  const measures = participationMeasures(
    meetings,
    query.period,
    new Map(municipalities.map((m) => [m.code, m.name])),
    // The effective end (today when not given): the periods run up to it, empty ones included.
    { from: query.from, to },
  );
  return {
    area: query.area,
    period: query.period,
    from: query.from ?? null,
    to,
    includesInternal,
    ...measures,
  };
}
