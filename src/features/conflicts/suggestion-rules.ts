/**
 * Conflicts surfaced automatically, as pure functions of the data: a review queue for editors,
 * never silent creation. Each suggestion has a stable key and a hash of the inputs that raised
 * it; a dismissed suggestion comes back only when that hash changes.
 */
import { createHash } from 'node:crypto';
import type { AssessmentDimension } from '../../db/schema.ts';

export type EffortForSuggestions = {
  id: string;
  title: string;
  assessments: { dimension: AssessmentDimension; score: number }[];
  /** Municipalities the effort reaches (all of them when it reaches the whole county). */
  municipalities: string[];
  /** Samebyar the effort names. */
  samebyar: string[];
  /** A consultation (of any outcome, or an exemption) is on record for the effort. */
  hasConsultation: boolean;
};

export type AssessmentSuggestion = {
  kind: 'effort_assessment';
  key: string;
  inputsHash: string;
  effortId: string;
  /** The scores that raised it: strongly positive (≥ +2) and negative (≤ −1) ones. */
  positive: { dimension: AssessmentDimension; score: number }[];
  negative: { dimension: AssessmentDimension; score: number }[];
};

export type SamiPlaceSuggestion = {
  kind: 'sami_place';
  key: string;
  inputsHash: string;
  effortId: string;
  /** Samebyar the effort names or that are stated present where it reaches. */
  samebyar: string[];
  /** The reached municipalities where a sameby is stated to be present. */
  municipalities: string[];
  /** The effort's Sami-conditions score, null when it has none. */
  samiScore: number | null;
};

export type MatrixSuggestion = {
  kind: 'interaction_matrix';
  key: string;
  inputsHash: string;
  matrixId: string;
  rowNodeId: string;
  columnNodeId: string;
  score: number;
};

export type Suggestion = AssessmentSuggestion | SamiPlaceSuggestion | MatrixSuggestion;

/** A short, stable hash of JSON-able inputs (object keys sorted so order does not matter). */
export function hashInputs(inputs: unknown): string {
  const canonical = JSON.stringify(inputs, (_key, value) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : value,
  );
  return createHash('sha256').update(canonical).digest('hex').slice(0, 16);
}

const byDimension = (a: { dimension: string }, b: { dimension: string }) =>
  a.dimension < b.dimension ? -1 : a.dimension > b.dimension ? 1 : 0;

/** An effort scored ≥ +2 on one dimension and ≤ −1 on another, or ≤ −2 anywhere. */
export function assessmentSuggestion(effort: EffortForSuggestions): AssessmentSuggestion | null {
  const scores = [...effort.assessments].sort(byDimension);
  const positive = scores.filter((a) => a.score >= 2);
  const negative = scores.filter((a) => a.score <= -1);
  const raised = (positive.length > 0 && negative.length > 0) || scores.some((a) => a.score <= -2);
  if (!raised) return null;
  return {
    kind: 'effort_assessment',
    key: `assessment:${effort.id}`,
    // Only the scores that raise it: a change elsewhere does not bring back a decided suggestion.
    inputsHash: hashInputs({ positive, negative }),
    effortId: effort.id,
    positive,
    negative,
  };
}

/**
 * An effort that names a sameby, or reaches a municipality where a sameby is stated to be
 * present, with a Sami-conditions score ≤ −1 or none at all, and no consultation on record.
 * `samebyarByMunicipality` holds only stated presence (not unverified listings).
 */
export function samiPlaceSuggestion(
  effort: EffortForSuggestions,
  samebyarByMunicipality: ReadonlyMap<string, readonly string[]>,
): SamiPlaceSuggestion | null {
  if (effort.hasConsultation) return null;
  const municipalities = [...new Set(effort.municipalities)]
    .filter((code) => (samebyarByMunicipality.get(code)?.length ?? 0) > 0)
    .sort();
  const samebyar = [
    ...new Set([
      ...effort.samebyar,
      ...municipalities.flatMap((code) => samebyarByMunicipality.get(code) ?? []),
    ]),
  ].sort();
  if (samebyar.length === 0) return null;
  const sami = effort.assessments.find((a) => a.dimension === 'sami_conditions');
  const samiScore = sami ? sami.score : null;
  if (samiScore !== null && samiScore > -1) return null;
  return {
    kind: 'sami_place',
    key: `sami-place:${effort.id}`,
    inputsHash: hashInputs({ samebyar, municipalities, samiScore }),
    effortId: effort.id,
    samebyar,
    municipalities,
    samiScore,
  };
}

/** A combined interaction-matrix cell scored −2 or −3. */
export function matrixSuggestions(
  matrixId: string,
  cells: { rowNodeId: string; columnNodeId: string; score: number | null }[],
): MatrixSuggestion[] {
  return cells
    .filter((c): c is typeof c & { score: number } => c.score !== null && c.score <= -2)
    .map((c) => ({
      kind: 'interaction_matrix' as const,
      key: `matrix:${matrixId}:${c.rowNodeId}:${c.columnNodeId}`,
      inputsHash: hashInputs({ score: c.score }),
      matrixId,
      rowNodeId: c.rowNodeId,
      columnNodeId: c.columnNodeId,
      score: c.score,
    }));
}

/** What the queue shows: suggestions without a decision on the same inputs. */
export function openSuggestions<S extends { key: string; inputsHash: string }>(
  suggestions: S[],
  decisions: ReadonlyMap<string, string>,
): S[] {
  return suggestions.filter((s) => decisions.get(s.key) !== s.inputsHash);
}
