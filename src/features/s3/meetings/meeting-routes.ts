/** Meetings of the actor-driven process, registrations, input raised and the calendar export. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const s3MeetingRoutes: FastifyPluginAsyncZod = async (_app) => {};
