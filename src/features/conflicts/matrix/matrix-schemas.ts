/** Request and response schemas of the interaction matrices. */
import { z } from 'zod';
import { matrixNodeKinds, visibilities } from '../../../db/schema.ts';
import { downloadFormatQuery } from '../../../shared/table-download.ts';
import { singleLineText } from '../../../shared/text.ts';

export const MAX_NODES = 40;
const scoreValue = z
  .number()
  .int('must be a whole number from −3 to +3')
  .min(-3, 'must be a whole number from −3 to +3')
  .max(3, 'must be a whole number from −3 to +3');

const nodeInput = z
  .object({
    id: z.uuid().optional().describe('An existing node (keeps its scores); leave out for a new node'),
    kind: z.enum(matrixNodeKinds),
    ref: z
      .string()
      .trim()
      .max(100)
      .nullable()
      .optional()
      .describe('Priority number, strength-area slug or SDG target id'),
    label: singleLineText(80),
  })
  .strict();
const scorerInput = z.object({ id: z.uuid().optional(), name: singleLineText(120) }).strict();

export const matrixInputSchema = z
  .object({
    title: singleLineText(300),
    description: z.string().max(20_000).default(''),
    visibility: z.enum(visibilities).default('internal'),
    nodes: z.array(nodeInput).min(2, 'a matrix needs at least two nodes').max(MAX_NODES),
    scorers: z.array(scorerInput).max(100).default([]),
  })
  .strict();
export type MatrixInput = z.infer<typeof matrixInputSchema>;

/** A change; nodes and scorers sent replace the lists (those left out are removed with their scores). */
export const matrixPatchSchema = z
  .object({
    title: singleLineText(300),
    description: z.string().max(20_000),
    visibility: z.enum(visibilities),
    nodes: z.array(nodeInput).min(2, 'a matrix needs at least two nodes').max(MAX_NODES),
    scorers: z.array(scorerInput).max(100),
  })
  .partial()
  .strict();
export type MatrixPatch = z.infer<typeof matrixPatchSchema>;

export const scoresInputSchema = z
  .object({
    scores: z
      .array(
        z
          .object({
            rowNodeId: z.uuid(),
            columnNodeId: z.uuid(),
            score: scoreValue,
            rationale: z.string().trim().max(2000).nullable().optional(),
          })
          .strict(),
      )
      .max(MAX_NODES * MAX_NODES),
  })
  .strict();
export type ScoresInput = z.infer<typeof scoresInputSchema>;

export const scorerParams = z.object({ id: z.uuid('must be a UUID'), scorerId: z.uuid('must be a UUID') });
export const scoresQuery = z.object({ scorer: z.uuid().optional(), ...downloadFormatQuery });
export const combinedQuery = z.object({ ...downloadFormatQuery });
export const importQuery = z.object({
  filename: z.string().max(255).default('poang.csv'),
  dryRun: z.stringbool().default(false).describe('Check only; write nothing'),
});

const nodeSchema = z.object({
  id: z.uuid(),
  position: z.number().int(),
  kind: z.enum(matrixNodeKinds),
  ref: z.string().nullable(),
  label: z.string(),
});
const cellRef = { rowNodeId: z.uuid(), columnNodeId: z.uuid() };

export const matrixSummarySchema = z.object({
  id: z.uuid(),
  title: z.string(),
  description: z.string(),
  nodeCount: z.number().int(),
  scorerCount: z.number().int(),
  visibility: z.enum(visibilities),
  isExample: z.boolean(),
  updatedAt: z.string(),
});

export const matrixSchema = matrixSummarySchema.extend({
  nodes: z.array(nodeSchema),
  scorers: z.array(z.object({ id: z.uuid(), name: z.string(), scoredCells: z.number().int() })),
  combined: z
    .array(z.array(z.number().nullable()))
    .describe('combined[i][j]: median of the scorers for row node i on column node j (nodes in order)'),
  disagreements: z.array(
    z.object({
      ...cellRef,
      min: z.number(),
      max: z.number(),
      spread: z.number(),
      scores: z.array(z.object({ scorerId: z.uuid(), score: z.number() })),
    }),
  ),
  measures: z.array(
    z.object({
      nodeId: z.uuid(),
      rowSum: z.number(),
      rowPositive: z.number(),
      rowNegative: z.number(),
      columnSum: z.number(),
      columnPositive: z.number(),
      columnNegative: z.number(),
      secondOrder: z.number(),
      combinedScore: z.number(),
      rank: z.number().int(),
    }),
  ),
  strongNegativeLinks: z.array(z.object({ ...cellRef, score: z.number() })),
  reinforcingGroups: z.array(z.array(z.uuid())),
  version: z.number().int(),
  createdAt: z.string(),
});
export type MatrixOut = z.infer<typeof matrixSchema>;

export const scoreRowSchema = z.object({
  scorerId: z.uuid(),
  ...cellRef,
  score: z.number().int(),
  rationale: z.string().nullable(),
});

export const scoreImportReportSchema = z.object({
  dryRun: z.boolean(),
  rows: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
});
