/**
 * Example data for the six steps and the self-assessments (`seed --demo`), all marked as example.
 * The timetable follows the domain notes: the analysis step used the OECD Territorial Review of
 * the Northern Sparsely Populated Areas (2017) and Oxford Research's analysis; the 2030 visions
 * were drafted by the actors between October 2020 and March 2021; action plans are built in open
 * meetings from 2021. Statuses, people and scores are example content. Adds only what is missing.
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/connection.ts';
import type { S3StepStatus } from '../../../db/schema.ts';
import * as t from '../../../db/schema.ts';
import { type S3StepKey, s3StepKeys } from './assessment-framework.ts';
import { insertAssessment, putStep } from './process-service.ts';

const system = (regionCode: string) => ({ system: 'regionkraft seed --demo', regionCode });

type DemoStep = {
  status: S3StepStatus;
  startedOn: string | null;
  dueOn: string | null;
  responsible: string | null;
  deliverables: { title: string; url: string | null }[];
  note?: string;
};

const oecd = {
  title: 'OECD Territorial Reviews: Northern Sparsely Populated Areas (2017)',
  url: 'https://doi.org/10.1787/9789264268234-en',
};
const oxford = {
  title: 'Oxford Research: Analys och kunskapsunderlag för smart specialisering',
  url: null,
};
const actionPlanPage =
  'https://www.regionjh.se/regionalutveckling/regionaltutvecklingsansvar/strategierochplaner/regionalutvecklingsstrategi/smartspecialisering/uppbyggnadavhandlingsplaneristyrkeomradena.4.56852503178d6f8050a75b8.html';
const officer = 'Region Jämtland Härjedalen, regional utveckling';

function stepsFor(slug: string, nameSv: string): Record<S3StepKey, DemoStep> {
  const late = slug === 'digitala-losningar';
  return {
    analysis: {
      status: 'done',
      startedOn: '2019-09-01',
      dueOn: '2020-09-11',
      responsible: officer,
      deliverables: [oecd, oxford],
    },
    governance: {
      status: slug === 'jord-skog-och-vatten' ? 'done' : 'ongoing',
      startedOn: '2020-09-21',
      dueOn: slug === 'jord-skog-och-vatten' ? '2021-06-30' : '2026-12-31',
      responsible: `${officer} med aktörerna i ${nameSv}`,
      deliverables: [{ title: `Arbetsformer för styrkeområdet ${nameSv} (exempel)`, url: null }],
    },
    vision: {
      status: 'done',
      startedOn: '2020-10-01',
      dueOn: '2021-03-31',
      responsible: `Aktörerna i öppna möten för ${nameSv}`,
      deliverables: [
        { title: `Vision 2030 för ${nameSv}`, url: null },
        { title: 'Uppbyggnad av handlingsplaner i styrkeområdena (regionjh.se)', url: actionPlanPage },
      ],
    },
    priorities:
      slug === 'upplevelser'
        ? {
            status: 'revisit',
            startedOn: '2021-04-01',
            dueOn: '2026-12-31',
            responsible: officer,
            deliverables: [{ title: 'Delområden med behov och utmaningar (utkast)', url: null }],
            note: 'Delområdena ses över efter synpunkter från de öppna mötena (exempel).',
          }
        : {
            status: 'ongoing',
            startedOn: late ? '2022-01-15' : '2021-04-01',
            dueOn: '2026-12-31',
            responsible: officer,
            deliverables: [{ title: 'Delområden med behov och utmaningar (utkast)', url: null }],
          },
    policy_mix: {
      status: 'ongoing',
      startedOn: late ? '2022-09-01' : '2021-09-01',
      dueOn: '2027-06-30',
      responsible: `${officer} och aktörerna i ${nameSv}`,
      deliverables: [{ title: `Handlingsplan för ${nameSv}`, url: null }],
    },
    monitoring:
      slug === 'hallbar-energi' || slug === 'jord-skog-och-vatten'
        ? {
            status: 'ongoing',
            startedOn: '2024-01-15',
            dueOn: '2027-12-31',
            responsible: 'Region Jämtland Härjedalen, analysenheten',
            deliverables: [{ title: 'Indikatorer för uppföljning (utkast)', url: null }],
          }
        : {
            status: 'not_started',
            startedOn: null,
            dueOn: '2027-06-30',
            responsible: null,
            deliverables: [],
          },
  };
}

/** 18 scores per assessment, step by step (three factors each), earlier and latest. */
const demoScores: Record<string, [string, string]> = {
  'jord-skog-och-vatten': ['433 332 433 322 221 111', '443 433 443 333 332 222'],
  upplevelser: ['433 332 433 332 222 110', '443 343 444 333 322 211'],
  'hallbar-energi': ['343 322 333 332 222 111', '443 333 433 433 332 221'],
  'digitala-losningar': ['322 222 322 221 111 010', '333 332 333 322 221 111'],
};

const demoComments: Partial<Record<`${S3StepKey}:${number}`, [string, string]>> = {
  'analysis:1': [
    'OECD:s granskning 2017 och Oxford Researchs analys ger en god grund.',
    'Analysen kompletterad med aktörernas bild från de öppna mötena.',
  ],
  'governance:2': [
    'Akademi och civilsamhälle deltar mer sällan än näringslivet.',
    'Fler organisationer deltar, men samiska aktörer behöver nås bättre.',
  ],
  'monitoring:1': [
    'Indikatorer saknas ännu för de flesta initiativ.',
    'Utkast till utfalls- och resultatindikatorer finns.',
  ],
};

const assessmentDates: [string, string] = ['2024-05-14', '2026-05-12'];

export async function seedDemoS3Process(db: Db, regionCode: string): Promise<Record<string, number>> {
  const areas = await db
    .select({ id: t.strengthAreas.id, slug: t.strengthAreas.slug, nameSv: t.strengthAreas.nameSv })
    .from(t.strengthAreas)
    .where(eq(t.strengthAreas.regionCode, regionCode))
    .orderBy(t.strengthAreas.position);
  let steps = 0;
  let assessments = 0;
  await db.transaction(async (tx) => {
    for (const area of areas) {
      const existing = new Set(
        (
          await tx
            .select({ step: t.s3Steps.step })
            .from(t.s3Steps)
            .where(eq(t.s3Steps.strengthAreaId, area.id))
        ).map((r) => r.step),
      );
      const plan = stepsFor(area.slug, area.nameSv);
      for (const step of s3StepKeys) {
        if (existing.has(step)) continue;
        const { note, ...rest } = plan[step];
        await putStep(
          tx,
          system(regionCode),
          area.id,
          step,
          0,
          { ...rest, note: note ?? null },
          {
            isExample: true,
          },
        );
        steps++;
      }
      const scores = demoScores[area.slug];
      if (!scores) continue;
      for (const [i, assessedOn] of assessmentDates.entries()) {
        const [already] = await tx
          .select({ id: t.s3Assessments.id })
          .from(t.s3Assessments)
          .where(
            and(
              eq(t.s3Assessments.strengthAreaId, area.id),
              eq(t.s3Assessments.assessedOn, assessedOn),
              eq(t.s3Assessments.isExample, true),
            ),
          );
        if (already) continue;
        const digits = (scores[i] ?? '').replaceAll(' ', '');
        await insertAssessment(
          tx,
          system(regionCode),
          area.id,
          {
            assessedOn,
            assessedBy: `Arbetsgruppen för ${area.nameSv} (exempel)`,
            note:
              i === 0
                ? 'Första självskattningen, gjord vid ett öppet möte (exempel).'
                : 'Uppföljande självskattning två år senare (exempel).',
            scores: s3StepKeys.flatMap((step, s) =>
              [1, 2, 3].map((factor) => ({
                step,
                factor,
                score: Number(digits[s * 3 + factor - 1] ?? 0),
                comment: demoComments[`${step}:${factor}`]?.[i] ?? null,
              })),
            ),
          },
          { isExample: true },
        );
        assessments++;
      }
    }
  });
  return { s3Steps: steps, s3Assessments: assessments };
}
