/** The review queue of suggested goal conflicts: list, and dismiss with a reason. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assessmentDimensions } from '../../db/schema.ts';
import { protectedProblemResponses, writeProblemResponses } from '../../server/problem.ts';
import { authorize } from '../access/permissions.ts';
import { conflictPolicy } from './conflict-policy.ts';
import { dismissedSuggestions, dismissSuggestion, openSuggestionList } from './suggestions-service.ts';

const scoreRef = z.object({ dimension: z.enum(assessmentDimensions), score: z.number().int() });
const namedArea = z.object({ code: z.string(), name: z.string() });
const suggestionSchema = z.object({
  key: z.string(),
  kind: z.enum(['effort_assessment', 'sami_place', 'interaction_matrix']),
  inputsHash: z.string().describe('Send it back when deciding, so a changed suggestion is not decided blind'),
  effort: z.object({ id: z.uuid(), title: z.string() }).nullable(),
  matrix: z
    .object({ id: z.uuid(), title: z.string(), row: z.string(), column: z.string(), score: z.number() })
    .nullable(),
  positive: z.array(scoreRef),
  negative: z.array(scoreRef),
  samebyar: z.array(namedArea),
  municipalities: z
    .array(namedArea)
    .describe('Reached municipalities where a sameby is stated to be present'),
  samiScore: z.number().int().nullable(),
  proposal: z.object({
    title: z.string(),
    dimensions: z.array(z.enum(assessmentDimensions)),
    places: z.array(z.string()),
    effortIds: z.array(z.uuid()),
    madeVisibleBy: z.enum(['effort_assessment', 'consultation', 'interaction_matrix']),
    severity: z.number().int(),
  }),
});

export const suggestionRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/goal-conflict-suggestions',
    {
      schema: {
        tags: ['goal conflicts'],
        summary:
          'Suggested goal conflicts to review: efforts scored ≥ +2 and ≤ −1 (or ≤ −2), efforts near samebyar without Sami assessment or consultation, matrix cells of −2/−3',
        response: {
          200: z.object({
            items: z.array(suggestionSchema),
            decided: z.number().int().describe('Suggestions already turned into conflicts or dismissed'),
            dismissed: z.array(
              z.object({
                key: z.string(),
                reason: z.string().nullable(),
                decidedBy: z.string(),
                decidedAt: z.string(),
              }),
            ),
          }),
          ...protectedProblemResponses,
        },
      },
    },
    async (request) => {
      const { actor } = request;
      authorize(actor, conflictPolicy.readSuggestions(actor), "The review queue is for the region's staff");
      const [{ items, decided }, dismissed] = await Promise.all([
        openSuggestionList(db, actor.regionCode),
        dismissedSuggestions(db, actor.regionCode),
      ]);
      return {
        items,
        decided,
        dismissed: dismissed.map((d) => ({ ...d, decidedAt: d.decidedAt.toISOString() })),
      };
    },
  );

  app.post(
    '/goal-conflict-suggestions/dismissals',
    {
      schema: {
        tags: ['goal conflicts'],
        summary: 'Dismiss a suggestion with a reason; it comes back only if its inputs change (editors)',
        body: z
          .object({
            key: z.string().min(1).max(200),
            inputsHash: z.string().min(1).max(64),
            reason: z.string().trim().min(1, 'give the reason for dismissing').max(2000),
          })
          .strict(),
        response: { 204: z.null(), ...writeProblemResponses },
      },
    },
    async (request, reply) => {
      const { actor } = request;
      authorize(actor, conflictPolicy.decideSuggestion(actor), 'Only editors decide on suggestions');
      await dismissSuggestion(db, actor, request.body);
      return reply.code(204).send(null);
    },
  );
};
