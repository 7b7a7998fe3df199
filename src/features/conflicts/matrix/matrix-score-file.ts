/**
 * Reads an uploaded interaction-matrix score file in long format: one scored cell per row, with
 * the columns Bedömare, Rad, Kolumn, Poäng and optionally Motivering (or Scorer, Row, Column,
 * Score, Rationale). The file has already been decoded (CSV or XLSX) into records, header → cell
 * text; this module only checks the cells against the matrix's nodes and scorers. Every bad cell
 * becomes a problem with its file row number (the header is row 1), in Swedish, for the user.
 *
 * Pure: no I/O, no database.
 */

/** The header row the exporter writes (Swedish); English headers are accepted too. */
export const SCORE_FILE_HEADERS_SV = ['Bedömare', 'Rad', 'Kolumn', 'Poäng', 'Motivering'] as const;
export const SCORE_FILE_HEADERS_EN = ['Scorer', 'Row', 'Column', 'Score', 'Rationale'] as const;

/** Longest accepted rationale, in characters (Unicode code points). */
export const RATIONALE_MAX_LENGTH = 2000;

export type ScoreFileNode = { id: string; label: string; key?: string };
export type ScoreFileScorer = { id: string; name: string };
export type ScoreFileScore = {
  scorerId: string;
  rowNodeId: string;
  columnNodeId: string;
  score: number;
  rationale: string | null;
};
/** row: the file's row number (header = 1); column: the header of the bad cell, as in the file. */
export type ScoreFileProblem = { row: number; column?: string; message: string };
export type ScoreFileResult = { scores: ScoreFileScore[]; problems: ScoreFileProblem[] };

type Field = 'scorer' | 'row' | 'column' | 'score' | 'rationale';
const fields: Field[] = ['scorer', 'row', 'column', 'score', 'rationale'];
const requiredFields: Field[] = ['scorer', 'row', 'column', 'score'];
const svHeader = Object.fromEntries(fields.map((f, i) => [f, SCORE_FILE_HEADERS_SV[i]])) as Record<
  Field,
  string
>;
const enHeader = Object.fromEntries(fields.map((f, i) => [f, SCORE_FILE_HEADERS_EN[i]])) as Record<
  Field,
  string
>;

/**
 * Names, labels and headers compared without case, surrounding spaces or Unicode form ("Å" typed
 * as A + ring matches "Å"). A BOM or zero-width space that a decoder left in is dropped.
 */
const normalName = (text: string) =>
  text
    .replace(/[\uFEFF\u200B]/g, '')
    .normalize('NFC')
    .trim()
    // Our exports put ' before a leading = + - @ (so spreadsheets do not run it): take it off.
    .replace(/^'(?=[=+\-@])/, '')
    .toLocaleLowerCase('sv')
    .normalize('NFC');

const fieldOfHeader = new Map<string, Field>(
  fields.flatMap((f) => [[normalName(svHeader[f]), f] as const, [normalName(enHeader[f]), f] as const]),
);

/** A text for a message: quoted (and escaped), at most 50 characters. */
const shown = (text: string) => JSON.stringify(text.length > 50 ? `${text.slice(0, 50)}…` : text);

const SCORE_RULE = 'poängen måste vara ett heltal från −3 till +3';

/** "+2", "2", " -1 ", "−1" (Unicode minus) → the integer; anything else (also "1,5", "") → null. */
function parseScore(text: string): number | null {
  const t = text.trim().replace(/^\u2212/, '-');
  if (!/^[+-]?\d+$/.test(t)) return null;
  // "+ 0" turns "-0" into 0.
  const value = Number(t) + 0;
  return value >= -3 && value <= 3 ? value : null;
}

/** Normalised name → the ids it names (more than one: ambiguous). */
function lookup(entries: [name: string | undefined, id: string][]): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  for (const [name, id] of entries) {
    if (name === undefined) continue;
    const key = normalName(name);
    if (key === '') continue;
    const ids = map.get(key) ?? new Set<string>();
    ids.add(id);
    map.set(key, ids);
  }
  return map;
}

/** The headers of all records, in the order first seen (a decoder may leave out empty cells). */
function headersOf(records: Record<string, string>[]): string[] {
  const seen = new Set<string>();
  for (const record of records) for (const header of Object.keys(record)) seen.add(header);
  return [...seen];
}

/**
 * Checks the records of a score file (the first record is file row 2) against the matrix's nodes
 * (matched by label or key) and scorers (matched by name). Returns the good rows as scores and one
 * problem per bad cell, in row order; rows where every cell is blank are skipped. When a required
 * column is missing (or given twice), the only problem is on row 1 and no rows are read.
 */
export function parseScoreFile(
  records: Record<string, string>[],
  nodes: ScoreFileNode[],
  scorers: ScoreFileScorer[],
): ScoreFileResult {
  const scores: ScoreFileScore[] = [];
  const problems: ScoreFileProblem[] = [];
  if (records.length === 0) return { scores, problems };

  // The header: which file column holds which field. Unknown columns are ignored, so a file may
  // carry notes or extra columns next to the scores.
  const headerOf: Partial<Record<Field, string>> = {};
  const repeated: string[] = [];
  for (const header of headersOf(records)) {
    const field = fieldOfHeader.get(normalName(header));
    if (!field) continue;
    const earlier = headerOf[field];
    if (earlier === undefined) headerOf[field] = header;
    else repeated.push(`${shown(earlier)} och ${shown(header)}`);
  }
  const missing = requiredFields.filter((f) => headerOf[f] === undefined);
  if (missing.length > 0)
    problems.push({
      row: 1,
      message: `${missing.length === 1 ? 'kolumnen saknas' : 'kolumnerna saknas'}: ${missing.map((f) => svHeader[f]).join(', ')} (rubrikerna ska vara ${SCORE_FILE_HEADERS_SV.join(', ')}, där ${svHeader.rationale} får utelämnas; engelska rubriker går också: ${SCORE_FILE_HEADERS_EN.join(', ')})`,
    });
  if (repeated.length > 0)
    problems.push({ row: 1, message: `samma kolumn finns två gånger: ${repeated.join('; ')}` });
  if (problems.length > 0) return { scores, problems };

  const nodeIds = lookup(
    nodes.flatMap((n): [string | undefined, string][] => [
      [n.label, n.id],
      [n.key, n.id],
    ]),
  );
  const scorerIds = lookup(scorers.map((s): [string, string] => [s.name, s.id]));
  // Scorer, row node and column node → the file row where that cell was first given.
  const firstRowOf = new Map<string, number>();

  records.forEach((record, index) => {
    const row = index + 2;
    const text = (field: Field) => {
      const header = headerOf[field];
      const value = header === undefined ? undefined : record[header];
      return value === undefined || value === null ? '' : String(value);
    };
    if (Object.values(record).every((v) => v === undefined || v === null || String(v).trim() === '')) return;

    const before = problems.length;
    const fail = (field: Field | undefined, message: string) =>
      problems.push(field === undefined ? { row, message } : { row, column: headerOf[field], message });

    const resolve = (field: Field, ids: Map<string, Set<string>>, what: 'bedömare' | 'nod') => {
      const name = text(field).trim();
      if (name === '') {
        fail(field, `${what} saknas`);
        return undefined;
      }
      const found = ids.get(normalName(name));
      if (!found) {
        fail(field, `okänd ${what} ${shown(name)}`);
        return undefined;
      }
      if (found.size > 1) {
        fail(
          field,
          what === 'nod'
            ? `noden ${shown(name)} är tvetydig: flera noder har den etiketten eller nyckeln`
            : `bedömaren ${shown(name)} är tvetydig: flera bedömare har det namnet`,
        );
        return undefined;
      }
      return [...found][0] as string;
    };

    const scorerId = resolve('scorer', scorerIds, 'bedömare');
    const rowNodeId = resolve('row', nodeIds, 'nod');
    let columnNodeId = resolve('column', nodeIds, 'nod');
    if (rowNodeId !== undefined && rowNodeId === columnNodeId) {
      fail('column', 'en nod kan inte bedömas mot sig själv');
      columnNodeId = undefined;
    }

    const scoreText = text('score').trim();
    const score = parseScore(scoreText);
    if (score === null)
      fail(
        'score',
        scoreText === '' ? `poäng saknas: ${SCORE_RULE}` : `${SCORE_RULE}, inte ${shown(scoreText)}`,
      );

    const rationale = text('rationale').trim();
    const rationaleLength = [...rationale].length;
    if (rationaleLength > RATIONALE_MAX_LENGTH)
      fail(
        'rationale',
        `motiveringen får vara högst ${RATIONALE_MAX_LENGTH} tecken, den här har ${rationaleLength}`,
      );

    // A cell given twice is reported even when its score is bad, so that both rows get fixed.
    if (scorerId !== undefined && rowNodeId !== undefined && columnNodeId !== undefined) {
      const key = JSON.stringify([scorerId, rowNodeId, columnNodeId]);
      const first = firstRowOf.get(key);
      if (first !== undefined) fail(undefined, `cellen finns redan på rad ${first}`);
      else firstRowOf.set(key, row);
    }

    if (problems.length > before) return;
    scores.push({
      scorerId: scorerId as string,
      rowNodeId: rowNodeId as string,
      columnNodeId: columnNodeId as string,
      score: score as number,
      rationale: rationale === '' ? null : rationale,
    });
  });
  return { scores, problems };
}
