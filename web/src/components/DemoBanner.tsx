import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session';

/** Shown on every page while demo accounts with published passwords exist. */
export function DemoBanner() {
  const { t } = useTranslation();
  const { session } = useSession();
  if (!session?.demo) return null;
  return (
    <div className="demo-banner" role="note">
      <div className="container">
        <strong>{t('demo.title')}</strong> {t('demo.text')}
      </div>
    </div>
  );
}
