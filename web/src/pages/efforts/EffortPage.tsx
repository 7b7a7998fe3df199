import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError, api, unwrap, unwrapEmpty } from '../../api/client';
import { getMunicipalityGeoJson } from '../../api/queries';
import { useSession } from '../../auth/session';
import { AuditHistory } from '../../components/AuditHistory';
import { MunicipalityMap } from '../../components/MunicipalityMap';
import { NotAllowed } from '../../components/NotAllowed';
import { PageHeader } from '../../components/PageHeader';
import { ErrorMessage, Loading } from '../../components/Status';
import { formatDate, formatNumber, localeFor } from '../../lib/format';
import { useApi } from '../../lib/useApi';
import { NotFoundPage } from '../not-found/NotFoundPage';
import { formatSek } from './labels';

/** One effort with all its parts, its municipalities on a map, and its change history. */
export function EffortPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { session } = useSession();
  const navigate = useNavigate();
  const signedIn = session?.user?.id ?? '';
  const effort = useApi(
    async () => unwrap(await api.GET('/api/v1/efforts/{id}', { params: { path: { id } } })),
    [id, signedIn],
  );
  const geo = useApi(getMunicipalityGeoJson, []);
  const [error, setError] = useState<string>();

  if (effort.status === 'loading' || !session) return <Loading />;
  if (effort.status === 'error') {
    const status = effort.error instanceof ApiError ? effort.error.status : 0;
    if (status === 401 || status === 403) return <NotAllowed signedIn={status === 403} />;
    if (status === 404 || status === 400)
      return <NotFoundPage title={t('efforts.notFound')} backTo="/insatser" backLabel={t('efforts.back')} />;
    return <ErrorMessage error={effort.error} />;
  }
  const e = effort.data;
  const staff = session.role === 'admin' || session.role === 'editor';
  const canEdit = staff || (session.role === 'partner' && e.owner?.id === session.organisation?.id);
  const number = (n: number | null) => (n === null ? '–' : formatNumber(n, lang));
  const remove = async () => {
    if (!window.confirm(t('efforts.confirmDelete', { title: e.title }))) return;
    try {
      unwrapEmpty(
        await api.DELETE('/api/v1/efforts/{id}', {
          params: { path: { id: e.id }, header: { 'if-match': `"${e.version}"` } },
        }),
      );
      navigate('/insatser');
    } catch (err) {
      setError((err as Error).message);
    }
  };
  const assessedAt = new Intl.DateTimeFormat(localeFor(lang), { dateStyle: 'medium' });

  return (
    <>
      <nav className="breadcrumbs" aria-label={t('common.breadcrumbs')}>
        <ol>
          <li>
            <Link to="/insatser">{t('efforts.title')}</Link>
          </li>
          <li aria-current="page">{e.title}</li>
        </ol>
      </nav>
      <PageHeader title={e.title} kicker={e.diarienummer ?? undefined} lead={e.summary ?? undefined}>
        <p className="badges">
          <span className="badge">{t(`efforts.statuses.${e.status}`)}</span>
          {e.visibility === 'internal' ? (
            <span className="badge badge-warn">{t('visibility.internal')}</span>
          ) : null}
          {e.isExample ? <span className="badge">{t('efforts.example')}</span> : null}
        </p>
      </PageHeader>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      {canEdit ? (
        <p className="toolbar-actions">
          <Link className="button" to={`/insatser/${e.id}/andra`}>
            {t('efforts.edit')}
          </Link>
          {staff ? (
            <button type="button" className="button button-danger" onClick={remove}>
              {t('efforts.delete')}
            </button>
          ) : null}
        </p>
      ) : null}

      <dl className="facts">
        <div>
          <dt>{t('efforts.period')}</dt>
          <dd>
            {e.startDate ? formatDate(e.startDate, lang) : '…'} –{' '}
            {e.endDate ? formatDate(e.endDate, lang) : '…'}
          </dd>
        </div>
        <div>
          <dt>{t('efforts.owner')}</dt>
          <dd>{e.owner ? <Link to={`/aktorer/${e.owner.id}`}>{e.owner.name}</Link> : t('efforts.region')}</dd>
        </div>
        <div>
          <dt>{t('efforts.targetGroups')}</dt>
          <dd>{e.targetGroups.length ? e.targetGroups.join(', ') : '–'}</dd>
        </div>
        <div>
          <dt>{t('efforts.partners')}</dt>
          <dd>
            {e.partners.length
              ? e.partners.map((p, i) => (
                  <span key={`${p.organisation.id}-${p.role}`}>
                    {i > 0 ? ', ' : ''}
                    <Link to={`/aktorer/${p.organisation.id}`}>{p.organisation.name}</Link> (
                    {t(`efforts.roles.${p.role}`)})
                  </span>
                ))
              : '–'}
          </dd>
        </div>
      </dl>
      {e.description ? <p className="description">{e.description}</p> : null}

      <section className="section" aria-labelledby="funding-title">
        <h2 id="funding-title">{t('efforts.funding')}</h2>
        <p>
          {t('efforts.fundingSummary', {
            total: formatSek(e.fundingTotals.totalSek, lang),
            decided: formatSek(e.fundingTotals.decidedSek, lang),
            planned: formatSek(e.fundingTotals.plannedSek, lang),
          })}
        </p>
        {e.funding.length ? (
          <div className="table-wrap">
            <table className="data-table">
              <caption className="visually-hidden">{t('efforts.funding')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('efforts.source')}</th>
                  <th scope="col">{t('efforts.financierOrganisation')}</th>
                  <th scope="col">{t('efforts.year')}</th>
                  <th scope="col">{t('efforts.fundingStatus')}</th>
                  <th scope="col" className="num">
                    {t('efforts.amount')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {e.funding.map((f, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: funding rows have no id of their own
                  <tr key={i}>
                    <td>{t(`efforts.sources.${f.source}`)}</td>
                    <td>{f.financier?.name ?? '–'}</td>
                    <td>{f.year}</td>
                    <td>{t(`efforts.fundingStatuses.${f.status}`)}</td>
                    <td className="num">{formatSek(f.amountSek, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>

      <section className="section" aria-labelledby="reach-title">
        <h2 id="reach-title">{t('efforts.reach')}</h2>
        <div className="profile-grid">
          <div className="profile-main">
            {e.reach.wholeCounty ? <p>{t('efforts.wholeCountyText')}</p> : null}
            <div className="table-wrap">
              <table className="data-table">
                <caption className="visually-hidden">{t('efforts.reach')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('efforts.municipality')}</th>
                    <th scope="col" className="num">
                      {t('efforts.share')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {e.reach.municipalities.map((m) => (
                    <tr key={m.areaCode}>
                      <td>
                        <Link to={`/kommuner/${m.areaCode}`}>{m.name}</Link>
                      </td>
                      <td className="num">{formatNumber(m.share, lang)} %</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {e.reach.samebyar.length ? (
              <p>
                {t('efforts.samebyar')}: {e.reach.samebyar.map((s) => s.name).join(', ')}
              </p>
            ) : null}
          </div>
          <div className="profile-side">
            {geo.status === 'ok' ? (
              <MunicipalityMap
                geojson={geo.data}
                mode="highlight"
                highlightCodes={e.reach.municipalities.map((m) => m.areaCode)}
                label={t('efforts.mapLabel', { names: e.reach.municipalities.map((m) => m.name).join(', ') })}
                height={260}
              />
            ) : null}
          </div>
        </div>
      </section>

      <section className="section" aria-labelledby="links-title">
        <h2 id="links-title">{t('efforts.links')}</h2>
        <dl className="facts">
          <div>
            <dt>{t('efforts.priorities')}</dt>
            <dd>{e.links.priorities.map((p) => `${p.number}. ${p.title}`).join('; ') || '–'}</dd>
          </div>
          <div>
            <dt>{t('efforts.strengthAreas')}</dt>
            <dd>{e.links.strengthAreas.map((s) => s.name).join(', ') || '–'}</dd>
          </div>
          <div>
            <dt>{t('efforts.nationalAreas')}</dt>
            <dd>{e.links.nationalAreas.map((n) => `${n.code}. ${n.title}`).join('; ') || '–'}</dd>
          </div>
          <div>
            <dt>{t('efforts.sdgTargets')}</dt>
            <dd>{e.links.sdgTargets.map((s) => s.id).join(', ') || '–'}</dd>
          </div>
        </dl>
      </section>

      <section className="section" aria-labelledby="assessment-title">
        <h2 id="assessment-title">{t('efforts.assessment')}</h2>
        {e.assessments.length ? (
          <div className="table-wrap">
            <table className="data-table">
              <caption className="visually-hidden">{t('efforts.assessment')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('efforts.dimension')}</th>
                  <th scope="col" className="num">
                    {t('efforts.score')}
                  </th>
                  <th scope="col">{t('efforts.rationale')}</th>
                  <th scope="col">{t('efforts.assessedBy')}</th>
                </tr>
              </thead>
              <tbody>
                {e.assessments.map((a) => (
                  <tr key={a.dimension}>
                    <td>{t(`efforts.dimensions.${a.dimension}`)}</td>
                    <td className="num">
                      {a.score > 0 ? `+${a.score}` : a.score < 0 ? `−${-a.score}` : '0'}
                    </td>
                    <td>{a.rationale ?? '–'}</td>
                    <td>
                      {a.assessedBy}, {assessedAt.format(new Date(a.assessedAt))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="muted">{t('efforts.noAssessment')}</p>
        )}
      </section>

      <section className="section" aria-labelledby="results-title">
        <h2 id="results-title">{t('efforts.results')}</h2>
        {e.indicators.length ? (
          e.indicators.map((ind, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: indicators are listed in their saved order
            <div key={i} className="table-wrap">
              <table className="data-table">
                <caption>
                  {ind.name} ({t(`efforts.indicatorKinds.${ind.kind}`)}, {ind.unit}) – {t('efforts.baseline')}{' '}
                  {number(ind.baseline)}, {t('efforts.target')} {number(ind.target)}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('efforts.periodColumn')}</th>
                    <th scope="col">{t('efforts.sex')}</th>
                    <th scope="col">{t('efforts.municipality')}</th>
                    <th scope="col" className="num">
                      {t('efforts.actual')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {ind.values.map((v) => (
                    <tr key={`${v.period}-${v.sex}-${v.areaCode}`}>
                      <td>{v.period}</td>
                      <td>{t(`efforts.sexes.${v.sex}`)}</td>
                      <td>{v.areaCode ?? t('efforts.wholeEffort')}</td>
                      <td className="num">{number(v.actual)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))
        ) : (
          <p className="muted">{t('efforts.noResults')}</p>
        )}
      </section>

      {session.permissions.readAudit ? <AuditHistory entity="effort" id={e.id} version={e.version} /> : null}
    </>
  );
}
