import type { ReachMunicipality } from './api';

/**
 * Classes of SEK per inhabitant for the map, tied to the county's level so that the map reads
 * like the flags: under half of the county level (flagged "far below"), half to the level, the
 * level to one and a half times it, and above that. Municipalities no effort reaches have a class
 * of their own.
 */
export type ReachClassKey = 'not_reached' | 'far_below' | 'below' | 'above' | 'far_above' | 'unknown';

export const REACH_CLASS_COLORS: Record<ReachClassKey, string> = {
  not_reached: '#ffffff',
  far_below: '#dcefed',
  below: '#9cd3cd',
  above: '#3b9ba3',
  far_above: '#0b5570',
  unknown: '#d5dde4',
};

export type ReachLimits = { half: number; level: number; oneAndHalf: number };

/** Class limits in whole kronor per inhabitant; null when the county level is unknown or zero. */
export function reachLimits(countyLevel: number | null): ReachLimits | null {
  if (countyLevel === null || !(countyLevel > 0)) return null;
  return {
    half: Math.round(countyLevel / 2),
    level: Math.round(countyLevel),
    oneAndHalf: Math.round(countyLevel * 1.5),
  };
}

/** The class of a municipality. The two lowest follow the server's flags exactly. */
export function reachClass(m: ReachMunicipality, countyLevel: number | null): ReachClassKey {
  if (m.flags.includes('not_reached')) return 'not_reached';
  if (m.flags.includes('far_below_county')) return 'far_below';
  if (m.sekPerInhabitant === null) return 'unknown';
  if (countyLevel === null || !(countyLevel > 0)) return 'below';
  if (m.sekPerInhabitant < countyLevel) return 'below';
  if (m.sekPerInhabitant < countyLevel * 1.5) return 'above';
  return 'far_above';
}
