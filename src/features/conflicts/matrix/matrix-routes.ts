/**
 * Interaction matrices (in the manner of SEI's SDG Synergies): the matrix with its measures,
 * scoring by several scorers, and the scores as CSV/Excel out and in.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  HttpProblem,
  notFound,
  problemResponses,
  problemSchema,
  protectedProblemResponses,
  writeProblemResponses,
} from '../../../server/problem.ts';
import { etagFor, versionFromIfMatch } from '../../../shared/optimistic-lock.ts';
import { acceptRawUploads } from '../../../shared/raw-upload.ts';
import { idParams, ifMatchHeaders } from '../../../shared/route-schemas.ts';
import { sendTable } from '../../../shared/table-download.ts';
import { type Cell, readCsvRows, readXlsxRows } from '../../../shared/uploaded-files.ts';
import { authorize } from '../../access/permissions.ts';
import { detectKind } from '../../efforts/effort-files.ts';
import { conflictPolicy } from '../conflict-policy.ts';
import {
  createMatrix,
  getMatrixRow,
  importScores,
  listMatrices,
  loadMatrixDocument,
  loadMatrixParts,
  replaceScorerScores,
  updateMatrix,
} from './matrices-service.ts';
import { interactionLabel } from './matrix-measures.ts';
import {
  combinedQuery,
  importQuery,
  matrixInputSchema,
  matrixPatchSchema,
  matrixSchema,
  matrixSummarySchema,
  scoreImportReportSchema,
  scoreRowSchema,
  scorerParams,
  scoresInputSchema,
  scoresQuery,
} from './matrix-schemas.ts';
import { SCORE_FILE_HEADERS_SV } from './matrix-score-file.ts';

const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
const MAX_SCORE_ROWS = 100_000;
const scaleSv: Record<string, string> = {
  indivisible: 'odelbar',
  reinforcing: 'förstärkande',
  enabling: 'möjliggörande',
  consistent: 'förenlig',
  constraining: 'begränsande',
  counteracting: 'motverkande',
  cancelling: 'omöjliggörande',
};

export const matrixRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  acceptRawUploads(app, MAX_UPLOAD_BYTES);

  const readable = async (actor: Parameters<typeof getMatrixRow>[1], id: string) => {
    const row = await getMatrixRow(db, actor, id);
    if (!row) throw notFound(`No interaction matrix ${id}`);
    return row;
  };

  app.get(
    '/interaction-matrices',
    {
      schema: {
        tags: ['goal conflicts'],
        summary: 'Interaction matrices you may see',
        response: { 200: z.object({ items: z.array(matrixSummarySchema) }), ...problemResponses },
      },
    },
    async (request) => ({ items: await listMatrices(db, request.actor) }),
  );

  app.get(
    '/interaction-matrices/:id',
    {
      schema: {
        tags: ['goal conflicts'],
        summary:
          'A matrix: nodes, scorers, the combined (median) matrix, cells to discuss (spread ≥ 3), node measures (row/column sums, second-order influence, rank), strong negative links, reinforcing groups',
        params: idParams,
        response: { 200: matrixSchema, ...protectedProblemResponses },
      },
    },
    async (request, reply) => {
      const document = await loadMatrixDocument(db, await readable(request.actor, request.params.id));
      reply.header('etag', etagFor(document.version));
      return document;
    },
  );

  app.post(
    '/interaction-matrices',
    {
      schema: {
        tags: ['goal conflicts'],
        summary: 'Create an interaction matrix with its nodes and scorers (editors)',
        body: matrixInputSchema,
        response: { 201: matrixSchema, ...writeProblemResponses },
      },
    },
    async (request, reply) => {
      authorize(request.actor, conflictPolicy.changeMatrix(request.actor), 'Only editors create matrices');
      const created = await createMatrix(db, request.actor, request.body);
      reply
        .code(201)
        .header('etag', etagFor(created.version))
        .header('location', `/api/v1/interaction-matrices/${created.id}`);
      return created;
    },
  );

  app.patch(
    '/interaction-matrices/:id',
    {
      schema: {
        tags: ['goal conflicts'],
        summary:
          'Change a matrix (If-Match); node and scorer lists sent replace the lists, removed ones lose their scores',
        params: idParams,
        headers: ifMatchHeaders,
        body: matrixPatchSchema,
        response: { 200: matrixSchema, ...writeProblemResponses },
      },
    },
    async (request, reply) => {
      authorize(request.actor, conflictPolicy.changeMatrix(request.actor), 'Only editors change matrices');
      const version = versionFromIfMatch(request.headers['if-match']);
      const updated = await updateMatrix(db, request.actor, request.params.id, version, request.body);
      reply.header('etag', etagFor(updated.version));
      return updated;
    },
  );

  app.put(
    '/interaction-matrices/:id/scorers/:scorerId/scores',
    {
      schema: {
        tags: ['goal conflicts'],
        summary: "Save one scorer's scores (If-Match: the matrix's version); cells not sent are cleared",
        params: scorerParams,
        headers: ifMatchHeaders,
        body: scoresInputSchema,
        response: { 200: matrixSchema, ...writeProblemResponses },
      },
    },
    async (request, reply) => {
      authorize(request.actor, conflictPolicy.changeMatrix(request.actor), 'Only editors enter scores');
      const version = versionFromIfMatch(request.headers['if-match']);
      const { id, scorerId } = request.params;
      const updated = await replaceScorerScores(db, request.actor, id, scorerId, version, request.body);
      reply.header('etag', etagFor(updated.version));
      return updated;
    },
  );

  app.get(
    '/interaction-matrices/:id/scores',
    {
      schema: {
        tags: ['goal conflicts'],
        summary:
          "Every scorer's scores, one row per cell (?format=csv|xlsx gives a file that can be imported again)",
        params: idParams,
        querystring: scoresQuery,
        response: { 200: z.object({ items: z.array(scoreRowSchema) }), ...protectedProblemResponses },
      },
    },
    async (request, reply) => {
      const row = await readable(request.actor, request.params.id);
      const { nodes, scorers, scores } = await loadMatrixParts(db, row.id);
      const position = new Map(nodes.map((n) => [n.id, n.position]));
      const scorerName = new Map(scorers.map((s) => [s.id, s.name]));
      const items = scores
        .filter((s) => !request.query.scorer || s.scorerId === request.query.scorer)
        .sort(
          (a, b) =>
            (scorerName.get(a.scorerId) ?? '').localeCompare(scorerName.get(b.scorerId) ?? '', 'sv') ||
            (position.get(a.rowNodeId) ?? 0) - (position.get(b.rowNodeId) ?? 0) ||
            (position.get(a.columnNodeId) ?? 0) - (position.get(b.columnNodeId) ?? 0),
        )
        .map(({ scorerId, rowNodeId, columnNodeId, score, rationale }) => ({
          scorerId,
          rowNodeId,
          columnNodeId,
          score,
          rationale,
        }));
      if (request.query.format) {
        const label = new Map(nodes.map((n) => [n.id, n.label]));
        return sendTable(reply, request.query.format, {
          name: 'samspelsmatris-poang',
          sheet: 'Poäng',
          columns: SCORE_FILE_HEADERS_SV.map((header) => ({
            header,
            width: header === 'Motivering' ? 50 : 24,
          })),
          rows: items.map((s) => [
            scorerName.get(s.scorerId),
            label.get(s.rowNodeId),
            label.get(s.columnNodeId),
            s.score,
            s.rationale,
          ]),
        });
      }
      return { items };
    },
  );

  app.get(
    '/interaction-matrices/:id/combined',
    {
      schema: {
        tags: ['goal conflicts'],
        summary:
          'The combined matrix as a table (rows influence columns) and the node ranking (?format=csv|xlsx)',
        params: idParams,
        querystring: combinedQuery,
        response: { 200: matrixSchema, ...protectedProblemResponses },
      },
    },
    async (request, reply) => {
      const document = await loadMatrixDocument(db, await readable(request.actor, request.params.id));
      if (!request.query.format) return document;
      const measureOf = new Map(document.measures.map((m) => [m.nodeId, m]));
      return sendTable(reply, request.query.format, {
        name: 'samspelsmatris',
        sheet: 'Samspelsmatris',
        columns: [
          { header: 'Rad påverkar kolumn', width: 30 },
          ...document.nodes.map((n) => ({ header: n.label, width: 12 })),
          { header: 'Radsumma' },
          { header: 'Andra ordningen' },
          { header: 'Sammanvägt' },
          { header: 'Rang' },
        ],
        rows: document.nodes.map((node, i) => {
          const m = measureOf.get(node.id);
          return [
            node.label,
            ...(document.combined[i] ?? []),
            m?.rowSum,
            m?.secondOrder,
            m?.combinedScore,
            m?.rank,
          ];
        }),
        source: `Median av ${document.scorers.length} bedömare; skala +3 ${scaleSv[interactionLabel(3)]} … −3 ${scaleSv[interactionLabel(-3)]}`,
      });
    },
  );

  app.post(
    '/interaction-matrices/:id/scores/import',
    {
      schema: {
        tags: ['goal conflicts'],
        summary:
          'Import scores from a CSV or Excel file (Bedömare, Rad, Kolumn, Poäng, Motivering), all or nothing; the file is the request body',
        params: idParams,
        querystring: importQuery,
        headers: ifMatchHeaders.describe(
          'If-Match is optional here: when sent, the import is refused if the matrix has changed',
        ),
        response: {
          200: scoreImportReportSchema,
          ...writeProblemResponses,
          422: problemSchema,
        },
      },
    },
    async (request) => {
      authorize(request.actor, conflictPolicy.changeMatrix(request.actor), 'Only editors import scores');
      const row = await readable(request.actor, request.params.id);
      const body = request.body;
      if (!(body instanceof Buffer) || body.length === 0) {
        throw new HttpProblem(422, 'Unprocessable Content', 'The file is empty', undefined, 'EMPTY_FILE');
      }
      const { records, offset } = await readRecords(body, request.query.filename);
      const ifMatch = request.headers['if-match'];
      const version = ifMatch === undefined ? null : versionFromIfMatch(ifMatch);
      return importScores(db, request.actor, row.id, { records, offset }, request.query.dryRun, version);
    },
  );
};

/**
 * The rows of an uploaded CSV or Excel file as header → text records, one per file row below the
 * header (blank rows included, so that record i is file row header + 1 + i); `offset` is how far
 * the header is below row 1.
 */
async function readRecords(buffer: Buffer, filename: string) {
  const kind = detectKind(buffer, filename);
  if (kind === 'json') {
    throw new HttpProblem(
      422,
      'Unprocessable Content',
      'Upload a CSV (UTF-8) or an Excel .xlsx file',
      undefined,
      'UNSUPPORTED_FORMAT',
    );
  }
  const rows = kind === 'xlsx' ? await readXlsxRows(buffer, MAX_SCORE_ROWS) : readCsvRows(buffer).rows;
  const text = (c: Cell | undefined) => (c === undefined ? '' : String(c));
  const header = rows.find((r) => r.cells.some((c) => text(c).trim() !== ''));
  if (!header)
    throw new HttpProblem(422, 'Unprocessable Content', 'The file is empty', undefined, 'EMPTY_FILE');
  const lastRow = rows.at(-1)?.row ?? header.row;
  if (lastRow - header.row > MAX_SCORE_ROWS) {
    throw new HttpProblem(
      422,
      'Unprocessable Content',
      `At most ${MAX_SCORE_ROWS} rows per file`,
      undefined,
      'TOO_MANY_ROWS',
    );
  }
  const cellsOf = new Map(rows.map((r) => [r.row, r.cells]));
  const names = header.cells.map(text);
  const records: Record<string, string>[] = [];
  for (let row = header.row + 1; row <= lastRow; row++) {
    const cells = cellsOf.get(row) ?? [];
    records.push(Object.fromEntries(names.map((name, i) => [name, text(cells[i])])));
  }
  if (records.every((r) => Object.values(r).every((v) => v.trim() === ''))) {
    throw new HttpProblem(
      422,
      'Unprocessable Content',
      'The file has a header row but no scores',
      undefined,
      'NO_ROWS',
    );
  }
  return { records, offset: header.row - 1 };
}
