import { describe, expect, test } from 'vitest';
import { parseJsonStat2, parseJsonStat2Dataset } from './json-stat2.ts';
import { SourceError } from './source-error.ts';

/** A 2 × 3 dataset: A varies slowest, B fastest. */
const small = {
  version: '2.0',
  class: 'dataset',
  id: ['A', 'B'],
  size: [2, 3],
  dimension: {
    A: { label: 'a', category: { index: { a1: 0, a2: 1 }, label: { a1: 'A one', a2: 'A two' } } },
    B: { category: { index: ['b1', 'b2', 'b3'] } },
  },
  value: [1, 2, 3, 4, null, 6],
};

describe('parseJsonStat2', () => {
  test('row-major order: the last dimension varies fastest', () => {
    expect(parseJsonStat2(small)).toEqual([
      { coords: { A: 'a1', B: 'b1' }, value: 1, status: null },
      { coords: { A: 'a1', B: 'b2' }, value: 2, status: null },
      { coords: { A: 'a1', B: 'b3' }, value: 3, status: null },
      { coords: { A: 'a2', B: 'b1' }, value: 4, status: null },
      { coords: { A: 'a2', B: 'b2' }, value: null, status: null },
      { coords: { A: 'a2', B: 'b3' }, value: 6, status: null },
    ]);
  });

  test('index objects may list categories in any order: the position counts', () => {
    const shuffled = {
      ...small,
      dimension: { ...small.dimension, A: { category: { index: { a2: 1, a1: 0 } } } },
    };
    expect(parseJsonStat2(shuffled).map((c) => c.coords.A)).toEqual(['a1', 'a1', 'a1', 'a2', 'a2', 'a2']);
  });

  test('values and statuses as objects keyed by position; missing positions are null', () => {
    const sparse = { ...small, value: { '0': 10, '5': 60 }, status: { '1': '..', '5': 'p' } };
    expect(parseJsonStat2(sparse).map((c) => [c.value, c.status])).toEqual([
      [10, null],
      [null, '..'],
      [null, null],
      [null, null],
      [null, null],
      [60, 'p'],
    ]);
  });

  test('status as an array, or one string for all cells', () => {
    const arrayStatus = { ...small, status: ['', null, '..', 'p', '', ''] };
    expect(parseJsonStat2(arrayStatus).map((c) => c.status)).toEqual(['', null, '..', 'p', '', '']);
    expect(parseJsonStat2({ ...small, status: 'p' }).every((c) => c.status === 'p')).toBe(true);
  });

  test('a dimension with one category may leave out its index', () => {
    const single = {
      class: 'dataset',
      id: ['C', 'B'],
      size: [1, 2],
      dimension: {
        C: { category: { label: { only: 'The only one' } } },
        B: { category: { index: ['x', 'y'] } },
      },
      value: [5, 7],
    };
    const dataset = parseJsonStat2Dataset(single);
    expect(dataset.cells.map((c) => c.coords)).toEqual([
      { C: 'only', B: 'x' },
      { C: 'only', B: 'y' },
    ]);
    expect(dataset.dimensions[0]).toEqual({
      id: 'C',
      label: 'C',
      categories: [{ code: 'only', label: 'The only one' }],
    });
  });

  test('labels of dimensions and categories are kept, codes stand in for missing labels', () => {
    const dataset = parseJsonStat2Dataset(small);
    expect(dataset.dimensions.map((d) => [d.id, d.label, d.categories.map((c) => c.label)])).toEqual([
      ['A', 'a', ['A one', 'A two']],
      ['B', 'B', ['b1', 'b2', 'b3']],
    ]);
  });

  test('an empty dataset has no cells', () => {
    expect(
      parseJsonStat2({
        ...small,
        size: [2, 0],
        dimension: { ...small.dimension, B: { category: { index: [] } } },
        value: [],
      }),
    ).toEqual([]);
  });

  test('anything else is a bad response, with a reason', () => {
    const cases: Array<[unknown, RegExp]> = [
      [null, /document/],
      ['{}', /document/],
      [{ ...small, class: 'collection' }, /class/],
      [{ ...small, size: [2] }, /2 dimension ids but 1 sizes/],
      [{ ...small, id: ['A', 'A'] }, /repeated/],
      [{ ...small, id: ['A', 'Z'] }, /dimension Z/],
      [{ ...small, value: [1, 2, 3] }, /3 values for 6 cells/],
      [{ ...small, value: { '6': 1 } }, /position/],
      [{ ...small, value: { x: 1 } }, /position/],
      [{ ...small, value: [1, 2, 3, 4, 5, '6'] }, /value/],
      [
        { ...small, dimension: { ...small.dimension, A: { category: { index: { a1: 0, a2: 0 } } } } },
        /position 0/,
      ],
      [
        { ...small, dimension: { ...small.dimension, A: { category: { index: { a1: 0, a2: 7 } } } } },
        /position 7/,
      ],
      [
        { ...small, dimension: { ...small.dimension, B: { category: { index: ['b1', 'b1', 'b2'] } } } },
        /repeats/,
      ],
      [
        { ...small, dimension: { ...small.dimension, B: { category: { index: ['b1'] } } } },
        /1 categories but size 3/,
      ],
      [{ ...small, dimension: { ...small.dimension, B: { category: {} } } }, /no category index/],
      [{ ...small, size: [100_000, 100_000] }, /more than/],
    ];
    for (const [doc, reason] of cases) {
      let error: unknown;
      try {
        parseJsonStat2(doc);
      } catch (e) {
        error = e;
      }
      expect(error, JSON.stringify(doc)).toBeInstanceOf(SourceError);
      expect((error as SourceError).code).toBe('SOURCE_BAD_RESPONSE');
      expect((error as SourceError).message, JSON.stringify(doc)).toMatch(reason);
    }
  });
});
