/**
 * Loads the shipped reference data (data/) into the database. Idempotent: every row is upserted
 * on its natural key, so running it again changes nothing, and an updated data file updates the
 * rows. Everything happens in one transaction: a broken file leaves the database as it was.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db, DbTransaction } from '../../db/connection.ts';
import * as t from '../../db/schema.ts';
import {
  parseAreaFeatures,
  parseIndicatorDefinitions,
  parseIndicatorValuesCsv,
  parseNationalAreas,
  parsePopulationCsv,
  parseRegionManifest,
  parseSamebyarCsv,
  parseSamiAdministrativeCsv,
  parseSdgs,
  parseSteeringFile,
  ReferenceDataError,
} from './reference-files.ts';

export const POPULATION_INDICATOR_ID = 'population';

export type ReferenceLoadSummary = {
  region: string;
  areas: number;
  areaRelations: number;
  indicatorValues: number;
  sdgGoals: number;
  sdgTargets: number;
  nationalAreas: number;
  steeringDocuments: number;
  priorities: number;
  strengthAreas: number;
};

async function readText(file: string): Promise<string> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (error) {
    throw new ReferenceDataError(file, [`cannot read: ${(error as Error).message}`]);
  }
}

/** Reads and validates every file first (no database work until all files are good). */
async function readReferenceFiles(dataFilesDir: string, regionCode: string) {
  const regionDir = path.join(dataFilesDir, 'regions', regionCode);
  const manifestFile = path.join(regionDir, 'region.json');
  const manifest = parseRegionManifest(manifestFile, await readText(manifestFile));
  if (manifest.code !== regionCode) {
    throw new ReferenceDataError(manifestFile, [
      `code "${manifest.code}" does not match its folder "${regionCode}"`,
    ]);
  }
  const f = (name: string) => path.join(regionDir, name);
  const read = async <T>(file: string, parse: (file: string, content: string) => T) =>
    parse(file, await readText(file));

  const municipalities = await read(f(manifest.files.municipalities), parseAreaFeatures);
  const county = await read(f(manifest.files.county), parseAreaFeatures);
  const population = await read(f(manifest.files.population), parsePopulationCsv);
  const otherValues = manifest.files.indicators
    ? await read(f(manifest.files.indicators), parseIndicatorValuesCsv)
    : [];
  const samebyar = manifest.files.samebyar ? await read(f(manifest.files.samebyar), parseSamebyarCsv) : [];
  const samiAdministrative = manifest.files.samiAdministrative
    ? await read(f(manifest.files.samiAdministrative), parseSamiAdministrativeCsv)
    : [];
  const steering = await read(f(manifest.files.steering), parseSteeringFile);
  const sdgs = await read(path.join(dataFilesDir, 'sdg-goals-targets.json'), parseSdgs);
  const nationalAreas = await read(
    path.join(dataFilesDir, 'national-strategy-areas.json'),
    parseNationalAreas,
  );
  const indicatorDefinitions = await read(
    path.join(dataFilesDir, 'indicator-definitions.json'),
    parseIndicatorDefinitions,
  );

  // Cross-file checks: every code must be known, so no dangling references are loaded.
  const problems: string[] = [];
  const municipalityCodes = new Set(municipalities.map((m) => m.code));
  for (const m of municipalities) {
    if (!m.code.startsWith(regionCode))
      problems.push(`municipality ${m.code} is not in county ${regionCode}`);
  }
  if (county.length !== 1 || county[0]?.code !== regionCode) {
    problems.push(`${manifest.files.county} must hold exactly one feature with code ${regionCode}`);
  }
  for (const row of population) {
    if (row.areaCode !== regionCode && row.areaCode !== 'SE' && !municipalityCodes.has(row.areaCode)) {
      problems.push(`${manifest.files.population}: unknown area code ${row.areaCode}`);
    }
  }
  for (const s of samebyar) {
    for (const m of s.municipalities) {
      if (!municipalityCodes.has(m.code)) problems.push(`sameby ${s.name}: unknown municipality ${m.code}`);
    }
  }
  for (const row of samiAdministrative) {
    if (!municipalityCodes.has(row.code))
      problems.push(`samiAdministrative: unknown municipality ${row.code}`);
  }
  const definedIndicators = new Set(indicatorDefinitions.map((d) => d.id));
  for (const row of otherValues) {
    if (!definedIndicators.has(row.indicatorId))
      problems.push(
        `${manifest.files.indicators}: indicator ${row.indicatorId} is not in indicator-definitions.json`,
      );
    if (row.areaCode !== regionCode && row.areaCode !== 'SE' && !municipalityCodes.has(row.areaCode))
      problems.push(`${manifest.files.indicators}: unknown area code ${row.areaCode}`);
  }
  if (!indicatorDefinitions.some((d) => d.id === POPULATION_INDICATOR_ID)) {
    problems.push(`indicator-definitions.json must define "${POPULATION_INDICATOR_ID}"`);
  }
  if (problems.length > 0) throw new ReferenceDataError(regionDir, problems);

  return {
    manifest,
    municipalities,
    county: county[0] as (typeof county)[number],
    population,
    indicatorValues: [
      ...population.map((p) => ({ ...p, indicatorId: POPULATION_INDICATOR_ID })),
      ...otherValues,
    ],
    samebyar,
    samiAdministrative,
    steering,
    sdgs,
    nationalAreas,
    indicatorDefinitions,
  };
}

/** `excluded.col` for ON CONFLICT … DO UPDATE SET. */
const excluded = (column: string) => sql.raw(`excluded."${column}"`);

/**
 * ON CONFLICT … DO UPDATE for reference rows: every column takes the incoming value, except the
 * key columns, the row id (so links to the row stay valid) and created_at; updated_at becomes
 * now(). Rows whose values did not change are left alone, so a reload changes nothing.
 */
function updateAllExcept(
  table: PgTable,
  keep: string[],
  /** Only rows that also meet this condition are updated (e.g. not edited in the app). */
  onlyWhere?: SQL,
): { set: Record<string, SQL>; setWhere: SQL } {
  const updated = Object.entries(getTableColumns(table)).filter(
    ([property]) => !keep.includes(property) && property !== 'id' && property !== 'createdAt',
  );
  const set = Object.fromEntries(
    updated.map(([property, column]) => [
      property,
      property === 'updatedAt' ? sql`now()` : excluded(column.name),
    ]),
  );
  const changed = updated
    .filter(([property]) => property !== 'updatedAt')
    .map(([, column]) => sql`${column} IS DISTINCT FROM ${excluded(column.name)}`);
  const anyChange = sql`(${sql.join(changed, sql` OR `)})`;
  return { set, setWhere: onlyWhere ? sql`${onlyWhere} AND ${anyChange}` : anyChange };
}

export async function loadReferenceData(
  db: Db,
  dataFilesDir: string,
  regionCode: string,
  /** Runs in the same transaction after loading (e.g. to write the audit row). */
  afterLoad?: (tx: DbTransaction, summary: ReferenceLoadSummary) => Promise<void>,
): Promise<ReferenceLoadSummary> {
  const files = await readReferenceFiles(dataFilesDir, regionCode);
  const { manifest, steering } = files;

  return db.transaction(async (tx) => {
    // Several app servers may start at once against one PostgreSQL: load one at a time.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(4711202624)`);
    await tx
      .insert(t.regions)
      .values({
        code: manifest.code,
        name: manifest.name,
        authority: manifest.authority,
        koladaId: manifest.koladaId ?? null,
        goalSv: steering.goal.text.sv,
        goalEn: steering.goal.text.en,
        goalSource: steering.goal.source ?? null,
      })
      .onConflictDoUpdate({
        target: t.regions.code,
        ...updateAllExcept(t.regions, ['code']),
      });

    const samiByCode = new Map(files.samiAdministrative.map((r) => [r.code, r]));
    const geometrySource = manifest.sources?.municipalities ?? null;
    const areaRows: (typeof t.areas.$inferInsert)[] = [
      {
        code: files.county.code,
        regionCode,
        type: 'county',
        name: files.county.name,
        geometry: files.county.geometry,
        geometrySource: manifest.sources?.county ?? geometrySource,
      },
      ...files.municipalities.map((m) => ({
        code: m.code,
        regionCode,
        type: 'municipality' as const,
        name: m.name,
        samiAdministrative: samiByCode.get(m.code)?.samiAdministrative ?? null,
        samiAdministrativeSource: samiByCode.get(m.code)?.source ?? null,
        geometry: m.geometry,
        geometrySource,
      })),
      ...files.samebyar.map((s) => ({
        code: s.code,
        regionCode,
        type: 'sameby' as const,
        name: s.name,
        source: s.source ?? manifest.sources?.samebyar ?? null,
        note: s.note,
      })),
    ];
    await tx
      .insert(t.areas)
      .values(areaRows)
      .onConflictDoUpdate({
        target: t.areas.code,
        ...updateAllExcept(t.areas, ['code']),
      });

    // Relations are fully described by the file: replace this region's set.
    await tx.delete(t.areaRelations).where(sql`${t.areaRelations.regionCode} = ${regionCode}`);
    const relationRows = files.samebyar.flatMap((s) =>
      s.municipalities.map((m) => ({
        regionCode,
        fromCode: s.code,
        toCode: m.code,
        relation: m.relation,
        confidence: m.confidence,
        source: m.source,
      })),
    );
    if (relationRows.length > 0) await tx.insert(t.areaRelations).values(relationRows);

    await tx
      .insert(t.indicators)
      .values(
        files.indicatorDefinitions.map((d) => ({
          id: d.id,
          titleSv: d.title.sv,
          titleEn: d.title.en,
          descriptionSv: d.description?.sv ?? null,
          descriptionEn: d.description?.en ?? null,
          unitSv: d.unit?.sv ?? null,
          unitEn: d.unit?.en ?? null,
          source: d.source ?? null,
          sourceKind: d.sourceKind,
          koladaKpi: d.koladaKpi ?? null,
          scbTable: d.scbTable ?? null,
          polarity: d.polarity,
          splitBySex: d.splitBySex,
          aggregation: d.aggregation,
        })),
      )
      .onConflictDoUpdate({
        target: t.indicators.id,
        ...updateAllExcept(t.indicators, ['version'], sql`${t.indicators.version} = 1`),
      });

    // Values from files are "final" reference data. Imports and file values share rows: a
    // reload writes a value only when it differs, so an unchanged file changes nothing.
    for (let i = 0; i < files.indicatorValues.length; i += 1000) {
      await tx
        .insert(t.indicatorValues)
        .values(
          files.indicatorValues.slice(i, i + 1000).map((p) => ({
            regionCode,
            indicatorId: p.indicatorId,
            areaCode: p.areaCode,
            year: p.year,
            sex: p.sex,
            value: p.value,
            source: p.source,
          })),
        )
        .onConflictDoUpdate({
          target: [
            t.indicatorValues.regionCode,
            t.indicatorValues.indicatorId,
            t.indicatorValues.areaCode,
            t.indicatorValues.year,
            t.indicatorValues.sex,
          ],
          set: { value: excluded('value'), source: excluded('source') },
          // Leave unchanged rows (and their import time) alone, and never overwrite a value an
          // import wrote: a newer or corrected figure from Kolada, SCB or a file wins over the file.
          setWhere: sql`${t.indicatorValues.importId} IS NULL AND (${t.indicatorValues.value} IS DISTINCT FROM excluded."value" OR ${t.indicatorValues.source} IS DISTINCT FROM excluded."source")`,
        });
    }

    await tx
      .insert(t.sdgGoals)
      .values(
        files.sdgs.map((g) => ({
          goal: g.goal,
          titleSv: g.title.sv,
          titleEn: g.title.en ?? g.title.sv ?? '',
          shortSv: g.short.sv,
          shortEn: g.short.en,
          svSource: g.sv_source ?? null,
        })),
      )
      .onConflictDoUpdate({
        target: t.sdgGoals.goal,
        ...updateAllExcept(t.sdgGoals, ['goal']),
      });
    const targetRows = files.sdgs.flatMap((g) =>
      g.targets.map((target, position) => ({
        id: target.id,
        goal: g.goal,
        position,
        titleSv: target.title.sv,
        titleEn: target.title.en,
        shortSv: target.short?.sv ?? null,
        svSource: target.sv_source ?? null,
      })),
    );
    await tx
      .insert(t.sdgTargets)
      .values(targetRows)
      .onConflictDoUpdate({
        target: t.sdgTargets.id,
        ...updateAllExcept(t.sdgTargets, []),
      });

    await tx
      .insert(t.nationalStrategyAreas)
      .values(
        files.nationalAreas.areas.map((a) => ({
          code: a.code,
          titleSv: a.title.sv ?? a.title.en ?? '',
          titleEn: a.title.en,
          source: files.nationalAreas.source ?? null,
        })),
      )
      .onConflictDoUpdate({
        target: t.nationalStrategyAreas.code,
        ...updateAllExcept(t.nationalStrategyAreas, ['code']),
      });

    const documentIds = new Map<string, string>();
    for (const d of steering.documents) {
      const [row] = await tx
        .insert(t.steeringDocuments)
        .values({
          regionCode,
          key: d.key,
          kind: d.kind,
          titleSv: d.title.sv ?? d.title.en ?? d.key,
          titleEn: d.title.en,
          diarienummer: d.diarienummer ?? null,
          adoptedOn: d.adoptedOn ?? null,
          adoptedBy: d.adoptedBy ?? null,
          validFrom: d.validFrom ?? null,
          validTo: d.validTo ?? null,
          url: d.url ?? null,
          source: d.source ?? null,
          noteSv: d.note?.sv ?? null,
          noteEn: d.note?.en ?? null,
        })
        .onConflictDoUpdate({
          target: [t.steeringDocuments.regionCode, t.steeringDocuments.key],
          ...updateAllExcept(t.steeringDocuments, ['regionCode', 'key']),
        })
        .returning({ id: t.steeringDocuments.id });
      if (row) documentIds.set(d.key, row.id);
    }

    for (const p of steering.priorities) {
      await tx
        .insert(t.longTermPriorities)
        .values({
          regionCode,
          number: p.number,
          documentId: p.documentKey ? (documentIds.get(p.documentKey) ?? null) : null,
          titleSv: p.title.sv ?? p.title.en ?? '',
          titleEn: p.title.en,
          descriptionSv: p.description?.sv ?? null,
          descriptionEn: p.description?.en ?? null,
        })
        .onConflictDoUpdate({
          target: [t.longTermPriorities.regionCode, t.longTermPriorities.number],
          ...updateAllExcept(t.longTermPriorities, ['regionCode', 'number']),
        });
    }

    for (const [position, s] of steering.strengthAreas.entries()) {
      await tx
        .insert(t.strengthAreas)
        .values({
          regionCode,
          slug: s.slug,
          position,
          documentId: s.documentKey ? (documentIds.get(s.documentKey) ?? null) : null,
          nameSv: s.name.sv ?? s.name.en ?? s.slug,
          nameEn: s.name.en,
          descriptionSv: s.description?.sv ?? null,
          descriptionEn: s.description?.en ?? null,
          descriptionUncertain: s.descriptionUncertain ?? false,
        })
        .onConflictDoUpdate({
          target: [t.strengthAreas.regionCode, t.strengthAreas.slug],
          ...updateAllExcept(t.strengthAreas, ['regionCode', 'slug']),
        });
    }

    const summary: ReferenceLoadSummary = {
      region: regionCode,
      areas: areaRows.length,
      areaRelations: relationRows.length,
      indicatorValues: files.indicatorValues.length,
      sdgGoals: files.sdgs.length,
      sdgTargets: targetRows.length,
      nationalAreas: files.nationalAreas.areas.length,
      steeringDocuments: steering.documents.length,
      priorities: steering.priorities.length,
      strengthAreas: steering.strengthAreas.length,
    };
    await afterLoad?.(tx, summary);
    return summary;
  });
}
