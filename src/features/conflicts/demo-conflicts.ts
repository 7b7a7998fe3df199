/**
 * Demo content for goal conflicts (`regionkraft seed --demo`): the four documented conflicts of
 * the county (data/regions/<code>/goal-conflicts.json: facts with sources; their handling steps
 * are example content), one example interaction matrix scored by three example scorers, and two
 * example Sami consultations. Idempotent: what is already there is left alone.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { and, eq, like } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, DbTransaction } from '../../db/connection.ts';
import * as t from '../../db/schema.ts';
import {
  assessmentDimensions,
  conflictGoalKinds,
  conflictHandlings,
  conflictStatuses,
  conflictVisibilityMethods,
  matrixNodeKinds,
  organisationKinds,
  organisationLevels,
} from '../../db/schema.ts';
import { insertConflict } from './conflicts-service.ts';
import { insertConsultation } from './consultations/consultations-service.ts';
import { insertMatrix } from './matrix/matrices-service.ts';

const system = (regionCode: string) => ({ system: 'regionkraft seed --demo', regionCode });

const conflictsFile = z.object({
  conflicts: z.array(
    z.object({
      key: z.string(),
      title: z.string(),
      description: z.string(),
      goals: z.array(
        z.object({
          kind: z.enum(conflictGoalKinds),
          ref: z.string().optional(),
          text: z.string().optional(),
        }),
      ),
      dimensions: z.array(z.enum(assessmentDimensions)),
      places: z.array(z.string()),
      actors: z.array(
        z.object({
          name: z.string(),
          kind: z.enum(organisationKinds),
          level: z.enum(organisationLevels),
          areaCode: z.string().optional(),
        }),
      ),
      severity: z.number().int(),
      madeVisibleBy: z.enum(conflictVisibilityMethods),
      sources: z.array(z.object({ label: z.string(), url: z.string().nullable() })),
      decisions: z.array(
        z.object({ date: z.string(), body: z.string(), summary: z.string(), url: z.string().nullable() }),
      ),
      steps: z.array(
        z.object({
          status: z.enum(conflictStatuses),
          date: z.string(),
          text: z.string(),
          handling: z.enum(conflictHandlings).optional(),
          justification: z.string().optional(),
          example: z.boolean().optional(),
        }),
      ),
    }),
  ),
});

const matrixFile = z.object({
  title: z.string(),
  description: z.string(),
  nodes: z.array(
    z.object({
      key: z.string(),
      kind: z.enum(matrixNodeKinds),
      ref: z.string().optional(),
      label: z.string(),
    }),
  ),
  scorers: z.array(z.object({ key: z.string(), name: z.string() })),
  scores: z.array(
    z.object({
      scorer: z.string(),
      row: z.string(),
      column: z.string(),
      score: z.number().int(),
      rationale: z.string(),
    }),
  ),
});

async function readJson<T>(file: string, schema: z.ZodType<T>): Promise<T | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return null;
  }
  const parsed = schema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`${file}: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

async function organisationId(
  tx: DbTransaction,
  regionCode: string,
  actor: {
    name: string;
    kind: (typeof organisationKinds)[number];
    level: (typeof organisationLevels)[number];
    areaCode?: string;
  },
) {
  const [found] = await tx
    .select({ id: t.organisations.id })
    .from(t.organisations)
    .where(and(eq(t.organisations.regionCode, regionCode), eq(t.organisations.name, actor.name)));
  if (found) return found.id;
  const [created] = await tx
    .insert(t.organisations)
    .values({
      regionCode,
      name: actor.name,
      kind: actor.kind,
      level: actor.level,
      areaCode: actor.areaCode ?? null,
      visibility: 'published',
    })
    .returning({ id: t.organisations.id });
  return (created as { id: string }).id;
}

export async function seedDemoConflicts(db: Db, dataFilesDir: string, regionCode: string) {
  const dir = path.join(dataFilesDir, 'regions', regionCode);
  const conflicts = await readJson(path.join(dir, 'goal-conflicts.json'), conflictsFile);
  const matrix = await readJson(path.join(dir, 'example-interaction-matrix.json'), matrixFile);
  return db.transaction(async (tx) => {
    let conflictCount = 0;
    for (const c of conflicts?.conflicts ?? []) {
      const [exists] = await tx
        .select({ id: t.goalConflicts.id })
        .from(t.goalConflicts)
        .where(and(eq(t.goalConflicts.regionCode, regionCode), eq(t.goalConflicts.title, c.title)));
      if (exists) continue;
      const actorIds = [];
      for (const a of c.actors) actorIds.push(await organisationId(tx, regionCode, a));
      await insertConflict(
        tx,
        system(regionCode),
        {
          title: c.title,
          description: c.description,
          goals: c.goals.map((g) => ({ kind: g.kind, ref: (g.kind === 'free_text' ? g.text : g.ref) ?? '' })),
          dimensions: c.dimensions,
          places: c.places,
          actorIds,
          severity: c.severity,
          madeVisibleBy: c.madeVisibleBy,
          effortIds: [],
          decisions: c.decisions,
          sources: c.sources,
          visibility: 'published',
        },
        {
          // The conflicts are documented facts; the register's handling history is example content.
          isExample: false,
          steps: c.steps.map((s) => ({
            status: s.status,
            date: s.date,
            text: s.text,
            handling: s.handling ?? null,
            justification: s.justification ?? null,
            isExample: s.example ?? true,
          })),
        },
      );
      conflictCount++;
    }

    let matrixCount = 0;
    if (matrix) {
      const [exists] = await tx
        .select({ id: t.interactionMatrices.id })
        .from(t.interactionMatrices)
        .where(
          and(
            eq(t.interactionMatrices.regionCode, regionCode),
            eq(t.interactionMatrices.title, matrix.title),
          ),
        );
      if (!exists) {
        const row = await insertMatrix(
          tx,
          system(regionCode),
          {
            title: matrix.title,
            description: matrix.description,
            visibility: 'published',
            nodes: matrix.nodes.map((n) => ({ kind: n.kind, ref: n.ref ?? null, label: n.label })),
            scorers: matrix.scorers.map((s) => ({ name: s.name })),
          },
          { isExample: true },
        );
        const nodes = await tx
          .select()
          .from(t.interactionMatrixNodes)
          .where(eq(t.interactionMatrixNodes.matrixId, row.id));
        const scorers = await tx
          .select()
          .from(t.interactionMatrixScorers)
          .where(eq(t.interactionMatrixScorers.matrixId, row.id));
        const nodeId = new Map(matrix.nodes.map((n) => [n.key, nodes.find((x) => x.label === n.label)?.id]));
        const scorerId = new Map(
          matrix.scorers.map((s) => [s.key, scorers.find((x) => x.name === s.name)?.id]),
        );
        const values = matrix.scores.map((s) => {
          const ids = {
            scorerId: scorerId.get(s.scorer),
            rowNodeId: nodeId.get(s.row),
            columnNodeId: nodeId.get(s.column),
          };
          if (!ids.scorerId || !ids.rowNodeId || !ids.columnNodeId)
            throw new Error(`example matrix: unknown key in ${JSON.stringify(s)}`);
          return {
            scorerId: ids.scorerId,
            rowNodeId: ids.rowNodeId,
            columnNodeId: ids.columnNodeId,
            score: s.score,
            rationale: s.rationale || null,
          };
        });
        if (values.length) await tx.insert(t.interactionMatrixScores).values(values);
        matrixCount++;
      }
    }

    const consultationCount = await seedExampleConsultations(tx, regionCode);
    return { conflicts: conflictCount, matrices: matrixCount, consultations: consultationCount };
  });
}

/** Two example consultations on example efforts: one open with a decision already recorded, one concluded. */
async function seedExampleConsultations(tx: DbTransaction, regionCode: string) {
  const [already] = await tx
    .select({ id: t.samiConsultations.id })
    .from(t.samiConsultations)
    .where(and(eq(t.samiConsultations.regionCode, regionCode), eq(t.samiConsultations.isExample, true)));
  if (already) return 0;
  const exampleEffort = async (pattern: string) =>
    (
      await tx
        .select({ id: t.efforts.id, title: t.efforts.title })
        .from(t.efforts)
        .where(
          and(
            eq(t.efforts.regionCode, regionCode),
            eq(t.efforts.isExample, true),
            like(t.efforts.title, pattern),
          ),
        )
        .limit(1)
    )[0];
  const samiParliament = await organisationId(tx, regionCode, {
    name: 'Sametinget',
    kind: 'government_agency',
    level: 'national',
  });
  const handolsdalen = await organisationId(tx, regionCode, {
    name: 'Handölsdalens sameby',
    kind: 'sameby',
    level: 'local',
    areaCode: 'sameby-handolsdalen',
  });
  const tourism = await exampleEffort('Året-runt-turism%');
  const energy = await exampleEffort('Solenergi%');
  let count = 0;
  if (tourism) {
    await insertConsultation(
      tx,
      system(regionCode),
      {
        matterKind: 'effort',
        matterTitle: `Exempel: ${tourism.title}`,
        effortId: tourism.id,
        significance:
          'Exempel. Nya leder och anläggningar kan beröra renbetesmarker och flyttleder; insatsen kan därför vara av särskild betydelse för samerna (lag 2022:66, 2 §).',
        initiatedBy: 'region',
        requestedOn: '2026-09-01',
        partyIds: [samiParliament, handolsdalen],
        meetings: [
          { date: '2026-10-06', form: 'Möte i Åre', note: 'Exempel: genomgång av ledsträckningar.' },
        ],
        form: 'meeting',
        documents: [{ title: 'Minnesanteckningar 2026-10-06 (exempel)', url: null }],
        outcome: 'pending',
        decisionText: 'Exempel: beslut om medfinansiering fattat innan konsultationen avslutats.',
        decisionOn: '2026-10-20',
      },
      { isExample: true },
    );
    count++;
  }
  if (energy) {
    await insertConsultation(
      tx,
      system(regionCode),
      {
        matterKind: 'effort',
        matterTitle: `Exempel: ${energy.title}`,
        effortId: energy.id,
        significance: 'Exempel. Markanvändning för solparker i områden med vinterbete.',
        initiatedBy: 'sami_party',
        requestedOn: '2026-04-02',
        partyIds: [handolsdalen],
        meetings: [{ date: '2026-05-12', form: 'Digitalt möte', note: 'Exempel.' }],
        form: 'digital_meeting',
        documents: [],
        outcome: 'agreement',
        outcomeOn: '2026-06-01',
        outcomeNote: 'Exempel: enighet om att undvika vinterbetesområden vid placering.',
        decisionText: 'Exempel: insatsen beviljas med villkor om placering.',
        decisionOn: '2026-06-15',
      },
      { isExample: true },
    );
    count++;
  }
  return count;
}
