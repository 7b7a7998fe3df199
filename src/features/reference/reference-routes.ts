import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HttpProblem, writeProblemResponses } from '../../server/problem.ts';
import { authorize } from '../access/permissions.ts';
import { recordAudit } from '../audit/audit.ts';
import { loadReferenceData } from './load-reference-data.ts';
import { ReferenceDataError } from './reference-files.ts';
import { referencePolicy } from './reference-policy.ts';

const summarySchema = z
  .object({
    region: z.string(),
    areas: z.number().int(),
    areaRelations: z.number().int(),
    indicatorValues: z.number().int(),
    sdgGoals: z.number().int(),
    sdgTargets: z.number().int(),
    nationalAreas: z.number().int(),
    steeringDocuments: z.number().int(),
    priorities: z.number().int(),
    strengthAreas: z.number().int(),
  })
  .meta({ id: 'ReferenceLoadSummary' });

export const referenceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/reference-data/reload',
    {
      schema: {
        tags: ['steering'],
        summary: 'Reload the reference data from the data/ files on the server (administrators)',
        response: { 200: summarySchema, ...writeProblemResponses, 422: writeProblemResponses[400] },
      },
    },
    async (request) => {
      const { actor } = request;
      authorize(actor, referencePolicy.reload(actor), 'Only administrators reload the reference data');
      try {
        return await loadReferenceData(
          app.database.db,
          app.config.dataFilesDir,
          actor.regionCode,
          (tx, summary) =>
            recordAudit(tx, actor, {
              action: 'reload',
              entityType: 'reference_data',
              entityId: actor.regionCode,
              before: null,
              after: summary,
            }),
        );
      } catch (error) {
        // A broken data file: nothing was loaded; say which file and line.
        if (error instanceof ReferenceDataError)
          throw new HttpProblem(422, 'Unprocessable Content', error.message);
        throw error;
      }
    },
  );
};
