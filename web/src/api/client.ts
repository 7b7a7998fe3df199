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

export type Session = JsonOf<paths['/api/v1/session']['get']['responses'][200]>;
export type Role = NonNullable<Session['role']>;
export type User = JsonOf<paths['/api/v1/users/{id}']['get']['responses'][200]>;
export type Actor = JsonOf<paths['/api/v1/actors/{id}']['get']['responses'][200]>;
export type AuditEvent = JsonOf<paths['/api/v1/audit']['get']['responses'][200]>['items'][number];
export type Effort = JsonOf<paths['/api/v1/efforts/{id}']['get']['responses'][200]>;
export type EffortList = JsonOf<paths['/api/v1/efforts']['get']['responses'][200]>;
export type ImportReport = JsonOf<paths['/api/v1/efforts/import']['post']['responses'][200]>;

export type FieldError = { field: string; message: string };

/** An error carrying the HTTP status and the problem's code and field errors. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code?: string,
    readonly fieldErrors: FieldError[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Problem = { title?: string; detail?: string; code?: string; errors?: FieldError[] };

export function problemError(status: number, problem: Problem | undefined): ApiError {
  return new ApiError(
    status,
    problem?.detail ?? problem?.title ?? `HTTP ${status}`,
    problem?.code,
    Array.isArray(problem?.errors) ? problem.errors : [],
  );
}

/** Unwraps an openapi-fetch result: returns data or throws ApiError with the problem details. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.data !== undefined && result.response.ok) return result.data;
  throw problemError(result.response.status, result.error as Problem | undefined);
}

/** For writes whose success has no body (204). */
export function unwrapEmpty(result: { error?: unknown; response: Response }): void {
  if (result.response.ok) return;
  throw problemError(result.response.status, result.error as Problem | undefined);
}

/** better-auth's endpoints (sign-in, sign-out, password) are not in the OpenAPI document. */
export async function postAuth(path: string, body: object): Promise<unknown> {
  const response = await fetch(`/api/auth${path}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const data = await response.json().catch(() => undefined);
  if (!response.ok) throw problemError(response.status, data as Problem | undefined);
  return data;
}
