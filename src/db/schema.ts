/**
 * The database schema (Drizzle). Migrations in src/db/migrations are generated from this file
 * with `npm run db:generate`; never edit a generated migration by hand.
 *
 * Every region-owned row carries `region_code`, so that one instance can hold several regions
 * and a national instance can be sharded by region.
 */
import {
  boolean,
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

/** Indicator definitions. Shared between regions (population means the same everywhere). */
export const indicators = pgTable('indicators', {
  id: text('id').primaryKey(),
  titleSv: text('title_sv').notNull(),
  titleEn: text('title_en'),
  unitSv: text('unit_sv'),
  unitEn: text('unit_en'),
  source: text('source'),
  koladaKpi: text('kolada_kpi'),
  ...timestamps,
});

export const sexes = ['total', 'women', 'men'] as const;
export type Sex = (typeof sexes)[number];

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
    source: text('source'),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.indicatorId, t.areaCode, t.year, t.sex] }),
    index('indicator_values_area_idx').on(t.areaCode, t.indicatorId),
    index('indicator_values_region_idx').on(t.regionCode),
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

/**
 * Tables in dependency order (parents first). Used by export/import; every new table must be
 * added here, which a test checks.
 */
export const tablesInDependencyOrder = [
  regions,
  areas,
  areaRelations,
  indicators,
  indicatorValues,
  sdgGoals,
  sdgTargets,
  nationalStrategyAreas,
  steeringDocuments,
  longTermPriorities,
  strengthAreas,
] as const;
