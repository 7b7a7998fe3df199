/**
 * Example efforts and actors for the demo (`regionkraft seed --demo`): about 40 efforts across
 * every municipality, priority, strength area and financier, with assessments and results, and
 * about 30 actors. Deterministic (the same data on every run) and flagged as example data
 * (efforts.is_example), which the web app shows. Public bodies appear under their real names;
 * companies and associations are invented and say "(exempel)".
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import type { AssessmentDimension, FundingSource } from '../../db/schema.ts';
import * as t from '../../db/schema.ts';
import type { EffortInput } from './effort-schemas.ts';
import { insertEffort } from './efforts-service.ts';

type DemoOrganisation = Pick<
  typeof t.organisations.$inferInsert,
  'name' | 'kind' | 'level' | 'areaCode' | 'visibility'
>;

const municipalityNames: Record<string, string> = {
  '2303': 'Ragunda',
  '2305': 'Bräcke',
  '2309': 'Krokom',
  '2313': 'Strömsund',
  '2321': 'Åre',
  '2326': 'Berg',
  '2361': 'Härjedalen',
  '2380': 'Östersund',
};
const municipalityCodes = Object.keys(municipalityNames);
const municipalityOrganisationNames: Record<string, string> = {
  '2303': 'Ragunda kommun',
  '2305': 'Bräcke kommun',
  '2309': 'Krokoms kommun',
  '2313': 'Strömsunds kommun',
  '2321': 'Åre kommun',
  '2326': 'Bergs kommun',
  '2361': 'Härjedalens kommun',
  '2380': 'Östersunds kommun',
};

export const demoActors: DemoOrganisation[] = [
  ...municipalityCodes.map((code) => ({
    name: municipalityOrganisationNames[code] ?? `${municipalityNames[code]} kommun`,
    kind: 'municipality' as const,
    level: 'local' as const,
    areaCode: code,
    visibility: 'published' as const,
  })),
  {
    name: 'Region Jämtland Härjedalen',
    kind: 'region',
    level: 'regional',
    areaCode: '2380',
    visibility: 'published',
  },
  {
    name: 'Länsstyrelsen Jämtlands län',
    kind: 'government_agency',
    level: 'national',
    areaCode: '2380',
    visibility: 'published',
  },
  {
    name: 'Mittuniversitetet',
    kind: 'university',
    level: 'regional',
    areaCode: '2380',
    visibility: 'published',
  },
  {
    name: 'Sametinget',
    kind: 'sami_organisation',
    level: 'national',
    areaCode: null,
    visibility: 'published',
  },
  {
    name: 'Tillväxtverket',
    kind: 'government_agency',
    level: 'national',
    areaCode: null,
    visibility: 'published',
  },
  {
    name: 'Fjällturism i Åre AB (exempel)',
    kind: 'company',
    level: 'local',
    areaCode: '2321',
    visibility: 'published',
  },
  {
    name: 'Jämtsk Mat och Dryck AB (exempel)',
    kind: 'company',
    level: 'local',
    areaCode: '2309',
    visibility: 'published',
  },
  {
    name: 'Skogsförädling Ragunda AB (exempel)',
    kind: 'company',
    level: 'local',
    areaCode: '2303',
    visibility: 'published',
  },
  {
    name: 'Energikooperativet Bräcke ek. för. (exempel)',
    kind: 'association',
    level: 'local',
    areaCode: '2305',
    visibility: 'published',
  },
  {
    name: 'Digitalbyrån Östersund AB (exempel)',
    kind: 'company',
    level: 'local',
    areaCode: '2380',
    visibility: 'published',
  },
  {
    name: 'Strömsunds Företagarförening (exempel)',
    kind: 'association',
    level: 'local',
    areaCode: '2313',
    visibility: 'published',
  },
  {
    name: 'Härjedalens Fjällcykel AB (exempel)',
    kind: 'company',
    level: 'local',
    areaCode: '2361',
    visibility: 'published',
  },
  {
    name: 'Bergs Byalag (exempel)',
    kind: 'association',
    level: 'local',
    areaCode: '2326',
    visibility: 'published',
  },
  {
    name: 'Krokoms Solkraft AB (exempel)',
    kind: 'company',
    level: 'local',
    areaCode: '2309',
    visibility: 'internal',
  },
  {
    name: 'Norrlandsfisk AB (exempel)',
    kind: 'company',
    level: 'regional',
    areaCode: '2313',
    visibility: 'internal',
  },
  {
    name: 'Sydsamiskt kulturnätverk (exempel)',
    kind: 'sami_organisation',
    level: 'regional',
    areaCode: '2326',
    visibility: 'published',
  },
  {
    name: 'Unga entreprenörer Jämtland (exempel)',
    kind: 'association',
    level: 'regional',
    areaCode: '2380',
    visibility: 'published',
  },
  {
    name: 'Coworking Mitt AB (exempel)',
    kind: 'company',
    level: 'local',
    areaCode: '2380',
    visibility: 'published',
  },
  {
    name: 'Laddväg E14 AB (exempel)',
    kind: 'company',
    level: 'regional',
    areaCode: '2321',
    visibility: 'internal',
  },
  {
    name: 'Landsbygdsbredband i Jämtland ek. för. (exempel)',
    kind: 'association',
    level: 'regional',
    areaCode: '2309',
    visibility: 'published',
  },
  {
    name: 'Kulturarv Jämtland ideell förening (exempel)',
    kind: 'association',
    level: 'regional',
    areaCode: '2380',
    visibility: 'published',
  },
];

// Topics per strength area (by slug): title pattern, summary, SDG targets, national area.
const topics: Record<
  string,
  Array<{ title: string; summary: string; sdg: string[]; national: number; target: string }>
> = {
  'jord-skog-och-vatten': [
    {
      title: 'Lokal livsmedelsförädling i {m}',
      summary: 'Småskalig förädling av kött, mejeri och bär med gemensam logistik.',
      sdg: ['2.3', '12.3'],
      national: 2,
      target: 'Företag med ny produkt',
    },
    {
      title: 'Skogsbaserade material – pilot i {m}',
      summary: 'Nya träprodukter och biomaterial från skogen i samarbete med forskning.',
      sdg: ['9.5', '15.2'],
      national: 2,
      target: 'Pilotprodukter',
    },
    {
      title: 'Hållbart fiske och vattenbruk i {m}',
      summary: 'Fiskevård, förädling och besöksfiske i sjöar och vattendrag.',
      sdg: ['14.b', '8.9'],
      national: 4,
      target: 'Deltagande fiskeföretag',
    },
  ],
  upplevelser: [
    {
      title: 'Året-runt-turism i {m}',
      summary: 'Fler säsonger för besöksnäringen genom nya barmarksupplevelser.',
      sdg: ['8.9', '12.b'],
      national: 2,
      target: 'Nya året-runt-arbetstillfällen',
    },
    {
      title: 'Cykelleder och besöksnäring i {m}',
      summary: 'Skyltade leder, service och paketering för cykelturism.',
      sdg: ['8.9', '11.2'],
      national: 4,
      target: 'Kilometer ny led',
    },
    {
      title: 'Kulturarv och upplevelser i {m}',
      summary: 'Levande kulturarv, inklusive sydsamisk kultur, som besöksmål.',
      sdg: ['11.4', '8.9'],
      national: 3,
      target: 'Besökare',
    },
  ],
  'hallbar-energi': [
    {
      title: 'Solenergi för lantbruk i {m}',
      summary: 'Solceller och lagring på gårdar för lägre kostnader och utsläpp.',
      sdg: ['7.2', '13.2'],
      national: 1,
      target: 'Installerad effekt (kW)',
    },
    {
      title: 'Laddinfrastruktur genom {m}',
      summary: 'Publik laddning längs stråken för invånare, besökare och transporter.',
      sdg: ['7.1', '11.2'],
      national: 4,
      target: 'Laddpunkter',
    },
    {
      title: 'Energieffektiva fastigheter i {m}',
      summary: 'Energikartläggning och åtgärder i små företags lokaler.',
      sdg: ['7.3', '13.2'],
      national: 1,
      target: 'Minskad energianvändning (MWh)',
    },
  ],
  'digitala-losningar': [
    {
      title: 'Digitala tjänster för småföretag i {m}',
      summary: 'Stöd till digitalisering av försäljning och administration.',
      sdg: ['8.2', '9.c'],
      national: 2,
      target: 'Företag som fått stöd',
    },
    {
      title: 'Bredband till landsbygden i {m}',
      summary: 'Fiber till byar och företag som saknar snabb uppkoppling.',
      sdg: ['9.c', '11.a'],
      national: 4,
      target: 'Anslutna hushåll',
    },
    {
      title: 'Distansarbete och coworking i {m}',
      summary: 'Platser för distansarbete som gör det möjligt att bo och verka på landsbygden.',
      sdg: ['8.5', '11.a'],
      national: 3,
      target: 'Användare',
    },
  ],
};

const countyWide = [
  {
    title: 'Kompetensförsörjning i hela länet',
    summary: 'Validering och korta utbildningar i bristyrken tillsammans med arbetsgivare.',
    sdg: ['4.4', '8.5'],
    national: 3,
    strength: 'digitala-losningar',
    target: 'Deltagare',
  },
  {
    title: 'Entreprenöriellt upptäckande för smart specialisering',
    summary: 'Processledning och mötesplatser för länets styrkeområden.',
    sdg: ['9.5', '17.17'],
    national: 2,
    strength: 'jord-skog-och-vatten',
    target: 'Mötesplatser',
  },
  {
    title: 'Klimatanpassning av länets infrastruktur',
    summary: 'Kartläggning av sårbarheter och åtgärder tillsammans med kommunerna.',
    sdg: ['13.1', '11.b'],
    national: 1,
    strength: 'hallbar-energi',
    target: 'Kommuner med plan',
  },
  {
    title: 'Unga och företagande i hela länet',
    summary: 'Ungt entreprenörskap i skolor och föreningar.',
    sdg: ['8.6', '4.4'],
    national: 3,
    strength: 'upplevelser',
    target: 'Unga deltagare',
  },
];

const sources: readonly FundingSource[] = t.fundingSources;
const dimensions: readonly AssessmentDimension[] = t.assessmentDimensions;
const samebyarNear: Record<string, string[]> = {
  '2326': ['sameby-voernese'],
  '2361': ['sameby-ohredahke'],
  '2321': ['sameby-ohredahke'],
};

/** A small seeded random generator (mulberry32): the same sequence on every run. */
function seeded(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let r = Math.imul(a ^ (a >>> 15), 1 | a);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

export async function seedDemoEfforts(
  db: Db,
  regionCode: string,
): Promise<{ actors: number; efforts: number }> {
  const insertedActors = await db
    .insert(t.organisations)
    .values(
      demoActors.map((o) => ({
        ...o,
        regionCode,
        description: 'Exempeldata för demonstration / example data for the demo',
      })),
    )
    .onConflictDoNothing()
    .returning({ id: t.organisations.id });
  const orgs = await db
    .select({
      id: t.organisations.id,
      name: t.organisations.name,
      areaCode: t.organisations.areaCode,
      kind: t.organisations.kind,
    })
    .from(t.organisations)
    .where(
      and(
        eq(t.organisations.regionCode, regionCode),
        inArray(
          t.organisations.name,
          demoActors.map((a) => a.name),
        ),
      ),
    );
  const orgByName = new Map(orgs.map((o) => [o.name, o]));
  const municipalityOrg = (code: string) =>
    orgs.find((o) => o.kind === 'municipality' && o.areaCode === code);
  const companiesIn = (code: string) => orgs.filter((o) => o.kind !== 'municipality' && o.areaCode === code);
  const [priorities, strength, existing] = await Promise.all([
    db.select().from(t.longTermPriorities).where(eq(t.longTermPriorities.regionCode, regionCode)),
    db.select().from(t.strengthAreas).where(eq(t.strengthAreas.regionCode, regionCode)),
    db
      .select({ diarienummer: t.efforts.diarienummer })
      .from(t.efforts)
      .where(eq(t.efforts.regionCode, regionCode)),
  ]);
  const known = new Set(existing.map((e) => e.diarienummer));
  const random = seeded(2026);
  const amount = (min: number, max: number) => Math.round((min + random() * (max - min)) / 10_000) * 10_000;

  const plans: Array<{
    title: string;
    summary: string;
    sdg: string[];
    national: number;
    strength: string;
    target: string;
    municipalities: string[];
  }> = [];
  let m = 0;
  for (const [slug, list] of Object.entries(topics)) {
    for (const topic of list) {
      for (let k = 0; k < 3; k++) {
        const main = municipalityCodes[m++ % municipalityCodes.length] as string;
        const extra = k === 2 ? [municipalityCodes[(m + 3) % municipalityCodes.length] as string] : [];
        plans.push({
          ...topic,
          strength: slug,
          title: topic.title.replace('{m}', municipalityNames[main] ?? main),
          municipalities: [main, ...extra],
        });
      }
    }
  }
  for (const c of countyWide) plans.push({ ...c, municipalities: [] });

  const system = { system: 'regionkraft seed --demo', regionCode };
  let created = 0;
  await db.transaction(async (tx) => {
    for (const [i, plan] of plans.entries()) {
      const diarienummer = `DEMO/${2023 + (i % 4)}/${String(i + 1).padStart(3, '0')}`;
      if (known.has(diarienummer)) continue;
      const startYear = 2023 + (i % 4);
      const status =
        startYear >= 2026 ? 'planned' : i % 9 === 0 ? 'completed' : i % 17 === 0 ? 'cancelled' : 'ongoing';
      const main = plan.municipalities[0];
      const owner = main && i % 3 !== 0 ? municipalityOrg(main) : undefined;
      const partnerPool = [
        ...(main ? companiesIn(main) : []),
        orgByName.get('Mittuniversitetet'),
        orgByName.get('Länsstyrelsen Jämtlands län'),
      ].filter((o): o is NonNullable<typeof o> => o !== undefined && o.id !== owner?.id);
      const partners = partnerPool.slice(0, 1 + (i % 3)).map((o, j) => ({
        organisationId: o.id,
        role: (['implementer', 'co_financer', 'partner'] as const)[j % 3] ?? 'partner',
      }));
      const fundingRows = 1 + (i % 3);
      const funding = Array.from({ length: fundingRows }, (_, j) => ({
        source:
          j === 0
            ? 'regional_development_1_1'
            : (sources[1 + ((i + j) % (sources.length - 1))] as FundingSource),
        financierOrganisationId: null,
        year: startYear + (j % 2),
        amountSek: amount(200_000, j === 0 ? 3_000_000 : 1_500_000),
        status: (startYear + (j % 2) >= 2026 ? 'planned' : 'decided') as 'planned' | 'decided',
      }));
      const reach =
        plan.municipalities.length === 0
          ? { wholeCounty: true, municipalities: [], samebyar: [] }
          : {
              wholeCounty: false,
              municipalities:
                plan.municipalities.length === 1
                  ? [{ areaCode: plan.municipalities[0] as string, share: 100 }]
                  : [
                      { areaCode: plan.municipalities[0] as string, share: 70 },
                      { areaCode: plan.municipalities[1] as string, share: 30 },
                    ],
              samebyar:
                plan.strength === 'upplevelser' || plan.strength === 'jord-skog-och-vatten'
                  ? (samebyarNear[main ?? ''] ?? [])
                  : [],
            };
      const strengthArea = strength.find((s) => s.slug === plan.strength);
      const priority = priorities.find((p) => p.number === 1 + (i % Math.max(1, priorities.length)));
      const assessments = dimensions.map((dimension, j) => {
        const score = Math.round(random() * 5) - 2 + (dimension === 'economic' ? 1 : 0);
        const clamped = Math.max(-3, Math.min(3, score));
        return {
          dimension,
          score: clamped,
          rationale:
            clamped < 0
              ? dimension === 'environmental'
                ? 'Ökade transporter och resor (exempel).'
                : dimension === 'sami_conditions'
                  ? 'Kan påverka renskötselns marker; samråd behövs (exempel).'
                  : 'Risk att nyttan hamnar hos få (exempel).'
              : j % 2 === 0
                ? 'Exempelbedömning.'
                : null,
        };
      });
      const target = 20 + Math.round(random() * 80);
      const input: EffortInput = {
        title: plan.title,
        summary: plan.summary,
        description: `${plan.summary} Exempeldata för demonstration av Regionkraft.`,
        diarienummer,
        status,
        startDate: `${startYear}-0${1 + (i % 9)}-01`,
        endDate: `${startYear + 2 + (i % 2)}-12-31`,
        ownerOrganisationId: owner?.id ?? null,
        targetGroups: [['Små företag', 'Unga', 'Besökare', 'Invånare på landsbygden'][i % 4] as string],
        visibility: i % 7 === 3 ? 'internal' : 'published',
        partners,
        funding,
        reach,
        links: {
          priorities: priority ? [priority.id] : [],
          strengthAreas: strengthArea ? [strengthArea.id] : [],
          nationalAreas: [plan.national],
          sdgTargets: plan.sdg,
        },
        assessments,
        indicators: [
          {
            kind: 'output',
            name: plan.target,
            unit: plan.target.includes('(')
              ? (plan.target.split('(')[1]?.replace(')', '') ?? 'antal')
              : 'antal',
            baseline: 0,
            target,
            values:
              startYear <= 2025
                ? [
                    {
                      period: '2025',
                      sex: 'total',
                      areaCode: null,
                      actual: Math.round(target * (0.3 + random() * 0.6)),
                    },
                    ...(plan.target.includes('Deltagare') || plan.target.includes('Unga')
                      ? [
                          {
                            period: '2025',
                            sex: 'women' as const,
                            areaCode: null,
                            actual: Math.round(target * 0.3),
                          },
                          {
                            period: '2025',
                            sex: 'men' as const,
                            areaCode: null,
                            actual: Math.round(target * 0.25),
                          },
                        ]
                      : []),
                  ]
                : [],
          },
          {
            kind: 'result',
            name: 'Nya arbetstillfällen',
            unit: 'antal',
            baseline: 0,
            target: 5 + (i % 10),
            values:
              startYear <= 2024
                ? [{ period: '2025', sex: 'total', areaCode: null, actual: 2 + (i % 6) }]
                : [],
          },
        ],
      };
      await insertEffort(tx, system, input, { isExample: true });
      created++;
    }
  });
  return { actors: insertedActors.length, efforts: created };
}
