import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client';
import { useSession } from '../../auth/session';
import { NotAllowed } from '../../components/NotAllowed';
import { PageHeader } from '../../components/PageHeader';
import { ErrorMessage, Loading } from '../../components/Status';
import { formatDate } from '../../lib/format';
import { useApi } from '../../lib/useApi';
import { ConflictsSubNav } from '../conflicts/ConflictsSubNav';
import { listConsultations } from './api';
import { HIDDEN_PARTY_NAME, isOutcome, OUTCOMES } from './labels';
import { DutyExplainer, OutcomeBadge, WarningCell } from './parts';
import './consultations.css';

/**
 * "Samråd med samer": the consultations under lag (2022:66) the reader may see, with the duty
 * explained, a filter by outcome, and for staff the way to record a new one.
 */
export function ConsultationListPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { session } = useSession();
  const [params, setParams] = useSearchParams();
  const outcomeParam = params.get('utfall');
  const outcome = isOutcome(outcomeParam) ? outcomeParam : undefined;
  const signedIn = session?.user?.id ?? '';
  const list = useApi(
    async () => (signedIn ? listConsultations(outcome ? { outcome } : {}) : []),
    [outcome, signedIn],
  );

  if (!session) return <Loading />;
  const status = list.error instanceof ApiError ? list.error.status : 0;
  if (!session.user || status === 401 || status === 403) {
    return <NotAllowed signedIn={Boolean(session.user) && status !== 401} />;
  }
  const staff = session.role === 'admin' || session.role === 'editor';
  const partner = session.role === 'partner';
  const setOutcome = (value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set('utfall', value);
    else next.delete('utfall');
    setParams(next, { replace: true });
  };

  return (
    <>
      <PageHeader title={t('consultations.title')} lead={t('consultations.lead')} />
      <ConflictsSubNav />
      <DutyExplainer />

      {partner ? (
        <p className="consultation-scope" data-testid="consultation-scope">
          {session.organisation
            ? t('consultations.list.partnerScope', { organisation: session.organisation.name })
            : t('consultations.list.partnerScopeNoOrganisation')}
        </p>
      ) : null}

      <div className="consultation-list-head">
        <search>
          <form className="toolbar consultation-filter" onSubmit={(e) => e.preventDefault()}>
            <label>
              {t('consultations.list.filterOutcome')}
              <select value={outcome ?? ''} onChange={(e) => setOutcome(e.target.value)}>
                <option value="">{t('consultations.list.allOutcomes')}</option>
                {OUTCOMES.map((o) => (
                  <option key={o} value={o}>
                    {t(`consultations.outcomes.${o}`)}
                  </option>
                ))}
              </select>
            </label>
          </form>
        </search>
        {staff ? (
          <div className="toolbar-actions">
            <Link className="button" to="/samrad/ny">
              {t('consultations.list.new')}
            </Link>
            <Link className="button button-secondary" to="/malkonflikter/forslag">
              {t('consultations.list.reviewQueue')}
            </Link>
          </div>
        ) : null}
      </div>

      {list.status === 'loading' ? <Loading /> : null}
      {list.status === 'error' ? <ErrorMessage error={list.error} /> : null}
      {list.status === 'ok' && list.data.length === 0 ? (
        <p className="consultation-empty" data-testid="consultation-empty">
          {outcome
            ? t('consultations.list.emptyFiltered')
            : partner
              ? t('consultations.list.emptyPartner')
              : t('consultations.list.empty')}
        </p>
      ) : null}
      {list.status === 'ok' && list.data.length > 0 ? (
        <>
          <p className="totals" aria-live="polite" data-testid="consultation-count">
            {t('consultations.list.count', { count: list.data.length })}
          </p>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be focusable */}
          <section className="table-wrap" aria-labelledby="consultation-table-caption" tabIndex={0}>
            <table className="data-table consultation-table" data-testid="consultation-table">
              <caption id="consultation-table-caption">{t('consultations.list.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('consultations.fields.matter')}</th>
                  <th scope="col">{t('consultations.fields.effort')}</th>
                  <th scope="col">{t('consultations.fields.parties')}</th>
                  <th scope="col">{t('consultations.fields.requestedOn')}</th>
                  <th scope="col">{t('consultations.list.status')}</th>
                  <th scope="col">{t('consultations.list.warnings')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.map((c) => (
                  <tr key={c.id}>
                    <th scope="row">
                      <Link to={`/samrad/${c.id}`} lang="sv">
                        {c.matterTitle}
                      </Link>
                      {c.isExample ? <span className="badge">{t('consultations.example')}</span> : null}
                      <span className="consultation-kind">
                        {t(`consultations.matterKinds.${c.matterKind}`)}
                      </span>
                    </th>
                    <td>{c.effort ? <Link to={`/insatser/${c.effort.id}`}>{c.effort.title}</Link> : '–'}</td>
                    <td>
                      {c.parties.length
                        ? c.parties
                            .map((p) =>
                              p.name === HIDDEN_PARTY_NAME ? t('consultations.otherParty') : p.name,
                            )
                            .join(', ')
                        : '–'}
                    </td>
                    <td className="nowrap">{c.requestedOn ? formatDate(c.requestedOn, lang) : '–'}</td>
                    <td>
                      <OutcomeBadge outcome={c.outcome} />
                      {c.outcomeOn ? (
                        <span className="consultation-kind">{formatDate(c.outcomeOn, lang)}</span>
                      ) : null}
                    </td>
                    <td>
                      <WarningCell warnings={c.warnings} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      ) : null}
    </>
  );
}
