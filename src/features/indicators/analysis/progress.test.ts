import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { cagr, type ProgressInput, progress } from './progress.ts';

const series = (points: Record<number, number>) =>
  Object.entries(points).map(([year, value]) => ({ year: Number(year), value }));

describe('with a target, higher is better', () => {
  // Base 2015: 100, target 150 in 2030: required CAGR = 1.5^(1/15) − 1 = 2.7400 %.
  const run = (latest: number) =>
    progress({
      series: series({ 2015: 100, 2017: 90, 2020: latest }),
      polarity: 'higher_is_better',
      target: { value: 150, year: 2030 },
    });

  test('120 in 2020: CAGR 1.2^(1/5) − 1 = 3.7137 %, R = 1.3554 → substantial progress', () => {
    const r = run(120);
    expect(r).toMatchObject({
      status: 'substantial_progress',
      method: 'target',
      baseYear: 2015,
      baseValue: 100,
      currentYear: 2020,
      currentValue: 120,
    });
    expect(r.actualGrowth).toBeCloseTo(0.0371373, 7);
    expect(r.requiredGrowth).toBeCloseTo(0.0273997, 7);
    expect(r.ratio).toBeCloseTo(1.35539, 5);
    expect(r.formula).toBe(
      'CAGR = (120 / 100)^(1/(2020 − 2015)) − 1 = 3.71 %; ' +
        'required CAGR = (150 / 100)^(1/(2030 − 2015)) − 1 = 2.74 %; ' +
        'R = CAGR / required CAGR = 1.35539',
    );
    expect(r.reason).toBeUndefined();
  });

  test('110: CAGR 1.9245 %, R = 0.7024 → moderate progress', () => {
    const r = run(110);
    expect(r.status).toBe('moderate_progress');
    expect(r.ratio).toBeCloseTo(0.70238, 5);
  });

  test('103: CAGR 0.5929 %, R = 0.2164 → limited progress', () => {
    const r = run(103);
    expect(r.status).toBe('limited_progress');
    expect(r.ratio).toBeCloseTo(0.2164, 4);
  });

  test('95: CAGR −1.0206 %, R = −0.3725 → deterioration', () => {
    const r = run(95);
    expect(r.status).toBe('deterioration');
    expect(r.ratio).toBeCloseTo(-0.37249, 5);
    expect(r.formula).toContain('= −1.02 %');
  });

  test('150 or more: target achieved', () => {
    for (const latest of [150, 151]) {
      const r = run(latest);
      expect(r.status).toBe('target_achieved');
      expect(r.formula).toBe(`x_t = ${latest} ≥ target 150`);
      expect(r.ratio).toBeUndefined();
    }
  });
});

describe('with a target, lower is better', () => {
  // Base 2015: 20, target 10 in 2030: required CAGR = 0.5^(1/15) − 1 = −4.5158 %.
  const run = (latest: number) =>
    progress({
      series: series({ 2015: 20, 2020: latest }),
      polarity: 'lower_is_better',
      target: { value: 10, year: 2030 },
    });

  test('15: CAGR 0.75^(1/5) − 1 = −5.5912 %, R = 1.2381 → substantial progress', () => {
    const r = run(15);
    expect(r.status).toBe('substantial_progress');
    expect(r.actualGrowth).toBeCloseTo(-0.0559125, 7);
    expect(r.requiredGrowth).toBeCloseTo(-0.0451584, 7);
    expect(r.ratio).toBeCloseTo(1.23814, 5);
    expect(r.formula).toContain('required CAGR = (10 / 20)^(1/(2030 − 2015)) − 1 = −4.52 %');
  });

  test('17: R = 0.7082 → moderate; 18: R = 0.4617 → limited; 22: R = −0.4262 → deterioration', () => {
    expect(run(17).status).toBe('moderate_progress');
    expect(run(17).ratio).toBeCloseTo(0.7082, 4);
    expect(run(18).status).toBe('limited_progress');
    expect(run(18).ratio).toBeCloseTo(0.46174, 5);
    expect(run(22).status).toBe('deterioration');
    expect(run(22).ratio).toBeCloseTo(-0.42616, 5);
  });

  test('10 or less: target achieved', () => {
    expect(run(10)).toMatchObject({ status: 'target_achieved', formula: 'x_t = 10 ≤ target 10' });
    expect(run(9.5).status).toBe('target_achieved');
  });

  test('a base that already met the target and has slipped is deterioration, not progress', () => {
    // Base 8 (target 10 already met), latest 12: actual +8.45 %, required +1.50 %.
    // sdg-build's plain ratio would be +5.6 ("on track"); d·CAGR/|required| = −5.6.
    const r = progress({
      series: series({ 2015: 8, 2020: 12 }),
      polarity: 'lower_is_better',
      target: { value: 10, year: 2030 },
    });
    expect(r.status).toBe('deterioration');
    expect(r.ratio).toBeLessThan(0);
    expect(r.formula).toContain('(the base value already met the target)');
  });

  test('a base exactly at the target, latest worse: deterioration without a ratio', () => {
    const r = progress({
      series: series({ 2015: 10, 2020: 11 }),
      polarity: 'lower_is_better',
      target: { value: 10, year: 2030 },
    });
    expect(r.status).toBe('deterioration');
    expect(r.requiredGrowth).toBe(0);
    expect(r.ratio).toBeUndefined();
  });

  test('a target of zero needs a fall of 100 % a year', () => {
    const r = progress({
      series: series({ 2015: 20, 2020: 10 }),
      polarity: 'lower_is_better',
      target: { value: 0, year: 2030 },
    });
    // Actual 0.5^(1/5) − 1 = −12.94 %; required −100 %; R = 0.1294 → limited.
    expect(r.requiredGrowth).toBe(-1);
    expect(r.ratio).toBeCloseTo(0.12945, 5);
    expect(r.status).toBe('limited_progress');
  });
});

describe('without a target', () => {
  const run = (polarity: ProgressInput['polarity'], latest: number) =>
    progress({ series: series({ 2015: 100, 2020: latest }), polarity });

  test('higher is better: 110 → 1.92 %, 104 → 0.79 %, 101 → 0.20 %, 99 → −0.20 %', () => {
    expect(run('higher_is_better', 110)).toMatchObject({
      status: 'substantial_progress',
      method: 'no_target',
    });
    expect(run('higher_is_better', 104).status).toBe('moderate_progress');
    expect(run('higher_is_better', 101).status).toBe('limited_progress');
    expect(run('higher_is_better', 99).status).toBe('deterioration');
    expect(run('higher_is_better', 100).status).toBe('limited_progress'); // exactly 0 %
    const r = run('higher_is_better', 104);
    expect(r.actualGrowth).toBeCloseTo(0.007875, 6);
    expect(r.formula).toBe('CAGR = (104 / 100)^(1/(2020 − 2015)) − 1 = 0.79 %');
  });

  test('lower is better: the growth is negated; 90 → +2.09 %, 97 → +0.61 %, 99.5 → +0.10 %, 101 → −0.20 %', () => {
    const r = run('lower_is_better', 90);
    expect(r.status).toBe('substantial_progress');
    expect(r.actualGrowth).toBeCloseTo(-0.0208516, 7);
    expect(r.formula).toBe(
      'CAGR = (90 / 100)^(1/(2020 − 2015)) − 1 = −2.09 %; ' +
        'lower is better, so growth in the desired direction = −CAGR = 2.09 %',
    );
    expect(run('lower_is_better', 97).status).toBe('moderate_progress');
    expect(run('lower_is_better', 99.5).status).toBe('limited_progress');
    expect(run('lower_is_better', 101).status).toBe('deterioration');
  });

  test('neutral: not assessable', () => {
    const r = run('neutral', 110);
    expect(r.status).toBe('not_assessable');
    expect(r.reason).toBe('the indicator has no desired direction and no target');
  });

  test('custom thresholds', () => {
    const r = progress({
      series: series({ 2015: 100, 2020: 104 }),
      polarity: 'higher_is_better',
      noTargetThresholds: { high: 0.005, mid: 0.001, low: 0 },
    });
    expect(r.status).toBe('substantial_progress');
    const t = progress({
      series: series({ 2015: 100, 2020: 120 }),
      polarity: 'higher_is_better',
      target: { value: 150, year: 2030 },
      thresholds: { high: 1.5, mid: 1.2, low: 0 },
    });
    expect(t.status).toBe('moderate_progress'); // R = 1.355
  });
});

describe('base year', () => {
  test('2015 when the series has it, else the first year', () => {
    expect(
      progress({ series: series({ 2010: 50, 2015: 100, 2020: 110 }), polarity: 'higher_is_better' }).baseYear,
    ).toBe(2015);
    const r = progress({ series: series({ 2012: 100, 2014: 105, 2016: 110 }), polarity: 'higher_is_better' });
    expect(r.baseYear).toBe(2012);
    expect(r.reason).toBeUndefined();
    // (110/100)^(1/4) − 1 = 2.41 %
    expect(r.actualGrowth).toBeCloseTo(0.024114, 6);
  });

  test('a requested base year is used when present; when missing the first year is used, with a note', () => {
    const s = series({ 2012: 100, 2018: 105, 2020: 110 });
    expect(progress({ series: s, polarity: 'higher_is_better', baseYear: 2018 }).baseValue).toBe(105);
    const r = progress({ series: s, polarity: 'higher_is_better', baseYear: 2015 });
    expect(r.baseYear).toBe(2012);
    expect(r.reason).toBe(
      'there is no value for the base year 2015, so the first year with a value (2012) is used',
    );
    // (110/100)^(1/8) − 1 = 1.20 % < 1.5 % → moderate
    expect(r.actualGrowth).toBeCloseTo(0.011985, 6);
    expect(r.status).toBe('moderate_progress');
  });

  test('the latest year is the current year, whatever the order of the series', () => {
    const r = progress({
      series: [
        { year: 2020, value: 120 },
        { year: 2015, value: 100 },
        { year: 2018, value: 130 },
      ],
      polarity: 'higher_is_better',
    });
    expect(r).toMatchObject({ currentYear: 2020, currentValue: 120, baseYear: 2015 });
  });
});

describe('not assessable', () => {
  test('fewer than two years, or missing values only', () => {
    for (const s of [
      [],
      series({ 2020: 5 }),
      [
        { year: 2019, value: Number.NaN },
        { year: 2020, value: 5 },
      ],
    ]) {
      const r = progress({ series: s, polarity: 'higher_is_better' });
      expect(r.status).toBe('not_assessable');
      expect(r.reason).toContain('at least two years');
      expect(r.formula).toBe('CAGR = (x_t / x_0)^(1/(t − t0)) − 1');
    }
  });

  test('a year given twice', () => {
    const r = progress({
      series: [
        { year: 2015, value: 1 },
        { year: 2015, value: 2 },
        { year: 2016, value: 3 },
      ],
      polarity: 'higher_is_better',
    });
    expect(r.reason).toBe('the series has more than one value for 2015');
  });

  test('the base year is the latest year', () => {
    const r = progress({ series: series({ 2010: 5, 2015: 6 }), polarity: 'higher_is_better' });
    expect(r).toMatchObject({ status: 'not_assessable', baseYear: 2015, currentYear: 2015 });
    expect(r.reason).toContain('latest year');
  });

  test('a value of zero or less at the base or the latest year', () => {
    const zeroBase = progress({ series: series({ 2015: 0, 2020: 5 }), polarity: 'higher_is_better' });
    expect(zeroBase.status).toBe('not_assessable');
    expect(zeroBase.reason).toContain('(2015: 0)');
    const negativeLatest = progress({ series: series({ 2015: 3, 2020: -1 }), polarity: 'lower_is_better' });
    expect(negativeLatest.reason).toContain('(2020: −1)');
    // A zero in between does not matter.
    expect(
      progress({ series: series({ 2015: 3, 2017: 0, 2020: 4 }), polarity: 'higher_is_better' }).status,
    ).toBe('substantial_progress');
  });

  test('a target year not after the base year; a negative target', () => {
    const early = progress({
      series: series({ 2015: 3, 2020: 4 }),
      polarity: 'higher_is_better',
      target: { value: 5, year: 2015 },
    });
    expect(early).toMatchObject({ status: 'not_assessable', method: 'target' });
    expect(early.reason).toBe('the target year 2015 is not after the base year 2015');
    const negative = progress({
      series: series({ 2015: 3, 2020: 4 }),
      polarity: 'lower_is_better',
      target: { value: -1, year: 2030 },
    });
    expect(negative.status).toBe('not_assessable');
  });
});

describe('neutral with a target', () => {
  test('the direction is from the base value towards the target', () => {
    const up = progress({
      series: series({ 2015: 100, 2020: 120 }),
      polarity: 'neutral',
      target: { value: 150, year: 2030 },
    });
    expect(up.status).toBe('substantial_progress');
    const down = progress({
      series: series({ 2015: 100, 2020: 120 }),
      polarity: 'neutral',
      target: { value: 80, year: 2030 },
    });
    expect(down.status).toBe('deterioration');
    const reached = progress({
      series: series({ 2015: 100, 2020: 79 }),
      polarity: 'neutral',
      target: { value: 80, year: 2030 },
    });
    expect(reached.status).toBe('target_achieved');
    const same = progress({
      series: series({ 2015: 100, 2020: 120 }),
      polarity: 'neutral',
      target: { value: 100, year: 2030 },
    });
    expect(same.status).toBe('not_assessable');
  });
});

describe('properties', () => {
  const value = fc.double({ min: 0.01, max: 1e6, noNaN: true });

  test('CAGR compounds back to the latest value', () => {
    fc.assert(
      fc.property(value, value, fc.integer({ min: 1, max: 40 }), (x0, xt, years) => {
        const g = cagr(xt, x0, 2000 + years, 2000);
        expect(x0 * (1 + g) ** years).toBeCloseTo(xt, 6 - Math.ceil(Math.log10(xt + 1)));
      }),
    );
  });

  test('mirroring: lower-is-better on 1/x gives the same status as higher-is-better on x', () => {
    // CAGR of 1/x is 1/(1 + g) − 1, so the statuses agree except near a threshold; compare the sign.
    fc.assert(
      fc.property(value, value, (x0, xt) => {
        const up = progress({ series: series({ 2015: x0, 2020: xt }), polarity: 'higher_is_better' });
        const down = progress({
          series: series({ 2015: 1 / x0, 2020: 1 / xt }),
          polarity: 'lower_is_better',
        });
        const better = (s: string) => s !== 'deterioration';
        if (Math.abs(xt / x0 - 1) > 1e-9) expect(better(down.status)).toBe(better(up.status));
      }),
    );
  });

  test('the status never gets worse as the latest value improves (target, higher is better)', () => {
    const rank = [
      'deterioration',
      'limited_progress',
      'moderate_progress',
      'substantial_progress',
      'target_achieved',
    ];
    fc.assert(
      fc.property(value, value, value, (x0, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const run = (xt: number) =>
          rank.indexOf(
            progress({
              series: series({ 2015: x0, 2020: xt }),
              polarity: 'higher_is_better',
              target: { value: x0 * 2, year: 2030 },
            }).status,
          );
        expect(run(hi)).toBeGreaterThanOrEqual(run(lo));
      }),
    );
  });
});
