/** Smart specialisation (long-term priority 3), all under /api/v1/s3. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { s3AreaRoutes } from './areas/area-routes.ts';
import { s3LearningRoutes } from './learning/learning-routes.ts';
import { s3MeetingRoutes } from './meetings/meeting-routes.ts';
import { s3ProcessRoutes } from './process/process-routes.ts';

export const s3Routes: FastifyPluginAsyncZod = async (app) => {
  await app.register(s3AreaRoutes, { prefix: '/s3' });
  await app.register(s3ProcessRoutes, { prefix: '/s3' });
  await app.register(s3MeetingRoutes, { prefix: '/s3' });
  await app.register(s3LearningRoutes, { prefix: '/s3' });
};
