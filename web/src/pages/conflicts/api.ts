import { api, unwrap } from '../../api/client';
import type { paths } from '../../api/schema';

type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : never;

export type ConflictList = JsonOf<paths['/api/v1/goal-conflicts']['get']['responses'][200]>;
export type ConflictSummary = ConflictList['items'][number];
export type Conflict = JsonOf<paths['/api/v1/goal-conflicts/{id}']['get']['responses'][200]>;
export type ConflictStep = Conflict['steps'][number];
export type ConflictBody = NonNullable<
  paths['/api/v1/goal-conflicts']['post']['requestBody']
>['content']['application/json'];
export type ConflictPatchBody = NonNullable<
  paths['/api/v1/goal-conflicts/{id}']['patch']['requestBody']
>['content']['application/json'];
export type StepBody = NonNullable<
  paths['/api/v1/goal-conflicts/{id}/steps']['post']['requestBody']
>['content']['application/json'];
export type SuggestionQueue = JsonOf<paths['/api/v1/goal-conflict-suggestions']['get']['responses'][200]>;
export type Suggestion = SuggestionQueue['items'][number];
export type DismissedSuggestion = SuggestionQueue['dismissed'][number];

export type ConflictFilters = {
  status?: string;
  dimension?: string;
  place?: string;
  strengthArea?: string;
  q?: string;
};

/** The conflicts the reader may see, with the filters on screen (GET /goal-conflicts). */
export const getConflicts = async (filters: ConflictFilters): Promise<ConflictList> =>
  unwrap(await api.GET('/api/v1/goal-conflicts', { params: { query: filters as never } }));

/** One conflict with its history; its version is what a change sends as If-Match. */
export const getConflict = async (id: string): Promise<Conflict> =>
  unwrap(await api.GET('/api/v1/goal-conflicts/{id}', { params: { path: { id } } }));

export const getSuggestions = async (): Promise<SuggestionQueue> =>
  unwrap(await api.GET('/api/v1/goal-conflict-suggestions'));

/** Address of the filtered list as a file. */
export function conflictDownloadUrl(filters: ConflictFilters, format: 'csv' | 'xlsx'): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) query.set(key, value);
  query.set('format', format);
  return `/api/v1/goal-conflicts?${query}`;
}

export const ifMatch = (version: number) => `"${version}"`;
