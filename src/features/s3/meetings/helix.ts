/**
 * The quadruple helix (offentlig sektor, näringsliv, akademi, civilsamhälle): which strand an
 * organisation of the actor register belongs to, from its kind. Pure; the participation measures
 * of the learning part use it too.
 */
import type { OrganisationKind } from '../../../db/schema.ts';

export const helixTypes = ['public', 'business', 'academia', 'civil_society'] as const;
export type HelixType = (typeof helixTypes)[number];

const helixOfKind: Record<OrganisationKind, HelixType> = {
  municipality: 'public',
  region: 'public',
  government_agency: 'public',
  company: 'business',
  university: 'academia',
  association: 'civil_society',
  sami_organisation: 'civil_society',
  sameby: 'civil_society',
  other: 'civil_society',
};

export const helixTypeOf = (kind: OrganisationKind): HelixType => helixOfKind[kind];

/** Swedish names, for downloads (the web app has its own translations). */
export const helixLabelsSv: Record<HelixType, string> = {
  public: 'Offentlig sektor',
  business: 'Näringsliv',
  academia: 'Akademi',
  civil_society: 'Civilsamhälle',
};
