/**
 * From stored rows to the matrix the pages show: each scorer's cells, the combined (median)
 * matrix, cells to discuss, node measures, strong negative links and reinforcing groups. Pure.
 */
import {
  combineScorers,
  type MatrixCells,
  nodeMeasures,
  reinforcingGroups,
  strongNegativeLinks,
} from './matrix-measures.ts';

export type MatrixNode = { id: string; label: string };
export type MatrixScore = { scorerId: string; rowNodeId: string; columnNodeId: string; score: number };

export function analyseMatrix(nodes: MatrixNode[], scorerIds: string[], scores: MatrixScore[]) {
  const n = nodes.length;
  const index = new Map(nodes.map((node, i) => [node.id, i]));
  const emptyCells = (): MatrixCells => Array.from({ length: n }, () => Array<number | null>(n).fill(null));
  const perScorer = new Map(scorerIds.map((id) => [id, emptyCells()]));
  for (const s of scores) {
    const row = index.get(s.rowNodeId);
    const column = index.get(s.columnNodeId);
    const cells = perScorer.get(s.scorerId);
    if (row === undefined || column === undefined || !cells || row === column) continue;
    (cells[row] as (number | null)[])[column] = s.score;
  }
  const { combined, disagreements } = combineScorers(
    n,
    [...perScorer].map(([scorerId, cells]) => ({ scorerId, cells })),
  );
  const nodeId = (i: number) => (nodes[i] as MatrixNode).id;
  return {
    combined,
    disagreements: disagreements.map(({ row, column, ...rest }) => ({
      rowNodeId: nodeId(row),
      columnNodeId: nodeId(column),
      ...rest,
    })),
    measures: nodeMeasures(combined).map(({ index: i, ...m }) => ({ nodeId: nodeId(i), ...m })),
    strongNegativeLinks: strongNegativeLinks(combined).map(({ row, column, score }) => ({
      rowNodeId: nodeId(row),
      columnNodeId: nodeId(column),
      score,
    })),
    reinforcingGroups: reinforcingGroups(combined).map((group) => group.map(nodeId)),
    scoredCellsByScorer: Object.fromEntries(
      [...perScorer].map(([id, cells]) => [id, cells.flat().filter((c) => c !== null).length]),
    ),
  };
}
