import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError, api, unwrap, unwrapEmpty } from '../../api/client';
import { useSession } from '../../auth/session';
import { AuditHistory } from '../../components/AuditHistory';
import { fieldErrorMap } from '../../components/FormField';
import { NotAllowed } from '../../components/NotAllowed';
import { PageHeader } from '../../components/PageHeader';
import { ErrorMessage, Loading } from '../../components/Status';
import { useApi } from '../../lib/useApi';
import { NotFoundPage } from '../not-found/NotFoundPage';
import { type ActorDraft, ActorForm, draftOf } from './ActorForm';

/** One actor: its facts, its efforts, an edit form for those who may, and its change history. */
export function ActorPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { session } = useSession();
  const navigate = useNavigate();
  const [version, setVersion] = useState(0);
  const signedIn = session?.user?.id ?? '';
  const actor = useApi(
    async () => unwrap(await api.GET('/api/v1/actors/{id}', { params: { path: { id } } })),
    [id, version, signedIn],
  );
  const efforts = useApi(
    async () => unwrap(await api.GET('/api/v1/actors/{id}/efforts', { params: { path: { id } } })).items,
    [id, signedIn],
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);

  if (actor.status === 'loading' || !session) return <Loading />;
  if (actor.status === 'error') {
    const status = actor.error instanceof ApiError ? actor.error.status : 0;
    if (status === 401 || status === 403) return <NotAllowed signedIn={status === 403} />;
    if (status === 404 || status === 400)
      return <NotFoundPage title={t('actors.notFound')} backTo="/aktorer" backLabel={t('actors.back')} />;
    return <ErrorMessage error={actor.error} />;
  }
  const a = actor.data;
  const staff = session.role === 'admin' || session.role === 'editor';
  const canEdit = staff || (session.role === 'partner' && session.organisation?.id === a.id);

  const save = async (d: ActorDraft) => {
    setSaved(false);
    try {
      unwrap(
        await api.PATCH('/api/v1/actors/{id}', {
          params: { path: { id: a.id }, header: { 'if-match': `"${a.version}"` } },
          body: {
            name: d.name,
            kind: d.kind,
            level: d.level,
            organisationNumber: d.organisationNumber || null,
            website: d.website || null,
            description: d.description || null,
            ...(staff ? { visibility: d.visibility } : {}),
          },
        }),
      );
      setErrors({});
      setSaved(true);
      setVersion((v) => v + 1);
    } catch (e) {
      if (e instanceof ApiError && e.status === 412) setErrors({ form: t('actors.stale') });
      else if (e instanceof ApiError && e.fieldErrors.length) setErrors(fieldErrorMap(e.fieldErrors));
      else setErrors({ form: (e as Error).message });
    }
  };
  const remove = async () => {
    if (!window.confirm(t('actors.confirmDelete', { name: a.name }))) return;
    try {
      unwrapEmpty(
        await api.DELETE('/api/v1/actors/{id}', {
          params: { path: { id: a.id }, header: { 'if-match': `"${a.version}"` } },
        }),
      );
      navigate('/aktorer');
    } catch (e) {
      setErrors({
        form: e instanceof ApiError && e.code === 'IN_USE' ? t('actors.inUse') : (e as Error).message,
      });
    }
  };

  return (
    <>
      <nav className="breadcrumbs" aria-label={t('common.breadcrumbs')}>
        <ol>
          <li>
            <Link to="/aktorer">{t('actors.title')}</Link>
          </li>
          <li aria-current="page">{a.name}</li>
        </ol>
      </nav>
      <PageHeader title={a.name} kicker={t(`actors.kinds.${a.kind}`)}>
        <p>
          {a.visibility === 'internal' ? (
            <span className="badge badge-warn">{t('visibility.internal')}</span>
          ) : (
            <span className="badge badge-ok">{t('visibility.published')}</span>
          )}
        </p>
      </PageHeader>
      <dl className="facts">
        <div>
          <dt>{t('actors.level')}</dt>
          <dd>{t(`actors.levels.${a.level}`)}</dd>
        </div>
        <div>
          <dt>{t('actors.organisationNumber')}</dt>
          <dd className="mono">{a.organisationNumber ?? '–'}</dd>
        </div>
        <div>
          <dt>{t('actors.website')}</dt>
          <dd>
            {a.website ? (
              <a href={a.website} rel="noopener noreferrer">
                {a.website}
              </a>
            ) : (
              '–'
            )}
          </dd>
        </div>
        <div>
          <dt>{t('actors.description')}</dt>
          <dd>{a.description ?? '–'}</dd>
        </div>
      </dl>

      <section className="section" aria-labelledby="actor-efforts">
        <h2 id="actor-efforts">{t('actors.efforts')}</h2>
        {efforts.status === 'ok' && efforts.data.length > 0 ? (
          <ul className="plain-list">
            {efforts.data.map((e) => (
              <li key={e.id}>
                <Link to={`/insatser/${e.id}`}>{e.title}</Link>{' '}
                <span className="muted">
                  ({e.roles.map((r) => t(`efforts.roles.${r}`, { defaultValue: r })).join(', ')})
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('actors.noEfforts')}</p>
        )}
      </section>

      {canEdit ? (
        <section className="section" aria-labelledby="edit-actor">
          <h2 id="edit-actor">{t('actors.edit')}</h2>
          {saved ? (
            <p className="form-ok" role="status">
              {t('actors.saved')}
            </p>
          ) : null}
          <ActorForm
            key={a.version}
            initial={draftOf(a)}
            canPublish={staff}
            errors={errors}
            submitLabel={t('actors.save')}
            onSubmit={save}
          />
          {staff ? (
            <p>
              <button type="button" className="button button-danger" onClick={remove}>
                {t('actors.delete')}
              </button>
            </p>
          ) : null}
        </section>
      ) : null}

      {session.permissions.readAudit ? (
        <AuditHistory entity="organisation" id={a.id} version={a.version} />
      ) : null}
    </>
  );
}
