/** Strength areas: vision, sub-areas, action plan (initiatives), intervention logic. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const s3AreaRoutes: FastifyPluginAsyncZod = async (_app) => {};
