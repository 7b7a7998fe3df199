import { Trans, useTranslation } from 'react-i18next';
import type { Consultation, Outcome } from './api';
import { outcomeBadgeClass } from './labels';

/** The outcome as a text badge ("Pågår", "Enighet", "Undantaget (4 §)"). */
export function OutcomeBadge({ outcome }: { outcome: Outcome }) {
  const { t } = useTranslation();
  return <span className={outcomeBadgeClass(outcome)}>{t(`consultations.outcomes.${outcome}`)}</span>;
}

/** Warnings of a record in a table cell: icon and text, by code (not the server's English). */
export function WarningCell({ warnings }: { warnings: Consultation['warnings'] }) {
  const { t } = useTranslation();
  if (warnings.length === 0) return <span className="muted">{t('consultations.list.noWarnings')}</span>;
  return (
    <ul className="consultation-warning-cell">
      {warnings.map((w) => (
        <li key={w.code}>
          <span className="consultation-warning-icon" aria-hidden="true">
            ⚠
          </span>{' '}
          {t(`consultations.warnings.${w.code}.title`)}
        </li>
      ))}
    </ul>
  );
}

/** The warnings of one record, prominent, with what they mean and what to do. */
export function WarningBox({ warnings }: { warnings: Consultation['warnings'] }) {
  const { t } = useTranslation();
  if (warnings.length === 0) return null;
  return (
    <section className="consultation-warnings" aria-labelledby="consultation-warnings-title">
      <h2 id="consultation-warnings-title">
        <span className="consultation-warning-icon" aria-hidden="true">
          ⚠
        </span>{' '}
        {t('consultations.warnings.heading', { count: warnings.length })}
      </h2>
      <ul>
        {warnings.map((w) => (
          <li key={w.code} data-testid={`warning-${w.code}`}>
            <strong>{t(`consultations.warnings.${w.code}.title`)}</strong>
            <p>{t(`consultations.warnings.${w.code}.text`)}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Swedish terms in the English text (the law's name) are marked as Swedish. */
const SWEDISH = { sv: <span lang="sv" /> };

/** What the law asks of the region, in plain language, with the law's name. */
export function DutyExplainer() {
  const { t } = useTranslation();
  return (
    <section className="consultation-duty" aria-labelledby="consultation-duty-title">
      <h2 id="consultation-duty-title">{t('consultations.duty.title')}</h2>
      <p>
        <Trans i18nKey="consultations.duty.law" components={SWEDISH} />
      </p>
      <p>
        <strong>{t('consultations.duty.significanceTerm')}</strong> {t('consultations.duty.significance')}
      </p>
      <p>
        <strong>{t('consultations.duty.exemptionsTerm')}</strong>{' '}
        <Trans i18nKey="consultations.duty.exemptions" components={SWEDISH} />
      </p>
      <details className="consultation-duty-more">
        <summary>{t('consultations.duty.more')}</summary>
        <p>{t('consultations.duty.who')}</p>
        <p>{t('consultations.duty.process')}</p>
      </details>
    </section>
  );
}
