/**
 * The review queue: conflicts the data suggests (effort assessments, Sami presence without
 * consultation, strongly negative matrix cells), minus those an editor has already turned into a
 * conflict or dismissed on the same inputs.
 */
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Db, DbTransaction, Executor } from '../../db/connection.ts';
import type { AssessmentDimension } from '../../db/schema.ts';
import * as t from '../../db/schema.ts';
import { conflict as conflictProblem } from '../../server/problem.ts';
import { compareSwedish } from '../../shared/text.ts';
import type { Actor } from '../access/permissions.ts';
import { recordAudit } from '../audit/audit.ts';
import { loadMatrixParts } from './matrix/matrices-service.ts';
import { analyseMatrix } from './matrix/matrix-analysis.ts';
import {
  assessmentSuggestion,
  type EffortForSuggestions,
  matrixSuggestions,
  openSuggestions,
  type Suggestion,
  samiPlaceSuggestion,
} from './suggestion-rules.ts';

export type SuggestionOut = {
  key: string;
  kind: Suggestion['kind'];
  inputsHash: string;
  effort: { id: string; title: string } | null;
  matrix: { id: string; title: string; row: string; column: string; score: number } | null;
  positive: { dimension: AssessmentDimension; score: number }[];
  negative: { dimension: AssessmentDimension; score: number }[];
  samebyar: { code: string; name: string }[];
  municipalities: { code: string; name: string }[];
  samiScore: number | null;
  /** A starting point for the conflict form. */
  proposal: {
    title: string;
    dimensions: AssessmentDimension[];
    places: string[];
    effortIds: string[];
    madeVisibleBy: 'effort_assessment' | 'consultation' | 'interaction_matrix';
    severity: number;
  };
};

/** All current suggestions of the region, before decisions are applied. */
export async function currentSuggestions(db: Executor, regionCode: string): Promise<SuggestionOut[]> {
  const [
    effortRows,
    reachRows,
    samebyRows,
    assessmentRows,
    consultationRows,
    areaRows,
    relationRows,
    matrices,
  ] = await Promise.all([
    db
      .select({ id: t.efforts.id, title: t.efforts.title, wholeCounty: t.efforts.reachWholeCounty })
      .from(t.efforts)
      .where(and(eq(t.efforts.regionCode, regionCode), ne(t.efforts.status, 'cancelled'))),
    db
      .select({ effortId: t.effortReach.effortId, areaCode: t.effortReach.areaCode })
      .from(t.effortReach)
      .innerJoin(t.efforts, eq(t.efforts.id, t.effortReach.effortId))
      .where(eq(t.efforts.regionCode, regionCode)),
    db
      .select({ effortId: t.effortSamebyar.effortId, areaCode: t.effortSamebyar.areaCode })
      .from(t.effortSamebyar)
      .innerJoin(t.efforts, eq(t.efforts.id, t.effortSamebyar.effortId))
      .where(eq(t.efforts.regionCode, regionCode)),
    db
      .select({
        effortId: t.effortAssessments.effortId,
        dimension: t.effortAssessments.dimension,
        score: t.effortAssessments.score,
      })
      .from(t.effortAssessments)
      .innerJoin(t.efforts, eq(t.efforts.id, t.effortAssessments.effortId))
      .where(eq(t.efforts.regionCode, regionCode)),
    db
      .select({ effortId: t.samiConsultations.effortId })
      .from(t.samiConsultations)
      .where(eq(t.samiConsultations.regionCode, regionCode)),
    db
      .select({ code: t.areas.code, name: t.areas.name, type: t.areas.type })
      .from(t.areas)
      .where(eq(t.areas.regionCode, regionCode)),
    db
      .select({ sameby: t.areaRelations.fromCode, municipality: t.areaRelations.toCode })
      .from(t.areaRelations)
      .where(and(eq(t.areaRelations.regionCode, regionCode), eq(t.areaRelations.confidence, 'stated'))),
    db.select().from(t.interactionMatrices).where(eq(t.interactionMatrices.regionCode, regionCode)),
  ]);
  const nameOf = new Map(areaRows.map((a) => [a.code, a.name]));
  const allMunicipalities = areaRows.filter((a) => a.type === 'municipality').map((a) => a.code);
  const samebyarByMunicipality = new Map<string, string[]>();
  for (const r of relationRows) {
    samebyarByMunicipality.set(r.municipality, [
      ...(samebyarByMunicipality.get(r.municipality) ?? []),
      r.sameby,
    ]);
  }
  const consulted = new Set(consultationRows.map((c) => c.effortId));
  const group = <T extends { effortId: string }>(rows: T[]) => {
    const map = new Map<string, T[]>();
    for (const r of rows) map.set(r.effortId, [...(map.get(r.effortId) ?? []), r]);
    return map;
  };
  const reachBy = group(reachRows);
  const samebyBy = group(samebyRows);
  const assessmentBy = group(assessmentRows);
  const named = (codes: string[]) => codes.map((code) => ({ code, name: nameOf.get(code) ?? code }));

  const out: SuggestionOut[] = [];
  const blank = {
    effort: null,
    matrix: null,
    positive: [],
    negative: [],
    samebyar: [],
    municipalities: [],
    samiScore: null,
  };
  for (const e of effortRows) {
    const effort: EffortForSuggestions = {
      id: e.id,
      title: e.title,
      assessments: (assessmentBy.get(e.id) ?? []).map(({ dimension, score }) => ({ dimension, score })),
      municipalities: e.wholeCounty ? allMunicipalities : (reachBy.get(e.id) ?? []).map((r) => r.areaCode),
      samebyar: (samebyBy.get(e.id) ?? []).map((s) => s.areaCode),
      hasConsultation: consulted.has(e.id),
    };
    const reached = effort.municipalities.filter((code) => nameOf.has(code));
    const assessment = assessmentSuggestion(effort);
    if (assessment) {
      const dimensions = [
        ...new Set([...assessment.positive, ...assessment.negative].map((a) => a.dimension)),
      ];
      out.push({
        ...blank,
        key: assessment.key,
        kind: assessment.kind,
        inputsHash: assessment.inputsHash,
        effort: { id: e.id, title: e.title },
        positive: assessment.positive,
        negative: assessment.negative,
        proposal: {
          title: `Målkonflikt i ${e.title}`.slice(0, 300),
          dimensions,
          places: e.wholeCounty ? [] : reached,
          effortIds: [e.id],
          madeVisibleBy: 'effort_assessment',
          severity: assessment.negative.some((a) => a.score <= -2) ? 2 : 1,
        },
      });
    }
    const place = samiPlaceSuggestion(effort, samebyarByMunicipality);
    if (place) {
      out.push({
        ...blank,
        key: place.key,
        kind: place.kind,
        inputsHash: place.inputsHash,
        effort: { id: e.id, title: e.title },
        samebyar: named(place.samebyar),
        municipalities: named(place.municipalities),
        samiScore: place.samiScore,
        proposal: {
          title: `Samiska intressen och ${e.title}`.slice(0, 300),
          dimensions: ['sami_conditions'],
          places: [...place.municipalities, ...place.samebyar],
          effortIds: [e.id],
          madeVisibleBy: 'consultation',
          severity: place.samiScore !== null && place.samiScore <= -2 ? 3 : 2,
        },
      });
    }
  }
  for (const matrix of matrices) {
    const { nodes, scorers, scores } = await loadMatrixParts(db, matrix.id);
    const { combined } = analyseMatrix(
      nodes,
      scorers.map((s) => s.id),
      scores,
    );
    const cells = nodes.flatMap((row, i) =>
      nodes.map((column, j) => ({
        rowNodeId: row.id,
        columnNodeId: column.id,
        score: combined[i]?.[j] ?? null,
      })),
    );
    const label = new Map(nodes.map((n) => [n.id, n.label]));
    for (const s of matrixSuggestions(matrix.id, cells)) {
      const row = label.get(s.rowNodeId) ?? '';
      const column = label.get(s.columnNodeId) ?? '';
      out.push({
        ...blank,
        key: s.key,
        kind: s.kind,
        inputsHash: s.inputsHash,
        matrix: { id: matrix.id, title: matrix.title, row, column, score: s.score },
        proposal: {
          title: `${row} mot ${column}`.slice(0, 300),
          dimensions: [],
          places: [],
          effortIds: [],
          madeVisibleBy: 'interaction_matrix',
          severity: s.score <= -3 ? 3 : 2,
        },
      });
    }
  }
  return out;
}

async function decisionsOf(db: Executor, regionCode: string) {
  const rows = await db
    .select({
      key: t.conflictSuggestionDecisions.suggestionKey,
      hash: t.conflictSuggestionDecisions.inputsHash,
    })
    .from(t.conflictSuggestionDecisions)
    .where(eq(t.conflictSuggestionDecisions.regionCode, regionCode));
  return new Map(rows.map((r) => [r.key, r.hash]));
}

const kindOrder: Record<Suggestion['kind'], number> = {
  sami_place: 0,
  effort_assessment: 1,
  interaction_matrix: 2,
};

/** The open review queue, Sami suggestions first, then by effort or matrix in Swedish order. */
export async function openSuggestionList(db: Executor, regionCode: string) {
  const [suggestions, decisions] = await Promise.all([
    currentSuggestions(db, regionCode),
    decisionsOf(db, regionCode),
  ]);
  const open = openSuggestions(suggestions, decisions).sort(
    (a, b) =>
      kindOrder[a.kind] - kindOrder[b.kind] ||
      compareSwedish(a.effort?.title ?? a.matrix?.title ?? '', b.effort?.title ?? b.matrix?.title ?? '') ||
      a.key.localeCompare(b.key),
  );
  return { items: open, decided: suggestions.length - open.length };
}

/** Throws 409 unless `key` is an open suggestion with exactly these inputs (so stale pages fail loudly). */
export async function requireOpenSuggestion(
  tx: DbTransaction,
  regionCode: string,
  key: string,
  inputsHash: string,
) {
  // One decision per suggestion at a time: a second editor converting or dismissing the same
  // suggestion waits here, then finds it decided (409) instead of making a second conflict.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`${regionCode}:${key}`}))`);
  const { items } = await openSuggestionList(tx, regionCode);
  const found = items.find((s) => s.key === key);
  if (!found || found.inputsHash !== inputsHash) {
    throw conflictProblem(
      'This suggestion has changed or has already been decided: reload the queue',
      'SUGGESTION_CHANGED',
    );
  }
  return found;
}

export async function dismissSuggestion(
  db: Db,
  actor: Actor,
  input: { key: string; inputsHash: string; reason: string },
) {
  return db.transaction(async (tx) => {
    await requireOpenSuggestion(tx, actor.regionCode, input.key, input.inputsHash);
    const values = {
      regionCode: actor.regionCode,
      suggestionKey: input.key,
      inputsHash: input.inputsHash,
      decision: 'dismissed' as const,
      reason: input.reason,
      conflictId: null,
      decidedByLabel: actor.user?.email ?? 'okänd',
      decidedAt: new Date(),
    };
    const [before] = await tx
      .select()
      .from(t.conflictSuggestionDecisions)
      .where(
        and(
          eq(t.conflictSuggestionDecisions.regionCode, actor.regionCode),
          inArray(t.conflictSuggestionDecisions.suggestionKey, [input.key]),
        ),
      );
    await tx
      .insert(t.conflictSuggestionDecisions)
      .values(values)
      .onConflictDoUpdate({
        target: [t.conflictSuggestionDecisions.regionCode, t.conflictSuggestionDecisions.suggestionKey],
        // A conflict made from the suggestion earlier stays linked (the audit trail has the rest).
        set: { ...values, conflictId: sql`${t.conflictSuggestionDecisions.conflictId}` },
      });
    await recordAudit(tx, actor, {
      action: 'dismiss',
      entityType: 'conflict_suggestion',
      entityId: input.key,
      before: before
        ? { decision: before.decision, inputsHash: before.inputsHash, reason: before.reason }
        : null,
      after: { decision: 'dismissed', inputsHash: input.inputsHash, reason: input.reason },
    });
  });
}

/** Dismissed suggestions (for the record: who dismissed what and why). */
export async function dismissedSuggestions(db: Executor, regionCode: string) {
  return db
    .select({
      key: t.conflictSuggestionDecisions.suggestionKey,
      reason: t.conflictSuggestionDecisions.reason,
      decidedBy: t.conflictSuggestionDecisions.decidedByLabel,
      decidedAt: t.conflictSuggestionDecisions.decidedAt,
    })
    .from(t.conflictSuggestionDecisions)
    .where(
      and(
        eq(t.conflictSuggestionDecisions.regionCode, regionCode),
        eq(t.conflictSuggestionDecisions.decision, 'dismissed'),
      ),
    );
}
