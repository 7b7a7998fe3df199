import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { organisationKinds } from '../../../db/schema.ts';
import { helixTypeOf as helixOf } from '../meetings/helix.ts';
import {
  MAX_RANGE_YEARS,
  type ParticipationMeeting,
  participationMeasures,
  periodOf,
  periodsBetween,
  rangeProblems,
} from './participation-measures.ts';

const names = new Map([
  ['2380', 'Östersund'],
  ['2309', 'Krokom'],
  ['2361', 'Härjedalen'],
]);
const A = { id: 'a', kind: 'municipality' as const, areaCode: '2380' };
const B = { id: 'b', kind: 'company' as const, areaCode: '2309' };
const C = { id: 'c', kind: 'university' as const, areaCode: '2380' };
const D = { id: 'd', kind: 'association' as const, areaCode: null };
const E = { id: 'e', kind: 'sameby' as const, areaCode: 'sameby-x' };
const meeting = (m: Partial<ParticipationMeeting> & Pick<ParticipationMeeting, 'id' | 'heldOn'>) => ({
  placeKind: 'municipality' as const,
  areaCode: null,
  countWomen: null,
  countMen: null,
  countOther: null,
  organisations: [],
  ...m,
});
// Worked out by hand in the comments below.
const fixture: ParticipationMeeting[] = [
  meeting({
    id: 'm4',
    heldOn: '2026-03-15',
    areaCode: '2309',
    countWomen: 4,
    countMen: 6,
    countOther: 1,
    organisations: [C],
  }),
  meeting({
    id: 'm1',
    heldOn: '2025-02-10',
    areaCode: '2380',
    countWomen: 5,
    countMen: 3,
    countOther: 0,
    organisations: [A, B],
  }),
  // Digital: its area code does not count; no counts at all ("utan uppgift").
  meeting({ id: 'm2', heldOn: '2025-05-20', placeKind: 'digital', areaCode: '2309', organisations: [B, C] }),
  // Only women counted: men and other read as 0, and the meeting has counts.
  meeting({ id: 'm3', heldOn: '2025-09-01', areaCode: '2361', countWomen: 2, organisations: [A, D, E] }),
];

describe('helix', () => {
  test('every organisation kind has a helix type', () => {
    expect(organisationKinds.map(helixOf)).toEqual([
      'public',
      'public',
      'public',
      'business',
      'academia',
      'civil_society',
      'civil_society',
      'civil_society',
      'civil_society',
    ]);
  });
});

describe('periods', () => {
  test('year and half-year', () => {
    expect(periodOf('2025-06-30', 'half')).toBe('2025-H1');
    expect(periodOf('2025-07-01', 'half')).toBe('2025-H2');
    expect(periodOf('2025-07-01', 'year')).toBe('2025');
    expect(periodsBetween('2024-09-01', '2026-02-01', 'half')).toEqual([
      '2024-H2',
      '2025-H1',
      '2025-H2',
      '2026-H1',
    ]);
    expect(periodsBetween('2024-09-01', '2026-02-01', 'year')).toEqual(['2024', '2025', '2026']);
    expect(periodsBetween('2026-01-01', '2025-01-01', 'year')).toEqual([]);
  });
});

describe('participation measures, worked by hand', () => {
  test('per year', () => {
    const { periods, totals } = participationMeasures(fixture, 'year', names);
    expect(periods).toEqual([
      {
        period: '2025',
        from: '2025-01-01',
        to: '2025-12-31',
        meetings: 3,
        meetingsWithoutCounts: 1,
        participants: { women: 7, men: 3, other: 0, total: 10 },
        organisations: { public: 1, business: 1, academia: 1, civil_society: 2, total: 5 },
        // m1 in Östersund (A Östersund, B Krokom); m2 digital (B Krokom, C Östersund); m3 in Härjedalen.
        municipalities: [
          { code: '2361', name: 'Härjedalen' },
          { code: '2309', name: 'Krokom' },
          { code: '2380', name: 'Östersund' },
        ],
        newOrganisations: 5,
        returningOrganisations: 0,
      },
      {
        period: '2026',
        from: '2026-01-01',
        to: '2026-12-31',
        meetings: 1,
        meetingsWithoutCounts: 0,
        participants: { women: 4, men: 6, other: 1, total: 11 },
        organisations: { public: 0, business: 0, academia: 1, civil_society: 0, total: 1 },
        municipalities: [
          { code: '2309', name: 'Krokom' },
          { code: '2380', name: 'Östersund' },
        ],
        newOrganisations: 0,
        returningOrganisations: 1,
      },
    ]);
    expect(totals).toEqual({
      meetings: 4,
      meetingsWithoutCounts: 1,
      participants: { women: 11, men: 9, other: 1, total: 21 },
      organisations: { public: 1, business: 1, academia: 1, civil_society: 2, total: 5 },
      municipalities: [
        { code: '2361', name: 'Härjedalen' },
        { code: '2309', name: 'Krokom' },
        { code: '2380', name: 'Östersund' },
      ],
    });
  });

  test('per half-year: A returns in the second half, D and E are new', () => {
    const { periods } = participationMeasures(fixture, 'half', names);
    expect(
      periods.map((p) => [
        p.period,
        p.meetings,
        p.participants.total,
        p.organisations.total,
        p.newOrganisations,
        p.returningOrganisations,
        p.municipalities.map((m) => m.name).join(', '),
      ]),
    ).toEqual([
      ['2025-H1', 2, 8, 3, 3, 0, 'Krokom, Östersund'],
      ['2025-H2', 1, 2, 3, 2, 1, 'Härjedalen, Östersund'],
      ['2026-H1', 1, 11, 1, 0, 1, 'Krokom, Östersund'],
    ]);
  });

  test('a range counts only the meetings inside it; "new" is new within the selection; empty periods are kept', () => {
    const { periods } = participationMeasures(fixture, 'half', names, {
      from: '2025-07-01',
      to: '2026-12-31',
    });
    expect(periods.map((p) => [p.period, p.meetings, p.newOrganisations, p.returningOrganisations])).toEqual([
      ['2025-H2', 1, 3, 0],
      ['2026-H1', 1, 1, 0],
      ['2026-H2', 0, 0, 0],
    ]);
  });

  test('no meetings, no range: no periods', () => {
    expect(participationMeasures([], 'year', names).periods).toEqual([]);
  });
});

const orgArb = fc.record({
  id: fc.constantFrom('o1', 'o2', 'o3', 'o4', 'o5', 'o6'),
  kind: fc.constantFrom(...organisationKinds),
  areaCode: fc.constantFrom('2380', '2309', null, 'sameby-x'),
});
const meetingArb = fc.record({
  id: fc.uuid(),
  heldOn: fc
    .date({
      min: new Date('2022-01-01T00:00:00Z'),
      max: new Date('2026-12-31T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10)),
  placeKind: fc.constantFrom('municipality' as const, 'digital' as const),
  areaCode: fc.constantFrom('2380', '2361', null),
  countWomen: fc.option(fc.nat(50), { nil: null }),
  countMen: fc.option(fc.nat(50), { nil: null }),
  countOther: fc.option(fc.nat(5), { nil: null }),
  // An organisation's kind is the same wherever it appears.
  organisations: fc.uniqueArray(orgArb, { selector: (o) => o.id, maxLength: 6 }),
});
const consistentKinds = (meetings: ParticipationMeeting[]) =>
  meetings.map((m) => ({
    ...m,
    organisations: m.organisations.map((o) => ({
      ...o,
      kind: organisationKinds[Number(o.id.slice(1))] ?? 'other',
    })),
  }));

describe('participation measures, properties', () => {
  test('new + returning = distinct organisations per period; new over all periods = distinct overall', () => {
    fc.assert(
      fc.property(
        fc.array(meetingArb, { maxLength: 25 }),
        fc.constantFrom('year' as const, 'half' as const),
        (raw, kind) => {
          const meetings = consistentKinds(raw);
          const { periods, totals } = participationMeasures(meetings, kind, names);
          for (const p of periods) {
            expect(p.newOrganisations + p.returningOrganisations).toBe(p.organisations.total);
            const { total, ...byHelix } = p.organisations;
            expect(Object.values(byHelix).reduce((a, b) => a + b, 0)).toBe(total);
          }
          expect(periods.reduce((a, p) => a + p.newOrganisations, 0)).toBe(totals.organisations.total);
          expect(periods.reduce((a, p) => a + p.meetings, 0)).toBe(meetings.length);
          expect(periods.reduce((a, p) => a + p.participants.total, 0)).toBe(totals.participants.total);
          expect(totals.organisations.total).toBe(
            new Set(meetings.flatMap((m) => m.organisations.map((o) => o.id))).size,
          );
          // The first period with an organisation has it as new, never as returning.
          if (periods[0]) expect(periods[0].returningOrganisations).toBe(0);
        },
      ),
    );
  });

  test('half-years add up to years', () => {
    fc.assert(
      fc.property(fc.array(meetingArb, { maxLength: 25 }), (raw) => {
        const meetings = consistentKinds(raw);
        const years = participationMeasures(meetings, 'year', names).periods;
        const halves = participationMeasures(meetings, 'half', names).periods;
        for (const y of years) {
          const inYear = halves.filter((h) => h.period.startsWith(y.period));
          expect(inYear.reduce((a, h) => a + h.meetings, 0)).toBe(y.meetings);
          expect(inYear.reduce((a, h) => a + h.participants.women, 0)).toBe(y.participants.women);
          expect(inYear.reduce((a, h) => a + h.meetingsWithoutCounts, 0)).toBe(y.meetingsWithoutCounts);
        }
      }),
    );
  });
});

describe('the requested range', () => {
  const base = { toGiven: true, firstMeeting: undefined };
  test('from after to is refused at to', () => {
    expect(rangeProblems({ ...base, from: '2025-02-01', to: '2025-01-31' })).toMatchObject([
      { field: 'querystring.to' },
    ]);
    expect(
      rangeProblems({ from: '2099-01-01', to: '2026-11-27', toGiven: false, firstMeeting: undefined }),
    ).toMatchObject([{ field: 'querystring.from' }]);
    expect(rangeProblems({ ...base, from: '2025-01-01', to: '2025-01-01' })).toEqual([]);
  });
  test(`at most ${MAX_RANGE_YEARS} calendar years, also from the first meeting`, () => {
    expect(rangeProblems({ ...base, from: '0001-01-01', to: '9999-12-31' })[0]?.message).toMatch(
      /at most 50/,
    );
    expect(rangeProblems({ ...base, from: '2000-01-01', to: '2049-12-31' })).toEqual([]);
    expect(rangeProblems({ ...base, from: '2000-01-01', to: '2050-01-01' })).toHaveLength(1);
    expect(
      rangeProblems({ ...base, from: undefined, to: '2099-12-31', firstMeeting: '2024-03-10' }),
    ).toMatchObject([{ field: 'querystring.to' }]);
  });
});
