/**
 * A county value from its municipalities' values, for indicators the source publishes only per
 * municipality. Counts add up (sum); rates and per-inhabitant values are weighted by population;
 * some indicators (medians, indexes) cannot be aggregated at all and are refused.
 * Pure; unit-tested in aggregate.test.ts.
 */
import { type AreaValue, type MeasureResult, nameAreas } from './disparity.ts';

export type Aggregation = 'sum' | 'population_weighted_mean' | 'none';

export type AggregateOptions = {
  /**
   * The municipalities the county has. When given, a value missing for one of them refuses the
   * aggregate instead of silently summing or averaging part of the county.
   */
  expectedAreaCodes?: string[];
};

/**
 *   sum:                       Σ y_i
 *   population_weighted_mean:  Σ P_i y_i / Σ P_i  (needs every population, above zero)
 *   none:                      refused
 * Refused too: no values, a value that is not a finite number, an area given twice, and (with
 * `expectedAreaCodes`) a municipality without a value.
 */
export function aggregateToCounty(
  values: AreaValue[],
  rule: Aggregation,
  options: AggregateOptions = {},
): MeasureResult {
  const refuse = (reason: string): MeasureResult => ({ value: null, reason });
  if (rule === 'none') return refuse('this indicator is not aggregated');
  if (values.length === 0) return refuse('there are no municipality values to aggregate');

  const seen = new Set<string>();
  const twice: string[] = [];
  for (const v of values) {
    if (seen.has(v.areaCode)) twice.push(v.areaCode);
    seen.add(v.areaCode);
  }
  if (twice.length > 0) return refuse(`${nameAreas(twice)} ${twice.length === 1 ? 'is' : 'are'} given twice`);
  const notFinite = values.filter((v) => !Number.isFinite(v.value)).map((v) => v.areaCode);
  if (notFinite.length > 0) return refuse(`the value for ${nameAreas(notFinite)} is not a finite number`);
  const missing = (options.expectedAreaCodes ?? []).filter((code) => !seen.has(code));
  if (missing.length > 0) {
    return refuse(
      `a county value needs every municipality (${nameAreas(missing)} ${
        missing.length === 1 ? 'has' : 'have'
      } no value)`,
    );
  }

  if (rule === 'sum') return { value: values.reduce((s, v) => s + v.value, 0) };

  const noPopulation = values
    .filter((v) => v.population === null || v.population === undefined || !Number.isFinite(v.population))
    .map((v) => v.areaCode);
  if (noPopulation.length > 0) {
    return refuse(
      `a population-weighted mean needs the population of every municipality (${nameAreas(noPopulation)} ${
        noPopulation.length === 1 ? 'has' : 'have'
      } none)`,
    );
  }
  const nonPositive = values.filter((v) => (v.population ?? 0) <= 0).map((v) => v.areaCode);
  if (nonPositive.length > 0) {
    return refuse(
      `a population-weighted mean needs populations above zero (${nameAreas(nonPositive)} ${
        nonPositive.length === 1 ? 'has' : 'have'
      } zero or less)`,
    );
  }
  const totalPopulation = values.reduce((s, v) => s + (v.population ?? 0), 0);
  return { value: values.reduce((s, v) => s + (v.population ?? 0) * v.value, 0) / totalPopulation };
}
