/** Excel template, import (xlsx, CSV, JSON) and export (CSV, XLSX, JSON) of efforts. */

import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HttpProblem, problemResponses, problemSchema, writeProblemResponses } from '../../server/problem.ts';
import { authorize, readScope } from '../access/permissions.ts';
import { detectKind, readCsv, readXlsx, writeCsv, writeTemplate, writeXlsx } from './effort-files.ts';
import { effortPolicy } from './effort-policy.ts';
import { effortListQuery } from './effort-schemas.ts';
import { effortToRecord } from './effort-table.ts';
import { findEffortDocuments } from './efforts-service.ts';
import {
  checkJson,
  checkRows,
  ImportReferenceError,
  importQuery,
  loadLookups,
  writeImport,
} from './import-efforts.ts';

const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;

import { acceptRawUploads } from '../../shared/raw-upload.ts';
import { xlsxType } from '../../shared/table-download.ts';

const reportSchema = z
  .object({
    rows: z.number().int(),
    created: z.number().int(),
    updated: z.number().int(),
    dryRun: z.boolean(),
    errors: z.array(z.object({ row: z.number().int(), column: z.string(), message: z.string() })),
  })
  .meta({ id: 'ImportReport' });

const today = () => new Date().toISOString().slice(0, 10);

export const effortFileRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  acceptRawUploads(app, MAX_UPLOAD_BYTES);

  app.get(
    '/efforts/export',
    {
      schema: {
        tags: ['efforts'],
        summary: 'The filtered list as a file: CSV (semicolons, UTF-8), Excel or JSON',
        querystring: effortListQuery
          .omit({ limit: true, offset: true })
          .extend({ format: z.enum(['csv', 'xlsx', 'json']).default('csv') }),
        response: { 200: z.any().describe('The file'), ...problemResponses },
      },
    },
    async (request, reply) => {
      const { format, ...query } = request.query;
      const documents = await findEffortDocuments(db, request.actor.regionCode, readScope(request.actor), {
        ...query,
        limit: 500,
        offset: 0,
      });
      const name = `insatser-${today()}.${format}`;
      reply
        .header('content-disposition', `attachment; filename="${name}"`)
        .header('cache-control', 'no-store');
      if (format === 'json')
        return reply.type('application/json; charset=utf-8').send(JSON.stringify(documents, null, 2));
      const records = documents.map(effortToRecord);
      if (format === 'xlsx') return reply.type(xlsxType).send(await writeXlsx(records));
      return reply.type('text/csv; charset=utf-8').send(writeCsv(records));
    },
  );

  app.get(
    '/efforts/template.xlsx',
    {
      schema: {
        tags: ['efforts'],
        summary: 'The Excel template for importing efforts, with an instructions sheet',
        response: { 200: z.any().describe('The workbook') },
      },
    },
    async (request, reply) => {
      const lookups = await loadLookups(db, request.actor.regionCode);
      const example = effortToRecord({
        id: '00000000-0000-4000-8000-000000000000',
        title: 'Exempel: Hållbar besöksnäring i fjällen',
        summary: 'Ta bort den här raden innan import.',
        description: null,
        diarienummer: 'RUN/2026/123',
        status: 'ongoing',
        startDate: '2026-01-01',
        endDate: '2027-12-31',
        owner: null,
        targetGroups: ['Små företag'],
        visibility: 'internal',
        isExample: true,
        partners: [],
        funding: [
          {
            source: 'regional_development_1_1',
            financier: null,
            year: 2026,
            amountSek: 500000,
            status: 'decided',
          },
        ],
        fundingTotals: { totalSek: 500000, decidedSek: 500000, plannedSek: 0, bySource: [], byYear: [] },
        reach: {
          wholeCounty: false,
          municipalities: lookups.municipalities
            .slice(0, 2)
            .map((m) => ({ areaCode: m.code, name: m.name, share: 50 })),
          samebyar: [],
        },
        links: {
          priorities: lookups.priorities.slice(0, 1).map((p) => ({ id: p.id, number: p.number, title: '' })),
          strengthAreas: [],
          nationalAreas: [],
          sdgTargets: [{ id: '8.9', title: '' }],
        },
        assessments: [
          {
            dimension: 'economic',
            score: 2,
            rationale: 'Fler arbetstillfällen',
            assessedBy: '',
            assessedAt: '',
          },
        ],
        indicators: [],
        version: 1,
        createdAt: '',
        updatedAt: '',
      });
      return reply
        .type(xlsxType)
        .header('content-disposition', 'attachment; filename="regionkraft-insatser-mall.xlsx"')
        .send(await writeTemplate(lookups, example));
    },
  );

  app.post(
    '/efforts/import',
    {
      schema: {
        tags: ['efforts'],
        summary:
          'Import efforts from the template (.xlsx), CSV or a JSON export: all rows or none, matched on diarienummer. ' +
          'Send the file as the request body (Content-Type application/octet-stream).',
        querystring: importQuery,
        response: {
          200: reportSchema,
          422: z.union([reportSchema, problemSchema]),
          ...writeProblemResponses,
        },
      },
    },
    async (request, reply) => {
      const { actor } = request;
      authorize(actor, effortPolicy.import(actor), 'Only editors and administrators import efforts');
      const body = request.body;
      if (!(body instanceof Buffer) || body.length === 0) {
        throw new HttpProblem(422, 'Unprocessable Content', 'The file is empty', undefined, 'EMPTY_FILE');
      }
      const kind = detectKind(body, request.query.filename);
      const checked =
        kind === 'json'
          ? checkJson(body.toString('utf8'))
          : checkRows(
              kind === 'xlsx' ? await readXlsx(body) : readCsv(body),
              await loadLookups(db, actor.regionCode),
            );
      const rows = checked.parsed.length + new Set(checked.errors.map((e) => e.row)).size;
      if (checked.errors.length > 0 || checked.parsed.length === 0) {
        const errors = checked.errors.length
          ? checked.errors
          : [{ row: 0, column: '', message: 'the file has no efforts' }];
        return reply.code(422).send({ rows, created: 0, updated: 0, dryRun: true, errors });
      }
      if (request.query.dryRun) return { rows, created: 0, updated: 0, dryRun: true, errors: [] };
      try {
        const written = await writeImport(db, actor, checked.parsed, { keepIndicators: kind !== 'json' });
        // After a large import the planner's statistics are stale (PGlite has no autovacuum):
        // without them it scans every row instead of using the search index.
        if (checked.parsed.length >= 1000)
          await db.execute(sql`analyze efforts, effort_funding, effort_reach`);
        return { rows, ...written, dryRun: false, errors: [] };
      } catch (error) {
        if (error instanceof ImportReferenceError)
          throw new HttpProblem(422, 'Unprocessable Content', error.message);
        throw error;
      }
    },
  );
};
