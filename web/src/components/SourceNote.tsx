import { useTranslation } from 'react-i18next';

/** "Källa: SCB" attribution with the CC BY 4.0 licence, required wherever SCB data is shown. */
export function ScbSource({ what }: { what?: string }) {
  const { t } = useTranslation();
  return (
    <p className="source-note">
      {t('source.scb')}
      {what ? ` (${what})` : ''}.{' '}
      <a href="https://creativecommons.org/licenses/by/4.0/deed.sv" hrefLang="sv" rel="license noopener">
        {t('source.ccby')}
      </a>
    </p>
  );
}
