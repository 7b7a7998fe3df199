/**
 * /api/v1/indicator-imports: import indicator values from Kolada, SCB (PxWeb) or a CSV/Excel file
 * in long format. All or nothing: a 422 lists every problem, and nothing is written; a good
 * import answers with what was inserted, updated and left unchanged.
 */
import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HttpProblem, problemSchema, protectedProblemResponses } from '../../server/problem.ts';
import { acceptRawUploads } from '../../shared/raw-upload.ts';
import { authorize } from '../access/permissions.ts';
import { importQuery } from '../efforts/import-efforts.ts';
import type { ImportReport } from './import-values.ts';
import { importFromFile, importFromKolada, importFromPxWeb, recentImports } from './indicator-imports.ts';
import { indicatorPolicy } from './indicator-policy.ts';
import { importReportSchema } from './indicator-schemas.ts';

const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;
const importResponses = {
  200: importReportSchema,
  ...protectedProblemResponses,
  422: problemSchema,
  502: problemSchema,
  503: problemSchema,
} as const;

const koladaBody = z
  .object({
    kpis: z
      .array(
        z
          .string()
          .trim()
          .regex(/^[NU]\d{5}$/i, 'a Kolada KPI id looks like N01951'),
      )
      .min(1)
      .max(50),
    from: z.number().int().min(1990).max(2100),
    to: z.number().int().min(1990).max(2100),
    areaCodes: z
      .array(z.string().regex(/^(\d{2}|\d{4}|SE)$/, 'a county or municipality code, or SE'))
      .min(1)
      .max(400)
      .optional()
      .describe("Default: the region's municipalities, the county and Sweden"),
    dryRun: z.boolean().default(false),
  })
  .strict()
  .refine((b) => b.from <= b.to, { message: 'from must not be after to', path: ['from'] });

const pxwebBody = z
  .object({
    table: z.string().regex(/^[A-Za-z0-9_]{1,40}$/, 'an SCB table id looks like TAB638'),
    indicatorId: z.string().min(1).max(100),
    selection: z
      .record(z.string().min(1).max(60), z.array(z.string().min(1).max(60)).min(1).max(1000))
      .describe(
        'Value codes per variable, e.g. {"Region":["2380"],"Tid":["2024"],"ContentsCode":["BE0101N1"]}',
      ),
    dimensions: z
      .object({ area: z.string().max(60), year: z.string().max(60), sex: z.string().max(60) })
      .partial()
      .optional(),
    dryRun: z.boolean().default(false),
  })
  .strict();

export const indicatorImportRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.database;
  acceptRawUploads(app, MAX_UPLOAD_BYTES);

  // PGlite has no autovacuum: after a large import, refresh the planner's statistics so map and
  // profile queries keep using their indexes.
  const afterImport = async (report: ImportReport) => {
    if (!report.dryRun && report.inserted + report.updated >= 1000)
      await db.execute(sql`analyze indicator_values`);
    return report;
  };

  app.post(
    '/indicator-imports/kolada',
    {
      schema: {
        tags: ['indicators'],
        summary: 'Import values from Kolada (API v3) for KPIs and years (editors)',
        body: koladaBody,
        response: importResponses,
      },
    },
    async (request) => {
      authorize(request.actor, indicatorPolicy.import(request.actor), 'Only editors import indicator values');
      return afterImport(await importFromKolada(db, request.actor, request.body, app.sources));
    },
  );

  app.post(
    '/indicator-imports/pxweb',
    {
      schema: {
        tags: ['indicators'],
        summary:
          'Import one content variable of an SCB table (PxWebApi 2, json-stat2) as an indicator (editors)',
        body: pxwebBody,
        response: importResponses,
      },
    },
    async (request) => {
      authorize(request.actor, indicatorPolicy.import(request.actor), 'Only editors import indicator values');
      return afterImport(await importFromPxWeb(db, request.actor, request.body, app.sources));
    },
  );

  app.post(
    '/indicator-imports/file',
    {
      schema: {
        tags: ['indicators'],
        summary:
          'Import a CSV or Excel file in long format (indicator, area_code, year, sex, value; optional status, source). ' +
          'Send the file as the request body (Content-Type application/octet-stream).',
        querystring: importQuery,
        response: importResponses,
      },
    },
    async (request) => {
      authorize(request.actor, indicatorPolicy.import(request.actor), 'Only editors import indicator values');
      const body = request.body;
      if (!(body instanceof Buffer) || body.length === 0) {
        throw new HttpProblem(422, 'Unprocessable Content', 'The file is empty', undefined, 'EMPTY_FILE');
      }
      const { filename, dryRun } = request.query;
      return afterImport(await importFromFile(db, request.actor, { buffer: body, filename, dryRun }));
    },
  );

  app.get(
    '/indicator-imports',
    {
      schema: {
        tags: ['indicators'],
        summary: 'The latest imports in this region (editors)',
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string().uuid(),
                kind: z.enum(['kolada', 'pxweb', 'file']),
                request: z.record(z.string(), z.unknown()),
                startedBy: z.string(),
                startedAt: z.string(),
                inserted: z.number().int(),
                updated: z.number().int(),
                unchanged: z.number().int(),
              }),
            ),
          }),
          ...protectedProblemResponses,
        },
      },
    },
    async (request) => {
      authorize(request.actor, indicatorPolicy.import(request.actor), 'Only editors see the imports');
      const items = await recentImports(db, request.actor.regionCode);
      return { items: items.map(({ regionCode: _r, ...rest }) => rest) };
    },
  );
};
