import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Role, type User, unwrap, unwrapEmpty } from '../../api/client';
import { FormField } from '../../components/FormField';
import { problemMessages } from '../../lib/problems';
import { MAX_PASSWORD, MIN_PASSWORD } from '../../lib/validate';
import { OrganisationSelect, RoleSelect } from './userFields';

type Props = {
  user: User;
  grantable: Role[];
  organisations: Array<{ id: string; name: string }>;
  onSaved: (message: string) => void;
  onReload: () => void;
};

type Errors = Record<string, string>;

/** Change a user's role and organisation, switch the account off or on, set a new password. */
export function UserEditor({ user, grantable, organisations, onSaved, onReload }: Props) {
  const { t } = useTranslation();
  const roles = user.role && !grantable.includes(user.role) ? [user.role, ...grantable] : grantable;
  const [role, setRole] = useState<Role>(user.role ?? grantable[grantable.length - 1] ?? 'viewer');
  const [organisationId, setOrganisationId] = useState(user.organisation?.id ?? '');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [stale, setStale] = useState(false);
  const [busy, setBusy] = useState(false);
  const codes = {
    VERSION_MISMATCH: t('users.errors.VERSION_MISMATCH'),
    FORBIDDEN: t('users.errors.FORBIDDEN'),
  };

  const patch = async (body: { role?: Role; organisationId?: string | null; disabled?: boolean }) => {
    setErrors({});
    setStale(false);
    setBusy(true);
    try {
      unwrap(
        await api.PATCH('/api/v1/users/{id}', {
          params: { path: { id: user.id }, header: { 'if-match': `"${user.version}"` } },
          body,
        }),
      );
      onSaved(
        body.disabled === undefined
          ? t('users.saved', { name: user.name })
          : t(body.disabled ? 'users.disabledDone' : 'users.enabledDone', { name: user.name }),
      );
    } catch (e) {
      const messages = problemMessages(t, e, codes);
      setStale(messages.form === codes.VERSION_MISMATCH);
      setErrors(messages);
    } finally {
      setBusy(false);
    }
  };

  const saveRole = (event: FormEvent) => {
    event.preventDefault();
    if (role === 'partner' && !organisationId) {
      setErrors({ organisationId: t('users.needsOrganisation') });
      return;
    }
    void patch({ role, organisationId: role === 'partner' ? organisationId : null });
  };

  const resetPassword = async (event: FormEvent) => {
    event.preventDefault();
    setErrors({});
    if (password.length < MIN_PASSWORD || password.length > MAX_PASSWORD) {
      setErrors({ password: t('account.passwordLength', { min: MIN_PASSWORD, max: MAX_PASSWORD }) });
      return;
    }
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
      setErrors(problemMessages(t, e, codes));
    }
  };

  return (
    <div className="user-editor">
      <h3>{t('users.editTitle', { name: user.name })}</h3>
      {errors.form ? (
        <div className="form-error" role="alert">
          <p>{errors.form}</p>
          {stale ? (
            <button type="button" className="button button-secondary button-small" onClick={onReload}>
              {t('users.reload')}
            </button>
          ) : null}
        </div>
      ) : null}
      <form className="form-row" onSubmit={saveRole} noValidate>
        <RoleSelect roles={roles} value={role} onChange={setRole} error={errors.role} />
        {role === 'partner' ? (
          <OrganisationSelect
            organisations={organisations}
            value={organisationId}
            onChange={setOrganisationId}
            error={errors.organisationId}
          />
        ) : null}
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy}>
            {t('users.saveRole')}
          </button>
          <button
            type="button"
            className="button button-secondary"
            disabled={busy}
            onClick={() => void patch({ disabled: !user.disabled })}
          >
            {user.disabled ? t('users.enable') : t('users.disable')}
          </button>
        </div>
      </form>
      <form className="form-row" onSubmit={resetPassword} noValidate>
        <FormField
          label={t('users.newPassword')}
          hint={t('account.newHint', { count: MIN_PASSWORD })}
          error={errors.password}
        >
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
          <button type="submit" className="button button-secondary">
            {t('users.setPassword')}
          </button>
        </div>
      </form>
    </div>
  );
}
