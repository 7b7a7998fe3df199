import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { getMunicipalities, getSdgs, getSteering } from '../../api/queries';
import { useSession } from '../../auth/session';
import { PageHeader } from '../../components/PageHeader';
import { ErrorMessage, Loading } from '../../components/Status';
import { formatDate, formatNumber } from '../../lib/format';
import { useApi } from '../../lib/useApi';
import { EFFORT_STATUSES, FUNDING_SOURCES, formatSek } from './labels';

const FILTERS = [
  'q',
  'status',
  'municipality',
  'priority',
  'strengthArea',
  'financier',
  'nationalArea',
  'sdgGoal',
  'owner',
  'year',
  'sort',
  'order',
] as const;
type Filter = (typeof FILTERS)[number];
const PAGE = 50;

/** The effort register: search, filters, sorting, totals, exports; staff add and import. */
export function EffortListPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { session } = useSession();
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const value = (f: Filter) => params.get(f) ?? '';
  const offset = Number(params.get('offset') ?? 0) || 0;
  const query = Object.fromEntries(FILTERS.filter((f) => value(f)).map((f) => [f, value(f)]));
  const signedIn = session?.user?.id ?? '';
  const list = useApi(
    async () =>
      unwrap(
        await api.GET('/api/v1/efforts', {
          params: { query: { ...(query as Record<string, string>), limit: PAGE, offset } as never },
        }),
      ),
    [params.toString(), signedIn],
  );
  const municipalities = useApi(getMunicipalities, []);
  const steering = useApi(getSteering, []);
  const sdgs = useApi(getSdgs, []);
  const actors = useApi(
    async () => unwrap(await api.GET('/api/v1/actors', { params: { query: { limit: 500 } } })).items,
    [signedIn],
  );
  const set = (f: Filter | 'offset', v: string) => {
    const next = new URLSearchParams(params);
    if (v) next.set(f, v);
    else next.delete(f);
    if (f !== 'offset') next.delete('offset');
    setParams(next);
  };
  const staff = session?.role === 'admin' || session?.role === 'editor';
  const canCreate = staff || session?.role === 'partner';
  const exportQuery = new URLSearchParams(query as Record<string, string>);

  return (
    <>
      <PageHeader title={t('efforts.title')} lead={t('efforts.lead')} />
      <search>
        <form
          className="toolbar filters"
          onSubmit={(e) => {
            e.preventDefault();
            set('q', search.trim());
          }}
        >
          <label>
            {t('efforts.search')}
            <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
          </label>
          <button type="submit" className="button">
            {t('efforts.searchButton')}
          </button>
          <label>
            {t('efforts.status')}
            <select value={value('status')} onChange={(e) => set('status', e.target.value)}>
              <option value="">{t('efforts.all')}</option>
              {EFFORT_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`efforts.statuses.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('efforts.municipality')}
            <select value={value('municipality')} onChange={(e) => set('municipality', e.target.value)}>
              <option value="">{t('efforts.all')}</option>
              {municipalities.status === 'ok'
                ? municipalities.data.map((m) => (
                    <option key={m.code} value={m.code}>
                      {m.name}
                    </option>
                  ))
                : null}
            </select>
          </label>
          <label>
            {t('efforts.priority')}
            <select value={value('priority')} onChange={(e) => set('priority', e.target.value)}>
              <option value="">{t('efforts.all')}</option>
              {steering.status === 'ok'
                ? steering.data.priorities.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.number}. {p.title.sv}
                    </option>
                  ))
                : null}
            </select>
          </label>
          <label>
            {t('efforts.strengthArea')}
            <select value={value('strengthArea')} onChange={(e) => set('strengthArea', e.target.value)}>
              <option value="">{t('efforts.all')}</option>
              {steering.status === 'ok'
                ? steering.data.strengthAreas.map((s) => (
                    <option key={s.id} value={s.id}>
                      {lang.startsWith('en') ? (s.name.en ?? s.name.sv) : s.name.sv}
                    </option>
                  ))
                : null}
            </select>
          </label>
          <label>
            {t('efforts.financier')}
            <select value={value('financier')} onChange={(e) => set('financier', e.target.value)}>
              <option value="">{t('efforts.all')}</option>
              {FUNDING_SOURCES.map((s) => (
                <option key={s} value={s}>
                  {t(`efforts.sources.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('efforts.nationalArea')}
            <select value={value('nationalArea')} onChange={(e) => set('nationalArea', e.target.value)}>
              <option value="">{t('efforts.all')}</option>
              {steering.status === 'ok'
                ? steering.data.nationalAreas.map((n) => (
                    <option key={n.code} value={String(n.code)}>
                      {n.code}. {lang.startsWith('en') ? (n.title.en ?? n.title.sv) : n.title.sv}
                    </option>
                  ))
                : null}
            </select>
          </label>
          <label>
            {t('efforts.sdgGoal')}
            <select value={value('sdgGoal')} onChange={(e) => set('sdgGoal', e.target.value)}>
              <option value="">{t('efforts.all')}</option>
              {sdgs.status === 'ok'
                ? sdgs.data.goals.map((g) => (
                    <option key={g.goal} value={String(g.goal)}>
                      {g.goal}.{' '}
                      {lang.startsWith('en') ? (g.title.en ?? g.title.sv) : (g.title.sv ?? g.title.en)}
                    </option>
                  ))
                : null}
            </select>
          </label>
          <label>
            {t('efforts.owner')}
            <select value={value('owner')} onChange={(e) => set('owner', e.target.value)}>
              <option value="">{t('efforts.all')}</option>
              {actors.status === 'ok'
                ? actors.data.map((a) => (
                    <option key={a.id} value={a.id}>
                      {a.name}
                    </option>
                  ))
                : null}
            </select>
          </label>
          <label>
            {t('efforts.year')}
            <input
              type="number"
              inputMode="numeric"
              min={1990}
              max={2100}
              value={value('year')}
              onChange={(e) => set('year', e.target.value)}
            />
          </label>
          <label>
            {t('efforts.sort')}
            <select
              value={value('sort') || 'title'}
              onChange={(e) => set('sort', e.target.value === 'title' ? '' : e.target.value)}
            >
              <option value="title">{t('efforts.sorts.title')}</option>
              <option value="startDate">{t('efforts.sorts.startDate')}</option>
              <option value="funding">{t('efforts.sorts.funding')}</option>
              <option value="updatedAt">{t('efforts.sorts.updatedAt')}</option>
            </select>
          </label>
          <label>
            {t('efforts.order')}
            <select
              value={value('order') || 'asc'}
              onChange={(e) => set('order', e.target.value === 'asc' ? '' : e.target.value)}
            >
              <option value="asc">{t('efforts.ascending')}</option>
              <option value="desc">{t('efforts.descending')}</option>
            </select>
          </label>
        </form>
      </search>
      <div className="toolbar-actions list-actions">
        {canCreate ? (
          <Link className="button" to="/insatser/ny">
            {t('efforts.new')}
          </Link>
        ) : null}
        {staff ? (
          <Link className="button button-secondary" to="/insatser/import">
            {t('efforts.import')}
          </Link>
        ) : null}
        <span className="export-links">
          {t('efforts.download')}{' '}
          {(['csv', 'xlsx', 'json'] as const).map((f) => (
            <a
              key={f}
              href={`/api/v1/efforts/export?${new URLSearchParams({ ...Object.fromEntries(exportQuery), format: f })}`}
              download
            >
              {f.toUpperCase()}
            </a>
          ))}
        </span>
      </div>
      {list.status === 'loading' ? <Loading /> : null}
      {list.status === 'error' ? <ErrorMessage error={list.error} /> : null}
      {list.status === 'ok' ? (
        <>
          <p className="totals" aria-live="polite" data-testid="effort-totals">
            {t('efforts.totals', {
              count: list.data.total,
              formatted: formatNumber(list.data.total, lang),
              sek: formatSek(list.data.totalFundingSek, lang),
            })}
          </p>
          <div className="table-wrap">
            <table className="data-table">
              <caption className="visually-hidden">{t('efforts.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('efforts.titleColumn')}</th>
                  <th scope="col">{t('efforts.status')}</th>
                  <th scope="col">{t('efforts.period')}</th>
                  <th scope="col">{t('efforts.owner')}</th>
                  <th scope="col" className="num">
                    {t('efforts.fundingColumn')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((e) => (
                  <tr key={e.id}>
                    <th scope="row">
                      <Link to={`/insatser/${e.id}`}>{e.title}</Link>
                      {e.isExample ? <span className="badge">{t('efforts.example')}</span> : null}
                      {e.visibility === 'internal' ? (
                        <span className="badge badge-warn">{t('visibility.internal')}</span>
                      ) : null}
                    </th>
                    <td>{t(`efforts.statuses.${e.status}`)}</td>
                    <td>
                      {e.startDate ? formatDate(e.startDate, lang) : '…'} –{' '}
                      {e.endDate ? formatDate(e.endDate, lang) : '…'}
                    </td>
                    <td>{e.owner?.name ?? t('efforts.region')}</td>
                    <td className="num">{formatSek(e.totalFundingSek, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {list.data.total > PAGE ? (
            <nav className="pager" aria-label={t('efforts.pages')}>
              <button
                type="button"
                className="button button-secondary"
                disabled={offset === 0}
                onClick={() => set('offset', String(Math.max(0, offset - PAGE)))}
              >
                {t('efforts.previous')}
              </button>
              <span>
                {t('efforts.showing', {
                  from: offset + 1,
                  to: Math.min(offset + PAGE, list.data.total),
                  total: list.data.total,
                })}
              </span>
              <button
                type="button"
                className="button button-secondary"
                disabled={offset + PAGE >= list.data.total}
                onClick={() => set('offset', String(offset + PAGE))}
              >
                {t('efforts.next')}
              </button>
            </nav>
          ) : null}
        </>
      ) : null}
    </>
  );
}
