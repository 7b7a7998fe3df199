import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { getArea, getMunicipalityGeoJson } from '../../api/queries';
import { MunicipalityMap } from '../../components/MunicipalityMap';
import { PageHeader } from '../../components/PageHeader';
import { ScbSource } from '../../components/SourceNote';
import { SourceText } from '../../components/SourceText';
import { ErrorMessage, Loading } from '../../components/Status';
import { formatNumber, sortByName } from '../../lib/format';
import { useApi } from '../../lib/useApi';
import { NotFoundPage } from '../not-found/NotFoundPage';
import {
  ProfileEffortsSection,
  ProfileIndicatorsAndDevelopment,
  useMunicipalityProfile,
} from './MunicipalityProfile';
import { PopulationChart, toRows } from './PopulationChart';

export function MunicipalityPage() {
  const { code = '' } = useParams();
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const area = useApi(() => getArea(code), [code]);
  const geo = useApi(getMunicipalityGeoJson, []);
  const profile = useMunicipalityProfile(code);

  const notFound =
    (area.status === 'error' &&
      area.error instanceof ApiError &&
      (area.error.status === 404 || area.error.status === 400)) ||
    (area.status === 'ok' && area.data.type !== 'municipality');
  if (notFound) {
    return (
      <NotFoundPage
        title={t('municipality.notFoundTitle')}
        text={t('municipality.notFoundText', { code })}
        backTo="/kommuner"
        backLabel={t('municipality.backToList')}
      />
    );
  }
  if (area.status === 'loading') return <Loading />;
  if (area.status === 'error') return <ErrorMessage error={area.error} />;

  const a = area.data;
  const samebyar = sortByName(a.relatedAreas.filter((r) => r.type === 'sameby'));
  const rows = toRows(a.populationSeries);
  const latestSex = [...rows].reverse().find((r) => r.women !== undefined && r.men !== undefined);

  return (
    <>
      <nav className="breadcrumbs" aria-label={t('common.breadcrumbs')}>
        <ol>
          <li>
            <Link to="/">{t('nav.start')}</Link>
          </li>
          <li>
            <Link to="/kommuner">{t('nav.municipalities')}</Link>
          </li>
          <li aria-current="page">{a.name}</li>
        </ol>
      </nav>
      <PageHeader
        title={t('municipality.title', { name: a.name })}
        kicker={t('municipality.kicker', { code: a.code })}
      />

      <div className="profile-grid">
        <div className="profile-main">
          <dl className="stat-grid">
            <div className="stat">
              <dt>{t('municipality.populationLatest', { year: a.population?.year ?? '' })}</dt>
              <dd data-testid="population-latest">
                {a.population ? formatNumber(a.population.value, lang) : '–'}
              </dd>
            </div>
            {latestSex?.women !== undefined ? (
              <div className="stat">
                <dt>{t('municipality.womenYear', { year: latestSex.year })}</dt>
                <dd>{formatNumber(latestSex.women, lang)}</dd>
              </div>
            ) : null}
            {latestSex?.men !== undefined ? (
              <div className="stat">
                <dt>{t('municipality.menYear', { year: latestSex.year })}</dt>
                <dd>{formatNumber(latestSex.men, lang)}</dd>
              </div>
            ) : null}
            <div className="stat">
              <dt>{t('municipality.samiAdministrative')}</dt>
              <dd className="stat-text" data-testid="sami-administrative">
                {a.samiAdministrative == null
                  ? t('common.unknown')
                  : a.samiAdministrative
                    ? t('common.yes')
                    : t('common.no')}
              </dd>
            </div>
          </dl>

          <ProfileEffortsSection profile={profile} name={a.name} geojson={geo.data} />
        </div>

        <aside className="profile-side" aria-labelledby="minimap-title">
          <h2 id="minimap-title">{t('municipality.mapTitle')}</h2>
          {geo.data ? (
            <MunicipalityMap
              geojson={geo.data}
              mode="highlight"
              highlightCode={a.code}
              height={340}
              label={t('municipality.mapLabel', { name: a.name })}
            />
          ) : geo.status === 'loading' ? (
            <Loading />
          ) : null}
          <ScbSource what={t('source.scbGeo')} />
          <p>
            <Link to="/kommuner">{t('municipality.backToList')}</Link>
          </p>
        </aside>
      </div>

      <ProfileIndicatorsAndDevelopment profile={profile} />

      <section className="section tight" aria-labelledby="pop-title">
        <h2 id="pop-title">{t('municipality.populationTitle')}</h2>
        <PopulationChart name={a.name} series={a.populationSeries} />
        <ScbSource what={t('source.scbPopulation')} />
      </section>

      <section className="section tight" aria-labelledby="sameby-title">
        <h2 id="sameby-title">{t('municipality.samebyarTitle')}</h2>
        <p>{t('municipality.samebyarIntro')}</p>
        {samebyar.length === 0 ? (
          <p className="muted">{t('municipality.noSamebyar')}</p>
        ) : (
          <ul className="sameby-list" data-testid="samebyar">
            {samebyar.map((s) => {
              const stated = s.confidence === 'stated';
              return (
                <li key={s.code} className="sameby-item">
                  <div className="sameby-head">
                    <span className="sameby-name">{s.name}</span>
                    <span className={stated ? 'badge badge-ok' : 'badge badge-warn'}>
                      {stated ? t('municipality.confirmed') : t('municipality.unverified')}
                    </span>
                  </div>
                  {s.relation ? (
                    <p className="sameby-relation" lang="sv">
                      {s.relation}
                    </p>
                  ) : null}
                  {s.source ? <SourceText className="sameby-source" source={s.source} /> : null}
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </>
  );
}
