import { describe, expect, test } from 'vitest';
import {
  fundingByEffort,
  latestPeriodValue,
  latestYearValue,
  logicItemProblems,
  moneyTotals,
  periodRank,
  type SourceInputFacts,
  sourceInputProblems,
} from './area-rules.ts';

describe('sourceInputProblems', () => {
  const found = new Map<string, SourceInputFacts>([
    ['a', { id: 'a', strengthAreaId: 'energy', initiativeId: null }],
    ['b', { id: 'b', strengthAreaId: 'digital', initiativeId: null }],
    ['c', { id: 'c', strengthAreaId: 'energy', initiativeId: 'other' }],
    ['d', { id: 'd', strengthAreaId: 'energy', initiativeId: 'mine' }],
  ]);

  test('free input of the same area is fine', () => {
    expect(sourceInputProblems(['a'], found, 'energy', null)).toEqual([]);
  });

  test('names every problem at its field at once', () => {
    expect(sourceInputProblems(['x', 'b', 'c', 'a'], found, 'energy', null)).toEqual([
      { field: 'body.sourceInputIds.0', message: 'no input x in the region' },
      { field: 'body.sourceInputIds.1', message: 'the input was raised for another strength area' },
      { field: 'body.sourceInputIds.2', message: 'the input is already taken into another initiative' },
    ]);
  });

  test('while the strength area is unknown the input is still checked, but not against the area', () => {
    expect(sourceInputProblems(['x', 'b', 'c'], found, null, null)).toEqual([
      { field: 'body.sourceInputIds.0', message: 'no input x in the region' },
      { field: 'body.sourceInputIds.2', message: 'the input is already taken into another initiative' },
    ]);
  });

  test('input already taken into this initiative is fine when changing it; duplicates are not', () => {
    expect(sourceInputProblems(['d'], found, 'energy', 'mine')).toEqual([]);
    expect(sourceInputProblems(['a', 'a'], found, 'energy', null)).toEqual([
      { field: 'body.sourceInputIds', message: 'an input is named twice' },
    ]);
  });
});

describe('logicItemProblems', () => {
  const base = {
    kind: 'result' as const,
    initiativeId: null,
    indicatorId: null,
    effortIndicatorId: null,
    targetValue: null,
    targetYear: null,
  };
  test('a result without initiative and an output with one are fine', () => {
    expect(logicItemProblems(base)).toEqual([]);
    expect(
      logicItemProblems({ ...base, kind: 'output', initiativeId: 'i', indicatorId: 'population' }),
    ).toEqual([]);
  });
  test('kind and initiative must agree; one measure at most; a target year needs a value', () => {
    expect(logicItemProblems({ ...base, kind: 'output' }).map((p) => p.field)).toEqual(['body.initiativeId']);
    expect(
      logicItemProblems({
        ...base,
        initiativeId: 'i',
        indicatorId: 'x',
        effortIndicatorId: 'y',
        targetYear: 2030,
      }).map((p) => p.field),
    ).toEqual(['body.initiativeId', 'body.effortIndicatorId', 'body.targetValue']);
  });
});

describe('money', () => {
  test('sums decided and planned per effort and in total', () => {
    const sums = fundingByEffort([
      { effortId: 'e1', status: 'decided', amountSek: 100 },
      { effortId: 'e1', status: 'planned', amountSek: 50 },
      { effortId: 'e1', status: 'decided', amountSek: 25 },
      { effortId: 'e2', status: 'planned', amountSek: 10 },
    ]);
    expect(sums.get('e1')).toEqual({ decidedSek: 125, plannedSek: 50 });
    expect(sums.get('e2')).toEqual({ decidedSek: 0, plannedSek: 10 });
    expect(moneyTotals([...sums.values()])).toEqual({ decidedSek: 125, plannedSek: 60, totalSek: 185 });
    expect(moneyTotals([])).toEqual({ decidedSek: 0, plannedSek: 0, totalSek: 0 });
  });
});

describe('latest values', () => {
  test('the latest year of an indicator', () => {
    expect(latestYearValue([])).toBeNull();
    expect(
      latestYearValue([
        { year: 2018, value: 68 },
        { year: 2019, value: 73 },
        { year: 2017, value: 60 },
      ]),
    ).toEqual({ year: 2019, value: 73 });
  });
  test('the latest period of an effort indicator: the whole year before its parts', () => {
    expect(latestPeriodValue([])).toBeNull();
    expect(
      latestPeriodValue([
        { period: '2024', actual: 1 },
        { period: '2025-Q1', actual: 2 },
        { period: '2025-H1', actual: 3 },
        { period: '2025-Q2', actual: 4 },
      ]),
    ).toEqual({ period: '2025-H1', value: 3 });
    expect(
      latestPeriodValue([
        { period: '2025-Q3', actual: 5 },
        { period: '2025', actual: 9 },
      ]),
    ).toEqual({ period: '2025', value: 9 });
  });
  test('periods rank by the month they end in: months, quarters, halves, then the whole year', () => {
    const ordered = [
      '2024',
      '2025-01',
      '2025-Q1',
      '2025-05',
      '2025-06',
      '2025-Q2',
      '2025-H1',
      '2025-09',
      '2025-Q3',
      '2025-11',
      '2025-12',
      '2025-Q4',
      '2025-H2',
      '2025',
      '2026-01',
    ];
    const ranks = ordered.map(periodRank);
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
    expect(new Set(ranks).size).toBe(ranks.length);
  });
  test('the latest monthly value is the last month, not the one whose digits sort highest', () => {
    expect(
      latestPeriodValue([
        { period: '2025-09', actual: 9 },
        { period: '2025-11', actual: 11 },
        { period: '2025-12', actual: 12 },
        { period: '2025-Q3', actual: 3 },
      ]),
    ).toEqual({ period: '2025-12', value: 12 });
    expect(
      latestPeriodValue([
        { period: '2025-12', actual: 12 },
        { period: '2025-Q4', actual: 40 },
        { period: '2025-H2', actual: 60 },
      ]),
    ).toEqual({ period: '2025-H2', value: 60 });
    expect(
      latestPeriodValue([
        { period: '2025-10', actual: 10 },
        { period: '2025-Q3', actual: 3 },
        { period: '2025-H1', actual: 6 },
      ]),
    ).toEqual({ period: '2025-10', value: 10 });
    expect(
      latestPeriodValue([
        { period: '2026-01', actual: 1 },
        { period: '2025', actual: 99 },
        { period: '2025-12', actual: 12 },
      ]),
    ).toEqual({ period: '2026-01', value: 1 });
  });
});
