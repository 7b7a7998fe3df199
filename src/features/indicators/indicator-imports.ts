/**
 * The three importers end to end: ask the source (Kolada, SCB PxWeb, or read a file), then write
 * all or nothing with a report (import-values.ts). Used by the API and the CLI alike.
 */
import { and, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import * as t from '../../db/schema.ts';
import { HttpProblem } from '../../server/problem.ts';
import type { AuditActor } from '../audit/audit.ts';
import { type ImportReport, importValues } from './import-values.ts';
import { regionAreas } from './indicators-service.ts';
import type { Sleep } from './sources/http-retry.ts';
import { fetchKolada } from './sources/kolada.ts';
import { readLongFormatFile } from './sources/long-format-file.ts';
import { fetchPxWeb } from './sources/pxweb.ts';
import { SourceError } from './sources/source-error.ts';

/** How the importers reach the network; tests pass recorded answers instead. */
export type SourceAccess = {
  fetch?: typeof fetch;
  sleep?: Sleep;
  koladaBaseUrl?: string;
  scbBaseUrl?: string;
};

/** A source that cannot answer becomes a problem the user can act on. */
function sourceProblem(error: unknown): never {
  if (error instanceof SourceError) {
    const status = error.code === 'BAD_SELECTION' ? 400 : error.code === 'NETWORK_UNREACHABLE' ? 503 : 502;
    const title = status === 400 ? 'Bad Request' : status === 503 ? 'Service Unavailable' : 'Bad Gateway';
    throw new HttpProblem(status, title, error.message, undefined, error.code);
  }
  throw error;
}

export type KoladaRequest = {
  kpis: string[];
  from: number;
  to: number;
  areaCodes?: string[];
  dryRun?: boolean;
};

/** The region's municipalities, the county and Sweden: what an import asks for by default. */
async function defaultAreaCodes(db: Db, regionCode: string) {
  const { municipalities, county } = await regionAreas(db, regionCode);
  return [...municipalities.map((m) => m.code), ...(county ? [county.code] : []), 'SE'];
}

export async function importFromKolada(
  db: Db,
  actor: AuditActor,
  request: KoladaRequest,
  access: SourceAccess = {},
): Promise<ImportReport> {
  const kpis = [...new Set(request.kpis.map((k) => k.trim().toUpperCase()))];
  const rows = await db
    .select({ id: t.indicators.id, kpi: t.indicators.koladaKpi })
    .from(t.indicators)
    .where(and(isNotNull(t.indicators.koladaKpi), inArray(t.indicators.koladaKpi, kpis)));
  const indicatorOf = new Map(rows.map((r) => [r.kpi as string, r.id]));
  const unknown = kpis.filter((k) => !indicatorOf.has(k));
  if (unknown.length > 0) {
    throw new HttpProblem(
      400,
      'Bad Request',
      `No indicator is defined for Kolada KPI ${unknown.join(', ')}. Define the indicator with its Kolada KPI first.`,
      [{ field: 'body.kpis', message: `unknown KPI: ${unknown.join(', ')}` }],
      'UNKNOWN_KPI',
    );
  }
  const areaCodes = request.areaCodes ?? (await defaultAreaCodes(db, actor.regionCode));
  const result = await fetchKolada({
    kpis,
    areaCodes,
    from: request.from,
    to: request.to,
    indicatorIdForKpi: (kpi) => indicatorOf.get(kpi),
    fetch: access.fetch,
    sleep: access.sleep,
    baseUrl: access.koladaBaseUrl,
  }).catch(sourceProblem);
  return importValues(db, actor, {
    kind: 'kolada',
    request: { kpis, from: request.from, to: request.to, areaCodes },
    result,
    dryRun: request.dryRun,
  });
}

export type PxWebRequest = {
  table: string;
  indicatorId: string;
  selection: Record<string, string[]>;
  dimensions?: { area?: string; year?: string; sex?: string };
  dryRun?: boolean;
};

export async function importFromPxWeb(
  db: Db,
  actor: AuditActor,
  request: PxWebRequest,
  access: SourceAccess = {},
): Promise<ImportReport> {
  const [indicator] = await db
    .select({ id: t.indicators.id })
    .from(t.indicators)
    .where(eq(t.indicators.id, request.indicatorId));
  if (!indicator) {
    throw new HttpProblem(400, 'Bad Request', `No indicator "${request.indicatorId}"`, [
      { field: 'body.indicatorId', message: 'unknown indicator' },
    ]);
  }
  const result = await fetchPxWeb({
    table: request.table,
    indicatorId: request.indicatorId,
    selection: request.selection,
    dimensions: request.dimensions,
    fetch: access.fetch,
    sleep: access.sleep,
    baseUrl: access.scbBaseUrl,
  }).catch(sourceProblem);
  return importValues(db, actor, {
    kind: 'pxweb',
    request: { table: request.table, indicatorId: request.indicatorId, selection: request.selection },
    result,
    dryRun: request.dryRun,
  });
}

export async function importFromFile(
  db: Db,
  actor: AuditActor,
  file: { buffer: Buffer; filename: string; dryRun?: boolean },
): Promise<ImportReport> {
  const result = await readLongFormatFile(file.buffer, file.filename, { defaultSource: file.filename });
  return importValues(db, actor, {
    kind: 'file',
    request: { filename: file.filename, bytes: file.buffer.length },
    result,
    dryRun: file.dryRun,
  });
}

export async function recentImports(db: Db, regionCode: string, limit = 50) {
  const rows = await db
    .select()
    .from(t.indicatorImports)
    .where(eq(t.indicatorImports.regionCode, regionCode))
    .orderBy(desc(t.indicatorImports.startedAt))
    .limit(limit);
  return rows.map((r) => ({
    ...r,
    startedAt: r.startedAt.toISOString(),
    request: r.request as Record<string, unknown>,
  }));
}
