import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Localized, pickText } from '../../../components/Localized';
import { PageHeader } from '../../../components/PageHeader';
import { ErrorMessage, Loading } from '../../../components/Status';
import { formatDate, formatNumber } from '../../../lib/format';
import { useApi } from '../../../lib/useApi';
import { S3SubNav } from '../S3SubNav';
import { type AreaSummary, listAreas } from './api';
import { excerpt, STEP_ICON, visionText } from './labels';
import './areas.css';

const STEP_KEYS = ['analysis', 'governance', 'vision', 'priorities', 'policy_mix', 'monitoring'] as const;

/** The six steps' status of one area as a compact list: a sign and the status in words. */
export function StepsAtAGlance({ area, label }: { area: AreaSummary; label: string }) {
  const { t } = useTranslation();
  return (
    <ul className="s3-steps" aria-label={label} data-testid="step-statuses">
      {area.steps.map((s) => (
        <li key={s.step} className={`s3-step-${s.status}`} data-step={s.step} data-status={s.status}>
          <span className="s3-step-icon" aria-hidden="true">
            {STEP_ICON[s.status]}
          </span>
          <span>
            {t(`s3Areas.steps.${s.step}`)}:{' '}
            <span className="s3-step-status">{t(`s3Areas.stepStatus.${s.status}`)}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}

function AreaCard({ area }: { area: AreaSummary }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const name = pickText(area.name, lang);
  const vision = visionText(area.vision, lang);
  const headingId = `s3-area-${area.slug}`;
  return (
    <li className="card s3-area-card" aria-labelledby={headingId} data-testid="s3-area-card">
      <h3 id={headingId}>
        <Localized text={area.name} />
      </h3>
      {vision ? (
        <p className="s3-vision-excerpt">
          {area.vision?.isExample ? <span className="badge">{t('s3Areas.exampleText')}</span> : null}{' '}
          <span lang={vision.lang}>{excerpt(vision.text)}</span>
        </p>
      ) : (
        <p className="s3-vision-excerpt muted">{t('s3Areas.overview.noVision')}</p>
      )}
      <StepsAtAGlance area={area} label={t('s3Areas.overview.stepsLabel', { name })} />
      <dl className="s3-counts" aria-label={t('s3Areas.overview.counts', { name })}>
        <div>
          <dt>{t('s3Areas.overview.subAreas')}</dt>
          <dd>{formatNumber(area.counts.subAreas, lang)}</dd>
        </div>
        <div>
          <dt>{t('s3Areas.overview.initiatives')}</dt>
          <dd>{formatNumber(area.counts.initiatives, lang)}</dd>
        </div>
        <div>
          <dt>{t('s3Areas.overview.efforts')}</dt>
          <dd>{formatNumber(area.counts.efforts, lang)}</dd>
        </div>
        <div>
          <dt>{t('s3Areas.overview.upcomingMeetings')}</dt>
          <dd>{formatNumber(area.counts.upcomingMeetings, lang)}</dd>
        </div>
        <div className="s3-counts-wide">
          <dt>{t('s3Areas.overview.latestAssessment')}</dt>
          <dd>
            {area.latestAssessment
              ? t('s3Areas.overview.assessmentValue', {
                  mean: formatNumber(area.latestAssessment.mean, lang),
                  date: formatDate(area.latestAssessment.assessedOn, lang),
                })
              : t('s3Areas.overview.noAssessment')}
          </dd>
        </div>
      </dl>
      <p className="more-link">
        <Link to={`/smart-specialisering/${area.slug}`}>{t('s3Areas.overview.open', { name })}</Link>
      </p>
    </li>
  );
}

/** Smart specialisation: the way of working and the four strength areas at a glance. */
export function S3OverviewPage() {
  const { t } = useTranslation();
  const areas = useApi(listAreas, []);
  return (
    <>
      <PageHeader title={t('s3Areas.overview.title')} lead={t('s3Areas.overview.lead')} />
      <S3SubNav />
      <section className="section tight s3-way" aria-labelledby="s3-way-title">
        <h2 id="s3-way-title">{t('s3Areas.overview.wayTitle')}</h2>
        <p>{t('s3Areas.overview.wayText')}</p>
        <ol>
          {STEP_KEYS.map((k) => (
            <li key={k}>{t(`s3Areas.steps.${k}`)}</li>
          ))}
        </ol>
      </section>
      <section className="section tight" aria-labelledby="s3-areas-title">
        <h2 id="s3-areas-title">{t('s3Areas.overview.areasTitle')}</h2>
        {areas.status === 'loading' ? <Loading /> : null}
        {areas.status === 'error' ? <ErrorMessage error={areas.error} /> : null}
        {areas.status === 'ok' && areas.data.length === 0 ? <p>{t('s3Areas.overview.empty')}</p> : null}
        {areas.status === 'ok' && areas.data.length > 0 ? (
          <ul className="card-grid s3-area-cards">
            {areas.data.map((a) => (
              <AreaCard key={a.id} area={a} />
            ))}
          </ul>
        ) : null}
      </section>
    </>
  );
}
