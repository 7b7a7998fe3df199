/**
 * Rules of meetings, input and registrations as pure functions: what a meeting record must say,
 * what an input's status needs, when a meeting takes registrations, and Swedish local time.
 */
import type { S3InputStatus } from '../../../db/schema.ts';
import type { FieldError } from '../../../server/problem.ts';

/** "HH:MM", 00:00–23:59. */
export const isClockTime = (value: string) => /^([01]\d|2[0-3]):[0-5]\d$/.test(value);

export type MeetingFacts = {
  startsAt: string | null;
  endsAt: string | null;
  placeKind: 'municipality' | 'digital';
  areaCode: string | null;
  countWomen: number | null;
  countMen: number | null;
  countOther: number | null;
  strengthAreaCount: number;
  /** The meeting's date, to check that its times exist in Swedish local time. */
  heldOn?: string | null;
};

export function meetingProblems(m: MeetingFacts): FieldError[] {
  const problems: FieldError[] = [];
  const add = (field: string, message: string) => problems.push({ field: `body.${field}`, message });
  const startOk = m.startsAt === null || isClockTime(m.startsAt);
  const endOk = m.endsAt === null || isClockTime(m.endsAt);
  if (!startOk) add('startsAt', 'must be a time, HH:MM');
  if (!endOk) add('endsAt', 'must be a time, HH:MM');
  if (m.endsAt !== null && m.startsAt === null && endOk) add('startsAt', 'give the start time too');
  if (startOk && endOk && m.startsAt !== null && m.endsAt !== null && m.endsAt <= m.startsAt) {
    add('endsAt', 'must be after the start');
  }
  if (m.heldOn && /^\d{4}-\d{2}-\d{2}$/.test(m.heldOn)) {
    for (const [field, clock, ok] of [
      ['startsAt', m.startsAt, startOk],
      ['endsAt', m.endsAt, endOk],
    ] as const) {
      if (ok && clock !== null && !existsInStockholm(m.heldOn, clock))
        add(
          field,
          `${clock} does not exist on ${m.heldOn} in Swedish time (the clocks are put forward an hour that night): choose another time`,
        );
    }
  }
  if (m.placeKind === 'municipality' && !m.areaCode) add('areaCode', 'choose the municipality');
  if (m.placeKind === 'digital' && m.areaCode) add('areaCode', 'a digital meeting has no municipality');
  for (const [field, value] of [
    ['countWomen', m.countWomen],
    ['countMen', m.countMen],
    ['countOther', m.countOther],
  ] as const) {
    if (value !== null && !(Number.isInteger(value) && value >= 0))
      add(field, 'must be a whole number, 0 or more');
  }
  if (m.strengthAreaCount < 1) add('strengthAreaIds', 'choose at least one strength area');
  return problems;
}

/** Participants by sex and in all; the total counts what was counted (null when nothing was). */
export function participantCounts(m: Pick<MeetingFacts, 'countWomen' | 'countMen' | 'countOther'>) {
  const known = [m.countWomen, m.countMen, m.countOther].filter((n): n is number => n !== null);
  return {
    women: m.countWomen,
    men: m.countMen,
    other: m.countOther,
    total: known.length ? known.reduce((a, b) => a + b, 0) : null,
  };
}

export type InputStatusFacts = {
  status: S3InputStatus;
  statusReason: string | null;
  initiativeId: string | null;
};

/**
 * An input's status: "not taken" says why; "in the action plan" names an initiative of the input's
 * own strength area (`initiativeAreaId`: that initiative's area, undefined when it does not exist);
 * other statuses name none.
 */
export function inputProblems(
  input: InputStatusFacts,
  strengthAreaId: string,
  initiativeAreaId?: string | undefined,
): FieldError[] {
  const problems: FieldError[] = [];
  const add = (field: string, message: string) => problems.push({ field: `body.${field}`, message });
  if (input.status === 'not_taken' && !(input.statusReason ?? '').trim()) {
    add('statusReason', 'say why the input was not taken');
  }
  if (input.status === 'in_action_plan') {
    if (!input.initiativeId) add('initiativeId', 'choose the action-plan initiative it became');
    else if (initiativeAreaId === undefined) add('initiativeId', `no initiative ${input.initiativeId}`);
    else if (initiativeAreaId !== strengthAreaId)
      add('initiativeId', 'the initiative belongs to another strength area than the input');
  } else if (input.initiativeId) {
    add('initiativeId', 'only input taken into the action plan names an initiative');
  }
  return problems;
}

/** The day `days` days before an ISO date. */
export function daysBefore(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

/** Registrations are kept until this many days after the meeting. */
export const registrationRetentionDays = 30;

/** Meetings held before this date have their registrations deleted. */
export const purgeBefore = (today: string) => daysBefore(today, registrationRetentionDays);

export type RegistrationRefusal = 'MEETING_NOT_PUBLISHED' | 'REGISTRATION_CLOSED' | 'MEETING_PASSED';

/** Why a meeting does not take a registration today, or null when it does. */
export function registrationRefusal(
  meeting: { visibility: 'internal' | 'published'; registrationOpen: boolean; heldOn: string },
  today: string,
): RegistrationRefusal | null {
  if (meeting.visibility !== 'published') return 'MEETING_NOT_PUBLISHED';
  if (meeting.heldOn < today) return 'MEETING_PASSED';
  if (!meeting.registrationOpen) return 'REGISTRATION_CLOSED';
  return null;
}

const stockholmParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Stockholm',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** Minutes Stockholm is ahead of UTC at an instant (60 in winter, 120 in summer). */
function stockholmOffsetMinutes(instant: Date): number {
  const p = Object.fromEntries(stockholmParts.formatToParts(instant).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(
    Number(p.year),
    Number(p.month) - 1,
    Number(p.day),
    Number(p.hour),
    Number(p.minute),
    Number(p.second),
  );
  return Math.round((asUtc - instant.getTime()) / 60_000);
}

/** The instant of a Swedish local date and "HH:MM" (summer time included). */
export function stockholmInstant(isoDate: string, clock: string): Date {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  const [hour, minute] = clock.split(':').map(Number) as [number, number];
  const naive = Date.UTC(year, month - 1, day, hour, minute);
  let instant = new Date(naive - stockholmOffsetMinutes(new Date(naive)) * 60_000);
  // Near a change of offset, the first guess's offset can be the other one: settle on the instant's own.
  instant = new Date(naive - stockholmOffsetMinutes(instant) * 60_000);
  return instant;
}

/** Does this Swedish local date and "HH:MM" exist (not in the hour skipped when summer time starts)? */
export function existsInStockholm(isoDate: string, clock: string): boolean {
  const p = Object.fromEntries(
    stockholmParts.formatToParts(stockholmInstant(isoDate, clock)).map((x) => [x.type, x.value]),
  );
  return `${p.year}-${p.month}-${p.day}` === isoDate && `${p.hour}:${p.minute}` === clock;
}
