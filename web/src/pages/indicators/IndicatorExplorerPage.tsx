import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { useSession } from '../../auth/session';
import { PageHeader } from '../../components/PageHeader';
import { ErrorMessage, Loading } from '../../components/Status';
import { TableScroll } from '../../components/TableScroll';
import { collatorFor, formatNumber } from '../../lib/format';
import { useApi } from '../../lib/useApi';
import {
  downloadUrl,
  loadDetail,
  loadDisparity,
  loadIndicators,
  loadProgress,
  loadValues,
  type Sex,
} from './api';
import { DefinitionForm } from './DefinitionForm';
import { DisparitySection } from './DisparitySection';
import { polarityLabel, SEXES, sexLabel, titleOf } from './labels';
import { ProgressSection } from './ProgressSection';
import { SeriesChart } from './SeriesChart';
import { SourceLine } from './SourceLine';
import { TargetsSection } from './TargetsSection';
import { ValueMapSection } from './ValueMapSection';
import './indicators.css';

const DEFAULT_INDICATOR = 'skattekraft_tkr_inv';

/**
 * The indicator explorer: one indicator at a time as a map for a year, a time series with the
 * county and Sweden, the disparity between the municipalities, progress toward its target and
 * the year's table. The choices live in the address (?indikator=&ar=&kon=&omrade=) so a view can
 * be shared.
 */
export function IndicatorExplorerPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { session } = useSession();
  const canEdit = session?.role === 'admin' || session?.role === 'editor';
  const [params, setParams] = useSearchParams();
  const set = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined || value === '') next.delete(key);
      else next.set(key, value);
    }
    setParams(next, { replace: true });
  };

  const [definitions, setDefinitions] = useState(0);
  const list = useApi(loadIndicators, [definitions]);
  const base = useApi(async () => {
    const [geojson, areas] = await Promise.all([
      api.GET('/api/v1/areas/geojson', { params: { query: { type: 'municipality' } } }).then(unwrap),
      api.GET('/api/v1/areas', { params: { query: { limit: 500 } } }).then(unwrap),
    ]);
    return { geojson, areas: areas.items };
  }, []);

  const indicators = useMemo(
    () =>
      [...(list.data ?? [])].sort((a, b) => collatorFor('sv').compare(titleOf(a, lang), titleOf(b, lang))),
    [list.data, lang],
  );
  const id = params.get('indikator') ?? DEFAULT_INDICATOR;
  const indicator = indicators.find((i) => i.id === id) ?? indicators[0];
  const sexParam = params.get('kon') as Sex | null;
  const sex: Sex = indicator?.splitBySex && sexParam && SEXES.includes(sexParam) ? sexParam : 'total';
  const [reload, setReload] = useState(0);

  const data = useApi(async () => {
    if (!indicator) return undefined;
    const [detail, values, disparity] = await Promise.all([
      loadDetail(indicator.id),
      loadValues(indicator.id, sex),
      loadDisparity(indicator.id, sex),
    ]);
    return { detail, values: values.values, disparity };
  }, [indicator?.id, sex, reload]);

  const county = base.data?.areas.find((a) => a.type === 'county');
  const countyCode = county?.code ?? '23';
  const municipalities = useMemo(
    () =>
      (base.data?.areas ?? [])
        .filter((a) => a.type === 'municipality')
        .sort((a, b) => collatorFor('sv').compare(a.name, b.name)),
    [base.data],
  );
  const names = useMemo(
    () =>
      new Map([
        ...(base.data?.areas ?? []).map((a) => [a.code, a.name] as const),
        ['SE', t('indicators.sweden')],
      ]),
    [base.data, t],
  );
  const progressAreas = [
    ...(county ? [{ code: county.code, name: county.name }] : []),
    ...municipalities.map((m) => ({ code: m.code, name: m.name })),
  ];
  const area = params.get('omrade') ?? countyCode;
  const progress = useApi(
    async () => (indicator ? loadProgress(indicator.id, area, sex) : undefined),
    [indicator?.id, area, sex, reload],
  );

  if (list.status === 'error') return <ErrorMessage error={list.error} />;
  if (base.status === 'error') return <ErrorMessage error={base.error} />;
  if (list.status === 'loading' || base.status === 'loading' || !indicator) return <Loading />;

  const years = data.data?.detail.years ?? [];
  const yearParam = Number(params.get('ar'));
  const year = years.includes(yearParam) ? yearParam : (years.at(-1) ?? new Date().getFullYear());
  const selected = (params.get('kommuner') ?? '')
    .split(',')
    .filter((c) => municipalities.some((m) => m.code === c));
  const ofYear = (data.data?.values ?? []).filter((v) => v.year === year);
  const valuesPath = `/api/v1/indicators/${encodeURIComponent(indicator.id)}/values`;
  const unit = (lang === 'en' ? indicator.unit.en : indicator.unit.sv) ?? indicator.unit.sv ?? '';
  const description =
    (lang === 'en' ? indicator.description.en : indicator.description.sv) ?? indicator.description.sv;

  return (
    <>
      <PageHeader title={t('indicators.title')} lead={t('indicators.lead')}>
        {canEdit ? (
          <p>
            <Link className="button button-secondary" to="/uppfoljning/import">
              {t('indicators.toImport')}
            </Link>
          </p>
        ) : null}
      </PageHeader>

      <form className="filters indicator-filters" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="indicator-select">{t('indicators.choose')}</label>
          <select
            id="indicator-select"
            value={indicator.id}
            onChange={(e) => set({ indikator: e.target.value, ar: undefined, kon: undefined })}
          >
            {indicators.map((i) => (
              <option key={i.id} value={i.id}>
                {titleOf(i, lang)}
              </option>
            ))}
          </select>
        </div>
        {indicator.splitBySex ? (
          <div className="field">
            <label htmlFor="sex-select">{t('indicators.sexLabel')}</label>
            <select id="sex-select" value={sex} onChange={(e) => set({ kon: e.target.value })}>
              {SEXES.map((s) => (
                <option key={s} value={s}>
                  {sexLabel(t, s)}
                </option>
              ))}
            </select>
          </div>
        ) : null}
      </form>

      <section className="indicator-facts" aria-label={t('indicators.aboutLabel')}>
        {description ? <p>{description}</p> : null}
        <dl className="facts">
          <div>
            <dt>{t('indicators.unit')}</dt>
            <dd>{unit || '–'}</dd>
          </div>
          <div>
            <dt>{t('indicators.direction')}</dt>
            <dd>{polarityLabel(t, indicator.polarity)}</dd>
          </div>
          <div>
            <dt>{t('indicators.aggregation')}</dt>
            <dd>{t(`indicators.aggregationKind.${indicator.aggregation}`)}</dd>
          </div>
          {indicator.koladaKpi ? (
            <div>
              <dt>Kolada</dt>
              <dd className="mono">{indicator.koladaKpi}</dd>
            </div>
          ) : null}
        </dl>
        <SourceLine indicator={indicator} />
        {canEdit ? (
          <details className="table-details">
            <summary>{t('indicators.definition.editTitle')}</summary>
            <DefinitionForm
              key={`${indicator.id}-${indicator.version}`}
              indicator={indicator}
              onSaved={() => setDefinitions((n) => n + 1)}
            />
          </details>
        ) : null}
      </section>

      {data.status === 'error' ? <ErrorMessage error={data.error} /> : null}
      {data.status === 'loading' ? <Loading /> : null}
      {data.data ? (
        <>
          {years.length === 0 ? (
            <p className="note" data-testid="no-values">
              {t('indicators.noValuesYet')}
            </p>
          ) : (
            <ValueMapSection
              indicator={indicator}
              geojson={base.data.geojson}
              years={years}
              year={year}
              onYear={(y) => set({ ar: String(y) })}
              values={data.data.values}
              names={names}
              countyCode={countyCode}
            />
          )}

          <section className="section" aria-labelledby="year-table-title">
            <h2 id="year-table-title">{t('indicators.table.title', { year })}</h2>
            <TableScroll
              label={t('indicators.table.caption', {
                title: titleOf(indicator, lang),
                year,
                sex: sexLabel(t, sex),
              })}
            >
              <table className="data-table indicator-year-table" data-testid="year-table">
                <caption>
                  {t('indicators.table.caption', {
                    title: titleOf(indicator, lang),
                    year,
                    sex: sexLabel(t, sex),
                  })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('indicators.area')}</th>
                    <th scope="col" className="num">
                      {unit ? `${t('indicators.value')} (${unit})` : t('indicators.value')}
                    </th>
                    <th scope="col">{t('indicators.status.label')}</th>
                  </tr>
                </thead>
                <tbody>
                  {[...ofYear]
                    .sort(
                      (a, b) =>
                        order(a.areaCode, countyCode) - order(b.areaCode, countyCode) ||
                        collatorFor('sv').compare(names.get(a.areaCode) ?? '', names.get(b.areaCode) ?? ''),
                    )
                    .map((v) => (
                      <tr key={v.areaCode}>
                        <th scope="row">
                          {v.areaCode.length === 4 ? (
                            <Link to={`/kommuner/${v.areaCode}`}>{names.get(v.areaCode) ?? v.areaCode}</Link>
                          ) : (
                            (names.get(v.areaCode) ?? v.areaCode)
                          )}
                        </th>
                        <td className="num">{formatNumber(v.value, lang)}</td>
                        <td>
                          {v.status === 'preliminary' ? t('indicators.preliminary') : t('indicators.final')}
                        </td>
                      </tr>
                    ))}
                </tbody>
              </table>
            </TableScroll>
            <p className="downloads">
              {t('indicators.download')}:{' '}
              <a
                href={downloadUrl(valuesPath, { from: year, to: year, sex }, 'csv')}
                download
                data-testid="download-year-csv"
              >
                {t('indicators.table.yearCsv', { year })}
              </a>{' '}
              ·{' '}
              <a href={downloadUrl(valuesPath, { from: year, to: year, sex }, 'xlsx')} download>
                {t('indicators.table.yearXlsx', { year })}
              </a>{' '}
              ·{' '}
              <a href={downloadUrl(valuesPath, { sex }, 'csv')} download>
                {t('indicators.table.allCsv')}
              </a>{' '}
              ·{' '}
              <a href={downloadUrl(valuesPath, { sex }, 'xlsx')} download>
                {t('indicators.table.allXlsx')}
              </a>
            </p>
            <SourceLine indicator={indicator} />
          </section>

          <SeriesChart
            indicator={indicator}
            values={data.data.values}
            names={names}
            countyCode={countyCode}
            selected={selected}
            onSelected={(codes) => set({ kommuner: codes.join(',') })}
            municipalities={municipalities}
          />

          <DisparitySection indicator={indicator} disparity={data.data.disparity} sex={sex} />

          {progress.data ? (
            <ProgressSection
              indicator={indicator}
              progress={progress.data}
              areas={progressAreas}
              area={area}
              onArea={(code) => set({ omrade: code })}
            />
          ) : progress.status === 'error' ? (
            <ErrorMessage error={progress.error} />
          ) : null}

          <TargetsSection
            indicatorId={indicator.id}
            targets={data.data.detail.targets}
            areas={progressAreas}
            canEdit={canEdit}
            onChanged={() => setReload((n) => n + 1)}
          />
        </>
      ) : null}
    </>
  );
}

/** Municipalities first, then the county, then Sweden. */
const order = (code: string, countyCode: string) => (code === 'SE' ? 2 : code === countyCode ? 1 : 0);
