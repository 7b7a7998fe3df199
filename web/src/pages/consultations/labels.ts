import type { TFunction } from 'i18next';
import type { Consultation, Outcome } from './api';

export const MATTER_KINDS = ['effort', 'decision', 'document', 'other'] as const;
export const INITIATORS = ['region', 'sami_party'] as const;
export const FORMS = ['meeting', 'written', 'digital_meeting', 'other'] as const;
export const OUTCOMES = ['pending', 'agreement', 'consent', 'no_agreement_declared', 'exempted'] as const;
/** Outcomes that end a consultation (they need the date it ended). */
export const ENDED_OUTCOMES: readonly Outcome[] = ['agreement', 'consent', 'no_agreement_declared'];
/**
 * Organisation kinds that can be parties (the server refuses others): samebyar, Sami
 * organisations and government agencies (Sametinget is registered as one).
 */
export const PARTY_KINDS = ['sameby', 'sami_organisation', 'government_agency'] as const;

export type MatterKind = Consultation['matterKind'];
export type Initiator = Consultation['initiatedBy'];
export type ConsultationForm = NonNullable<Consultation['form']>;

export const isEnded = (outcome: Outcome) => ENDED_OUTCOMES.includes(outcome);

/** The badge class of an outcome (the text says it; the colour only repeats it). */
export function outcomeBadgeClass(outcome: Outcome): string {
  if (outcome === 'agreement' || outcome === 'consent') return 'badge badge-ok';
  if (outcome === 'pending') return 'badge consultation-badge-open';
  return 'badge badge-off';
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string | null | undefined): s is string => !!s && UUID.test(s);
export const isOutcome = (s: string | null | undefined): s is Outcome =>
  !!s && (OUTCOMES as readonly string[]).includes(s);

/** The label of the outcome date: when the consultation ended, or when the exemption was judged. */
export const outcomeDateLabel = (t: TFunction, outcome: Outcome): string =>
  outcome === 'exempted' ? t('consultations.fields.exemptedOn') : t('consultations.fields.outcomeOn');

/**
 * The name the API gives a party a partner may not see by name (an internal actor of another
 * organisation); the UI says it in its own language and does not link it.
 */
export const HIDDEN_PARTY_NAME = 'Annan part';
