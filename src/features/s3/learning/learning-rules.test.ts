import { describe, expect, test } from 'vitest';
import { changeProblems, lessonMeetingProblems, lessonProblems } from './learning-rules.ts';

describe('lessons', () => {
  test('not in the future', () => {
    expect(lessonProblems({ learnedOn: '2026-01-02' }, { today: '2026-01-01', citedBy: [] })).toMatchObject([
      { field: 'body.learnedOn' },
    ]);
    expect(lessonProblems({ learnedOn: '2026-01-01' }, { today: '2026-01-01', citedBy: [] })).toEqual([]);
  });
  test('not after a decision that cites it', () => {
    const citedBy = [{ decidedOn: '2025-06-01' }, { decidedOn: '2025-03-01' }];
    expect(lessonProblems({ learnedOn: '2025-03-02' }, { today: '2026-01-01', citedBy })[0]?.message).toMatch(
      /2025-03-01/,
    );
    expect(lessonProblems({ learnedOn: '2025-03-01' }, { today: '2026-01-01', citedBy })).toEqual([]);
  });
});

describe('priority changes', () => {
  const lessons = new Map([
    ['a', { learnedOn: '2025-01-01' }],
    ['b', { learnedOn: '2025-05-01' }],
  ]);
  test('at least one lesson', () => {
    expect(changeProblems({ decidedOn: '2025-05-01', lessonIds: [] }, lessons)).toMatchObject([
      { field: 'body.lessonIds' },
    ]);
  });
  test('each lesson on or before the decision, named at its place', () => {
    expect(changeProblems({ decidedOn: '2025-04-30', lessonIds: ['a', 'b'] }, lessons)).toMatchObject([
      { field: 'body.lessonIds.1' },
    ]);
    expect(changeProblems({ decidedOn: '2025-05-01', lessonIds: ['a', 'b'] }, lessons)).toEqual([]);
  });
});

describe('source meetings of a lesson', () => {
  const meetings = [{ heldOn: '2025-01-01' }, undefined, { heldOn: '2025-03-01' }];
  test('each held on or before the lesson, named at its place', () => {
    expect(lessonMeetingProblems('2025-02-01', meetings, { atMeetings: true })).toMatchObject([
      { field: 'body.meetingIds.2' },
    ]);
    expect(lessonMeetingProblems('2025-03-01', meetings, { atMeetings: true })).toEqual([]);
  });
  test('only the date moved: named at the date, with the latest meeting', () => {
    const [problem] = lessonMeetingProblems('2025-02-01', meetings, { atMeetings: false });
    expect(problem).toMatchObject({ field: 'body.learnedOn' });
    expect(problem?.message).toMatch(/2025-03-01/);
  });
});

describe('a decision is not dated in the future', () => {
  test('after today refused at decidedOn', () => {
    const lessons = new Map([['a', { learnedOn: '2025-01-01' }]]);
    expect(
      changeProblems({ decidedOn: '2026-01-02', lessonIds: ['a'] }, lessons, { today: '2026-01-01' }),
    ).toMatchObject([{ field: 'body.decidedOn' }]);
    expect(
      changeProblems({ decidedOn: '2026-01-01', lessonIds: ['a'] }, lessons, { today: '2026-01-01' }),
    ).toEqual([]);
  });
});
