import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ApiError, api, unwrap } from '../../api/client';
import { useSession } from '../../auth/session';
import { fieldErrorMap } from '../../components/FormField';
import { PageHeader } from '../../components/PageHeader';
import { ErrorMessage, Loading } from '../../components/Status';
import { formatNumber } from '../../lib/format';
import { useApi } from '../../lib/useApi';
import { type ActorDraft, ActorForm, draftOf } from './ActorForm';
import { ACTOR_KINDS, type ActorKind } from './actorFields';

/** The actor register: search, filter by kind; staff add new actors. */
export function ActorListPage() {
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const [kind, setKind] = useState<ActorKind | ''>('');
  const signedIn = session?.user?.id ?? '';
  const list = useApi(
    async () =>
      unwrap(
        await api.GET('/api/v1/actors', {
          params: { query: { limit: 500, ...(q ? { q } : {}), ...(kind ? { kind } : {}) } },
        }),
      ),
    [q, kind, signedIn],
  );
  const [adding, setAdding] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const staff = session?.role === 'admin' || session?.role === 'editor';

  const create = async (d: ActorDraft) => {
    try {
      const created = unwrap(
        await api.POST('/api/v1/actors', {
          body: {
            ...d,
            organisationNumber: d.organisationNumber || null,
            website: d.website || null,
            description: d.description || null,
          },
        }),
      );
      navigate(`/aktorer/${created.id}`);
    } catch (e) {
      setErrors(
        e instanceof ApiError && e.fieldErrors.length
          ? fieldErrorMap(e.fieldErrors)
          : { form: String((e as Error).message) },
      );
    }
  };

  return (
    <>
      <PageHeader title={t('actors.title')} lead={t('actors.lead')} />
      <search className="toolbar">
        <label>
          {t('actors.search')}
          <input type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        </label>
        <label>
          {t('actors.kind')}
          <select value={kind} onChange={(e) => setKind(e.target.value as ActorKind | '')}>
            <option value="">{t('actors.allKinds')}</option>
            {ACTOR_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`actors.kinds.${k}`)}
              </option>
            ))}
          </select>
        </label>
        {staff ? (
          <div className="toolbar-actions">
            <button
              type="button"
              className="button"
              aria-expanded={adding}
              onClick={() => setAdding(!adding)}
            >
              {t('actors.add')}
            </button>
          </div>
        ) : null}
      </search>
      {adding ? (
        <section className="section" aria-labelledby="new-actor">
          <h2 id="new-actor">{t('actors.add')}</h2>
          <ActorForm
            initial={draftOf()}
            canPublish={staff}
            errors={errors}
            submitLabel={t('actors.create')}
            onSubmit={create}
          />
        </section>
      ) : null}
      {list.status === 'loading' ? <Loading /> : null}
      {list.status === 'error' ? <ErrorMessage error={list.error} /> : null}
      {list.status === 'ok' ? (
        <div className="table-wrap">
          <table className="data-table">
            <caption>
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
                <th scope="col">{t('visibility.label')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((a) => (
                <tr key={a.id}>
                  <th scope="row">
                    <Link to={`/aktorer/${a.id}`}>{a.name}</Link>
                  </th>
                  <td>{t(`actors.kinds.${a.kind}`)}</td>
                  <td>{t(`actors.levels.${a.level}`)}</td>
                  <td className="mono">{a.organisationNumber ?? '–'}</td>
                  <td>
                    {a.visibility === 'internal' ? (
                      <span className="badge badge-warn">{t('visibility.internal')}</span>
                    ) : (
                      <span className="badge badge-ok">{t('visibility.published')}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
