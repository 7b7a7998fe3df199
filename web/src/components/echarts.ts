import { BarChart, LineChart, MapChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([
  MapChart,
  LineChart,
  BarChart,
  GridComponent,
  TooltipComponent,
  VisualMapComponent,
  LegendComponent,
  SVGRenderer,
]);

export { echarts };
export type EChartsOption = echarts.EChartsCoreOption;
export type EChartsInstance = echarts.ECharts;

export const MAP_NAME = 'regionkraft-municipalities';

const registered = new Set<string>();

/** Registers the municipality GeoJSON once per map name. */
export function ensureMap(name: string, geojson: unknown): void {
  if (registered.has(name)) return;
  // biome-ignore lint/suspicious/noExplicitAny: ECharts' GeoJSON input type is internal
  echarts.registerMap(name, geojson as any);
  registered.add(name);
}

/** Escapes text for ECharts' HTML tooltips. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
