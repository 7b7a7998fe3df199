import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AreaGeoJson } from '../api/client';
import { EChart } from './EChart';
import { type EChartsInstance, type EChartsOption, ensureMap, escapeHtml, MAP_NAME } from './echarts';
import './ValueMap.css';

export type ValueMapClass = {
  key: string;
  /** Legend text, e.g. "259–518 kr/inv." */
  label: string;
  color: string;
  /** Draw the areas of this class hatched, so the class does not depend on colour alone. */
  hatched?: boolean;
};

export type ValueMapItem = {
  code: string;
  /** Key of the class the area belongs to. */
  classKey: string;
  /** Second label line on the map, e.g. the value ("1 215 kr/inv."). */
  valueLabel?: string;
  /** Tooltip lines after the name (plain text; escaped here). */
  tooltip: string[];
};

type Props = {
  geojson: AreaGeoJson;
  /** Accessible name of the map; the values must also be given as text and table. */
  label: string;
  classes: ValueMapClass[];
  items: ValueMapItem[];
  legendTitle: string;
  /** Area to highlight with its tooltip (keyboard focus or hover in a table). */
  activeCode?: string | null;
  onSelect?: (code: string) => void;
  onHover?: (code: string | null) => void;
  height?: number;
  testId?: string;
};

const HATCH = {
  symbol: 'rect',
  symbolSize: 1,
  color: 'rgba(11, 58, 91, 0.28)',
  dashArrayX: [1, 0],
  dashArrayY: [2, 5],
  rotation: Math.PI / 4,
};

/**
 * The county's municipalities coloured by classes of a value (a choropleth), with each area
 * labelled by name and value and a legend in HTML (real text, so it can be read, zoomed and
 * translated). The classes and labels are the caller's; this component only draws them.
 */
export function ValueMap({
  geojson,
  label,
  classes,
  items,
  legendTitle,
  activeCode,
  onSelect,
  onHover,
  height = 440,
  testId = 'value-map',
}: Props) {
  const chartRef = useRef<EChartsInstance | null>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  // On narrow screens the areas are too small for two label lines: names only, the values are
  // in the tooltip, the legend and the caller's text and table.
  const [narrow, setNarrow] = useState(false);
  useEffect(() => {
    const el = boxRef.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setNarrow(el.clientWidth < 480));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  const handlers = useRef({ onSelect, onHover });
  handlers.current = { onSelect, onHover };
  ensureMap(MAP_NAME, geojson);

  const names = useMemo(
    () => new Map(geojson.features.map((f) => [String(f.properties.code ?? f.id), f.properties.name])),
    [geojson],
  );

  const option = useMemo<EChartsOption>(() => {
    const classByKey = new Map(classes.map((c) => [c.key, c]));
    const byCode = new Map(items.map((i) => [i.code, i]));
    return {
      animation: false,
      tooltip: {
        trigger: 'item',
        confine: true,
        backgroundColor: '#ffffff',
        borderColor: '#0b3a5b',
        textStyle: { color: '#102a3c', fontSize: 14 },
        formatter: (p: { name: string }) => {
          const item = byCode.get(p.name);
          const name = names.get(p.name) ?? p.name;
          return [`<strong>${escapeHtml(name)}</strong>`, ...(item?.tooltip ?? []).map(escapeHtml)].join(
            '<br/>',
          );
        },
      },
      series: [
        {
          type: 'map',
          map: MAP_NAME,
          nameProperty: 'code',
          aspectScale: 0.55,
          roam: false,
          selectedMode: false,
          layoutCenter: ['50%', '50%'],
          layoutSize: '96%',
          label: {
            show: true,
            color: '#0f2536',
            fontSize: narrow ? 11 : 12,
            lineHeight: 15,
            fontWeight: 600,
            textBorderColor: '#ffffff',
            textBorderWidth: 3,
            formatter: (p: { name: string }) => {
              const item = byCode.get(p.name);
              const name = names.get(p.name) ?? p.name;
              return item?.valueLabel && !narrow ? `${name}\n${item.valueLabel}` : name;
            },
          },
          itemStyle: { borderColor: '#ffffff', borderWidth: 1.5, areaColor: '#eef1f4' },
          emphasis: {
            label: { show: true, color: '#0f2536' },
            itemStyle: { areaColor: '#f0b429', borderColor: '#0b3a5b', borderWidth: 2 },
          },
          data: [...names.keys()].map((code) => {
            const cls = classByKey.get(byCode.get(code)?.classKey ?? '');
            return {
              name: code,
              itemStyle: cls
                ? {
                    areaColor: cls.color,
                    ...(cls.hatched ? { decal: HATCH, borderColor: '#5b6f80', borderType: 'dashed' } : {}),
                  }
                : undefined,
            };
          }),
        },
      ],
    };
  }, [classes, items, names, narrow]);

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

  useEffect(() => {
    const chart = chartRef.current;
    if (!chart) return;
    chart.dispatchAction({ type: 'downplay', seriesIndex: 0 });
    if (activeCode) {
      chart.dispatchAction({ type: 'highlight', seriesIndex: 0, name: activeCode });
      chart.dispatchAction({ type: 'showTip', seriesIndex: 0, name: activeCode });
    } else {
      chart.dispatchAction({ type: 'hideTip' });
    }
  }, [activeCode]);

  return (
    <div className="value-map" ref={boxRef}>
      <EChart
        option={option}
        label={label}
        height={narrow ? Math.round(height * 0.75) : height}
        onReady={onReady}
        className={onSelect ? 'map-chart interactive' : 'map-chart'}
        testId={testId}
      />
      <div className="value-map-legend" data-testid={`${testId}-legend`}>
        <p className="value-map-legend-title">{legendTitle}</p>
        <ul>
          {classes.map((c) => (
            <li key={c.key}>
              <span
                className={c.hatched ? 'value-map-swatch hatched' : 'value-map-swatch'}
                style={{ backgroundColor: c.color }}
                aria-hidden="true"
              />
              {c.label}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
