import type { TFunction } from 'i18next';
import type { Suggestion } from './api';
import { formatScore } from './labels';
import { joinNames } from './parts';

/**
 * Why the data suggests a goal conflict, in plain words:
 * "Insatsen har +2 på ekonomisk hållbarhet men −1 på miljömässig hållbarhet."
 * "Insatsen når Krokom där Jijnjevaerie sameby finns, saknar samisk bedömning och inget samråd
 * finns registrerat."
 * "Samspelsmatrisen: X motverkar Y (−2)."
 */
export function suggestionReason(t: TFunction, s: Suggestion, lang: string): string {
  const scored = (list: { dimension: string; score: number }[]) =>
    joinNames(
      list.map((a) =>
        t('conflicts.reasons.scoreOn', {
          score: formatScore(a.score),
          dimension: t(`conflicts.dimensionPhrases.${a.dimension}`),
        }),
      ),
      lang,
    );
  switch (s.kind) {
    case 'effort_assessment':
      return s.positive.length > 0
        ? t('conflicts.reasons.assessment', { positive: scored(s.positive), negative: scored(s.negative) })
        : t('conflicts.reasons.assessmentNegative', { negative: scored(s.negative) });
    case 'sami_place': {
      const samebyar = joinNames(
        s.samebyar.map((x) => x.name),
        lang,
      );
      const where =
        s.municipalities.length > 0
          ? t('conflicts.reasons.samiReaches', {
              municipalities: joinNames(
                s.municipalities.map((m) => m.name),
                lang,
              ),
              samebyar,
              count: s.samebyar.length,
            })
          : t('conflicts.reasons.samiNames', { samebyar, count: s.samebyar.length });
      const assessment =
        s.samiScore === null
          ? t('conflicts.reasons.samiNoAssessment')
          : t('conflicts.reasons.samiScore', { score: formatScore(s.samiScore) });
      return t('conflicts.reasons.sami', { where, assessment });
    }
    case 'interaction_matrix': {
      const m = s.matrix;
      if (!m) return '';
      const verb = m.score <= -3 ? t('conflicts.reasons.cancels') : t('conflicts.reasons.counteracts');
      return t('conflicts.reasons.matrix', {
        row: m.row,
        column: m.column,
        verb,
        score: formatScore(m.score),
      });
    }
    default:
      return '';
  }
}
