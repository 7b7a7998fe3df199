import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, localeFor } from '../../lib/format';
import type { ConflictStep } from './api';
import { ExampleBadge, StatusBadge } from './parts';

/**
 * The handling history, oldest first: each step with its date, status, who recorded it, what was
 * done (a measure, or a trade-off with its justification) and the indicator that follows it up.
 * The history is the record: nothing in it is ever changed, steps are only added.
 */
export function ConflictTimeline({ steps, highlightId }: { steps: ConflictStep[]; highlightId?: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const recordedAt = new Intl.DateTimeFormat(localeFor(lang), { dateStyle: 'medium', timeStyle: 'short' });
  const ordered = [...steps].sort((a, b) => a.sequence - b.sequence);
  // The steps are written in Swedish: marked so in the English UI.
  const sv = lang.startsWith('en') ? 'sv' : undefined;
  return (
    <ol className="conflict-timeline" data-testid="conflict-timeline">
      {ordered.map((s) => (
        <li
          key={s.id}
          id={`steg-${s.sequence}`}
          className={`timeline-step timeline-${s.status}${s.id === highlightId ? ' is-new' : ''}`}
          data-testid="timeline-step"
          data-status={s.status}
        >
          <div className="timeline-head">
            <time dateTime={s.date} className="timeline-date">
              {formatDate(s.date, lang)}
            </time>
            <StatusBadge status={s.status} />
            {s.isExample ? <ExampleBadge /> : null}
          </div>
          {s.text ? (
            <p className="timeline-text" lang={sv}>
              {s.text}
            </p>
          ) : null}
          {s.handling ? (
            <div className="timeline-handling">
              <p>
                <span className="timeline-label">{t('conflicts.steps.handlingLabel')}:</span>{' '}
                <strong>{t(`conflicts.handlings.${s.handling}`)}</strong>
              </p>
              {s.justification ? (
                <p>
                  <span className="timeline-label">{t('conflicts.steps.justification')}:</span>{' '}
                  <span lang={sv}>{s.justification}</span>
                </p>
              ) : null}
            </div>
          ) : null}
          {s.followUpIndicator ? (
            <p>
              <span className="timeline-label">{t('conflicts.steps.followUpIndicator')}:</span>{' '}
              <Link to={`/uppfoljning?indikator=${encodeURIComponent(s.followUpIndicator.id)}`}>
                {s.followUpIndicator.title}
              </Link>
            </p>
          ) : null}
          <p className="timeline-meta">
            {t('conflicts.steps.recordedBy', {
              who: s.recordedBy ?? t('conflicts.steps.theRegion'),
              when: recordedAt.format(new Date(s.recordedAt)),
            })}
          </p>
        </li>
      ))}
    </ol>
  );
}
