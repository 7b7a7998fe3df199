import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError, api, unwrap } from '../../api/client';
import { FormField, fieldErrorMap } from '../../components/FormField';
import { PageHeader } from '../../components/PageHeader';

/** First run: the one-time link from the console creates the region's first administrator. */
export function SetupPage() {
  const { t } = useTranslation();
  const token = new URLSearchParams(window.location.hash.slice(1)).get('token') ?? '';
  const [form, setForm] = useState({ name: '', email: '', password: '', repeat: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (form.password !== form.repeat) {
      setErrors({ repeat: t('account.noMatch') });
      return;
    }
    try {
      unwrap(
        await api.POST('/api/v1/setup', {
          body: { token, name: form.name, email: form.email, password: form.password },
        }),
      );
      setDone(true);
    } catch (e) {
      if (e instanceof ApiError && e.fieldErrors.length) setErrors(fieldErrorMap(e.fieldErrors));
      else
        setErrors({
          form:
            e instanceof ApiError && e.code === 'SETUP_LINK_INVALID'
              ? t('setup.invalid')
              : t('auth.errors.UNKNOWN'),
        });
    }
  };
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [key]: e.target.value });

  if (done) {
    return (
      <div className="narrow">
        <PageHeader title={t('setup.doneTitle')} lead={t('setup.doneText')} />
        <Link className="button" to="/logga-in">
          {t('auth.signIn')}
        </Link>
      </div>
    );
  }
  return (
    <div className="narrow">
      <PageHeader title={t('setup.title')} lead={t('setup.lead')} />
      {!token ? <p className="form-error">{t('setup.noToken')}</p> : null}
      <form className="form" onSubmit={submit} noValidate>
        {errors.form ? (
          <p className="form-error" role="alert">
            {errors.form}
          </p>
        ) : null}
        <FormField label={t('account.name')} error={errors.name}>
          {(field) => <input {...field} autoComplete="name" value={form.name} onChange={set('name')} />}
        </FormField>
        <FormField label={t('auth.email')} error={errors.email}>
          {(field) => (
            <input
              {...field}
              type="email"
              autoComplete="username"
              value={form.email}
              onChange={set('email')}
            />
          )}
        </FormField>
        <FormField
          label={t('auth.password')}
          hint={t('account.newHint', { count: 12 })}
          error={errors.password}
        >
          {(field) => (
            <input
              {...field}
              type="password"
              autoComplete="new-password"
              value={form.password}
              onChange={set('password')}
            />
          )}
        </FormField>
        <FormField label={t('account.repeat')} error={errors.repeat}>
          {(field) => (
            <input
              {...field}
              type="password"
              autoComplete="new-password"
              value={form.repeat}
              onChange={set('repeat')}
            />
          )}
        </FormField>
        <div className="form-actions">
          <button type="submit" className="button" disabled={!token}>
            {t('setup.create')}
          </button>
        </div>
      </form>
    </div>
  );
}
