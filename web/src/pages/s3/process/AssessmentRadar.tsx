import { RadarChart } from 'echarts/charts';
import { RadarComponent } from 'echarts/components';
import { useMemo } from 'react';
import { EChart } from '../../../components/EChart';
import { type EChartsOption, echarts } from '../../../components/echarts';
import { useNarrow } from '../../matrices/useNarrow';
import { formatScore } from './labels';

echarts.use([RadarChart, RadarComponent]);

export const LATEST_COLOUR = '#12507a';
export const EARLIER_COLOUR = '#b35806';

type Series = { name: string; values: Array<number | null> };

/**
 * The six steps' mean scores (0–5) as a spider chart: the latest assessment as a solid line with
 * round points, the earlier one dashed with square points, so the two differ by more than colour.
 * The same numbers are in the table beside it.
 */
export function AssessmentRadar({
  axes,
  latest,
  earlier,
  label,
  lang,
}: {
  axes: string[];
  latest: Series;
  earlier: Series | undefined;
  label: string;
  lang: string;
}) {
  const narrow = useNarrow();
  const option = useMemo<EChartsOption>(() => {
    const data = [
      {
        name: latest.name,
        value: latest.values.map((v) => v ?? 0),
        symbol: 'circle',
        symbolSize: 7,
        lineStyle: { width: 2.5, color: LATEST_COLOUR },
        itemStyle: { color: LATEST_COLOUR },
        areaStyle: { color: LATEST_COLOUR, opacity: 0.12 },
      },
      ...(earlier
        ? [
            {
              name: earlier.name,
              value: earlier.values.map((v) => v ?? 0),
              symbol: 'rect',
              symbolSize: 7,
              lineStyle: { width: 2, type: 'dashed' as const, color: EARLIER_COLOUR },
              itemStyle: { color: EARLIER_COLOUR },
            },
          ]
        : []),
    ];
    return {
      animation: false,
      legend: {
        bottom: 0,
        data: data.map((d) => ({ name: d.name, icon: d.symbol })),
        textStyle: { color: '#14212b', fontSize: 13 },
      },
      tooltip: {
        trigger: 'item',
        valueFormatter: (v: unknown) => (typeof v === 'number' ? formatScore(v, lang) : String(v)),
      },
      radar: {
        indicator: axes.map((name) => ({ name, min: 0, max: 5 })),
        splitNumber: 5,
        // As large as the axis names beside it allow; on a phone the chart takes the full width.
        radius: narrow ? '62%' : '70%',
        center: ['50%', narrow ? '45%' : '47%'],
        // On a phone the names go on two lines ("6." above "Uppföljning") to leave room for the chart.
        axisName: {
          color: '#14212b',
          fontSize: narrow ? 11 : 12,
          lineHeight: narrow ? 14 : 16,
          formatter: (name?: string) => (narrow ? (name ?? '').replace('. ', '.\n') : (name ?? '')),
        },
        splitLine: { lineStyle: { color: '#d5dde4' } },
        splitArea: { show: false },
        axisLine: { lineStyle: { color: '#b5c2cc' } },
      },
      series: [{ type: 'radar', data }],
    };
  }, [axes, latest, earlier, lang, narrow]);
  return (
    <EChart
      option={option}
      label={label}
      height={narrow ? 380 : 460}
      testId="s3-radar"
      className="s3p-radar"
    />
  );
}
