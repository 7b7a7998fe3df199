import { useTranslation } from 'react-i18next';
import type { SteeringResponse } from '../api/client';
import { formatDate } from '../lib/format';
import { Localized } from './Localized';
import { SourceText } from './SourceText';

type Steering = SteeringResponse;

export function GoalQuote({ goal }: { goal: Steering['goal'] }) {
  const { t } = useTranslation();
  return (
    <figure className="goal">
      <p className="goal-label">{t('steering.goalLabel')}</p>
      <blockquote>
        <Localized as="p" text={goal.text} />
      </blockquote>
      {goal.source ? (
        <figcaption>
          <SourceText className="goal-source" source={goal.source} />
        </figcaption>
      ) : null}
    </figure>
  );
}

export function PriorityCards({
  priorities,
  detailed = false,
}: {
  priorities: Steering['priorities'];
  detailed?: boolean;
}) {
  const { t } = useTranslation();
  const sorted = [...priorities].sort((a, b) => a.number - b.number);
  return (
    <ol className="card-grid cards-3 priority-list" data-testid="priorities">
      {sorted.map((p) => (
        <li key={p.id} className="card priority-card">
          <span className="card-number" aria-hidden="true">
            {p.number}
          </span>
          <h3>
            <span className="visually-hidden">{t('steering.priorityNumber', { number: p.number })} </span>
            <Localized text={p.title} />
          </h3>
          <Localized as="p" className={detailed ? undefined : 'clamp'} text={p.description} />
        </li>
      ))}
    </ol>
  );
}

const AREA_ICONS: Record<string, string> = {
  'jord-skog-vatten': 'M12 3c-4 5-6 8-6 11a6 6 0 0 0 12 0c0-3-2-6-6-11Zm0 8v10',
  upplevelser: 'M3 20 9 8l4 7 3-4 5 9H3Z',
  'hallbar-energi': 'M13 2 4 14h7l-1 8 9-12h-7l1-8Z',
  'digitala-losningar': 'M4 5h16v11H4zM9 20h6M12 16v4',
};

export function StrengthAreaCards({
  areas,
  detailed = false,
}: {
  areas: Steering['strengthAreas'];
  detailed?: boolean;
}) {
  return (
    <ul className="card-grid cards-4 strength-list" data-testid="strength-areas">
      {areas.map((a) => (
        <li key={a.id} className="card strength-card">
          <svg className="card-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d={AREA_ICONS[a.slug] ?? 'M4 12h16M12 4v16'} />
          </svg>
          <h3>
            <Localized text={a.name} />
          </h3>
          <Localized as="p" className={detailed ? undefined : 'clamp'} text={a.description} />
        </li>
      ))}
    </ul>
  );
}

export function DocumentList({ documents }: { documents: Steering['documents'] }) {
  const { t, i18n } = useTranslation();
  return (
    <ul className="doc-list" data-testid="documents">
      {documents.map((d) => (
        <li key={d.id} className="doc-item">
          <p className="doc-kind">{t(`steering.kind.${d.kind}`, { defaultValue: d.kind })}</p>
          <h3 className="doc-title">
            {d.url ? (
              <a href={d.url} rel="noopener">
                <Localized text={d.title} />
              </a>
            ) : (
              <Localized text={d.title} />
            )}
          </h3>
          <dl className="doc-meta">
            <div>
              <dt>{t('steering.diarienummer')}</dt>
              <dd className="mono">{d.diarienummer}</dd>
            </div>
            {d.adoptedOn ? (
              <div>
                <dt>{t('steering.adoptedOn')}</dt>
                <dd>
                  <time dateTime={d.adoptedOn}>{formatDate(d.adoptedOn, i18n.language)}</time>
                </dd>
              </div>
            ) : null}
            {d.adoptedBy ? (
              <div>
                <dt>{t('steering.adoptedBy')}</dt>
                <dd>{d.adoptedBy}</dd>
              </div>
            ) : null}
          </dl>
        </li>
      ))}
    </ul>
  );
}
