/**
 * Rules of the strength areas as pure functions: which input may be taken into the action plan,
 * what a logic item must say, money totals, and which measured value is the latest.
 */
import type { FieldError } from '../../../server/problem.ts';

/** An input as found in the database (undefined: no such input in the region). */
export type SourceInputFacts = { id: string; strengthAreaId: string; initiativeId: string | null };

/** Why an input cannot be taken into an initiative that already has another one. */
export const takenElsewhere = 'the input is already taken into another initiative';

/**
 * Problems with the input an initiative is to take into the plan: each must exist, be of the
 * initiative's strength area (not checked while the area is unknown: null) and not already be
 * taken into another initiative.
 */
export function sourceInputProblems(
  requested: readonly string[],
  found: ReadonlyMap<string, SourceInputFacts>,
  strengthAreaId: string | null,
  initiativeId: string | null,
): FieldError[] {
  const problems: FieldError[] = [];
  requested.forEach((id, i) => {
    const field = `body.sourceInputIds.${i}`;
    const input = found.get(id);
    if (!input) problems.push({ field, message: `no input ${id} in the region` });
    else if (strengthAreaId !== null && input.strengthAreaId !== strengthAreaId)
      problems.push({ field, message: 'the input was raised for another strength area' });
    else if (input.initiativeId !== null && input.initiativeId !== initiativeId)
      problems.push({ field, message: takenElsewhere });
  });
  if (new Set(requested).size !== requested.length)
    problems.push({ field: 'body.sourceInputIds', message: 'an input is named twice' });
  return problems;
}

export type LogicItemFacts = {
  kind: 'output' | 'result';
  initiativeId: string | null;
  indicatorId: string | null;
  effortIndicatorId: string | null;
  targetValue: number | null;
  targetYear: number | null;
};

/** What a logic item must say (references are checked against the database separately). */
export function logicItemProblems(item: LogicItemFacts): FieldError[] {
  const problems: FieldError[] = [];
  const add = (field: string, message: string) => problems.push({ field: `body.${field}`, message });
  if (item.kind === 'output' && !item.initiativeId)
    add('initiativeId', 'an output belongs to an initiative of the area');
  if (item.kind === 'result' && item.initiativeId)
    add('initiativeId', 'a result belongs to the area, not to an initiative');
  if (item.indicatorId && item.effortIndicatorId)
    add('effortIndicatorId', 'measure by an indicator or by an effort indicator, not both');
  if (item.targetYear !== null && item.targetValue === null)
    add('targetValue', 'give the target value for the target year');
  return problems;
}

export type FundingRow = { effortId: string; status: 'decided' | 'planned'; amountSek: number };

/** Decided and planned money per effort (whole SEK). */
export function fundingByEffort(
  rows: readonly FundingRow[],
): Map<string, { decidedSek: number; plannedSek: number }> {
  const sums = new Map<string, { decidedSek: number; plannedSek: number }>();
  for (const row of rows) {
    const sum = sums.get(row.effortId) ?? { decidedSek: 0, plannedSek: 0 };
    if (row.status === 'decided') sum.decidedSek += row.amountSek;
    else sum.plannedSek += row.amountSek;
    sums.set(row.effortId, sum);
  }
  return sums;
}

/** The totals of a list of efforts' money. */
export function moneyTotals(efforts: ReadonlyArray<{ decidedSek: number; plannedSek: number }>) {
  const decidedSek = efforts.reduce((s, e) => s + e.decidedSek, 0);
  const plannedSek = efforts.reduce((s, e) => s + e.plannedSek, 0);
  return { decidedSek, plannedSek, totalSek: decidedSek + plannedSek };
}

/** The latest year's value (null when there is none). */
export function latestYearValue(
  rows: ReadonlyArray<{ year: number; value: number }>,
): { value: number; year: number } | null {
  let best: { value: number; year: number } | null = null;
  for (const row of rows) if (!best || row.year > best.year) best = { value: row.value, year: row.year };
  return best;
}

/**
 * Where a period ends, to order periods by: its year, then the month it ends in ('2025-06',
 * '2025-Q2' and '2025-H1' all end in June; a whole year ranks after all its parts, as month 13),
 * then, for periods ending in the same month, the longer one later (half, quarter, month).
 * Unknown shapes rank first in their year.
 */
export function periodRank(period: string): number {
  const match = /^(\d{4})(?:-(?:(\d{2})|Q([1-4])|H([12])))?$/.exec(period);
  if (!match) return Number(period.slice(0, 4)) * 1000 || 0;
  const [, year, month, quarter, half] = match;
  const [end, span] = month
    ? [Number(month), 1]
    : quarter
      ? [Number(quarter) * 3, 2]
      : half
        ? [Number(half) * 6, 3]
        : [13, 4];
  return Number(year) * 1000 + end * 10 + span;
}

/**
 * The latest actual of an effort indicator from its periods ("2025", "2025-H1", "2025-Q3",
 * "2025-06"): the period that ends last; a whole year when it is there, else its latest part.
 */
export function latestPeriodValue(
  rows: ReadonlyArray<{ period: string; actual: number }>,
): { value: number; period: string } | null {
  let best: { value: number; period: string; rank: number } | null = null;
  for (const row of rows) {
    const r = periodRank(row.period);
    if (!best || r > best.rank) best = { value: row.actual, period: row.period, rank: r };
  }
  return best ? { value: best.value, period: best.period } : null;
}
