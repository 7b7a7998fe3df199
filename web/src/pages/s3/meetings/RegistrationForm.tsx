import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import { FormField, fieldErrorMap } from '../../../components/FormField';
import { useApi } from '../../../lib/useApi';
import { getConsent, register } from './api';

const FORM = 'form';
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Registration for a published meeting from a public page: name, organisation, email and consent
 * to the text shown (what is stored, who sees it, when it is deleted). No sign-in needed.
 */
export function RegistrationForm({ meetingId, title }: { meetingId: string; title: string }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language.startsWith('en');
  const consent = useApi(getConsent, []);
  const [name, setName] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [email, setEmail] = useState('');
  const [agreed, setAgreed] = useState(false);
  const [website, setWebsite] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [sending, setSending] = useState(false);
  const [done, setDone] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const consentId = useId();
  const consentTextId = useId();
  const consentErrorId = useId();
  const checkId = useId();
  const honeypotId = useId();

  if (done) {
    return (
      <p className="form-ok" role="status" data-testid="registration-success">
        {t('s3Meetings.register.success', { title })}
      </p>
    );
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!name.trim()) problems.name = t('s3Meetings.register.nameRequired');
    if (!EMAIL.test(email.trim())) problems.email = t('s3Meetings.register.emailInvalid');
    if (!agreed) problems.consent = t('s3Meetings.register.consentRequired');
    if (Object.keys(problems).length || consent.status !== 'ok') {
      setErrors({ ...problems, [FORM]: t('s3Meetings.register.fixErrors') });
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setSending(true);
    try {
      await register(meetingId, {
        name: name.trim(),
        organisation: organisation.trim() || null,
        email: email.trim(),
        consent: true,
        consentVersion: consent.data.version,
        website,
      });
      setDone(true);
    } catch (e) {
      let next: Record<string, string>;
      if (e instanceof ApiError && e.code && i18n.exists(`s3Meetings.register.${e.code}`)) {
        next = { [FORM]: t(`s3Meetings.register.${e.code}`) };
      } else if (e instanceof ApiError && e.status === 429) {
        next = { [FORM]: t('s3Meetings.register.tooMany') };
      } else if (e instanceof ApiError && e.fieldErrors.length) {
        next = {
          ...fieldErrorMap(e.fieldErrors, (m) =>
            /email/.test(m) ? t('s3Meetings.register.emailInvalid') : m,
          ),
          [FORM]: t('s3Meetings.register.fixErrors'),
        };
      } else {
        next = { [FORM]: t('s3Meetings.register.failed') };
      }
      setErrors(next);
      requestAnimationFrame(() => summaryRef.current?.focus());
    } finally {
      setSending(false);
    }
  };

  const messages = Object.entries(errors).filter(([k]) => k !== FORM);
  return (
    <form
      className="form registration-form"
      onSubmit={submit}
      noValidate
      aria-busy={sending}
      data-testid="registration-form"
    >
      {errors[FORM] ? (
        <div className="form-error" role="alert" tabIndex={-1} ref={summaryRef}>
          <p>{errors[FORM]}</p>
          {messages.length ? (
            <ul>
              {messages.map(([k, m]) => (
                <li key={k}>{m}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <div className="form-grid">
        <FormField label={t('s3Meetings.register.name')} error={errors.name}>
          {(p) => (
            <input
              {...p}
              type="text"
              autoComplete="name"
              maxLength={200}
              value={name}
              onChange={(e) => setName(e.target.value)}
              required
            />
          )}
        </FormField>
        <FormField label={t('s3Meetings.register.organisation')} error={errors.organisation}>
          {(p) => (
            <input
              {...p}
              type="text"
              autoComplete="organization"
              maxLength={200}
              value={organisation}
              onChange={(e) => setOrganisation(e.target.value)}
            />
          )}
        </FormField>
        <FormField label={t('s3Meetings.register.email')} error={errors.email}>
          {(p) => (
            <input
              {...p}
              type="email"
              autoComplete="email"
              maxLength={254}
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              required
            />
          )}
        </FormField>
      </div>
      <div className="registration-honeypot" aria-hidden="true">
        <label htmlFor={honeypotId}>{t('s3Meetings.register.website')}</label>
        <input
          id={honeypotId}
          type="text"
          name="website"
          tabIndex={-1}
          autoComplete="off"
          value={website}
          onChange={(e) => setWebsite(e.target.value)}
        />
      </div>
      <div className={errors.consent ? 'field field-invalid' : 'field'}>
        <p className="group-label" id={consentId}>
          {t('s3Meetings.register.consentTitle')}
        </p>
        {consent.status === 'ok' ? (
          <p className="registration-consent" id={consentTextId} lang={en ? 'en' : 'sv'}>
            {en ? consent.data.textEn : consent.data.textSv}
          </p>
        ) : null}
        <label className="checkbox" htmlFor={checkId}>
          <input
            id={checkId}
            type="checkbox"
            checked={agreed}
            onChange={(e) => setAgreed(e.target.checked)}
            aria-describedby={
              [consent.status === 'ok' ? consentTextId : consentId, errors.consent ? consentErrorId : '']
                .filter(Boolean)
                .join(' ') || undefined
            }
            aria-invalid={Boolean(errors.consent)}
          />
          <span>{t('s3Meetings.register.consentLabel')}</span>
        </label>
        {errors.consent ? (
          <p className="field-error" id={consentErrorId}>
            {errors.consent}
          </p>
        ) : null}
      </div>
      <div className="form-actions">
        <button type="submit" className="button" disabled={sending}>
          {sending ? t('s3Meetings.register.sending') : t('s3Meetings.register.submit')}
        </button>
      </div>
    </form>
  );
}
