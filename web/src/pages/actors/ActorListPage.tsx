import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { useSession } from '../../auth/session';
import { PageHeader } from '../../components/PageHeader';
import { ErrorMessage, Loading } from '../../components/Status';
import { VisibilityBadge } from '../../components/VisibilityBadge';
import { formatNumber, sortByName } from '../../lib/format';
import { useApi } from '../../lib/useApi';
import { ACTOR_KINDS, type ActorKind } from './actorFields';
import { NewActorSection } from './NewActorSection';

const isKind = (k: string | null): k is ActorKind => ACTOR_KINDS.includes(k as ActorKind);

/** The actor register: search, filter by kind; staff add new actors. */
export function ActorListPage() {
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  // Search and filter live in the address, so a list can be linked to and Back works.
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const kindParam = params.get('typ');
  const kind = isKind(kindParam) ? kindParam : '';
  const [search, setSearch] = useState(q);
  const signedIn = session?.user?.id ?? '';
  const list = useApi(async () => {
    const data = unwrap(
      await api.GET('/api/v1/actors', {
        params: { query: { limit: 500, ...(q ? { q } : {}), ...(kind ? { kind } : {}) } },
      }),
    );
    return { ...data, items: sortByName(data.items) };
  }, [q, kind, signedIn]);
  const [adding, setAdding] = useState(false);
  const removed = (useLocation().state as { removed?: string } | null)?.removed;
  const staff = session?.role === 'admin' || session?.role === 'editor';

  const update = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  return (
    <>
      <PageHeader title={t('actors.title')} lead={t('actors.lead')} />
      {removed ? (
        <p className="form-ok" role="status">
          {t('actors.removed', { name: removed })}
        </p>
      ) : null}
      <search>
        <form
          className="toolbar filters"
          onSubmit={(e) => {
            e.preventDefault();
            update('q', search.trim());
          }}
        >
          <label>
            {t('actors.search')}
            <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
          </label>
          <button type="submit" className="button">
            {t('actors.searchButton')}
          </button>
          <label>
            {t('actors.kind')}
            <select value={kind} onChange={(e) => update('typ', e.target.value)}>
              <option value="">{t('actors.allKinds')}</option>
              {ACTOR_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`actors.kinds.${k}`)}
                </option>
              ))}
            </select>
          </label>
        </form>
      </search>
      {staff ? (
        <div className="list-actions">
          <button type="button" className="button" aria-expanded={adding} onClick={() => setAdding(!adding)}>
            {t('actors.add')}
          </button>
        </div>
      ) : null}
      {staff && adding ? <NewActorSection /> : null}
      {list.status === 'loading' ? <Loading /> : null}
      {list.status === 'error' ? <ErrorMessage error={list.error} /> : null}
      {list.status === 'ok' ? (
        <>
          <p className="totals" aria-live="polite">
            {t('actors.caption', {
              count: list.data.total,
              formatted: formatNumber(list.data.total, i18n.language),
            })}
          </p>
          {list.data.items.length === 0 ? (
            <p className="muted">{t('actors.none')}</p>
          ) : (
            <div className="table-wrap">
              <table className="data-table actors-table">
                <caption className="visually-hidden">
                  {t('actors.caption', {
                    count: list.data.total,
                    formatted: formatNumber(list.data.total, i18n.language),
                  })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('actors.name')}</th>
                    <th scope="col">{t('actors.kind')}</th>
                    <th scope="col">{t('actors.level')}</th>
                    <th scope="col">{t('actors.organisationNumber')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.data.items.map((a) => (
                    <tr key={a.id}>
                      <th scope="row">
                        <Link to={`/aktorer/${a.id}`}>{a.name}</Link>
                        {/* Published is the normal case; internal records are marked. */}
                        {a.visibility === 'internal' ? <VisibilityBadge visibility="internal" /> : null}
                      </th>
                      <td>{t(`actors.kinds.${a.kind}`)}</td>
                      <td>{t(`actors.levels.${a.level}`)}</td>
                      <td className="mono nowrap">{a.organisationNumber ?? '–'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      ) : null}
    </>
  );
}
