/** Path and header schemas several routes share. */
import { z } from 'zod';

export const idParams = z.object({ id: z.uuid('must be a UUID') });
export const ifMatchHeaders = z.object({
  'if-match': z.string().optional().describe('The ETag you read, e.g. "3" (required on changes)'),
});
