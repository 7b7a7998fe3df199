import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  combineScorers,
  interactionLabel,
  interactionScale,
  type MatrixCells,
  median,
  type NodeMeasures,
  nodeMeasures,
  reinforcingGroups,
  type ScorerCells,
  strongNegativeLinks,
} from './matrix-measures.ts';

const _ = null;

/** A² by explicit matrix multiplication (null as 0), to check the second-order formula against. */
function squared(cells: MatrixCells): number[][] {
  const n = cells.length;
  const a = (i: number, j: number) => cells[i]?.[j] ?? 0;
  return Array.from({ length: n }, (_row, i) =>
    Array.from({ length: n }, (_col, k) => {
      let total = 0;
      for (let j = 0; j < n; j++) total += a(i, j) * a(j, k);
      return total;
    }),
  );
}

const rowSumsOf = (m: number[][]) => m.map((row) => row.reduce((s, v) => s + v, 0));

/** Random n×n matrices with an empty diagonal; `value` draws the off-diagonal cells. */
const matrixOf = (value: fc.Arbitrary<number | null>, maxSize = 7) =>
  fc
    .integer({ min: 0, max: maxSize })
    .chain((n) => fc.array(fc.array(value, { minLength: n, maxLength: n }), { minLength: n, maxLength: n }))
    .map((rows) => rows.map((row, i) => row.map((v, j) => (i === j ? null : v))));

const integerCell = fc.option(fc.integer({ min: -3, max: 3 }), { nil: null, freq: 4 });
// Medians of several scorers are integers or halves.
const halfCell = fc.option(
  fc.integer({ min: -6, max: 6 }).map((v) => v / 2),
  { nil: null, freq: 4 },
);
const anyMatrix = fc.oneof(matrixOf(integerCell), matrixOf(halfCell));

describe('interaction scale', () => {
  test('the seven steps from +3 down to −3', () => {
    expect(interactionScale.map((s) => s.score)).toEqual([3, 2, 1, 0, -1, -2, -3]);
    expect([3, 2, 1, 0, -1, -2, -3].map(interactionLabel)).toEqual([
      'indivisible',
      'reinforcing',
      'enabling',
      'consistent',
      'constraining',
      'counteracting',
      'cancelling',
    ]);
  });

  test('anything but an integer from −3 to +3 is refused', () => {
    for (const bad of [4, -4, 1.5, -0.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => interactionLabel(bad), String(bad)).toThrow(RangeError);
    }
  });
});

describe('median', () => {
  test('empty, odd and even counts', () => {
    expect(median([])).toBeNull();
    expect(median([5])).toBe(5);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([-3, 3, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([2, 1])).toBe(1.5);
    expect(median([-1, 2])).toBe(0.5);
    expect(median([-3, -2])).toBe(-2.5);
    expect(median([-1, 1])).toBe(0);
    expect(Object.is(median([-0]), 0)).toBe(true);
  });

  test('sorts numerically, not as text, and leaves the list alone', () => {
    const values = [10, 9, 1];
    expect(median(values)).toBe(9);
    expect(values).toEqual([10, 9, 1]);
  });

  test('lies between the smallest and the largest value', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 1, maxLength: 9 }), (values) => {
        const m = median(values) as number;
        expect(m).toBeGreaterThanOrEqual(Math.min(...values));
        expect(m).toBeLessThanOrEqual(Math.max(...values));
      }),
    );
  });
});

describe('combineScorers', () => {
  // Three scorers on three nodes:
  //           anna             bo               cia
  //        [ _  2 -1 ]      [ _  3  0 ]      [ _  1 -3 ]
  //        [ 1  _  3 ]      [ 1  _  _ ]      [ 0  _  2 ]
  //        [-2  0  _ ]      [ 1 -1  _ ]      [ _  0  _ ]
  // (0,1): 2, 3, 1   → median 2,   spread 2 (not a disagreement at 3)
  // (0,2): -1, 0, -3 → median -1,  spread 3 (a disagreement)
  // (1,0): 1, 1, 0   → median 1,   spread 1
  // (1,2): 3, 2      → median 2.5, spread 1 (bo did not score it)
  // (2,0): -2, 1     → median -0.5, spread 3 (a disagreement; cia did not score it)
  // (2,1): 0, -1, 0  → median 0,   spread 1
  const three: ScorerCells[] = [
    {
      scorerId: 'anna',
      cells: [
        [_, 2, -1],
        [1, _, 3],
        [-2, 0, _],
      ],
    },
    {
      scorerId: 'bo',
      cells: [
        [_, 3, 0],
        [1, _, _],
        [1, -1, _],
      ],
    },
    {
      scorerId: 'cia',
      cells: [
        [_, 1, -3],
        [0, _, 2],
        [_, 0, _],
      ],
    },
  ];

  test('three scorers: medians, missing cells, disagreements of 3 listed and of 2 not', () => {
    const { combined, disagreements } = combineScorers(3, three);
    expect(combined).toEqual([
      [_, 2, -1],
      [1, _, 2.5],
      [-0.5, 0, _],
    ]);
    expect(disagreements).toEqual([
      {
        row: 0,
        column: 2,
        min: -3,
        max: 0,
        spread: 3,
        scores: [
          { scorerId: 'anna', score: -1 },
          { scorerId: 'bo', score: 0 },
          { scorerId: 'cia', score: -3 },
        ],
      },
      {
        row: 2,
        column: 0,
        min: -2,
        max: 1,
        spread: 3,
        scores: [
          { scorerId: 'anna', score: -2 },
          { scorerId: 'bo', score: 1 },
        ],
      },
    ]);
  });

  test('a lower threshold lists spreads of 2 too', () => {
    const { disagreements } = combineScorers(3, three, 2);
    expect(disagreements.map((d) => [d.row, d.column, d.spread])).toEqual([
      [0, 2, 3],
      [2, 0, 3],
      [0, 1, 2],
    ]);
  });

  test('two scorers: the mean of the two, so halves', () => {
    // (0,1): 2, 3 → 2.5   (1,0): -1, -2 → -1.5   (0,2): 0, 1 → 0.5
    // (2,0): only the first → 3   (1,2), (2,1): nobody → null
    const { combined, disagreements } = combineScorers(3, [
      {
        scorerId: 'a',
        cells: [
          [_, 2, 0],
          [-1, _, _],
          [3, _, _],
        ],
      },
      {
        scorerId: 'b',
        cells: [
          [_, 3, 1],
          [-2, _, _],
          [_, _, _],
        ],
      },
    ]);
    expect(combined).toEqual([
      [_, 2.5, 0.5],
      [-1.5, _, _],
      [3, _, _],
    ]);
    expect(disagreements).toEqual([]);
  });

  test('four scorers: the two middle values; widest spread first', () => {
    // (0,1): -3, 3, 1, 2 → sorted -3 1 2 3 → (1 + 2) / 2 = 1.5, spread 6
    // (1,0): 0, 0, 1, 1  → (0 + 1) / 2 = 0.5, spread 1
    // (1,2): 2, -2, 1, _ → sorted -2 1 2 → 1, spread 4
    // (2,1): -3, -3, -2, -2 → -2.5, spread 1
    // (0,2), (2,0): nobody → null
    const m = (a: number | null, b: number | null, c: number | null, d: number | null): MatrixCells => [
      [_, a, _],
      [b, _, c],
      [_, d, _],
    ];
    const { combined, disagreements } = combineScorers(3, [
      { scorerId: 's1', cells: m(-3, 0, 2, -3) },
      { scorerId: 's2', cells: m(3, 0, -2, -3) },
      { scorerId: 's3', cells: m(1, 1, 1, -2) },
      { scorerId: 's4', cells: m(2, 1, _, -2) },
    ]);
    expect(combined).toEqual([
      [_, 1.5, _],
      [0.5, _, 1],
      [_, -2.5, _],
    ]);
    expect(
      disagreements.map(({ row, column, min, max, spread }) => ({ row, column, min, max, spread })),
    ).toEqual([
      { row: 0, column: 1, min: -3, max: 3, spread: 6 },
      { row: 1, column: 2, min: -2, max: 2, spread: 4 },
    ]);
    expect(disagreements[1]?.scores).toEqual([
      { scorerId: 's1', score: 2 },
      { scorerId: 's2', score: -2 },
      { scorerId: 's3', score: 1 },
    ]);
  });

  test('disagreements of equal spread are ordered by row, then column', () => {
    const lo: MatrixCells = [
      [_, -2, -2],
      [-2, _, -2],
      [-2, -2, _],
    ];
    const hi: MatrixCells = [
      [_, 1, 1],
      [1, _, 1],
      [1, 1, _],
    ];
    const { disagreements } = combineScorers(3, [
      { scorerId: 'hi', cells: hi },
      { scorerId: 'lo', cells: lo },
    ]);
    expect(disagreements.map((d) => [d.row, d.column])).toEqual([
      [0, 1],
      [0, 2],
      [1, 0],
      [1, 2],
      [2, 0],
      [2, 1],
    ]);
    expect(disagreements.every((d) => d.spread === 3)).toBe(true);
  });

  test('no scorers, or an empty matrix', () => {
    expect(combineScorers(2, [])).toEqual({
      combined: [
        [_, _],
        [_, _],
      ],
      disagreements: [],
    });
    expect(combineScorers(0, [{ scorerId: 'a', cells: [] }])).toEqual({ combined: [], disagreements: [] });
  });

  test('the scorers’ matrices are left alone', () => {
    const copy = structuredClone(three);
    combineScorers(3, three);
    expect(three).toEqual(copy);
  });

  test('one scorer: the combined matrix is that scorer’s, without disagreements', () => {
    fc.assert(
      fc.property(matrixOf(integerCell), (cells) => {
        const { combined, disagreements } = combineScorers(cells.length, [{ scorerId: 'x', cells }]);
        expect(combined).toEqual(cells);
        expect(disagreements).toEqual([]);
      }),
    );
  });

  test('refuses matrices of the wrong size, a filled diagonal and scores off the scale', () => {
    const ok: MatrixCells = [
      [_, 1],
      [2, _],
    ];
    const one = (cells: MatrixCells) => () =>
      combineScorers(2, [
        { scorerId: 'ok', cells: ok },
        { scorerId: 'bad', cells },
      ]);
    expect(one([[_, 1]])).toThrow(/"bad".*2 rows, not 1/);
    expect(
      one([
        [_, 1],
        [2, _],
        [3, 3],
      ]),
    ).toThrow(/2 rows, not 3/);
    expect(one([[_, 1], [2]])).toThrow(/"bad": row 1 must have 2 cells, not 1/);
    expect(
      one([
        [_, 1, 1],
        [2, _],
      ]),
    ).toThrow(/row 0 must have 2 cells, not 3/);
    expect(
      one([
        [0, 1],
        [2, _],
      ]),
    ).toThrow(/diagonal cell \[0\]\[0\] must be empty/);
    for (const bad of [4, -4, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(
        one([
          [_, bad],
          [2, _],
        ]),
        String(bad),
      ).toThrow(/"bad": cell \[0\]\[1\] must be an integer from −3 to \+3/);
    }
    expect(
      one([
        [_, '2' as unknown as number],
        [2, _],
      ]),
    ).toThrow(/cell \[0\]\[1\]/);
    expect(() =>
      combineScorers(2, [
        { scorerId: 'x', cells: ok },
        { scorerId: 'x', cells: ok },
      ]),
    ).toThrow(/"x" is given twice/);
    expect(() => combineScorers(-1, [])).toThrow(/whole number/);
  });
});

/** Only the numbers that describe a node, without its index (for comparing nodes across orders). */
const withoutIndex = ({ index: _index, ...rest }: NodeMeasures) => rest;

describe('nodeMeasures', () => {
  test('3×3 worked by hand', () => {
    // A = [  _  2 -1 ]   row sums  r0 = 2 − 1 = 1, r1 = 1 + 3 = 4, r2 = −2 + 0 = −2
    //     [  1  _  3 ]   columns   c0 = 1 − 2 = −1, c1 = 2 + 0 = 2, c2 = −1 + 3 = 2
    //     [ -2  0  _ ]   Σr = 3 = Σc
    //
    // A² = [  4  0  6 ]  row 0: (2·1 + −1·−2, −1·0, 2·3)        → sum 10
    //      [ -6  2 -1 ]  row 1: (3·−2, 1·2 + 3·0, 1·−1)        → sum −5
    //      [  0 -4  2 ]  row 2: (0·1, −2·2, −2·−1 + 0·3)       → sum −2
    // second order = ½ Σ_j a_ij · r_j:
    //   s0 = ½ (2·4 + −1·−2) = ½ · 10 = 5
    //   s1 = ½ (1·1 + 3·−2) = ½ · −5 = −2.5
    //   s2 = ½ (−2·1 + 0·4) = ½ · −2 = −1
    // combined = r + s: 6, 1.5, −3 → ranks 1, 2, 3
    const cells: MatrixCells = [
      [_, 2, -1],
      [1, _, 3],
      [-2, 0, _],
    ];
    expect(squared(cells)).toEqual([
      [4, 0, 6],
      [-6, 2, -1],
      [0, -4, 2],
    ]);
    expect(nodeMeasures(cells)).toEqual([
      {
        index: 0,
        rowSum: 1,
        rowPositive: 2,
        rowNegative: -1,
        columnSum: -1,
        columnPositive: 1,
        columnNegative: -2,
        secondOrder: 5,
        combinedScore: 6,
        rank: 1,
      },
      {
        index: 1,
        rowSum: 4,
        rowPositive: 4,
        rowNegative: 0,
        columnSum: 2,
        columnPositive: 2,
        columnNegative: 0,
        secondOrder: -2.5,
        combinedScore: 1.5,
        rank: 2,
      },
      {
        index: 2,
        rowSum: -2,
        rowPositive: 0,
        rowNegative: -2,
        columnSum: 2,
        columnPositive: 3,
        columnNegative: -1,
        secondOrder: -1,
        combinedScore: -3,
        rank: 3,
      },
    ]);
  });

  test('4×4 worked by hand, with unscored cells and a tie ("1224")', () => {
    // A = [  _ -3 -1  3 ]   r0 = −3 − 1 + 3 = −1   (+3, −4)
    //     [ -2  _  1  _ ]   r1 = −2 + 1     = −1   (+1, −2)
    //     [  2  2  _  _ ]   r2 = 2 + 2      =  4   (+4,  0)
    //     [  2 -3  1  _ ]   r3 = 2 − 3 + 1  =  0   (+3, −3)
    // columns: c0 = −2 + 2 + 2 = 2 (+4, −2), c1 = −3 + 2 − 3 = −4 (+2, −6),
    //          c2 = −1 + 1 + 1 = 1 (+2, −1), c3 = 3 (+3, 0);  Σc = 2 = Σr
    //
    // A² = [ 10 -11  0  0 ]   row 0: (−3·−2 + −1·2 + 3·2, −1·2 + 3·−3, −3·1 + 3·1, 0)  → −1
    //      [  2   8  2 -6 ]   row 1: (1·2, −2·−3 + 1·2, −2·−1, −2·3)                 →  6
    //      [ -4  -6  0  6 ]   row 2: (2·−2, 2·−3, 2·−1 + 2·1, 2·3)                    → −4
    //      [  8  -4 -5  6 ]   row 3: (−3·−2 + 1·2, 2·−3 + 1·2, 2·−1 + −3·1, 2·3)      →  5
    // second order = ½ Σ_j a_ij · r_j:
    //   s0 = ½ (−3·−1 + −1·4 + 3·0)  = ½ · −1 = −0.5
    //   s1 = ½ (−2·−1 + 1·4)         = ½ ·  6 =  3
    //   s2 = ½ (2·−1 + 2·−1)         = ½ · −4 = −2
    //   s3 = ½ (2·−1 + −3·−1 + 1·4)  = ½ ·  5 =  2.5
    // combined: −1.5, 2, 2, 2.5 → ranks 4, 2, 2, 1
    const cells: MatrixCells = [
      [_, -3, -1, 3],
      [-2, _, 1, _],
      [2, 2, _, _],
      [2, -3, 1, _],
    ];
    expect(squared(cells)).toEqual([
      [10, -11, 0, 0],
      [2, 8, 2, -6],
      [-4, -6, 0, 6],
      [8, -4, -5, 6],
    ]);
    const measures = nodeMeasures(cells);
    expect(measures.map((m) => m.index)).toEqual([0, 1, 2, 3]);
    expect(measures.map((m) => [m.rowSum, m.rowPositive, m.rowNegative])).toEqual([
      [-1, 3, -4],
      [-1, 1, -2],
      [4, 4, 0],
      [0, 3, -3],
    ]);
    expect(measures.map((m) => [m.columnSum, m.columnPositive, m.columnNegative])).toEqual([
      [2, 4, -2],
      [-4, 2, -6],
      [1, 2, -1],
      [3, 3, 0],
    ]);
    expect(measures.map((m) => m.secondOrder)).toEqual([-0.5, 3, -2, 2.5]);
    expect(measures.map((m) => m.combinedScore)).toEqual([-1.5, 2, 2, 2.5]);
    expect(measures.map((m) => m.rank)).toEqual([4, 2, 2, 1]);
  });

  test('halves from medians', () => {
    // A = [   _   1.5 -0.5 ]   r0 = 1, r1 = 2.5, r2 = −2.5
    //     [  2.5   _   0   ]   c0 = 2.5, c1 = 1.5 − 2.5 = −1, c2 = −0.5
    //     [   _  -2.5  _   ]
    // s0 = ½ (1.5·2.5 + −0.5·−2.5) = ½ (3.75 + 1.25) = 2.5  → combined 3.5
    // s1 = ½ (2.5·1 + 0·−2.5)      = ½ · 2.5  = 1.25         → combined 3.75
    // s2 = ½ (−2.5·2.5)            = ½ · −6.25 = −3.125      → combined −5.625
    // ranks 2, 1, 3
    const cells: MatrixCells = [
      [_, 1.5, -0.5],
      [2.5, _, 0],
      [_, -2.5, _],
    ];
    const measures = nodeMeasures(cells);
    expect(measures.map((m) => [m.rowSum, m.rowPositive, m.rowNegative])).toEqual([
      [1, 1.5, -0.5],
      [2.5, 2.5, 0],
      [-2.5, 0, -2.5],
    ]);
    expect(measures.map((m) => [m.columnSum, m.columnPositive, m.columnNegative])).toEqual([
      [2.5, 2.5, 0],
      [-1, 1.5, -2.5],
      [-0.5, 0, -0.5],
    ]);
    expect(measures.map((m) => m.secondOrder)).toEqual([2.5, 1.25, -3.125]);
    expect(measures.map((m) => m.combinedScore)).toEqual([3.5, 3.75, -5.625]);
    expect(measures.map((m) => m.rank)).toEqual([2, 1, 3]);
  });

  test('an unscored matrix: all zero, all first', () => {
    const measures = nodeMeasures([
      [_, _, _],
      [_, _, _],
      [_, _, _],
    ]);
    expect(measures.map((m) => m.rank)).toEqual([1, 1, 1]);
    for (const m of measures) {
      expect(withoutIndex(m)).toEqual({
        rowSum: 0,
        rowPositive: 0,
        rowNegative: 0,
        columnSum: 0,
        columnPositive: 0,
        columnNegative: 0,
        secondOrder: 0,
        combinedScore: 0,
        rank: 1,
      });
    }
    expect(nodeMeasures([])).toEqual([]);
    expect(nodeMeasures([[_]]).map((m) => m.rank)).toEqual([1]);
  });

  test('a tie at the top shares rank 1 and skips 2 ("1134")', () => {
    // A 2-cycle 0 ⇄ 1 of +1 and node 2 constraining both:
    // r = (1, 1, −2); s0 = ½ (1·1) = 0.5, s1 = 0.5, s2 = ½ (−1·1 + −1·1) = −1
    // node 3 scores nothing and is scored by nobody: r3 = 0, s3 = 0
    // combined 1.5, 1.5, −3, 0 → ranks 1, 1, 4, 3
    const measures = nodeMeasures([
      [_, 1, _, _],
      [1, _, _, _],
      [-1, -1, _, _],
      [_, _, _, _],
    ]);
    expect(measures.map((m) => m.combinedScore)).toEqual([1.5, 1.5, -3, 0]);
    expect(measures.map((m) => m.rank)).toEqual([1, 1, 4, 3]);
  });

  test('refuses a matrix that is not square or has a filled diagonal', () => {
    expect(() => nodeMeasures([[_, 1], [2]])).toThrow(/square/);
    expect(() =>
      nodeMeasures([
        [1, 1],
        [2, _],
      ]),
    ).toThrow(/diagonal/);
    expect(() =>
      nodeMeasures([
        [_, Number.NaN],
        [2, _],
      ]),
    ).toThrow(/finite/);
  });

  test('property: second order is half the row sum of A² by explicit multiplication', () => {
    fc.assert(
      fc.property(anyMatrix, (cells) => {
        const expected = rowSumsOf(squared(cells)).map((v) => v / 2);
        const measures = nodeMeasures(cells);
        // Integers and halves multiply to quarters: exact in floating point.
        expect(measures.map((m) => m.secondOrder)).toEqual(expected.map((v) => v + 0));
        for (const m of measures) expect(m.combinedScore).toBe(m.rowSum + m.secondOrder);
      }),
      { numRuns: 300 },
    );
  });

  test('property: row and column totals agree, and positive + negative parts make the sums', () => {
    fc.assert(
      fc.property(anyMatrix, (cells) => {
        const measures = nodeMeasures(cells);
        const total = (f: (m: NodeMeasures) => number) => measures.reduce((s, m) => s + f(m), 0);
        expect(total((m) => m.rowSum)).toBe(total((m) => m.columnSum));
        expect(total((m) => m.rowPositive)).toBe(total((m) => m.columnPositive));
        expect(total((m) => m.rowNegative)).toBe(total((m) => m.columnNegative));
        for (const m of measures) {
          expect(m.rowPositive + m.rowNegative).toBe(m.rowSum);
          expect(m.columnPositive + m.columnNegative).toBe(m.columnSum);
          expect(m.rowPositive).toBeGreaterThanOrEqual(0);
          expect(m.rowNegative).toBeLessThanOrEqual(0);
          expect(m.columnPositive).toBeGreaterThanOrEqual(0);
          expect(m.columnNegative).toBeLessThanOrEqual(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  test('property: ranks are competition ranks of the combined score', () => {
    fc.assert(
      fc.property(anyMatrix, (cells) => {
        const measures = nodeMeasures(cells);
        for (const m of measures) {
          const higher = measures.filter((o) => o.combinedScore > m.combinedScore).length;
          expect(m.rank).toBe(higher + 1);
        }
        if (measures.length > 0) expect(Math.min(...measures.map((m) => m.rank))).toBe(1);
      }),
    );
  });

  test('property: permuting the nodes permutes the measures', () => {
    const matrixAndPermutation = anyMatrix.chain((cells) =>
      fc
        .shuffledSubarray(
          cells.map((_row, i) => i),
          { minLength: cells.length, maxLength: cells.length },
        )
        .map((permutation) => ({ cells, permutation })),
    );
    fc.assert(
      fc.property(matrixAndPermutation, ({ cells, permutation }) => {
        // Node i becomes node p[i]: b[p[i]][p[j]] = a[i][j].
        const n = cells.length;
        const moved: MatrixCells = Array.from({ length: n }, () => Array.from({ length: n }, () => null));
        cells.forEach((row, i) => {
          row.forEach((v, j) => {
            (moved[permutation[i] as number] as (number | null)[])[permutation[j] as number] = v;
          });
        });
        const before = nodeMeasures(cells);
        const after = nodeMeasures(moved);
        before.forEach((m, i) => {
          const p = permutation[i] as number;
          expect(after[p]?.index).toBe(p);
          expect(withoutIndex(after[p] as NodeMeasures)).toEqual(withoutIndex(m));
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe('strongNegativeLinks', () => {
  test('cells of −2 or lower, most negative first, then by row and column', () => {
    // The 4×4 from above: −3 at (0,1) and (3,1), −2 at (1,0); −1 at (0,2) is not strong.
    expect(
      strongNegativeLinks([
        [_, -3, -1, 3],
        [-2, _, 1, _],
        [2, 2, _, _],
        [2, -3, 1, _],
      ]),
    ).toEqual([
      { row: 0, column: 1, score: -3 },
      { row: 3, column: 1, score: -3 },
      { row: 1, column: 0, score: -2 },
    ]);
  });

  test('medians: −2.5 is strong, −1.5 is not', () => {
    expect(
      strongNegativeLinks([
        [_, -1.5, -2],
        [-2.5, _, _],
        [_, -3, _],
      ]),
    ).toEqual([
      { row: 2, column: 1, score: -3 },
      { row: 1, column: 0, score: -2.5 },
      { row: 0, column: 2, score: -2 },
    ]);
    expect(strongNegativeLinks([])).toEqual([]);
    expect(
      strongNegativeLinks([
        [_, 3],
        [-1, _],
      ]),
    ).toEqual([]);
  });
});

describe('reinforcingGroups', () => {
  test('mutual links of +2 or more, joined into connected groups', () => {
    // 0 ⇄ 2 (3 and 2), 2 ⇄ 4 (2 and 3): one group {0, 2, 4} although 0 and 4 are not linked.
    // 1 ⇄ 5 (2 and 2): a group. 3 → 1 is +3 but 1 → 3 is only +1: no tie. 5 → 3 is +3, 3 → 5 is
    // unscored: no tie. 1 → 0 is +3 but 0 → 1 is −3: no tie.
    const _6 = [_, _, _, _, _, _];
    const cells: MatrixCells = _6.map(() => [..._6]);
    const set = (i: number, j: number, v: number) => {
      (cells[i] as (number | null)[])[j] = v;
    };
    set(0, 2, 3);
    set(2, 0, 2);
    set(2, 4, 2);
    set(4, 2, 3);
    set(1, 5, 2);
    set(5, 1, 2);
    set(3, 1, 3);
    set(1, 3, 1);
    set(5, 3, 3);
    set(1, 0, 3);
    set(0, 1, -3);
    expect(reinforcingGroups(cells)).toEqual([
      [0, 2, 4],
      [1, 5],
    ]);
  });

  test('groups are sorted inside and by their smallest node', () => {
    // 3 ⇄ 1 and 1 ⇄ 4 and 0 ⇄ 2: groups {0, 2} and {1, 3, 4}.
    const cells: MatrixCells = [
      [_, _, 3, _, _],
      [_, _, _, 2, 2],
      [2, _, _, _, _],
      [_, 3, _, _, _],
      [_, 3, _, _, _],
    ];
    expect(reinforcingGroups(cells)).toEqual([
      [0, 2],
      [1, 3, 4],
    ]);
  });

  test('the 4×4 example: only 0 ⇄ 3 (3 and 2); 2 → 0 and 2 → 1 are not reciprocated', () => {
    expect(
      reinforcingGroups([
        [_, -3, -1, 3],
        [-2, _, 1, _],
        [2, 2, _, _],
        [2, -3, 1, _],
      ]),
    ).toEqual([[0, 3]]);
  });

  test('medians: 1.5 is not reinforcing, 2.5 is; no groups in an empty matrix', () => {
    expect(
      reinforcingGroups([
        [_, 2.5, 1.5],
        [2, _, _],
        [3, _, _],
      ]),
    ).toEqual([[0, 1]]);
    expect(reinforcingGroups([])).toEqual([]);
    expect(reinforcingGroups([[_]])).toEqual([]);
  });
});
