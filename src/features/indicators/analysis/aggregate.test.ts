import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { aggregateToCounty } from './aggregate.ts';

// Three Jämtland municipalities with round numbers.
const values = [
  { areaCode: '2380', value: 30, population: 60_000 },
  { areaCode: '2321', value: 10, population: 12_000 },
  { areaCode: '2326', value: 20, population: 8_000 },
];

describe('aggregating to the county', () => {
  test('sum: 30 + 10 + 20 = 60', () => {
    expect(aggregateToCounty(values, 'sum')).toEqual({ value: 60 });
  });

  test('population-weighted mean: (30·60 000 + 10·12 000 + 20·8 000) / 80 000 = 26', () => {
    // 1 800 000 + 120 000 + 160 000 = 2 080 000; / 80 000 = 26.
    expect(aggregateToCounty(values, 'population_weighted_mean')).toEqual({ value: 26 });
  });

  test('none: refused', () => {
    expect(aggregateToCounty(values, 'none')).toEqual({
      value: null,
      reason: 'this indicator is not aggregated',
    });
  });

  test('a sum needs no populations', () => {
    expect(aggregateToCounty([{ areaCode: '2380', value: 4 }], 'sum')).toEqual({ value: 4 });
  });
});

describe('refusals', () => {
  test('no values', () => {
    expect(aggregateToCounty([], 'sum')).toEqual({
      value: null,
      reason: 'there are no municipality values to aggregate',
    });
  });

  test('a missing population, or one of zero, names the municipality', () => {
    expect(
      aggregateToCounty(
        [...values, { areaCode: '2361', value: 5, population: null }],
        'population_weighted_mean',
      ),
    ).toEqual({
      value: null,
      reason: 'a population-weighted mean needs the population of every municipality (2361 has none)',
    });
    expect(
      aggregateToCounty([...values, { areaCode: '2361', value: 5 }], 'population_weighted_mean').value,
    ).toBeNull();
    expect(
      aggregateToCounty(
        [...values, { areaCode: '2361', value: 5, population: 0 }],
        'population_weighted_mean',
      ),
    ).toEqual({
      value: null,
      reason: 'a population-weighted mean needs populations above zero (2361 has zero or less)',
    });
  });

  test('a value that is not a finite number; an area given twice', () => {
    expect(aggregateToCounty([...values, { areaCode: '2361', value: Number.NaN }], 'sum')).toEqual({
      value: null,
      reason: 'the value for 2361 is not a finite number',
    });
    expect(aggregateToCounty([...values, { areaCode: '2380', value: 1, population: 1 }], 'sum')).toEqual({
      value: null,
      reason: '2380 is given twice',
    });
  });

  test('with the expected municipalities, a missing one refuses the aggregate', () => {
    const expected = ['2380', '2321', '2326', '2361', '2309'];
    expect(aggregateToCounty(values, 'sum', { expectedAreaCodes: expected })).toEqual({
      value: null,
      reason: 'a county value needs every municipality (2361 and 2309 have no value)',
    });
    expect(aggregateToCounty(values, 'sum', { expectedAreaCodes: ['2380', '2321', '2326'] })).toEqual({
      value: 60,
    });
  });
});

describe('properties', () => {
  const rows = fc
    .array(fc.tuple(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.integer({ min: 1, max: 1_000_000 })), {
      minLength: 1,
      maxLength: 30,
    })
    .map((r) => r.map(([value, population], i) => ({ areaCode: `a${i}`, value, population })));

  test('the weighted mean lies between the lowest and the highest value', () => {
    fc.assert(
      fc.property(rows, (r) => {
        const mean = aggregateToCounty(r, 'population_weighted_mean').value ?? Number.NaN;
        const ys = r.map((x) => x.value);
        expect(mean).toBeGreaterThanOrEqual(Math.min(...ys) * (1 - 1e-12));
        expect(mean).toBeLessThanOrEqual(Math.max(...ys) * (1 + 1e-12));
      }),
    );
  });

  test('equal populations give the plain mean; the order does not matter', () => {
    fc.assert(
      fc.property(rows, (r) => {
        const equal = r.map((x) => ({ ...x, population: 1000 }));
        const mean = aggregateToCounty(equal, 'population_weighted_mean').value ?? Number.NaN;
        const sum = aggregateToCounty(equal, 'sum').value ?? Number.NaN;
        expect(mean).toBeCloseTo(sum / r.length, 6);
        const reversed = aggregateToCounty([...r].reverse(), 'population_weighted_mean').value ?? Number.NaN;
        const forward = aggregateToCounty(r, 'population_weighted_mean').value ?? Number.NaN;
        expect(Math.abs(reversed - forward)).toBeLessThanOrEqual(1e-9 * (1 + forward));
      }),
    );
  });
});
