import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pingDatabase } from '../../db/connection.ts';

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/health/live',
    {
      schema: {
        tags: ['health'],
        summary: 'The process is running',
        response: { 200: z.object({ status: z.literal('ok') }) },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/health/ready',
    {
      schema: {
        tags: ['health'],
        summary: 'The process can serve requests (database reachable)',
        response: {
          200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) }),
          503: z.object({
            status: z.literal('unavailable'),
            database: z.enum(['pglite', 'postgres']),
            detail: z.string(),
          }),
        },
      },
    },
    async (_request, reply) => {
      const { db, kind } = app.database;
      try {
        await pingDatabase(db);
        return { status: 'ok' as const, database: kind };
      } catch (error) {
        // The driver's message may name hosts or users: log it, answer with a fixed text.
        app.log.error({ err: error }, 'readiness check: database unreachable');
        return reply
          .code(503)
          .send({ status: 'unavailable' as const, database: kind, detail: 'The database does not answer.' });
      }
    },
  );
};
