import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="status status-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('common.loading')}
    </div>
  );
}

export function ErrorMessage({ error }: { error: Error }) {
  const { t } = useTranslation();
  const status = error instanceof ApiError ? error.status : undefined;
  return (
    <div className="status status-error" role="alert">
      <strong>{t('common.errorTitle')}</strong>
      <p>
        {t('common.errorText')}
        {status ? ` (HTTP ${status})` : ''}
      </p>
      <button type="button" className="button" onClick={() => window.location.reload()}>
        {t('common.retry')}
      </button>
    </div>
  );
}
