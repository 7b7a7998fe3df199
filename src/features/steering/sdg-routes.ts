import { asc, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sdgGoals, sdgTargets } from '../../db/schema.ts';
import { notFound, problemResponses } from '../../server/problem.ts';
import { bilingual, bilingualSchema } from '../../shared/text.ts';

const targetSchema = z.object({ id: z.string(), title: bilingualSchema, shortSv: z.string().nullable() });
const goalSchema = z
  .object({
    goal: z.number().int(),
    title: bilingualSchema,
    short: bilingualSchema,
    targets: z.array(targetSchema),
  })
  .meta({ id: 'SdgGoal' });

type GoalRow = typeof sdgGoals.$inferSelect;
type TargetRow = typeof sdgTargets.$inferSelect;

const toGoal = (g: GoalRow, targets: TargetRow[]) => ({
  goal: g.goal,
  title: bilingual(g.titleSv, g.titleEn),
  short: bilingual(g.shortSv, g.shortEn),
  targets: targets.map((t) => ({ id: t.id, title: bilingual(t.titleSv, t.titleEn), shortSv: t.shortSv })),
});

export const sdgRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.database;

  app.get(
    '/sdgs',
    {
      schema: {
        tags: ['steering'],
        summary: 'Agenda 2030: the 17 goals with their 169 targets',
        response: { 200: z.object({ goals: z.array(goalSchema) }) },
      },
    },
    async () => {
      const [goals, targets] = await Promise.all([
        db.select().from(sdgGoals).orderBy(asc(sdgGoals.goal)),
        db.select().from(sdgTargets).orderBy(asc(sdgTargets.goal), asc(sdgTargets.position)),
      ]);
      return {
        goals: goals.map((g) =>
          toGoal(
            g,
            targets.filter((t) => t.goal === g.goal),
          ),
        ),
      };
    },
  );

  app.get(
    '/sdgs/:goal',
    {
      schema: {
        tags: ['steering'],
        summary: 'One Agenda 2030 goal with its targets',
        params: z.object({ goal: z.coerce.number().int().min(1).max(17) }),
        response: { 200: goalSchema, ...problemResponses },
      },
    },
    async (request) => {
      const [goal] = await db.select().from(sdgGoals).where(eq(sdgGoals.goal, request.params.goal));
      if (!goal) throw notFound(`No goal ${request.params.goal}`);
      const targets = await db
        .select()
        .from(sdgTargets)
        .where(eq(sdgTargets.goal, goal.goal))
        .orderBy(asc(sdgTargets.position));
      return toGoal(goal, targets);
    },
  );
};
