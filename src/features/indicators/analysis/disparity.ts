/**
 * Regional disparity: how unequal one indicator is across areas (usually the county's
 * municipalities) in one year. Coefficient of variation, Williamson's population-weighted CV,
 * Gini and Theil T (unweighted and population-weighted) and the max/min ratio.
 *
 * Every measure refuses rather than printing a misleading number: it then has `value: null` and a
 * short English reason that names the area behind the refusal. All measures assume non-negative
 * levels (incomes, rates, counts per inhabitant); a change or a balance that can be negative is
 * not something these measures describe. Pure; unit-tested in disparity.test.ts.
 */

export type AreaValue = { areaCode: string; value: number; population?: number | null };

export type MeasureResult = { value: number } | { value: null; reason: string };

export type Extreme = { areaCode: string; value: number };

export type DisparityMeasures = {
  n: number;
  /** Unweighted mean of the values; null when there are none or one is not a finite number. */
  mean: number | null;
  cv: MeasureResult;
  williamson: MeasureResult;
  gini: MeasureResult;
  giniWeighted: MeasureResult;
  theil: MeasureResult;
  theilWeighted: MeasureResult;
  maxMinRatio: MeasureResult;
  /** Highest and lowest finite value (ties: the lower area code), null when there is none. */
  max: Extreme | null;
  min: Extreme | null;
};

/** A number, or a refusal when floating point could not represent it (values of extreme range). */
const ok = (value: number): MeasureResult =>
  Number.isFinite(value)
    ? { value }
    : { value: null, reason: 'the values are too far apart to compute this measure reliably' };
const refuse = (reason: string): MeasureResult => ({ value: null, reason });

/** "2380", "2380 and 2326", "2380 and 3 more": the areas behind a refusal, first by input order. */
export function nameAreas(codes: string[]): string {
  if (codes.length <= 1) return codes[0] ?? '';
  if (codes.length === 2) return `${codes[0]} and ${codes[1]}`;
  return `${codes[0]} and ${codes.length - 1} more`;
}

/** "2380 has" / "2380 and 2326 have": keeps the reasons grammatical. */
const have = (codes: string[]) => `${nameAreas(codes)} ${codes.length === 1 ? 'has' : 'have'}`;

function extreme(values: AreaValue[], wantMax: boolean): Extreme | null {
  let best: Extreme | null = null;
  for (const v of values) {
    if (!Number.isFinite(v.value)) continue;
    const better =
      best === null ||
      (wantMax ? v.value > best.value : v.value < best.value) ||
      (v.value === best.value && v.areaCode < best.areaCode);
    if (better) best = { areaCode: v.areaCode, value: v.value };
  }
  return best;
}

/** The refusal that applies to every measure, if any: broken values, too few areas, negatives. */
function commonRefusal(values: AreaValue[]): string | null {
  const notFinite = values.filter((v) => !Number.isFinite(v.value)).map((v) => v.areaCode);
  if (notFinite.length > 0) return `the value for ${nameAreas(notFinite)} is not a finite number`;
  if (values.length < 2) return `a disparity measure needs at least two areas (there is ${values.length})`;
  const negative = values.filter((v) => v.value < 0).map((v) => v.areaCode);
  if (negative.length > 0) {
    return `these measures assume values of zero or more (${have(negative)} a negative value)`;
  }
  return null;
}

/** Population shares p_i = P_i / ΣP, or the reason they cannot be formed. */
function populationShares(values: AreaValue[]): number[] | string {
  const missing = values
    .filter((v) => v.population === null || v.population === undefined || !Number.isFinite(v.population))
    .map((v) => v.areaCode);
  if (missing.length > 0) {
    return `population-weighted measures need the population of every area (${have(missing)} none)`;
  }
  const nonPositive = values.filter((v) => (v.population ?? 0) <= 0);
  if (nonPositive.length > 0) {
    const which =
      nonPositive.length === 1
        ? `${nonPositive[0]?.areaCode} has population ${nonPositive[0]?.population}`
        : `${nameAreas(nonPositive.map((v) => v.areaCode))} have a population of zero or less`;
    return `population-weighted measures need a population above zero (${which})`;
  }
  const total = values.reduce((s, v) => s + (v.population ?? 0), 0);
  return values.map((v) => (v.population ?? 0) / total);
}

/**
 * Coefficient of variation: population standard deviation (divided by n, not n − 1: the areas are
 * the whole population, not a sample) over the mean.
 *   CV = sqrt( (1/n) Σ (y_i − ȳ)² ) / ȳ
 */
function cv(ys: number[], mean: number): number {
  const variance = ys.reduce((s, y) => s + (y - mean) ** 2, 0) / ys.length;
  return Math.sqrt(variance) / mean;
}

/**
 * Williamson's coefficient (population-weighted CV):
 *   V_w = sqrt( Σ p_i (y_i − ȳ_w)² ) / ȳ_w,  p_i = P_i / ΣP,  ȳ_w = Σ p_i y_i.
 * Williamson (1965) measures around the national mean; we use the population-weighted mean of the
 * areas given, so that the measure describes these areas only (for a full set of municipalities
 * and a per-inhabitant indicator the two coincide).
 */
function williamson(ys: number[], ps: number[], meanW: number): number {
  const variance = ys.reduce((s, y, i) => s + (ps[i] ?? 0) * (y - meanW) ** 2, 0);
  return Math.sqrt(variance) / meanW;
}

/**
 * Gini, unweighted: G = Σ_i Σ_j |y_i − y_j| / (2 n² ȳ). Lies in [0, (n − 1)/n].
 * Gini, weighted:   G_w = Σ_i Σ_j p_i p_j |y_i − y_j| / (2 ȳ_w), p shares of population.
 * With equal populations (p_i = 1/n) the two are the same. Direct double sum: n is at most a few
 * hundred municipalities.
 */
function gini(ys: number[], ps: number[], mean: number): number {
  let sum = 0;
  for (let i = 0; i < ys.length; i++) {
    for (let j = 0; j < ys.length; j++) {
      sum += (ps[i] ?? 0) * (ps[j] ?? 0) * Math.abs((ys[i] ?? 0) - (ys[j] ?? 0));
    }
  }
  return sum / (2 * mean);
}

/**
 * Theil T, unweighted: T = (1/n) Σ (y_i/ȳ) ln(y_i/ȳ).
 * Theil T, weighted:   T_w = Σ p_i (y_i/ȳ_w) ln(y_i/ȳ_w)  (= Σ s_i ln(s_i/p_i) with s_i the
 * area's share of the total). Both are ≥ 0; tiny negative floating-point noise is clamped to 0.
 */
function theil(ys: number[], ps: number[], mean: number): number {
  const t = ys.reduce((s, y, i) => {
    const r = y / mean;
    return r > 0 ? s + (ps[i] ?? 0) * r * Math.log(r) : s; // r·ln r → 0 (only reached by underflow)
  }, 0);
  return Math.max(0, t);
}

/** All disparity measures for one set of areas (one indicator, one year). */
export function disparity(values: AreaValue[]): DisparityMeasures {
  const n = values.length;
  const max = extreme(values, true);
  const min = extreme(values, false);
  const allFinite = values.every((v) => Number.isFinite(v.value));
  const mean = n > 0 && allFinite ? values.reduce((s, v) => s + v.value, 0) / n : null;

  const common = commonRefusal(values);
  if (common !== null || mean === null) {
    const r = refuse(common ?? 'there are no values');
    return {
      n,
      mean,
      cv: r,
      williamson: r,
      gini: r,
      giniWeighted: r,
      theil: r,
      theilWeighted: r,
      maxMinRatio: r,
      max,
      min,
    };
  }

  const ys = values.map((v) => v.value);
  const equal = ys.map(() => 1 / n);
  const zeros = values.filter((v) => v.value === 0).map((v) => v.areaCode);
  const zeroMean = mean === 0 ? 'the mean is zero (all values are 0)' : null;
  const theilZeros = zeros.length > 0 ? `Theil needs all values above zero (${have(zeros)} 0)` : null;

  const unweighted = {
    cv: zeroMean ? refuse(`the coefficient of variation is undefined: ${zeroMean}`) : ok(cv(ys, mean)),
    gini: zeroMean ? refuse(`Gini is undefined: ${zeroMean}`) : ok(gini(ys, equal, mean)),
    theil: zeroMean
      ? refuse(`Theil is undefined: ${zeroMean}`)
      : theilZeros
        ? refuse(theilZeros)
        : ok(theil(ys, equal, mean)),
  };

  const ps = populationShares(values);
  let weighted: Pick<DisparityMeasures, 'williamson' | 'giniWeighted' | 'theilWeighted'>;
  if (typeof ps === 'string') {
    weighted = { williamson: refuse(ps), giniWeighted: refuse(ps), theilWeighted: refuse(ps) };
  } else {
    const meanW = ys.reduce((s, y, i) => s + (ps[i] ?? 0) * y, 0);
    const zeroMeanW = meanW === 0 ? 'the population-weighted mean is zero (all values are 0)' : null;
    weighted = {
      williamson: zeroMeanW
        ? refuse(`Williamson's coefficient is undefined: ${zeroMeanW}`)
        : ok(williamson(ys, ps, meanW)),
      giniWeighted: zeroMeanW ? refuse(`Gini is undefined: ${zeroMeanW}`) : ok(gini(ys, ps, meanW)),
      theilWeighted: zeroMeanW
        ? refuse(`Theil is undefined: ${zeroMeanW}`)
        : theilZeros
          ? refuse(theilZeros)
          : ok(theil(ys, ps, meanW)),
    };
  }

  const maxMinRatio =
    min && max && min.value > 0
      ? ok(max.value / min.value)
      : refuse(`max/min needs the smallest value to be above zero (${have(zeros)} 0)`);

  return { n, mean, ...unweighted, ...weighted, maxMinRatio, max, min };
}

/** The measures for each year, sorted by year (a time series of disparity). */
export function disparityOverYears(
  byYear: Map<number, AreaValue[]> | Array<{ year: number; values: AreaValue[] }>,
): Array<{ year: number } & DisparityMeasures> {
  const entries = byYear instanceof Map ? [...byYear].map(([year, values]) => ({ year, values })) : byYear;
  return entries.map(({ year, values }) => ({ year, ...disparity(values) })).sort((a, b) => a.year - b.year);
}
