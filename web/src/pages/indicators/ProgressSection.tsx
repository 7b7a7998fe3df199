import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format';
import type { Indicator, Progress } from './api';
import { serverLang } from './labels';
import { SourceLine } from './SourceLine';

const percent = (v: number | undefined, lang: string) =>
  v === undefined ? '–' : `${formatNumber(Math.round(v * 10000) / 100, lang)} %`;

type Props = {
  indicator: Indicator;
  progress: Progress;
  areas: Array<{ code: string; name: string }>;
  area: string;
  onArea: (code: string) => void;
};

/** Progress toward the target (Open SDG method) and the traffic light for one area, with the sums. */
export function ProgressSection({ indicator, progress, areas, area, onArea }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const p = progress.progress;
  const light = progress.trafficLight;
  const unit = (lang === 'en' ? indicator.unit.en : indicator.unit.sv) ?? '';
  const value = (v: number | undefined) =>
    v === undefined ? '–' : `${formatNumber(v, lang)} ${unit}`.trim();
  const sweden = light.comparedWithSweden;

  return (
    <section className="section" aria-labelledby="progress-title">
      <h2 id="progress-title">{t('indicators.progress.title')}</h2>
      <div className="field">
        <label htmlFor="progress-area">{t('indicators.progress.area')}</label>
        <select id="progress-area" value={area} onChange={(e) => onArea(e.target.value)}>
          {areas.map((a) => (
            <option key={a.code} value={a.code}>
              {a.name}
            </option>
          ))}
        </select>
      </div>
      <div className="progress-grid">
        <div className={`light-card light-${light.light}`} data-testid="traffic-light">
          <span className="light-dot" aria-hidden="true" />
          <div>
            <p className="light-word">
              <strong>{t(`indicators.light.${light.light}`)}</strong>
              {light.arrow ? (
                <>
                  {' '}
                  <span aria-hidden="true">{{ up: '↑', down: '↓', flat: '→' }[light.arrow]}</span>{' '}
                  {t(`indicators.arrow.${light.arrow}`)}
                </>
              ) : null}
            </p>
            {light.latest && light.previous ? (
              <p>
                {t('indicators.light.change', {
                  previous: value(light.previous.value),
                  previousYear: light.previous.year,
                  latest: value(light.latest.value),
                  latestYear: light.latest.year,
                })}
              </p>
            ) : (
              <p>{t('indicators.light.notAssessable')}</p>
            )}
            {sweden ? (
              <p>
                {t('indicators.light.sweden', {
                  year: sweden.year,
                  sweden: value(sweden.sweden),
                  difference: `${sweden.difference > 0 ? '+' : ''}${value(sweden.difference)}`,
                })}{' '}
                {sweden.better === null
                  ? ''
                  : sweden.better
                    ? t('indicators.light.better')
                    : t('indicators.light.worse')}
              </p>
            ) : null}
          </div>
        </div>
        <div className="progress-card" data-testid="progress">
          <p className="light-word">
            <strong>{t(`indicators.status.${p.status}`)}</strong>
          </p>
          <p>
            {progress.target
              ? t('indicators.progress.withTarget', {
                  value: value(progress.target.value),
                  year: progress.target.year,
                })
              : t('indicators.progress.withoutTarget')}
          </p>
          {p.reason ? (
            <p className="field-hint" lang={serverLang}>
              {p.reason}
            </p>
          ) : null}
          <details>
            <summary>{t('indicators.progress.how')}</summary>
            <dl className="explain">
              <div>
                <dt>{t('indicators.progress.base')}</dt>
                <dd>{p.baseYear ? `${value(p.baseValue)} (${p.baseYear})` : '–'}</dd>
              </div>
              <div>
                <dt>{t('indicators.progress.current')}</dt>
                <dd>{p.currentYear ? `${value(p.currentValue)} (${p.currentYear})` : '–'}</dd>
              </div>
              <div>
                <dt>{t('indicators.progress.actual')}</dt>
                <dd>{percent(p.actualGrowth, lang)}</dd>
              </div>
              {p.method === 'target' ? (
                <div>
                  <dt>{t('indicators.progress.required')}</dt>
                  <dd>{percent(p.requiredGrowth, lang)}</dd>
                </div>
              ) : null}
              {p.ratio !== undefined ? (
                <div>
                  <dt>{t('indicators.progress.ratio')}</dt>
                  <dd>{formatNumber(Math.round(p.ratio * 100) / 100, lang)}</dd>
                </div>
              ) : null}
            </dl>
            <p className="formula" data-testid="formula">
              <code>{p.formula}</code>
            </p>
            <p className="field-hint">
              {p.method === 'target'
                ? t('indicators.progress.methodTarget')
                : t('indicators.progress.methodNoTarget')}
            </p>
          </details>
        </div>
      </div>
      <SourceLine
        indicator={indicator}
        extra={
          progress.target?.source
            ? t('indicators.progress.targetSource', { source: progress.target.source })
            : undefined
        }
      />
    </section>
  );
}
