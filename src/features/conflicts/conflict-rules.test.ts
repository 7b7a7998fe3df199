import { describe, expect, it } from 'vitest';
import { allowedNextStatuses, type StepInput, stepProblems } from './conflict-rules.ts';

const today = '2026-11-27';
const step = (over: Partial<StepInput>): StepInput => ({
  status: 'analysed',
  date: '2026-01-10',
  text: 'x',
  ...over,
});
const fields = (problems: { field: string }[]) => problems.map((p) => p.field);

describe('stepProblems', () => {
  it('a new conflict starts as identified', () => {
    expect(stepProblems(null, step({ status: 'identified' }), today)).toEqual([]);
    expect(fields(stepProblems(null, step({ status: 'handled', handling: 'measure' }), today))).toEqual([
      'body.status',
    ]);
  });

  it('follows the allowed transitions and nothing else', () => {
    const current = { status: 'identified' as const, latestDate: '2026-01-01' };
    expect(stepProblems(current, step({ status: 'analysed' }), today)).toEqual([]);
    expect(fields(stepProblems(current, step({ status: 'followed_up' }), today))).toEqual(['body.status']);
    const dismissed = { status: 'dismissed' as const, latestDate: '2026-01-01' };
    expect(fields(stepProblems(dismissed, step({ status: 'analysed' }), today))).toEqual(['body.status']);
    expect(stepProblems(dismissed, step({ status: 'identified' }), today)).toEqual([]);
    // Every status can be reached from somewhere, and "dismissed" only from before handling.
    expect(allowedNextStatuses.handled).not.toContain('dismissed');
  });

  it('a handled step says how, and a trade-off why', () => {
    const current = { status: 'analysed' as const, latestDate: '2026-01-01' };
    expect(fields(stepProblems(current, step({ status: 'handled' }), today))).toEqual(['body.handling']);
    expect(fields(stepProblems(current, step({ status: 'handled', handling: 'trade_off' }), today))).toEqual([
      'body.justification',
    ]);
    expect(
      stepProblems(current, step({ status: 'handled', handling: 'trade_off', justification: 'Skäl' }), today),
    ).toEqual([]);
    expect(stepProblems(current, step({ status: 'handled', handling: 'measure' }), today)).toEqual([]);
    expect(fields(stepProblems(current, step({ status: 'analysed', handling: 'measure' }), today))).toEqual([
      'body.handling',
    ]);
    expect(fields(stepProblems(current, step({ status: 'analysed', justification: 'Skäl' }), today))).toEqual(
      ['body.justification'],
    );
  });

  it('dates: not in the future, not before the previous step', () => {
    const current = { status: 'identified' as const, latestDate: '2026-03-01' };
    expect(fields(stepProblems(current, step({ date: '2026-02-28' }), today))).toEqual(['body.date']);
    expect(stepProblems(current, step({ date: '2026-03-01' }), today)).toEqual([]);
    expect(fields(stepProblems(current, step({ date: '2026-11-28' }), today))).toEqual(['body.date']);
  });

  it('a dismissal needs its reason', () => {
    const current = { status: 'identified' as const, latestDate: '2026-01-01' };
    const problems = stepProblems(current, step({ status: 'dismissed', text: '  ' }), today);
    expect(problems).toEqual([{ field: 'body.text', message: 'give the reason for dismissing' }]);
  });
});
