import { describe, expect, test } from 'vitest';
import {
  daysBefore,
  existsInStockholm,
  inputProblems,
  isClockTime,
  type MeetingFacts,
  meetingProblems,
  participantCounts,
  purgeBefore,
  registrationRefusal,
  stockholmInstant,
} from './meeting-rules.ts';

const ok: MeetingFacts = {
  startsAt: '09:00',
  endsAt: '12:00',
  placeKind: 'municipality',
  areaCode: '2380',
  countWomen: 5,
  countMen: 4,
  countOther: 0,
  strengthAreaCount: 1,
};
const fields = (m: Partial<MeetingFacts>) => meetingProblems({ ...ok, ...m }).map((p) => p.field);

describe('meetingProblems', () => {
  test('a complete meeting has none', () => expect(meetingProblems(ok)).toEqual([]));
  test('times are HH:MM', () => {
    expect(isClockTime('09:30')).toBe(true);
    expect(isClockTime('23:59')).toBe(true);
    expect(isClockTime('24:00')).toBe(false);
    expect(isClockTime('9:30')).toBe(false);
    expect(fields({ startsAt: '9.00', endsAt: '25:00' })).toEqual(['body.startsAt', 'body.endsAt']);
  });
  test('the end is after the start, and needs a start', () => {
    expect(fields({ endsAt: '09:00' })).toEqual(['body.endsAt']);
    expect(fields({ endsAt: '08:00' })).toEqual(['body.endsAt']);
    expect(fields({ startsAt: null })).toEqual(['body.startsAt']);
    expect(fields({ startsAt: null, endsAt: null })).toEqual([]);
    expect(fields({ endsAt: null })).toEqual([]);
  });
  test('times that do not exist in Swedish time (spring forward) are refused at their fields', () => {
    expect(existsInStockholm('2026-03-29', '02:30')).toBe(false);
    expect(existsInStockholm('2026-03-29', '02:00')).toBe(false);
    expect(existsInStockholm('2026-03-29', '01:59')).toBe(true);
    expect(existsInStockholm('2026-03-29', '03:00')).toBe(true);
    expect(existsInStockholm('2026-10-25', '02:30')).toBe(true);
    expect(existsInStockholm('2026-06-15', '09:00')).toBe(true);
    expect(fields({ heldOn: '2026-03-29', startsAt: '02:30', endsAt: '04:00' })).toEqual(['body.startsAt']);
    expect(fields({ heldOn: '2026-03-29', startsAt: '01:00', endsAt: '02:15' })).toEqual(['body.endsAt']);
    const [problem] = meetingProblems({ ...ok, heldOn: '2026-03-29', startsAt: '02:30', endsAt: '04:00' });
    expect(problem?.message).toMatch(/02:30 does not exist on 2026-03-29 in Swedish time/);
    expect(fields({ heldOn: '2026-03-30', startsAt: '02:30', endsAt: '04:00' })).toEqual([]);
  });
  test('a meeting in a municipality names it; a digital one does not', () => {
    expect(fields({ areaCode: null })).toEqual(['body.areaCode']);
    expect(fields({ placeKind: 'digital' })).toEqual(['body.areaCode']);
    expect(fields({ placeKind: 'digital', areaCode: null })).toEqual([]);
  });
  test('counts are whole numbers, 0 or more, or not given', () => {
    expect(fields({ countWomen: -1, countMen: 1.5, countOther: null })).toEqual([
      'body.countWomen',
      'body.countMen',
    ]);
  });
  test('at least one strength area; all problems at once', () => {
    expect(fields({ strengthAreaCount: 0, areaCode: null, endsAt: '08:00' })).toEqual([
      'body.endsAt',
      'body.areaCode',
      'body.strengthAreaIds',
    ]);
  });
});

test('participantCounts sums what was counted', () => {
  expect(participantCounts({ countWomen: 5, countMen: 4, countOther: null })).toEqual({
    women: 5,
    men: 4,
    other: null,
    total: 9,
  });
  expect(participantCounts({ countWomen: null, countMen: null, countOther: null }).total).toBeNull();
});

describe('inputProblems', () => {
  const area = 'area-1';
  test('new and considered need nothing more', () => {
    expect(inputProblems({ status: 'new', statusReason: null, initiativeId: null }, area)).toEqual([]);
    expect(
      inputProblems({ status: 'considered', statusReason: 'Tas upp i höst', initiativeId: null }, area),
    ).toEqual([]);
  });
  test('not taken needs a reason', () => {
    expect(inputProblems({ status: 'not_taken', statusReason: '  ', initiativeId: null }, area)).toEqual([
      { field: 'body.statusReason', message: 'say why the input was not taken' },
    ]);
    expect(inputProblems({ status: 'not_taken', statusReason: 'Ryms ej', initiativeId: null }, area)).toEqual(
      [],
    );
  });
  test('in the action plan needs an initiative of the same strength area', () => {
    const inPlan = { status: 'in_action_plan' as const, statusReason: null, initiativeId: 'i1' };
    expect(inputProblems({ ...inPlan, initiativeId: null }, area).map((p) => p.field)).toEqual([
      'body.initiativeId',
    ]);
    expect(inputProblems(inPlan, area, undefined)[0]?.message).toMatch(/no initiative/);
    expect(inputProblems(inPlan, area, 'area-2')[0]?.message).toMatch(/another strength area/);
    expect(inputProblems(inPlan, area, area)).toEqual([]);
  });
  test('other statuses name no initiative', () => {
    expect(
      inputProblems({ status: 'considered', statusReason: null, initiativeId: 'i1' }, area, area).map(
        (p) => p.field,
      ),
    ).toEqual(['body.initiativeId']);
  });
});

describe('registrations', () => {
  const meeting = { visibility: 'published' as const, registrationOpen: true, heldOn: '2027-03-10' };
  test('an open published meeting today or later takes registrations', () => {
    expect(registrationRefusal(meeting, '2027-03-10')).toBeNull();
    expect(registrationRefusal(meeting, '2027-01-01')).toBeNull();
  });
  test('refusals', () => {
    expect(registrationRefusal(meeting, '2027-03-11')).toBe('MEETING_PASSED');
    expect(registrationRefusal({ ...meeting, registrationOpen: false }, '2027-01-01')).toBe(
      'REGISTRATION_CLOSED',
    );
    expect(registrationRefusal({ ...meeting, visibility: 'internal' }, '2027-01-01')).toBe(
      'MEETING_NOT_PUBLISHED',
    );
  });
  test('registrations are deleted 30 days after the meeting', () => {
    expect(daysBefore('2027-03-01', 1)).toBe('2027-02-28');
    expect(purgeBefore('2027-03-31')).toBe('2027-03-01');
    expect(purgeBefore('2027-01-15')).toBe('2026-12-16');
  });
});

describe('stockholmInstant', () => {
  test('winter time is UTC+1, summer time UTC+2', () => {
    expect(stockholmInstant('2027-01-15', '09:00').toISOString()).toBe('2027-01-15T08:00:00.000Z');
    expect(stockholmInstant('2027-07-01', '09:00').toISOString()).toBe('2027-07-01T07:00:00.000Z');
  });
  test('around the changes of 2027 (28 March, 31 October)', () => {
    expect(stockholmInstant('2027-03-28', '01:30').toISOString()).toBe('2027-03-28T00:30:00.000Z');
    expect(stockholmInstant('2027-03-28', '03:30').toISOString()).toBe('2027-03-28T01:30:00.000Z');
    expect(stockholmInstant('2027-03-27', '23:30').toISOString()).toBe('2027-03-27T22:30:00.000Z');
    expect(stockholmInstant('2027-10-31', '12:00').toISOString()).toBe('2027-10-31T11:00:00.000Z');
    expect(stockholmInstant('2027-10-30', '12:00').toISOString()).toBe('2027-10-30T10:00:00.000Z');
  });
});
