import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { getMunicipalityGeoJson, getSteering } from '../../api/queries';
import { useSession } from '../../auth/session';
import { PageHeader } from '../../components/PageHeader';
import { ErrorMessage, Loading } from '../../components/Status';
import { formatNumber } from '../../lib/format';
import { useApi } from '../../lib/useApi';
import { FUNDING_SOURCES, type FundingSource, formatSek } from '../efforts/labels';
import { getReach, type ReachFilters } from './api';
import { BreakdownTables } from './BreakdownTables';
import { FlaggedBox } from './FlaggedBox';
import { formatPerInhabitant } from './format';
import { PeriodFields } from './PeriodFields';
import { defaultPeriod, usePeriodParams } from './period';
import { ReachMapSection } from './ReachMapSection';
import { ReachTable } from './ReachTable';
import { useKeptData } from './useKeptData';
import './territory.css';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FILTERS = ['priority', 'strengthArea', 'financier'] as const;

/**
 * "Hela länet": do efforts and money reach the whole county? Efforts, money and SEK per
 * inhabitant per municipality for a period, the municipalities no effort reaches or far below
 * the county's level, and the breakdown by priority, strength area and funding.
 */
export function WholeCountyPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { session } = useSession();
  const [params, setParams] = useSearchParams();
  const [period, setPeriod] = usePeriodParams();

  const priority = params.get('priority') ?? '';
  const strengthArea = params.get('strengthArea') ?? '';
  const financierParam = params.get('financier') ?? '';
  const financier = (FUNDING_SOURCES as readonly string[]).includes(financierParam)
    ? (financierParam as FundingSource)
    : undefined;
  const filters: ReachFilters = {
    ...period,
    ...(UUID.test(priority) ? { priority } : {}),
    ...(UUID.test(strengthArea) ? { strengthArea } : {}),
    ...(financier ? { financier } : {}),
  };
  const filterKey = JSON.stringify(filters);
  const signedIn = session?.user?.id ?? '';

  const reach = useApi(() => getReach(filters), [filterKey, signedIn]);
  const { data, refreshing } = useKeptData(reach);
  const steering = useApi(getSteering, []);
  const geo = useApi(getMunicipalityGeoJson, []);
  // Municipality highlighted on the map from the table (keyboard focus or hover) and back.
  const [active, setActive] = useState<string | null>(null);

  const setFilter = (key: (typeof FILTERS)[number], value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const anyFilter = FILTERS.some((f) => params.get(f)) || params.has('from') || params.has('to');
  const shownPeriod = data?.period ?? {
    from: period.from ?? defaultPeriod().from,
    to: period.to ?? defaultPeriod().to,
  };
  const en = lang.startsWith('en');
  const populationYear = geo.data?.features.find((f) => f.properties.populationYear)?.properties
    .populationYear;

  return (
    <>
      <PageHeader title={t('territory.title')} kicker={t('territory.kicker')} lead={t('territory.lead')} />

      <search>
        <form
          className="toolbar filters territory-filters"
          aria-label={t('territory.filters.label')}
          onSubmit={(e) => e.preventDefault()}
        >
          <PeriodFields value={shownPeriod} onChange={setPeriod} />
          <label>
            {t('territory.filters.priority')}
            <select value={priority} onChange={(e) => setFilter('priority', e.target.value)}>
              <option value="">{t('territory.filters.all')}</option>
              {steering.data?.priorities.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.number}. {en ? (p.title.en ?? p.title.sv) : p.title.sv}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('territory.filters.strengthArea')}
            <select value={strengthArea} onChange={(e) => setFilter('strengthArea', e.target.value)}>
              <option value="">{t('territory.filters.all')}</option>
              {steering.data?.strengthAreas.map((s) => (
                <option key={s.id} value={s.id}>
                  {en ? (s.name.en ?? s.name.sv) : s.name.sv}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('territory.filters.source')}
            <select value={financier ?? ''} onChange={(e) => setFilter('financier', e.target.value)}>
              <option value="">{t('territory.filters.all')}</option>
              {FUNDING_SOURCES.map((s) => (
                <option key={s} value={s}>
                  {t(`efforts.sources.${s}`)}
                </option>
              ))}
            </select>
          </label>
          {anyFilter ? (
            <button type="button" className="button button-secondary" onClick={() => setParams({})}>
              {t('territory.filters.reset')}
            </button>
          ) : null}
        </form>
      </search>

      <p className="territory-method">
        {t('territory.method')}{' '}
        {session?.permissions.readInternal ? t('territory.scope.internal') : t('territory.scope.public')}
      </p>

      {reach.status === 'error' ? <ErrorMessage error={reach.error} /> : null}
      {!data && reach.status === 'loading' ? <Loading /> : null}
      {data ? (
        <div className="territory-results" aria-busy={refreshing} data-testid="reach-results">
          <p className="visually-hidden" role="status">
            {refreshing ? t('territory.updating') : ''}
          </p>
          <dl className="stat-grid territory-stats">
            <div className="stat">
              <dt>{t('territory.stats.efforts', { from: data.period.from, to: data.period.to })}</dt>
              <dd data-testid="stat-efforts">{formatNumber(data.county.effortCount, lang)}</dd>
            </div>
            <div className="stat">
              <dt>{t('territory.stats.funding')}</dt>
              <dd className="stat-text" data-testid="stat-funding">
                {formatSek(data.county.fundingSek, lang)}
              </dd>
            </div>
            <div className="stat">
              <dt>{t('territory.stats.countyLevel')}</dt>
              <dd className="stat-text" data-testid="stat-level">
                {t('territory.perInhabitant', {
                  value: formatPerInhabitant(data.county.sekPerInhabitant, lang),
                })}
              </dd>
            </div>
            <div className="stat">
              <dt>{t('territory.stats.flagged')}</dt>
              <dd data-testid="stat-flagged">
                {formatNumber(data.flagged.length, lang)}
                <span className="stat-of">
                  {' '}
                  {t('territory.stats.ofMunicipalities', { count: data.municipalities.length })}
                </span>
              </dd>
            </div>
          </dl>

          <FlaggedBox reach={data} />

          <ReachMapSection
            reach={data}
            geojson={geo.data}
            populationYear={populationYear ?? null}
            active={active}
            onActive={setActive}
          />

          <ReachTable reach={data} filters={filters} active={active} onActive={setActive} />

          <BreakdownTables reach={data} steering={steering.data} />
        </div>
      ) : null}
    </>
  );
}
