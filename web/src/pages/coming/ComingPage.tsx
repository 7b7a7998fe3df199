import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';

export type ComingFeature = 'efforts' | 'followUp' | 'conflicts' | 's3' | 'reports';

/** An honest placeholder: says what will come here; shows no invented data. */
export function ComingPage({ feature }: { feature: ComingFeature }) {
  const { t } = useTranslation();
  const points = t(`coming.${feature}.points`, { returnObjects: true }) as unknown;
  return (
    <>
      <PageHeader title={t(`coming.${feature}.title`)} lead={t(`coming.${feature}.lead`)}>
        <p className="badge badge-building">{t('coming.badge')}</p>
      </PageHeader>
      <section className="card coming-card" aria-labelledby="coming-what">
        <h2 id="coming-what">{t('coming.whatTitle')}</h2>
        <ul className="check-list">
          {Array.isArray(points) ? points.map((p) => <li key={String(p)}>{String(p)}</li>) : null}
        </ul>
        <p className="muted">{t('coming.note')}</p>
      </section>
    </>
  );
}
