/**
 * Progress towards a target, as in Open SDG's sdg-build `progress_measure` (Statistics Canada's
 * method, itself after Eurostat): the compound annual growth rate (CAGR) since a base year, either
 * compared with the growth a target requires or, without a target, with fixed growth thresholds.
 * Assumes current trends continue; says nothing about why. Pure; unit-tested in progress.test.ts.
 */

export type Polarity = 'higher_is_better' | 'lower_is_better' | 'neutral';

export type ProgressStatus =
  | 'target_achieved'
  | 'substantial_progress'
  | 'moderate_progress'
  | 'limited_progress'
  | 'deterioration'
  | 'not_assessable';

export type Thresholds = { high: number; mid: number; low: number };

export type ProgressInput = {
  series: Array<{ year: number; value: number }>;
  polarity: Polarity;
  baseYear?: number;
  target?: { value: number; year: number } | null;
  /** With a target: thresholds for the ratio of actual to required growth. */
  thresholds?: Thresholds;
  /** Without a target: thresholds for the annual growth in the desired direction. */
  noTargetThresholds?: Thresholds;
};

export type ProgressResult = {
  status: ProgressStatus;
  /** Why the indicator is not assessable, or a note on how the base year was chosen. */
  reason?: string;
  method: 'target' | 'no_target';
  baseYear?: number;
  baseValue?: number;
  currentYear?: number;
  currentValue?: number;
  /** CAGR from the base year to the latest year. */
  actualGrowth?: number;
  /** CAGR needed from the base year to reach the target in the target year. */
  requiredGrowth?: number;
  ratio?: number;
  /** The calculation with the numbers filled in, for the reader to check. */
  formula: string;
};

/** sdg-build's defaults: R ≥ 95 % of the required growth is on track, ≥ 60 % is progress. */
export const TARGET_THRESHOLDS: Thresholds = { high: 0.95, mid: 0.6, low: 0 };
/** sdg-build's defaults without a target: ≥ 1.5 % a year in the desired direction, ≥ 0.5 %. */
export const NO_TARGET_THRESHOLDS: Thresholds = { high: 0.015, mid: 0.005, low: 0 };
/** The 2030 Agenda's base year; sdg-build's default. */
export const DEFAULT_BASE_YEAR = 2015;

const CAGR_FORMULA = 'CAGR = (x_t / x_0)^(1/(t − t0)) − 1';

/** Compound annual growth rate from x0 in year t0 to xt in year t. */
export const cagr = (xt: number, x0: number, t: number, t0: number) => (xt / x0) ** (1 / (t - t0)) - 1;

/** A number as a reader wants to see it: six significant digits, no trailing zeros. */
const fmt = (x: number) => String(Number(x.toPrecision(6)));
/** A growth rate in percent with two decimals ("2.31 %", "−1.20 %"). */
const pct = (x: number) => {
  const s = (Math.abs(x) < 5e-5 ? 0 : x * 100).toFixed(2);
  return `${s.replace('-', '−')} %`;
};
const minus = (x: number) => fmt(x).replace('-', '−');

function classify(
  value: number,
  t: Thresholds,
): Exclude<ProgressStatus, 'target_achieved' | 'not_assessable'> {
  if (value >= t.high) return 'substantial_progress';
  if (value >= t.mid) return 'moderate_progress';
  if (value >= t.low) return 'limited_progress';
  return 'deterioration';
}

/**
 * The progress status of one series.
 *
 * Base year: `baseYear` when the series has a value for it; without `baseYear`, 2015 when the
 * series has it; otherwise the first year with a value (a note in `reason` says so when a
 * requested base year was missing). sdg-build instead takes the first year after a missing base
 * year; we take the first year so that the whole series counts. Current year: the latest year.
 *
 * With a target (value y_T in year T), d = +1 when higher is better and −1 when lower is better:
 *   - the latest value already meets it (≥ or ≤ by polarity) → target achieved;
 *   - otherwise CAGR_req = (y_T / x_0)^(1/(T − t0)) − 1 and R = CAGR / CAGR_req, written as
 *     R = d·CAGR / |CAGR_req| (Statistics Canada) so that a base that already met the target and
 *     has since slipped below it counts as deterioration, not progress; when the required growth is
 *     in the desired direction (the usual case) the two are the same number. R ≥ 0.95 substantial,
 *     ≥ 0.6 moderate, ≥ 0 limited, < 0 deterioration.
 * A neutral indicator with a target takes its desired direction from the base value towards the
 * target.
 *
 * Without a target: g = d·CAGR (negated when lower is better); g ≥ 1.5 % substantial, ≥ 0.5 %
 * moderate, ≥ 0 limited, < 0 deterioration. A neutral indicator without a target has no desired
 * direction and is not assessable.
 *
 * Not assessable: fewer than two years, a year given twice, a base or latest value ≤ 0 (CAGR is
 * undefined), the base year being the latest year, a target year not after the base year, a
 * negative target.
 */
export function progress(input: ProgressInput): ProgressResult {
  const method = input.target ? 'target' : 'no_target';
  const notAssessable = (reason: string, extra: Partial<ProgressResult> = {}): ProgressResult => ({
    status: 'not_assessable',
    reason,
    method,
    formula: CAGR_FORMULA,
    ...extra,
  });

  const points = input.series.filter((p) => Number.isFinite(p.value) && Number.isInteger(p.year));
  const byYear = new Map<number, number>();
  for (const p of points) {
    if (byYear.has(p.year)) return notAssessable(`the series has more than one value for ${p.year}`);
    byYear.set(p.year, p.value);
  }
  const years = [...byYear.keys()].sort((a, b) => a - b);
  const first = years[0];
  const currentYear = years[years.length - 1];
  if (first === undefined || currentYear === undefined || years.length < 2) {
    return notAssessable(`progress needs values for at least two years (there are ${years.length})`);
  }

  let note: string | undefined;
  let baseYear: number;
  if (input.baseYear !== undefined && byYear.has(input.baseYear)) baseYear = input.baseYear;
  else if (input.baseYear !== undefined) {
    baseYear = first;
    note = `there is no value for the base year ${input.baseYear}, so the first year with a value (${first}) is used`;
  } else baseYear = byYear.has(DEFAULT_BASE_YEAR) ? DEFAULT_BASE_YEAR : first;

  const baseValue = byYear.get(baseYear) ?? Number.NaN;
  const currentValue = byYear.get(currentYear) ?? Number.NaN;
  const known = { baseYear, baseValue, currentYear, currentValue };
  if (baseYear >= currentYear) {
    return notAssessable(`the base year ${baseYear} is the latest year with a value`, known);
  }
  if (baseValue <= 0 || currentValue <= 0) {
    const which =
      baseValue <= 0 ? `${baseYear}: ${minus(baseValue)}` : `${currentYear}: ${minus(currentValue)}`;
    return notAssessable(
      `growth rates need values above zero in the base year and the latest year (${which})`,
      known,
    );
  }

  const actualGrowth = cagr(currentValue, baseValue, currentYear, baseYear);
  const cagrText = `CAGR = (${fmt(currentValue)} / ${fmt(baseValue)})^(1/(${currentYear} − ${baseYear})) − 1 = ${pct(actualGrowth)}`;
  const withNote = (r: ProgressResult): ProgressResult =>
    note && r.reason === undefined ? { ...r, reason: note } : r;

  const target = input.target;
  if (!target) {
    if (input.polarity === 'neutral') {
      return notAssessable('the indicator has no desired direction and no target', {
        ...known,
        actualGrowth,
      });
    }
    const d = input.polarity === 'higher_is_better' ? 1 : -1;
    const growth = d * actualGrowth;
    const formula =
      d === 1
        ? cagrText
        : `${cagrText}; lower is better, so growth in the desired direction = −CAGR = ${pct(growth)}`;
    return withNote({
      status: classify(growth, input.noTargetThresholds ?? NO_TARGET_THRESHOLDS),
      method,
      ...known,
      actualGrowth,
      formula,
    });
  }

  if (!Number.isFinite(target.value) || target.value < 0) {
    return notAssessable('growth towards a target needs a target of zero or more', {
      ...known,
      actualGrowth,
    });
  }
  if (target.year <= baseYear) {
    return notAssessable(`the target year ${target.year} is not after the base year ${baseYear}`, {
      ...known,
      actualGrowth,
    });
  }
  const d =
    input.polarity === 'higher_is_better'
      ? 1
      : input.polarity === 'lower_is_better'
        ? -1
        : Math.sign(target.value - baseValue);
  if (d === 0) {
    return notAssessable(
      'the indicator has no desired direction and its target equals the base value, so no direction counts as progress',
      { ...known, actualGrowth },
    );
  }

  const achieved = d === 1 ? currentValue >= target.value : currentValue <= target.value;
  if (achieved) {
    return withNote({
      status: 'target_achieved',
      method,
      ...known,
      actualGrowth,
      formula: `x_t = ${fmt(currentValue)} ${d === 1 ? '≥' : '≤'} target ${fmt(target.value)}`,
    });
  }

  const requiredGrowth = cagr(target.value, baseValue, target.year, baseYear);
  const requiredText = `required CAGR = (${fmt(target.value)} / ${fmt(baseValue)})^(1/(${target.year} − ${baseYear})) − 1 = ${pct(requiredGrowth)}`;
  if (requiredGrowth === 0) {
    // The base value was exactly the target and the latest value is worse: any change is the wrong way.
    return withNote({
      status: 'deterioration',
      reason: 'the base value met the target exactly and the latest value no longer does',
      method,
      ...known,
      actualGrowth,
      requiredGrowth,
      formula: `${cagrText}; ${requiredText}`,
    });
  }
  const ratio = (d * actualGrowth) / Math.abs(requiredGrowth);
  const ratioText =
    Math.sign(requiredGrowth) === d
      ? `R = CAGR / required CAGR = ${minus(ratio)}`
      : `R = ${d === 1 ? '' : '−'}CAGR / |required CAGR| = ${minus(ratio)} (the base value already met the target)`;
  return withNote({
    status: classify(ratio, input.thresholds ?? TARGET_THRESHOLDS),
    method,
    ...known,
    actualGrowth,
    requiredGrowth,
    ratio,
    formula: `${cagrText}; ${requiredText}; ${ratioText}`,
  });
}
