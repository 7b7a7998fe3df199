/**
 * Example meetings of the actor-driven process (`seed --demo`). The four dialogue meetings of
 * August 2020 are documented by the region (its timetable for 2020, policy-and-context §1.3):
 * their dates, area and form (open digital Teams meetings) are facts; where counts or organisations
 * are added they are invented and the meeting is marked as example. The meetings of 2025–2027 and
 * all input are example data. Adds only what is missing, so a second run adds nothing.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/connection.ts';
import * as t from '../../../db/schema.ts';
import { insertInput } from './inputs-service.ts';
import type { MeetingInput } from './meeting-schemas.ts';
import { insertMeeting } from './meetings-service.ts';

type DemoInput = {
  area: string;
  kind: (typeof t.s3InputKinds)[number];
  text: string;
  raisedBy?: string;
  status: t.S3InputStatus;
  statusReason?: string;
  /** Link to an example initiative of the area when there is one (else "considered"). */
  toActionPlan?: boolean;
};

type DemoMeeting = Omit<
  MeetingInput,
  'strengthAreaIds' | 'organisationIds' | 'registrationOpen' | 'visibility'
> & {
  areas: string[];
  organisations: string[];
  registrationOpen?: boolean;
  isExample: boolean;
  inputs: DemoInput[];
};

const fact2020 =
  'Öppet digitalt dialogmöte (Teams) om styrkeområdet enligt regionens tidsplan 2020. Inbjudan gick till alla som tidigare engagerat sig i arbetet och fick spridas fritt; alla kunde anmäla sig. Inspel kunde lämnas till den 1 september.';
const agenda2020 =
  'Dialog om styrkeområdet inför programmet för smart specialisering 2021–2027: vision, prioriteringar och behov av analys.';

export const demoMeetings: DemoMeeting[] = [
  {
    title: 'Dialogmöte: Jord, skog och vatten',
    heldOn: '2020-08-18',
    placeKind: 'digital',
    venue: 'Teams',
    format: 'open_meeting',
    agenda: agenda2020,
    notes: `${fact2020}\n\nDeltagarantal och organisationer är exempel.`,
    areas: ['jord-skog-och-vatten'],
    organisations: [
      'Region Jämtland Härjedalen',
      'Skogsförädling Ragunda AB (exempel)',
      'Mittuniversitetet',
      'Jämtsk Mat och Dryck AB (exempel)',
    ],
    countWomen: 14,
    countMen: 17,
    countOther: 2,
    isExample: true,
    inputs: [
      {
        area: 'jord-skog-och-vatten',
        kind: 'need',
        text: 'Mer av skogsråvaran behöver förädlas i länet i stället för att köras ut som timmer.',
        raisedBy: 'Skogsförädling Ragunda AB (exempel)',
        status: 'considered',
        statusReason: 'Ingår i arbetet med delområdet skogsbaserad förädling.',
      },
    ],
  },
  {
    title: 'Dialogmöte: Hållbar energi',
    heldOn: '2020-08-19',
    placeKind: 'digital',
    venue: 'Teams',
    format: 'open_meeting',
    agenda: agenda2020,
    notes: `${fact2020}\n\nDeltagarantal och organisationer är exempel.`,
    areas: ['hallbar-energi'],
    organisations: [
      'Region Jämtland Härjedalen',
      'Energikooperativet Bräcke ek. för. (exempel)',
      'Länsstyrelsen Jämtlands län',
    ],
    countWomen: 9,
    countMen: 16,
    countOther: null,
    isExample: true,
    inputs: [
      {
        area: 'hallbar-energi',
        kind: 'proposal',
        text: 'Ta fram en gemensam bild av elnätets kapacitet i länet innan nya etableringar planeras.',
        raisedBy: 'Energikooperativet Bräcke ek. för. (exempel)',
        status: 'considered',
      },
    ],
  },
  {
    title: 'Dialogmöte: Upplevelser',
    heldOn: '2020-08-21',
    placeKind: 'digital',
    venue: 'Teams',
    format: 'open_meeting',
    agenda: agenda2020,
    notes: fact2020,
    areas: ['upplevelser'],
    organisations: [],
    isExample: false,
    inputs: [],
  },
  {
    title: 'Dialogmöte: Digitala lösningar',
    heldOn: '2020-08-21',
    placeKind: 'digital',
    venue: 'Teams',
    format: 'open_meeting',
    agenda: agenda2020,
    notes: fact2020,
    areas: ['digitala-losningar'],
    organisations: [],
    isExample: false,
    inputs: [],
  },
  {
    title: 'Workshop: skogsbaserad förädling',
    heldOn: '2025-03-12',
    startsAt: '09:00',
    endsAt: '15:00',
    placeKind: 'municipality',
    areaCode: '2303',
    venue: 'Bygdegården i Hammarstrand (exempel)',
    format: 'workshop',
    agenda:
      'Läget i skogsnäringen\nBehov av kompetens och kapital\nGrupparbete: initiativ till handlingsplanen',
    notes: 'Exempel: fokus på små förädlingsföretag och kontakten med forskningen.',
    areas: ['jord-skog-och-vatten'],
    organisations: [
      'Skogsförädling Ragunda AB (exempel)',
      'Ragunda kommun',
      'Mittuniversitetet',
      'Region Jämtland Härjedalen',
    ],
    countWomen: 9,
    countMen: 12,
    countOther: 0,
    isExample: true,
    inputs: [
      {
        area: 'jord-skog-och-vatten',
        kind: 'need',
        text: 'Kompetens inom träbyggande saknas hos många mindre företag.',
        raisedBy: 'Skogsförädling Ragunda AB (exempel)',
        status: 'in_action_plan',
        toActionPlan: true,
      },
      {
        area: 'jord-skog-och-vatten',
        kind: 'idea',
        text: 'En gemensam pilotanläggning för biobaserade material.',
        raisedBy: 'Mittuniversitetet',
        status: 'new',
      },
    ],
  },
  {
    title: 'Nätverksträff: lokal energi och laddinfrastruktur',
    heldOn: '2025-05-20',
    startsAt: '13:00',
    endsAt: '16:00',
    placeKind: 'municipality',
    areaCode: '2309',
    venue: 'Kommunhuset (exempel)',
    format: 'network_meeting',
    agenda: 'Energigemenskaper\nLaddning längs E14 och i inlandet',
    notes: 'Exempel.',
    areas: ['hallbar-energi'],
    organisations: [
      'Krokoms Solkraft AB (exempel)',
      'Energikooperativet Bräcke ek. för. (exempel)',
      'Laddväg E14 AB (exempel)',
      'Krokoms kommun',
      'Länsstyrelsen Jämtlands län',
    ],
    countWomen: 6,
    countMen: 10,
    countOther: 1,
    isExample: true,
    inputs: [
      {
        area: 'hallbar-energi',
        kind: 'need',
        text: 'Fler publika laddpunkter längs E14 och i inlandet.',
        raisedBy: 'Laddväg E14 AB (exempel)',
        status: 'in_action_plan',
        toActionPlan: true,
      },
      {
        area: 'hallbar-energi',
        kind: 'proposal',
        text: 'Stöd till energigemenskaper i byar.',
        raisedBy: 'Energikooperativet Bräcke ek. för. (exempel)',
        status: 'considered',
        statusReason: 'Utreds tillsammans med energikontoret.',
      },
    ],
  },
  {
    title: 'Öppet möte: upplevelser året runt',
    heldOn: '2025-10-08',
    startsAt: '10:00',
    endsAt: '14:00',
    placeKind: 'municipality',
    areaCode: '2321',
    venue: null,
    format: 'open_meeting',
    agenda: 'Säsongsförlängning\nSydsamisk kultur i besöksnäringen\nGemensam marknadsföring',
    notes: 'Exempel.',
    areas: ['upplevelser'],
    organisations: [
      'Fjällturism i Åre AB (exempel)',
      'Härjedalens Fjällcykel AB (exempel)',
      'Åre kommun',
      'Sydsamiskt kulturnätverk (exempel)',
      'Kulturarv Jämtland ideell förening (exempel)',
    ],
    countWomen: 14,
    countMen: 8,
    countOther: 0,
    isExample: true,
    inputs: [
      {
        area: 'upplevelser',
        kind: 'idea',
        text: 'En gemensam bokningsplattform för sommaraktiviteter i hela länet.',
        raisedBy: 'Fjällturism i Åre AB (exempel)',
        status: 'not_taken',
        statusReason:
          'Det finns redan kommersiella plattformar; regionen stöttar i stället företagens kompetens i digital försäljning.',
      },
      {
        area: 'upplevelser',
        kind: 'need',
        text: 'Sydsamisk kultur i besöksnäringen ska utvecklas på samiska villkor.',
        raisedBy: 'Sydsamiskt kulturnätverk (exempel)',
        status: 'considered',
      },
      {
        area: 'upplevelser',
        kind: 'proposal',
        text: 'Cykelleder som binder ihop fjällbyarna under barmarkssäsongen.',
        raisedBy: 'Härjedalens Fjällcykel AB (exempel)',
        status: 'in_action_plan',
        toActionPlan: true,
      },
    ],
  },
  {
    title: 'Seminarium: digitala tjänster på landsbygden',
    heldOn: '2026-02-11',
    startsAt: '09:30',
    endsAt: '12:00',
    placeKind: 'municipality',
    areaCode: '2313',
    venue: null,
    format: 'seminar',
    agenda: 'Bredband och mobiltäckning\nDigitala tjänster i offentlig verksamhet',
    notes: 'Exempel.',
    areas: ['digitala-losningar'],
    organisations: [
      'Digitalbyrån Östersund AB (exempel)',
      'Landsbygdsbredband i Jämtland ek. för. (exempel)',
      'Strömsunds Företagarförening (exempel)',
      'Strömsunds kommun',
      'Mittuniversitetet',
    ],
    countWomen: 7,
    countMen: 9,
    countOther: 0,
    isExample: true,
    inputs: [
      {
        area: 'digitala-losningar',
        kind: 'need',
        text: 'Bredband till de sista hushållen och företagen utanför tätorterna.',
        raisedBy: 'Landsbygdsbredband i Jämtland ek. för. (exempel)',
        status: 'considered',
      },
      {
        area: 'digitala-losningar',
        kind: 'proposal',
        text: 'Digitala servicepunkter på biblioteken.',
        raisedBy: 'Strömsunds kommun',
        status: 'new',
      },
    ],
  },
  {
    title: 'Workshop: mat från jord och vatten',
    heldOn: '2026-04-22',
    startsAt: '09:00',
    endsAt: '13:00',
    placeKind: 'municipality',
    areaCode: '2326',
    venue: null,
    format: 'workshop',
    agenda: 'Logistik för småskaliga producenter\nFörädling av fisk och vilt',
    notes: 'Exempel.',
    areas: ['jord-skog-och-vatten'],
    organisations: [
      'Jämtsk Mat och Dryck AB (exempel)',
      'Norrlandsfisk AB (exempel)',
      'Bergs Byalag (exempel)',
      'Bergs kommun',
    ],
    countWomen: 10,
    countMen: 6,
    countOther: 0,
    isExample: true,
    inputs: [
      {
        area: 'jord-skog-och-vatten',
        kind: 'need',
        text: 'Gemensam logistik för småskaliga livsmedelsproducenter.',
        raisedBy: 'Jämtsk Mat och Dryck AB (exempel)',
        status: 'new',
      },
      {
        area: 'jord-skog-och-vatten',
        kind: 'idea',
        text: 'Förädla mer av fångsten från länets sjöar i länet.',
        raisedBy: 'Norrlandsfisk AB (exempel)',
        status: 'new',
      },
    ],
  },
  {
    title: 'Studiebesök: solpark och vätgas',
    heldOn: '2026-09-16',
    startsAt: '10:00',
    endsAt: '15:00',
    placeKind: 'municipality',
    areaCode: '2380',
    venue: 'Solparken (exempel)',
    format: 'study_visit',
    agenda: 'Besök vid solparken\nSamtal om vätgas och lagring',
    notes: 'Exempel.',
    areas: ['hallbar-energi'],
    organisations: [
      'Östersunds kommun',
      'Krokoms Solkraft AB (exempel)',
      'Mittuniversitetet',
      'Tillväxtverket',
      'Unga entreprenörer Jämtland (exempel)',
    ],
    countWomen: 5,
    countMen: 11,
    countOther: 0,
    isExample: true,
    inputs: [
      {
        area: 'hallbar-energi',
        kind: 'proposal',
        text: 'Undersök vätgasproduktion kopplad till solparken.',
        raisedBy: 'Krokoms Solkraft AB (exempel)',
        status: 'new',
      },
    ],
  },
  {
    title: 'Öppet möte: handlingsplanen för hållbar energi 2027',
    heldOn: '2027-02-17',
    startsAt: '13:00',
    endsAt: '16:00',
    placeKind: 'municipality',
    areaCode: '2380',
    venue: 'Campus Östersund (exempel)',
    format: 'open_meeting',
    agenda: 'Vad har hänt sedan förra året?\nPrioriteringar för 2027\nNya initiativ',
    notes: 'Exempel. Alla som vill bidra till styrkeområdet är välkomna; anmäl dig på styrkeområdets sida.',
    areas: ['hallbar-energi'],
    organisations: [],
    registrationOpen: true,
    isExample: true,
    inputs: [],
  },
  {
    title: 'Workshop: upplevelser och digitala lösningar',
    heldOn: '2027-03-10',
    startsAt: '09:30',
    endsAt: '12:00',
    placeKind: 'digital',
    venue: 'Teams',
    format: 'workshop',
    agenda: 'Digital försäljning och bokning\nData om besökare',
    notes: 'Exempel. Länk skickas till den som anmält sig.',
    areas: ['upplevelser', 'digitala-losningar'],
    organisations: [],
    registrationOpen: true,
    isExample: true,
    inputs: [],
  },
];

export async function seedDemoS3Meetings(db: Db, regionCode: string): Promise<Record<string, number>> {
  const system = { system: 'regionkraft seed --demo', regionCode };
  const added = { s3Meetings: 0, s3Inputs: 0 };
  const areas = await db
    .select({ id: t.strengthAreas.id, slug: t.strengthAreas.slug })
    .from(t.strengthAreas)
    .where(eq(t.strengthAreas.regionCode, regionCode));
  const areaId = new Map(areas.map((a) => [a.slug, a.id]));
  if (areaId.size === 0) return added;
  const organisationId = new Map(
    (
      await db
        .select({ id: t.organisations.id, name: t.organisations.name })
        .from(t.organisations)
        .where(eq(t.organisations.regionCode, regionCode))
    ).map((o) => [o.name, o.id]),
  );
  // Example initiatives of the areas part, first by title: input "taken into the action plan" links to one.
  const initiatives = await db
    .select({ id: t.s3Initiatives.id, areaId: t.s3Initiatives.strengthAreaId })
    .from(t.s3Initiatives)
    .where(
      and(eq(t.s3Initiatives.isExample, true), inArray(t.s3Initiatives.strengthAreaId, [...areaId.values()])),
    )
    .orderBy(asc(t.s3Initiatives.title));
  const initiativeOf = (slug: string) => initiatives.find((i) => i.areaId === areaId.get(slug))?.id ?? null;

  await db.transaction(async (tx) => {
    for (const demo of demoMeetings) {
      const strengthAreaIds = demo.areas.flatMap((slug) => areaId.get(slug) ?? []);
      if (strengthAreaIds.length === 0) continue;
      const [existing] = await tx
        .select({ id: t.s3Meetings.id })
        .from(t.s3Meetings)
        .where(
          and(
            eq(t.s3Meetings.regionCode, regionCode),
            eq(t.s3Meetings.title, demo.title),
            eq(t.s3Meetings.heldOn, demo.heldOn),
          ),
        );
      let meetingId = existing?.id;
      if (!meetingId) {
        const { areas: _a, organisations, inputs: _i, isExample, ...fields } = demo;
        meetingId = await insertMeeting(
          tx,
          system,
          {
            ...fields,
            strengthAreaIds,
            organisationIds: organisations.flatMap((name) => organisationId.get(name) ?? []),
            registrationOpen: demo.registrationOpen ?? false,
            visibility: 'published',
          },
          { isExample },
        );
        added.s3Meetings++;
      }
      const known = new Set(
        (
          await tx
            .select({ text: t.s3Inputs.text })
            .from(t.s3Inputs)
            .where(eq(t.s3Inputs.meetingId, meetingId))
        ).map((r) => r.text),
      );
      for (const input of demo.inputs) {
        if (known.has(input.text)) continue;
        const strengthAreaId = areaId.get(input.area);
        if (!strengthAreaId) continue;
        const initiativeId = input.toActionPlan ? initiativeOf(input.area) : null;
        const status: t.S3InputStatus =
          input.status === 'in_action_plan' && !initiativeId ? 'considered' : input.status;
        await insertInput(
          tx,
          system,
          meetingId,
          {
            strengthAreaId,
            kind: input.kind,
            text: input.text,
            raisedByOrganisationId: input.raisedBy ? (organisationId.get(input.raisedBy) ?? null) : null,
            status,
            statusReason: input.statusReason ?? null,
            initiativeId: status === 'in_action_plan' ? initiativeId : null,
          },
          { isExample: true },
        );
        added.s3Inputs++;
      }
    }
  });
  return added;
}
