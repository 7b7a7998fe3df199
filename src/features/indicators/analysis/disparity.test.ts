import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  type AreaValue,
  type DisparityMeasures,
  disparity,
  disparityOverYears,
  nameAreas,
} from './disparity.ts';

const areas = (values: number[], populations?: Array<number | null>): AreaValue[] =>
  values.map((value, i) => ({ areaCode: `a${i}`, value, population: populations?.[i] }));

/** The number of a measure that must have one; fails the test when it was refused. */
function num(m: DisparityMeasures[keyof DisparityMeasures]): number {
  if (m === null || typeof m !== 'object' || !('value' in m) || typeof m.value !== 'number') {
    throw new Error(`expected a value, got ${JSON.stringify(m)}`);
  }
  return m.value;
}

function reason(m: DisparityMeasures[keyof DisparityMeasures]): string {
  if (m === null || typeof m !== 'object' || !('reason' in m)) throw new Error(`expected a refusal`);
  return m.reason;
}

const MEASURES = [
  'cv',
  'williamson',
  'gini',
  'giniWeighted',
  'theil',
  'theilWeighted',
  'maxMinRatio',
] as const;

describe('hand-computed cases', () => {
  test('values 1, 2, 3, 4', () => {
    const d = disparity(areas([1, 2, 3, 4]));
    expect(d.n).toBe(4);
    expect(d.mean).toBe(2.5);
    // Deviations −1.5, −0.5, 0.5, 1.5 → variance (2.25 + 0.25 + 0.25 + 2.25)/4 = 1.25.
    expect(num(d.cv)).toBeCloseTo(Math.sqrt(1.25) / 2.5, 12);
    expect(num(d.cv)).toBeCloseTo(0.4472136, 7);
    // Pairs i<j: |1−2|+|1−3|+|1−4|+|2−3|+|2−4|+|3−4| = 10; both orders 20; 20/(2·16·2.5) = 0.25.
    expect(num(d.gini)).toBeCloseTo(0.25, 12);
    // Theil: ¼ [0.4 ln 0.4 + 0.8 ln 0.8 + 1.2 ln 1.2 + 1.6 ln 1.6]
    //      = ¼ [−0.366516 − 0.178515 + 0.218786 + 0.752006] = ¼ · 0.425761 = 0.106440
    expect(num(d.theil)).toBeCloseTo(0.10644, 5);
    expect(num(d.maxMinRatio)).toBe(4);
    expect(d.max).toEqual({ areaCode: 'a3', value: 4 });
    expect(d.min).toEqual({ areaCode: 'a0', value: 1 });
    // No populations: the weighted measures are refused, the others are not.
    expect(reason(d.williamson)).toContain('a0 and 3 more have none');
  });

  test('equal values: no disparity at all, ratio 1', () => {
    const d = disparity(areas([7, 7, 7], [100, 2000, 30000]));
    for (const m of ['cv', 'williamson', 'gini', 'giniWeighted', 'theil', 'theilWeighted'] as const) {
      expect(num(d[m]), m).toBe(0);
    }
    expect(num(d.maxMinRatio)).toBe(1);
  });

  test('two areas, population-weighted', () => {
    // A: 10 with 1 000 inhabitants, B: 20 with 3 000 → p = 0.25, 0.75; ȳ_w = 2.5 + 15 = 17.5.
    const d = disparity([
      { areaCode: 'A', value: 10, population: 1000 },
      { areaCode: 'B', value: 20, population: 3000 },
    ]);
    // Williamson: 0.25·(10−17.5)² + 0.75·(20−17.5)² = 14.0625 + 4.6875 = 18.75; √18.75/17.5 = 0.247436
    expect(num(d.williamson)).toBeCloseTo(0.247436, 6);
    // Gini: both orders 2·0.25·0.75·10 = 3.75; 3.75/(2·17.5) = 3/28 = 0.107143
    expect(num(d.giniWeighted)).toBeCloseTo(3 / 28, 12);
    // Theil: 0.25·(4/7)·ln(4/7) + 0.75·(8/7)·ln(8/7) = −0.079945 + 0.114455 = 0.034510
    expect(num(d.theilWeighted)).toBeCloseTo(0.03451, 5);
    // Unweighted for comparison: mean 15, CV = 5/15, Gini = 20/(2·4·15) = 1/6,
    // Theil = ½[(2/3) ln(2/3) + (4/3) ln(4/3)] = ½[−0.270310 + 0.383576] = 0.056633
    expect(num(d.cv)).toBeCloseTo(1 / 3, 12);
    expect(num(d.gini)).toBeCloseTo(1 / 6, 12);
    expect(num(d.theil)).toBeCloseTo(0.056633, 6);
    expect(num(d.maxMinRatio)).toBe(2);
  });

  test('ties for max and min go to the lower area code, whatever the order', () => {
    const d = disparity([
      { areaCode: '2380', value: 5 },
      { areaCode: '2321', value: 5 },
      { areaCode: '2326', value: 1 },
      { areaCode: '2303', value: 1 },
    ]);
    expect(d.max?.areaCode).toBe('2321');
    expect(d.min?.areaCode).toBe('2303');
  });
});

describe('refusals', () => {
  test('fewer than two areas: every measure is refused', () => {
    for (const values of [[], areas([3], [10])]) {
      const d = disparity(values);
      for (const m of MEASURES) expect(reason(d[m]), m).toContain('at least two areas');
    }
    expect(disparity([]).mean).toBeNull();
    expect(disparity([]).max).toBeNull();
    expect(disparity(areas([3])).mean).toBe(3);
  });

  test('a negative value: every measure is refused and the area is named', () => {
    const d = disparity([
      { areaCode: '2380', value: 4, population: 10 },
      { areaCode: '2361', value: -1, population: 10 },
    ]);
    for (const m of MEASURES) {
      expect(reason(d[m]), m).toBe(
        'these measures assume values of zero or more (2361 has a negative value)',
      );
    }
    expect(d.min).toEqual({ areaCode: '2361', value: -1 });
  });

  test('a value that is not a finite number: every measure is refused', () => {
    const d = disparity([
      { areaCode: '2380', value: 4 },
      { areaCode: '2361', value: Number.NaN },
      { areaCode: '2321', value: Number.POSITIVE_INFINITY },
    ]);
    for (const m of MEASURES) expect(reason(d[m]), m).toContain('2361 and 2321');
    expect(d.mean).toBeNull();
    expect(d.max).toEqual({ areaCode: '2380', value: 4 });
  });

  test('all zero: mean zero refuses CV, Gini, Theil and max/min', () => {
    const d = disparity(areas([0, 0], [1, 1]));
    expect(d.mean).toBe(0);
    for (const m of MEASURES) expect(reason(d[m]), m).toBeTruthy();
    expect(reason(d.cv)).toContain('mean is zero');
    expect(reason(d.williamson)).toContain('weighted mean is zero');
  });

  test('one zero: Theil and max/min are refused, naming the area; CV and Gini are fine', () => {
    const d = disparity([
      { areaCode: 'Berg', value: 0, population: 7000 },
      { areaCode: 'Åre', value: 10, population: 12000 },
    ]);
    expect(reason(d.theil)).toBe('Theil needs all values above zero (Berg has 0)');
    expect(reason(d.theilWeighted)).toBe('Theil needs all values above zero (Berg has 0)');
    expect(reason(d.maxMinRatio)).toBe('max/min needs the smallest value to be above zero (Berg has 0)');
    // Values 0 and 10: mean 5, σ = 5 → CV 1; Gini 20/(2·4·5) = 0.5 = (n − 1)/n, its maximum.
    expect(num(d.cv)).toBe(1);
    expect(num(d.gini)).toBe(0.5);
    expect(num(d.williamson)).toBeGreaterThan(0);
  });

  test('weighted measures need every population, above zero', () => {
    const missing = disparity([
      { areaCode: '2380', value: 1, population: 100 },
      { areaCode: '2326', value: 2, population: null },
    ]);
    for (const m of ['williamson', 'giniWeighted', 'theilWeighted'] as const) {
      expect(reason(missing[m])).toBe(
        'population-weighted measures need the population of every area (2326 has none)',
      );
    }
    expect(num(missing.gini)).toBeCloseTo(1 / 6, 12);
    const zero = disparity([
      { areaCode: '2380', value: 1, population: 0 },
      { areaCode: '2326', value: 2, population: 10 },
    ]);
    expect(reason(zero.williamson)).toBe(
      'population-weighted measures need a population above zero (2380 has population 0)',
    );
    const several = disparity(areas([1, 2, 3], [0, -1, 5]));
    expect(reason(several.giniWeighted)).toContain('a0 and a1 have a population of zero or less');
    const notFinite = disparity(areas([1, 2], [Number.NaN, 5]));
    expect(reason(notFinite.theilWeighted)).toContain('a0 has none');
  });

  test('naming areas', () => {
    expect(nameAreas(['2380'])).toBe('2380');
    expect(nameAreas(['2380', '2326'])).toBe('2380 and 2326');
    expect(nameAreas(['2380', '2326', '2321'])).toBe('2380 and 2 more');
  });
});

describe('over years', () => {
  test('sorted by year from a map or an array', () => {
    const byMap = disparityOverYears(
      new Map([
        [2022, areas([1, 2, 3, 4])],
        [2020, areas([5, 5])],
      ]),
    );
    expect(byMap.map((r) => r.year)).toEqual([2020, 2022]);
    expect(num(byMap[0]?.gini ?? null)).toBe(0);
    expect(num(byMap[1]?.gini ?? null)).toBeCloseTo(0.25, 12);
    const byArray = disparityOverYears([
      { year: 2023, values: areas([2, 2]) },
      { year: 2021, values: areas([1]) },
    ]);
    expect(byArray.map((r) => r.year)).toEqual([2021, 2023]);
    expect(byArray[0]?.cv.value).toBeNull();
  });
});

describe('properties', () => {
  const positive = fc.double({ min: 0.01, max: 1e6, noNaN: true });
  const valuesArb = fc.array(positive, { minLength: 2, maxLength: 25 });
  const withPopulations = fc
    .array(fc.tuple(positive, fc.integer({ min: 1, max: 1_000_000 })), { minLength: 2, maxLength: 25 })
    .map((rows) => rows.map(([value, population], i) => ({ areaCode: `a${i}`, value, population })));

  /** Relative closeness: these are ratios, so absolute digits depend on the size. */
  const close = (a: number, b: number) =>
    expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * (1 + Math.abs(b)));

  test('scale-invariant: multiplying every value by k > 0 changes nothing', () => {
    fc.assert(
      fc.property(withPopulations, fc.double({ min: 0.001, max: 1000, noNaN: true }), (rows, k) => {
        const a = disparity(rows);
        const b = disparity(rows.map((r) => ({ ...r, value: r.value * k })));
        for (const m of MEASURES) close(num(b[m]), num(a[m]));
      }),
    );
  });

  test('permutation-invariant', () => {
    fc.assert(
      fc.property(
        withPopulations.chain((rows) =>
          fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length })),
        ),
        ([rows, shuffled]) => {
          const a = disparity(rows);
          const b = disparity(shuffled);
          for (const m of MEASURES) close(num(b[m]), num(a[m]));
          expect(b.max).toEqual(a.max);
          expect(b.min).toEqual(a.min);
        },
      ),
    );
  });

  test('Gini lies in [0, 1), in fact in [0, (n − 1)/n]; Theil and CV are ≥ 0', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 2, maxLength: 25 }),
        (ys) => {
          const d = disparity(areas(ys));
          if (d.gini.value === null) return; // all zero
          expect(d.gini.value).toBeGreaterThanOrEqual(0);
          expect(d.gini.value).toBeLessThan(1);
          expect(d.gini.value).toBeLessThanOrEqual((ys.length - 1) / ys.length + 1e-12);
          expect(num(d.cv)).toBeGreaterThanOrEqual(0);
          if (d.theil.value !== null) expect(d.theil.value).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });

  test('equal populations make the weighted measures equal the unweighted ones', () => {
    fc.assert(
      fc.property(valuesArb, fc.integer({ min: 1, max: 1_000_000 }), (ys, population) => {
        const d = disparity(
          areas(
            ys,
            ys.map(() => population),
          ),
        );
        close(num(d.williamson), num(d.cv));
        close(num(d.giniWeighted), num(d.gini));
        close(num(d.theilWeighted), num(d.theil));
      }),
    );
  });

  test('max/min is at least 1 and equals max ÷ min', () => {
    fc.assert(
      fc.property(valuesArb, (ys) => {
        const d = disparity(areas(ys));
        expect(num(d.maxMinRatio)).toBeGreaterThanOrEqual(1);
        expect(num(d.maxMinRatio)).toBe(Math.max(...ys) / Math.min(...ys));
      }),
    );
  });
});
