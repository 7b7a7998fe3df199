import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, type Role, type User, unwrap, unwrapEmpty } from '../../api/client';
import { useSession } from '../../auth/session';
import { FormField, fieldErrorMap } from '../../components/FormField';
import { NotAllowed } from '../../components/NotAllowed';
import { PageHeader } from '../../components/PageHeader';
import { ErrorMessage, Loading } from '../../components/Status';
import { collatorFor } from '../../lib/format';
import { useApi } from '../../lib/useApi';

type Draft = { email: string; name: string; role: Role; organisationId: string; password: string };
const emptyDraft: Draft = { email: '', name: '', role: 'viewer', organisationId: '', password: '' };

/** Users and roles of the region (editors and administrators; never above one's own role). */
export function UsersPage() {
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  const [reload, setReload] = useState(0);
  const allowed = Boolean(session?.permissions.manageUsers);
  const users = useApi(
    async () => (allowed ? unwrap(await api.GET('/api/v1/users')).items : []),
    [allowed, reload],
  );
  const actors = useApi(
    async () =>
      allowed ? unwrap(await api.GET('/api/v1/actors', { params: { query: { limit: 500 } } })).items : [],
    [allowed],
  );
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string>();
  const [editing, setEditing] = useState<string>();

  if (!session) return <Loading />;
  if (!allowed) return <NotAllowed signedIn={Boolean(session.user)} />;

  const grantable = session.permissions.grantableRoles;
  const create = async (event: FormEvent) => {
    event.preventDefault();
    setErrors({});
    try {
      const created = unwrap(
        await api.POST('/api/v1/users', {
          body: {
            email: draft.email,
            name: draft.name,
            role: draft.role,
            organisationId: draft.role === 'partner' ? draft.organisationId || null : null,
            ...(draft.password ? { password: draft.password } : {}),
          },
        }),
      );
      setMessage(t('users.created', { name: created.name }));
      setDraft(emptyDraft);
      setReload((n) => n + 1);
    } catch (e) {
      if (e instanceof ApiError && e.fieldErrors.length) setErrors(fieldErrorMap(e.fieldErrors));
      else
        setErrors({
          form: e instanceof ApiError ? t(`users.errors.${e.code}`, { defaultValue: e.message }) : String(e),
        });
    }
  };

  const actorList =
    actors.status === 'ok' ? [...actors.data].sort((a, b) => collatorFor('sv').compare(a.name, b.name)) : [];
  return (
    <>
      <PageHeader title={t('users.title')} lead={t('users.lead')} />
      {message ? (
        <p className="form-ok" role="status">
          {message}
        </p>
      ) : null}
      {users.status === 'loading' ? <Loading /> : null}
      {users.status === 'error' ? <ErrorMessage error={users.error} /> : null}
      {users.status === 'ok' ? (
        <div className="table-wrap">
          <table className="data-table">
            <caption>{t('users.tableCaption', { count: users.data.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('account.name')}</th>
                <th scope="col">{t('auth.email')}</th>
                <th scope="col">{t('account.role')}</th>
                <th scope="col">{t('users.organisation')}</th>
                <th scope="col">{t('users.status')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('users.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {[...users.data]
                .sort((a, b) => collatorFor(i18n.language).compare(a.name, b.name))
                .map((u) => (
                  <UserRow
                    key={u.id}
                    user={u}
                    editing={editing === u.id}
                    onEdit={() => setEditing(editing === u.id ? undefined : u.id)}
                    onSaved={(text) => {
                      setEditing(undefined);
                      setMessage(text);
                      setReload((n) => n + 1);
                    }}
                    grantable={grantable}
                    actors={actorList}
                    selfId={session.user?.id}
                  />
                ))}
            </tbody>
          </table>
        </div>
      ) : null}

      <section className="section" aria-labelledby="new-user-title">
        <h2 id="new-user-title">{t('users.newTitle')}</h2>
        <form className="form form-grid" onSubmit={create} noValidate>
          {errors.form ? (
            <p className="form-error" role="alert">
              {errors.form}
            </p>
          ) : null}
          <FormField label={t('account.name')} error={errors.name}>
            {(f) => (
              <input
                {...f}
                value={draft.name}
                onChange={(e) => setDraft({ ...draft, name: e.target.value })}
              />
            )}
          </FormField>
          <FormField label={t('auth.email')} error={errors.email}>
            {(f) => (
              <input
                {...f}
                type="email"
                value={draft.email}
                onChange={(e) => setDraft({ ...draft, email: e.target.value })}
              />
            )}
          </FormField>
          <FormField label={t('account.role')} error={errors.role}>
            {(f) => (
              <select
                {...f}
                value={draft.role}
                onChange={(e) => setDraft({ ...draft, role: e.target.value as Role })}
              >
                {grantable.map((r) => (
                  <option key={r} value={r}>
                    {t(`roles.${r}`)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          {draft.role === 'partner' ? (
            <FormField label={t('users.organisation')} error={errors.organisationId}>
              {(f) => (
                <select
                  {...f}
                  value={draft.organisationId}
                  onChange={(e) => setDraft({ ...draft, organisationId: e.target.value })}
                >
                  <option value="">{t('users.chooseOrganisation')}</option>
                  {actorList.map((a) => (
                    <option key={a.id} value={a.id}>
                      {a.name}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
          ) : null}
          <FormField
            label={t('users.firstPassword')}
            hint={t('users.firstPasswordHint')}
            error={errors.password}
          >
            {(f) => (
              <input
                {...f}
                type="password"
                autoComplete="new-password"
                value={draft.password}
                onChange={(e) => setDraft({ ...draft, password: e.target.value })}
              />
            )}
          </FormField>
          <div className="form-actions">
            <button type="submit" className="button">
              {t('users.create')}
            </button>
          </div>
        </form>
      </section>
    </>
  );
}

type RowProps = {
  user: User;
  editing: boolean;
  onEdit: () => void;
  onSaved: (message: string) => void;
  grantable: Role[];
  actors: Array<{ id: string; name: string }>;
  selfId: string | undefined;
};

function UserRow({ user, editing, onEdit, onSaved, grantable, actors, selfId }: RowProps) {
  const { t } = useTranslation();
  const [role, setRole] = useState<Role>(user.role ?? 'viewer');
  const [organisationId, setOrganisationId] = useState(user.organisation?.id ?? '');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const manageable = user.role !== null && grantable.includes(user.role) && user.id !== selfId;

  const patch = async (body: { role?: Role; organisationId?: string | null; disabled?: boolean }) => {
    setError(undefined);
    try {
      unwrap(
        await api.PATCH('/api/v1/users/{id}', {
          params: { path: { id: user.id }, header: { 'if-match': `"${user.version}"` } },
          body,
        }),
      );
      onSaved(t('users.saved', { name: user.name }));
    } catch (e) {
      setError(
        e instanceof ApiError && e.status === 412
          ? t('users.errors.VERSION_MISMATCH')
          : e instanceof ApiError
            ? (e.fieldErrors[0]?.message ?? e.message)
            : String(e),
      );
    }
  };
  const resetPassword = async () => {
    setError(undefined);
    try {
      unwrapEmpty(
        await api.POST('/api/v1/users/{id}/password', {
          params: { path: { id: user.id } },
          body: { password },
        }),
      );
      setPassword('');
      onSaved(t('users.passwordSet', { name: user.name }));
    } catch (e) {
      setError(e instanceof ApiError ? (e.fieldErrors[0]?.message ?? e.message) : String(e));
    }
  };

  return (
    <>
      <tr>
        <th scope="row">
          {user.name}
          {user.isDemo ? <span className="badge badge-warn">{t('users.demo')}</span> : null}
        </th>
        <td>{user.email}</td>
        <td>{user.role ? t(`roles.${user.role}`) : t('roles.none')}</td>
        <td>{user.organisation?.name ?? '–'}</td>
        <td>{user.disabled ? t('users.disabled') : t('users.active')}</td>
        <td>
          {manageable ? (
            <button
              type="button"
              className="button button-secondary button-small"
              aria-expanded={editing}
              onClick={onEdit}
            >
              {t('users.edit')}
              <span className="visually-hidden"> {user.name}</span>
            </button>
          ) : null}
        </td>
      </tr>
      {editing ? (
        <tr className="edit-row">
          <td colSpan={6}>
            <div className="inline-form">
              {error ? (
                <p className="form-error" role="alert">
                  {error}
                </p>
              ) : null}
              <FormField label={t('account.role')}>
                {(f) => (
                  <select {...f} value={role} onChange={(e) => setRole(e.target.value as Role)}>
                    {grantable.map((r) => (
                      <option key={r} value={r}>
                        {t(`roles.${r}`)}
                      </option>
                    ))}
                  </select>
                )}
              </FormField>
              {role === 'partner' ? (
                <FormField label={t('users.organisation')}>
                  {(f) => (
                    <select {...f} value={organisationId} onChange={(e) => setOrganisationId(e.target.value)}>
                      <option value="">{t('users.chooseOrganisation')}</option>
                      {actors.map((a) => (
                        <option key={a.id} value={a.id}>
                          {a.name}
                        </option>
                      ))}
                    </select>
                  )}
                </FormField>
              ) : null}
              <div className="form-actions">
                <button
                  type="button"
                  className="button"
                  onClick={() =>
                    patch({ role, organisationId: role === 'partner' ? organisationId || null : null })
                  }
                >
                  {t('users.saveRole')}
                </button>
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() => patch({ disabled: !user.disabled })}
                >
                  {user.disabled ? t('users.enable') : t('users.disable')}
                </button>
              </div>
              <FormField label={t('users.newPassword')} hint={t('account.newHint', { count: 12 })}>
                {(f) => (
                  <input
                    {...f}
                    type="password"
                    autoComplete="new-password"
                    value={password}
                    onChange={(e) => setPassword(e.target.value)}
                  />
                )}
              </FormField>
              <div className="form-actions">
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={resetPassword}
                  disabled={password.length === 0}
                >
                  {t('users.setPassword')}
                </button>
              </div>
            </div>
          </td>
        </tr>
      ) : null}
    </>
  );
}
