/**
 * Importing efforts from the template (.xlsx), CSV or a JSON export. Every row is checked first;
 * if any row is wrong nothing is written and the report names each bad row, column and reason.
 * Rows are matched on diarienummer: a known one updates that effort, so importing the same file
 * twice creates no duplicates. Everything is written in one transaction, in batches.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { Db, DbTransaction } from '../../db/connection.ts';
import * as t from '../../db/schema.ts';
import { compareSwedish, swedishSortKey } from '../../shared/text.ts';
import type { Actor } from '../access/permissions.ts';
import { changedFields } from '../audit/audit.ts';
import type { TableRow } from './effort-files.ts';
import { assessorOf, insertIndicators, partRows } from './effort-part-rows.ts';
import { type EffortInput, type EffortOut, effortInputSchema } from './effort-schemas.ts';
import { dimensionColumns, type EffortColumn, type Lookups, recordToInput } from './effort-table.ts';
import { effortRow, loadEffortDocuments, replaceIndicators } from './efforts-service.ts';

export type RowError = { row: number; column: string; message: string };
export type ImportReport = {
  rows: number;
  created: number;
  updated: number;
  errors: RowError[];
  /** True when nothing was written (errors, or a dry run). */
  dryRun: boolean;
};

export async function loadLookups(db: Db | DbTransaction, regionCode: string): Promise<Lookups> {
  const [orgs, areaRows, priorities, strength, national, sdg] = await Promise.all([
    db
      .select({
        id: t.organisations.id,
        name: t.organisations.name,
        organisationNumber: t.organisations.organisationNumber,
      })
      .from(t.organisations)
      .where(eq(t.organisations.regionCode, regionCode)),
    db
      .select({ code: t.areas.code, name: t.areas.name, type: t.areas.type })
      .from(t.areas)
      .where(eq(t.areas.regionCode, regionCode)),
    db
      .select({ id: t.longTermPriorities.id, number: t.longTermPriorities.number })
      .from(t.longTermPriorities)
      .where(eq(t.longTermPriorities.regionCode, regionCode)),
    db
      .select({ id: t.strengthAreas.id, name: t.strengthAreas.nameSv, slug: t.strengthAreas.slug })
      .from(t.strengthAreas)
      .where(eq(t.strengthAreas.regionCode, regionCode)),
    db.select({ code: t.nationalStrategyAreas.code }).from(t.nationalStrategyAreas),
    db.select({ id: t.sdgTargets.id }).from(t.sdgTargets),
  ]);
  const byName = (a: { name: string }, b: { name: string }) => compareSwedish(a.name, b.name);
  return {
    organisations: orgs,
    municipalities: areaRows.filter((a) => a.type === 'municipality').sort(byName),
    samebyar: areaRows.filter((a) => a.type === 'sameby').sort(byName),
    priorities: priorities.sort((a, b) => a.number - b.number),
    strengthAreas: strength,
    nationalAreas: national.map((n) => n.code).sort(),
    sdgTargets: sdg.map((s) => s.id),
  };
}

// Where a problem found by the API schema shows up in the table.
const topLevelColumn: Record<string, EffortColumn> = {
  title: 'titel',
  summary: 'sammanfattning',
  description: 'beskrivning',
  diarienummer: 'diarienummer',
  status: 'status',
  startDate: 'startdatum',
  endDate: 'slutdatum',
  ownerOrganisationId: 'ägare',
  targetGroups: 'målgrupper',
  visibility: 'synlighet',
  partners: 'partner',
  funding: 'finansiering',
};
const subColumn: Record<string, EffortColumn> = {
  wholeCounty: 'hela_länet',
  municipalities: 'kommuner',
  samebyar: 'samebyar',
  priorities: 'prioriteringar',
  strengthAreas: 'styrkeområden',
  nationalAreas: 'nationella_områden',
  sdgTargets: 'agenda2030_delmål',
};

function columnOf(path: PropertyKey[], input: Record<string, unknown>): string {
  const [first, second, third] = path.map(String);
  if (first === 'reach' || first === 'links') return subColumn[second ?? ''] ?? String(first);
  if (first === 'assessments') {
    const assessments = input.assessments as Array<{ dimension: t.AssessmentDimension }> | undefined;
    const dimension = assessments?.[Number(second)]?.dimension;
    const label = dimension ? dimensionColumns[dimension] : '';
    return third === 'rationale' ? `motivering_${label}` : `bedömning_${label}`;
  }
  return topLevelColumn[first ?? ''] ?? String(first ?? '');
}

type ParsedRow = { row: number; input: EffortInput };

/** Checks every row; returns the inputs, or every problem found. */
export function checkRows(rows: TableRow[], lookups: Lookups): { parsed: ParsedRow[]; errors: RowError[] } {
  const parsed: ParsedRow[] = [];
  const errors: RowError[] = [];
  const seen = new Map<string, number>();
  for (const { row, record } of rows) {
    const mapped = recordToInput(record, lookups);
    if ('errors' in mapped) {
      errors.push(...mapped.errors.map((e) => ({ row, ...e })));
      continue;
    }
    const result = effortInputSchema.safeParse(mapped.input);
    if (!result.success) {
      errors.push(
        ...result.error.issues.map((issue) => ({
          row,
          column: columnOf(issue.path, mapped.input),
          message: issue.message,
        })),
      );
      continue;
    }
    const key = result.data.diarienummer ?? '';
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      errors.push({ row, column: 'diarienummer', message: `samma diarienummer som rad ${earlier}` });
      continue;
    }
    seen.set(key, row);
    parsed.push({ row, input: result.data });
  }
  return { parsed, errors };
}

/** A JSON export (or an array of API inputs): each element is checked like a POST body. */
export function checkJson(text: string): { parsed: ParsedRow[]; errors: RowError[] } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return {
      parsed: [],
      errors: [{ row: 0, column: '', message: `not valid JSON: ${(error as Error).message}` }],
    };
  }
  const items = Array.isArray(data) ? data : (data as { items?: unknown })?.items;
  if (!Array.isArray(items))
    return { parsed: [], errors: [{ row: 0, column: '', message: 'expected an array of efforts' }] };
  const parsed: ParsedRow[] = [];
  const errors: RowError[] = [];
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const row = i + 1;
    const result = effortInputSchema.safeParse(fromExportedDocument(item));
    if (!result.success) {
      for (const issue of result.error.issues)
        errors.push({ row, column: issue.path.join('.'), message: issue.message });
      return;
    }
    if (!result.data.diarienummer) {
      errors.push({
        row,
        column: 'diarienummer',
        message: 'required for import (so that the same file creates no duplicates)',
      });
      return;
    }
    const earlier = seen.get(result.data.diarienummer);
    if (earlier !== undefined) {
      errors.push({ row, column: 'diarienummer', message: `same diarienummer as item ${earlier}` });
      return;
    }
    seen.set(result.data.diarienummer, row);
    parsed.push({ row, input: result.data });
  });
  return { parsed, errors };
}

/** The JSON export holds full documents (names, totals); turn one back into an input. */
function fromExportedDocument(item: unknown): unknown {
  if (typeof item !== 'object' || item === null || !('fundingTotals' in item)) return item;
  const d = item as EffortOut;
  return {
    title: d.title,
    summary: d.summary,
    description: d.description,
    diarienummer: d.diarienummer,
    status: d.status,
    startDate: d.startDate,
    endDate: d.endDate,
    ownerOrganisationId: d.owner?.id ?? null,
    targetGroups: d.targetGroups,
    visibility: d.visibility,
    partners: d.partners.map((p) => ({ organisationId: p.organisation.id, role: p.role })),
    funding: d.funding.map((f) => ({
      source: f.source,
      financierOrganisationId: f.financier?.id ?? null,
      year: f.year,
      amountSek: f.amountSek,
      status: f.status,
    })),
    reach: {
      wholeCounty: d.reach.wholeCounty,
      municipalities: d.reach.wholeCounty
        ? []
        : d.reach.municipalities.map((m) => ({ areaCode: m.areaCode, share: m.share })),
      samebyar: d.reach.samebyar.map((s) => s.areaCode),
    },
    links: {
      priorities: d.links.priorities.map((p) => p.id),
      strengthAreas: d.links.strengthAreas.map((s) => s.id),
      nationalAreas: d.links.nationalAreas.map((n) => n.code),
      sdgTargets: d.links.sdgTargets.map((s) => s.id),
    },
    assessments: d.assessments.map((a) => ({
      dimension: a.dimension,
      score: a.score,
      rationale: a.rationale,
    })),
    indicators: d.indicators.map((i) => ({
      kind: i.kind,
      name: i.name,
      unit: i.unit,
      baseline: i.baseline,
      target: i.target,
      values: i.values.map((v) => ({ period: v.period, sex: v.sex, areaCode: v.areaCode, actual: v.actual })),
    })),
  };
}

const chunk = <T>(items: T[], size: number) =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/**
 * Writes checked rows in one transaction: new diarienummer → created, known → updated (every part
 * in the file replaced; indicators kept unless the file has them). References were resolved
 * against the region while checking, and the foreign keys hold them to it.
 */
export async function writeImport(
  db: Db,
  actor: Actor,
  parsed: ParsedRow[],
  options: { keepIndicators: boolean },
): Promise<{ created: number; updated: number }> {
  return db.transaction(async (tx) => {
    // Foreign keys do not know about regions: check the ids of the JSON import once, in bulk.
    await checkIdsInRegion(
      tx,
      actor.regionCode,
      parsed.map((p) => p.input),
    );
    const numbers = parsed.map((p) => p.input.diarienummer ?? '');
    const existing = new Map<string, string>();
    for (const part of chunk(numbers, 1000)) {
      const rows = await tx
        .select({ id: t.efforts.id, diarienummer: t.efforts.diarienummer })
        .from(t.efforts)
        .where(and(eq(t.efforts.regionCode, actor.regionCode), inArray(t.efforts.diarienummer, part)));
      for (const r of rows) if (r.diarienummer) existing.set(r.diarienummer, r.id);
    }
    const updates = parsed.filter((p) => existing.has(p.input.diarienummer ?? ''));
    const creates = parsed.filter((p) => !existing.has(p.input.diarienummer ?? ''));

    const before = new Map<string, Record<string, unknown>>();
    const updateIds = updates.map((u) => existing.get(u.input.diarienummer ?? '') ?? '');
    for (const part of chunk(updateIds, 500)) {
      for (const d of await loadEffortDocuments(tx, actor.regionCode, part)) before.set(d.id, auditable(d));
    }
    // Updates: new core fields, old parts out.
    for (const u of updates) {
      const id = existing.get(u.input.diarienummer ?? '') ?? '';
      const {
        partners: _p,
        funding: _f,
        reach,
        links: _l,
        assessments: _a,
        indicators: _i,
        ...fields
      } = u.input;
      await tx
        .update(t.efforts)
        .set({
          ...fields,
          titleSort: swedishSortKey(fields.title),
          summary: fields.summary ?? null,
          description: fields.description ?? null,
          startDate: fields.startDate ?? null,
          endDate: fields.endDate ?? null,
          ownerOrganisationId: fields.ownerOrganisationId ?? null,
          reachWholeCounty: reach.wholeCounty,
          version: sqlIncrement,
          updatedAt: new Date(),
        })
        .where(eq(t.efforts.id, id));
    }
    for (const part of chunk(updateIds, 1000)) {
      for (const table of [
        t.effortPartners,
        t.effortFunding,
        t.effortReach,
        t.effortSamebyar,
        t.effortPriorities,
        t.effortStrengthAreas,
        t.effortNationalAreas,
        t.effortSdgTargets,
        t.effortAssessments,
      ]) {
        await tx.delete(table).where(inArray(table.effortId, part));
      }
    }
    // Creates: core rows in batches.
    const createdIds: string[] = [];
    for (const part of chunk(creates, 500)) {
      const rows = await tx
        .insert(t.efforts)
        .values(part.map(({ input }) => effortRow(actor.regionCode, input)))
        .returning({ id: t.efforts.id });
      createdIds.push(...rows.map((r) => r.id));
    }
    const withIds = [
      ...updates.map((u, i) => ({ id: updateIds[i] ?? '', input: u.input })),
      ...creates.map((c, i) => ({ id: createdIds[i] ?? '', input: c.input })),
    ];
    await insertPartsInBulk(tx, actor, withIds);
    if (!options.keepIndicators) {
      // Replaced in place, keeping the ids a strength area's intervention logic may measure by
      // (removing one it measures by refuses the import with 409 IN_USE, as an edit does).
      for (const [i, u] of updates.entries())
        await replaceIndicators(tx, updateIds[i] ?? '', u.input.indicators);
      for (const [i, c] of creates.entries())
        await insertIndicators(tx, createdIds[i] ?? '', c.input.indicators);
    }

    // The audit trail: one row per effort, as after any other change.
    const auditRows = [];
    for (const part of chunk(withIds, 500)) {
      const after = await loadEffortDocuments(
        tx,
        actor.regionCode,
        part.map((p) => p.id),
      );
      for (const d of after) {
        const previous = before.get(d.id) ?? null;
        auditRows.push({
          regionCode: actor.regionCode,
          actorUserId: actor.user?.id ?? null,
          actorLabel: actor.user?.email ?? 'import',
          action: previous ? 'update' : 'create',
          entityType: 'effort',
          entityId: d.id,
          changes: changedFields(previous, auditable(d)),
        });
      }
    }
    for (const part of chunk(auditRows, 500)) await tx.insert(t.auditEvents).values(part);
    return { created: creates.length, updated: updates.length };
  });
}

const sqlIncrement = sql`${t.efforts.version} + 1`;

function auditable(d: EffortOut): Record<string, unknown> {
  const { fundingTotals: _t, version: _v, createdAt: _c, updatedAt: _u, ...rest } = d;
  return rest.reach.wholeCounty ? { ...rest, reach: { ...rest.reach, municipalities: [] } } : rest;
}

async function checkIdsInRegion(tx: DbTransaction, regionCode: string, inputs: EffortInput[]) {
  const orgIds = new Set<string>();
  const priorityIds = new Set<string>();
  const strengthIds = new Set<string>();
  const areaCodes = new Set<string>();
  for (const i of inputs) {
    if (i.ownerOrganisationId) orgIds.add(i.ownerOrganisationId);
    for (const p of i.partners) orgIds.add(p.organisationId);
    for (const f of i.funding) if (f.financierOrganisationId) orgIds.add(f.financierOrganisationId);
    for (const p of i.links.priorities) priorityIds.add(p);
    for (const s of i.links.strengthAreas) strengthIds.add(s);
    for (const m of i.reach.municipalities) areaCodes.add(m.areaCode);
    for (const s of i.reach.samebyar) areaCodes.add(s);
  }
  const missing = async (ids: Set<string>, load: (part: string[]) => Promise<string[]>, what: string) => {
    for (const part of chunk([...ids], 1000)) {
      const found = new Set(await load(part));
      const absent = part.filter((id) => !found.has(id));
      if (absent.length)
        throw new ImportReferenceError(`${what} not in the region: ${absent.slice(0, 5).join(', ')}`);
    }
  };
  await missing(
    orgIds,
    async (part) =>
      (
        await tx
          .select({ id: t.organisations.id })
          .from(t.organisations)
          .where(and(eq(t.organisations.regionCode, regionCode), inArray(t.organisations.id, part)))
      ).map((r) => r.id),
    'organisations',
  );
  await missing(
    priorityIds,
    async (part) =>
      (
        await tx
          .select({ id: t.longTermPriorities.id })
          .from(t.longTermPriorities)
          .where(and(eq(t.longTermPriorities.regionCode, regionCode), inArray(t.longTermPriorities.id, part)))
      ).map((r) => r.id),
    'priorities',
  );
  await missing(
    strengthIds,
    async (part) =>
      (
        await tx
          .select({ id: t.strengthAreas.id })
          .from(t.strengthAreas)
          .where(and(eq(t.strengthAreas.regionCode, regionCode), inArray(t.strengthAreas.id, part)))
      ).map((r) => r.id),
    'strength areas',
  );
  await missing(
    areaCodes,
    async (part) =>
      (
        await tx
          .select({ code: t.areas.code })
          .from(t.areas)
          .where(and(eq(t.areas.regionCode, regionCode), inArray(t.areas.code, part)))
      ).map((r) => r.code),
    'areas',
  );
}

export class ImportReferenceError extends Error {}

async function insertPartsInBulk(
  tx: DbTransaction,
  actor: Actor,
  efforts: Array<{ id: string; input: EffortInput }>,
) {
  const assessor = assessorOf(actor);
  const rows = efforts.map((e) => partRows(e.id, e.input, assessor));
  const insertAll = async <T extends PgTable>(table: T, values: Array<Record<string, unknown>>) => {
    for (const part of chunk(values, 1000)) if (part.length) await tx.insert(table).values(part as never);
  };
  const all = <K extends keyof (typeof rows)[number]>(key: K) =>
    rows.flatMap((r) => (r[key] ?? []) as Array<Record<string, unknown>>);
  await insertAll(t.effortPartners, all('partners'));
  await insertAll(t.effortFunding, all('funding'));
  await insertAll(t.effortReach, all('reach'));
  await insertAll(t.effortSamebyar, all('samebyar'));
  await insertAll(t.effortPriorities, all('priorities'));
  await insertAll(t.effortStrengthAreas, all('strengthAreas'));
  await insertAll(t.effortNationalAreas, all('nationalAreas'));
  await insertAll(t.effortSdgTargets, all('sdgTargets'));
  await insertAll(t.effortAssessments, all('assessments'));
}

export const importQuery = z.object({
  filename: z
    .string()
    .trim()
    .max(255)
    .default('import.csv')
    .describe('The uploaded file’s name (its type is also read from its bytes)'),
  dryRun: z.stringbool().default(false).describe('Check only; write nothing'),
});
