/**
 * The database schema (Drizzle). Migrations in src/db/migrations are generated from this file
 * with `npm run db:generate`; never edit a generated migration by hand.
 *
 * Every region-owned row carries `region_code`, so that one instance can hold several regions
 * and a national instance can be sharded by region.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

/** A Swedish region (county), e.g. 23 Jämtlands län, run by Region Jämtland Härjedalen. */
export const regions = pgTable('regions', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  authority: text('authority').notNull(),
  koladaId: text('kolada_id'),
  /** The overall goal of the region's growth policy. */
  goalSv: text('goal_sv'),
  goalEn: text('goal_en'),
  goalSource: text('goal_source'),
  ...timestamps,
});

export const areaTypes = ['county', 'municipality', 'sameby'] as const;
export type AreaType = (typeof areaTypes)[number];

/** Territorial units: the county itself, its municipalities and the samebyar. */
export const areas = pgTable(
  'areas',
  {
    code: text('code').primaryKey(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    type: text('type', { enum: areaTypes }).notNull(),
    name: text('name').notNull(),
    /** Samisk förvaltningskommun (municipalities only; null where not applicable). */
    samiAdministrative: boolean('sami_administrative'),
    samiAdministrativeSource: text('sami_administrative_source'),
    /** GeoJSON geometry in WGS84 (lon/lat), or null where none is known. */
    geometry: jsonb('geometry'),
    geometrySource: text('geometry_source'),
    /** Where the area's existence/listing comes from, and any caveat about it. */
    source: text('source'),
    note: text('note'),
    ...timestamps,
  },
  (t) => [index('areas_region_type_idx').on(t.regionCode, t.type)],
);

/** A stated relation between two areas, e.g. a sameby whose lands touch a municipality. */
export const areaRelations = pgTable(
  'area_relations',
  {
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    fromCode: text('from_code')
      .notNull()
      .references(() => areas.code),
    toCode: text('to_code')
      .notNull()
      .references(() => areas.code),
    relation: text('relation'),
    /** How well the relation is sourced ("stated" in a source, or "unverified"). */
    confidence: text('confidence').notNull(),
    source: text('source'),
  },
  (t) => [primaryKey({ columns: [t.fromCode, t.toCode] }), index('area_relations_to_idx').on(t.toCode)],
);

export const indicatorPolarities = ['higher_is_better', 'lower_is_better', 'neutral'] as const;
export type IndicatorPolarity = (typeof indicatorPolarities)[number];
/** How municipality values add up to the county: counts are summed, rates averaged by population. */
export const indicatorAggregations = ['sum', 'population_weighted_mean', 'none'] as const;
export const indicatorSourceKinds = ['kolada', 'scb', 'own'] as const;

/**
 * Indicator definitions. Shared between regions (population means the same everywhere). Loaded
 * from data/indicator-definitions.json; once edited in the app (version > 1) the file no longer
 * overwrites the definition.
 */
export const indicators = pgTable(
  'indicators',
  {
    id: text('id').primaryKey(),
    titleSv: text('title_sv').notNull(),
    titleEn: text('title_en'),
    descriptionSv: text('description_sv'),
    descriptionEn: text('description_en'),
    unitSv: text('unit_sv'),
    unitEn: text('unit_en'),
    /** Free-text attribution shown as "Källa: …". */
    source: text('source'),
    sourceKind: text('source_kind', { enum: indicatorSourceKinds }).notNull().default('own'),
    koladaKpi: text('kolada_kpi'),
    /** SCB table id for PxWeb (e.g. TAB638). */
    scbTable: text('scb_table'),
    polarity: text('polarity', { enum: indicatorPolarities }).notNull().default('neutral'),
    splitBySex: boolean('split_by_sex').notNull().default(false),
    aggregation: text('aggregation', { enum: indicatorAggregations }).notNull().default('none'),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    // A Kolada import finds its indicator by KPI: one indicator per KPI.
    uniqueIndex('indicators_kolada_kpi_unique').on(t.koladaKpi).where(sql`${t.koladaKpi} is not null`),
  ],
);

export const sexes = ['total', 'women', 'men'] as const;
export type Sex = (typeof sexes)[number];
export const valueStatuses = ['preliminary', 'final'] as const;

/** One run of an importer (Kolada, SCB, file), with its report. */
export const indicatorImports = pgTable(
  'indicator_imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    kind: text('kind', { enum: ['kolada', 'pxweb', 'file'] }).notNull(),
    /** What was asked for: KPIs and years, table and selection, or the file name. */
    request: jsonb('request').notNull(),
    startedBy: text('started_by').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    inserted: integer('inserted').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    unchanged: integer('unchanged').notNull().default(0),
  },
  (t) => [index('indicator_imports_region_idx').on(t.regionCode, t.startedAt)],
);

/** Indicator values per area, year and sex. */
export const indicatorValues = pgTable(
  'indicator_values',
  {
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    indicatorId: text('indicator_id')
      .notNull()
      .references(() => indicators.id),
    /** An area code of this region, or "SE" for Sweden as a whole (for comparison). */
    areaCode: text('area_code').notNull(),
    year: integer('year').notNull(),
    sex: text('sex', { enum: sexes }).notNull(),
    value: doublePrecision('value').notNull(),
    status: text('status', { enum: valueStatuses }).notNull().default('final'),
    source: text('source'),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
    /** The import run that last wrote the value; null for reference data loaded from files. */
    importId: uuid('import_id').references(() => indicatorImports.id),
  },
  (t) => [
    // Per region: each region keeps its own copy of Sweden's values ("SE") for comparison.
    primaryKey({ columns: [t.regionCode, t.indicatorId, t.areaCode, t.year, t.sex] }),
    // A municipality profile: every indicator's total series of one area.
    index('indicator_values_area_idx').on(t.areaCode, t.sex, t.indicatorId, t.year),
    // A map: one indicator, one year, every area.
    index('indicator_values_map_idx').on(t.indicatorId, t.year, t.sex, t.areaCode),
    index('indicator_values_region_idx').on(t.regionCode),
  ],
);

/** A target for an indicator in an area (the county by default), e.g. 98 % broadband by 2025. */
export const indicatorTargets = pgTable(
  'indicator_targets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    indicatorId: text('indicator_id')
      .notNull()
      .references(() => indicators.id, { onDelete: 'cascade' }),
    areaCode: text('area_code')
      .notNull()
      .references(() => areas.code),
    sex: text('sex', { enum: sexes }).notNull().default('total'),
    value: doublePrecision('value').notNull(),
    year: integer('year').notNull(),
    /** The year progress is measured from; the first year with data when null. */
    baseYear: integer('base_year'),
    /** Where the target was decided, e.g. "Regional plan för bredband 2023–2025". */
    source: text('source'),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('indicator_targets_unique').on(t.regionCode, t.indicatorId, t.areaCode, t.sex, t.year),
    index('indicator_targets_indicator_idx').on(t.indicatorId),
  ],
);

/** Agenda 2030: the 17 goals. */
export const sdgGoals = pgTable('sdg_goals', {
  goal: integer('goal').primaryKey(),
  titleSv: text('title_sv'),
  titleEn: text('title_en').notNull(),
  shortSv: text('short_sv'),
  shortEn: text('short_en'),
  svSource: text('sv_source'),
});

/** Agenda 2030: the 169 targets ("8.2", "8.a"). */
export const sdgTargets = pgTable(
  'sdg_targets',
  {
    id: text('id').primaryKey(),
    goal: integer('goal')
      .notNull()
      .references(() => sdgGoals.goal),
    /** Position within the goal, as listed by the UN (numbered targets before lettered ones). */
    position: integer('position').notNull(),
    titleSv: text('title_sv'),
    titleEn: text('title_en').notNull(),
    shortSv: text('short_sv'),
    svSource: text('sv_source'),
  },
  (t) => [index('sdg_targets_goal_idx').on(t.goal)],
);

/** The national strategy for sustainable regional development 2021–2030: four strategic areas. */
export const nationalStrategyAreas = pgTable('national_strategy_areas', {
  code: integer('code').primaryKey(),
  titleSv: text('title_sv').notNull(),
  titleEn: text('title_en'),
  source: text('source'),
});

export const steeringDocumentKinds = [
  'development_strategy',
  'goals_and_priorities',
  'smart_specialisation',
] as const;

/** The region's steering documents (RUS, goals and priorities, S3 programme). */
export const steeringDocuments = pgTable(
  'steering_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    key: text('key').notNull(),
    kind: text('kind', { enum: steeringDocumentKinds }).notNull(),
    titleSv: text('title_sv').notNull(),
    titleEn: text('title_en'),
    diarienummer: text('diarienummer'),
    adoptedOn: date('adopted_on', { mode: 'string' }),
    adoptedBy: text('adopted_by'),
    validFrom: date('valid_from', { mode: 'string' }),
    validTo: date('valid_to', { mode: 'string' }),
    url: text('url'),
    source: text('source'),
    noteSv: text('note_sv'),
    noteEn: text('note_en'),
    ...timestamps,
  },
  (t) => [unique('steering_documents_region_key').on(t.regionCode, t.key)],
);

/** The long-term priorities (långsiktiga prioriteringar). */
export const longTermPriorities = pgTable(
  'long_term_priorities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    number: integer('number').notNull(),
    documentId: uuid('document_id').references(() => steeringDocuments.id),
    titleSv: text('title_sv').notNull(),
    titleEn: text('title_en'),
    descriptionSv: text('description_sv'),
    descriptionEn: text('description_en'),
    ...timestamps,
  },
  (t) => [unique('long_term_priorities_region_number').on(t.regionCode, t.number)],
);

/** The smart specialisation strength areas (styrkeområden). */
export const strengthAreas = pgTable(
  'strength_areas',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    slug: text('slug').notNull(),
    position: integer('position').notNull(),
    documentId: uuid('document_id').references(() => steeringDocuments.id),
    nameSv: text('name_sv').notNull(),
    nameEn: text('name_en'),
    descriptionSv: text('description_sv'),
    descriptionEn: text('description_en'),
    /** True where the sources had no description and the text is deliberately generic. */
    descriptionUncertain: boolean('description_uncertain').notNull().default(false),
    ...timestamps,
  },
  (t) => [unique('strength_areas_region_slug').on(t.regionCode, t.slug)],
);

// ---------------------------------------------------------------------------------------------
// Sign-in (better-auth). Property names are the ones better-auth uses (emailVerified …), so the
// Drizzle adapter maps them without a field map; the SQL names follow our own convention.

/** People who can sign in. Roles are per region, in user_region_roles. */
export const authUsers = pgTable('auth_users', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  email: text('email').notNull().unique(),
  emailVerified: boolean('email_verified').notNull().default(false),
  image: text('image'),
  /** Set when an administrator switches the account off; it can no longer sign in. */
  disabledAt: timestamp('disabled_at', { withTimezone: true }),
  /** Demo accounts made by `regionkraft seed --demo`, with published passwords. */
  isDemo: boolean('is_demo').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Sign-in sessions; the browser holds the token in an HttpOnly cookie. */
export const authSessions = pgTable(
  'auth_sessions',
  {
    id: uuid('id').primaryKey(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    token: text('token').notNull().unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    ipAddress: text('ip_address'),
    userAgent: text('user_agent'),
    userId: uuid('user_id')
      .notNull()
      .references(() => authUsers.id, { onDelete: 'cascade' }),
  },
  (t) => [index('auth_sessions_user_idx').on(t.userId)],
);

/** Ways to sign in: a password ("credential") or an OpenID Connect identity. */
export const authAccounts = pgTable(
  'auth_accounts',
  {
    id: uuid('id').primaryKey(),
    accountId: text('account_id').notNull(),
    providerId: text('provider_id').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => authUsers.id, { onDelete: 'cascade' }),
    accessToken: text('access_token'),
    refreshToken: text('refresh_token'),
    idToken: text('id_token'),
    accessTokenExpiresAt: timestamp('access_token_expires_at', { withTimezone: true }),
    refreshTokenExpiresAt: timestamp('refresh_token_expires_at', { withTimezone: true }),
    scope: text('scope'),
    /** argon2id hash; null for single sign-on accounts. */
    password: text('password'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('auth_accounts_user_idx').on(t.userId)],
);

/** Short-lived values of the sign-in flows (OIDC state and the like). */
export const authVerifications = pgTable(
  'auth_verifications',
  {
    id: uuid('id').primaryKey(),
    identifier: text('identifier').notNull(),
    value: text('value').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('auth_verifications_identifier_idx').on(t.identifier)],
);

/** Sign-in attempt counters, in the database so that several app servers share them. */
export const authRateLimits = pgTable('auth_rate_limits', {
  id: uuid('id').primaryKey(),
  key: text('key').notNull().unique(),
  count: integer('count').notNull(),
  lastRequest: bigint('last_request', { mode: 'number' }).notNull(),
});

// ---------------------------------------------------------------------------------------------
// Actors, roles and the audit trail.

export const visibilities = ['internal', 'published'] as const;
export type Visibility = (typeof visibilities)[number];

export const organisationKinds = [
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
export type OrganisationKind = (typeof organisationKinds)[number];

export const organisationLevels = ['local', 'regional', 'national', 'eu'] as const;

/** Actors: the organisations that run, fund or take part in the region's growth work. */
export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    name: text('name').notNull(),
    kind: text('kind', { enum: organisationKinds }).notNull(),
    level: text('level', { enum: organisationLevels }).notNull(),
    /** Swedish organisationsnummer, NNNNNN-NNNN. */
    organisationNumber: text('organisation_number'),
    /** The municipality (or sameby area) the organisation belongs to, if any. */
    areaCode: text('area_code').references(() => areas.code),
    website: text('website'),
    description: text('description'),
    visibility: text('visibility', { enum: visibilities }).notNull().default('internal'),
    /** Optimistic locking: every update must name the version it read (If-Match). */
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    unique('organisations_region_name').on(t.regionCode, t.name),
    index('organisations_region_idx').on(t.regionCode),
  ],
);

export const roles = ['admin', 'editor', 'partner', 'viewer'] as const;
export type Role = (typeof roles)[number];

/** A user's role in a region; partners belong to one organisation. */
export const userRegionRoles = pgTable(
  'user_region_roles',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => authUsers.id, { onDelete: 'cascade' }),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    role: text('role', { enum: roles }).notNull(),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.regionCode] }),
    check(
      'user_region_roles_partner_has_organisation',
      sql`(${t.role} = 'partner') = (${t.organisationId} is not null)`,
    ),
  ],
);

/** Instance-wide settings the app keeps for itself (e.g. the generated cookie-signing secret). */
export const instanceSettings = pgTable('instance_settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** One-time links that let the first administrator of a region set up their account. */
export const setupTokens = pgTable('setup_tokens', {
  /** SHA-256 of the token: the token itself is only ever printed on the console. */
  tokenHash: text('token_hash').primaryKey(),
  regionCode: text('region_code')
    .notNull()
    .references(() => regions.code),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The audit trail: who changed what, when, field by field. Written in the same transaction as
 * the change. No foreign keys, so the trail outlives the users and records it talks about.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code'),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid('actor_user_id'),
    /** The actor's e-mail at the time (users can be renamed or removed later). */
    actorLabel: text('actor_label').notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    /** { field: { before, after } } for updates; the full record for creates and deletes. */
    changes: jsonb('changes').notNull(),
  },
  (t) => [index('audit_events_entity_idx').on(t.entityType, t.entityId, t.occurredAt)],
);

// ---------------------------------------------------------------------------------------------
// Efforts (insatser): projects, programmes, funding decisions and activities.

export const effortStatuses = ['planned', 'ongoing', 'completed', 'cancelled'] as const;
export type EffortStatus = (typeof effortStatuses)[number];

export const efforts = pgTable(
  'efforts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    title: text('title').notNull(),
    /** swedishSortKey(title): sorts in Swedish order byte-wise, so lists sort and page in SQL. */
    titleSort: text('title_sort').notNull().default(''),
    summary: text('summary'),
    description: text('description'),
    /** The registry number of the decision (diarienummer); unique in the region when given. */
    diarienummer: text('diarienummer'),
    status: text('status', { enum: effortStatuses }).notNull(),
    startDate: date('start_date', { mode: 'string' }),
    endDate: date('end_date', { mode: 'string' }),
    /** The organisation that owns the effort; null when the region itself does. */
    ownerOrganisationId: uuid('owner_organisation_id').references(() => organisations.id),
    targetGroups: jsonb('target_groups').$type<string[]>().notNull().default([]),
    /** Reaches the whole county, spread over the municipalities by population. */
    reachWholeCounty: boolean('reach_whole_county').notNull().default(false),
    visibility: text('visibility', { enum: visibilities }).notNull().default('internal'),
    /** Example data from `seed --demo`, shown as such. */
    isExample: boolean('is_example').notNull().default(false),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('efforts_region_idx').on(t.regionCode),
    // Byte order ("C") whatever the database's default collation: the key is made for it.
    index('efforts_region_title_sort_idx').on(t.regionCode, sql`${t.titleSort} collate "C"`),
    index('efforts_owner_idx').on(t.ownerOrganisationId),
    uniqueIndex('efforts_region_diarienummer')
      .on(t.regionCode, t.diarienummer)
      .where(sql`${t.diarienummer} is not null`),
    index('efforts_search_idx').using(
      'gin',
      sql`to_tsvector('swedish', coalesce(${t.title}, '') || ' ' || coalesce(${t.summary}, '') || ' ' || coalesce(${t.description}, ''))`,
    ),
  ],
);

export const partnerRoles = [
  'lead',
  'co_financer',
  'implementer',
  'beneficiary',
  'partner',
  'other',
] as const;

/** Organisations taking part in an effort, with their role. */
export const effortPartners = pgTable(
  'effort_partners',
  {
    effortId: uuid('effort_id')
      .notNull()
      .references(() => efforts.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    role: text('role', { enum: partnerRoles }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.effortId, t.organisationId, t.role] }),
    index('effort_partners_organisation_idx').on(t.organisationId),
  ],
);

export const fundingSources = [
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
export type FundingSource = (typeof fundingSources)[number];
export const fundingStatuses = ['decided', 'planned'] as const;

/** Money for an effort: one row per financier/source, year and decided-or-planned. */
export const effortFunding = pgTable(
  'effort_funding',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    effortId: uuid('effort_id')
      .notNull()
      .references(() => efforts.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    source: text('source', { enum: fundingSources }).notNull(),
    financierOrganisationId: uuid('financier_organisation_id').references(() => organisations.id),
    year: integer('year').notNull(),
    /** Whole SEK. */
    amountSek: bigint('amount_sek', { mode: 'number' }).notNull(),
    status: text('status', { enum: fundingStatuses }).notNull(),
  },
  (t) => [
    index('effort_funding_effort_idx').on(t.effortId),
    check('effort_funding_amount_not_negative', sql`${t.amountSek} >= 0`),
  ],
);

/** The municipalities an effort reaches, with shares in hundredths of a percent (sum 10 000). */
export const effortReach = pgTable(
  'effort_reach',
  {
    effortId: uuid('effort_id')
      .notNull()
      .references(() => efforts.id, { onDelete: 'cascade' }),
    areaCode: text('area_code')
      .notNull()
      .references(() => areas.code),
    shareHundredths: integer('share_hundredths').notNull(),
  },
  (t) => [primaryKey({ columns: [t.effortId, t.areaCode] }), index('effort_reach_area_idx').on(t.areaCode)],
);

/** Samebyar an effort affects. */
export const effortSamebyar = pgTable(
  'effort_samebyar',
  {
    effortId: uuid('effort_id')
      .notNull()
      .references(() => efforts.id, { onDelete: 'cascade' }),
    areaCode: text('area_code')
      .notNull()
      .references(() => areas.code),
  },
  (t) => [primaryKey({ columns: [t.effortId, t.areaCode] })],
);

export const effortPriorities = pgTable(
  'effort_priorities',
  {
    effortId: uuid('effort_id')
      .notNull()
      .references(() => efforts.id, { onDelete: 'cascade' }),
    priorityId: uuid('priority_id')
      .notNull()
      .references(() => longTermPriorities.id),
  },
  (t) => [
    primaryKey({ columns: [t.effortId, t.priorityId] }),
    index('effort_priorities_priority_idx').on(t.priorityId),
  ],
);

export const effortStrengthAreas = pgTable(
  'effort_strength_areas',
  {
    effortId: uuid('effort_id')
      .notNull()
      .references(() => efforts.id, { onDelete: 'cascade' }),
    strengthAreaId: uuid('strength_area_id')
      .notNull()
      .references(() => strengthAreas.id),
  },
  (t) => [
    primaryKey({ columns: [t.effortId, t.strengthAreaId] }),
    index('effort_strength_areas_area_idx').on(t.strengthAreaId),
  ],
);

export const effortNationalAreas = pgTable(
  'effort_national_areas',
  {
    effortId: uuid('effort_id')
      .notNull()
      .references(() => efforts.id, { onDelete: 'cascade' }),
    nationalAreaCode: integer('national_area_code')
      .notNull()
      .references(() => nationalStrategyAreas.code),
  },
  (t) => [primaryKey({ columns: [t.effortId, t.nationalAreaCode] })],
);

export const effortSdgTargets = pgTable(
  'effort_sdg_targets',
  {
    effortId: uuid('effort_id')
      .notNull()
      .references(() => efforts.id, { onDelete: 'cascade' }),
    sdgTargetId: text('sdg_target_id')
      .notNull()
      .references(() => sdgTargets.id),
  },
  (t) => [
    primaryKey({ columns: [t.effortId, t.sdgTargetId] }),
    index('effort_sdg_targets_target_idx').on(t.sdgTargetId),
  ],
);

export const assessmentDimensions = [
  'economic',
  'social',
  'environmental',
  'gender_equality',
  'sami_conditions',
] as const;
export type AssessmentDimension = (typeof assessmentDimensions)[number];

/** Sustainability assessment: −3…+3 per dimension, with a rationale (required when negative). */
export const effortAssessments = pgTable(
  'effort_assessments',
  {
    effortId: uuid('effort_id')
      .notNull()
      .references(() => efforts.id, { onDelete: 'cascade' }),
    dimension: text('dimension', { enum: assessmentDimensions }).notNull(),
    score: integer('score').notNull(),
    rationale: text('rationale'),
    assessedByUserId: uuid('assessed_by_user_id'),
    assessedByLabel: text('assessed_by_label').notNull(),
    assessedAt: timestamp('assessed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.effortId, t.dimension] }),
    check('effort_assessments_score_range', sql`${t.score} between -3 and 3`),
  ],
);

export const indicatorKinds = ['output', 'result'] as const;

/** The effort's own output and result indicators (intervention logic). */
export const effortIndicators = pgTable(
  'effort_indicators',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    effortId: uuid('effort_id')
      .notNull()
      .references(() => efforts.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    kind: text('kind', { enum: indicatorKinds }).notNull(),
    name: text('name').notNull(),
    unit: text('unit').notNull(),
    baseline: doublePrecision('baseline'),
    target: doublePrecision('target'),
  },
  (t) => [index('effort_indicators_effort_idx').on(t.effortId)],
);

/** Measured values of an effort indicator per period, by sex and municipality where given. */
export const effortIndicatorValues = pgTable(
  'effort_indicator_values',
  {
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => effortIndicators.id, { onDelete: 'cascade' }),
    /** A year ("2025") or part of one ("2025-H1", "2025-Q3"). */
    period: text('period').notNull(),
    sex: text('sex', { enum: sexes }).notNull(),
    /** A municipality of the region, or "" for the effort as a whole. */
    areaCode: text('area_code').notNull().default(''),
    actual: doublePrecision('actual').notNull(),
  },
  (t) => [primaryKey({ columns: [t.indicatorId, t.period, t.sex, t.areaCode] })],
);

// ---------------------------------------------------------------------------------------------
// Goal conflicts (målkonflikter), the interaction matrix and Sami consultation (lag 2022:66).

export const conflictStatuses = ['identified', 'analysed', 'handled', 'followed_up', 'dismissed'] as const;
export type ConflictStatus = (typeof conflictStatuses)[number];
export const conflictVisibilityMethods = [
  'analysis',
  'dialogue',
  'consultation',
  'effort_assessment',
  'interaction_matrix',
  'other',
] as const;
export const conflictHandlings = ['measure', 'trade_off'] as const;
export const conflictGoalKinds = [
  'priority',
  'strength_area',
  'national_area',
  'sdg_target',
  'free_text',
] as const;
export type ConflictGoalKind = (typeof conflictGoalKinds)[number];

/** A goal conflict in the region's growth work: what is in tension, where, and how bad. */
export const goalConflicts = pgTable(
  'goal_conflicts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    title: text('title').notNull(),
    titleSort: text('title_sort').notNull().default(''),
    description: text('description').notNull().default(''),
    /** The sustainability dimensions involved (assessment dimensions). */
    dimensions: jsonb('dimensions').$type<AssessmentDimension[]>().notNull().default([]),
    severity: integer('severity').notNull(),
    madeVisibleBy: text('made_visible_by', { enum: conflictVisibilityMethods }).notNull(),
    /** The current status: the latest step's. Kept here so lists filter in SQL. */
    status: text('status', { enum: conflictStatuses }).notNull().default('identified'),
    /** Decisions taken about the conflict (by whom, when, what, where it is documented). */
    decisions: jsonb('decisions')
      .$type<{ date: string; body: string; summary: string; url: string | null }[]>()
      .notNull()
      .default([]),
    /** Where the facts come from. */
    sources: jsonb('sources').$type<{ label: string; url: string | null }[]>().notNull().default([]),
    /** The review-queue suggestion this conflict was made from, if any. */
    suggestionKey: text('suggestion_key'),
    visibility: text('visibility', { enum: visibilities }).notNull().default('internal'),
    isExample: boolean('is_example').notNull().default(false),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('goal_conflicts_region_idx').on(t.regionCode, t.status),
    check('goal_conflicts_severity_range', sql`${t.severity} between 1 and 3`),
  ],
);

/** The goals in tension: a steering item of the region, an SDG target, or free text. */
export const goalConflictGoals = pgTable(
  'goal_conflict_goals',
  {
    conflictId: uuid('conflict_id')
      .notNull()
      .references(() => goalConflicts.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    kind: text('kind', { enum: conflictGoalKinds }).notNull(),
    priorityId: uuid('priority_id').references(() => longTermPriorities.id),
    strengthAreaId: uuid('strength_area_id').references(() => strengthAreas.id),
    nationalAreaCode: integer('national_area_code').references(() => nationalStrategyAreas.code),
    sdgTargetId: text('sdg_target_id').references(() => sdgTargets.id),
    freeText: text('free_text'),
  },
  (t) => [
    primaryKey({ columns: [t.conflictId, t.position] }),
    index('goal_conflict_goals_strength_area_idx').on(t.strengthAreaId),
    check(
      'goal_conflict_goals_one_reference',
      sql`(case ${t.kind} when 'priority' then ${t.priorityId} is not null when 'strength_area' then ${t.strengthAreaId} is not null when 'national_area' then ${t.nationalAreaCode} is not null when 'sdg_target' then ${t.sdgTargetId} is not null else ${t.freeText} is not null end)`,
    ),
  ],
);

/** Places a conflict affects: municipalities and samebyar. */
export const goalConflictPlaces = pgTable(
  'goal_conflict_places',
  {
    conflictId: uuid('conflict_id')
      .notNull()
      .references(() => goalConflicts.id, { onDelete: 'cascade' }),
    areaCode: text('area_code')
      .notNull()
      .references(() => areas.code),
  },
  (t) => [
    primaryKey({ columns: [t.conflictId, t.areaCode] }),
    index('goal_conflict_places_area_idx').on(t.areaCode),
  ],
);

/** Actors (organisations) the conflict concerns. */
export const goalConflictActors = pgTable(
  'goal_conflict_actors',
  {
    conflictId: uuid('conflict_id')
      .notNull()
      .references(() => goalConflicts.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
  },
  (t) => [
    primaryKey({ columns: [t.conflictId, t.organisationId] }),
    index('goal_conflict_actors_organisation_idx').on(t.organisationId),
  ],
);

/** Efforts linked to a conflict (causing it, or handling it). */
export const goalConflictEfforts = pgTable(
  'goal_conflict_efforts',
  {
    conflictId: uuid('conflict_id')
      .notNull()
      .references(() => goalConflicts.id, { onDelete: 'cascade' }),
    /** Restrict: an effort named in a conflict is not removed behind the conflict's back. */
    effortId: uuid('effort_id')
      .notNull()
      .references(() => efforts.id, { onDelete: 'restrict' }),
  },
  (t) => [
    primaryKey({ columns: [t.conflictId, t.effortId] }),
    index('goal_conflict_efforts_effort_idx').on(t.effortId),
  ],
);

/**
 * The handling history: one row per step, never changed or removed (the history is the record).
 * The conflict's status is the latest step's.
 */
export const goalConflictSteps = pgTable(
  'goal_conflict_steps',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    conflictId: uuid('conflict_id')
      .notNull()
      .references(() => goalConflicts.id, { onDelete: 'cascade' }),
    sequence: integer('sequence').notNull(),
    status: text('status', { enum: conflictStatuses }).notNull(),
    stepDate: date('step_date', { mode: 'string' }).notNull(),
    text: text('text').notNull(),
    /** For "handled": a measure taken, or a trade-off decided (with its justification). */
    handling: text('handling', { enum: conflictHandlings }),
    justification: text('justification'),
    followUpIndicatorId: text('follow_up_indicator_id').references(() => indicators.id),
    isExample: boolean('is_example').notNull().default(false),
    recordedByUserId: uuid('recorded_by_user_id'),
    recordedByLabel: text('recorded_by_label').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('goal_conflict_steps_sequence').on(t.conflictId, t.sequence)],
);

/**
 * What editors decided about a suggested conflict from the review queue. A suggestion is shown
 * again only when its inputs (hashed) have changed since the decision.
 */
export const conflictSuggestionDecisions = pgTable(
  'conflict_suggestion_decisions',
  {
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    suggestionKey: text('suggestion_key').notNull(),
    inputsHash: text('inputs_hash').notNull(),
    decision: text('decision', { enum: ['dismissed', 'converted'] }).notNull(),
    reason: text('reason'),
    conflictId: uuid('conflict_id').references(() => goalConflicts.id, { onDelete: 'set null' }),
    decidedByLabel: text('decided_by_label').notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.suggestionKey] })],
);

export const matrixNodeKinds = ['priority', 'strength_area', 'sdg_target', 'own_goal'] as const;

/** An interaction matrix (SEI SDG Synergies): how progress on one node influences another. */
export const interactionMatrices = pgTable(
  'interaction_matrices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    visibility: text('visibility', { enum: visibilities }).notNull().default('internal'),
    isExample: boolean('is_example').notNull().default(false),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [index('interaction_matrices_region_idx').on(t.regionCode)],
);

export const interactionMatrixNodes = pgTable(
  'interaction_matrix_nodes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    matrixId: uuid('matrix_id')
      .notNull()
      .references(() => interactionMatrices.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    kind: text('kind', { enum: matrixNodeKinds }).notNull(),
    /** The priority number, strength-area slug or SDG target id; null for own goals. */
    ref: text('ref'),
    label: text('label').notNull(),
  },
  (t) => [index('interaction_matrix_nodes_matrix_idx').on(t.matrixId, t.position)],
);

/** A person scoring a matrix (workshop participants need no account). */
export const interactionMatrixScorers = pgTable(
  'interaction_matrix_scorers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    matrixId: uuid('matrix_id')
      .notNull()
      .references(() => interactionMatrices.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
  },
  (t) => [unique('interaction_matrix_scorers_name').on(t.matrixId, t.name)],
);

export const interactionMatrixScores = pgTable(
  'interaction_matrix_scores',
  {
    scorerId: uuid('scorer_id')
      .notNull()
      .references(() => interactionMatrixScorers.id, { onDelete: 'cascade' }),
    rowNodeId: uuid('row_node_id')
      .notNull()
      .references(() => interactionMatrixNodes.id, { onDelete: 'cascade' }),
    columnNodeId: uuid('column_node_id')
      .notNull()
      .references(() => interactionMatrixNodes.id, { onDelete: 'cascade' }),
    score: integer('score').notNull(),
    rationale: text('rationale'),
  },
  (t) => [
    primaryKey({ columns: [t.scorerId, t.rowNodeId, t.columnNodeId] }),
    check('interaction_matrix_scores_range', sql`${t.score} between -3 and 3`),
    check('interaction_matrix_scores_off_diagonal', sql`${t.rowNodeId} <> ${t.columnNodeId}`),
  ],
);

export const consultationMatterKinds = ['effort', 'decision', 'document', 'other'] as const;
export const consultationInitiators = ['region', 'sami_party'] as const;
export const consultationForms = ['meeting', 'written', 'digital_meeting', 'other'] as const;
export const consultationOutcomes = [
  'pending',
  'agreement',
  'consent',
  'no_agreement_declared',
  'exempted',
] as const;
export type ConsultationOutcome = (typeof consultationOutcomes)[number];

/** A consultation with Sami parties under lag (2022:66) om konsultation i frågor som rör det samiska folket. */
export const samiConsultations = pgTable(
  'sami_consultations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    matterKind: text('matter_kind', { enum: consultationMatterKinds }).notNull(),
    matterTitle: text('matter_title').notNull(),
    /** The effort the matter is about, if any. */
    effortId: uuid('effort_id').references(() => efforts.id, { onDelete: 'restrict' }),
    /** Why the matter may be of particular significance for the Sami. */
    significance: text('significance').notNull().default(''),
    initiatedBy: text('initiated_by', { enum: consultationInitiators }).notNull(),
    requestedOn: date('requested_on', { mode: 'string' }),
    meetings: jsonb('meetings').$type<{ date: string; form: string; note: string }[]>().notNull().default([]),
    form: text('form', { enum: consultationForms }),
    /** Minutes and attachments: titles with links to where they are kept (diarium, document store). */
    documents: jsonb('documents').$type<{ title: string; url: string | null }[]>().notNull().default([]),
    /** pending = open; agreement, consent, or declared that agreement cannot be reached; or exempted (§4). */
    outcome: text('outcome', { enum: consultationOutcomes }).notNull().default('pending'),
    outcomeOn: date('outcome_on', { mode: 'string' }),
    outcomeNote: text('outcome_note'),
    /** The ground for an exemption under §4 of the law. */
    exemptionGround: text('exemption_ground'),
    /** The decision taken on the matter afterwards. */
    decisionText: text('decision_text'),
    decisionOn: date('decision_on', { mode: 'string' }),
    isExample: boolean('is_example').notNull().default(false),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('sami_consultations_region_idx').on(t.regionCode),
    index('sami_consultations_effort_idx').on(t.effortId),
  ],
);

/** The Sami parties of a consultation (Sametinget, samebyar, Sami organisations) as actors. */
export const samiConsultationParties = pgTable(
  'sami_consultation_parties',
  {
    consultationId: uuid('consultation_id')
      .notNull()
      .references(() => samiConsultations.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
  },
  (t) => [
    primaryKey({ columns: [t.consultationId, t.organisationId] }),
    index('sami_consultation_parties_organisation_idx').on(t.organisationId),
  ],
);

// ---------------------------------------------------------------------------------------------
// Smart specialisation (long-term priority 3): the strength areas' vision, sub-areas, action
// plans and intervention logic; the six steps and their self-assessment; the actor-driven
// process (meetings, participants, input) and the learning log.

/** The 2030 vision of a strength area (one row per area, made on first edit). */
export const s3AreaVisions = pgTable('s3_area_visions', {
  strengthAreaId: uuid('strength_area_id')
    .primaryKey()
    .references(() => strengthAreas.id),
  textSv: text('text_sv').notNull().default(''),
  textEn: text('text_en'),
  /** The text is example wording (the sources did not give the formal vision). */
  isExample: boolean('is_example').notNull().default(false),
  version: integer('version').notNull().default(1),
  ...timestamps,
});

/** A sub-area (delområde) of a strength area, with its needs and challenges towards the vision. */
export const s3SubAreas = pgTable(
  's3_sub_areas',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    strengthAreaId: uuid('strength_area_id')
      .notNull()
      .references(() => strengthAreas.id),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    /** Needs and challenges towards the 2030 vision. */
    needs: text('needs'),
    isExample: boolean('is_example').notNull().default(false),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [index('s3_sub_areas_area_idx').on(t.strengthAreaId)],
);

export const s3InitiativeStatuses = ['proposed', 'ongoing', 'completed', 'dropped'] as const;
export type S3InitiativeStatus = (typeof s3InitiativeStatuses)[number];

/** An initiative (insats/initiativ) of a strength area's action plan (handlingsplan). */
export const s3Initiatives = pgTable(
  's3_initiatives',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    strengthAreaId: uuid('strength_area_id')
      .notNull()
      .references(() => strengthAreas.id),
    subAreaId: uuid('sub_area_id').references(() => s3SubAreas.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    description: text('description'),
    status: text('status', { enum: s3InitiativeStatuses }).notNull().default('proposed'),
    /** Who drives the initiative (organisation or person, free text). */
    responsible: text('responsible'),
    /** When the initiative is meant to run, free text ("2026–2027"). */
    period: text('period'),
    isExample: boolean('is_example').notNull().default(false),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('s3_initiatives_area_idx').on(t.strengthAreaId),
    index('s3_initiatives_sub_area_idx').on(t.subAreaId),
  ],
);

/** Efforts that carry out an initiative. */
export const s3InitiativeEfforts = pgTable(
  's3_initiative_efforts',
  {
    initiativeId: uuid('initiative_id')
      .notNull()
      .references(() => s3Initiatives.id, { onDelete: 'cascade' }),
    effortId: uuid('effort_id')
      .notNull()
      .references(() => efforts.id, { onDelete: 'restrict' }),
  },
  (t) => [
    primaryKey({ columns: [t.initiativeId, t.effortId] }),
    index('s3_initiative_efforts_effort_idx').on(t.effortId),
  ],
);

/**
 * The intervention logic of a strength area (JRC S3 monitoring): output indicators per initiative
 * and result indicators per area, measured by an indicator of the indicator store or by an
 * effort's own indicator.
 */
export const s3LogicItems = pgTable(
  's3_logic_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    strengthAreaId: uuid('strength_area_id')
      .notNull()
      .references(() => strengthAreas.id),
    /** Outputs belong to an initiative; results to the area (null). */
    initiativeId: uuid('initiative_id').references(() => s3Initiatives.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: indicatorKinds }).notNull(),
    position: integer('position').notNull(),
    /** The expected output or result in words. */
    description: text('description').notNull(),
    indicatorId: text('indicator_id').references(() => indicators.id, { onDelete: 'restrict' }),
    effortIndicatorId: uuid('effort_indicator_id').references(() => effortIndicators.id, {
      onDelete: 'restrict',
    }),
    targetValue: doublePrecision('target_value'),
    targetYear: integer('target_year'),
    isExample: boolean('is_example').notNull().default(false),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('s3_logic_items_area_idx').on(t.strengthAreaId),
    index('s3_logic_items_initiative_idx').on(t.initiativeId),
  ],
);

/** The six steps of the RIS3 guide, in order. */
export const s3StepKeys = [
  'analysis',
  'governance',
  'vision',
  'priorities',
  'policy_mix',
  'monitoring',
] as const;
export type S3StepKey = (typeof s3StepKeys)[number];
export const s3StepStatuses = ['not_started', 'ongoing', 'done', 'revisit'] as const;
export type S3StepStatus = (typeof s3StepStatuses)[number];

/** A step of the six-step process for one strength area. Missing rows read as "not started". */
export const s3Steps = pgTable(
  's3_steps',
  {
    strengthAreaId: uuid('strength_area_id')
      .notNull()
      .references(() => strengthAreas.id),
    step: text('step', { enum: s3StepKeys }).notNull(),
    status: text('status', { enum: s3StepStatuses }).notNull().default('not_started'),
    startedOn: date('started_on', { mode: 'string' }),
    /** Done on, or planned to be done by. */
    dueOn: date('due_on', { mode: 'string' }),
    responsible: text('responsible'),
    deliverables: jsonb('deliverables')
      .$type<{ title: string; url: string | null }[]>()
      .notNull()
      .default([]),
    note: text('note'),
    isExample: boolean('is_example').notNull().default(false),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.strengthAreaId, t.step] })],
);

/** A self-assessment of a strength area's six steps (RIS3 assessment wheel), repeated over time. */
export const s3Assessments = pgTable(
  's3_assessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    strengthAreaId: uuid('strength_area_id')
      .notNull()
      .references(() => strengthAreas.id),
    assessedOn: date('assessed_on', { mode: 'string' }).notNull(),
    /** Who made the assessment (a group, a workshop), free text. */
    assessedBy: text('assessed_by'),
    note: text('note'),
    isExample: boolean('is_example').notNull().default(false),
    ...timestamps,
  },
  (t) => [index('s3_assessments_area_idx').on(t.strengthAreaId, t.assessedOn)],
);

/** One factor's score (0–5) in an assessment: three factors per step. */
export const s3AssessmentScores = pgTable(
  's3_assessment_scores',
  {
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => s3Assessments.id, { onDelete: 'cascade' }),
    step: text('step', { enum: s3StepKeys }).notNull(),
    /** 1–3, the factor's place within the step. */
    factor: integer('factor').notNull(),
    score: integer('score').notNull(),
    comment: text('comment'),
  },
  (t) => [
    primaryKey({ columns: [t.assessmentId, t.step, t.factor] }),
    check('s3_assessment_scores_factor', sql`${t.factor} between 1 and 3`),
    check('s3_assessment_scores_score', sql`${t.score} between 0 and 5`),
  ],
);

export const s3MeetingPlaceKinds = ['municipality', 'digital'] as const;
export const s3MeetingFormats = [
  'open_meeting',
  'workshop',
  'seminar',
  'network_meeting',
  'study_visit',
  'other',
] as const;
export type S3MeetingFormat = (typeof s3MeetingFormats)[number];

/** A meeting of the actor-driven process (entreprenöriellt upptäckande). */
export const s3Meetings = pgTable(
  's3_meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    title: text('title').notNull(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    /** Local Swedish time, "HH:MM". */
    startsAt: text('starts_at'),
    endsAt: text('ends_at'),
    placeKind: text('place_kind', { enum: s3MeetingPlaceKinds }).notNull(),
    /** The municipality the meeting is held in (place kind municipality). */
    areaCode: text('area_code').references(() => areas.code),
    /** Venue or address, or the link's description for a digital meeting. */
    venue: text('venue'),
    format: text('format', { enum: s3MeetingFormats }).notNull(),
    agenda: text('agenda'),
    notes: text('notes'),
    /** Participants by sex, counted at the meeting. */
    countWomen: integer('count_women'),
    countMen: integer('count_men'),
    /** Participants who did not state, or another gender identity. */
    countOther: integer('count_other'),
    /** The public strength-area page takes registrations for this meeting. */
    registrationOpen: boolean('registration_open').notNull().default(false),
    visibility: text('visibility', { enum: visibilities }).notNull().default('published'),
    isExample: boolean('is_example').notNull().default(false),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [index('s3_meetings_region_date_idx').on(t.regionCode, t.heldOn)],
);

/** The strength areas a meeting is about. */
export const s3MeetingAreas = pgTable(
  's3_meeting_areas',
  {
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => s3Meetings.id, { onDelete: 'cascade' }),
    strengthAreaId: uuid('strength_area_id')
      .notNull()
      .references(() => strengthAreas.id),
  },
  (t) => [
    primaryKey({ columns: [t.meetingId, t.strengthAreaId] }),
    index('s3_meeting_areas_area_idx').on(t.strengthAreaId),
  ],
);

/** Organisations (from the actor register) that took part in a meeting. */
export const s3MeetingOrganisations = pgTable(
  's3_meeting_organisations',
  {
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => s3Meetings.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
  },
  (t) => [
    primaryKey({ columns: [t.meetingId, t.organisationId] }),
    index('s3_meeting_organisations_organisation_idx').on(t.organisationId),
  ],
);

/** A registration from the public page: only what the meeting needs, removed after it. */
export const s3Registrations = pgTable(
  's3_registrations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => s3Meetings.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    organisation: text('organisation'),
    email: text('email').notNull(),
    /** The consent text the person agreed to (its version) and when. */
    consentVersion: text('consent_version').notNull(),
    consentedAt: timestamp('consented_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('s3_registrations_meeting_email').on(t.meetingId, sql`lower(${t.email})`)],
);

export const s3InputKinds = ['need', 'proposal', 'idea'] as const;
export const s3InputStatuses = ['new', 'considered', 'in_action_plan', 'not_taken'] as const;
export type S3InputStatus = (typeof s3InputStatuses)[number];

/** Input raised at a meeting: a need, a proposal or an idea, and what became of it. */
export const s3Inputs = pgTable(
  's3_inputs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => s3Meetings.id, { onDelete: 'restrict' }),
    strengthAreaId: uuid('strength_area_id')
      .notNull()
      .references(() => strengthAreas.id),
    kind: text('kind', { enum: s3InputKinds }).notNull(),
    text: text('text').notNull(),
    /** The organisation that raised it, if known. */
    raisedByOrganisationId: uuid('raised_by_organisation_id').references(() => organisations.id),
    status: text('status', { enum: s3InputStatuses }).notNull().default('new'),
    /** Why it was not taken (required then), or a note on how it was considered. */
    statusReason: text('status_reason'),
    /** The action-plan initiative it became. */
    initiativeId: uuid('initiative_id').references(() => s3Initiatives.id, { onDelete: 'restrict' }),
    isExample: boolean('is_example').notNull().default(false),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('s3_inputs_meeting_idx').on(t.meetingId),
    index('s3_inputs_area_idx').on(t.strengthAreaId),
    index('s3_inputs_initiative_idx').on(t.initiativeId),
  ],
);

/** A lesson (lärdom) in the learning log, with its evidence and the meetings it came from. */
export const s3Lessons = pgTable(
  's3_lessons',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    /** Null: the lesson concerns the whole programme. */
    strengthAreaId: uuid('strength_area_id').references(() => strengthAreas.id),
    title: text('title').notNull(),
    lesson: text('lesson').notNull(),
    evidence: text('evidence'),
    learnedOn: date('learned_on', { mode: 'string' }).notNull(),
    isExample: boolean('is_example').notNull().default(false),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [index('s3_lessons_region_idx').on(t.regionCode, t.learnedOn)],
);

export const s3LessonMeetings = pgTable(
  's3_lesson_meetings',
  {
    lessonId: uuid('lesson_id')
      .notNull()
      .references(() => s3Lessons.id, { onDelete: 'cascade' }),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => s3Meetings.id, { onDelete: 'restrict' }),
  },
  (t) => [
    primaryKey({ columns: [t.lessonId, t.meetingId] }),
    index('s3_lesson_meetings_meeting_idx').on(t.meetingId),
  ],
);

export const s3ChangeKinds = ['vision', 'sub_areas', 'priorities', 'action_plan', 'other'] as const;

/** A decision that changed a strength area's priorities or action plan, citing the lessons behind it. */
export const s3PriorityChanges = pgTable(
  's3_priority_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    strengthAreaId: uuid('strength_area_id').references(() => strengthAreas.id),
    kind: text('kind', { enum: s3ChangeKinds }).notNull(),
    summary: text('summary').notNull(),
    decidedOn: date('decided_on', { mode: 'string' }).notNull(),
    /** The body that decided (e.g. regionala utvecklingsnämnden) and its reference (diarienummer, link). */
    decidedBy: text('decided_by'),
    reference: text('reference'),
    isExample: boolean('is_example').notNull().default(false),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [index('s3_priority_changes_region_idx').on(t.regionCode, t.decidedOn)],
);

export const s3PriorityChangeLessons = pgTable(
  's3_priority_change_lessons',
  {
    changeId: uuid('change_id')
      .notNull()
      .references(() => s3PriorityChanges.id, { onDelete: 'cascade' }),
    lessonId: uuid('lesson_id')
      .notNull()
      .references(() => s3Lessons.id, { onDelete: 'restrict' }),
  },
  (t) => [
    primaryKey({ columns: [t.changeId, t.lessonId] }),
    index('s3_priority_change_lessons_lesson_idx').on(t.lessonId),
  ],
);

/**
 * Tables in dependency order (parents first). Used by export/import; every new table must be
 * added here, which a test checks.
 */
export const tablesInDependencyOrder = [
  regions,
  areas,
  areaRelations,
  indicators,
  indicatorImports,
  indicatorValues,
  indicatorTargets,
  sdgGoals,
  sdgTargets,
  nationalStrategyAreas,
  steeringDocuments,
  longTermPriorities,
  strengthAreas,
  authUsers,
  authSessions,
  authAccounts,
  authVerifications,
  authRateLimits,
  organisations,
  userRegionRoles,
  setupTokens,
  auditEvents,
  instanceSettings,
  efforts,
  effortPartners,
  effortFunding,
  effortReach,
  effortSamebyar,
  effortPriorities,
  effortStrengthAreas,
  effortNationalAreas,
  effortSdgTargets,
  effortAssessments,
  effortIndicators,
  effortIndicatorValues,
  goalConflicts,
  goalConflictGoals,
  goalConflictPlaces,
  goalConflictActors,
  goalConflictEfforts,
  goalConflictSteps,
  conflictSuggestionDecisions,
  interactionMatrices,
  interactionMatrixNodes,
  interactionMatrixScorers,
  interactionMatrixScores,
  samiConsultations,
  samiConsultationParties,
  s3AreaVisions,
  s3SubAreas,
  s3Initiatives,
  s3InitiativeEfforts,
  s3LogicItems,
  s3Steps,
  s3Assessments,
  s3AssessmentScores,
  s3Meetings,
  s3MeetingAreas,
  s3MeetingOrganisations,
  s3Registrations,
  s3Inputs,
  s3Lessons,
  s3LessonMeetings,
  s3PriorityChanges,
  s3PriorityChangeLessons,
] as const;
