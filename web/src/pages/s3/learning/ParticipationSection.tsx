import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorMessage, Loading } from '../../../components/Status';
import { useApi } from '../../../lib/useApi';
import type { S3AreaSectionProps } from '../S3AreaSectionProps';
import { getParticipation } from './api';
import { AREA_PARAM, PARTICIPATION_PATH } from './labels';
import { HelixChart, NewReturningChart } from './ParticipationCharts';
import './learning.css';

/**
 * Participation in one strength area's meetings, per year, for the area page: organisations by
 * helix type and new versus returning organisations (each with its table), and a link to the
 * full participation page filtered by the area.
 */
export function ParticipationSection({ slug, name }: S3AreaSectionProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const data = useApi(() => getParticipation(slug, 'year'), [slug]);
  return (
    <section
      className="section s3l-section"
      aria-labelledby={headingId}
      data-testid="s3l-participation-section"
    >
      <h2 id={headingId}>{t('s3Learning.participation.sectionTitle')}</h2>
      <p>{t('s3Learning.participation.sectionLead', { name })}</p>
      {data.status === 'loading' ? <Loading /> : null}
      {data.status === 'error' ? <ErrorMessage error={data.error} /> : null}
      {data.status === 'ok' && data.data.periods.length === 0 ? (
        <p className="s3l-empty">{t('s3Learning.participation.none')}</p>
      ) : null}
      {data.status === 'ok' && data.data.periods.length > 0 ? (
        <div className="s3l-charts s3l-charts-compact">
          <HelixChart periods={data.data.periods} headingLevel={3} />
          <NewReturningChart periods={data.data.periods} headingLevel={3} />
        </div>
      ) : null}
      <p>
        <Link className="more-link" to={`${PARTICIPATION_PATH}?${AREA_PARAM}=${encodeURIComponent(slug)}`}>
          {t('s3Learning.participation.fullPage', { name })}
        </Link>
      </p>
    </section>
  );
}
