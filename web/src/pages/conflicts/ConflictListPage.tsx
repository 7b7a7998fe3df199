import './conflicts-pages.css';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import {
  getMunicipalities,
  getMunicipalityGeoJson,
  getSamebyar,
  getSdgs,
  getSteering,
} from '../../api/queries';
import { useSession } from '../../auth/session';
import { PageHeader } from '../../components/PageHeader';
import { ErrorMessage, Loading } from '../../components/Status';
import { formatDate, formatNumber } from '../../lib/format';
import { useApi } from '../../lib/useApi';
import { DIMENSIONS } from '../efforts/labels';
import { useKeptData } from '../territory/useKeptData';
import { type ConflictFilters, conflictDownloadUrl, getConflicts } from './api';
import { ConflictMap } from './ConflictMap';
import { ConflictsSubNav } from './ConflictsSubNav';
import { CONFLICT_STATUSES, isStaffRole } from './labels';
import { dimensionList, ExampleBadge, goalName, joinNames, SeverityText, StatusBadge } from './parts';

const FILTERS = ['q', 'status', 'dimension', 'place', 'strengthArea'] as const;
type Filter = (typeof FILTERS)[number];

/**
 * The goal-conflict register: what a goal conflict is, filters kept in the address, the
 * conflicts as cards, a map of the municipalities they affect (with a table), and downloads.
 */
export function ConflictListPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { session } = useSession();
  const [params, setParams] = useSearchParams();
  const value = (f: Filter) => params.get(f) ?? '';
  const [search, setSearch] = useState(value('q'));
  const searchId = useId();
  const q = params.get('q') ?? '';
  useEffect(() => setSearch(q), [q]);

  const filters: ConflictFilters = Object.fromEntries(
    FILTERS.filter((f) => value(f)).map((f) => [f, value(f)]),
  );
  const signedIn = session?.user?.id ?? '';
  const list = useApi(() => getConflicts(filters), [JSON.stringify(filters), signedIn]);
  const { data, refreshing } = useKeptData(list);
  const municipalities = useApi(getMunicipalities, []);
  const samebyar = useApi(getSamebyar, []);
  const steering = useApi(getSteering, []);
  const sdgs = useApi(getSdgs, []);
  const geo = useApi(getMunicipalityGeoJson, []);

  const set = (f: Filter, v: string) => {
    const next = new URLSearchParams(params);
    if (v) next.set(f, v);
    else next.delete(f);
    setParams(next, { replace: true });
  };
  const placeHref = (code: string) => {
    const next = new URLSearchParams(params);
    next.set('place', code);
    return `/malkonflikter?${next}`;
  };
  const anyFilter = FILTERS.some((f) => value(f));
  const staff = isStaffRole(session?.role);
  const en = lang.startsWith('en');
  // Titles, descriptions and own goals are written in Swedish: marked so in the English UI.
  const sv = en ? 'sv' : undefined;

  return (
    <>
      <PageHeader title={t('conflicts.title')} lead={t('conflicts.list.lead')} />
      <ConflictsSubNav />

      <details className="conflict-intro">
        <summary>{t('conflicts.list.introSummary')}</summary>
        <p>{t('conflicts.list.intro1')}</p>
        <p>{t('conflicts.list.intro2')}</p>
        <p>{t('conflicts.list.intro3')}</p>
      </details>

      <search>
        <form
          className="toolbar filters conflict-filters"
          aria-label={t('conflicts.filters.label')}
          onSubmit={(e) => {
            e.preventDefault();
            set('q', search.trim());
          }}
        >
          <div className="filter-search">
            <label htmlFor={searchId}>{t('conflicts.filters.q')}</label>
            <span className="search-row">
              <input id={searchId} type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
              <button type="submit" className="button">
                {t('conflicts.filters.search')}
              </button>
            </span>
          </div>
          <label>
            {t('conflicts.filters.status')}
            <select value={value('status')} onChange={(e) => set('status', e.target.value)}>
              <option value="">{t('conflicts.filters.all')}</option>
              {CONFLICT_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`conflicts.statuses.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('conflicts.filters.dimension')}
            <select value={value('dimension')} onChange={(e) => set('dimension', e.target.value)}>
              <option value="">{t('conflicts.filters.all')}</option>
              {DIMENSIONS.map((d) => (
                <option key={d} value={d}>
                  {t(`efforts.dimensions.${d}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('conflicts.filters.place')}
            <select value={value('place')} onChange={(e) => set('place', e.target.value)}>
              <option value="">{t('conflicts.filters.allPlaces')}</option>
              <optgroup label={t('conflicts.filters.municipalities')}>
                {municipalities.data?.map((m) => (
                  <option key={m.code} value={m.code}>
                    {m.name}
                  </option>
                ))}
              </optgroup>
              <optgroup label={t('conflicts.filters.samebyar')}>
                {samebyar.data?.map((s) => (
                  <option key={s.code} value={s.code}>
                    {t('conflicts.samebyName', { name: s.name })}
                  </option>
                ))}
              </optgroup>
            </select>
          </label>
          <label>
            {t('conflicts.filters.strengthArea')}
            <select value={value('strengthArea')} onChange={(e) => set('strengthArea', e.target.value)}>
              <option value="">{t('conflicts.filters.all')}</option>
              {steering.data?.strengthAreas.map((s) => (
                <option key={s.id} value={s.id}>
                  {en ? (s.name.en ?? s.name.sv) : s.name.sv}
                </option>
              ))}
            </select>
          </label>
          {anyFilter ? (
            <button
              type="button"
              className="button button-secondary"
              onClick={() => {
                setSearch('');
                setParams({}, { replace: true });
              }}
            >
              {t('conflicts.filters.reset')}
            </button>
          ) : null}
        </form>
      </search>

      <div className="list-actions">
        {staff ? (
          <Link className="button" to="/malkonflikter/ny">
            {t('conflicts.list.new')}
          </Link>
        ) : null}
        <span className="export-links">
          {t('conflicts.list.download')}{' '}
          <a href={conflictDownloadUrl(filters, 'csv')} download data-testid="download-csv">
            {t('conflicts.list.csv')}
          </a>
          <a href={conflictDownloadUrl(filters, 'xlsx')} download data-testid="download-xlsx">
            {t('conflicts.list.xlsx')}
          </a>
        </span>
      </div>

      {list.status === 'error' ? <ErrorMessage error={list.error} /> : null}
      {!data && list.status === 'loading' ? <Loading /> : null}
      {data ? (
        <div aria-busy={refreshing} data-testid="conflict-results">
          <p className="totals" aria-live="polite" data-testid="conflict-totals">
            {anyFilter
              ? t('conflicts.list.totalsFiltered', {
                  count: data.total,
                  formatted: formatNumber(data.total, lang),
                })
              : t('conflicts.list.totals', { count: data.total, formatted: formatNumber(data.total, lang) })}
          </p>
          {session?.permissions.readInternal ? null : (
            <p className="muted">{t('conflicts.list.publicOnly')}</p>
          )}
          <section aria-labelledby="conflict-list-title">
            <h2 id="conflict-list-title" className="visually-hidden">
              {t('conflicts.list.listTitle')}
            </h2>
            {data.items.length === 0 ? (
              <p className="muted">{t('conflicts.list.empty')}</p>
            ) : (
              <ul className="conflict-cards" data-testid="conflict-list">
                {data.items.map((c) => (
                  <li key={c.id} className="conflict-card">
                    <h3 lang={sv}>
                      <Link to={`/malkonflikter/${c.id}`}>{c.title}</Link>
                    </h3>
                    <p className="badges">
                      <StatusBadge status={c.status} />
                      {c.isExample ? <ExampleBadge /> : null}
                      {c.visibility === 'internal' ? (
                        <span className="badge badge-warn">{t('visibility.internal')}</span>
                      ) : null}
                    </p>
                    <dl className="conflict-card-facts">
                      <div>
                        <dt>{t('conflicts.fields.severity')}</dt>
                        <dd>
                          <SeverityText severity={c.severity} />
                        </dd>
                      </div>
                      <div>
                        <dt>{t('conflicts.fields.latestStep')}</dt>
                        <dd>{formatDate(c.latestStepDate, lang)}</dd>
                      </div>
                      <div className="wide">
                        <dt>{t('conflicts.fields.dimensions')}</dt>
                        <dd>{dimensionList(t, c.dimensions, lang)}</dd>
                      </div>
                      <div className="wide">
                        <dt>{t('conflicts.fields.places')}</dt>
                        <dd>
                          {c.places.length
                            ? joinNames(
                                c.places.map((p) =>
                                  p.type === 'sameby' ? t('conflicts.samebyName', { name: p.name }) : p.name,
                                ),
                                lang,
                              )
                            : '–'}
                        </dd>
                      </div>
                      {c.goals.length ? (
                        <div className="wide">
                          <dt>{t('conflicts.fields.goals')}</dt>
                          <dd className="clamp-2">
                            {c.goals.map((g, i) => (
                              <span key={`${g.kind}-${g.ref}`} lang={g.kind === 'free_text' ? sv : undefined}>
                                {i > 0 ? ' · ' : ''}
                                {goalName(g, lang, t, steering.data, sdgs.data).text}
                              </span>
                            ))}
                          </dd>
                        </div>
                      ) : null}
                    </dl>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <ConflictMap
            items={data.items}
            municipalities={municipalities.data ?? []}
            geojson={geo.data}
            placeHref={placeHref}
            onSelectPlace={(code) => set('place', code)}
          />
        </div>
      ) : null}
    </>
  );
}
