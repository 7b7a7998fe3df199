/**
 * Rules of a Sami consultation record under lag (2022:66), as pure functions: what a record must
 * say for its outcome, and the warnings it raises.
 */
import type { ConsultationOutcome } from '../../../db/schema.ts';
import type { FieldError } from '../../../server/problem.ts';

export type ConsultationFacts = {
  outcome: ConsultationOutcome;
  outcomeOn: string | null;
  exemptionGround: string | null;
  requestedOn: string | null;
  decisionText: string | null;
  decisionOn: string | null;
  partyCount: number;
};

/** What a record must say. `matter` and `today` (ISO) add the checks only a change needs. */
export function consultationProblems(
  c: ConsultationFacts,
  matter: { matterKind?: string; effortId?: string | null; today?: string } = {},
): FieldError[] {
  const problems: FieldError[] = [];
  const add = (field: string, message: string) => problems.push({ field: `body.${field}`, message });
  const hasGround = (c.exemptionGround ?? '').trim() !== '';
  if (c.outcome === 'exempted' && !hasGround) add('exemptionGround', 'an exemption (§ 4) needs its ground');
  if (c.outcome !== 'exempted' && hasGround)
    add('exemptionGround', 'only an exempted matter has an exemption ground');
  if (c.outcome !== 'pending' && c.outcome !== 'exempted' && !c.outcomeOn) {
    add('outcomeOn', 'give the date the consultation ended');
  }
  if (c.outcome === 'pending' && c.outcomeOn) add('outcomeOn', 'an open consultation has no end date');
  if (c.outcome !== 'exempted' && c.partyCount === 0) add('partyIds', 'name at least one Sami party');
  if (c.requestedOn && c.outcomeOn && c.outcomeOn < c.requestedOn) {
    add('outcomeOn', 'must not be before the request');
  }
  if (c.decisionOn && !(c.decisionText ?? '').trim()) add('decisionText', 'describe the decision');
  if (matter.matterKind === 'effort' && !matter.effortId)
    add('effortId', 'choose the effort the matter is about');
  if (matter.today && c.outcomeOn && c.outcomeOn > matter.today)
    add('outcomeOn', 'must not be in the future');
  return problems;
}

export type ConsultationWarning = {
  code: 'decision_while_open' | 'decision_before_outcome';
  message: string;
};

/** A decision on the matter while the consultation is still open (or dated before it ended). */
export function consultationWarnings(c: ConsultationFacts): ConsultationWarning[] {
  const decided = (c.decisionText ?? '').trim() !== '' || c.decisionOn !== null;
  if (!decided) return [];
  if (c.outcome === 'pending') {
    return [
      {
        code: 'decision_while_open',
        message: 'A decision is recorded on the matter while the consultation is still open',
      },
    ];
  }
  if (c.decisionOn && c.outcomeOn && c.decisionOn < c.outcomeOn) {
    return [
      { code: 'decision_before_outcome', message: 'The decision is dated before the consultation ended' },
    ];
  }
  return [];
}
