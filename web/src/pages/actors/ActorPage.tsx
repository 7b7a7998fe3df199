import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError, api, unwrap } from '../../api/client';
import { useSession } from '../../auth/session';
import { AuditHistory } from '../../components/AuditHistory';
import { NotAllowed } from '../../components/NotAllowed';
import { PageHeader } from '../../components/PageHeader';
import { ErrorMessage, Loading } from '../../components/Status';
import { VisibilityBadge } from '../../components/VisibilityBadge';
import { useApi } from '../../lib/useApi';
import { NotFoundPage } from '../not-found/NotFoundPage';
import { ActorEditSection } from './ActorEditSection';
import { ActorEfforts } from './ActorEfforts';
import { ActorFacts } from './ActorFacts';
import { actorFieldLabel, actorFieldValue } from './actorFields';
import { useAreaChoices } from './useAreaChoices';

/** One actor: its facts, its efforts, an edit form for those who may, and its change history. */
export function ActorPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { session } = useSession();
  const [reload, setReload] = useState(0);
  const [notice, setNotice] = useState<string>();
  const areas = useAreaChoices();
  const signedIn = session?.user?.id ?? '';
  const actor = useApi(
    async () => unwrap(await api.GET('/api/v1/actors/{id}', { params: { path: { id } } })),
    [id, reload, signedIn],
  );

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
  const ownOrganisation = session.role === 'partner' && session.organisation?.id === a.id;

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
          <VisibilityBadge visibility={a.visibility} />
        </p>
      </PageHeader>
      <ActorFacts actor={a} areaName={areas.areaName} />
      <ActorEfforts actorId={a.id} signedIn={signedIn} />
      {staff || ownOrganisation ? (
        <ActorEditSection
          actor={a}
          staff={staff}
          areas={areas}
          notice={notice}
          onSaved={() => {
            setNotice(t('actors.saved'));
            setReload((n) => n + 1);
          }}
          onReload={() => {
            setNotice(undefined);
            setReload((n) => n + 1);
          }}
        />
      ) : null}
      {session.permissions.readAudit ? (
        <AuditHistory
          entity="organisation"
          id={a.id}
          version={a.version}
          fieldLabel={(field) => actorFieldLabel(t, field)}
          formatValue={(field, value) => actorFieldValue(t, field, value, areas.areaName)}
        />
      ) : null}
    </>
  );
}
