import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { useSession } from '../../auth/session';
import { AuditHistory } from '../../components/AuditHistory';
import { NotAllowed } from '../../components/NotAllowed';
import { PageHeader } from '../../components/PageHeader';
import { ErrorMessage, Loading } from '../../components/Status';
import { formatDate } from '../../lib/format';
import { useApi } from '../../lib/useApi';
import { ConflictsSubNav } from '../conflicts/ConflictsSubNav';
import { NotFoundPage } from '../not-found/NotFoundPage';
import { getConsultation } from './api';
import { HIDDEN_PARTY_NAME, isEnded, isOutcome, outcomeDateLabel } from './labels';
import { OutcomeBadge, WarningBox } from './parts';
import './consultations.css';

/** One consultation: the matter, parties, meetings, documents, outcome, decision and warnings. */
export function ConsultationPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { session } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  // The notice after saving is read once from the navigation state and kept here; the state is
  // cleared so that it does not come back on a refresh or on the way back.
  const arrivedSaved = (location.state as { saved?: boolean } | null)?.saved === true;
  const [saved, setSaved] = useState(arrivedSaved);
  useEffect(() => {
    if (!arrivedSaved) return;
    setSaved(true);
    navigate(location.pathname, { replace: true, state: null });
  }, [arrivedSaved, location.pathname, navigate]);
  const signedIn = session?.user?.id ?? '';
  const record = useApi(async () => (signedIn ? getConsultation(id) : undefined), [id, signedIn]);

  if (!session) return <Loading />;
  const status = record.error instanceof ApiError ? record.error.status : 0;
  if (!session.user || status === 401 || status === 403) {
    return <NotAllowed signedIn={Boolean(session.user) && status !== 401} />;
  }
  if (record.status === 'loading' || !record.data) {
    if (record.status === 'error') {
      if (status === 404 || status === 400)
        return (
          <NotFoundPage
            title={t('consultations.page.notFound')}
            backTo="/samrad"
            backLabel={t('consultations.page.back')}
          />
        );
      return <ErrorMessage error={record.error} />;
    }
    return <Loading />;
  }
  const c = record.data;
  const staff = session.role === 'admin' || session.role === 'editor';
  const date = (iso: string | null) => (iso ? formatDate(iso, lang) : '–');
  const meetings = [...c.meetings].sort((a, b) => a.date.localeCompare(b.date));

  return (
    <>
      <nav className="breadcrumbs" aria-label={t('common.breadcrumbs')}>
        <ol>
          <li>
            <Link to="/samrad">{t('consultations.title')}</Link>
          </li>
          <li aria-current="page" lang="sv">
            {c.matterTitle}
          </li>
        </ol>
      </nav>
      {/* The matter's name is recorded in Swedish; the kicker and the badges are in the UI's language. */}
      <p className="kicker">{t('consultations.page.kicker')}</p>
      <div lang="sv">
        <PageHeader title={c.matterTitle}>
          <p className="badges" lang={lang}>
            <OutcomeBadge outcome={c.outcome} />
            {c.isExample ? <span className="badge">{t('consultations.example')}</span> : null}
          </p>
        </PageHeader>
      </div>
      <ConflictsSubNav />
      {saved ? (
        <p className="form-ok" role="status">
          {t('consultations.page.saved')}
        </p>
      ) : null}

      <WarningBox warnings={c.warnings} />

      {staff ? (
        <p className="toolbar-actions">
          <Link className="button" to={`/samrad/${c.id}/andra`}>
            {t('consultations.page.edit')}
          </Link>
        </p>
      ) : null}

      <dl className="facts">
        <div>
          <dt>{t('consultations.fields.matterKind')}</dt>
          <dd>{t(`consultations.matterKinds.${c.matterKind}`)}</dd>
        </div>
        <div>
          <dt>{t('consultations.fields.effort')}</dt>
          <dd>{c.effort ? <Link to={`/insatser/${c.effort.id}`}>{c.effort.title}</Link> : '–'}</dd>
        </div>
        <div>
          <dt>{t('consultations.fields.initiatedBy')}</dt>
          <dd>{t(`consultations.initiators.${c.initiatedBy}`)}</dd>
        </div>
        <div>
          <dt>{t('consultations.fields.requestedOn')}</dt>
          <dd>{date(c.requestedOn)}</dd>
        </div>
        <div>
          <dt>{t('consultations.fields.form')}</dt>
          <dd>{c.form ? t(`consultations.forms.${c.form}`) : '–'}</dd>
        </div>
      </dl>

      <section className="section" aria-labelledby="significance-title">
        <h2 id="significance-title">{t('consultations.fields.significance')}</h2>
        {c.significance ? (
          <p className="description" lang="sv">
            {c.significance}
          </p>
        ) : (
          <p className="description">{t('consultations.page.noSignificance')}</p>
        )}
      </section>

      <section className="section" aria-labelledby="parties-title">
        <h2 id="parties-title">{t('consultations.fields.parties')}</h2>
        {c.parties.length ? (
          <ul className="consultation-parties" data-testid="consultation-parties">
            {c.parties.map((p) => (
              <li key={p.id}>
                {p.name === HIDDEN_PARTY_NAME ? (
                  t('consultations.otherParty')
                ) : (
                  <Link to={`/aktorer/${p.id}`}>{p.name}</Link>
                )}
                <span className="muted"> – {t(`actors.kinds.${p.kind}`)}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('consultations.page.noParties')}</p>
        )}
      </section>

      <section className="section" aria-labelledby="meetings-title">
        <h2 id="meetings-title">{t('consultations.fields.meetings')}</h2>
        {meetings.length ? (
          <ol className="consultation-meetings" data-testid="consultation-meetings">
            {meetings.map((m, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: meetings have no id of their own
              <li key={i}>
                <time dateTime={m.date} className="consultation-meeting-date">
                  {formatDate(m.date, lang)}
                </time>
                <span className="consultation-meeting-form" lang="sv">
                  {m.form}
                </span>
                {m.note ? (
                  <p className="description" lang="sv">
                    {m.note}
                  </p>
                ) : null}
              </li>
            ))}
          </ol>
        ) : (
          <p>{t('consultations.page.noMeetings')}</p>
        )}
      </section>

      <section className="section" aria-labelledby="documents-title">
        <h2 id="documents-title">{t('consultations.fields.documents')}</h2>
        {c.documents.length ? (
          <ul className="consultation-documents" data-testid="consultation-documents">
            {c.documents.map((d, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: documents have no id of their own
              <li key={i}>
                {d.url ? (
                  <a href={d.url} rel="noopener noreferrer" lang="sv">
                    {d.title}
                  </a>
                ) : (
                  <>
                    <span lang="sv">{d.title}</span>{' '}
                    <span className="muted">{t('consultations.page.noLink')}</span>
                  </>
                )}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('consultations.page.noDocuments')}</p>
        )}
      </section>

      <section className="section" aria-labelledby="outcome-title">
        <h2 id="outcome-title">{t('consultations.fields.outcome')}</h2>
        <dl className="facts" data-testid="consultation-outcome">
          <div>
            <dt>{t('consultations.page.status')}</dt>
            <dd>
              <OutcomeBadge outcome={c.outcome} />
              <span className="consultation-outcome-hint">
                {t(`consultations.outcomeHints.${c.outcome}`)}
              </span>
            </dd>
          </div>
          {isEnded(c.outcome) || c.outcomeOn ? (
            <div>
              <dt>{outcomeDateLabel(t, c.outcome)}</dt>
              <dd data-testid="consultation-outcome-on">{date(c.outcomeOn)}</dd>
            </div>
          ) : null}
          {c.outcome === 'exempted' ? (
            <div className="facts-wide">
              <dt>{t('consultations.fields.exemptionGround')}</dt>
              <dd className="description" lang={c.exemptionGround ? 'sv' : undefined}>
                {c.exemptionGround ?? '–'}
              </dd>
            </div>
          ) : null}
          {c.outcomeNote ? (
            <div className="facts-wide">
              <dt>{t('consultations.fields.outcomeNote')}</dt>
              <dd className="description" lang="sv">
                {c.outcomeNote}
              </dd>
            </div>
          ) : null}
        </dl>
      </section>

      <section className="section" aria-labelledby="decision-title">
        <h2 id="decision-title">{t('consultations.page.decision')}</h2>
        {c.decisionText || c.decisionOn ? (
          <dl className="facts" data-testid="consultation-decision">
            <div className="facts-wide">
              <dt>{t('consultations.fields.decisionText')}</dt>
              <dd className="description" lang={c.decisionText ? 'sv' : undefined}>
                {c.decisionText ?? '–'}
              </dd>
            </div>
            <div>
              <dt>{t('consultations.fields.decisionOn')}</dt>
              <dd>{date(c.decisionOn)}</dd>
            </div>
          </dl>
        ) : (
          <p>{t('consultations.page.noDecision')}</p>
        )}
      </section>

      {session.permissions.readAudit ? (
        // The trail's table is wide: on a narrow screen this box scrolls (the table does not).
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be focusable
        <section className="consultation-audit" aria-label={t('audit.title')} tabIndex={0}>
          <AuditHistory
            entity="sami_consultation"
            id={c.id}
            version={c.version}
            fieldLabel={(field) => auditFieldLabel(t, field)}
            formatValue={(field, value) => auditValue(t, field, value, lang)}
          />
        </section>
      ) : null}
    </>
  );
}

const AUDIT_FIELDS = new Set([
  'matterKind',
  'matterTitle',
  'effort',
  'significance',
  'initiatedBy',
  'requestedOn',
  'parties',
  'meetings',
  'form',
  'documents',
  'outcome',
  'outcomeOn',
  'outcomeNote',
  'exemptionGround',
  'decisionText',
  'decisionOn',
]);

function auditFieldLabel(t: TFunction, field: string): string {
  if (field === 'id' || field === 'isExample') return t(`consultations.audit.${field}`);
  return AUDIT_FIELDS.has(field) ? t(`consultations.fields.${field}`) : field;
}

/** Codes and lists of the audit trail as the reader knows them. */
function auditValue(t: TFunction, field: string, value: unknown, lang: string): string | undefined {
  if (field === 'isExample' && typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (field === 'outcome' && typeof value === 'string' && isOutcome(value))
    return t(`consultations.outcomes.${value}`);
  if (field === 'matterKind' && typeof value === 'string') return t(`consultations.matterKinds.${value}`);
  if (field === 'initiatedBy' && typeof value === 'string') return t(`consultations.initiators.${value}`);
  if (field === 'form' && typeof value === 'string') return t(`consultations.forms.${value}`);
  if (/On$/.test(field) && typeof value === 'string') return formatDate(value, lang);
  if (field === 'effort' && value && typeof value === 'object' && 'title' in value)
    return String((value as { title: unknown }).title);
  if (field === 'parties' && Array.isArray(value))
    return value.map((p) => String((p as { name?: unknown }).name ?? '')).join(', ') || '–';
  if (field === 'meetings' && Array.isArray(value))
    return (
      value
        .map((m) => {
          const meeting = m as { date?: string; form?: string };
          return `${meeting.date ? formatDate(meeting.date, lang) : ''} ${meeting.form ?? ''}`.trim();
        })
        .join('; ') || '–'
    );
  if (field === 'documents' && Array.isArray(value))
    return value.map((d) => String((d as { title?: unknown }).title ?? '')).join('; ') || '–';
  return undefined;
}
