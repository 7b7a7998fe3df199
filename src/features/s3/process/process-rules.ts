/**
 * Rules of the six steps and the self-assessments, as pure functions: what a step must say,
 * what an assessment must hold, the means per step and the comparison of two assessments.
 * Every problem is reported at its field, all at once.
 */
import type { S3StepStatus } from '../../../db/schema.ts';
import type { FieldError } from '../../../server/problem.ts';
import { factorsPerStep, type S3StepKey, s3StepKeys } from './assessment-framework.ts';

export type StepFacts = {
  status: S3StepStatus;
  startedOn: string | null;
  dueOn: string | null;
  deliverables: { title: string; url: string | null }[];
};

const webAddress = /^https?:\/\/[^\s/$.?#][^\s]*$/i;

/** What a step must say. `today` is the Swedish calendar date (YYYY-MM-DD). */
export function stepProblems(s: StepFacts, today: string): FieldError[] {
  const problems: FieldError[] = [];
  const add = (field: string, message: string) => problems.push({ field: `body.${field}`, message });
  if (s.startedOn && s.dueOn && s.dueOn < s.startedOn) add('dueOn', 'must not be before the start');
  if (s.status === 'done') {
    if (!s.dueOn) add('dueOn', 'a done step needs the date it was done');
    else if (s.dueOn > today) add('dueOn', 'a done step cannot be done in the future');
  }
  if (s.startedOn && s.startedOn > today && s.status !== 'not_started') {
    add('startedOn', 'a step that has started cannot start in the future');
  }
  s.deliverables.forEach((d, i) => {
    if (d.title.trim() === '') add(`deliverables.${i}.title`, 'give the deliverable a title');
    if (d.url !== null && d.url.trim() !== '' && !webAddress.test(d.url.trim())) {
      add(`deliverables.${i}.url`, 'must be a web address starting with http:// or https://');
    }
  });
  return problems;
}

export type ScoreInput = { step: string; factor: number; score: number; comment?: string | null };
export type ScoreRow = { step: S3StepKey; factor: number; score: number; comment: string | null };

/**
 * What an assessment must hold: a date not in the future and exactly the 18 factor scores, each
 * once, each an integer 0–5. A comment is never required — also not for 0 ("no information"):
 * 0 already says there was nothing to go on, and forcing a text would slow down a workshop.
 */
export function assessmentProblems(
  a: { assessedOn: string; scores: ScoreInput[] },
  today: string,
): FieldError[] {
  const problems: FieldError[] = [];
  const add = (field: string, message: string) => problems.push({ field: `body.${field}`, message });
  if (a.assessedOn > today) add('assessedOn', 'must not be in the future');
  const seen = new Set<string>();
  a.scores.forEach((s, i) => {
    const at = `scores.${i}`;
    if (!(s3StepKeys as readonly string[]).includes(s.step)) {
      add(`${at}.step`, `unknown step; one of ${s3StepKeys.join(', ')}`);
    }
    if (!Number.isInteger(s.factor) || s.factor < 1 || s.factor > factorsPerStep) {
      add(`${at}.factor`, `must be a whole number 1–${factorsPerStep}`);
    }
    if (!Number.isInteger(s.score) || s.score < 0 || s.score > 5) {
      add(`${at}.score`, 'must be a whole number 0–5');
    }
    const key = `${s.step}:${s.factor}`;
    if (seen.has(key)) add(`${at}.factor`, `${s.step} factor ${s.factor} is scored more than once`);
    seen.add(key);
  });
  const missing = s3StepKeys.flatMap((step) =>
    [1, 2, 3].filter((factor) => !seen.has(`${step}:${factor}`)).map((factor) => `${step} ${factor}`),
  );
  if (missing.length)
    add('scores', `score all ${s3StepKeys.length * factorsPerStep} factors; missing: ${missing.join(', ')}`);
  return problems;
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const rawMean = (values: number[]) =>
  values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
const rounded = (n: number | null) => (n === null ? null : round2(n));

export type StepMean = { step: S3StepKey; mean: number | null };

function rawMeans(scores: Pick<ScoreRow, 'step' | 'score'>[]) {
  return {
    steps: s3StepKeys.map((step) => ({
      step,
      mean: rawMean(scores.filter((s) => s.step === step).map((s) => s.score)),
    })),
    overall: rawMean(scores.map((s) => s.score)),
  };
}

/** The mean score per step (in step order) and over all factors, to two decimals. */
export function assessmentMeans(scores: Pick<ScoreRow, 'step' | 'score'>[]): {
  steps: StepMean[];
  overall: number | null;
} {
  const raw = rawMeans(scores);
  return {
    steps: raw.steps.map((s) => ({ step: s.step, mean: rounded(s.mean) })),
    overall: rounded(raw.overall),
  };
}

export type Change = { latest: number | null; earlier: number | null; change: number | null };

/** The change per step (means) and per factor from an earlier assessment to the latest. */
export function compareAssessments(
  latest: Pick<ScoreRow, 'step' | 'factor' | 'score'>[],
  earlier: Pick<ScoreRow, 'step' | 'factor' | 'score'>[],
): {
  steps: ({ step: S3StepKey } & Change)[];
  factors: ({ step: S3StepKey; factor: number } & Change)[];
  overall: Change;
} {
  // The change is taken between the exact means, then rounded (3.67 − 3.33 is +0.33, not +0.34).
  const diff = (a: number | null, b: number | null): Change => ({
    latest: rounded(a),
    earlier: rounded(b),
    change: a === null || b === null ? null : round2(a - b),
  });
  const l = rawMeans(latest);
  const e = rawMeans(earlier);
  const scoreOf = (list: typeof latest, step: S3StepKey, factor: number) =>
    list.find((s) => s.step === step && s.factor === factor)?.score ?? null;
  return {
    steps: s3StepKeys.map((step, i) => ({
      step,
      ...diff(l.steps[i]?.mean ?? null, e.steps[i]?.mean ?? null),
    })),
    factors: s3StepKeys.flatMap((step) =>
      [1, 2, 3].map((factor) => ({
        step,
        factor,
        ...diff(scoreOf(latest, step, factor), scoreOf(earlier, step, factor)),
      })),
    ),
    overall: diff(l.overall, e.overall),
  };
}
