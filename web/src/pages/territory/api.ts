import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import type { FundingSource } from '../efforts/labels';

export type Reach = components['schemas']['TerritoryReach'];
export type ReachMunicipality = Reach['municipalities'][number];
export type ReachFlag = ReachMunicipality['flags'][number];
export type BreakdownRow = Reach['breakdown']['priority'][number];
export type AreaProfile = components['schemas']['AreaProfile'];
export type ProfileIndicator = AreaProfile['indicators'][number];
export type TrafficLight = components['schemas']['TrafficLight'];

export type Period = { from?: number; to?: number };
export type ReachFilters = Period & {
  priority?: string;
  strengthArea?: string;
  financier?: FundingSource;
};

/** Efforts and money per municipality for a period (GET /territory/reach). */
export const getReach = async (filters: ReachFilters): Promise<Reach> =>
  unwrap(await api.GET('/api/v1/territory/reach', { params: { query: filters } }));

/** A municipality's (or the county's) profile (GET /areas/{code}/profile). */
export const getProfile = async (code: string, period: Period): Promise<AreaProfile> =>
  unwrap(await api.GET('/api/v1/areas/{code}/profile', { params: { path: { code }, query: period } }));

/** Address of the municipality table as a file, with the same filters as on screen. */
export function reachDownloadUrl(filters: ReachFilters, format: 'csv' | 'xlsx'): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value !== undefined && value !== '') query.set(key, String(value));
  }
  query.set('format', format);
  return `/api/v1/territory/reach?${query}`;
}
