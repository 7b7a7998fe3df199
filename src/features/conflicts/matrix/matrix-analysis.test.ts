import { describe, expect, it } from 'vitest';
import { analyseMatrix } from './matrix-analysis.ts';

describe('analyseMatrix', () => {
  // Three nodes, three scorers. Combined (median) cells, hand-computed:
  //   a→b: 2, 3, 1 → 2     a→c: −2, −3, 0 → −2 (spread 3: listed)
  //   b→a: 2, 2, 2 → 2     b→c: 1 (one scorer)
  //   c→a: none → null     c→b: −1, 0 → −0.5
  // Row sums: a 0, b 3, c −0.5. Second order: a ½(2·3 + −2·−0.5) = 3.5; b ½(2·0 + 1·−0.5) = −0.25;
  // c ½(−0.5·3) = −0.75. Combined: a 3.5, b 2.75, c −1.25.
  const nodes = [
    { id: 'a', label: 'A' },
    { id: 'b', label: 'B' },
    { id: 'c', label: 'C' },
  ];
  const s = (scorerId: string, rowNodeId: string, columnNodeId: string, score: number) => ({
    scorerId,
    rowNodeId,
    columnNodeId,
    score,
  });
  const scores = [
    s('s1', 'a', 'b', 2),
    s('s2', 'a', 'b', 3),
    s('s3', 'a', 'b', 1),
    s('s1', 'a', 'c', -2),
    s('s2', 'a', 'c', -3),
    s('s3', 'a', 'c', 0),
    s('s1', 'b', 'a', 2),
    s('s2', 'b', 'a', 2),
    s('s3', 'b', 'a', 2),
    s('s1', 'b', 'c', 1),
    s('s1', 'c', 'b', -1),
    s('s2', 'c', 'b', 0),
  ];

  it('combines scorers by the median, lists disagreements and measures by node id', () => {
    const result = analyseMatrix(nodes, ['s1', 's2', 's3'], scores);
    expect(result.combined).toEqual([
      [null, 2, -2],
      [2, null, 1],
      [null, -0.5, null],
    ]);
    expect(result.disagreements).toEqual([
      {
        rowNodeId: 'a',
        columnNodeId: 'c',
        min: -3,
        max: 0,
        spread: 3,
        scores: [
          { scorerId: 's1', score: -2 },
          { scorerId: 's2', score: -3 },
          { scorerId: 's3', score: 0 },
        ],
      },
    ]);
    expect(result.measures.map((m) => [m.nodeId, m.rowSum, m.secondOrder, m.combinedScore, m.rank])).toEqual([
      ['a', 0, 3.5, 3.5, 1],
      ['b', 3, -0.25, 2.75, 2],
      ['c', -0.5, -0.75, -1.25, 3],
    ]);
    expect(result.strongNegativeLinks).toEqual([{ rowNodeId: 'a', columnNodeId: 'c', score: -2 }]);
    expect(result.reinforcingGroups).toEqual([['a', 'b']]);
    expect(result.scoredCellsByScorer).toEqual({ s1: 5, s2: 4, s3: 3 });
  });

  it('ignores scores of nodes that are no longer in the matrix', () => {
    const result = analyseMatrix(nodes.slice(0, 2), ['s1'], scores);
    expect(result.combined).toEqual([
      [null, 2],
      [2, null],
    ]);
  });
});
