/**
 * Example lessons and priority changes for `seed --demo`, all marked as example. The lessons cite
 * the example meetings of their strength area (found through s3_meeting_areas; none if the area
 * has none), and each change cites the lessons behind it. Adds only what is missing (matched by
 * title or summary), so a second run adds nothing.
 */
import { and, asc, eq, inArray, lte } from 'drizzle-orm';
import type { Db } from '../../../db/connection.ts';
import * as t from '../../../db/schema.ts';
import { todayInSweden } from '../../../shared/dates.ts';
import { insertChange, insertLesson } from './learning-service.ts';

const system = (regionCode: string) => ({ system: 'regionkraft seed --demo', regionCode });

type DemoLesson = {
  key: string;
  area: string | null;
  learnedOn: string;
  title: string;
  lesson: string;
  evidence: string;
};

const lessons: DemoLesson[] = [
  {
    key: 'forädling',
    area: 'jord-skog-och-vatten',
    learnedOn: '2025-04-01',
    title: 'Förädling nära råvaran kräver att små företag gör saker tillsammans',
    lesson:
      'Små sågverk, gårdar och livsmedelsföretag vill förädla mer i länet, men var för sig är de för små för att bära investeringen. Gemensamma anläggningar och samordnad logistik var det som oftast föreslogs.',
    evidence: 'Inspel från de öppna mötena om jord, skog och vatten. Siffrorna i exemplet är påhittade.',
  },
  {
    key: 'delomraden',
    area: 'jord-skog-och-vatten',
    learnedOn: '2026-05-05',
    title: 'Livsmedel och skog har för olika behov för ett gemensamt delområde',
    lesson:
      'När livsmedel och skogsnäring behandlades som ett delområde blev mötena för breda. Aktörerna har olika nätverk, olika behov och olika finansiärer, och många lämnade mötet halvvägs.',
    evidence: 'Deltagarnas utvärdering efter mötena och antalet som deltog i båda delarna (exempel).',
  },
  {
    key: 'aretrunt',
    area: 'upplevelser',
    learnedOn: '2025-10-20',
    title: 'Upplevelser året runt behöver ett eget fokus',
    lesson:
      'Vintern och skidåkningen dominerar, medan sommar och höst – fäbodkultur, mat och evenemang – saknar gemensam marknadsföring. Företag utanför fjällen säger att de inte känner igen sig i prioriteringarna.',
    evidence: 'Inspel från mötet om upplevelser och besöksstatistik per säsong (exempel).',
  },
  {
    key: 'kompetens',
    area: 'hallbar-energi',
    learnedOn: '2025-06-10',
    title: 'Brist på tekniker bromsar utbyggnaden av förnybar energi',
    lesson:
      'Företag inom vind, sol och värme har svårt att rekrytera tekniker och montörer. Utbildningsanordnarna var inte med i mötena, så ingen kunde svara på hur utbildningen ska byggas ut.',
    evidence: 'Inspel från energimötena; flera företag beskrev samma problem (exempel).',
  },
  {
    key: 'data',
    area: 'digitala-losningar',
    learnedOn: '2026-03-02',
    title: 'Små företag behöver hjälp att komma igång med sina data',
    lesson:
      'Många små företag samlar data men vet inte hur de kan använda dem. De efterfrågar korta, praktiska insatser snarare än stora forskningsprojekt.',
    evidence: 'Inspel från mötet om digitala lösningar (exempel).',
  },
  {
    key: 'samiska',
    area: null,
    learnedOn: '2026-01-15',
    title: 'Samiska perspektiv kommer in för sent i processen',
    lesson:
      'Samebyar och samiska organisationer har ofta bjudits in först när frågorna redan var formulerade. Dialogen behöver börja tidigare och på deras villkor, i alla styrkeområden.',
    evidence:
      'Erfarenheter från mötena och den samiska utvecklingsstrategin "Med samiska perspektiv" (Gaaltije, 2022). Formuleringen är ett exempel.',
  },
];

type DemoChange = {
  area: string | null;
  kind: (typeof t.s3ChangeKinds)[number];
  decidedOn: string;
  summary: string;
  lessons: string[];
};

const changes: DemoChange[] = [
  {
    area: 'jord-skog-och-vatten',
    kind: 'sub_areas',
    decidedOn: '2026-06-10',
    summary:
      'Delområdet för livsmedel och skog delas i två: Livsmedel och Skogsnäring, med egna behov och insatser i handlingsplanen. Gemensam förädling och logistik blir en insats i båda.',
    lessons: ['delomraden', 'forädling'],
  },
  {
    area: 'upplevelser',
    kind: 'priorities',
    decidedOn: '2025-12-10',
    summary:
      'Prioriteringen skärps från att utveckla besöksnäringen i stort till upplevelser året runt, med särskilt fokus på sommar och höst utanför fjällområdena.',
    lessons: ['aretrunt'],
  },
  {
    area: 'hallbar-energi',
    kind: 'action_plan',
    decidedOn: '2026-02-18',
    summary:
      'Insatsen "Kompetens för energiomställningen" läggs till i handlingsplanen, tillsammans med utbildningsanordnarna. Samebyar och samiska organisationer bjuds in när insatsen planeras.',
    lessons: ['kompetens', 'samiska'],
  },
];

const maxDate = (...dates: string[]) => dates.slice().sort().at(-1) as string;
const minDate = (...dates: string[]) => dates.slice().sort()[0] as string;

export async function seedDemoS3Learning(db: Db, regionCode: string): Promise<Record<string, number>> {
  const actor = system(regionCode);
  const today = todayInSweden();
  const areas = new Map(
    (
      await db
        .select({ id: t.strengthAreas.id, slug: t.strengthAreas.slug })
        .from(t.strengthAreas)
        .where(eq(t.strengthAreas.regionCode, regionCode))
    ).map((a) => [a.slug, a.id]),
  );
  const areaId = (slug: string | null) => (slug ? (areas.get(slug) ?? null) : null);

  // The example meetings already held, per strength area, oldest first.
  const meetings = await db
    .select({ id: t.s3Meetings.id, heldOn: t.s3Meetings.heldOn, areaId: t.s3MeetingAreas.strengthAreaId })
    .from(t.s3Meetings)
    .innerJoin(t.s3MeetingAreas, eq(t.s3MeetingAreas.meetingId, t.s3Meetings.id))
    .where(
      and(
        eq(t.s3Meetings.regionCode, regionCode),
        eq(t.s3Meetings.isExample, true),
        lte(t.s3Meetings.heldOn, today),
      ),
    )
    .orderBy(asc(t.s3Meetings.heldOn), asc(t.s3Meetings.title));

  const existingLessons = new Map(
    (
      await db
        .select({ id: t.s3Lessons.id, title: t.s3Lessons.title, learnedOn: t.s3Lessons.learnedOn })
        .from(t.s3Lessons)
        .where(
          and(
            eq(t.s3Lessons.regionCode, regionCode),
            eq(t.s3Lessons.isExample, true),
            inArray(
              t.s3Lessons.title,
              lessons.map((l) => l.title),
            ),
          ),
        )
    ).map((l) => [l.title, l]),
  );
  const existingChanges = new Set(
    (
      await db
        .select({ summary: t.s3PriorityChanges.summary })
        .from(t.s3PriorityChanges)
        .where(and(eq(t.s3PriorityChanges.regionCode, regionCode), eq(t.s3PriorityChanges.isExample, true)))
    ).map((c) => c.summary),
  );

  let addedLessons = 0;
  let addedChanges = 0;
  await db.transaction(async (tx) => {
    const byKey = new Map<string, { id: string; learnedOn: string }>();
    for (const l of lessons) {
      const found = existingLessons.get(l.title);
      if (found) {
        byKey.set(l.key, found);
        continue;
      }
      const id = areaId(l.area);
      if (l.area && !id) continue;
      const ofArea = meetings.filter((m) => m.areaId === id);
      // Up to two meetings held before the lesson; else the first one, and the lesson dated after it.
      // Never in the future (the example dates assume the demo is shown from late 2026 on).
      const base = minDate(l.learnedOn, today);
      let cited = id ? ofArea.filter((m) => m.heldOn <= base).slice(-2) : [];
      if (id && cited.length === 0 && ofArea[0]) cited = [ofArea[0]];
      const learnedOn = maxDate(base, ...cited.map((m) => m.heldOn));
      const lessonId = await insertLesson(
        tx,
        actor,
        {
          strengthAreaId: id,
          title: l.title,
          lesson: l.lesson,
          evidence: l.evidence,
          learnedOn,
          meetingIds: cited.map((m) => m.id),
        },
        { isExample: true },
      );
      byKey.set(l.key, { id: lessonId, learnedOn });
      addedLessons += 1;
    }
    for (const c of changes) {
      if (existingChanges.has(c.summary)) continue;
      const cited = c.lessons.flatMap((key) => byKey.get(key) ?? []);
      if (cited.length === 0 || (c.area && !areaId(c.area))) continue;
      await insertChange(
        tx,
        actor,
        {
          strengthAreaId: areaId(c.area),
          kind: c.kind,
          summary: c.summary,
          decidedOn: maxDate(minDate(c.decidedOn, today), ...cited.map((l) => l.learnedOn)),
          decidedBy: 'Regionala utvecklingsnämnden (exempel)',
          reference: 'Exempel – inget verkligt diarienummer',
          lessonIds: cited.map((l) => l.id),
        },
        { isExample: true },
      );
      addedChanges += 1;
    }
  });
  return { s3Lessons: addedLessons, s3PriorityChanges: addedChanges };
}
