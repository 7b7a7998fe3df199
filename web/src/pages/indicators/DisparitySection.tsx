import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../components/EChart';
import type { EChartsOption } from '../../components/echarts';
import { TableScroll } from '../../components/TableScroll';
import { formatNumber } from '../../lib/format';
import { type Disparity, downloadUrl, type Indicator, type Sex } from './api';
import { MEASURES, type MeasureKey, measureOf, serverLang, titleOf } from './labels';
import { SourceLine } from './SourceLine';

const CHARTED: MeasureKey[] = ['cv', 'williamson', 'gini', 'giniWeighted', 'theil', 'theilWeighted'];
const round = (v: number) => Math.round(v * 1000) / 1000;

/** "2018, 2019, 2021–2023": consecutive years as a range. */
export function yearRanges(years: number[]): string {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && (sorted[j + 1] as number) === (sorted[j] as number) + 1) j++;
    parts.push(j - i >= 2 ? `${sorted[i]}–${sorted[j]}` : sorted.slice(i, j + 1).join(', '));
    i = j + 1;
  }
  return parts.join(', ');
}

/** How unequal the municipalities are, year by year: chart, table with reasons, explanations. */
export function DisparitySection({
  indicator,
  disparity,
  sex,
}: {
  indicator: Indicator;
  disparity: Disparity;
  sex: Sex;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const years = disparity.years;
  // One line per reason, naming the years and measures it applies to (not one per cell).
  const reasons = new Map<string, { years: Set<number>; measures: Set<MeasureKey> }>();
  for (const y of years) {
    for (const key of MEASURES) {
      const m = measureOf(y, key);
      if (m.value !== null || !m.reason) continue;
      const entry = reasons.get(m.reason) ?? { years: new Set<number>(), measures: new Set<MeasureKey>() };
      entry.years.add(y.year);
      entry.measures.add(key);
      reasons.set(m.reason, entry);
    }
  }

  const option = useMemo<EChartsOption>(
    () => ({
      animation: false,
      grid: { left: 8, right: 24, top: 56, bottom: 8, containLabel: true },
      legend: { top: 0, type: 'scroll', textStyle: { color: '#1f3547' } },
      tooltip: {
        trigger: 'axis',
        backgroundColor: '#ffffff',
        borderColor: '#0b3a5b',
        textStyle: { color: '#102a3c' },
        valueFormatter: (v: unknown) => (typeof v === 'number' ? formatNumber(round(v), lang) : '–'),
      },
      xAxis: { type: 'category', data: years.map((y) => String(y.year)), axisLabel: { color: '#1f3547' } },
      yAxis: {
        type: 'value',
        axisLabel: { color: '#1f3547', formatter: (v: number) => formatNumber(v, lang) },
        splitLine: { lineStyle: { color: '#e3e9ee' } },
      },
      series: CHARTED.map((key, i) => ({
        type: 'line',
        name: t(`indicators.measure.${key}`),
        symbol: ['circle', 'rect', 'triangle', 'diamond', 'roundRect', 'pin'][i],
        symbolSize: 7,
        lineStyle: { type: key.endsWith('Weighted') || key === 'williamson' ? 'dashed' : 'solid' },
        itemStyle: { color: ['#0b3a5b', '#0b3a5b', '#8a4b08', '#8a4b08', '#2f7d32', '#2f7d32'][i] },
        data: years.map((y) => measureOf(y, key).value),
      })),
    }),
    [years, lang, t],
  );

  const query = { sex };
  const path = `/api/v1/indicators/${encodeURIComponent(indicator.id)}/disparity`;
  return (
    <section className="section" aria-labelledby="disparity-title">
      <h2 id="disparity-title">{t('indicators.disparity.title')}</h2>
      <p>{t('indicators.disparity.lead', { count: disparity.municipalityCount })}</p>
      {years.length === 0 ? (
        <p>{t('indicators.noValues')}</p>
      ) : (
        <>
          <EChart
            option={option}
            label={t('indicators.disparity.label', { title: titleOf(indicator, lang) })}
            testId="disparity-chart"
          />
          <TableScroll label={t('indicators.disparity.caption', { title: titleOf(indicator, lang) })}>
            <table className="data-table" data-testid="disparity-table">
              <caption>{t('indicators.disparity.caption', { title: titleOf(indicator, lang) })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('indicators.year')}</th>
                  <th scope="col" className="num">
                    {t('indicators.disparity.n')}
                  </th>
                  {MEASURES.map((key) => (
                    <th key={key} scope="col" className="num">
                      {t(`indicators.measure.${key}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {years.map((y) => (
                  <tr key={y.year}>
                    <th scope="row">{y.year}</th>
                    <td className="num">{y.n}</td>
                    {MEASURES.map((key) => {
                      const m = measureOf(y, key);
                      return (
                        <td key={key} className="num" title={m.reason}>
                          {m.value === null ? (
                            <>
                              <span aria-hidden="true">–</span>
                              <span className="visually-hidden" lang={m.reason ? serverLang : undefined}>
                                {m.reason ?? t('indicators.disparity.missing')}
                              </span>
                            </>
                          ) : (
                            formatNumber(round(m.value), lang)
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          {reasons.size > 0 ? (
            <div className="note">
              <p>{t('indicators.disparity.refused')}</p>
              <ul>
                {[...reasons].slice(0, 8).map(([reason, { years: ys, measures }]) => (
                  <li key={reason}>
                    {yearRanges([...ys])}:{' '}
                    {measures.size === MEASURES.length
                      ? t('indicators.disparity.allMeasures')
                      : [...measures].map((k) => t(`indicators.measure.${k}`)).join(', ')}{' '}
                    – <span lang={serverLang}>{reason}</span>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <p className="downloads">
            {t('indicators.download')}:{' '}
            <a href={downloadUrl(path, query, 'csv')} download>
              CSV
            </a>{' '}
            ·{' '}
            <a href={downloadUrl(path, query, 'xlsx')} download>
              Excel
            </a>
          </p>
        </>
      )}
      <details className="table-details">
        <summary>{t('indicators.disparity.explainTitle')}</summary>
        <dl className="explain">
          {MEASURES.map((key) => (
            <div key={key}>
              <dt>{t(`indicators.measure.${key}`)}</dt>
              <dd>{t(`indicators.measureHelp.${key}`)}</dd>
            </div>
          ))}
        </dl>
      </details>
      <SourceLine indicator={indicator} extra={t('indicators.disparity.populationSource')} />
    </section>
  );
}
