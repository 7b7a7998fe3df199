/**
 * Measures on an interaction matrix in the manner of SEI's SDG Synergies: every pair of nodes
 * (goals, targets, efforts …) is scored on a 7-point scale from −3 (cancelling) to +3
 * (indivisible). a_ij is how progress on the row node i influences progress on the column node j;
 * the diagonal is empty. Several scorers' matrices are combined cell by cell with the median, and
 * the combined matrix gives each node its direct influence (row sum), how much it is influenced
 * (column sum) and its second-order influence (through one intermediate node).
 *
 * Pure functions: no I/O, no database.
 */

/** n×n; cells[i][j] is the score of row i on column j, null when not scored; the diagonal is always null. */
export type MatrixCells = (number | null)[][];
export type ScorerCells = { scorerId: string; cells: MatrixCells };

/** A cell where the scorers who scored it are at least `disagreementSpread` points apart. */
export type Disagreement = {
  row: number;
  column: number;
  min: number;
  max: number;
  spread: number;
  /** In the order the scorers were given. */
  scores: { scorerId: string; score: number }[];
};

export type NodeMeasures = {
  index: number;
  /** Σ_j a_ij: the node's direct influence on the others. */
  rowSum: number;
  /** Sum of the positive a_ij. */
  rowPositive: number;
  /** Sum of the negative a_ij (≤ 0). */
  rowNegative: number;
  /** Σ_i a_ij for this node as column j: how much the others influence it. */
  columnSum: number;
  columnPositive: number;
  columnNegative: number;
  /** ½ · Σ_j a_ij · rowSum_j = ½ · (row sum of A²). */
  secondOrder: number;
  /** rowSum + secondOrder. */
  combinedScore: number;
  /** 1 = highest combinedScore; ties share a rank ("1224"). */
  rank: number;
};

export const MIN_SCORE = -3;
export const MAX_SCORE = 3;

/** The 7-point scale, from +3 down to −3, with the English key of each step. */
export const interactionScale = [
  { score: 3, key: 'indivisible' },
  { score: 2, key: 'reinforcing' },
  { score: 1, key: 'enabling' },
  { score: 0, key: 'consistent' },
  { score: -1, key: 'constraining' },
  { score: -2, key: 'counteracting' },
  { score: -3, key: 'cancelling' },
] as const;
export type InteractionKey = (typeof interactionScale)[number]['key'];

/** The English key of an integer score −3…+3; throws a RangeError for anything else. */
export function interactionLabel(score: number): InteractionKey {
  const step = interactionScale.find((s) => s.score === score);
  if (!step) throw new RangeError(`Not an interaction score (an integer from −3 to +3): ${score}`);
  return step.key;
}

/** The median; null for an empty list. For an even count, the mean of the two middle values. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] as number;
  // "+ 0" turns −0 (e.g. the median of [-0]) into 0, so results compare equal to 0 everywhere.
  if (sorted.length % 2 === 1) return upper + 0;
  return ((sorted[mid - 1] as number) + upper) / 2 + 0;
}

const isScore = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= MIN_SCORE && value <= MAX_SCORE;

function checkScorer(n: number, { scorerId, cells }: ScorerCells): void {
  const who = `Scorer ${JSON.stringify(scorerId)}`;
  if (!Array.isArray(cells) || cells.length !== n)
    throw new Error(`${who}: the matrix must have ${n} rows, not ${Array.isArray(cells) ? cells.length : 0}`);
  cells.forEach((row, i) => {
    if (!Array.isArray(row) || row.length !== n)
      throw new Error(
        `${who}: row ${i} must have ${n} cells, not ${Array.isArray(row) ? row.length : 0} (the matrix must be ${n}×${n})`,
      );
    row.forEach((value, j) => {
      if (i === j) {
        if (value !== null) throw new Error(`${who}: the diagonal cell [${i}][${j}] must be empty (null)`);
      } else if (value !== null && !isScore(value)) {
        throw new Error(`${who}: cell [${i}][${j}] must be an integer from −3 to +3 or null, not ${value}`);
      }
    });
  });
}

/**
 * Combines the scorers' matrices cell by cell: the median of those who scored the cell (null if
 * nobody did), and the cells where they are `disagreementSpread` points or more apart, largest
 * spread first, then by row and column. Throws when a matrix is not n×n, has a non-empty diagonal
 * or a score that is not an integer from −3 to +3, or when a scorer id is given twice.
 */
export function combineScorers(
  n: number,
  scorers: ScorerCells[],
  disagreementSpread = 3,
): { combined: MatrixCells; disagreements: Disagreement[] } {
  if (!Number.isInteger(n) || n < 0) throw new Error(`The matrix size must be a whole number ≥ 0, not ${n}`);
  const seen = new Set<string>();
  for (const scorer of scorers) {
    // The same scorer twice would count twice in the median.
    if (seen.has(scorer.scorerId))
      throw new Error(`Scorer ${JSON.stringify(scorer.scorerId)} is given twice`);
    seen.add(scorer.scorerId);
    checkScorer(n, scorer);
  }

  const combined: MatrixCells = [];
  const disagreements: Disagreement[] = [];
  for (let i = 0; i < n; i++) {
    const row: (number | null)[] = [];
    for (let j = 0; j < n; j++) {
      if (i === j) {
        row.push(null);
        continue;
      }
      const scores: { scorerId: string; score: number }[] = [];
      for (const { scorerId, cells } of scorers) {
        const score = cells[i]?.[j] ?? null;
        if (score !== null) scores.push({ scorerId, score });
      }
      const values = scores.map((s) => s.score);
      row.push(median(values));
      if (values.length >= 2) {
        const min = Math.min(...values);
        const max = Math.max(...values);
        if (max - min >= disagreementSpread)
          disagreements.push({ row: i, column: j, min, max, spread: max - min, scores });
      }
    }
    combined.push(row);
  }
  disagreements.sort((a, b) => b.spread - a.spread || a.row - b.row || a.column - b.column);
  return { combined, disagreements };
}

/** The matrix as numbers, null as 0 and the diagonal as 0; throws when it is not square. */
function numeric(cells: MatrixCells): number[][] {
  const n = cells.length;
  return cells.map((row, i) => {
    if (!Array.isArray(row) || row.length !== n)
      throw new Error(`Row ${i} must have ${n} cells (the matrix must be square)`);
    return row.map((value, j) => {
      if (i === j) {
        if (value !== null) throw new Error(`The diagonal cell [${i}][${j}] must be empty (null)`);
        return 0;
      }
      if (value === null) return 0;
      if (!Number.isFinite(value)) throw new Error(`Cell [${i}][${j}] must be a finite number, not ${value}`);
      return value;
    });
  });
}

const sum = (values: number[]) => values.reduce((acc, v) => acc + v, 0);

/**
 * Per node, in index order: row and column sums (all, positive, negative), the second-order
 * influence, the combined score and its rank. Empty (null) cells count as 0.
 */
export function nodeMeasures(cells: MatrixCells): NodeMeasures[] {
  const a = numeric(cells);
  const n = a.length;
  const rows = a;
  const columns = a.map((_, j) => a.map((row) => row[j] as number));
  const rowSums = rows.map(sum);

  const measures = a.map((row, i) => {
    const column = columns[i] as number[];
    const rowSum = rowSums[i] as number;
    // Row i of A² is Σ_j a_ij · a_jk over k, so its sum is Σ_j a_ij · rowSum_j: the influence of i
    // passed on through each j (including paths i → j → i back to i itself). Halved, as in SDG
    // Synergies, since an indirect effect is weaker than a direct one.
    let viaOthers = 0;
    for (let j = 0; j < n; j++) viaOthers += (row[j] as number) * (rowSums[j] as number);
    const secondOrder = viaOthers / 2;
    return {
      index: i,
      rowSum,
      rowPositive: sum(row.filter((v) => v > 0)),
      rowNegative: sum(row.filter((v) => v < 0)),
      columnSum: sum(column),
      columnPositive: sum(column.filter((v) => v > 0)),
      columnNegative: sum(column.filter((v) => v < 0)),
      secondOrder,
      combinedScore: rowSum + secondOrder,
      rank: 0,
    };
  });

  // Standard competition ranking: 1 + the number of nodes with a strictly higher score. Scores
  // are integers or halves (medians), products of those are quarters, halved eighths: all exact
  // in floating point, so ties compare exactly equal.
  for (const m of measures) m.rank = 1 + measures.filter((o) => o.combinedScore > m.combinedScore).length;
  return measures;
}

/** The cells scored −2 or lower (counteracting, cancelling): most negative first, then by row, column. */
export function strongNegativeLinks(cells: MatrixCells): { row: number; column: number; score: number }[] {
  const links: { row: number; column: number; score: number }[] = [];
  cells.forEach((row, i) => {
    row.forEach((score, j) => {
      if (i !== j && score !== null && score <= -2) links.push({ row: i, column: j, score });
    });
  });
  return links.sort((a, b) => a.score - b.score || a.row - b.row || a.column - b.column);
}

/**
 * Groups of two or more nodes tied together by mutual links of +2 or more (a_ij ≥ 2 and a_ji ≥ 2):
 * the connected components of that graph. Each group ascending; groups by their smallest node.
 */
export function reinforcingGroups(cells: MatrixCells): number[][] {
  const n = cells.length;
  const strong = (i: number, j: number) => (cells[i]?.[j] ?? Number.NEGATIVE_INFINITY) >= 2;
  const groupOf: number[] = Array.from({ length: n }, () => -1);
  const groups: number[][] = [];
  // Visiting nodes in index order makes each group's first node its smallest, so groups come out
  // ordered by their smallest index.
  for (let start = 0; start < n; start++) {
    if (groupOf[start] !== -1) continue;
    const group = [start];
    groupOf[start] = groups.length;
    for (let k = 0; k < group.length; k++) {
      const i = group[k] as number;
      for (let j = 0; j < n; j++) {
        if (j !== i && groupOf[j] === -1 && strong(i, j) && strong(j, i)) {
          groupOf[j] = groups.length;
          group.push(j);
        }
      }
    }
    groups.push(group.sort((x, y) => x - y));
  }
  return groups.filter((g) => g.length >= 2);
}
