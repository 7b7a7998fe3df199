/** Every S3 write route, for the permission matrix. Each part keeps its own list. */
import { areasWriteRoutes } from './areas/write-routes.ts';
import { learningWriteRoutes } from './learning/write-routes.ts';
import { meetingsWriteRoutes } from './meetings/write-routes.ts';
import { processWriteRoutes } from './process/write-routes.ts';

export const s3WriteRoutes = [
  ...areasWriteRoutes,
  ...processWriteRoutes,
  ...meetingsWriteRoutes,
  ...learningWriteRoutes,
];
