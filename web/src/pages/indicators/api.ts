/** Types and loaders of the indicator endpoints (from the generated OpenAPI client). */
import { api, unwrap } from '../../api/client';
import type { paths } from '../../api/schema';

type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : never;

export type IndicatorList = JsonOf<paths['/api/v1/indicators']['get']['responses'][200]>;
export type Indicator = IndicatorList['items'][number];
export type IndicatorDetail = JsonOf<paths['/api/v1/indicators/{id}']['get']['responses'][200]>;
export type Target = IndicatorDetail['targets'][number];
export type ValuesResponse = JsonOf<paths['/api/v1/indicators/{id}/values']['get']['responses'][200]>;
export type IndicatorValue = ValuesResponse['values'][number];
export type Disparity = JsonOf<paths['/api/v1/indicators/{id}/disparity']['get']['responses'][200]>;
export type DisparityYear = Disparity['years'][number];
export type Progress = JsonOf<paths['/api/v1/indicators/{id}/progress']['get']['responses'][200]>;
export type ImportReport = JsonOf<paths['/api/v1/indicator-imports/file']['post']['responses'][200]>;
export type ImportList = JsonOf<paths['/api/v1/indicator-imports']['get']['responses'][200]>;
export type Sex = 'total' | 'women' | 'men';

export const loadIndicators = async () => unwrap(await api.GET('/api/v1/indicators')).items;

export const loadDetail = async (id: string) =>
  unwrap(await api.GET('/api/v1/indicators/{id}', { params: { path: { id } } }));

export const loadValues = async (id: string, sex: Sex) =>
  unwrap(await api.GET('/api/v1/indicators/{id}/values', { params: { path: { id }, query: { sex } } }));

export const loadDisparity = async (id: string, sex: Sex) =>
  unwrap(await api.GET('/api/v1/indicators/{id}/disparity', { params: { path: { id }, query: { sex } } }));

export const loadProgress = async (id: string, area: string, sex: Sex) =>
  unwrap(
    await api.GET('/api/v1/indicators/{id}/progress', { params: { path: { id }, query: { area, sex } } }),
  );

/** The same table as a file: the endpoint's URL with ?format=. */
export function downloadUrl(
  path: string,
  query: Record<string, string | number | undefined>,
  format: 'csv' | 'xlsx',
) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
  params.set('format', format);
  return `${path}?${params.toString()}`;
}
