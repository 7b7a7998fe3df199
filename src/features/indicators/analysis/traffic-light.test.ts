import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { trafficLight } from './traffic-light.ts';

const series = (points: Record<number, number>) =>
  Object.entries(points).map(([year, value]) => ({ year: Number(year), value }));

describe('the light and the arrow', () => {
  test('higher is better, up by 5 %: green, up', () => {
    const r = trafficLight({
      series: series({ 2021: 95, 2022: 100, 2023: 105 }),
      polarity: 'higher_is_better',
    });
    expect(r).toMatchObject({
      light: 'green',
      arrow: 'up',
      latest: { year: 2023, value: 105 },
      previous: { year: 2022, value: 100 },
      change: 5,
      relativeChange: 0.05,
    });
    expect(r.reason).toBe('Better: 100 (2022) → 105 (2023), +5.0 %; higher is better.');
  });

  test('higher is better, down by 5 %: red, down', () => {
    const r = trafficLight({ series: series({ 2022: 100, 2023: 95 }), polarity: 'higher_is_better' });
    expect(r).toMatchObject({ light: 'red', arrow: 'down', change: -5 });
    expect(r.reason).toBe('Worse: 100 (2022) → 95 (2023), −5.0 %; higher is better.');
  });

  test('lower is better: down is green, up is red', () => {
    expect(trafficLight({ series: series({ 2022: 8, 2023: 7 }), polarity: 'lower_is_better' })).toMatchObject(
      {
        light: 'green',
        arrow: 'down',
      },
    );
    const worse = trafficLight({ series: series({ 2022: 8, 2023: 9 }), polarity: 'lower_is_better' });
    expect(worse).toMatchObject({ light: 'red', arrow: 'up' });
    expect(worse.reason).toContain('lower is better');
  });

  test('within the tolerance: yellow, flat', () => {
    // 100 → 100.9 is +0.9 %, within the default 1 %; exactly 1 % counts as unchanged too.
    for (const latest of [100.9, 101, 99]) {
      const r = trafficLight({ series: series({ 2022: 100, 2023: latest }), polarity: 'higher_is_better' });
      expect(r.light, String(latest)).toBe('yellow');
      expect(r.arrow, String(latest)).toBe('flat');
    }
    expect(
      trafficLight({ series: series({ 2022: 100, 2023: 101.1 }), polarity: 'higher_is_better' }).light,
    ).toBe('green');
    expect(
      trafficLight({ series: series({ 2022: 100, 2023: 100.9 }), polarity: 'higher_is_better' }).reason,
    ).toBe('Unchanged within ±1 %: 100 (2022) → 100.9 (2023), +0.9 %.');
  });

  test('a custom tolerance', () => {
    const r = trafficLight({
      series: series({ 2022: 100, 2023: 104 }),
      polarity: 'higher_is_better',
      tolerance: 0.05,
    });
    expect(r).toMatchObject({ light: 'yellow', arrow: 'flat' });
    const zero = trafficLight({
      series: series({ 2022: 100, 2023: 100.001 }),
      polarity: 'higher_is_better',
      tolerance: 0,
    });
    expect(zero.light).toBe('green');
  });

  test('neutral: always yellow, the arrow still shows the direction', () => {
    const r = trafficLight({ series: series({ 2022: 100, 2023: 120 }), polarity: 'neutral' });
    expect(r).toMatchObject({ light: 'yellow', arrow: 'up' });
    expect(r.reason).toBe(
      'Changed: 100 (2022) → 120 (2023), +20.0 %; the indicator has no desired direction.',
    );
  });

  test('a previous value of 0: any change is beyond the tolerance, no relative change', () => {
    const r = trafficLight({ series: series({ 2022: 0, 2023: 3 }), polarity: 'higher_is_better' });
    expect(r).toMatchObject({ light: 'green', arrow: 'up', relativeChange: null });
    expect(r.reason).toBe('Better: 0 (2022) → 3 (2023); higher is better.');
    expect(trafficLight({ series: series({ 2022: 0, 2023: 0 }), polarity: 'higher_is_better' }).arrow).toBe(
      'flat',
    );
  });

  test('negative values: the tolerance is relative to |previous|', () => {
    // Net migration −200 → −150: up by 50, +25 % of |−200|.
    const r = trafficLight({ series: series({ 2022: -200, 2023: -150 }), polarity: 'higher_is_better' });
    expect(r).toMatchObject({ light: 'green', arrow: 'up', relativeChange: 0.25 });
    expect(r.reason).toContain('−200 (2022) → −150 (2023), +25.0 %');
  });

  test('the previous year with a value, not the calendar year before; order and gaps do not matter', () => {
    const r = trafficLight({
      series: [
        { year: 2023, value: 50 },
        { year: 2018, value: 60 },
        { year: 2020, value: Number.NaN },
        { year: 2015, value: 10 },
      ],
      polarity: 'higher_is_better',
    });
    expect(r.previous).toEqual({ year: 2018, value: 60 });
    expect(r.light).toBe('red');
  });
});

describe('white: cannot be assessed', () => {
  test('no values, or one', () => {
    const none = trafficLight({ series: [], polarity: 'higher_is_better' });
    expect(none).toEqual({
      light: 'white',
      arrow: null,
      reason: 'Cannot be assessed: needs values for at least two years (there are 0).',
    });
    const one = trafficLight({ series: series({ 2023: 4 }), polarity: 'lower_is_better' });
    expect(one).toMatchObject({ light: 'white', arrow: null, latest: { year: 2023, value: 4 } });
    expect(one.reason).toContain('(there is 1)');
  });

  test('a year given twice', () => {
    const r = trafficLight({
      series: [
        { year: 2023, value: 4 },
        { year: 2023, value: 5 },
        { year: 2022, value: 5 },
      ],
      polarity: 'lower_is_better',
    });
    expect(r).toMatchObject({ light: 'white', arrow: null });
    expect(r.reason).toContain('more than one value for 2023');
  });
});

describe('compared with Sweden', () => {
  test('the latest year where both have a value; difference = county − Sweden', () => {
    const r = trafficLight({
      series: series({ 2021: 70, 2022: 72, 2023: 73 }),
      polarity: 'higher_is_better',
      national: series({ 2020: 70, 2021: 71, 2022: 74 }),
    });
    expect(r.comparedWithSweden).toEqual({ year: 2022, sweden: 74, difference: -2, better: false });
    expect(r.reason).toBe(
      'Better: 72 (2022) → 73 (2023), +1.4 %; higher is better. In 2022 the county was 2 below Sweden (74) (worse).',
    );
  });

  test('better follows the polarity; null when neutral; equal is not better', () => {
    const county = series({ 2022: 5, 2023: 6 });
    const national = series({ 2023: 8 });
    expect(
      trafficLight({ series: county, polarity: 'lower_is_better', national }).comparedWithSweden?.better,
    ).toBe(true);
    expect(
      trafficLight({ series: county, polarity: 'higher_is_better', national }).comparedWithSweden?.better,
    ).toBe(false);
    const neutral = trafficLight({ series: county, polarity: 'neutral', national });
    expect(neutral.comparedWithSweden?.better).toBeNull();
    expect(neutral.reason).toContain('In 2023 the county was 2 below Sweden (8).');
    const same = trafficLight({
      series: county,
      polarity: 'higher_is_better',
      national: series({ 2023: 6 }),
    });
    expect(same.comparedWithSweden).toMatchObject({ difference: 0, better: false });
    expect(same.reason).toContain('the same as Sweden (6).');
  });

  test('shown even when the light is white; absent when no year is shared', () => {
    const white = trafficLight({
      series: series({ 2023: 6 }),
      polarity: 'higher_is_better',
      national: series({ 2023: 5 }),
    });
    expect(white.comparedWithSweden).toEqual({ year: 2023, sweden: 5, difference: 1, better: true });
    expect(white.reason).toContain('1 above Sweden (5) (better)');
    const apart = trafficLight({
      series: series({ 2022: 6, 2023: 6 }),
      polarity: 'higher_is_better',
      national: series({ 2019: 5 }),
    });
    expect(apart.comparedWithSweden).toBeUndefined();
  });
});

describe('properties', () => {
  const value = fc.double({ min: -1e6, max: 1e6, noNaN: true });

  test('the light follows the arrow and the polarity', () => {
    fc.assert(
      fc.property(value, value, (a, b) => {
        const up = trafficLight({ series: series({ 2022: a, 2023: b }), polarity: 'higher_is_better' });
        const down = trafficLight({ series: series({ 2022: a, 2023: b }), polarity: 'lower_is_better' });
        expect(down.arrow).toBe(up.arrow);
        const expected = { up: ['green', 'red'], down: ['red', 'green'], flat: ['yellow', 'yellow'] };
        const [forUp, forDown] = expected[up.arrow ?? 'flat'];
        expect(up.light).toBe(forUp);
        expect(down.light).toBe(forDown);
      }),
    );
  });
});
