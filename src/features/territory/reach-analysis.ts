/**
 * How efforts and their money reach each municipality over a period: counts, SEK, SEK per
 * inhabitant against the county level, and which municipalities are not reached or far below.
 * Answers the territorial question of the regional development strategy ("does the whole county
 * get its share?"). Pure; unit-tested in reach-analysis.test.ts.
 */
import { compareSwedish } from '../../shared/text.ts';
import { FULL_SHARE, spreadByPopulation } from '../efforts/effort-rules.ts';

export type ReachEffort = {
  id: string;
  title: string;
  startYear: number | null;
  endYear: number | null;
  wholeCounty: boolean;
  /** Shares of the effort per municipality; empty when wholeCounty. */
  reach: Array<{ areaCode: string; shareHundredths: number }>;
  funding: Array<{
    year: number;
    amountSek: number;
    source: string;
    financierId: string | null;
    financierName: string | null;
  }>;
  priorityIds: string[];
  strengthAreaIds: string[];
};

export type Municipality = { code: string; name: string; population: number | null };

export type ReachInput = {
  efforts: ReachEffort[];
  municipalities: Municipality[];
  /** First and last year of the period, both included. */
  from: number;
  to: number;
  /** A reached municipality below this share of the county's SEK per inhabitant is flagged. */
  lowShareOfCountyLevel?: number;
};

export type ReachFlag = 'not_reached' | 'far_below_county';

export type MunicipalityReach = {
  code: string;
  name: string;
  population: number | null;
  effortCount: number;
  /** Whole SEK; the municipalities add up to county.fundingSek exactly. */
  fundingSek: number;
  sekPerInhabitant: number | null;
  /** SEK per funding source, whole SEK adding up to fundingSek. */
  bySource: Record<string, number>;
  flags: ReachFlag[];
};

export type ReachResult = {
  municipalities: MunicipalityReach[];
  county: {
    /** Efforts that count for the period (whether or not they reach a listed municipality). */
    effortCount: number;
    /** Money that reached the municipalities: the sum of their fundingSek. */
    fundingSek: number;
    /**
     * Money of the period's efforts that could not be placed on a listed municipality (an effort
     * without reach, shares not adding up to 100 %, an unknown area code). fundingSek +
     * unallocatedSek = all funding of the period's efforts in the period, rounded. 0 for clean data.
     */
    unallocatedSek: number;
    /** Sum of the known populations. */
    population: number;
    sekPerInhabitant: number | null;
  };
  flagged: Array<{ code: string; name: string; flags: ReachFlag[] }>;
};

export const DEFAULT_LOW_SHARE_OF_COUNTY_LEVEL = 0.5;

/** Breakdown rows for efforts without any priority, strength area or named financier. */
export const UNASSIGNED_KEY = '(none)';

type Funding = ReachEffort['funding'][number];

/**
 * An effort counts for [from, to] if it has funding in a year within it, or if its years overlap
 * it (a missing start or end year is open). Funding rows outside the period are ignored.
 */
export function effortInPeriod(effort: ReachEffort, from: number, to: number): boolean {
  if (effort.funding.some((f) => f.year >= from && f.year <= to)) return true;
  return (
    (effort.startYear ?? Number.NEGATIVE_INFINITY) <= to &&
    (effort.endYear ?? Number.POSITIVE_INFINITY) >= from
  );
}

const fundingInPeriod = (effort: ReachEffort, from: number, to: number): Funding[] =>
  effort.funding.filter((f) => f.year >= from && f.year <= to);

/**
 * Rounds exact amounts to whole numbers that add up to `total` exactly (largest remainder): each
 * is floored, and the units left go to the largest fractional parts (ties: larger amount, then
 * key). With `total` = the rounded sum, no amount moves by a whole unit or more.
 */
export function roundToTotal<K>(items: Array<{ key: K; exact: number }>, total: number): Map<K, number> {
  const rows = items.map((it, index) => ({ ...it, index, whole: Math.floor(it.exact) }));
  const n = rows.length;
  if (n === 0) return new Map();
  const byRemainder = [...rows].sort(
    (a, b) => b.exact - b.whole - (a.exact - a.whole) || b.exact - a.exact || a.index - b.index,
  );
  let left = total - rows.reduce((s, r) => s + r.whole, 0);
  // Units left go to the largest remainders; should the total ever be below the floors (it is
  // not when total is the rounded sum), units are taken from the smallest remainders instead.
  for (let i = 0; left > 0; i++, left--) (byRemainder[i % n] as (typeof rows)[number]).whole += 1;
  for (let i = 0; left < 0; i++, left++) (byRemainder[n - 1 - (i % n)] as (typeof rows)[number]).whole -= 1;
  return new Map(rows.map((r) => [r.key, r.whole]));
}

/**
 * Per municipality: the efforts that reach it and the money that comes with them.
 *
 * A whole-county effort reaches every municipality and is spread by population (largest
 * remainder in hundredths of a percent, `spreadByPopulation`; a missing population counts as 0).
 * Otherwise an effort reaches the municipalities in its reach list with a share above zero.
 * A municipality's money is Σ amount × share / 10 000 over the period's funding rows, kept exact
 * and rounded once at the end so that the whole SEK of the municipalities add up to the county
 * total exactly.
 *
 * SEK per inhabitant: fundingSek / population (null without a population); the county level is
 * the county total over the sum of known populations. Flags: not_reached when no effort reaches
 * the municipality; far_below_county when it is reached but gets less than
 * lowShareOfCountyLevel (default ½) × the county level per inhabitant.
 * Municipalities are sorted by name in Swedish order. Throws a RangeError when from > to.
 */
export function reachByMunicipality(input: ReachInput): ReachResult {
  const { municipalities, from, to } = input;
  if (from > to) throw new RangeError(`the period starts (${from}) after it ends (${to})`);
  const lowShare = input.lowShareOfCountyLevel ?? DEFAULT_LOW_SHARE_OF_COUNTY_LEVEL;
  const known = new Set(municipalities.map((m) => m.code));
  const countySpread = spreadByPopulation(
    municipalities.map((m) => ({ areaCode: m.code, population: m.population ?? 0 })),
  );

  // Exact money as numerators (amount × hundredths; whole numbers for whole-SEK amounts) per
  // municipality and source, divided by FULL_SHARE only when rounding.
  const numerators = new Map<string, Map<string, number>>(municipalities.map((m) => [m.code, new Map()]));
  const effortCounts = new Map<string, number>(municipalities.map((m) => [m.code, 0]));
  let effortCount = 0;
  let periodFunding = 0;

  for (const effort of input.efforts) {
    if (!effortInPeriod(effort, from, to)) continue;
    effortCount += 1;
    const shares = effort.wholeCounty ? countySpread : mergeShares(effort.reach, known);
    const rows = fundingInPeriod(effort, from, to);
    periodFunding += rows.reduce((s, f) => s + f.amountSek, 0);
    const reached = new Set<string>();
    for (const { areaCode, shareHundredths } of shares) {
      if (effort.wholeCounty || shareHundredths > 0) reached.add(areaCode);
      const bySource = numerators.get(areaCode);
      if (!bySource) continue;
      for (const f of rows) {
        bySource.set(f.source, (bySource.get(f.source) ?? 0) + f.amountSek * shareHundredths);
      }
    }
    for (const code of reached) effortCounts.set(code, (effortCounts.get(code) ?? 0) + 1);
  }

  const totalNumerator = [...numerators.values()].reduce(
    (s, bySource) => s + [...bySource.values()].reduce((t, n) => t + n, 0),
    0,
  );
  const fundingSek = Math.round(totalNumerator / FULL_SHARE);
  const perMunicipality = roundToTotal(
    municipalities.map((m) => ({
      key: m.code,
      exact: [...(numerators.get(m.code)?.values() ?? [])].reduce((s, n) => s + n, 0) / FULL_SHARE,
    })),
    fundingSek,
  );
  const population = municipalities.reduce((s, m) => s + Math.max(0, m.population ?? 0), 0);
  const countyLevel = population > 0 ? fundingSek / population : null;

  const rows: MunicipalityReach[] = municipalities.map((m) => {
    const money = perMunicipality.get(m.code) ?? 0;
    const sources = [...(numerators.get(m.code) ?? new Map<string, number>())]
      .filter(([, n]) => n !== 0)
      .map(([key, n]) => ({ key, exact: n / FULL_SHARE }));
    const bySource = Object.fromEntries(roundToTotal(sources, money));
    const count = effortCounts.get(m.code) ?? 0;
    const sekPerInhabitant = m.population && m.population > 0 ? money / m.population : null;
    const flags: ReachFlag[] = [];
    if (count === 0) flags.push('not_reached');
    else if (sekPerInhabitant !== null && countyLevel !== null && sekPerInhabitant < lowShare * countyLevel) {
      flags.push('far_below_county');
    }
    return {
      code: m.code,
      name: m.name,
      population: m.population,
      effortCount: count,
      fundingSek: money,
      sekPerInhabitant,
      bySource,
      flags,
    };
  });
  rows.sort((a, b) => compareSwedish(a.name, b.name) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));

  return {
    municipalities: rows,
    county: {
      effortCount,
      fundingSek,
      unallocatedSek: Math.round(periodFunding) - fundingSek,
      population,
      sekPerInhabitant: countyLevel,
    },
    flagged: rows
      .filter((r) => r.flags.length > 0)
      .map((r) => ({ code: r.code, name: r.name, flags: r.flags })),
  };
}

/** An effort's own reach, one row per listed municipality (a code given twice is added up). */
function mergeShares(
  reach: ReachEffort['reach'],
  known: Set<string>,
): Array<{ areaCode: string; shareHundredths: number }> {
  const merged = new Map<string, number>();
  for (const r of reach) {
    if (known.has(r.areaCode)) merged.set(r.areaCode, (merged.get(r.areaCode) ?? 0) + r.shareHundredths);
  }
  return [...merged].map(([areaCode, shareHundredths]) => ({ areaCode, shareHundredths }));
}

export type BreakdownRow = { key: string; label?: string; effortCount: number; fundingSek: number };

/**
 * The period's efforts and money per priority, strength area, financier or funding source.
 *
 * priority / strengthArea: an effort counts, with all its funding in the period, under each of
 * its priorities (strength areas), so with several per effort the rows add up to more than the
 * total; efforts without any come under UNASSIGNED_KEY. Labels are left to the caller.
 * financier / source: each funding row counts once, under its financier (its id; a name-only
 * financier under "name:<name>", no financier under UNASSIGNED_KEY; label = the name) or its
 * source, so these rows add up to the total exactly; an effort counts under each financier
 * (source) with funding in the period.
 * Sorted by money, then effort count, then key. Throws a RangeError when from > to.
 */
export function reachBreakdown(
  input: ReachInput,
  by: 'priority' | 'strengthArea' | 'financier' | 'source',
): BreakdownRow[] {
  const { from, to } = input;
  if (from > to) throw new RangeError(`the period starts (${from}) after it ends (${to})`);
  const groups = new Map<string, { label?: string; efforts: Set<string>; exact: number }>();
  const add = (key: string, effortId: string, amount: number, label?: string | null) => {
    const g = groups.get(key) ?? { efforts: new Set<string>(), exact: 0 };
    g.efforts.add(effortId);
    g.exact += amount;
    if (label && g.label === undefined) g.label = label;
    groups.set(key, g);
  };

  for (const effort of input.efforts) {
    if (!effortInPeriod(effort, from, to)) continue;
    const rows = fundingInPeriod(effort, from, to);
    if (by === 'priority' || by === 'strengthArea') {
      const ids = new Set(by === 'priority' ? effort.priorityIds : effort.strengthAreaIds);
      const total = rows.reduce((s, f) => s + f.amountSek, 0);
      for (const id of ids.size > 0 ? ids : [UNASSIGNED_KEY]) add(id, effort.id, total);
    } else {
      for (const f of rows) {
        if (by === 'source') add(f.source, effort.id, f.amountSek);
        else {
          const key = f.financierId ?? (f.financierName ? `name:${f.financierName}` : UNASSIGNED_KEY);
          add(key, effort.id, f.amountSek, f.financierName);
        }
      }
    }
  }

  const entries = [...groups];
  const partition = by === 'financier' || by === 'source';
  const rounded = partition
    ? roundToTotal(
        entries.map(([key, g]) => ({ key, exact: g.exact })),
        Math.round(entries.reduce((s, [, g]) => s + g.exact, 0)),
      )
    : new Map(entries.map(([key, g]) => [key, Math.round(g.exact)]));
  return entries
    .map(([key, g]) => ({
      key,
      ...(g.label !== undefined ? { label: g.label } : {}),
      effortCount: g.efforts.size,
      fundingSek: rounded.get(key) ?? 0,
    }))
    .sort((a, b) => b.fundingSek - a.fundingSek || b.effortCount - a.effortCount || (a.key < b.key ? -1 : 1));
}
