import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { getMunicipalities, getMunicipalityGeoJson, getSteering } from '../../api/queries';
import { MunicipalityOverview } from '../../components/MunicipalityOverview';
import { ErrorMessage, Loading } from '../../components/Status';
import { DocumentList, GoalQuote, PriorityCards, StrengthAreaCards } from '../../components/SteeringBlocks';
import { useDocumentTitle } from '../../lib/documentTitle';
import { useApi } from '../../lib/useApi';

export function StartPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('start.documentTitle'));
  const steering = useApi(getSteering, []);
  const map = useApi(() => Promise.all([getMunicipalityGeoJson(), getMunicipalities()]), []);

  return (
    <>
      <section className="hero" aria-labelledby="start-title">
        <p className="kicker">{steering.data ? steering.data.region.authority : t('app.tagline')}</p>
        <h1 id="start-title">
          {steering.data ? t('start.title', { region: steering.data.region.name }) : t('start.titleGeneric')}
        </h1>
        <p className="lead">{t('start.lead')}</p>
        {steering.data ? <GoalQuote goal={steering.data.goal} /> : null}
      </section>

      {steering.status === 'loading' ? <Loading /> : null}
      {steering.status === 'error' ? <ErrorMessage error={steering.error} /> : null}
      {steering.data ? (
        <>
          <section className="section" aria-labelledby="priorities-title">
            <div className="section-head">
              <h2 id="priorities-title">{t('start.prioritiesTitle')}</h2>
              <p>{t('start.prioritiesIntro')}</p>
            </div>
            <PriorityCards priorities={steering.data.priorities} />
          </section>
          <section className="section" aria-labelledby="strength-title">
            <div className="section-head">
              <h2 id="strength-title">{t('start.strengthTitle')}</h2>
              <p>{t('start.strengthIntro')}</p>
            </div>
            <StrengthAreaCards areas={steering.data.strengthAreas} />
          </section>
          <section className="section" aria-labelledby="docs-title">
            <div className="section-head">
              <h2 id="docs-title">{t('start.documentsTitle')}</h2>
              <p>{t('start.documentsIntro')}</p>
            </div>
            <DocumentList documents={steering.data.documents} />
            <p className="more-link">
              <Link to="/styrning">{t('start.moreSteering')}</Link>
            </p>
          </section>
        </>
      ) : null}

      <section className="section" aria-labelledby="map-title">
        <div className="section-head">
          <h2 id="map-title">{t('start.mapTitle')}</h2>
          <p>{t('start.mapIntro')}</p>
        </div>
        {map.status === 'loading' ? <Loading /> : null}
        {map.status === 'error' ? <ErrorMessage error={map.error} /> : null}
        {map.data ? <MunicipalityOverview geojson={map.data[0]} areas={map.data[1]} /> : null}
      </section>
    </>
  );
}
