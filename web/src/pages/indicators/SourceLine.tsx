import { useTranslation } from 'react-i18next';
import type { Indicator } from './api';

/** "Källa: …" under every chart and table of an indicator. */
export function SourceLine({ indicator, extra }: { indicator: Indicator; extra?: string }) {
  const { t } = useTranslation();
  return (
    <p className="source-note">
      {t('indicators.source', {
        source: (indicator.source ?? t('indicators.sourceUnknown')).replace(/\.\s*$/, ''),
      })}
      {extra ? ` ${extra}` : ''}
    </p>
  );
}
