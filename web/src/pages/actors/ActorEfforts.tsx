import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import { Loading } from '../../components/Status';
import { useApi } from '../../lib/useApi';

/** The efforts the reader may see that the actor runs, funds or takes part in. */
export function ActorEfforts({ actorId, signedIn }: { actorId: string; signedIn: string }) {
  const { t } = useTranslation();
  const efforts = useApi(
    async () =>
      unwrap(await api.GET('/api/v1/actors/{id}/efforts', { params: { path: { id: actorId } } })).items,
    [actorId, signedIn],
  );
  return (
    <section className="section" aria-labelledby="actor-efforts">
      <h2 id="actor-efforts">{t('actors.efforts')}</h2>
      {efforts.status === 'loading' ? <Loading /> : null}
      {efforts.status === 'error' ? <p className="muted">{t('actors.effortsFailed')}</p> : null}
      {efforts.status === 'ok' && efforts.data.length > 0 ? (
        <ul className="plain-list effort-links">
          {efforts.data.map((e) => (
            <li key={e.id}>
              <Link to={`/insatser/${e.id}`}>{e.title}</Link>{' '}
              <span className="muted">
                ({e.roles.map((r) => t(`efforts.roles.${r}`, { defaultValue: r })).join(', ')})
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {efforts.status === 'ok' && efforts.data.length === 0 ? (
        <p className="muted">{t('actors.noEfforts')}</p>
      ) : null}
    </section>
  );
}
