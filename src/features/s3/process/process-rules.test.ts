import { describe, expect, it } from 'vitest';
import { assessmentScale, assessmentSteps, factorCount, s3StepKeys } from './assessment-framework.ts';
import {
  assessmentMeans,
  assessmentProblems,
  compareAssessments,
  type StepFacts,
  stepProblems,
} from './process-rules.ts';

const today = '2026-11-27';
const step = (over: Partial<StepFacts>): StepFacts => ({
  status: 'ongoing',
  startedOn: '2026-01-01',
  dueOn: '2026-12-31',
  deliverables: [],
  ...over,
});
const fields = (s: StepFacts) => stepProblems(s, today).map((p) => p.field);

describe('the framework', () => {
  it('has the six steps in order, three factors each, named in Swedish and English', () => {
    expect(assessmentSteps.map((s) => s.step)).toEqual([
      'analysis',
      'governance',
      'vision',
      'priorities',
      'policy_mix',
      'monitoring',
    ]);
    expect(assessmentSteps[0]?.name.sv).toBe('Analys av regionens förutsättningar');
    expect(assessmentSteps[5]?.name.en).toBe('Monitoring and evaluation');
    for (const s of assessmentSteps) {
      expect(s.factors.map((f) => f.factor)).toEqual([1, 2, 3]);
      for (const f of s.factors) {
        expect(f.name.sv && f.name.en && f.description.sv && f.description.en).toBeTruthy();
      }
    }
    expect(factorCount).toBe(18);
    expect(assessmentScale.map((s) => s.name.sv)).toEqual([
      'Ingen information',
      'Svag',
      'Behöver förbättras',
      'Godtagbar',
      'Stark',
      'Utmärkt',
    ]);
  });
});

describe('stepProblems', () => {
  it('an ongoing step with dates in order is fine', () => expect(fields(step({}))).toEqual([]));
  it('a step not started may have no dates', () =>
    expect(fields(step({ status: 'not_started', startedOn: null, dueOn: null }))).toEqual([]));
  it('the start is not after the due date', () =>
    expect(fields(step({ startedOn: '2026-05-01', dueOn: '2026-04-01' }))).toEqual(['body.dueOn']));
  it('a done step needs its done date, not in the future', () => {
    expect(fields(step({ status: 'done', dueOn: null }))).toEqual(['body.dueOn']);
    expect(fields(step({ status: 'done', dueOn: '2026-11-28' }))).toEqual(['body.dueOn']);
    expect(fields(step({ status: 'done', dueOn: today }))).toEqual([]);
  });
  it('a started step cannot start in the future', () =>
    expect(fields(step({ startedOn: '2027-01-01', dueOn: '2027-06-01' }))).toEqual(['body.startedOn']));
  it('deliverables need a title and a web address when one is given; all problems at once', () => {
    expect(
      fields(
        step({
          status: 'done',
          dueOn: null,
          deliverables: [
            { title: 'Analys', url: 'https://example.org/a.pdf' },
            { title: ' ', url: null },
            { title: 'Rapport', url: 'ftp://example.org' },
            { title: 'Plan', url: '' },
          ],
        }),
      ),
    ).toEqual(['body.dueOn', 'body.deliverables.1.title', 'body.deliverables.2.url']);
  });
});

const fullScores = (score = 3) =>
  s3StepKeys.flatMap((s) => [1, 2, 3].map((factor) => ({ step: s as string, factor, score })));

describe('assessmentProblems', () => {
  const problems = (scores: ReturnType<typeof fullScores>, assessedOn = '2026-05-01') =>
    assessmentProblems({ assessedOn, scores }, today).map((p) => p.field);

  it('18 whole scores 0–5, each once, dated today or earlier, is fine', () => {
    expect(problems(fullScores())).toEqual([]);
    expect(problems(fullScores(0), today)).toEqual([]);
    expect(problems(fullScores(5))).toEqual([]);
  });
  it('a date in the future', () => expect(problems(fullScores(), '2026-11-28')).toEqual(['body.assessedOn']));
  it('17 scores: the missing factor is named', () => {
    const result = assessmentProblems({ assessedOn: today, scores: fullScores().slice(1) }, today);
    expect(result).toEqual([{ field: 'body.scores', message: expect.stringContaining('analysis 1') }]);
  });
  it('a factor twice', () => {
    const scores = fullScores();
    scores.push({ step: 'vision', factor: 2, score: 4 });
    expect(problems(scores)).toEqual(['body.scores.18.factor']);
  });
  it('scores out of range, fractions, unknown steps and factors — all at once at their fields', () => {
    const scores = fullScores();
    scores[0] = { step: 'analysis', factor: 1, score: 6 };
    scores[1] = { step: 'analysis', factor: 2, score: -1 };
    scores[2] = { step: 'analysis', factor: 3, score: 2.5 };
    scores[3] = { step: 'budget', factor: 1, score: 3 };
    scores[4] = { step: 'governance', factor: 4, score: 3 };
    expect(problems(scores)).toEqual([
      'body.scores.0.score',
      'body.scores.1.score',
      'body.scores.2.score',
      'body.scores.3.step',
      'body.scores.4.factor',
      'body.scores',
    ]);
  });
});

describe('means and comparison', () => {
  it('means per step in order and overall, to two decimals', () => {
    const scores = fullScores(3).map((s) =>
      s.step === 'analysis' && s.factor === 1 ? { ...s, score: 4 } : s,
    ) as Parameters<typeof assessmentMeans>[0];
    const means = assessmentMeans(scores);
    expect(means.steps.map((s) => s.mean)).toEqual([3.33, 3, 3, 3, 3, 3]);
    expect(means.overall).toBe(3.06);
    expect(assessmentMeans([]).steps[0]?.mean).toBeNull();
  });
  it('the change per step and factor from the earlier to the latest', () => {
    const earlier = fullScores(2) as Parameters<typeof compareAssessments>[0];
    const latest = earlier.map((s) =>
      s.step === 'monitoring' ? { ...s, score: s.factor } : { ...s, score: 3 },
    );
    const c = compareAssessments(latest, earlier);
    expect(c.steps[0]).toEqual({ step: 'analysis', latest: 3, earlier: 2, change: 1 });
    expect(c.steps[5]).toEqual({ step: 'monitoring', latest: 2, earlier: 2, change: 0 });
    expect(c.factors).toHaveLength(18);
    expect(c.factors.find((f) => f.step === 'monitoring' && f.factor === 1)).toEqual({
      step: 'monitoring',
      factor: 1,
      latest: 1,
      earlier: 2,
      change: -1,
    });
    expect(c.overall.change).toBe(0.83);
  });
  it('the change is taken between exact means, then rounded', () => {
    const at = (scores: number[]) =>
      s3StepKeys.flatMap((step) =>
        [1, 2, 3].map((factor) => ({ step, factor, score: scores[factor - 1] ?? 0 })),
      );
    const c = compareAssessments(at([4, 4, 3]), at([3, 3, 4]));
    expect(c.steps[0]).toEqual({ step: 'analysis', latest: 3.67, earlier: 3.33, change: 0.33 });
  });
});
