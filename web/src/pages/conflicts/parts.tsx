import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { SdgResponse, SteeringResponse } from '../../api/client';
import type { ConflictSummary } from './api';
import type { ConflictStatus } from './labels';

/** The status as a badge whose text says it (the colour only repeats it). */
export function StatusBadge({ status }: { status: ConflictStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge conflict-status conflict-status-${status}`} data-testid="conflict-status">
      {t(`conflicts.statuses.${status}`)}
    </span>
  );
}

/** "Hög (3 av 3)". */
export function SeverityText({ severity }: { severity: number }) {
  const { t } = useTranslation();
  return <>{t('conflicts.severityWords', { word: t(`conflicts.severities.${severity}`), severity })}</>;
}

export function ExampleBadge() {
  const { t } = useTranslation();
  return (
    <span className="badge badge-off" title={t('conflicts.exampleHint')}>
      {t('conflicts.example')}
    </span>
  );
}

type Goal = ConflictSummary['goals'][number];

export type GoalName = {
  text: string;
  /** The full text (an Agenda 2030 target's wording), in the UI's language or marked with its own. */
  detail?: { text: string; lang?: string };
};

/**
 * The name of a goal in the reader's language: priorities, strength areas, national areas and
 * Agenda 2030 targets are looked up in the steering and SDG lists (the API's label is Swedish, or
 * for SDG targets the UN's English text); free text is shown as written. Most targets have no
 * Swedish wording: in Swedish they are named by number and goal, with the English text as detail.
 */
export function goalName(
  goal: Goal,
  lang: string,
  t: TFunction,
  steering: SteeringResponse | undefined,
  sdgs: SdgResponse | undefined,
): GoalName {
  const en = lang.startsWith('en');
  const pick = (text: { sv: string | null; en: string | null }) =>
    en ? (text.en ?? text.sv) : (text.sv ?? text.en);
  switch (goal.kind) {
    case 'priority': {
      const p = steering?.priorities.find((x) => x.id === goal.ref || String(x.number) === goal.ref);
      return { text: p ? `${p.number}. ${pick(p.title) ?? goal.label}` : goal.label };
    }
    case 'strength_area': {
      const s = steering?.strengthAreas.find((x) => x.id === goal.ref || x.slug === goal.ref);
      return { text: s ? (pick(s.name) ?? goal.label) : goal.label };
    }
    case 'national_area': {
      const n = steering?.nationalAreas.find((x) => String(x.code) === goal.ref);
      return { text: n ? `${n.code}. ${pick(n.title) ?? goal.label}` : goal.label };
    }
    case 'sdg_target': {
      for (const g of sdgs?.goals ?? []) {
        const target = g.targets.find((x) => x.id === goal.ref);
        if (!target) continue;
        const own = en ? target.title.en : target.title.sv;
        const other = en ? target.title.sv : target.title.en;
        const short = en ? null : target.shortSv;
        if (own) return { text: `${target.id} ${short ?? own}`, ...(short ? { detail: { text: own } } : {}) };
        return {
          text: t('conflicts.sdgTargetIn', { id: target.id, goal: pick(g.short) ?? pick(g.title) ?? g.goal }),
          ...(other ? { detail: { text: other, lang: en ? 'sv' : 'en' } } : {}),
        };
      }
      return { text: goal.label };
    }
    default:
      return { text: goal.label };
  }
}

/** Names joined the way the language joins a list ("Berg, Krokom och Åre"). */
export function joinNames(names: string[], lang: string): string {
  return new Intl.ListFormat(lang.startsWith('en') ? 'en-GB' : 'sv-SE', { type: 'conjunction' }).format(
    names,
  );
}

/** Dimensions as one phrase: "Ekonomisk hållbarhet, miljömässig hållbarhet och samiska förhållanden". */
export function dimensionList(t: TFunction, dimensions: readonly string[], lang: string): string {
  if (dimensions.length === 0) return '–';
  const text = joinNames(
    dimensions.map((d) => t(`conflicts.dimensionPhrases.${d}`)),
    lang,
  );
  return text.charAt(0).toLocaleUpperCase(lang) + text.slice(1);
}
