/**
 * The rules of a goal conflict's handling history, as pure functions: which status may follow
 * which, and what a step must say. The history is never rewritten; these rules decide what may be
 * appended to it.
 */
import type { ConflictStatus } from '../../db/schema.ts';
import type { FieldError } from '../../server/problem.ts';

/**
 * identified → analysed → handled → followed_up, or dismissed with a reason. A conflict may be
 * analysed again (a new analysis, or after a follow-up shows the measure did not work), handled
 * again (a further measure) and followed up again; a dismissed conflict can only be reopened.
 */
export const allowedNextStatuses: Record<ConflictStatus, readonly ConflictStatus[]> = {
  identified: ['analysed', 'handled', 'dismissed'],
  analysed: ['analysed', 'handled', 'dismissed'],
  handled: ['analysed', 'handled', 'followed_up'],
  followed_up: ['analysed', 'handled', 'followed_up'],
  dismissed: ['identified'],
};

export type StepInput = {
  status: ConflictStatus;
  date: string;
  text: string;
  handling?: 'measure' | 'trade_off' | null;
  justification?: string | null;
  followUpIndicatorId?: string | null;
};

/**
 * The problems with appending `step` to a history whose latest step has `current` status and
 * `latestDate` (null for a new conflict, whose first step must be "identified"). `today` is an
 * ISO date: a step cannot be dated in the future.
 */
export function stepProblems(
  current: { status: ConflictStatus; latestDate: string } | null,
  step: StepInput,
  today: string,
): FieldError[] {
  const problems: FieldError[] = [];
  const field = (name: string, message: string) => problems.push({ field: `body.${name}`, message });
  if (current === null) {
    if (step.status !== 'identified') field('status', 'the first step of a conflict is "identified"');
  } else if (!allowedNextStatuses[current.status].includes(step.status)) {
    field(
      'status',
      `"${step.status}" cannot follow "${current.status}" (allowed: ${allowedNextStatuses[current.status].join(', ')})`,
    );
  }
  if (step.date > today) field('date', 'must not be in the future');
  if (current !== null && step.date < current.latestDate) {
    field('date', `must not be earlier than the previous step (${current.latestDate})`);
  }
  if (step.text.trim() === '') {
    field('text', step.status === 'dismissed' ? 'give the reason for dismissing' : 'describe the step');
  }
  if (step.status === 'handled') {
    if (!step.handling) field('handling', 'say whether a measure was taken or a trade-off decided');
    if (step.handling === 'trade_off' && !step.justification?.trim()) {
      field('justification', 'a trade-off needs its justification');
    }
  } else {
    if (step.handling) field('handling', 'only a "handled" step has a measure or trade-off');
    if (step.justification?.trim()) field('justification', 'only a trade-off has a justification');
  }
  if (step.status === 'followed_up' && !step.followUpIndicatorId && step.text.trim() === '') {
    field('text', 'describe what the follow-up showed');
  }
  return problems;
}
