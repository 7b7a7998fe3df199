/**
 * Parsing and validation of the shipped reference data files (data/). Pure functions: they take
 * file contents and return typed records, or throw ReferenceDataError naming the file, the row
 * and what is wrong. No I/O here.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { z } from 'zod';
import { indicatorAggregations, indicatorPolarities, indicatorSourceKinds, sexes } from '../../db/schema.ts';

export class ReferenceDataError extends Error {
  constructor(
    public readonly file: string,
    public readonly problems: string[],
  ) {
    super(`Invalid reference data in ${file}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ReferenceDataError';
  }
}

const bilingual = z.object({ sv: z.string().min(1).nullable(), en: z.string().min(1).nullable() });
const isoDate = z.iso.date();

function formatIssues(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
}

function parseJson<T>(file: string, content: string, schema: z.ZodType<T>): T {
  let raw: unknown;
  try {
    raw = JSON.parse(content);
  } catch (error) {
    throw new ReferenceDataError(file, [`not valid JSON: ${(error as Error).message}`]);
  }
  const result = schema.safeParse(raw);
  if (!result.success) throw new ReferenceDataError(file, formatIssues(result.error));
  return result.data;
}

/** Parses a CSV with a header row; each row is validated with `row`. Line numbers are 1-based. */
function parseCsvRows<T>(file: string, content: string, row: z.ZodType<T>): T[] {
  let records: Record<string, string>[];
  try {
    records = parseCsv(content, { columns: true, skip_empty_lines: true, trim: true, bom: true });
  } catch (error) {
    throw new ReferenceDataError(file, [`not valid CSV: ${(error as Error).message}`]);
  }
  const problems: string[] = [];
  const out: T[] = [];
  records.forEach((record, index) => {
    const result = row.safeParse(record);
    if (result.success) out.push(result.data);
    else problems.push(...formatIssues(result.error).map((p) => `line ${index + 2}: ${p}`));
  });
  if (problems.length > 0) throw new ReferenceDataError(file, problems);
  return out;
}

// --- region.json -----------------------------------------------------------------------------

export const regionManifestSchema = z.object({
  code: z.string().regex(/^\d{2}$/, 'county code must be two digits'),
  name: z.string().min(1),
  authority: z.string().min(1),
  koladaId: z.string().optional(),
  files: z.object({
    municipalities: z.string(),
    county: z.string(),
    population: z.string(),
    indicators: z.string().optional(),
    samebyar: z.string().optional(),
    samiAdministrative: z.string().optional(),
    steering: z.string(),
  }),
  sources: z.record(z.string(), z.string()).optional(),
});
export type RegionManifest = z.infer<typeof regionManifestSchema>;

export function parseRegionManifest(file: string, content: string): RegionManifest {
  return parseJson(file, content, regionManifestSchema);
}

// --- GeoJSON ---------------------------------------------------------------------------------

const geometrySchema = z.object({
  type: z.enum(['Polygon', 'MultiPolygon']),
  coordinates: z.array(z.unknown()).min(1),
});
const featureCollectionSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z
    .array(
      z.object({
        type: z.literal('Feature'),
        properties: z.object({ code: z.string().regex(/^\d{2}(\d{2})?$/), name: z.string().min(1) }),
        geometry: geometrySchema,
      }),
    )
    .min(1),
});
export type AreaFeature = { code: string; name: string; geometry: z.infer<typeof geometrySchema> };

export function parseAreaFeatures(file: string, content: string): AreaFeature[] {
  const fc = parseJson(file, content, featureCollectionSchema);
  return fc.features.map((f) => ({ code: f.properties.code, name: f.properties.name, geometry: f.geometry }));
}

// --- population.csv --------------------------------------------------------------------------

const populationRow = z.object({
  municipality_code: z.string().regex(/^(\d{2}|\d{4}|SE)$/, 'must be a county or municipality code, or SE'),
  year: z.coerce.number().int().min(1800).max(2200),
  sex: z.enum(sexes),
  value: z.coerce.number().finite().nonnegative(),
  source: z.string().min(1, 'source is required'),
});
export type PopulationRow = {
  areaCode: string;
  year: number;
  sex: (typeof sexes)[number];
  value: number;
  source: string;
};

export function parsePopulationCsv(file: string, content: string): PopulationRow[] {
  return parseCsvRows(file, content, populationRow).map((r) => ({
    areaCode: r.municipality_code,
    year: r.year,
    sex: r.sex,
    value: r.value,
    source: r.source,
  }));
}

// --- indicators.csv (other indicators in long format) -----------------------------------------

const indicatorValueRow = populationRow.extend({
  indicator_id: z.string().regex(/^[a-z0-9_]+$/, 'indicator_id must be lowercase ASCII, digits and _'),
  value: z.coerce.number().finite(),
});
export type IndicatorValueRow = PopulationRow & { indicatorId: string };

export function parseIndicatorValuesCsv(file: string, content: string): IndicatorValueRow[] {
  return parseCsvRows(file, content, indicatorValueRow).map((r) => ({
    indicatorId: r.indicator_id,
    areaCode: r.municipality_code,
    year: r.year,
    sex: r.sex,
    value: r.value,
    source: r.source,
  }));
}

// --- samebyar.csv ----------------------------------------------------------------------------

const samebyRow = z.object({
  sameby: z.string().min(1),
  municipality_code: z.union([z.literal(''), z.string().regex(/^\d{4}$/)]),
  municipality_name: z.string(),
  relation: z.string(),
  confidence: z.string().min(1),
  source: z.string(),
});
export type Sameby = {
  code: string;
  name: string;
  /** Note and source for a sameby listed without any stated municipality. */
  note: string | null;
  source: string | null;
  municipalities: { code: string; relation: string | null; confidence: string; source: string | null }[];
};

/** Stable code for a sameby (they have no official code): "sameby-" + ASCII slug of the name. */
export function samebyCode(name: string): string {
  const slug = name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `sameby-${slug}`;
}

export function parseSamebyarCsv(file: string, content: string): Sameby[] {
  const rows = parseCsvRows(file, content, samebyRow);
  const byName = new Map<string, Sameby>();
  for (const row of rows) {
    let sameby = byName.get(row.sameby);
    if (!sameby) {
      sameby = {
        code: samebyCode(row.sameby),
        name: row.sameby,
        note: null,
        source: null,
        municipalities: [],
      };
      byName.set(row.sameby, sameby);
    }
    if (row.municipality_code === '') {
      sameby.note = row.relation || null;
      sameby.source = row.source || null;
    } else {
      sameby.municipalities.push({
        code: row.municipality_code,
        relation: row.relation || null,
        confidence: row.confidence,
        source: row.source || null,
      });
    }
  }
  return [...byName.values()];
}

// --- samisk-forvaltningskommun.csv -----------------------------------------------------------

const samiAdminRow = z.object({
  municipality_code: z.string().regex(/^\d{4}$/),
  municipality_name: z.string(),
  samisk_forvaltningskommun: z.enum(['true', 'false'], { error: 'must be true or false' }),
  source: z.string(),
});
export type SamiAdministrativeRow = { code: string; samiAdministrative: boolean; source: string | null };

export function parseSamiAdministrativeCsv(file: string, content: string): SamiAdministrativeRow[] {
  return parseCsvRows(file, content, samiAdminRow).map((r) => ({
    code: r.municipality_code,
    samiAdministrative: r.samisk_forvaltningskommun === 'true',
    source: r.source || null,
  }));
}

// --- steering.json ---------------------------------------------------------------------------

export const steeringFileSchema = z.object({
  goal: z.object({ text: bilingual, source: z.string().nullable().optional() }),
  documents: z
    .array(
      z.object({
        key: z.string().min(1),
        kind: z.enum(['development_strategy', 'goals_and_priorities', 'smart_specialisation']),
        title: bilingual,
        diarienummer: z.string().nullable().optional(),
        adoptedOn: isoDate.nullable().optional(),
        adoptedBy: z.string().nullable().optional(),
        validFrom: isoDate.nullable().optional(),
        validTo: isoDate.nullable().optional(),
        url: z.string().nullable().optional(),
        source: z.string().nullable().optional(),
        note: bilingual.optional(),
      }),
    )
    .min(1),
  priorities: z
    .array(
      z.object({
        number: z.number().int().positive(),
        documentKey: z.string().optional(),
        title: bilingual,
        description: bilingual.optional(),
      }),
    )
    .min(1),
  strengthAreas: z.array(
    z.object({
      slug: z.string().regex(/^[a-z0-9-]+$/, 'slug must be lowercase ASCII with dashes'),
      documentKey: z.string().optional(),
      name: bilingual,
      description: bilingual.optional(),
      descriptionUncertain: z.boolean().optional(),
    }),
  ),
});
export type SteeringFile = z.infer<typeof steeringFileSchema>;

export function parseSteeringFile(file: string, content: string): SteeringFile {
  const steering = parseJson(file, content, steeringFileSchema);
  const keys = new Set(steering.documents.map((d) => d.key));
  const problems: string[] = [];
  for (const item of [...steering.priorities, ...steering.strengthAreas]) {
    if (item.documentKey && !keys.has(item.documentKey))
      problems.push(`unknown documentKey "${item.documentKey}"`);
  }
  if (!steering.goal.text.sv) problems.push('goal.text.sv: the goal must have a Swedish text');
  if (problems.length > 0) throw new ReferenceDataError(file, problems);
  return steering;
}

// --- national-strategy-areas.json ------------------------------------------------------------

const nationalAreasSchema = z.object({
  source: z.string().optional(),
  areas: z.array(z.object({ code: z.number().int().positive(), title: bilingual })).min(1),
});
export function parseNationalAreas(file: string, content: string) {
  return parseJson(file, content, nationalAreasSchema);
}

// --- sdg-goals-targets.json ------------------------------------------------------------------

const sdgSchema = z
  .array(
    z.object({
      goal: z.number().int().min(1).max(17),
      title: bilingual,
      short: bilingual,
      sv_source: z.string().nullable().optional(),
      targets: z.array(
        z.object({
          id: z.string().regex(/^\d{1,2}\.([0-9]{1,2}|[a-z])$/, 'target id like 8.2 or 8.a'),
          title: z.object({ en: z.string().min(1), sv: z.string().min(1).nullable() }),
          short: z.object({ sv: z.string().nullable().optional() }).optional(),
          sv_source: z.string().nullable().optional(),
        }),
      ),
    }),
  )
  .length(17, 'Agenda 2030 has 17 goals');
export type SdgGoalRecord = z.infer<typeof sdgSchema>[number];

export function parseSdgs(file: string, content: string): SdgGoalRecord[] {
  const goals = parseJson(file, content, sdgSchema);
  const problems: string[] = [];
  for (const g of goals) {
    for (const t of g.targets) {
      if (!t.id.startsWith(`${g.goal}.`)) problems.push(`target ${t.id} is listed under goal ${g.goal}`);
    }
  }
  if (problems.length > 0) throw new ReferenceDataError(file, problems);
  return goals;
}

// --- indicator-definitions.json --------------------------------------------------------------

const indicatorDefinitionsSchema = z
  .array(
    z.object({
      id: z.string().regex(/^[a-z0-9_]+$/, 'id must be lowercase ASCII, digits and _'),
      title: z.object({ sv: z.string().min(1), en: z.string().min(1).nullable() }),
      description: bilingual.optional(),
      unit: bilingual.optional(),
      source: z.string().optional(),
      sourceKind: z.enum(indicatorSourceKinds).default('own'),
      koladaKpi: z
        .string()
        .regex(/^[NU]\d{5}$/, 'a Kolada KPI id looks like N01951')
        .optional(),
      scbTable: z.string().optional(),
      polarity: z.enum(indicatorPolarities).default('neutral'),
      splitBySex: z.boolean().default(false),
      aggregation: z.enum(indicatorAggregations).default('none'),
    }),
  )
  .min(1);
export type IndicatorDefinition = z.infer<typeof indicatorDefinitionsSchema>[number];

export function parseIndicatorDefinitions(file: string, content: string): IndicatorDefinition[] {
  return parseJson(file, content, indicatorDefinitionsSchema);
}
