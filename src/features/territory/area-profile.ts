/**
 * A municipality's (or the county's) profile: key indicators with traffic lights and trends,
 * the efforts that reach it and the money per inhabitant, and the development where efforts
 * work — effort results next to context indicators since the efforts began. It is called
 * development, not effect: nothing here shows that the efforts caused the change.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/connection.ts';
import * as t from '../../db/schema.ts';
import { notFound } from '../../server/problem.ts';
import { compareSwedish } from '../../shared/text.ts';
import type { ReadScope } from '../access/permissions.ts';
import { trafficLight } from '../indicators/analysis/traffic-light.ts';
import { presentIndicator } from '../indicators/indicators-service.ts';
import { sumEffortResults } from './effort-results.ts';
import { reachByMunicipality } from './reach-analysis.ts';
import { loadReachEfforts, reachMunicipalities } from './reach-service.ts';

const TREND_YEARS = 10;
/** The profile lists this many efforts by name; the count and money cover them all. */
const MAX_LISTED_EFFORTS = 200;

type Point = { year: number; value: number };

/** Value at the latest year not after `year`, else the first one after it. */
export function valueAtOrBefore(series: Point[], year: number): Point | undefined {
  let found: Point | undefined;
  for (const p of series) if (p.year <= year) found = p;
  return found ?? series.find((p) => p.year > year);
}

export async function areaProfile(
  db: Executor,
  regionCode: string,
  scope: ReadScope,
  code: string,
  period: { from: number; to: number },
) {
  const [area] = await db
    .select()
    .from(t.areas)
    .where(and(eq(t.areas.code, code), eq(t.areas.regionCode, regionCode)));
  if (!area || area.type === 'sameby')
    throw notFound(`No municipality or county with code ${code.slice(0, 20)}`);
  const isCounty = area.type === 'county';

  // All total values of the area, the county and Sweden: one query on the area index, one row per
  // series with its points in year order (moving 20 000 single rows out of the database costs more
  // than the query itself).
  const compareCodes = [...new Set([code, regionCode, 'SE'])];
  const v = t.indicatorValues;
  const [indicatorRows, seriesRows] = await Promise.all([
    db.select().from(t.indicators),
    db
      .select({
        indicatorId: v.indicatorId,
        areaCode: v.areaCode,
        points: sql<
          Array<[number, number]>
        >`json_agg(json_build_array(${v.year}, ${v.value}) order by ${v.year})`,
      })
      .from(v)
      .where(and(eq(v.regionCode, regionCode), inArray(v.areaCode, compareCodes), eq(v.sex, 'total')))
      .groupBy(v.areaCode, v.indicatorId),
  ]);
  const series = new Map<string, Point[]>(
    seriesRows.map((r) => [
      `${r.indicatorId}|${r.areaCode}`,
      r.points.map(([year, value]) => ({ year: Number(year), value: Number(value) })),
    ]),
  );
  const indicators = indicatorRows
    .filter((i) => series.has(`${i.id}|${code}`))
    .map((i) => {
      const own = series.get(`${i.id}|${code}`) ?? [];
      const latest = own.at(-1) ?? null;
      const county = isCounty ? undefined : series.get(`${i.id}|${regionCode}`);
      const sweden = series.get(`${i.id}|SE`);
      return {
        indicator: presentIndicator(i),
        latest,
        county: latest && county ? (county.find((p) => p.year === latest.year) ?? null) : null,
        sweden: latest && sweden ? (sweden.find((p) => p.year === latest.year) ?? null) : null,
        trafficLight: trafficLight({
          series: own,
          polarity: i.polarity,
          // A municipality's count (inhabitants, firms) is not comparable with Sweden's.
          national: i.aggregation === 'sum' && code !== 'SE' ? undefined : sweden,
          areaName: area.name,
        }),
        trend: own.slice(-TREND_YEARS),
      };
    })
    .sort((a, b) =>
      compareSwedish(a.indicator.title.sv ?? a.indicator.id, b.indicator.title.sv ?? b.indicator.id),
    );

  // Efforts and money: the reach analysis for the period, read for this area.
  const [efforts, municipalities] = await Promise.all([
    loadReachEfforts(db, regionCode, scope, period),
    reachMunicipalities(db, regionCode, period.to),
  ]);
  const reach = reachByMunicipality({ efforts, municipalities, ...period });
  const own = isCounty ? null : reach.municipalities.find((m) => m.code === code);
  const reaching = efforts.filter(
    (e) => isCounty || e.wholeCounty || e.reach.some((r) => r.areaCode === code && r.shareHundredths > 0),
  );

  // Development where efforts work: results the efforts report for this area, and the context
  // indicators from the year the first of them began.
  const since = reaching.reduce<number | null>(
    (min, e) => (e.startYear !== null && (min === null || e.startYear < min) ? e.startYear : min),
    null,
  );
  const resultRows =
    reaching.length === 0
      ? []
      : await db
          .select({
            indicatorId: t.effortIndicators.id,
            effortId: t.effortIndicators.effortId,
            name: t.effortIndicators.name,
            unit: t.effortIndicators.unit,
            kind: t.effortIndicators.kind,
            period: t.effortIndicatorValues.period,
            areaCode: t.effortIndicatorValues.areaCode,
            actual: t.effortIndicatorValues.actual,
          })
          .from(t.effortIndicatorValues)
          .innerJoin(t.effortIndicators, eq(t.effortIndicators.id, t.effortIndicatorValues.indicatorId))
          .where(
            and(
              inArray(
                t.effortIndicators.effortId,
                reaching.map((e) => e.id),
              ),
              eq(t.effortIndicatorValues.sex, 'total'),
            ),
          );
  const results = sumEffortResults(
    resultRows.map((r) => ({ ...r, actual: Number(r.actual) })),
    { code, isCounty },
  );
  const context =
    since === null
      ? []
      : indicators.flatMap((i) => {
          const s = series.get(`${i.indicator.id}|${code}`) ?? [];
          const start = valueAtOrBefore(s, since);
          const end = s.at(-1);
          if (!start || !end || end.year <= start.year) return [];
          return [
            {
              indicatorId: i.indicator.id,
              title: i.indicator.title,
              unit: i.indicator.unit,
              polarity: i.indicator.polarity,
              from: start,
              to: end,
              change: end.value - start.value,
            },
          ];
        });

  return {
    area: { code: area.code, name: area.name, type: area.type as 'county' | 'municipality' },
    period,
    indicators,
    efforts: {
      count: reaching.length,
      items: reaching
        .map((e) => ({
          id: e.id,
          title: e.title,
          wholeCounty: e.wholeCounty,
          sharePercent:
            isCounty || e.wholeCounty
              ? null
              : (e.reach.find((r) => r.areaCode === code)?.shareHundredths ?? 0) / 100,
        }))
        .sort((a, b) => compareSwedish(a.title, b.title))
        .slice(0, MAX_LISTED_EFFORTS),
      fundingSek: own ? own.fundingSek : reach.county.fundingSek,
      sekPerInhabitant: own ? own.sekPerInhabitant : reach.county.sekPerInhabitant,
      countySekPerInhabitant: reach.county.sekPerInhabitant,
      flags: own?.flags ?? [],
    },
    development: { since, results, context },
  };
}
