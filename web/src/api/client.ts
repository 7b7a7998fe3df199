import createClient from 'openapi-fetch';
import type { paths } from './schema';

/** The only way the UI talks to the server: a typed client generated from the OpenAPI document. */
export const api = createClient<paths>({ baseUrl: '' });

type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : never;

export type SteeringResponse = JsonOf<paths['/api/v1/steering']['get']['responses'][200]>;
export type SdgResponse = JsonOf<paths['/api/v1/sdgs']['get']['responses'][200]>;
export type AreaListResponse = JsonOf<paths['/api/v1/areas']['get']['responses'][200]>;
export type Area = AreaListResponse['items'][number];
export type AreaDetail = JsonOf<paths['/api/v1/areas/{code}']['get']['responses'][200]>;
export type AreaGeoJson = JsonOf<paths['/api/v1/areas/geojson']['get']['responses'][200]>;
export type IndicatorValues = JsonOf<paths['/api/v1/indicators/{id}/values']['get']['responses'][200]>;

/** An error carrying the HTTP status, so pages can tell "not found" from "broken". */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Unwraps an openapi-fetch result: returns data or throws ApiError with the problem title. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.data !== undefined && result.response.ok) return result.data;
  const problem = result.error as { title?: string; detail?: string } | undefined;
  throw new ApiError(
    result.response.status,
    problem?.detail ?? problem?.title ?? `HTTP ${result.response.status}`,
  );
}
