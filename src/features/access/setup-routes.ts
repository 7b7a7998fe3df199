import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from '../../server/problem.ts';
import { completeSetup, setupNeeded } from './first-run.ts';
import { emailField, passwordField, userSchema } from './user-schemas.ts';

export const setupRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/setup',
    {
      schema: {
        tags: ['access'],
        summary: 'Whether the region still needs its first administrator',
        response: { 200: z.object({ needed: z.boolean() }) },
      },
    },
    async (request) => ({ needed: await setupNeeded(app.database.db, request.actor.regionCode) }),
  );

  app.post(
    '/setup',
    {
      // The one write without a signed-in user: the one-time token printed on the console is the proof.
      config: { anonymousWrite: true },
      schema: {
        tags: ['access'],
        summary: 'Create the first administrator with the one-time setup link',
        body: z
          .object({
            token: z.string().min(20).max(200),
            email: emailField,
            name: z.string().trim().min(1).max(200),
            password: passwordField,
          })
          .strict(),
        response: { 201: userSchema, 400: problemSchema, 403: problemSchema },
      },
    },
    async (request, reply) => {
      const user = await completeSetup(app.database.db, request.actor.regionCode, request.body);
      return reply.code(201).send(user);
    },
  );
};
