import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../components/EChart';
import type { EChartsOption } from '../../components/echarts';
import { TableScroll } from '../../components/TableScroll';
import { formatNumber } from '../../lib/format';
import type { Indicator, IndicatorValue } from './api';
import { titleOf } from './labels';
import { SourceLine } from './SourceLine';

type Props = {
  indicator: Indicator;
  values: IndicatorValue[];
  names: Map<string, string>;
  countyCode: string;
  /** Municipalities drawn next to the county and Sweden. */
  selected: string[];
  onSelected: (codes: string[]) => void;
  municipalities: Array<{ code: string; name: string }>;
};

/** The county, Sweden and chosen municipalities over the years; the numbers also as a table. */
export function SeriesChart({
  indicator,
  values,
  names,
  countyCode,
  selected,
  onSelected,
  municipalities,
}: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const codes = [countyCode, 'SE', ...selected];
  const years = [...new Set(values.map((v) => v.year))].sort((a, b) => a - b);
  const nameOf = (code: string) => (code === 'SE' ? t('indicators.sweden') : (names.get(code) ?? code));
  const at = new Map(values.map((v) => [`${v.areaCode}|${v.year}`, v]));
  const hasPreliminary = values.some((v) => v.status === 'preliminary' && codes.includes(v.areaCode));

  // biome-ignore lint/correctness/useExhaustiveDependencies: derived from values, selection and language
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
        valueFormatter: (v: unknown) => (typeof v === 'number' ? formatNumber(v, lang) : String(v ?? '–')),
      },
      xAxis: {
        type: 'category',
        data: years.map(String),
        axisLabel: { color: '#1f3547' },
        axisLine: { lineStyle: { color: '#5b6f80' } },
      },
      yAxis: {
        type: 'value',
        scale: true,
        axisLabel: { color: '#1f3547', formatter: (v: number) => formatNumber(v, lang) },
        splitLine: { lineStyle: { color: '#e3e9ee' } },
      },
      series: codes.map((code, i) => ({
        type: 'line',
        name: nameOf(code),
        connectNulls: true,
        symbol: ['circle', 'rect', 'triangle', 'diamond', 'roundRect', 'pin'][i % 6],
        symbolSize: 7,
        lineStyle: { width: i < 2 ? 3 : 2, type: code === 'SE' ? 'dashed' : 'solid' },
        itemStyle: { color: ['#0b3a5b', '#8a4b08', '#3b9ba3', '#7a3e9d', '#2f7d32', '#b3261e'][i % 6] },
        data: years.map((y) => at.get(`${code}|${y}`)?.value ?? null),
      })),
    }),
    [values, selected, lang, countyCode],
  );

  return (
    <section className="section" aria-labelledby="series-title">
      <h2 id="series-title">{t('indicators.series.title')}</h2>
      <fieldset className="area-picker">
        <legend>{t('indicators.series.compare')}</legend>
        {municipalities.map((m) => (
          <label key={m.code} className="checkbox">
            <input
              type="checkbox"
              checked={selected.includes(m.code)}
              onChange={(e) =>
                onSelected(e.target.checked ? [...selected, m.code] : selected.filter((c) => c !== m.code))
              }
            />
            {m.name}
          </label>
        ))}
      </fieldset>
      {years.length === 0 ? (
        <p>{t('indicators.noValues')}</p>
      ) : (
        <EChart
          option={option}
          label={t('indicators.series.label', { title: titleOf(indicator, lang) })}
          testId="series-chart"
        />
      )}
      <details className="table-details">
        <summary>{t('indicators.series.asTable')}</summary>
        <TableScroll label={t('indicators.series.caption', { title: titleOf(indicator, lang) })}>
          <table className="data-table">
            <caption>{t('indicators.series.caption', { title: titleOf(indicator, lang) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('indicators.area')}</th>
                {years.map((y) => (
                  <th key={y} scope="col" className="num">
                    {y}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {codes.map((code) => (
                <tr key={code}>
                  <th scope="row">{nameOf(code)}</th>
                  {years.map((y) => {
                    const v = at.get(`${code}|${y}`);
                    return (
                      <td key={y} className="num">
                        {v ? formatNumber(v.value, lang) : '–'}
                        {v?.status === 'preliminary' ? '*' : ''}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </details>
      <SourceLine
        indicator={indicator}
        extra={hasPreliminary ? t('indicators.preliminaryNote') : undefined}
      />
    </section>
  );
}
