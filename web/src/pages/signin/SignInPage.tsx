import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiError, postAuth } from '../../api/client';
import { safeNext, useSession } from '../../auth/session';
import { FormField } from '../../components/FormField';
import { PageHeader } from '../../components/PageHeader';

/** Sign-in with e-mail and password, or single sign-on when the instance has it. */
export function SignInPage() {
  const { t } = useTranslation();
  const { session, refresh } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>(
    params.get('error') ? t('auth.errors.SSO_FAILED') : undefined,
  );
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!email.trim() || !password) {
      setError(t('auth.errors.MISSING'));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await postAuth('/sign-in/email', { email: email.trim(), password });
      await refresh();
      navigate(next);
    } catch (e) {
      const code = e instanceof ApiError ? e.code : undefined;
      setError(t(`auth.errors.${code ?? 'UNKNOWN'}`, { defaultValue: t('auth.errors.UNKNOWN') }));
    } finally {
      setBusy(false);
    }
  };

  const singleSignOn = async () => {
    try {
      const result = (await postAuth('/sign-in/social', {
        provider: 'sso',
        callbackURL: next,
        errorCallbackURL: '/logga-in',
      })) as {
        url?: string;
      };
      if (result.url) window.location.assign(result.url);
    } catch {
      setError(t('auth.errors.SSO_FAILED'));
    }
  };

  return (
    <div className="narrow">
      <PageHeader title={t('auth.signInTitle')} lead={t('auth.signInLead')} />
      {session?.user ? (
        <p className="status">{t('auth.alreadySignedIn', { name: session.user.name })}</p>
      ) : null}
      <form className="form" onSubmit={submit} noValidate>
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        <FormField label={t('auth.email')}>
          {(field) => (
            <input
              {...field}
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          )}
        </FormField>
        <FormField label={t('auth.password')}>
          {(field) => (
            <input
              {...field}
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </FormField>
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy}>
            {t('auth.signIn')}
          </button>
        </div>
      </form>
      {session?.signIn.sso ? (
        <div className="sso">
          <p>{t('auth.or')}</p>
          <button type="button" className="button button-secondary" onClick={singleSignOn}>
            {t('auth.signInWith', { name: session.signIn.sso.name })}
          </button>
        </div>
      ) : null}
      <p className="muted">{t('auth.forgotten')}</p>
    </div>
  );
}
