/**
 * Interaction matrices: nodes, scorers and their scores, with the combined matrix and the
 * measures computed on read (they are cheap: a 40-node matrix has 1 560 cells).
 */
import { and, asc, eq, inArray, or, type SQL } from 'drizzle-orm';
import type { Db, DbTransaction, Executor } from '../../../db/connection.ts';
import { isUniqueViolation } from '../../../db/errors.ts';
import * as t from '../../../db/schema.ts';
import { type FieldError, HttpProblem, notFound } from '../../../server/problem.ts';
import { versionMismatch } from '../../../shared/optimistic-lock.ts';
import type { Actor } from '../../access/permissions.ts';
import { readsEverything } from '../../access/permissions.ts';
import { type AuditActor, recordAudit } from '../../audit/audit.ts';
import { analyseMatrix } from './matrix-analysis.ts';
import type { MatrixInput, MatrixOut, MatrixPatch, ScoresInput } from './matrix-schemas.ts';
import { parseScoreFile, type ScoreFileProblem, type ScoreFileScore } from './matrix-score-file.ts';

const entityType = 'interaction_matrix';
type ScoreRow = typeof t.interactionMatrixScores.$inferSelect;

const scopeCondition = (actor: Actor): SQL | undefined =>
  readsEverything(actor) ? undefined : eq(t.interactionMatrices.visibility, 'published');

export async function listMatrices(db: Db, actor: Actor) {
  const rows = await db
    .select()
    .from(t.interactionMatrices)
    .where(and(eq(t.interactionMatrices.regionCode, actor.regionCode), scopeCondition(actor)))
    .orderBy(asc(t.interactionMatrices.createdAt));
  const ids = rows.map((r) => r.id);
  const [nodes, scorers] = ids.length
    ? await Promise.all([
        db
          .select({ matrixId: t.interactionMatrixNodes.matrixId })
          .from(t.interactionMatrixNodes)
          .where(inArray(t.interactionMatrixNodes.matrixId, ids)),
        db
          .select({ matrixId: t.interactionMatrixScorers.matrixId })
          .from(t.interactionMatrixScorers)
          .where(inArray(t.interactionMatrixScorers.matrixId, ids)),
      ])
    : [[], []];
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    description: r.description,
    nodeCount: nodes.filter((n) => n.matrixId === r.id).length,
    scorerCount: scorers.filter((s) => s.matrixId === r.id).length,
    visibility: r.visibility,
    isExample: r.isExample,
    updatedAt: r.updatedAt.toISOString(),
  }));
}

/** The matrix row if it exists in the region and the reader may see it. */
export async function getMatrixRow(db: Executor, actor: Actor, id: string) {
  const [row] = await db
    .select()
    .from(t.interactionMatrices)
    .where(
      and(
        eq(t.interactionMatrices.id, id),
        eq(t.interactionMatrices.regionCode, actor.regionCode),
        scopeCondition(actor),
      ),
    );
  return row ?? null;
}

export async function loadMatrixParts(db: Executor, matrixId: string) {
  const [nodes, scorers] = await Promise.all([
    db
      .select()
      .from(t.interactionMatrixNodes)
      .where(eq(t.interactionMatrixNodes.matrixId, matrixId))
      .orderBy(asc(t.interactionMatrixNodes.position)),
    db
      .select()
      .from(t.interactionMatrixScorers)
      .where(eq(t.interactionMatrixScorers.matrixId, matrixId))
      .orderBy(asc(t.interactionMatrixScorers.name)),
  ]);
  const scores = scorers.length
    ? await db
        .select()
        .from(t.interactionMatrixScores)
        .where(
          inArray(
            t.interactionMatrixScores.scorerId,
            scorers.map((s) => s.id),
          ),
        )
    : [];
  return { nodes, scorers, scores };
}

export async function loadMatrixDocument(
  db: Executor,
  row: typeof t.interactionMatrices.$inferSelect,
): Promise<MatrixOut> {
  const { nodes, scorers, scores } = await loadMatrixParts(db, row.id);
  const analysis = analyseMatrix(
    nodes,
    scorers.map((s) => s.id),
    scores,
  );
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    nodeCount: nodes.length,
    scorerCount: scorers.length,
    visibility: row.visibility,
    isExample: row.isExample,
    updatedAt: row.updatedAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
    version: row.version,
    nodes: nodes.map(({ id, position, kind, ref, label }) => ({ id, position, kind, ref, label })),
    scorers: scorers.map((s) => ({
      id: s.id,
      name: s.name,
      scoredCells: analysis.scoredCellsByScorer[s.id] ?? 0,
    })),
    combined: analysis.combined,
    disagreements: analysis.disagreements,
    measures: analysis.measures,
    strongNegativeLinks: analysis.strongNegativeLinks,
    reinforcingGroups: analysis.reinforcingGroups,
  };
}

const badRequest = (errors: FieldError[]) =>
  new HttpProblem(400, 'Bad Request', errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);

function checkNames(nodes: { label: string }[] | undefined, scorers: { name: string }[] | undefined) {
  const errors: FieldError[] = [];
  const duplicates = (values: string[], field: string) => {
    const seen = new Set<string>();
    values.forEach((v, i) => {
      const key = v.normalize('NFC').toLocaleLowerCase('sv');
      if (seen.has(key)) errors.push({ field: `body.${field}.${i}`, message: `"${v}" appears twice` });
      seen.add(key);
    });
  };
  if (nodes)
    duplicates(
      nodes.map((n) => n.label),
      'nodes',
    );
  if (scorers)
    duplicates(
      scorers.map((s) => s.name),
      'scorers',
    );
  if (errors.length) throw badRequest(errors);
}

/** Replaces the node and scorer lists: kept ids keep their scores, others are removed with theirs. */
async function writeLists(
  tx: DbTransaction,
  matrixId: string,
  patch: Pick<MatrixPatch, 'nodes' | 'scorers'>,
): Promise<ScoreRow[]> {
  // Scores removed with their node or scorer, for the audit trail.
  const removedScores: ScoreRow[] = [];
  if (patch.nodes) {
    const existing = await tx
      .select({ id: t.interactionMatrixNodes.id })
      .from(t.interactionMatrixNodes)
      .where(eq(t.interactionMatrixNodes.matrixId, matrixId));
    const existingIds = new Set(existing.map((n) => n.id));
    const errors: FieldError[] = [];
    patch.nodes.forEach((n, i) => {
      if (n.id && !existingIds.has(n.id))
        errors.push({ field: `body.nodes.${i}.id`, message: 'not a node of this matrix' });
    });
    if (errors.length) throw badRequest(errors);
    const kept = new Set(patch.nodes.flatMap((n) => (n.id ? [n.id] : [])));
    const removed = [...existingIds].filter((id) => !kept.has(id));
    if (removed.length) {
      removedScores.push(
        ...(await tx
          .select()
          .from(t.interactionMatrixScores)
          .where(
            or(
              inArray(t.interactionMatrixScores.rowNodeId, removed),
              inArray(t.interactionMatrixScores.columnNodeId, removed),
            ),
          )),
      );
      await tx.delete(t.interactionMatrixNodes).where(inArray(t.interactionMatrixNodes.id, removed));
    }
    for (const [position, node] of patch.nodes.entries()) {
      const values = { kind: node.kind, ref: node.ref ?? null, label: node.label, position };
      if (node.id)
        await tx.update(t.interactionMatrixNodes).set(values).where(eq(t.interactionMatrixNodes.id, node.id));
      else await tx.insert(t.interactionMatrixNodes).values({ ...values, matrixId });
    }
  }
  if (patch.scorers) {
    const existing = await tx
      .select({ id: t.interactionMatrixScorers.id })
      .from(t.interactionMatrixScorers)
      .where(eq(t.interactionMatrixScorers.matrixId, matrixId));
    const existingIds = new Set(existing.map((s) => s.id));
    const errors: FieldError[] = [];
    patch.scorers.forEach((s, i) => {
      if (s.id && !existingIds.has(s.id))
        errors.push({ field: `body.scorers.${i}.id`, message: 'not a scorer of this matrix' });
    });
    if (errors.length) throw badRequest(errors);
    const kept = new Set(patch.scorers.flatMap((s) => (s.id ? [s.id] : [])));
    const removed = [...existingIds].filter((id) => !kept.has(id));
    if (removed.length) {
      removedScores.push(
        ...(await tx
          .select()
          .from(t.interactionMatrixScores)
          .where(inArray(t.interactionMatrixScores.scorerId, removed))),
      );
      await tx.delete(t.interactionMatrixScorers).where(inArray(t.interactionMatrixScorers.id, removed));
    }
    // Renames first to temporary names, so swapping two names does not trip the unique constraint.
    for (const s of patch.scorers.filter((s) => s.id)) {
      await tx
        .update(t.interactionMatrixScorers)
        .set({ name: `__renaming__${s.id}` })
        .where(eq(t.interactionMatrixScorers.id, s.id as string));
    }
    for (const s of patch.scorers) {
      if (s.id)
        await tx
          .update(t.interactionMatrixScorers)
          .set({ name: s.name })
          .where(eq(t.interactionMatrixScorers.id, s.id));
      else await tx.insert(t.interactionMatrixScorers).values({ matrixId, name: s.name });
    }
  }
  return removedScores;
}

function auditView(document: MatrixOut) {
  return {
    title: document.title,
    description: document.description,
    visibility: document.visibility,
    nodes: document.nodes.map((n) => `${n.kind}:${n.ref ?? ''}:${n.label}`),
    scorers: document.scorers.map((s) => s.name),
  };
}

export async function insertMatrix(
  tx: DbTransaction,
  actor: AuditActor,
  input: MatrixInput,
  options: { isExample?: boolean } = {},
): Promise<typeof t.interactionMatrices.$inferSelect> {
  checkNames(input.nodes, input.scorers);
  const [row] = await tx
    .insert(t.interactionMatrices)
    .values({
      regionCode: actor.regionCode,
      title: input.title,
      description: input.description,
      visibility: input.visibility,
      isExample: options.isExample ?? false,
    })
    .returning();
  if (!row) throw new Error('matrix not inserted');
  await writeLists(tx, row.id, {
    nodes: input.nodes.map(({ id: _id, ...n }) => n),
    scorers: input.scorers.map(({ id: _id, ...s }) => s),
  });
  const document = await loadMatrixDocument(tx, row);
  await recordAudit(tx, actor, {
    action: 'create',
    entityType,
    entityId: row.id,
    before: null,
    after: auditView(document),
  });
  return row;
}

export async function createMatrix(db: Db, actor: Actor, input: MatrixInput): Promise<MatrixOut> {
  return db.transaction(async (tx) => loadMatrixDocument(tx, await insertMatrix(tx, actor, input)));
}

async function lockMatrix(tx: DbTransaction, actor: Actor, id: string, expectedVersion: number | null) {
  const [current] = await tx
    .select()
    .from(t.interactionMatrices)
    .where(and(eq(t.interactionMatrices.id, id), eq(t.interactionMatrices.regionCode, actor.regionCode)))
    .for('update');
  if (!current) throw notFound(`No interaction matrix ${id}`);
  if (expectedVersion !== null && current.version !== expectedVersion) throw versionMismatch(current.version);
  return current;
}

async function bump(tx: DbTransaction, current: typeof t.interactionMatrices.$inferSelect, fields = {}) {
  const [row] = await tx
    .update(t.interactionMatrices)
    .set({ ...fields, version: current.version + 1, updatedAt: new Date() })
    .where(eq(t.interactionMatrices.id, current.id))
    .returning();
  if (!row) throw new Error('matrix vanished');
  return row;
}

export async function updateMatrix(
  db: Db,
  actor: Actor,
  id: string,
  expectedVersion: number,
  patch: MatrixPatch,
): Promise<MatrixOut> {
  try {
    return await db.transaction(async (tx) => {
      const current = await lockMatrix(tx, actor, id, expectedVersion);
      checkNames(patch.nodes, patch.scorers);
      const before = await loadMatrixDocument(tx, current);
      // Nothing sent: nothing changes (no new version, no audit row).
      if (Object.keys(patch).length === 0) return before;
      const { nodes, scorers, ...fields } = patch;
      const removedScores = await writeLists(tx, id, { nodes, scorers });
      const after = await loadMatrixDocument(tx, await bump(tx, current, fields));
      await recordAudit(tx, actor, {
        action: 'update',
        entityType,
        entityId: id,
        before: { ...auditView(before), ...(removedScores.length ? { removedScores } : {}) },
        after: auditView(after),
      });
      return after;
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw badRequest([{ field: 'body.scorers', message: 'a scorer name appears twice' }]);
    throw error;
  }
}

const cellKey = (s: { scorerId: string; rowNodeId: string; columnNodeId: string }) =>
  `${s.scorerId}|${s.rowNodeId}|${s.columnNodeId}`;

/**
 * Writes scores: `replaceScorer` set → that scorer's whole set is replaced (cells not sent are
 * removed); otherwise the cells sent are added or changed and others kept (a file import).
 * Returns counts and audits every changed cell with before/after.
 */
async function writeScores(
  tx: DbTransaction,
  actor: Actor,
  current: typeof t.interactionMatrices.$inferSelect,
  scores: ScoreFileScore[],
  options: { replaceScorer?: string; action: string },
) {
  const { scorers } = await loadMatrixParts(tx, current.id);
  const scorerIds = scorers.map((s) => s.id);
  const existing: ScoreRow[] = scorerIds.length
    ? await tx
        .select()
        .from(t.interactionMatrixScores)
        .where(inArray(t.interactionMatrixScores.scorerId, scorerIds))
    : [];
  const before = new Map(existing.map((s) => [cellKey(s), s]));
  const sent = new Map(scores.map((s) => [cellKey(s), s]));
  const changes: { cell: string; before: unknown; after: unknown }[] = [];
  let inserted = 0;
  let updated = 0;
  let unchanged = 0;
  for (const [key, s] of sent) {
    const old = before.get(key);
    const rationale = s.rationale?.trim() || null;
    if (!old) inserted++;
    else if (old.score === s.score && (old.rationale ?? null) === rationale) {
      unchanged++;
      continue;
    } else updated++;
    changes.push({
      cell: key,
      before: old ? { score: old.score, rationale: old.rationale } : null,
      after: { score: s.score, rationale },
    });
    await tx
      .insert(t.interactionMatrixScores)
      .values({ ...s, rationale })
      .onConflictDoUpdate({
        target: [
          t.interactionMatrixScores.scorerId,
          t.interactionMatrixScores.rowNodeId,
          t.interactionMatrixScores.columnNodeId,
        ],
        set: { score: s.score, rationale },
      });
  }
  let removed = 0;
  if (options.replaceScorer) {
    for (const old of existing.filter((s) => s.scorerId === options.replaceScorer && !sent.has(cellKey(s)))) {
      await tx
        .delete(t.interactionMatrixScores)
        .where(
          and(
            eq(t.interactionMatrixScores.scorerId, old.scorerId),
            eq(t.interactionMatrixScores.rowNodeId, old.rowNodeId),
            eq(t.interactionMatrixScores.columnNodeId, old.columnNodeId),
          ),
        );
      changes.push({
        cell: cellKey(old),
        before: { score: old.score, rationale: old.rationale },
        after: null,
      });
      removed++;
    }
  }
  if (changes.length) {
    await bump(tx, current);
    await recordAudit(tx, actor, {
      action: options.action,
      entityType,
      entityId: current.id,
      before: null,
      after: { changes },
    });
  }
  return { inserted, updated, unchanged, removed };
}

/** Checks that each cell names two different nodes of the matrix. */
async function checkCells(tx: DbTransaction, matrixId: string, scores: ScoresInput['scores']) {
  const nodeIds = new Set(
    (
      await tx
        .select({ id: t.interactionMatrixNodes.id })
        .from(t.interactionMatrixNodes)
        .where(eq(t.interactionMatrixNodes.matrixId, matrixId))
    ).map((n) => n.id),
  );
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  scores.forEach((s, i) => {
    if (!nodeIds.has(s.rowNodeId))
      errors.push({ field: `body.scores.${i}.rowNodeId`, message: 'not a node of this matrix' });
    if (!nodeIds.has(s.columnNodeId))
      errors.push({ field: `body.scores.${i}.columnNodeId`, message: 'not a node of this matrix' });
    if (s.rowNodeId === s.columnNodeId)
      errors.push({ field: `body.scores.${i}.columnNodeId`, message: 'a node is not scored against itself' });
    const key = `${s.rowNodeId}|${s.columnNodeId}`;
    if (seen.has(key)) errors.push({ field: `body.scores.${i}`, message: 'this cell is sent twice' });
    seen.add(key);
  });
  if (errors.length) throw badRequest(errors);
}

/** One scorer's whole set of scores (a workshop participant's sheet); cells not sent are cleared. */
export async function replaceScorerScores(
  db: Db,
  actor: Actor,
  matrixId: string,
  scorerId: string,
  expectedVersion: number,
  input: ScoresInput,
): Promise<MatrixOut> {
  return db.transaction(async (tx) => {
    const current = await lockMatrix(tx, actor, matrixId, expectedVersion);
    const [scorer] = await tx
      .select()
      .from(t.interactionMatrixScorers)
      .where(
        and(eq(t.interactionMatrixScorers.id, scorerId), eq(t.interactionMatrixScorers.matrixId, matrixId)),
      );
    if (!scorer) throw notFound(`No scorer ${scorerId} in this matrix`);
    await checkCells(tx, matrixId, input.scores);
    await writeScores(
      tx,
      actor,
      current,
      input.scores.map((s) => ({ ...s, scorerId, rationale: s.rationale ?? null })),
      { replaceScorer: scorerId, action: 'update_scores' },
    );
    const [row] = await tx.select().from(t.interactionMatrices).where(eq(t.interactionMatrices.id, matrixId));
    return loadMatrixDocument(tx, row as typeof t.interactionMatrices.$inferSelect);
  });
}

/** A checked score file: all cells are written in one transaction (or none on a dry run). */
/**
 * A score file's records: checked against the matrix as it is inside the transaction (so a node
 * removed meanwhile is a row problem, not a database error) and written all at once, or not at
 * all (422 listing every problem; a dry run counts and writes nothing).
 */
export async function importScores(
  db: Db,
  actor: Actor,
  matrixId: string,
  file: { records: Record<string, string>[]; offset: number },
  dryRun: boolean,
  expectedVersion: number | null,
) {
  let rows = 0;
  const result = await db
    .transaction(async (tx) => {
      const current = await lockMatrix(tx, actor, matrixId, expectedVersion);
      const { nodes, scorers } = await loadMatrixParts(tx, matrixId);
      const parsed = parseScoreFile(
        file.records,
        nodes.map((n) => ({ id: n.id, label: n.label, key: n.ref ?? undefined })),
        scorers,
      );
      if (parsed.problems.length) throw rejectedFile(parsed.problems, file.offset);
      rows = parsed.scores.length;
      const counts = await writeScores(tx, actor, current, parsed.scores, { action: 'import_scores' });
      if (dryRun) throw new DryRunRollback(counts);
      return counts;
    })
    .catch((error) => {
      if (error instanceof DryRunRollback) return error.counts;
      throw error;
    });
  return { dryRun, rows, inserted: result.inserted, updated: result.updated, unchanged: result.unchanged };
}

const MAX_LISTED_PROBLEMS = 500;
function rejectedFile(problems: ScoreFileProblem[], offset: number) {
  const listed = problems.slice(0, MAX_LISTED_PROBLEMS);
  return new HttpProblem(
    422,
    'Unprocessable Content',
    `Nothing was imported: ${problems.length} problem(s)${listed.length < problems.length ? ` (the first ${listed.length} are listed)` : ''}. Correct them and import again.`,
    listed.map((p) => ({
      field: `row ${p.row + offset}${p.column ? `, ${p.column}` : ''}`,
      message: p.message,
    })),
    'IMPORT_REJECTED',
  );
}

class DryRunRollback extends Error {
  constructor(
    public readonly counts: { inserted: number; updated: number; unchanged: number; removed: number },
  ) {
    super('dry run');
  }
}
