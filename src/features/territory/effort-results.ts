/**
 * What efforts report for an area, summed by indicator (pure). Efforts report values per period
 * (a year, or part of one: "2025-H1"), for the effort as a whole (area "") or per municipality.
 * Summing all rows would count the same result twice, so for each effort indicator:
 *  - a municipality uses its own rows; the county uses the whole-effort rows, or, when an
 *    indicator has none, the sum of its municipality rows;
 *  - yearly rows are used when there are any, otherwise the part-year rows.
 */
export type EffortResultRow = {
  indicatorId: string;
  effortId: string;
  name: string;
  unit: string;
  kind: 'output' | 'result';
  period: string;
  areaCode: string;
  actual: number;
};

export type EffortResultSum = {
  name: string;
  unit: string;
  kind: 'output' | 'result';
  total: number;
  efforts: number;
};

const isYear = (period: string) => /^\d{4}$/.test(period);

export function sumEffortResults(rows: EffortResultRow[], area: { code: string; isCounty: boolean }) {
  const byIndicator = new Map<string, EffortResultRow[]>();
  for (const r of rows) {
    const list = byIndicator.get(r.indicatorId);
    if (list) list.push(r);
    else byIndicator.set(r.indicatorId, [r]);
  }
  const sums = new Map<string, EffortResultSum & { effortIds: Set<string> }>();
  for (const list of byIndicator.values()) {
    let chosen: EffortResultRow[];
    if (area.isCounty) {
      const whole = list.filter((r) => r.areaCode === '');
      chosen = whole.length > 0 ? whole : list;
    } else {
      chosen = list.filter((r) => r.areaCode === area.code);
    }
    if (chosen.some((r) => isYear(r.period))) chosen = chosen.filter((r) => isYear(r.period));
    const first = chosen[0];
    if (!first) continue;
    const key = JSON.stringify([first.kind, first.name, first.unit]);
    const sum = sums.get(key) ?? {
      name: first.name,
      unit: first.unit,
      kind: first.kind,
      total: 0,
      efforts: 0,
      effortIds: new Set<string>(),
    };
    for (const r of chosen) sum.total += r.actual;
    sum.effortIds.add(first.effortId);
    sums.set(key, sum);
  }
  return [...sums.values()]
    .map(({ effortIds, ...s }) => ({ ...s, efforts: effortIds.size }))
    .sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name, 'sv'));
}
