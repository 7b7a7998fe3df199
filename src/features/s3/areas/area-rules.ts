/**
 * Rules of the strength areas as pure functions: which input may be taken into the action plan,
 * what a logic item must say, money totals, and which measured value is the latest.
 */
import type { FieldError } from '../../../server/problem.ts';

/** An input as found in the database (undefined: no such input in the region). */
export type SourceInputFacts = { id: string; strengthAreaId: string; initiativeId: string | null };

/**
 * Problems with the input an initiative is to take into the plan: each must exist, be of the
 * initiative's strength area and not already be taken into another initiative.
 */
export function sourceInputProblems(
  requested: readonly string[],
  found: ReadonlyMap<string, SourceInputFacts>,
  strengthAreaId: string,
  initiativeId: string | null,
): FieldError[] {
  const problems: FieldError[] = [];
  requested.forEach((id, i) => {
    const field = `body.sourceInputIds.${i}`;
    const input = found.get(id);
    if (!input) problems.push({ field, message: `no input ${id} in the region` });
    else if (input.strengthAreaId !== strengthAreaId)
      problems.push({ field, message: 'the input was raised for another strength area' });
    else if (input.initiativeId !== null && input.initiativeId !== initiativeId)
      problems.push({ field, message: 'the input is already taken into another initiative' });
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
 * The latest actual of an effort indicator from its periods ("2025", "2025-H1", "2025-Q3"): the
 * latest year; within a year the whole year when it is there, otherwise its latest part.
 */
export function latestPeriodValue(
  rows: ReadonlyArray<{ period: string; actual: number }>,
): { value: number; period: string } | null {
  const rank = (period: string) => {
    const [year = '0', part = ''] = period.split('-');
    // A part ranks by the month it ends in (Q2 and H1 both end in June); the whole year last.
    const partRank = part === '' ? 99 : Number(part.slice(1)) * (part.startsWith('H') ? 6 : 3);
    return Number(year) * 1000 + (Number.isFinite(partRank) ? partRank : 0);
  };
  let best: { value: number; period: string; rank: number } | null = null;
  for (const row of rows) {
    const r = rank(row.period);
    if (!best || r > best.rank) best = { value: row.actual, period: row.period, rank: r };
  }
  return best ? { value: best.value, period: best.period } : null;
}

/** The mean of an assessment's scores, to one decimal (null without scores). */
export function meanScore(scores: readonly number[]): number | null {
  if (scores.length === 0) return null;
  return Math.round((scores.reduce((s, x) => s + x, 0) / scores.length) * 10) / 10;
}
