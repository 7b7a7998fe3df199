/**
 * Participation in the actor-driven process per year or half-year, for all strength areas or one
 * (?omrade=<slug>&period=ar|halvar): charts, each with a table of the same numbers, and downloads.
 */
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { getSteering } from '../../../api/queries';
import { PageHeader } from '../../../components/PageHeader';
import { ErrorMessage, Loading } from '../../../components/Status';
import { formatNumber } from '../../../lib/format';
import { useApi } from '../../../lib/useApi';
import { S3SubNav } from '../S3SubNav';
import { downloadUrl, getParticipation } from './api';
import { AREA_PARAM, nameIn } from './labels';
import { HelixChart, MunicipalityChart, NewReturningChart, SexChart } from './ParticipationCharts';
import './learning.css';

export const PERIOD_PARAM = 'period';
/** In the address: "ar" (year, the default) or "halvar" (half-year). */
export const periodFromParam = (value: string | null): 'year' | 'half' =>
  value === 'halvar' ? 'half' : 'year';

export function ParticipationPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [params, setParams] = useSearchParams();
  const slug = params.get(AREA_PARAM) ?? '';
  const period = periodFromParam(params.get(PERIOD_PARAM));
  const steering = useApi(getSteering, []);
  const data = useApi(() => getParticipation(slug || undefined, period), [slug, period]);
  const areas = steering.status === 'ok' ? steering.data.strengthAreas : [];
  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  return (
    <>
      <PageHeader
        title={t('s3Learning.participation.title')}
        kicker={t('s3Learning.participation.kicker')}
        lead={t('s3Learning.participation.lead')}
      />
      <S3SubNav />
      <search>
        <form className="toolbar s3l-filters" onSubmit={(e) => e.preventDefault()}>
          <label>
            {t('s3Learning.participation.area')}
            <select
              value={slug}
              onChange={(e) => setParam(AREA_PARAM, e.target.value)}
              data-testid="s3l-part-area"
            >
              <option value="">{t('s3Learning.allAreas')}</option>
              {areas.map((a) => (
                <option key={a.id} value={a.slug}>
                  {nameIn(a.name, lang)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('s3Learning.participation.period')}
            <select
              value={period === 'half' ? 'halvar' : 'ar'}
              onChange={(e) => setParam(PERIOD_PARAM, e.target.value === 'halvar' ? 'halvar' : '')}
              data-testid="s3l-part-period"
            >
              <option value="ar">{t('s3Learning.participation.year')}</option>
              <option value="halvar">{t('s3Learning.participation.half')}</option>
            </select>
          </label>
        </form>
      </search>
      {data.status === 'loading' ? <Loading /> : null}
      {data.status === 'error' ? <ErrorMessage error={data.error} /> : null}
      {data.status === 'ok' ? (
        <>
          <p className="muted" data-testid="s3l-part-scope">
            {data.data.includesInternal
              ? t('s3Learning.participation.includesInternal')
              : t('s3Learning.participation.publishedOnly')}
          </p>
          {data.data.periods.length === 0 ? (
            <p className="s3l-empty" data-testid="s3l-part-empty">
              {t('s3Learning.participation.none')}
            </p>
          ) : (
            <>
              <section aria-labelledby="s3l-part-totals-title" data-testid="s3l-part-totals">
                <h2 id="s3l-part-totals-title" className="s3l-totals-title">
                  {t('s3Learning.participation.totalsTitle')}
                </h2>
                <dl className="s3l-totals">
                  {(
                    [
                      ['totalMeetings', data.data.totals.meetings],
                      ['totalParticipants', data.data.totals.participants.total],
                      ['totalOrganisations', data.data.totals.organisations.total],
                      ['totalMunicipalities', data.data.totals.municipalities.length],
                    ] as const
                  ).map(([key, value]) => (
                    <div key={key}>
                      <dt>{t(`s3Learning.participation.${key}`)}</dt>
                      <dd>{formatNumber(value, lang)}</dd>
                    </div>
                  ))}
                </dl>
                {data.data.totals.meetingsWithoutCounts > 0 ? (
                  <p className="muted">{t('s3Learning.participation.withoutCountsNote')}</p>
                ) : null}
                <p data-testid="s3l-part-new-explained">{t('s3Learning.participation.newExplained')}</p>
              </section>
              <div className="s3l-charts">
                <HelixChart periods={data.data.periods} />
                <SexChart periods={data.data.periods} />
                <NewReturningChart periods={data.data.periods} />
                <MunicipalityChart periods={data.data.periods} />
              </div>
            </>
          )}
          <section className="s3l-downloads" aria-labelledby="s3l-part-downloads">
            <h2 id="s3l-part-downloads">{t('s3Learning.participation.downloads')}</h2>
            <ul className="plain-list">
              <li>
                <a href={downloadUrl('/api/v1/s3/participation', 'csv', { area: slug, period })} download>
                  {t('s3Learning.participation.csv')}
                </a>
              </li>
              <li>
                <a href={downloadUrl('/api/v1/s3/participation', 'xlsx', { area: slug, period })} download>
                  {t('s3Learning.participation.xlsx')}
                </a>
              </li>
            </ul>
          </section>
        </>
      ) : null}
    </>
  );
}
