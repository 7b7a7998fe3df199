export const EFFORT_STATUSES = ['planned', 'ongoing', 'completed', 'cancelled'] as const;
export const FUNDING_SOURCES = [
  'regional_development_1_1',
  'erdf',
  'jtf',
  'interreg',
  'state',
  'region',
  'municipality',
  'private',
  'other',
] as const;
export const PARTNER_ROLES = [
  'lead',
  'co_financer',
  'implementer',
  'beneficiary',
  'partner',
  'other',
] as const;
export const DIMENSIONS = [
  'economic',
  'social',
  'environmental',
  'gender_equality',
  'sami_conditions',
] as const;
export type EffortStatus = (typeof EFFORT_STATUSES)[number];
export type FundingSource = (typeof FUNDING_SOURCES)[number];
export type PartnerRole = (typeof PARTNER_ROLES)[number];
export type Dimension = (typeof DIMENSIONS)[number];

/** Whole kronor in Swedish format: "1 500 000 kr". */
export const formatSek = (amount: number, lang: string) =>
  `${new Intl.NumberFormat(lang.startsWith('en') ? 'en-GB' : 'sv-SE').format(amount)} kr`;
