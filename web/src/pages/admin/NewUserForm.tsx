import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Role, unwrap } from '../../api/client';
import { FormField } from '../../components/FormField';
import { problemMessages } from '../../lib/problems';
import { isEmail, MAX_PASSWORD, MIN_PASSWORD } from '../../lib/validate';
import { OrganisationSelect, RoleSelect } from './userFields';

type Draft = { email: string; name: string; role: Role; organisationId: string; password: string };

type Props = {
  grantable: Role[];
  organisations: Array<{ id: string; name: string }>;
  onCreated: (name: string) => void;
};

/** Adds a user with a role up to the reader's own; partners need their organisation. */
export function NewUserForm({ grantable, organisations, onCreated }: Props) {
  const { t } = useTranslation();
  const empty: Draft = {
    email: '',
    name: '',
    role: grantable.includes('viewer') ? 'viewer' : (grantable[0] ?? 'viewer'),
    organisationId: '',
    password: '',
  };
  const [draft, setDraft] = useState<Draft>(empty);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const set = (key: keyof Draft) => (e: { target: { value: string } }) =>
    setDraft({ ...draft, [key]: e.target.value });

  const check = (): Record<string, string> => {
    const problems: Record<string, string> = {};
    if (!draft.name.trim()) problems.name = t('validation.required');
    if (!isEmail(draft.email)) problems.email = t('validation.email');
    if (draft.role === 'partner' && !draft.organisationId)
      problems.organisationId = t('users.needsOrganisation');
    if (draft.password && (draft.password.length < MIN_PASSWORD || draft.password.length > MAX_PASSWORD))
      problems.password = t('account.passwordLength', { min: MIN_PASSWORD, max: MAX_PASSWORD });
    return problems;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems = check();
    setErrors(Object.keys(problems).length > 0 ? { ...problems, form: t('problems.fixFields') } : problems);
    if (Object.keys(problems).length > 0) return;
    setBusy(true);
    try {
      const created = unwrap(
        await api.POST('/api/v1/users', {
          body: {
            email: draft.email.trim(),
            name: draft.name.trim(),
            role: draft.role,
            organisationId: draft.role === 'partner' ? draft.organisationId : null,
            ...(draft.password ? { password: draft.password } : {}),
          },
        }),
      );
      setDraft(empty);
      onCreated(created.name);
    } catch (e) {
      setErrors(
        problemMessages(t, e, {
          DUPLICATE_EMAIL: t('users.errors.DUPLICATE_EMAIL'),
          FORBIDDEN: t('users.errors.FORBIDDEN'),
        }),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="section" aria-labelledby="new-user-title">
      <h2 id="new-user-title">{t('users.newTitle')}</h2>
      <form className="form form-grid" onSubmit={submit} noValidate>
        {errors.form ? (
          <p className="form-error" role="alert">
            {errors.form}
          </p>
        ) : null}
        <FormField label={t('account.name')} error={errors.name}>
          {(f) => <input {...f} autoComplete="off" value={draft.name} onChange={set('name')} />}
        </FormField>
        <FormField label={t('auth.email')} error={errors.email}>
          {(f) => (
            <input {...f} type="email" autoComplete="off" value={draft.email} onChange={set('email')} />
          )}
        </FormField>
        <RoleSelect
          roles={grantable}
          value={draft.role}
          onChange={(role) => setDraft({ ...draft, role })}
          error={errors.role}
        />
        {draft.role === 'partner' ? (
          <OrganisationSelect
            organisations={organisations}
            value={draft.organisationId}
            onChange={(organisationId) => setDraft({ ...draft, organisationId })}
            error={errors.organisationId}
          />
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
              onChange={set('password')}
            />
          )}
        </FormField>
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy}>
            {t('users.create')}
          </button>
        </div>
      </form>
    </section>
  );
}
