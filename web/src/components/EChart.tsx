import { useEffect, useRef } from 'react';
import { type EChartsInstance, type EChartsOption, echarts } from './echarts';

type Props = {
  option: EChartsOption;
  /** Accessible name of the chart; the data itself must also be available as a table. */
  label: string;
  className?: string;
  height?: number;
  onReady?: (chart: EChartsInstance) => void;
  testId?: string;
};

/** Thin React wrapper around an ECharts instance rendered as SVG. */
export function EChart({ option, label, className, height = 360, onReady, testId }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const chartRef = useRef<EChartsInstance | null>(null);
  const onReadyRef = useRef(onReady);
  onReadyRef.current = onReady;

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, null, { renderer: 'svg' });
    chartRef.current = chart;
    onReadyRef.current?.(chart);
    // A chart being removed may still get a resize callback: skip it then.
    const ro = new ResizeObserver(() => {
      if (!chart.isDisposed() && el.clientWidth && el.clientHeight) chart.resize();
    });
    ro.observe(el);
    return () => {
      ro.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    chartRef.current?.setOption(option, { notMerge: true });
  }, [option]);

  return (
    <div
      ref={ref}
      className={className ? `chart ${className}` : 'chart'}
      style={{ height }}
      role="img"
      aria-label={label}
      data-testid={testId}
    />
  );
}
