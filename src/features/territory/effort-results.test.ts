import { describe, expect, test } from 'vitest';
import { type EffortResultRow, sumEffortResults } from './effort-results.ts';

const row = (over: Partial<EffortResultRow>): EffortResultRow => ({
  indicatorId: 'i1',
  effortId: 'e1',
  name: 'Företag som deltar',
  unit: 'antal',
  kind: 'output',
  period: '2024',
  areaCode: '',
  actual: 0,
  ...over,
});

describe('sumEffortResults', () => {
  // One effort: 10 for the whole effort in 2024, 10 in Åre in 2024, and 4 in Åre in 2024-H1.
  const rows = [
    row({ areaCode: '', actual: 10 }),
    row({ areaCode: '2321', actual: 10 }),
    row({ areaCode: '2321', period: '2024-H1', actual: 4 }),
  ];

  test('a municipality counts its own yearly rows only', () => {
    expect(sumEffortResults(rows, { code: '2321', isCounty: false })).toEqual([
      { name: 'Företag som deltar', unit: 'antal', kind: 'output', total: 10, efforts: 1 },
    ]);
    expect(sumEffortResults(rows, { code: '2380', isCounty: false })).toEqual([]);
  });

  test('the county counts whole-effort rows, or the municipalities when there are none', () => {
    expect(sumEffortResults(rows, { code: '23', isCounty: true })[0]?.total).toBe(10);
    const perMunicipality = [row({ areaCode: '2321', actual: 3 }), row({ areaCode: '2380', actual: 5 })];
    expect(sumEffortResults(perMunicipality, { code: '23', isCounty: true })[0]?.total).toBe(8);
  });

  test('part-year rows count when there are no yearly ones', () => {
    const halves = [row({ period: '2024-H1', actual: 4 }), row({ period: '2024-H2', actual: 6 })];
    expect(sumEffortResults(halves, { code: '23', isCounty: true })[0]?.total).toBe(10);
  });

  test('the same indicator in two efforts is summed, and counted as two efforts', () => {
    const two = [row({ actual: 2 }), row({ indicatorId: 'i2', effortId: 'e2', actual: 3 })];
    expect(sumEffortResults(two, { code: '23', isCounty: true })).toEqual([
      { name: 'Företag som deltar', unit: 'antal', kind: 'output', total: 5, efforts: 2 },
    ]);
  });
});
