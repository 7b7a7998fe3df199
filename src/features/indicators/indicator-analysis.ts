/**
 * Loads what the pure analyses need (values, populations, targets) and runs them: disparity
 * between the region's municipalities over the years, progress toward a target, traffic lights.
 */
import type { Executor } from '../../db/connection.ts';
import type { Sex } from '../../db/schema.ts';
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
  const result = progress({
    series,
    polarity: indicator.polarity,
    baseYear: target?.baseYear ?? undefined,
    target: target ? { value: target.value, year: target.year } : null,
  });
  const light = trafficLight({
    series,
    polarity: indicator.polarity,
    national: q.area === 'SE' ? undefined : seriesOf(national),
  });
  return { area: q.area, sex: q.sex, target, progress: result, trafficLight: light, series };
}
