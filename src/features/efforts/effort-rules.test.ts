import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  checkAssessments,
  checkDates,
  checkShares,
  FULL_SHARE,
  fundingTotals,
  percentToHundredths,
  spreadByPopulation,
} from './effort-rules.ts';

describe('reach shares', () => {
  test('percentages with up to two decimals become hundredths', () => {
    expect(percentToHundredths(12.5)).toBe(1250);
    expect(percentToHundredths(33.33)).toBe(3333);
    expect(percentToHundredths(100)).toBe(10000);
    for (const bad of [0, -5, 100.01, 12.345, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(percentToHundredths(bad), String(bad)).toBeNull();
    }
  });

  test('shares must add up to exactly 100 %', () => {
    expect(
      checkShares([
        { areaCode: '2380', share: 50 },
        { areaCode: '2321', share: 50 },
      ]),
    ).toEqual([]);
    expect(
      checkShares([
        { areaCode: '2380', share: 33.33 },
        { areaCode: '2321', share: 33.33 },
        { areaCode: '2361', share: 33.34 },
      ]),
    ).toEqual([]);
    const off = checkShares([
      { areaCode: '2380', share: 60 },
      { areaCode: '2321', share: 30 },
    ]);
    expect(off).toHaveLength(1);
    expect(off[0]?.message).toContain('90 %');
  });

  test('a municipality twice and bad shares are named by position', () => {
    const problems = checkShares([
      { areaCode: '2380', share: 50 },
      { areaCode: '2380', share: 50.001 },
    ]);
    expect(problems.map((p) => p.path)).toEqual([
      [1, 'areaCode'],
      [1, 'share'],
    ]);
  });

  test('spreading by population always sums to 100 % and follows the population', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 20 }),
        (populations) => {
          const spread = spreadByPopulation(
            populations.map((population, i) => ({ areaCode: `a${i}`, population })),
          );
          expect(spread.reduce((s, p) => s + p.shareHundredths, 0)).toBe(FULL_SHARE);
          const total = populations.reduce((s, p) => s + p, 0);
          spread.forEach((p, i) => {
            const exact =
              total === 0 ? FULL_SHARE / populations.length : ((populations[i] ?? 0) * FULL_SHARE) / total;
            expect(Math.abs(p.shareHundredths - exact)).toBeLessThan(1);
          });
        },
      ),
    );
  });

  test('the county spread for Jämtland: Östersund gets the biggest part', () => {
    const spread = spreadByPopulation([
      { areaCode: '2380', population: 64979 },
      { areaCode: '2326', population: 7108 },
      { areaCode: '2321', population: 11900 },
    ]);
    expect(spread.find((s) => s.areaCode === '2380')?.shareHundredths).toBe(7737); // 64 979 of 83 987
  });
});

describe('dates, assessments and money', () => {
  test('the end may not come before the start', () => {
    expect(checkDates('2026-01-01', '2025-12-31')).not.toBeNull();
    expect(checkDates('2026-01-01', '2026-01-01')).toBeNull();
    expect(checkDates(null, '2025-01-01')).toBeNull();
  });

  test('a negative score needs a rationale; a dimension is assessed once', () => {
    expect(checkAssessments([{ dimension: 'social', score: 2 }])).toEqual([]);
    expect(checkAssessments([{ dimension: 'environmental', score: -1, rationale: '  ' }])[0]?.path).toEqual([
      0,
      'rationale',
    ]);
    expect(
      checkAssessments([{ dimension: 'environmental', score: -1, rationale: 'Ökade transporter' }]),
    ).toEqual([]);
    expect(
      checkAssessments([
        { dimension: 'social', score: 1 },
        { dimension: 'social', score: 2 },
      ])[0]?.path,
    ).toEqual([1, 'dimension']);
  });

  test('funding totals per source and year', () => {
    const totals = fundingTotals([
      { source: 'erdf', year: 2025, amountSek: 1_000_000, status: 'decided' },
      { source: 'regional_development_1_1', year: 2025, amountSek: 500_000, status: 'decided' },
      { source: 'erdf', year: 2026, amountSek: 2_000_000, status: 'planned' },
    ]);
    expect(totals).toEqual({
      totalSek: 3_500_000,
      decidedSek: 1_500_000,
      plannedSek: 2_000_000,
      bySource: [
        { source: 'erdf', amountSek: 3_000_000 },
        { source: 'regional_development_1_1', amountSek: 500_000 },
      ],
      byYear: [
        { year: 2025, amountSek: 1_500_000 },
        { year: 2026, amountSek: 2_000_000 },
      ],
    });
  });
});
