import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { api, unwrap } from '../../api/client';
import { FormField } from '../../components/FormField';
import { PageHeader } from '../../components/PageHeader';
import { Loading } from '../../components/Status';
import { problemMessages } from '../../lib/problems';
import { useApi } from '../../lib/useApi';
import { isEmail, MAX_PASSWORD, MIN_PASSWORD } from '../../lib/validate';

type Form = { name: string; email: string; password: string; repeat: string };

/** First run: the one-time link from the console creates the region's first administrator. */
export function SetupPage() {
  const { t } = useTranslation();
  // The token travels in the fragment (#token=…), so it is never sent to a server or logged.
  const token = new URLSearchParams(useLocation().hash.slice(1)).get('token') ?? '';
  const setup = useApi(async () => unwrap(await api.GET('/api/v1/setup')), []);
  const [form, setForm] = useState<Form>({ name: '', email: '', password: '', repeat: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  const check = (): Record<string, string> => {
    const problems: Record<string, string> = {};
    if (!form.name.trim()) problems.name = t('validation.required');
    if (!isEmail(form.email)) problems.email = t('validation.email');
    if (form.password.length < MIN_PASSWORD || form.password.length > MAX_PASSWORD)
      problems.password = t('account.passwordLength', { min: MIN_PASSWORD, max: MAX_PASSWORD });
    if (form.password !== form.repeat) problems.repeat = t('account.noMatch');
    return problems;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems = check();
    if (Object.keys(problems).length > 0) {
      setErrors({ ...problems, form: t('problems.fixFields') });
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      unwrap(
        await api.POST('/api/v1/setup', {
          body: { token, name: form.name.trim(), email: form.email.trim(), password: form.password },
        }),
      );
      // The link is used up: drop it from the address bar and history.
      window.history.replaceState(null, '', window.location.pathname);
      setDone(true);
    } catch (e) {
      const messages = problemMessages(t, e, { SETUP_LINK_INVALID: t('setup.invalid') });
      // A malformed token is the same to the user as a used one: the link does not work.
      setErrors(messages.token ? { form: t('setup.invalid') } : messages);
    } finally {
      setBusy(false);
    }
  };
  const set = (key: keyof Form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [key]: e.target.value });

  if (done) {
    return (
      <div className="narrow">
        <PageHeader title={t('setup.doneTitle')} lead={t('setup.doneText')} />
        <p>
          <Link className="button" to="/logga-in">
            {t('auth.signIn')}
          </Link>
        </p>
      </div>
    );
  }
  if (setup.status === 'loading') return <Loading />;
  if (setup.status === 'ok' && !setup.data.needed) {
    return (
      <div className="narrow">
        <PageHeader title={t('setup.notNeededTitle')} lead={t('setup.notNeededText')} />
        <p>
          <Link className="button" to="/logga-in">
            {t('auth.signIn')}
          </Link>
        </p>
      </div>
    );
  }
  return (
    <div className="narrow">
      <PageHeader title={t('setup.title')} lead={t('setup.lead')} />
      {!token ? (
        <p className="form-error" role="alert">
          {t('setup.noToken')}
        </p>
      ) : null}
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
          hint={t('account.newHint', { count: MIN_PASSWORD })}
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
        <FormField label={t('setup.repeat')} error={errors.repeat}>
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
          <button type="submit" className="button" disabled={!token || busy}>
            {t('setup.create')}
          </button>
        </div>
      </form>
    </div>
  );
}
