/** The six steps per strength area and their self-assessments (RIS3 assessment wheel). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const s3ProcessRoutes: FastifyPluginAsyncZod = async (_app) => {};
