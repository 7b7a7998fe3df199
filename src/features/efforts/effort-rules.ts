/**
 * Pure rules for efforts: reach shares, spreading "the whole county" by population, dates,
 * amounts, assessments and funding totals. No I/O; unit-tested in effort-rules.test.ts.
 */

/** Shares are stored in hundredths of a percent; 100 % = 10 000. */
export const FULL_SHARE = 10_000;

/** 12.5 → 1250. Null when the value has more than two decimals or is out of range. */
export function percentToHundredths(percent: number): number | null {
  if (!Number.isFinite(percent) || percent <= 0 || percent > 100) return null;
  const hundredths = Math.round(percent * 100);
  return Math.abs(hundredths - percent * 100) < 1e-6 ? hundredths : null;
}

export const hundredthsToPercent = (hundredths: number) => hundredths / 100;

export type ReachProblem = { path: (string | number)[]; message: string };

/** Checks a list of municipality shares (in percent): unique, each 0–100 with ≤ 2 decimals, sum exactly 100. */
export function checkShares(shares: Array<{ areaCode: string; share: number }>): ReachProblem[] {
  const problems: ReachProblem[] = [];
  const seen = new Set<string>();
  let sum = 0;
  shares.forEach((s, i) => {
    if (seen.has(s.areaCode))
      problems.push({ path: [i, 'areaCode'], message: `${s.areaCode} is listed twice` });
    seen.add(s.areaCode);
    const hundredths = percentToHundredths(s.share);
    if (hundredths === null) {
      problems.push({
        path: [i, 'share'],
        message: 'must be a percentage above 0 and at most 100, with at most two decimals',
      });
    } else {
      sum += hundredths;
    }
  });
  if (problems.length === 0 && shares.length > 0 && sum !== FULL_SHARE) {
    problems.push({
      path: [],
      message: `the shares must add up to 100 % (they add up to ${(sum / 100).toLocaleString('sv-SE')} %)`,
    });
  }
  return problems;
}

/**
 * Spreads 100 % over areas in proportion to population, in hundredths of a percent, so that the
 * parts always add up to exactly 10 000 (largest remainder; ties go to the larger population).
 */
export function spreadByPopulation(populations: Array<{ areaCode: string; population: number }>): Array<{
  areaCode: string;
  shareHundredths: number;
}> {
  const total = populations.reduce((s, p) => s + Math.max(0, p.population), 0);
  if (populations.length === 0) return [];
  if (total === 0) {
    // Nothing known: equal parts.
    return spreadByPopulation(populations.map((p) => ({ areaCode: p.areaCode, population: 1 })));
  }
  const exact = populations.map((p) => ({ ...p, exact: (Math.max(0, p.population) * FULL_SHARE) / total }));
  const floored = exact.map((p) => ({ ...p, share: Math.floor(p.exact) }));
  let left = FULL_SHARE - floored.reduce((s, p) => s + p.share, 0);
  const byRemainder = [...floored].sort(
    (a, b) => b.exact - Math.floor(b.exact) - (a.exact - Math.floor(a.exact)) || b.population - a.population,
  );
  for (const p of byRemainder) {
    if (left <= 0) break;
    p.share += 1;
    left -= 1;
  }
  return floored.map((p) => ({ areaCode: p.areaCode, shareHundredths: p.share }));
}

/** ISO dates: the end may not come before the start. */
export function checkDates(
  startDate: string | null | undefined,
  endDate: string | null | undefined,
): string | null {
  if (startDate && endDate && endDate < startDate) return 'the end date must not be before the start date';
  return null;
}

export const MAX_AMOUNT_SEK = 100_000_000_000; // 100 billion SEK: far above any regional effort

export type Assessment = { dimension: string; score: number; rationale?: string | null | undefined };

/** A rationale is required for negative scores; each dimension once. */
export function checkAssessments(assessments: Assessment[]): ReachProblem[] {
  const problems: ReachProblem[] = [];
  const seen = new Set<string>();
  assessments.forEach((a, i) => {
    if (seen.has(a.dimension))
      problems.push({ path: [i, 'dimension'], message: `${a.dimension} is assessed twice` });
    seen.add(a.dimension);
    if (a.score < 0 && !a.rationale?.trim()) {
      problems.push({ path: [i, 'rationale'], message: 'a negative score needs a written rationale' });
    }
  });
  return problems;
}

export type FundingRow = { source: string; year: number; amountSek: number; status: 'decided' | 'planned' };

export type FundingTotals = {
  totalSek: number;
  decidedSek: number;
  plannedSek: number;
  bySource: Array<{ source: string; amountSek: number }>;
  byYear: Array<{ year: number; amountSek: number }>;
};

export function fundingTotals(rows: FundingRow[]): FundingTotals {
  const bySource = new Map<string, number>();
  const byYear = new Map<number, number>();
  let decidedSek = 0;
  let plannedSek = 0;
  for (const r of rows) {
    bySource.set(r.source, (bySource.get(r.source) ?? 0) + r.amountSek);
    byYear.set(r.year, (byYear.get(r.year) ?? 0) + r.amountSek);
    if (r.status === 'decided') decidedSek += r.amountSek;
    else plannedSek += r.amountSek;
  }
  return {
    totalSek: decidedSek + plannedSek,
    decidedSek,
    plannedSek,
    bySource: [...bySource]
      .map(([source, amountSek]) => ({ source, amountSek }))
      .sort((a, b) => b.amountSek - a.amountSek),
    byYear: [...byYear].map(([year, amountSek]) => ({ year, amountSek })).sort((a, b) => a.year - b.year),
  };
}
