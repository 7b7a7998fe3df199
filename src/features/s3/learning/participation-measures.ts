/**
 * Participation measures of the actor-driven process, per period (year or half-year): how many
 * meetings, how many took part by sex, which kinds of organisation (quadruple helix), which
 * municipalities were represented and how many organisations were new to the process or came
 * back. Pure: the service loads the meetings the reader may see, this counts them.
 */
import type { OrganisationKind } from '../../../db/schema.ts';
import { compareSwedish } from '../../../shared/text.ts';
import { type HelixType, helixTypeOf as helixOf } from '../meetings/helix.ts';

export type PeriodKind = 'year' | 'half';

export type ParticipationMeeting = {
  id: string;
  /** YYYY-MM-DD */
  heldOn: string;
  placeKind: 'municipality' | 'digital';
  /** The municipality the meeting was held in (ignored for a digital meeting). */
  areaCode: string | null;
  countWomen: number | null;
  countMen: number | null;
  countOther: number | null;
  organisations: Array<{ id: string; kind: OrganisationKind; areaCode: string | null }>;
};

export type HelixCounts = Record<HelixType, number> & { total: number };

export type ParticipationPeriod = {
  /** "2025" (year) or "2025-H1" / "2025-H2" (half-year). */
  period: string;
  from: string;
  to: string;
  meetings: number;
  /** Meetings with no count by sex at all ("utan uppgift"); their participants are unknown. */
  meetingsWithoutCounts: number;
  participants: { women: number; men: number; other: number; total: number };
  /** Distinct organisations in the period, by helix type. */
  organisations: HelixCounts;
  municipalities: Array<{ code: string; name: string }>;
  /** Organisations whose first meeting in the selection falls in this period. */
  newOrganisations: number;
  /** Organisations in this period that took part in an earlier period. */
  returningOrganisations: number;
};

export type ParticipationTotals = {
  meetings: number;
  meetingsWithoutCounts: number;
  participants: { women: number; men: number; other: number; total: number };
  organisations: HelixCounts;
  municipalities: Array<{ code: string; name: string }>;
};

export type ParticipationMeasures = { periods: ParticipationPeriod[]; totals: ParticipationTotals };

/** The longest range counted, in calendar years: longer ranges are refused, not sent as thousands of empty periods. */
export const MAX_RANGE_YEARS = 50;

/**
 * Problems with a requested range, named at the query parameter: `from` after `to`, or a range
 * of more than MAX_RANGE_YEARS calendar years (`from` defaults to the first meeting counted, `to`
 * to today).
 */
export function rangeProblems(range: {
  from: string | undefined;
  to: string;
  toGiven: boolean;
  firstMeeting: string | undefined;
}): Array<{ field: string; message: string }> {
  const toField = range.toGiven ? 'querystring.to' : 'querystring.from';
  if (range.from && range.from > range.to)
    return [
      {
        field: toField,
        message: range.toGiven
          ? `must be on or after from (${range.from})`
          : `must be on or before today (${range.to}), the end of the range when no to is given`,
      },
    ];
  const from = range.from ?? range.firstMeeting;
  if (from && Number(range.to.slice(0, 4)) - Number(from.slice(0, 4)) + 1 > MAX_RANGE_YEARS)
    return [
      {
        field: range.from ? 'querystring.to' : toField,
        message: `the range may span at most ${MAX_RANGE_YEARS} calendar years (${from} to ${range.to}); choose a shorter range`,
      },
    ];
  return [];
}

/** The period a date falls in. */
export function periodOf(date: string, kind: PeriodKind): string {
  const year = date.slice(0, 4);
  if (kind === 'year') return year;
  return `${year}-H${Number(date.slice(5, 7)) <= 6 ? 1 : 2}`;
}

/** The first and last day of a period. */
export function periodBounds(period: string): { from: string; to: string } {
  const year = period.slice(0, 4);
  if (period.endsWith('-H1')) return { from: `${year}-01-01`, to: `${year}-06-30` };
  if (period.endsWith('-H2')) return { from: `${year}-07-01`, to: `${year}-12-31` };
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/** Every period from the one holding `from` to the one holding `to`, in order. */
export function periodsBetween(from: string, to: string, kind: PeriodKind): string[] {
  const first = periodOf(from, kind);
  const last = periodOf(to, kind);
  if (first > last) return [];
  const out: string[] = [];
  let year = Number(first.slice(0, 4));
  let half = kind === 'half' ? Number(first.slice(-1)) : 0;
  for (;;) {
    const p = kind === 'year' ? String(year) : `${year}-H${half}`;
    out.push(p);
    if (p === last) return out;
    if (kind === 'year' || half === 2) {
      year += 1;
      half = 1;
    } else half = 2;
  }
}

const emptyHelix = (): HelixCounts => ({ public: 0, business: 0, academia: 0, civil_society: 0, total: 0 });

function countHelix(kinds: Iterable<OrganisationKind>): HelixCounts {
  const counts = emptyHelix();
  for (const kind of kinds) {
    counts[helixOf(kind)] += 1;
    counts.total += 1;
  }
  return counts;
}

const noCounts = (m: ParticipationMeeting) =>
  m.countWomen === null && m.countMen === null && m.countOther === null;

/** The municipalities a meeting represents: where it was held (not digital) and its organisations' homes. */
function municipalityCodes(
  m: ParticipationMeeting,
  municipalityNames: ReadonlyMap<string, string>,
): string[] {
  const codes = [
    ...(m.placeKind !== 'digital' && m.areaCode ? [m.areaCode] : []),
    ...m.organisations.flatMap((o) => (o.areaCode ? [o.areaCode] : [])),
  ];
  // Only municipalities count (an organisation may belong to a sameby's area).
  return codes.filter((c) => municipalityNames.has(c));
}

function summarise(meetings: ParticipationMeeting[], municipalityNames: ReadonlyMap<string, string>) {
  const participants = { women: 0, men: 0, other: 0, total: 0 };
  const organisations = new Map<string, OrganisationKind>();
  const municipalities = new Set<string>();
  let withoutCounts = 0;
  for (const m of meetings) {
    if (noCounts(m)) withoutCounts += 1;
    participants.women += m.countWomen ?? 0;
    participants.men += m.countMen ?? 0;
    participants.other += m.countOther ?? 0;
    for (const o of m.organisations) organisations.set(o.id, o.kind);
    for (const c of municipalityCodes(m, municipalityNames)) municipalities.add(c);
  }
  participants.total = participants.women + participants.men + participants.other;
  return {
    meetings: meetings.length,
    meetingsWithoutCounts: withoutCounts,
    participants,
    organisationIds: [...organisations.keys()],
    organisations: countHelix(organisations.values()),
    municipalities: [...municipalities]
      .map((code) => ({ code, name: municipalityNames.get(code) ?? code }))
      .sort((a, b) => compareSwedish(a.name, b.name)),
  };
}

/**
 * The measures per period. `range` sets the first and last period shown (periods without meetings
 * are included, with zeros, so a chart's axis has no gaps); without it the periods run from the
 * first meeting to the last. Meetings outside the range are not counted at all — "new" means new
 * within the selection.
 */
export function participationMeasures(
  meetings: readonly ParticipationMeeting[],
  kind: PeriodKind,
  municipalityNames: ReadonlyMap<string, string>,
  range: { from?: string | undefined; to?: string | undefined } = {},
): ParticipationMeasures {
  const selected = meetings
    .filter((m) => (!range.from || m.heldOn >= range.from) && (!range.to || m.heldOn <= range.to))
    .slice()
    .sort((a, b) => (a.heldOn < b.heldOn ? -1 : a.heldOn > b.heldOn ? 1 : a.id < b.id ? -1 : 1));
  const dates = selected.map((m) => m.heldOn);
  const from = range.from ?? dates[0];
  const to = range.to ?? dates[dates.length - 1];
  const periods = from && to ? periodsBetween(from, to, kind) : [];

  const firstPeriodOf = new Map<string, string>();
  for (const m of selected) {
    const p = periodOf(m.heldOn, kind);
    for (const o of m.organisations) if (!firstPeriodOf.has(o.id)) firstPeriodOf.set(o.id, p);
  }

  const byPeriod = new Map<string, ParticipationMeeting[]>(periods.map((p) => [p, []]));
  for (const m of selected) byPeriod.get(periodOf(m.heldOn, kind))?.push(m);

  const out = periods.map((period): ParticipationPeriod => {
    const s = summarise(byPeriod.get(period) ?? [], municipalityNames);
    const fresh = s.organisationIds.filter((id) => firstPeriodOf.get(id) === period).length;
    return {
      period,
      ...periodBounds(period),
      meetings: s.meetings,
      meetingsWithoutCounts: s.meetingsWithoutCounts,
      participants: s.participants,
      organisations: s.organisations,
      municipalities: s.municipalities,
      newOrganisations: fresh,
      returningOrganisations: s.organisationIds.length - fresh,
    };
  });
  const all = summarise(selected, municipalityNames);
  return {
    periods: out,
    totals: {
      meetings: all.meetings,
      meetingsWithoutCounts: all.meetingsWithoutCounts,
      participants: all.participants,
      organisations: all.organisations,
      municipalities: all.municipalities,
    },
  };
}
