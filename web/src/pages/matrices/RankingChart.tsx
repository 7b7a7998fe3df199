import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../components/EChart';
import type { EChartsOption } from '../../components/echarts';
import { escapeHtml } from '../../components/echarts';
import { TableScroll } from '../../components/TableScroll';
import { formatNumber } from '../../lib/format';
import { formatScore, type Matrix } from './api';
import { useNarrow } from './useNarrow';

const DIRECT = '#01665e';
const INDIRECT = '#5ab4ac';

/**
 * The nodes ranked by combined score (row sum + second-order influence): a stacked bar chart of
 * the two parts, a table with every measure, and what each measure means in plain words.
 */
export function RankingChart({ matrix }: { matrix: Matrix }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const narrow = useNarrow();
  const labelOf = new Map(matrix.nodes.map((n) => [n.id, n.label]));
  const ranked = useMemo(
    () =>
      [...matrix.measures].sort(
        (a, b) =>
          a.rank - b.rank ||
          matrix.nodes.findIndex((n) => n.id === a.nodeId) - matrix.nodes.findIndex((n) => n.id === b.nodeId),
      ),
    [matrix],
  );
  const n = (value: number) => formatNumber(value, lang);

  // biome-ignore lint/correctness/useExhaustiveDependencies: labelOf and n follow matrix and lang
  const option = useMemo<EChartsOption>(() => {
    const names = ranked.map((m) => labelOf.get(m.nodeId) ?? '');
    return {
      animation: false,
      grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
      legend: { top: 0, left: 0, textStyle: { color: '#14212b' } },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (params: unknown) => {
          const list = params as Array<{ dataIndex: number }>;
          const m = ranked[list[0]?.dataIndex ?? 0];
          if (!m) return '';
          return [
            `<strong>${escapeHtml(`${m.rank}. ${labelOf.get(m.nodeId) ?? ''}`)}</strong>`,
            `${escapeHtml(t('matrices.measures.rowSum'))}: ${n(m.rowSum)}`,
            `${escapeHtml(t('matrices.measures.secondOrder'))}: ${n(m.secondOrder)}`,
            `${escapeHtml(t('matrices.measures.combined'))}: ${n(m.combinedScore)}`,
          ].join('<br>');
        },
      },
      xAxis: {
        type: 'value',
        axisLabel: { color: '#3b4a57', formatter: (v: number) => n(v) },
      },
      yAxis: {
        type: 'category',
        inverse: true,
        data: names,
        axisLabel: {
          color: '#14212b',
          width: narrow ? 110 : 240,
          overflow: 'truncate',
          formatter: (value: string, index: number) => `${ranked[index]?.rank ?? ''}. ${value}`,
        },
      },
      series: [
        {
          name: t('matrices.measures.rowSum'),
          type: 'bar',
          stack: 'combined',
          itemStyle: { color: DIRECT },
          data: ranked.map((m) => m.rowSum),
        },
        {
          name: t('matrices.measures.secondOrder'),
          type: 'bar',
          stack: 'combined',
          itemStyle: { color: INDIRECT },
          data: ranked.map((m) => m.secondOrder),
        },
      ],
    };
  }, [ranked, narrow, lang, t]);

  const signed = (positive: number, negative: number) =>
    t('matrices.ranking.split', {
      positive: formatScore(positive, lang),
      negative: formatScore(negative, lang),
    });

  return (
    <>
      <EChart
        option={option}
        label={t('matrices.ranking.chartLabel')}
        height={Math.max(220, 60 + ranked.length * 30)}
        testId="ranking-chart"
      />
      <TableScroll label={t('matrices.ranking.caption')}>
        <table className="data-table ranking-table" data-testid="ranking-table">
          <caption>{t('matrices.ranking.caption')}</caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                {t('matrices.measures.rank')}
              </th>
              <th scope="col">{t('matrices.measures.node')}</th>
              <th scope="col" className="num">
                {t('matrices.measures.rowSum')}
              </th>
              <th scope="col" className="num">
                {t('matrices.measures.columnSum')}
              </th>
              <th scope="col" className="num">
                {t('matrices.measures.secondOrder')}
              </th>
              <th scope="col" className="num">
                {t('matrices.measures.combined')}
              </th>
            </tr>
          </thead>
          <tbody>
            {ranked.map((m) => (
              <tr key={m.nodeId}>
                <td className="num">{m.rank}</td>
                <th scope="row" lang="sv">
                  {labelOf.get(m.nodeId)}
                </th>
                <td className="num">
                  <strong>{n(m.rowSum)}</strong>{' '}
                  <span className="measure-split">{signed(m.rowPositive, m.rowNegative)}</span>
                </td>
                <td className="num">
                  <strong>{n(m.columnSum)}</strong>{' '}
                  <span className="measure-split">{signed(m.columnPositive, m.columnNegative)}</span>
                </td>
                <td className="num">{n(m.secondOrder)}</td>
                <td className="num">
                  <strong>{n(m.combinedScore)}</strong>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <dl className="measure-help">
        <div>
          <dt>{t('matrices.measures.rowSum')}</dt>
          <dd>{t('matrices.ranking.help.rowSum')}</dd>
        </div>
        <div>
          <dt>{t('matrices.measures.columnSum')}</dt>
          <dd>{t('matrices.ranking.help.columnSum')}</dd>
        </div>
        <div>
          <dt>{t('matrices.measures.secondOrder')}</dt>
          <dd>{t('matrices.ranking.help.secondOrder')}</dd>
        </div>
        <div>
          <dt>{t('matrices.measures.combined')}</dt>
          <dd>{t('matrices.ranking.help.combined')}</dd>
        </div>
      </dl>
    </>
  );
}
