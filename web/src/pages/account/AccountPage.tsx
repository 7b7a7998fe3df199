import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, postAuth } from '../../api/client';
import { useSession } from '../../auth/session';
import { FormField } from '../../components/FormField';
import { NotAllowed } from '../../components/NotAllowed';
import { PageHeader } from '../../components/PageHeader';
import { Loading } from '../../components/Status';
import { problemMessages } from '../../lib/problems';
import { MAX_PASSWORD, MIN_PASSWORD } from '../../lib/validate';

/** The signed-in user's own page: who they are and a password change. */
export function AccountPage() {
  const { t } = useTranslation();
  const { session, refresh } = useSession();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<{ form?: string; next?: string; repeat?: string; current?: string }>(
    {},
  );
  const [done, setDone] = useState(false);

  if (!session) return <Loading />;
  if (!session.user) return <NotAllowed signedIn={false} />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    const problems: typeof errors = {};
    if (!current) problems.current = t('validation.required');
    if (next.length < MIN_PASSWORD) problems.next = t('account.tooShort', { count: MIN_PASSWORD });
    else if (next.length > MAX_PASSWORD) problems.next = t('account.tooLong', { count: MAX_PASSWORD });
    if (next !== repeat) problems.repeat = t('account.noMatch');
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    try {
      await postAuth('/change-password', {
        currentPassword: current,
        newPassword: next,
        revokeOtherSessions: true,
      });
      setDone(true);
      setCurrent('');
      setNext('');
      setRepeat('');
      await refresh();
    } catch (e) {
      const code = e instanceof ApiError ? e.code : undefined;
      if (code === 'INVALID_PASSWORD') setErrors({ current: t('account.wrongCurrent') });
      else if (code === 'PASSWORD_TOO_SHORT')
        setErrors({ next: t('account.tooShort', { count: MIN_PASSWORD }) });
      else if (code === 'PASSWORD_TOO_LONG')
        setErrors({ next: t('account.tooLong', { count: MAX_PASSWORD }) });
      else setErrors(problemMessages(t, e));
    }
  };

  return (
    <div className="narrow">
      <PageHeader title={t('account.title')} />
      <dl className="facts">
        <div>
          <dt>{t('account.name')}</dt>
          <dd>{session.user.name}</dd>
        </div>
        <div>
          <dt>{t('auth.email')}</dt>
          <dd>{session.user.email}</dd>
        </div>
        <div>
          <dt>{t('account.role')}</dt>
          <dd>
            {session.role ? t(`roles.${session.role}`) : t('roles.none')}
            {session.organisation ? ` – ${session.organisation.name}` : ''}
          </dd>
        </div>
      </dl>
      <section className="section" aria-labelledby="password-title">
        <h2 id="password-title">{t('account.changePassword')}</h2>
        <form className="form" onSubmit={submit} noValidate>
          {errors.form ? (
            <p className="form-error" role="alert">
              {errors.form}
            </p>
          ) : null}
          {done ? (
            <p className="form-ok" role="status">
              {t('account.changed')}
            </p>
          ) : null}
          <FormField label={t('account.current')} error={errors.current}>
            {(field) => (
              <input
                {...field}
                type="password"
                autoComplete="current-password"
                value={current}
                onChange={(e) => setCurrent(e.target.value)}
              />
            )}
          </FormField>
          <FormField
            label={t('account.new')}
            hint={t('account.newHint', { count: MIN_PASSWORD })}
            error={errors.next}
          >
            {(field) => (
              <input
                {...field}
                type="password"
                autoComplete="new-password"
                value={next}
                onChange={(e) => setNext(e.target.value)}
              />
            )}
          </FormField>
          <FormField label={t('account.repeat')} error={errors.repeat}>
            {(field) => (
              <input
                {...field}
                type="password"
                autoComplete="new-password"
                value={repeat}
                onChange={(e) => setRepeat(e.target.value)}
              />
            )}
          </FormField>
          <div className="form-actions">
            <button type="submit" className="button">
              {t('account.save')}
            </button>
          </div>
        </form>
      </section>
    </div>
  );
}
