/** The learning log (lessons, priority changes citing them) and participation measures. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const s3LearningRoutes: FastifyPluginAsyncZod = async (_app) => {};
