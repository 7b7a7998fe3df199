import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets <title> to "Page – Regionkraft" (WCAG 2.4.2). */
export function useDocumentTitle(title: string | undefined): void {
  const { t } = useTranslation();
  useEffect(() => {
    const app = t('app.name');
    document.title = title ? `${title} – ${app}` : app;
  }, [title, t]);
}
