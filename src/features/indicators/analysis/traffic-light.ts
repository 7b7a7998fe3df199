/**
 * The region's earlier follow-up style: a traffic light for the latest change (better, unchanged,
 * worse in the desired direction), an arrow for the direction of the number itself, and the
 * county's latest value against Sweden's. Simpler than the progress measure (progress.ts) and
 * sensitive to year-to-year noise, which is why small changes count as unchanged.
 * Pure; unit-tested in traffic-light.test.ts.
 */
import type { Polarity } from './progress.ts';

export type Light = 'green' | 'yellow' | 'red' | 'white';
export type Arrow = 'up' | 'down' | 'flat' | null;

export type YearValue = { year: number; value: number };

export type TrafficLightInput = {
  series: YearValue[];
  polarity: Polarity;
  /** A relative change up to this size counts as unchanged; default 0.01 (1 %). */
  tolerance?: number;
  /** Sweden as a whole, for the comparison (leave out for counts: a municipality's count is not comparable). */
  national?: YearValue[];
  /** What the series is of, in the explanation ("the county", "Åre"); default "the county". */
  areaName?: string;
};

export type TrafficLightResult = {
  light: Light;
  arrow: Arrow;
  latest?: YearValue;
  /** The year with a value before the latest (not necessarily the year before). */
  previous?: YearValue;
  /** latest − previous, in the indicator's unit. */
  change?: number;
  /** (latest − previous) / |previous|; null when the previous value is 0. */
  relativeChange?: number | null;
  comparedWithSweden?: { year: number; sweden: number; difference: number; better: boolean | null };
  reason: string;
};

export const DEFAULT_TOLERANCE = 0.01;

/** Finite values by year, or the year that appears twice. */
function byYear(series: YearValue[]): Map<number, number> | number {
  const map = new Map<number, number>();
  for (const p of series) {
    if (!Number.isFinite(p.value)) continue;
    if (map.has(p.year)) return p.year;
    map.set(p.year, p.value);
  }
  return map;
}

/** 12345.678 → "12345.7"; six significant digits, English decimal point. */
const fmt = (x: number) => String(Number(x.toPrecision(6))).replace('-', '−');
const signedPct = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x * 100).toFixed(1)} %`;

/**
 * Light: latest against previous value. Beyond the tolerance in the desired direction → green, in
 * the other → red; within the tolerance (|change| ≤ tolerance·|previous|), or for an indicator
 * without a desired direction → yellow; fewer than two values → white (cannot be assessed).
 * Arrow: the direction of the number (flat within the tolerance), null when white.
 * Sweden: the latest year where both have a value; difference = county − Sweden, "better" is
 * strictly better by polarity (null when neutral).
 */
export function trafficLight(input: TrafficLightInput): TrafficLightResult {
  const tolerance = input.tolerance ?? DEFAULT_TOLERANCE;
  const county = byYear(input.series);
  if (typeof county === 'number') {
    return {
      light: 'white',
      arrow: null,
      reason: `Cannot be assessed: the series has more than one value for ${county}.`,
    };
  }
  const national = byYear(input.national ?? []);
  const comparedWithSweden = compareWithSweden(county, national, input.polarity);
  const swedenText = comparedWithSweden
    ? ` ${describeSweden(comparedWithSweden, input.polarity, input.areaName)}`
    : '';

  const years = [...county.keys()].sort((a, b) => a - b);
  const latestYear = years[years.length - 1];
  const previousYear = years[years.length - 2];
  if (latestYear === undefined || previousYear === undefined) {
    const latest =
      latestYear === undefined ? undefined : { year: latestYear, value: county.get(latestYear) ?? 0 };
    return {
      light: 'white',
      arrow: null,
      ...(latest ? { latest } : {}),
      ...(comparedWithSweden ? { comparedWithSweden } : {}),
      reason: `Cannot be assessed: needs values for at least two years (there ${
        years.length === 1 ? 'is 1' : 'are 0'
      }).${swedenText}`,
    };
  }

  const latest = { year: latestYear, value: county.get(latestYear) ?? 0 };
  const previous = { year: previousYear, value: county.get(previousYear) ?? 0 };
  const change = latest.value - previous.value;
  const relativeChange = previous.value === 0 ? null : change / Math.abs(previous.value);
  const flat = Math.abs(change) <= tolerance * Math.abs(previous.value);
  const arrow: Arrow = flat ? 'flat' : change > 0 ? 'up' : 'down';
  const fromTo = `${fmt(previous.value)} (${previous.year}) → ${fmt(latest.value)} (${latest.year})${
    relativeChange === null ? '' : `, ${signedPct(relativeChange)}`
  }`;

  let light: Light;
  let text: string;
  if (input.polarity === 'neutral') {
    light = 'yellow';
    text = `${flat ? 'Unchanged' : 'Changed'}: ${fromTo}; the indicator has no desired direction.`;
  } else if (flat) {
    light = 'yellow';
    text = `Unchanged within ±${fmt(tolerance * 100)} %: ${fromTo}.`;
  } else {
    const improved = change > 0 === (input.polarity === 'higher_is_better');
    light = improved ? 'green' : 'red';
    text = `${improved ? 'Better' : 'Worse'}: ${fromTo}; ${
      input.polarity === 'higher_is_better' ? 'higher' : 'lower'
    } is better.`;
  }
  return {
    light,
    arrow,
    latest,
    previous,
    change,
    relativeChange,
    ...(comparedWithSweden ? { comparedWithSweden } : {}),
    reason: `${text}${swedenText}`,
  };
}

function compareWithSweden(
  county: Map<number, number>,
  national: Map<number, number> | number,
  polarity: Polarity,
): TrafficLightResult['comparedWithSweden'] {
  if (typeof national === 'number') return undefined;
  const common = [...national.keys()].filter((y) => county.has(y)).sort((a, b) => b - a);
  const year = common[0];
  if (year === undefined) return undefined;
  const sweden = national.get(year) ?? 0;
  const difference = (county.get(year) ?? 0) - sweden;
  const better =
    polarity === 'neutral' ? null : polarity === 'higher_is_better' ? difference > 0 : difference < 0;
  return { year, sweden, difference, better };
}

function describeSweden(
  c: NonNullable<TrafficLightResult['comparedWithSweden']>,
  polarity: Polarity,
  areaName = 'the county',
): string {
  const relation =
    c.difference === 0
      ? 'the same as Sweden'
      : `${fmt(Math.abs(c.difference))} ${c.difference > 0 ? 'above' : 'below'} Sweden`;
  const judgement = polarity === 'neutral' || c.difference === 0 ? '' : c.better ? ' (better)' : ' (worse)';
  return `In ${c.year} ${areaName} was ${relation} (${fmt(c.sweden)})${judgement}.`;
}
