import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { FULL_SHARE, spreadByPopulation } from '../efforts/effort-rules.ts';
import {
  effortInPeriod,
  type Municipality,
  type ReachEffort,
  reachBreakdown,
  reachByMunicipality,
  roundToTotal,
  UNASSIGNED_KEY,
} from './reach-analysis.ts';

const effort = (id: string, parts: Partial<ReachEffort>): ReachEffort => ({
  id,
  title: `Effort ${id}`,
  startYear: null,
  endYear: null,
  wholeCounty: false,
  reach: [],
  funding: [],
  priorityIds: [],
  strengthAreaIds: [],
  ...parts,
});

const money = (
  year: number,
  amountSek: number,
  source: string,
  financierId: string | null = null,
  financierName: string | null = null,
) => ({
  year,
  amountSek,
  source,
  financierId,
  financierName,
});

// Two municipalities: Åre 12 000 inhabitants, Berg 8 000 → whole county spread 60 % / 40 %.
const twoMunicipalities: Municipality[] = [
  { code: '2321', name: 'Åre', population: 12_000 },
  { code: '2326', name: 'Berg', population: 8_000 },
];
const wholeCounty = effort('e1', {
  wholeCounty: true,
  funding: [
    money(2024, 1_000_000, 'erdf', 'f1', 'Tillväxtverket'),
    money(2026, 500_000, 'erdf', 'f1', 'Tillväxtverket'),
  ],
  priorityIds: ['p1', 'p2'],
});
const sixtyForty = effort('e2', {
  reach: [
    { areaCode: '2326', shareHundredths: 6000 },
    { areaCode: '2321', shareHundredths: 4000 },
  ],
  funding: [
    money(2023, 300_000, 'regional_1_1', null, 'Region Jämtland Härjedalen'),
    money(2025, 200_000, 'erdf'),
  ],
  priorityIds: ['p1'],
  strengthAreaIds: ['s1'],
});
const handExample = {
  efforts: [wholeCounty, sixtyForty],
  municipalities: twoMunicipalities,
  from: 2023,
  to: 2025,
};

describe('money per municipality, by hand', () => {
  test('one whole-county effort and one effort 60/40', () => {
    const r = reachByMunicipality(handExample);
    // Whole county, 2024: 1 000 000 → Åre 60 % = 600 000, Berg 40 % = 400 000 (2026 is outside).
    // 60/40 effort, 2023 + 2025: 500 000 → Berg 60 % = 300 000, Åre 40 % = 200 000.
    // Åre 800 000 / 12 000 = 66.67 SEK per inhabitant; Berg 700 000 / 8 000 = 87.5; county 1 500 000 / 20 000 = 75.
    expect(r.county).toEqual({
      effortCount: 2,
      fundingSek: 1_500_000,
      unallocatedSek: 0,
      population: 20_000,
      sekPerInhabitant: 75,
    });
    expect(r.municipalities).toEqual([
      {
        code: '2326',
        name: 'Berg',
        population: 8_000,
        effortCount: 2,
        fundingSek: 700_000,
        sekPerInhabitant: 87.5,
        // erdf: 400 000 + 60 % of 200 000 = 520 000; regional: 60 % of 300 000 = 180 000.
        bySource: { erdf: 520_000, regional_1_1: 180_000 },
        flags: [],
      },
      {
        code: '2321',
        name: 'Åre',
        population: 12_000,
        effortCount: 2,
        fundingSek: 800_000,
        sekPerInhabitant: 800_000 / 12_000,
        // erdf: 600 000 + 40 % of 200 000 = 680 000; regional: 40 % of 300 000 = 120 000.
        bySource: { erdf: 680_000, regional_1_1: 120_000 },
        flags: [],
      },
    ]);
    expect(r.flagged).toEqual([]);
  });

  test('Swedish order: Berg, Bräcke, Åre, Östersund', () => {
    const r = reachByMunicipality({
      efforts: [],
      municipalities: [
        { code: '2380', name: 'Östersund', population: 1 },
        { code: '2321', name: 'Åre', population: 1 },
        { code: '2305', name: 'Bräcke', population: 1 },
        { code: '2326', name: 'Berg', population: 1 },
      ],
      from: 2020,
      to: 2020,
    });
    expect(r.municipalities.map((m) => m.name)).toEqual(['Berg', 'Bräcke', 'Åre', 'Östersund']);
  });

  test('rounding: 100 SEK over three equal municipalities is 34 + 33 + 33', () => {
    // Spread 3 334 / 3 333 / 3 333 hundredths → 33.34, 33.33, 33.33 SEK → floors 99, one unit to the largest remainder.
    const r = reachByMunicipality({
      efforts: [effort('e', { wholeCounty: true, funding: [money(2024, 100, 'erdf')] })],
      municipalities: [
        { code: '1', name: 'A', population: 10 },
        { code: '2', name: 'B', population: 10 },
        { code: '3', name: 'C', population: 10 },
      ],
      from: 2024,
      to: 2024,
    });
    expect(r.municipalities.map((m) => m.fundingSek)).toEqual([34, 33, 33]);
    expect(r.county.fundingSek).toBe(100);
  });

  test('rounded once per municipality, not per effort', () => {
    // Two efforts of 1 SEK each, 50/50: 0.5 + 0.5 = 1 SEK each, not round(0.5) + round(0.5).
    const half = [
      { areaCode: '1', shareHundredths: 5000 },
      { areaCode: '2', shareHundredths: 5000 },
    ];
    const r = reachByMunicipality({
      efforts: [
        effort('a', { reach: half, funding: [money(2024, 1, 'x')] }),
        effort('b', { reach: half, funding: [money(2024, 1, 'x')] }),
      ],
      municipalities: [
        { code: '1', name: 'A', population: 1 },
        { code: '2', name: 'B', population: 1 },
      ],
      from: 2024,
      to: 2024,
    });
    expect(r.municipalities.map((m) => m.fundingSek)).toEqual([1, 1]);
  });

  test('money that reaches no listed municipality is reported as unallocated', () => {
    const r = reachByMunicipality({
      efforts: [
        effort('no-reach', { funding: [money(2024, 1000, 'x')] }),
        effort('elsewhere', {
          reach: [
            { areaCode: '2321', shareHundredths: 5000 },
            { areaCode: '9999', shareHundredths: 5000 },
          ],
          funding: [money(2024, 2000, 'x')],
        }),
      ],
      municipalities: twoMunicipalities,
      from: 2024,
      to: 2024,
    });
    expect(r.county).toMatchObject({ effortCount: 2, fundingSek: 1000, unallocatedSek: 2000 });
    expect(r.municipalities.find((m) => m.code === '2321')).toMatchObject({
      effortCount: 1,
      fundingSek: 1000,
    });
  });
});

describe('the period', () => {
  const municipalities: Municipality[] = [{ code: '2321', name: 'Åre', population: 100 }];
  const there = [{ areaCode: '2321', shareHundredths: FULL_SHARE }];

  test('funding within the period, or years overlapping it', () => {
    const cases: Array<[Partial<ReachEffort>, boolean]> = [
      [{ funding: [money(2022, 5, 'x')], startYear: 2020, endYear: 2022 }, false],
      [{ funding: [money(2023, 5, 'x')], startYear: 2018, endYear: 2020 }, true], // money counts even after the end
      [{ startYear: 2024, endYear: null }, true],
      [{ startYear: null, endYear: 2022 }, false],
      [{ startYear: null, endYear: 2023 }, true],
      [{ startYear: 2026, endYear: 2027 }, false],
      [{ startYear: 2020, endYear: 2030 }, true],
      [{}, true], // open at both ends
    ];
    for (const [parts, expected] of cases) {
      expect(effortInPeriod(effort('e', parts), 2023, 2025), JSON.stringify(parts)).toBe(expected);
    }
  });

  test('an effort running in the period without money counts, with 0 SEK; funding outside is ignored', () => {
    const r = reachByMunicipality({
      efforts: [
        effort('running', { reach: there, startYear: 2024, funding: [money(2027, 900, 'x')] }),
        effort('over', { reach: there, startYear: 2010, endYear: 2012, funding: [money(2011, 500, 'x')] }),
      ],
      municipalities,
      from: 2023,
      to: 2025,
    });
    expect(r.county).toMatchObject({ effortCount: 1, fundingSek: 0, unallocatedSek: 0, sekPerInhabitant: 0 });
    expect(r.municipalities[0]).toMatchObject({ effortCount: 1, fundingSek: 0, bySource: {}, flags: [] });
  });

  test('from after to is an error', () => {
    expect(() => reachByMunicipality({ efforts: [], municipalities, from: 2025, to: 2023 })).toThrow(
      RangeError,
    );
    expect(() => reachBreakdown({ efforts: [], municipalities, from: 2025, to: 2023 }, 'source')).toThrow(
      RangeError,
    );
  });
});

describe('flags', () => {
  const municipalities: Municipality[] = [
    { code: '2380', name: 'Östersund', population: 60_000 },
    { code: '2326', name: 'Berg', population: 8_000 },
    { code: '2305', name: 'Bräcke', population: 6_000 },
    { code: '2399', name: 'Okänd', population: null },
  ];
  const only = (code: string, amountSek: number, id: string) =>
    effort(id, {
      reach: [{ areaCode: code, shareHundredths: FULL_SHARE }],
      funding: [money(2024, amountSek, 'x')],
    });

  test('not reached, and far below the county level per inhabitant', () => {
    // County: 750 000 SEK / 74 000 known inhabitants = 10.14 SEK; half of it 5.07.
    // Östersund 740 000 / 60 000 = 12.33; Berg 10 000 / 8 000 = 1.25 (< 5.07); Bräcke nothing.
    const r = reachByMunicipality({
      efforts: [only('2380', 740_000, 'a'), only('2326', 10_000, 'b'), only('2399', 0, 'c')],
      municipalities,
      from: 2024,
      to: 2024,
    });
    expect(r.county.population).toBe(74_000);
    expect(r.county.sekPerInhabitant).toBeCloseTo(750_000 / 74_000, 12);
    expect(r.flagged).toEqual([
      { code: '2326', name: 'Berg', flags: ['far_below_county'] },
      { code: '2305', name: 'Bräcke', flags: ['not_reached'] },
    ]);
    // Reached but without a population: no SEK per inhabitant and no comparison.
    expect(r.municipalities.find((m) => m.code === '2399')).toMatchObject({
      sekPerInhabitant: null,
      flags: [],
    });
  });

  test('the threshold can be set', () => {
    const r = reachByMunicipality({
      efforts: [only('2380', 740_000, 'a'), only('2326', 10_000, 'b'), only('2305', 60_000, 'c')],
      municipalities,
      from: 2024,
      to: 2024,
      lowShareOfCountyLevel: 0.1,
    });
    // County 810 000 / 74 000 = 10.95; a tenth is 1.09; Berg's 1.25 is above it.
    expect(r.flagged).toEqual([{ code: '2399', name: 'Okänd', flags: ['not_reached'] }]);
  });

  test('a whole-county effort reaches every municipality, even one without a population', () => {
    const r = reachByMunicipality({
      efforts: [effort('all', { wholeCounty: true })],
      municipalities,
      from: 2024,
      to: 2024,
    });
    expect(r.municipalities.every((m) => m.effortCount === 1)).toBe(true);
    expect(r.flagged).toEqual([]);
    expect(r.county.sekPerInhabitant).toBe(0);
  });
});

describe('breakdowns', () => {
  test('per priority: an effort counts in full under each of its priorities', () => {
    // p1: both efforts, 1 000 000 + 500 000; p2: the whole-county effort only. Rows add up to 2.5 M, the total is 1.5 M.
    expect(reachBreakdown(handExample, 'priority')).toEqual([
      { key: 'p1', effortCount: 2, fundingSek: 1_500_000 },
      { key: 'p2', effortCount: 1, fundingSek: 1_000_000 },
    ]);
  });

  test('per strength area: efforts without one come under the unassigned key', () => {
    expect(reachBreakdown(handExample, 'strengthArea')).toEqual([
      { key: UNASSIGNED_KEY, effortCount: 1, fundingSek: 1_000_000 },
      { key: 's1', effortCount: 1, fundingSek: 500_000 },
    ]);
  });

  test('per financier: by id, else by name, else unassigned; labelled with the name', () => {
    expect(reachBreakdown(handExample, 'financier')).toEqual([
      { key: 'f1', label: 'Tillväxtverket', effortCount: 1, fundingSek: 1_000_000 },
      {
        key: 'name:Region Jämtland Härjedalen',
        label: 'Region Jämtland Härjedalen',
        effortCount: 1,
        fundingSek: 300_000,
      },
      { key: UNASSIGNED_KEY, effortCount: 1, fundingSek: 200_000 },
    ]);
  });

  test('per source: the rows add up to the total', () => {
    const rows = reachBreakdown(handExample, 'source');
    expect(rows).toEqual([
      { key: 'erdf', effortCount: 2, fundingSek: 1_200_000 },
      { key: 'regional_1_1', effortCount: 1, fundingSek: 300_000 },
    ]);
    expect(rows.reduce((s, r) => s + r.fundingSek, 0)).toBe(
      reachByMunicipality(handExample).county.fundingSek,
    );
  });
});

describe('properties', () => {
  const municipalitiesArb = fc
    .array(fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: null }), { minLength: 1, maxLength: 12 })
    .map((pops) => pops.map((population, i): Municipality => ({ code: `m${i}`, name: `M${i}`, population })));

  const scenario = municipalitiesArb.chain((municipalities) => {
    const effortArb = fc.record({
      wholeCounty: fc.boolean(),
      weights: fc.array(fc.integer({ min: 0, max: 50 }), {
        minLength: municipalities.length,
        maxLength: municipalities.length,
      }),
      funding: fc.array(
        fc.record({
          year: fc.integer({ min: 2018, max: 2028 }),
          amountSek: fc.integer({ min: 0, max: 50_000_000 }),
          source: fc.constantFrom('erdf', 'regional_1_1', 'municipal', 'private'),
        }),
        { maxLength: 5 },
      ),
    });
    return fc.record({
      municipalities: fc.constant(municipalities),
      efforts: fc.array(effortArb, { maxLength: 8 }).map((list) =>
        list.map((e, i) =>
          effort(`e${i}`, {
            wholeCounty: e.wholeCounty,
            reach: e.wholeCounty
              ? []
              : spreadByPopulation(
                  municipalities.map((m, j) => ({ areaCode: m.code, population: e.weights[j] ?? 0 })),
                ),
            funding: e.funding.map((f) => money(f.year, f.amountSek, f.source)),
          }),
        ),
      ),
      from: fc.integer({ min: 2018, max: 2023 }),
      length: fc.integer({ min: 0, max: 5 }),
    });
  });

  test('the municipalities add up to the county total exactly, each within 1 SEK of its exact share', () => {
    fc.assert(
      fc.property(scenario, ({ municipalities, efforts, from, length }) => {
        const to = from + length;
        const r = reachByMunicipality({ efforts, municipalities, from, to });
        expect(r.municipalities.reduce((s, m) => s + m.fundingSek, 0)).toBe(r.county.fundingSek);
        // Every effort's shares add up to 100 %, so nothing is unallocated.
        const all = efforts
          .flatMap((e) => e.funding)
          .filter((f) => f.year >= from && f.year <= to)
          .reduce((s, f) => s + f.amountSek, 0);
        expect(r.county.fundingSek).toBe(all);
        expect(r.county.unallocatedSek).toBe(0);
        for (const m of r.municipalities) {
          expect(Object.values(m.bySource).reduce((s, v) => s + v, 0)).toBe(m.fundingSek);
          expect(Number.isInteger(m.fundingSek)).toBe(true);
        }
        // Within 1 SEK of the exact amount.
        const spread = spreadByPopulation(
          municipalities.map((m) => ({ areaCode: m.code, population: m.population ?? 0 })),
        );
        for (const m of r.municipalities) {
          let exact = 0;
          for (const e of efforts) {
            const share =
              (e.wholeCounty ? spread : e.reach).find((s) => s.areaCode === m.code)?.shareHundredths ?? 0;
            for (const f of e.funding)
              if (f.year >= from && f.year <= to) exact += (f.amountSek * share) / FULL_SHARE;
          }
          expect(Math.abs(m.fundingSek - exact)).toBeLessThan(1);
        }
        // The source breakdown partitions the same total.
        const bySource = reachBreakdown({ efforts, municipalities, from, to }, 'source');
        expect(bySource.reduce((s, row) => s + row.fundingSek, 0)).toBe(all);
      }),
    );
  });

  test('roundToTotal: whole numbers adding up to the total, each less than 1 from its exact value', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1e7, noNaN: true }), { minLength: 1, maxLength: 30 }),
        (xs) => {
          const total = Math.round(xs.reduce((s, x) => s + x, 0));
          const rounded = roundToTotal(
            xs.map((exact, key) => ({ key, exact })),
            total,
          );
          expect([...rounded.values()].reduce((s, v) => s + v, 0)).toBe(total);
          xs.forEach((x, i) => {
            const v = rounded.get(i) ?? Number.NaN;
            expect(Number.isInteger(v)).toBe(true);
            expect(Math.abs(v - x)).toBeLessThan(1 + 1e-6);
          });
        },
      ),
    );
  });
});
