/**
 * Example data for the strength areas (`seed --demo`): visions, sub-areas, action-plan initiatives
 * linked to the demo efforts, and a few outputs and results. Everything is labelled as example;
 * only the vision of Jord, skog och vatten is documented by the region (here in our own words).
 * Adds only what is missing, so a second run adds nothing.
 */
import { and, asc, eq, inArray, like, sql } from 'drizzle-orm';
import type { Db, DbTransaction } from '../../../db/connection.ts';
import { readTogether } from '../../../db/read-together.ts';
import * as t from '../../../db/schema.ts';
import { recordAudit } from '../../audit/audit.ts';
import { insertLogicItem, insertSubArea } from './areas-service.ts';
import { insertInitiative } from './initiatives-service.ts';

type DemoArea = {
  vision: { sv: string; en: string; isExample: boolean };
  subAreas: Array<{ name: string; description: string; needs: string }>;
  initiatives: Array<{
    title: string;
    subArea: string;
    description: string;
    status: t.S3InitiativeStatus;
    responsible: string;
    period: string;
    /** Demo efforts whose title starts with this are linked (at most two). */
    effortsTitled: string;
    /** An output measured by the first linked effort's output indicator. */
    output: { description: string; targetValue: number; targetYear: number };
  }>;
  results: Array<{ description: string; indicatorId: string; targetValue: number; targetYear: number }>;
};

export const demoAreas: Record<string, DemoArea> = {
  'jord-skog-och-vatten': {
    vision: {
      sv: 'År 2030 är länets jord, skog och vatten en grund för omställningen till en biobaserad ekonomi och för de globala hållbarhetsmålen, och de ger besöksnäringen dess bas. Aktörer av många slag samarbetar kring innovation, så att innovationsgraden är hög och leder till hållbara produkter och tjänster. Företagen vet var de hittar stöd för att utveckla nytt, vilket ger konkurrenskraft och lönsamhet. Arbetet utgår från varje plats förutsättningar. Förädlingen sker lokalt, nära råvaran, så att mer av värdet stannar i länet än år 2020. Det finns god forskning, utveckling och utbildning som ger den kompetens företagen behöver.\n\nKälla: visionen som aktörerna tog fram 2020–2021, återgiven med egna ord (Region Jämtland Härjedalen, ”Uppbyggnad av handlingsplaner i styrkeområdena”).',
      en: 'By 2030 the county’s land, forest and water underpin the shift to a bio-based economy and the global sustainability goals, and give the visitor industry its base. Actors of many kinds work together on innovation, so innovation is high and yields sustainable products and services. Firms know where to find support for developing new things, which gives competitiveness and profitability. The work starts from the conditions of each place. Processing happens locally, close to the raw material, so more of the value stays in the county than in 2020. There is good research, development and education that supply the skills firms need.\n\nSource: the vision the actors drafted in 2020–2021, in our own words (Region Jämtland Härjedalen, “Uppbyggnad av handlingsplaner i styrkeområdena”).',
      isExample: false,
    },
    subAreas: [
      {
        name: 'Skogsbaserad förädling',
        description: 'Sågverk, hyvlerier, pellets, trähusfabriker och nya biobaserade material.',
        needs:
          'Kompetens inom träbyggande och biomaterial; kontakt mellan småföretag och forskning; kapital för pilotanläggningar.',
      },
      {
        name: 'Lokal livsmedelsproduktion',
        description: 'Kött, mejeri, bär och vilt som förädlas nära råvaran.',
        needs:
          'Gemensam logistik och slakt- och förädlingskapacitet; fler unga som tar över gårdar; offentlig upphandling av lokala livsmedel.',
      },
      {
        name: 'Vatten och fiske',
        description: 'Fiskevård, vattenbruk och besöksfiske i sjöar och vattendrag.',
        needs:
          'Kunskap om hållbara uttag; samverkan med samebyar och fiskevårdsområden; förädling av fångsten i länet.',
      },
    ],
    initiatives: [
      {
        title: 'Förädlingslyft för lokala livsmedel',
        subArea: 'Lokal livsmedelsproduktion',
        description:
          'Gemensam rådgivning, logistik och försäljningskanaler för småskaliga livsmedelsförädlare.',
        status: 'ongoing',
        responsible: 'Region Jämtland Härjedalen med länets kommuner',
        period: '2024–2027',
        effortsTitled: 'Lokal livsmedelsförädling',
        output: { description: 'Företag som tagit fram en ny produkt', targetValue: 40, targetYear: 2027 },
      },
      {
        title: 'Nätverk för trä och biomaterial',
        subArea: 'Skogsbaserad förädling',
        description: 'Mötesplats där skogsföretag, forskare och byggare tar fram nya träprodukter.',
        status: 'proposed',
        responsible: 'Mittuniversitetet och skogsnäringen',
        period: '2026–2028',
        effortsTitled: 'Skogsbaserade material',
        output: { description: 'Pilotprodukter som testats', targetValue: 10, targetYear: 2028 },
      },
    ],
    results: [
      {
        description: 'Fler arbetsställen inom jord- och skogsbruk och fiske',
        indicatorId: 'arbetsstallen_areella',
        targetValue: 10_000,
        targetYear: 2030,
      },
    ],
  },
  upplevelser: {
    vision: {
      sv: 'År 2030 är Jämtland Härjedalen känt för upplevelser året runt som bygger på kontrasterna mellan stad, landsbygd och fjäll och mellan svensk och samisk kultur. Förmågan att skapa upplevelser som möter människors förväntningar finns i hela länet, för besökare och invånare. Vinter, snö och skidor är fortfarande en grund, men evenemang, gastronomi, fäbodkultur, konst och litteratur och det sydsamiska kulturarvet ger fler säsonger och fler jobb.',
      en: 'By 2030 Jämtland Härjedalen is known for year-round experiences built on the contrasts between town, countryside and mountains and between Swedish and Sami culture. The ability to create experiences that meet people’s expectations exists throughout the county, for visitors and residents. Winter, snow and skiing remain a base, but events, gastronomy, summer-farm culture, art and literature and the South Sami cultural heritage give more seasons and more jobs.',
      isExample: true,
    },
    subAreas: [
      {
        name: 'Året-runt-turism',
        description: 'Barmarksupplevelser, cykel och vandring som förlänger säsongen.',
        needs:
          'Fler helårsanställda i besöksnäringen; paketering och bokningsbarhet; kollektivtrafik till besöksmålen.',
      },
      {
        name: 'Kultur och sydsamiskt kulturarv',
        description: 'Levande kulturarv, konst, litteratur och sydsamisk kultur som besöksmål.',
        needs:
          'Samiskt inflytande över hur kulturen visas; stöd till kulturföretagare; hållbar besöksnäring nära renskötselns marker.',
      },
      {
        name: 'Evenemang och idrott',
        description: 'Stora evenemang, arenorna i Åre och Östersund och idrottsturism.',
        needs:
          'Evenemang som lämnar bestående värden; boende och transporter vid toppar; volontärer och kompetens.',
      },
    ],
    initiatives: [
      {
        title: 'Barmarksutbud året runt',
        subArea: 'Året-runt-turism',
        description: 'Nya produkter för vår, sommar och höst tillsammans med destinationsbolagen.',
        status: 'ongoing',
        responsible: 'Destinationsbolagen i länet',
        period: '2025–2027',
        effortsTitled: 'Året-runt-turism',
        output: { description: 'Nya året-runt-arbetstillfällen', targetValue: 60, targetYear: 2027 },
      },
      {
        title: 'Sydsamiska upplevelser i samverkan',
        subArea: 'Kultur och sydsamiskt kulturarv',
        description:
          'Upplevelser som samiska företagare själva utformar, med stöd i marknadsföring och bokning.',
        status: 'proposed',
        responsible: 'Samiska företagare med stöd av regionen',
        period: '2026–2028',
        effortsTitled: 'Kulturarv och upplevelser',
        output: { description: 'Besökare på nya upplevelser', targetValue: 5000, targetYear: 2028 },
      },
    ],
    results: [
      {
        description: 'Fler arbetsställen i tjänstenäringarna, där besöksnäringen ingår',
        indicatorId: 'arbetsstallen_tjanste',
        targetValue: 14_500,
        targetYear: 2030,
      },
    ],
  },
  'hallbar-energi': {
    vision: {
      sv: 'År 2030 leder länet det praktiska klimatarbetet och är en nationell och internationell bärare och utvecklare av hållbar energi. Vattenkraften ger fortsatt förnybar el, vind- och solkraften har byggts ut i samförstånd med dem som berörs, och skogen ger biobaserade material, hållbara bränslen och värme. Energin skapar jobb och företag i hela länet.',
      en: 'By 2030 the county leads practical climate work and is a national and international carrier and developer of sustainable energy. Hydropower still gives renewable power, wind and solar power have grown in agreement with those affected, and the forests give bio-based materials, sustainable fuels and heat. The energy creates jobs and firms throughout the county.',
      isExample: true,
    },
    subAreas: [
      {
        name: 'Förnybar elproduktion',
        description: 'Vatten-, vind- och solkraft och lagring.',
        needs: 'Nätkapacitet; lokal nytta och delaktighet vid utbyggnad; hänsyn till renskötsel och natur.',
      },
      {
        name: 'Elektrifierade transporter',
        description: 'Laddning och förnybara drivmedel för invånare, besökare och gods.',
        needs: 'Laddpunkter längs stråken och i glesbygd; lösningar för tunga transporter.',
      },
    ],
    initiatives: [
      {
        title: 'Solel på länets gårdar',
        subArea: 'Förnybar elproduktion',
        description: 'Rådgivning och gemensam upphandling av solceller och lagring för lantbruk.',
        status: 'ongoing',
        responsible: 'LRF och Energikontoret',
        period: '2025–2026',
        effortsTitled: 'Solenergi för lantbruk',
        output: { description: 'Installerad effekt på gårdar (kW)', targetValue: 800, targetYear: 2026 },
      },
      {
        title: 'Laddstråk genom hela länet',
        subArea: 'Elektrifierade transporter',
        description: 'Publik laddning längs E14, E45 och inlandsvägarna.',
        status: 'ongoing',
        responsible: 'Kommunerna och Trafikverket',
        period: '2024–2027',
        effortsTitled: 'Laddinfrastruktur',
        output: { description: 'Nya publika laddpunkter', targetValue: 150, targetYear: 2027 },
      },
    ],
    results: [
      {
        description: 'Fler arbetsställen i industrin, där energiföretagen ingår',
        indicatorId: 'arbetsstallen_industri',
        targetValue: 4_000,
        targetYear: 2030,
      },
    ],
  },
  'digitala-losningar': {
    vision: {
      sv: 'År 2030 använder företag, offentlig verksamhet och invånare i hela länet digitala lösningar som gör avstånden mindre. Snabb uppkoppling finns där människor bor och verkar, småföretagen säljer och samarbetar digitalt, och vård och omsorg på distans gör det lättare att bo på landsbygden. Länets företag utvecklar lösningar som andra glesa regioner efterfrågar.',
      en: 'By 2030 firms, public services and residents throughout the county use digital solutions that shrink distances. Fast connections are available where people live and work, small firms sell and cooperate digitally, and remote health and care make it easier to live in the countryside. The county’s firms develop solutions that other sparse regions ask for.',
      isExample: true,
    },
    subAreas: [
      {
        name: 'Digital infrastruktur',
        description: 'Bredband och mobiltäckning i hela länet.',
        needs: 'Fiber till de sista byarna och företagen; mobiltäckning längs vägar och leder.',
      },
      {
        name: 'Digitalisering i småföretag',
        description: 'E-handel, digital administration och data i små företag.',
        needs: 'Tid och kunskap i små företag; rådgivare som förstår branschen; säkerhet och juridik.',
      },
    ],
    initiatives: [
      {
        title: 'Digitalt lyft för småföretag',
        subArea: 'Digitalisering i småföretag',
        description: 'Rådgivning och checkar för digital försäljning och administration.',
        status: 'ongoing',
        responsible: 'Region Jämtland Härjedalen',
        period: '2024–2026',
        effortsTitled: 'Digitala tjänster för småföretag',
        output: { description: 'Företag som fått stöd', targetValue: 120, targetYear: 2026 },
      },
      {
        title: 'Bredband till sista byn',
        subArea: 'Digital infrastruktur',
        description: 'Samordning av byanät, kommuner och operatörer för de sista anslutningarna.',
        status: 'ongoing',
        responsible: 'Kommunerna och byanäten',
        period: '2023–2027',
        effortsTitled: 'Bredband till landsbygden',
        output: { description: 'Nyanslutna hushåll', targetValue: 1500, targetYear: 2027 },
      },
    ],
    results: [
      {
        description: 'Hushåll med tillgång till bredband om minst 100 Mbit/s',
        indicatorId: 'bredband_100mbit_hushall_pct',
        targetValue: 98,
        targetYear: 2030,
      },
      {
        description: 'Arbetsställen med tillgång till bredband om minst 100 Mbit/s',
        indicatorId: 'bredband_100mbit_arbetsstallen_pct',
        targetValue: 98,
        targetYear: 2030,
      },
    ],
  },
};

async function demoEffortsTitled(tx: DbTransaction, regionCode: string, prefix: string) {
  return tx
    .select({ id: t.efforts.id })
    .from(t.efforts)
    .where(
      and(
        eq(t.efforts.regionCode, regionCode),
        eq(t.efforts.isExample, true),
        eq(t.efforts.visibility, 'published'),
        like(t.efforts.title, `${prefix}%`),
      ),
    )
    .orderBy(sql`${t.efforts.titleSort} collate "C"`, asc(t.efforts.id))
    .limit(2);
}

export async function seedDemoS3Areas(db: Db, regionCode: string): Promise<Record<string, number>> {
  const system = { system: 'regionkraft seed --demo', regionCode };
  const added = { s3Visions: 0, s3SubAreas: 0, s3Initiatives: 0, s3LogicItems: 0 };
  await db.transaction(async (tx) => {
    const areas = await tx.select().from(t.strengthAreas).where(eq(t.strengthAreas.regionCode, regionCode));
    const areaIds = areas.map((a) => a.id);
    if (areaIds.length === 0) return;
    const [visions, subAreas, initiatives, logicItems, knownIndicators] = await readTogether(tx, [
      () => tx.select().from(t.s3AreaVisions).where(inArray(t.s3AreaVisions.strengthAreaId, areaIds)),
      () => tx.select().from(t.s3SubAreas).where(inArray(t.s3SubAreas.strengthAreaId, areaIds)),
      () => tx.select().from(t.s3Initiatives).where(inArray(t.s3Initiatives.strengthAreaId, areaIds)),
      () => tx.select().from(t.s3LogicItems).where(inArray(t.s3LogicItems.strengthAreaId, areaIds)),
      () => tx.select({ id: t.indicators.id }).from(t.indicators),
    ]);
    const indicatorIds = new Set(knownIndicators.map((i) => i.id));
    for (const area of [...areas].sort((a, b) => a.position - b.position)) {
      const demo = demoAreas[area.slug];
      if (!demo) continue;
      if (!visions.some((v) => v.strengthAreaId === area.id)) {
        const [row] = await tx
          .insert(t.s3AreaVisions)
          .values({
            strengthAreaId: area.id,
            textSv: demo.vision.sv,
            textEn: demo.vision.en,
            isExample: demo.vision.isExample,
          })
          .returning();
        await recordAudit(tx, system, {
          action: 'create',
          entityType: 's3_area_vision',
          entityId: area.id,
          before: null,
          after: { textSv: row?.textSv, textEn: row?.textEn, isExample: row?.isExample },
        });
        added.s3Visions++;
      }
      const subAreaIdOf = new Map(
        subAreas.filter((s) => s.strengthAreaId === area.id).map((s) => [s.name, s.id] as const),
      );
      for (const sub of demo.subAreas) {
        if (subAreaIdOf.has(sub.name)) continue;
        const row = await insertSubArea(tx, system, area.id, sub, { isExample: true });
        subAreaIdOf.set(sub.name, row.id);
        added.s3SubAreas++;
      }
      const initiativeIdOf = new Map(
        initiatives.filter((i) => i.strengthAreaId === area.id).map((i) => [i.title, i.id] as const),
      );
      const hasLogic = (description: string) =>
        logicItems.some((l) => l.strengthAreaId === area.id && l.description === description);
      for (const plan of demo.initiatives) {
        let initiativeId = initiativeIdOf.get(plan.title);
        const efforts = await demoEffortsTitled(tx, regionCode, plan.effortsTitled);
        if (!initiativeId) {
          initiativeId = await insertInitiative(
            tx,
            system,
            {
              strengthAreaId: area.id,
              subAreaId: subAreaIdOf.get(plan.subArea) ?? null,
              title: plan.title,
              description: plan.description,
              status: plan.status,
              responsible: plan.responsible,
              period: plan.period,
              effortIds: efforts.map((e) => e.id),
              sourceInputIds: [],
            },
            { isExample: true },
          );
          initiativeIdOf.set(plan.title, initiativeId);
          added.s3Initiatives++;
        }
        if (!hasLogic(plan.output.description)) {
          const [measure] = efforts.length
            ? await tx
                .select({ id: t.effortIndicators.id })
                .from(t.effortIndicators)
                .where(
                  and(
                    inArray(
                      t.effortIndicators.effortId,
                      efforts.map((e) => e.id),
                    ),
                    eq(t.effortIndicators.kind, 'output'),
                  ),
                )
                .orderBy(asc(t.effortIndicators.position), asc(t.effortIndicators.id))
                .limit(1)
            : [];
          await insertLogicItem(
            tx,
            system,
            area.id,
            {
              kind: 'output',
              initiativeId,
              description: plan.output.description,
              effortIndicatorId: measure?.id ?? null,
              targetValue: plan.output.targetValue,
              targetYear: plan.output.targetYear,
            },
            { isExample: true },
          );
          added.s3LogicItems++;
        }
      }
      for (const result of demo.results) {
        if (hasLogic(result.description)) continue;
        await insertLogicItem(
          tx,
          system,
          area.id,
          {
            kind: 'result',
            description: result.description,
            indicatorId: indicatorIds.has(result.indicatorId) ? result.indicatorId : null,
            targetValue: result.targetValue,
            targetYear: result.targetYear,
          },
          { isExample: true },
        );
        added.s3LogicItems++;
      }
    }
  });
  return added;
}
