import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AreaDetail } from '../../api/client';
import { EChart } from '../../components/EChart';
import type { EChartsOption } from '../../components/echarts';
import { formatNumber } from '../../lib/format';

type Point = AreaDetail['populationSeries'][number];
type Row = { year: number; total?: number; women?: number; men?: number };

export function toRows(series: Point[]): Row[] {
  const byYear = new Map<number, Row>();
  for (const p of series) {
    const row = byYear.get(p.year) ?? { year: p.year };
    row[p.sex === 'total' ? 'total' : p.sex] = p.value;
    byYear.set(p.year, row);
  }
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

/** Population over time as a line chart, with the same numbers in a table. */
export function PopulationChart({ name, series }: { name: string; series: Point[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const rows = useMemo(() => toRows(series), [series]);
  const totals = rows.filter((r) => r.total !== undefined);
  const first = totals[0];
  const last = totals[totals.length - 1];
  const withSex = rows.filter((r) => r.women !== undefined || r.men !== undefined);

  const option = useMemo<EChartsOption>(() => {
    const sexLines = withSex.length >= 2;
    const line = (key: 'total' | 'women' | 'men', color: string, label: string) => ({
      type: 'line',
      name: label,
      data: rows.filter((r) => r[key] !== undefined).map((r) => [r.year, r[key]]),
      symbolSize: 8,
      lineStyle: { width: key === 'total' ? 3 : 2 },
      itemStyle: { color },
    });
    return {
      animation: false,
      grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
      legend: sexLines ? { top: 0, textStyle: { color: '#1f3547' } } : undefined,
      tooltip: {
        trigger: 'axis',
        backgroundColor: '#ffffff',
        borderColor: '#0b3a5b',
        textStyle: { color: '#102a3c' },
        valueFormatter: (v: unknown) => (typeof v === 'number' ? formatNumber(v, lang) : String(v)),
      },
      xAxis: {
        type: 'value',
        min: first?.year,
        max: last?.year,
        minInterval: 1,
        axisLabel: { color: '#1f3547', formatter: (v: number) => String(v) },
        axisLine: { lineStyle: { color: '#5b6f80' } },
        splitLine: { show: false },
      },
      yAxis: {
        type: 'value',
        scale: true,
        axisLabel: { color: '#1f3547', formatter: (v: number) => formatNumber(v, lang) },
        splitLine: { lineStyle: { color: '#e2e8ee' } },
      },
      series: [
        line('total', '#0b5570', t('municipality.total')),
        ...(sexLines
          ? [line('women', '#b0367a', t('municipality.women')), line('men', '#2f6fb3', t('municipality.men'))]
          : []),
      ],
    };
  }, [rows, withSex.length, first, last, lang, t]);

  if (rows.length === 0) return <p className="muted">{t('municipality.noSeries')}</p>;

  return (
    <div className="chart-block">
      <EChart
        option={option}
        height={320}
        label={t('municipality.chartLabel', {
          name,
          from: first?.year ?? '',
          to: last?.year ?? '',
          first: first?.total !== undefined ? formatNumber(first.total, lang) : '–',
          last: last?.total !== undefined ? formatNumber(last.total, lang) : '–',
        })}
        testId="population-chart"
      />
      <details className="table-details">
        <summary>{t('municipality.showTable')}</summary>
        <div className="table-wrap">
          <table className="data-table" data-testid="population-table">
            <caption>{t('municipality.tableCaption', { name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('municipality.year')}</th>
                <th scope="col" className="num">
                  {t('municipality.total')}
                </th>
                <th scope="col" className="num">
                  {t('municipality.women')}
                </th>
                <th scope="col" className="num">
                  {t('municipality.men')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.year}>
                  <th scope="row">{r.year}</th>
                  <td className="num">{r.total !== undefined ? formatNumber(r.total, lang) : '–'}</td>
                  <td className="num">{r.women !== undefined ? formatNumber(r.women, lang) : '–'}</td>
                  <td className="num">{r.men !== undefined ? formatNumber(r.men, lang) : '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
}
