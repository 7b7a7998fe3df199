import { useTranslation } from 'react-i18next';

/** "Intern" (only signed-in users with the right role see it) or "Publicerad" (everyone). */
export function VisibilityBadge({ visibility }: { visibility: 'internal' | 'published' }) {
  const { t } = useTranslation();
  return visibility === 'internal' ? (
    <span className="badge badge-warn">{t('visibility.internal')}</span>
  ) : (
    <span className="badge badge-ok">{t('visibility.published')}</span>
  );
}
