/**
 * The rules of the learning log, pure: a lesson is something already learnt (not dated in the
 * future); a change of priorities is traced to at least one lesson, each learnt on or before the
 * decision.
 */
import type { FieldError } from '../../../server/problem.ts';

export function lessonProblems(
  lesson: { learnedOn: string },
  context: { today: string; citedBy: ReadonlyArray<{ decidedOn: string }> },
): FieldError[] {
  const errors: FieldError[] = [];
  if (lesson.learnedOn > context.today) {
    errors.push({
      field: 'body.learnedOn',
      message: 'must not be in the future: a lesson is something already learnt',
    });
  }
  const earliest = context.citedBy.map((c) => c.decidedOn).sort()[0];
  if (earliest && lesson.learnedOn > earliest) {
    errors.push({
      field: 'body.learnedOn',
      message: `must be on or before ${earliest}: a decision of that day cites this lesson`,
    });
  }
  return errors;
}

/**
 * A lesson comes from meetings already held when it was learnt: each source meeting is held on or
 * before the lesson's date. With `field` the problem is named at the meeting's place in the body
 * (body.meetingIds.<i>); without it (only the date changed) at body.learnedOn.
 */
export function lessonMeetingProblems(
  learnedOn: string,
  meetings: ReadonlyArray<{ heldOn: string } | undefined>,
  options: { atMeetings: boolean },
): FieldError[] {
  const errors: FieldError[] = [];
  if (options.atMeetings) {
    meetings.forEach((m, i) => {
      if (m && m.heldOn > learnedOn)
        errors.push({
          field: `body.meetingIds.${i}`,
          message: `the meeting is held ${m.heldOn}, after the lesson (${learnedOn}); a lesson comes from meetings already held`,
        });
    });
    return errors;
  }
  const latest = meetings
    .flatMap((m) => (m ? [m.heldOn] : []))
    .sort()
    .at(-1);
  if (latest && latest > learnedOn)
    errors.push({
      field: 'body.learnedOn',
      message: `must be on or after ${latest}: the lesson comes from a meeting held that day`,
    });
  return errors;
}

export function changeProblems(
  change: { decidedOn: string; lessonIds: readonly string[] },
  lessons: ReadonlyMap<string, { learnedOn: string }>,
  context: { today?: string } = {},
): FieldError[] {
  const errors: FieldError[] = [];
  if (context.today && change.decidedOn > context.today) {
    errors.push({
      field: 'body.decidedOn',
      message: 'must not be in the future: record a decision once it is taken',
    });
  }
  if (change.lessonIds.length === 0) {
    errors.push({
      field: 'body.lessonIds',
      message: 'name at least one lesson: each change of priorities is traced to what was learnt',
    });
  }
  change.lessonIds.forEach((id, i) => {
    const lesson = lessons.get(id);
    if (lesson && lesson.learnedOn > change.decidedOn) {
      errors.push({
        field: `body.lessonIds.${i}`,
        message: `the lesson is dated ${lesson.learnedOn}, after the decision (${change.decidedOn}); a lesson must come before the decision it led to`,
      });
    }
  });
  return errors;
}
