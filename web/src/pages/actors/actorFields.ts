export const ACTOR_KINDS = [
  'municipality',
  'region',
  'government_agency',
  'company',
  'university',
  'sameby',
  'sami_organisation',
  'association',
  'other',
] as const;
export const ACTOR_LEVELS = ['local', 'regional', 'national', 'eu'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];
export type ActorLevel = (typeof ACTOR_LEVELS)[number];
