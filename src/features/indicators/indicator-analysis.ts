/**
 * Loads what the pure analyses need (values, populations, targets) and runs them: disparity
 * between the region's municipalities over the years, progress toward a target, traffic lights.
 */
import type { Executor } from '../../db/connection.ts';
import type { Sex } from '../../db/schema.ts';
import { notFound } from '../../server/problem.ts';
import { type AreaValue, disparityOverYears } from './analysis/disparity.ts';
import { progress } from './analysis/progress.ts';
import { trafficLight } from './analysis/traffic-light.ts';
import {
  findValues,
  getIndicatorRow,
  listTargets,
  populationLookup,
  regionAreas,
} from './indicators-service.ts';

export async function disparitySeries(
  db: Executor,
  regionCode: string,
  indicatorId: string,
  q: { from?: number; to?: number; sex: Sex },
) {
  const { municipalities } = await regionAreas(db, regionCode);
  const codes = municipalities.map((m) => m.code);
  const [values, population] = await Promise.all([
    findValues(db, regionCode, indicatorId, { areas: codes, sex: q.sex, from: q.from, to: q.to }),
    populationLookup(db, codes),
  ]);
  const byYear = new Map<number, AreaValue[]>();
  for (const v of values) {
    const list = byYear.get(v.year) ?? [];
    list.push({ areaCode: v.areaCode, value: v.value, population: population(v.areaCode, v.year) });
    byYear.set(v.year, list);
  }
  return { municipalityCount: codes.length, years: disparityOverYears(byYear) };
}

const seriesOf = (values: Array<{ year: number; value: number }>) =>
  values.map((v) => ({ year: v.year, value: v.value }));

/** Progress toward the area's target (or growth without one) and the traffic light. */
export async function progressFor(
  db: Executor,
  regionCode: string,
  indicatorId: string,
  q: { area: string; sex: Sex },
) {
  const indicator = await getIndicatorRow(db, indicatorId);
  const { names } = await regionAreas(db, regionCode);
  if (q.area !== 'SE' && !names.has(q.area)) {
    throw notFound(`No municipality or county with code ${q.area.slice(0, 20)} in this region`);
  }
  const [values, national, targets] = await Promise.all([
    findValues(db, regionCode, indicatorId, { areas: [q.area], sex: q.sex }),
    findValues(db, regionCode, indicatorId, { areas: ['SE'], sex: q.sex }),
    listTargets(db, regionCode, indicatorId),
  ]);
  const series = seriesOf(values);
  const latestYear = series.at(-1)?.year ?? 0;
  const ofArea = targets.filter((t) => t.areaCode === q.area && t.sex === q.sex);
  // The next target still ahead of the data, else the last one.
  const target = ofArea.find((t) => t.year >= latestYear) ?? ofArea.at(-1) ?? null;
  let result = progress({
    series,
    polarity: indicator.polarity,
    baseYear: target?.baseYear ?? undefined,
    target: target ? { value: target.value, year: target.year } : null,
  });
  if (target && latestYear > target.year && result.status !== 'target_achieved') {
    // The method measures the pace; say plainly that the deadline has passed.
    const passed = `The target year ${target.year} has passed without the target being met.`;
    result = { ...result, reason: result.reason ? `${passed} ${result.reason}` : passed };
  }
  const light = trafficLight({
    series,
    polarity: indicator.polarity,
    // Counts (inhabitants, firms) of an area are not comparable with Sweden's.
    national: q.area === 'SE' || indicator.aggregation === 'sum' ? undefined : seriesOf(national),
    areaName: q.area === 'SE' ? 'Sweden' : names.get(q.area),
  });
  return { area: q.area, sex: q.sex, target, progress: result, trafficLight: light, series };
}
