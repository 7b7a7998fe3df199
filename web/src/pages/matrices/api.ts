/** Types, loaders and writes of the interaction matrices (from the generated OpenAPI client). */
import { api, problemError, unwrap } from '../../api/client';
import type { paths } from '../../api/schema';
import { localeFor } from '../../lib/format';

type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : never;

export type MatrixSummary = JsonOf<
  paths['/api/v1/interaction-matrices']['get']['responses'][200]
>['items'][number];
export type Matrix = JsonOf<paths['/api/v1/interaction-matrices/{id}']['get']['responses'][200]>;
export type MatrixNode = Matrix['nodes'][number];
export type MatrixScorer = Matrix['scorers'][number];
export type NodeMeasure = Matrix['measures'][number];
export type NodeKind = MatrixNode['kind'];
export type Visibility = Matrix['visibility'];
export type MatrixInput = NonNullable<
  paths['/api/v1/interaction-matrices']['post']['requestBody']
>['content']['application/json'];
export type MatrixPatch = NonNullable<
  paths['/api/v1/interaction-matrices/{id}']['patch']['requestBody']
>['content']['application/json'];
export type ScoreRow = JsonOf<
  paths['/api/v1/interaction-matrices/{id}/scores']['get']['responses'][200]
>['items'][number];
export type ScoreInput = NonNullable<
  paths['/api/v1/interaction-matrices/{id}/scorers/{scorerId}/scores']['put']['requestBody']
>['content']['application/json']['scores'][number];
export type ScoreImportReport = JsonOf<
  paths['/api/v1/interaction-matrices/{id}/scores/import']['post']['responses'][200]
>;

export const NODE_KINDS: NodeKind[] = ['priority', 'strength_area', 'sdg_target', 'own_goal'];

/** The 7-point scale of SEI's SDG Synergies, from +3 down to −3, with the key of each step's name. */
export const SCALE = [
  { score: 3, key: 'indivisible' },
  { score: 2, key: 'reinforcing' },
  { score: 1, key: 'enabling' },
  { score: 0, key: 'consistent' },
  { score: -1, key: 'constraining' },
  { score: -2, key: 'counteracting' },
  { score: -3, key: 'cancelling' },
] as const;

/** The step of the scale a (median) value is coloured as: halves round away from zero. */
export function scaleStep(value: number): number {
  return Math.sign(value) * Math.round(Math.abs(value));
}

/** The CSS class colouring a cell by its score (teal positive, orange negative). */
export function scoreClass(value: number | null): string {
  if (value === null) return 'score-none';
  const step = scaleStep(value);
  return step === 0 ? 'score-0' : step > 0 ? `score-p${step}` : `score-n${-step}`;
}

/** The name of the scale step, e.g. "förstärkande", for whole scores; null for halves. */
export function scaleKey(value: number): string | null {
  return SCALE.find((s) => s.score === value)?.key ?? null;
}

const signedFormats = new Map<string, Intl.NumberFormat>();

/** A score or median with its sign and a decimal comma in Swedish: "+2", "−1", "0", "+1,5". */
export function formatScore(value: number, lang: string): string {
  const locale = localeFor(lang);
  let nf = signedFormats.get(locale);
  if (!nf) {
    nf = new Intl.NumberFormat(locale, { signDisplay: 'exceptZero', maximumFractionDigits: 2 });
    signedFormats.set(locale, nf);
  }
  return nf.format(value);
}

export const loadMatrices = async () => unwrap(await api.GET('/api/v1/interaction-matrices')).items;

export const loadMatrix = async (id: string) =>
  unwrap(await api.GET('/api/v1/interaction-matrices/{id}', { params: { path: { id } } }));

export const loadScores = async (id: string, scorer: string) =>
  unwrap(
    await api.GET('/api/v1/interaction-matrices/{id}/scores', {
      params: { path: { id }, query: { scorer } },
    }),
  ).items;

export const createMatrix = async (body: MatrixInput) =>
  unwrap(await api.POST('/api/v1/interaction-matrices', { body }));

export const patchMatrix = async (id: string, version: number, body: MatrixPatch) =>
  unwrap(
    await api.PATCH('/api/v1/interaction-matrices/{id}', {
      params: { path: { id }, header: { 'if-match': `"${version}"` } },
      body,
    }),
  );

/** One scorer's whole sheet; cells not sent are cleared. If-Match is the matrix's version. */
export const putScores = async (id: string, scorerId: string, version: number, scores: ScoreInput[]) =>
  unwrap(
    await api.PUT('/api/v1/interaction-matrices/{id}/scorers/{scorerId}/scores', {
      params: { path: { id, scorerId }, header: { 'if-match': `"${version}"` } },
      body: { scores },
    }),
  );

/**
 * Sends a score file as the raw body. A real import leaves `dryRun` out: the server reads the query
 * value "false" as true (z.coerce.boolean), so only its absence means "write".
 */
export async function uploadScores(
  id: string,
  file: File,
  dryRun: boolean,
  version: number,
): Promise<ScoreImportReport> {
  const query = new URLSearchParams({ filename: file.name });
  if (dryRun) query.set('dryRun', 'true');
  const response = await fetch(
    `/api/v1/interaction-matrices/${encodeURIComponent(id)}/scores/import?${query.toString()}`,
    {
      method: 'POST',
      credentials: 'same-origin',
      // The version the page shows: a server that checks it refuses a file meant for an older matrix.
      headers: { 'content-type': 'application/octet-stream', 'if-match': `"${version}"` },
      body: file,
    },
  );
  const body = await response.json().catch(() => undefined);
  if (!response.ok) throw problemError(response.status, body);
  return body as ScoreImportReport;
}

/** A file download of the matrix: every scorer's scores, or the combined matrix with the measures. */
export function downloadHref(id: string, what: 'scores' | 'combined', format: 'csv' | 'xlsx'): string {
  return `/api/v1/interaction-matrices/${encodeURIComponent(id)}/${what}?format=${format}`;
}

const stampFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * A timestamp (ISO with time zone) as the date in Sweden, with the time when `withTime`:
 * "27 november 2026 06:05" in Swedish. The UTC date of the timestamp can be a day off.
 */
export function formatTimestamp(iso: string, lang: string, withTime = false): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const locale = localeFor(lang);
  const key = `${locale}|${withTime}`;
  let df = stampFormats.get(key);
  if (!df) {
    df = new Intl.DateTimeFormat(locale, {
      dateStyle: 'long',
      ...(withTime ? { timeStyle: 'short' } : {}),
      timeZone: 'Europe/Stockholm',
    });
    stampFormats.set(key, df);
  }
  return df.format(date);
}
