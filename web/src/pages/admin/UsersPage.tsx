import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, type User, unwrap } from '../../api/client';
import { useSession } from '../../auth/session';
import { NotAllowed } from '../../components/NotAllowed';
import { PageHeader } from '../../components/PageHeader';
import { ErrorMessage, Loading } from '../../components/Status';
import { sortByName } from '../../lib/format';
import { useApi } from '../../lib/useApi';
import { NewUserForm } from './NewUserForm';
import { UserTable } from './UserTable';

/** Users and roles of the region (editors and administrators; never above one's own role). */
export function UsersPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const [reload, setReload] = useState(0);
  const [message, setMessage] = useState<string>();
  const allowed = Boolean(session?.permissions.manageUsers);
  const users = useApi(
    async () => (allowed ? sortByName(unwrap(await api.GET('/api/v1/users')).items) : []),
    [allowed, reload],
  );
  // While the list is read again after a change, the table (and an open editor) stays.
  const lastUsers = useRef<User[] | undefined>(undefined);
  if (users.status === 'ok') lastUsers.current = users.data;
  const shownUsers = users.status === 'ok' ? users.data : lastUsers.current;
  // Partners belong to an organisation: the choices for the role "partner".
  const organisations = useApi(
    async () =>
      allowed
        ? sortByName(unwrap(await api.GET('/api/v1/actors', { params: { query: { limit: 500 } } })).items)
        : [],
    [allowed],
  );

  if (!session) return <Loading />;
  if (!allowed) return <NotAllowed signedIn={Boolean(session.user)} />;
  if (users.status === 'error' && users.error instanceof ApiError) {
    // The session ended or the role changed since the page was opened.
    if (users.error.status === 401 || users.error.status === 403)
      return <NotAllowed signedIn={users.error.status === 403} />;
  }

  const changed = (text: string) => {
    setMessage(text);
    setReload((n) => n + 1);
  };
  const organisationList = organisations.status === 'ok' ? organisations.data : [];
  return (
    <>
      <PageHeader title={t('users.title')} lead={t('users.lead')} />
      <div aria-live="polite">
        {message ? (
          <p className="form-ok" role="status">
            {message}
          </p>
        ) : null}
      </div>
      {users.status === 'loading' && !shownUsers ? <Loading /> : null}
      {users.status === 'error' ? <ErrorMessage error={users.error} /> : null}
      {users.status !== 'error' && shownUsers ? (
        <UserTable
          users={shownUsers}
          grantable={session.permissions.grantableRoles}
          organisations={organisationList}
          selfId={session.user?.id}
          onChanged={changed}
          onReload={() => setReload((n) => n + 1)}
        />
      ) : null}
      <NewUserForm
        grantable={session.permissions.grantableRoles}
        organisations={organisationList}
        onCreated={(name) => changed(t('users.created', { name }))}
      />
    </>
  );
}
