/**
 * The table rows an effort's parts become (pure). Used for one effort (create, change) and for
 * many at once (import), so both write exactly the same rows.
 */
import type { DbTransaction } from '../../db/connection.ts';
import * as t from '../../db/schema.ts';
import type { AuditActor } from '../audit/audit.ts';
import { percentToHundredths } from './effort-rules.ts';
import type { EffortInput } from './effort-schemas.ts';

export type Parts = Pick<
  EffortInput,
  'partners' | 'funding' | 'reach' | 'links' | 'assessments' | 'indicators'
>;
export type Assessor = { assessedByUserId: string | null; assessedByLabel: string };
type PreviousAssessment = typeof t.effortAssessments.$inferSelect;

export const assessorOf = (actor: AuditActor): Assessor =>
  'system' in actor
    ? { assessedByUserId: null, assessedByLabel: actor.system }
    : {
        assessedByUserId: actor.user?.id ?? null,
        assessedByLabel: actor.user?.name ?? actor.user?.email ?? '',
      };

const uniqueBy = <T>(items: T[], key: (item: T) => string) => [
  ...new Map(items.map((x) => [key(x), x])).values(),
];

/** Rows per table for the parts that are given; a part left out gives undefined (leave it be). */
export function partRows(
  effortId: string,
  parts: Partial<Parts>,
  assessor: Assessor,
  previous: PreviousAssessment[] = [],
) {
  const links = parts.links;
  return {
    partners:
      parts.partners &&
      uniqueBy(parts.partners, (p) => `${p.organisationId}|${p.role}`).map((p) => ({ effortId, ...p })),
    funding: parts.funding?.map((f, position) => ({
      effortId,
      position,
      source: f.source,
      financierOrganisationId: f.financierOrganisationId ?? null,
      year: f.year,
      amountSek: f.amountSek,
      status: f.status,
    })),
    reach: parts.reach?.municipalities.map((m) => ({
      effortId,
      areaCode: m.areaCode,
      shareHundredths: percentToHundredths(m.share) ?? 0,
    })),
    samebyar: parts.reach && [...new Set(parts.reach.samebyar)].map((areaCode) => ({ effortId, areaCode })),
    priorities: links && [...new Set(links.priorities)].map((priorityId) => ({ effortId, priorityId })),
    strengthAreas:
      links && [...new Set(links.strengthAreas)].map((strengthAreaId) => ({ effortId, strengthAreaId })),
    nationalAreas:
      links && [...new Set(links.nationalAreas)].map((nationalAreaCode) => ({ effortId, nationalAreaCode })),
    sdgTargets: links && [...new Set(links.sdgTargets)].map((sdgTargetId) => ({ effortId, sdgTargetId })),
    assessments: parts.assessments?.map((a) => {
      // An unchanged assessment keeps who made it and when; a changed one is the editor's.
      const same = previous.find(
        (p) =>
          p.dimension === a.dimension && p.score === a.score && (p.rationale ?? '') === (a.rationale ?? ''),
      );
      return {
        effortId,
        dimension: a.dimension,
        score: a.score,
        rationale: a.rationale?.trim() || null,
        ...(same
          ? {
              assessedByUserId: same.assessedByUserId,
              assessedByLabel: same.assessedByLabel,
              assessedAt: same.assessedAt,
            }
          : assessor),
      };
    }),
  };
}

/** Writes an effort's indicators and their values (each indicator needs its new id first). */
export async function insertIndicators(tx: DbTransaction, effortId: string, indicators: Parts['indicators']) {
  for (const [position, ind] of indicators.entries()) {
    const [row] = await tx
      .insert(t.effortIndicators)
      .values({
        effortId,
        position,
        kind: ind.kind,
        name: ind.name,
        unit: ind.unit,
        baseline: ind.baseline ?? null,
        target: ind.target ?? null,
      })
      .returning({ id: t.effortIndicators.id });
    const values = uniqueBy(ind.values, (v) => `${v.period}|${v.sex}|${v.areaCode ?? ''}`);
    if (row && values.length) {
      await tx.insert(t.effortIndicatorValues).values(
        values.map((v) => ({
          indicatorId: row.id,
          period: v.period,
          sex: v.sex,
          areaCode: v.areaCode ?? '',
          actual: v.actual,
        })),
      );
    }
  }
}
