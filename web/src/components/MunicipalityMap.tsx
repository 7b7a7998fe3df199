import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { AreaGeoJson } from '../api/client';
import { formatNumber } from '../lib/format';
import { EChart } from './EChart';
import { type EChartsInstance, type EChartsOption, ensureMap, escapeHtml, MAP_NAME } from './echarts';

export type MapFeatureInfo = {
  code: string;
  name: string;
  population: number | null;
  populationYear: number | null;
};

export function featureInfo(geojson: AreaGeoJson): MapFeatureInfo[] {
  return geojson.features.map((f) => ({
    code: String(f.properties.code ?? f.id),
    name: f.properties.name,
    population: f.properties.population ?? null,
    populationYear: f.properties.populationYear ?? null,
  }));
}

/** Population classes for the choropleth (inhabitants). */
const PIECES = [
  { lt: 7500, color: '#d6eeec' },
  { gte: 7500, lt: 12500, color: '#8fcfca' },
  { gte: 12500, lt: 25000, color: '#3b9ba3' },
  { gte: 25000, color: '#0b5570' },
];

type Props = {
  geojson: AreaGeoJson;
  label: string;
  /** Choropleth by population with tooltips and clicks, or one municipality highlighted. */
  mode: 'choropleth' | 'highlight';
  highlightCode?: string;
  /** Several municipalities to highlight (e.g. those an effort reaches). */
  highlightCodes?: string[];
  /** Municipality to highlight and show a tooltip for (keyboard focus / hover in the table). */
  activeCode?: string | null;
  onSelect?: (code: string) => void;
  onHover?: (code: string | null) => void;
  height?: number;
};

export function MunicipalityMap({
  geojson,
  label,
  mode,
  highlightCode,
  highlightCodes,
  activeCode,
  onSelect,
  onHover,
  height = 440,
}: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const chartRef = useRef<EChartsInstance | null>(null);
  const infos = useMemo(() => featureInfo(geojson), [geojson]);
  const byCode = useMemo(() => new Map(infos.map((i) => [i.code, i])), [infos]);
  const handlers = useRef({ onSelect, onHover });
  handlers.current = { onSelect, onHover };

  ensureMap(MAP_NAME, geojson);

  const option = useMemo<EChartsOption>(() => {
    const tooltipFor = (code: string): string => {
      const info = byCode.get(code);
      if (!info) return '';
      const pop =
        info.population == null
          ? t('map.noPopulation')
          : t('map.tooltipPopulation', {
              value: formatNumber(info.population, lang),
              year: info.populationYear ?? '',
            });
      return `<strong>${escapeHtml(info.name)}</strong><br/>${escapeHtml(pop)}`;
    };
    const base = {
      type: 'map',
      map: MAP_NAME,
      nameProperty: 'code',
      aspectScale: 0.55,
      roam: false,
      selectedMode: false,
      layoutCenter: ['50%', '50%'],
      layoutSize: '96%',
    };
    if (mode === 'highlight') {
      return {
        animation: false,
        series: [
          {
            ...base,
            silent: true,
            label: { show: false },
            itemStyle: { areaColor: '#e3eaef', borderColor: '#ffffff', borderWidth: 1.2 },
            data: infos.map((i) => ({
              name: i.code,
              value: i.population ?? 0,
              itemStyle:
                i.code === highlightCode || highlightCodes?.includes(i.code)
                  ? { areaColor: '#0b5570' }
                  : undefined,
            })),
          },
        ],
      };
    }
    return {
      animation: false,
      tooltip: {
        trigger: 'item',
        confine: true,
        backgroundColor: '#ffffff',
        borderColor: '#0b3a5b',
        textStyle: { color: '#102a3c', fontSize: 14 },
        formatter: (p: { name: string }) => tooltipFor(p.name),
      },
      visualMap: {
        type: 'piecewise',
        pieces: PIECES.map((p) => ({
          ...p,
          label:
            p.lt !== undefined && p.gte === undefined
              ? `< ${formatNumber(p.lt, lang)}`
              : p.lt === undefined
                ? `≥ ${formatNumber(p.gte ?? 0, lang)}`
                : `${formatNumber(p.gte ?? 0, lang)}–${formatNumber(p.lt - 1, lang)}`,
        })),
        orient: 'vertical',
        left: 0,
        bottom: 0,
        itemWidth: 16,
        itemHeight: 12,
        textStyle: { color: '#1f3547', fontSize: 12 },
        selectedMode: false,
        showLabel: true,
        text: [t('map.legendTitle')],
        textGap: 8,
      },
      series: [
        {
          ...base,
          label: {
            show: true,
            color: '#0f2536',
            fontSize: 12,
            fontWeight: 600,
            textBorderColor: '#ffffff',
            textBorderWidth: 3,
            formatter: (p: { name: string }) => byCode.get(p.name)?.name ?? p.name,
          },
          itemStyle: { borderColor: '#ffffff', borderWidth: 1.5 },
          emphasis: {
            label: { show: true, color: '#0f2536' },
            itemStyle: { areaColor: '#f0b429', borderColor: '#0b3a5b', borderWidth: 2 },
          },
          data: infos.map((i) => ({ name: i.code, value: i.population ?? 0 })),
        },
      ],
    };
  }, [infos, byCode, mode, highlightCode, highlightCodes, lang, t]);

  const onReady = useCallback((chart: EChartsInstance) => {
    chartRef.current = chart;
    chart.on('click', (p) => {
      if (p.name) handlers.current.onSelect?.(String(p.name));
    });
    chart.on('mouseover', (p) => {
      if (p.name) handlers.current.onHover?.(String(p.name));
    });
    chart.on('mouseout', () => handlers.current.onHover?.(null));
  }, []);

  // Keyboard focus (or hover) in the table highlights the region and shows its tooltip.
  useEffect(() => {
    const chart = chartRef.current;
    if (!chart || mode !== 'choropleth') return;
    chart.dispatchAction({ type: 'downplay', seriesIndex: 0 });
    if (activeCode) {
      chart.dispatchAction({ type: 'highlight', seriesIndex: 0, name: activeCode });
      chart.dispatchAction({ type: 'showTip', seriesIndex: 0, name: activeCode });
    } else {
      chart.dispatchAction({ type: 'hideTip' });
    }
  }, [activeCode, mode]);

  return (
    <EChart
      option={option}
      label={label}
      height={height}
      onReady={onReady}
      className={mode === 'choropleth' ? 'map-chart interactive' : 'map-chart'}
      testId={mode === 'choropleth' ? 'municipality-map' : 'municipality-minimap'}
    />
  );
}
