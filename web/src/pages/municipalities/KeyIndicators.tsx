import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Localized, pickText } from '../../components/Localized';
import { ScbSource } from '../../components/SourceNote';
import { Sparkline } from '../../components/Sparkline';
import type { AreaProfile, ProfileIndicator } from '../territory/api';
import { formatSigned, formatSignedPercent, formatValue, readerSource } from '../territory/format';
import { TrafficLightBadge } from './TrafficLightBadge';

const LIGHTS = ['green', 'yellow', 'red', 'white'] as const;

/** Key indicators of the area with traffic lights, comparisons and a small trend each. */
export function KeyIndicators({ profile }: { profile: AreaProfile }) {
  const { t } = useTranslation();
  const name = profile.area.name;
  const anyScb = profile.indicators.some((i) => /\bSCB\b/.test(i.indicator.source ?? ''));
  return (
    <section className="section tight" aria-labelledby="indicators-title">
      <h2 id="indicators-title">{t('territory.indicators.title')}</h2>
      <p>{t('territory.indicators.intro', { name })}</p>
      <ul className="light-legend" aria-label={t('territory.indicators.legendLabel')}>
        {LIGHTS.map((l) => (
          <li key={l}>
            <span className={`light-dot light-${l}`} aria-hidden="true" />
            {t(`territory.indicators.legend.${l}`)}
          </li>
        ))}
      </ul>
      {profile.indicators.length === 0 ? (
        <p className="muted">{t('territory.indicators.none', { name })}</p>
      ) : (
        <ul className="indicator-cards" data-testid="key-indicators">
          {profile.indicators.map((item) => (
            <IndicatorCard key={item.indicator.id} item={item} areaName={name} />
          ))}
        </ul>
      )}
      {anyScb ? <ScbSource what={t('territory.indicators.scbWhat')} /> : null}
    </section>
  );
}

function IndicatorCard({ item, areaName }: { item: ProfileIndicator; areaName: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const title = pickText(item.indicator.title, lang);
  const unit = pickText(item.indicator.unit, lang);
  const tl = item.trafficLight;
  const cws = tl.comparedWithSweden;
  const sweden = item.sweden ?? (cws ? { year: cws.year, value: cws.sweden } : null);
  // Better or worse than Sweden only means something for shares and rates, not for counts
  // (a municipality's number of workplaces is always far below Sweden's).
  const judgeSweden =
    cws && sweden && cws.year === sweden.year && cws.better !== null && item.indicator.aggregation !== 'sum';
  const trend = item.trend;
  const first = trend[0];
  const last = trend[trend.length - 1];
  const source = readerSource(item.indicator.source);

  return (
    <li className="indicator-card" data-testid="indicator-card" data-indicator={item.indicator.id}>
      <h3>
        <Localized text={item.indicator.title} />
      </h3>
      <TrafficLightBadge item={item} />
      {item.latest ? (
        <p className="indicator-latest">
          <span className="value">{formatValue(item.latest.value, lang)}</span>
          <span className="unit">{unit}</span>
          <span className="year">({item.latest.year})</span>
        </p>
      ) : (
        <p className="muted">{t('territory.indicators.noValue')}</p>
      )}
      {item.county || sweden ? (
        <dl className="indicator-compare">
          {item.county ? (
            <>
              <dt>{t('territory.indicators.county', { year: item.county.year })}</dt>
              <dd>{formatValue(item.county.value, lang)}</dd>
            </>
          ) : null}
          {sweden ? (
            <>
              <dt>{t('territory.indicators.sweden', { year: sweden.year })}</dt>
              <dd>
                {formatValue(sweden.value, lang)}
                {judgeSweden
                  ? ` (${t(cws?.better ? 'territory.indicators.betterThanSweden' : 'territory.indicators.worseThanSweden', { name: areaName })})`
                  : ''}
              </dd>
            </>
          ) : null}
        </dl>
      ) : null}
      <p className="indicator-reason">{reasonText(item, lang, t)}</p>
      {first && last && trend.length >= 2 ? (
        <>
          <Sparkline
            points={trend}
            label={t('territory.indicators.sparklineLabel', {
              from: first.year,
              to: last.year,
              first: formatValue(first.value, lang),
              last: formatValue(last.value, lang),
              unit,
            })}
            testId="sparkline"
          />
          <details className="table-details">
            <summary>{t('territory.indicators.showValues')}</summary>
            <div className="table-wrap">
              <table className="data-table compact-table">
                <caption>{t('territory.indicators.trendCaption', { title, name: areaName, unit })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('territory.indicators.year')}</th>
                    <th scope="col" className="num">
                      {t('territory.indicators.value')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {trend.map((p) => (
                    <tr key={p.year}>
                      <th scope="row">{p.year}</th>
                      <td className="num">{formatValue(p.value, lang)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </>
      ) : null}
      {source ? (
        <p className="source-note">
          {t('territory.sourceLabel')} <span lang="sv">{source}</span>
        </p>
      ) : null}
    </li>
  );
}

/** The traffic light's reason in the UI language, from the light's numbers. */
function reasonText(item: ProfileIndicator, lang: string, t: TFunction): string {
  const { latest, previous, light } = item.trafficLight;
  if (light === 'white' || !latest || !previous) return t('territory.reason.cannotAssess');
  const relative =
    previous.value === 0 ? null : ((latest.value - previous.value) / Math.abs(previous.value)) * 100;
  const change = t('territory.reason.change', {
    from: formatValue(previous.value, lang),
    fromYear: previous.year,
    to: formatValue(latest.value, lang),
    toYear: latest.year,
    change: formatSigned(latest.value - previous.value, lang),
  });
  const pct =
    relative === null
      ? ''
      : ` ${t('territory.reason.relative', { pct: formatSignedPercent(relative, lang) })}`;
  return `${change}${pct} ${t(`territory.reason.${item.indicator.polarity}`)}`;
}
