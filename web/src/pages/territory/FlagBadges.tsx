import { useTranslation } from 'react-i18next';
import type { ReachFlag } from './api';

/** The flags of a municipality as text badges ("Ingen insats", "Långt under länets nivå"). */
export function FlagBadges({ flags }: { flags: readonly ReachFlag[] }) {
  const { t } = useTranslation();
  if (flags.length === 0) return <span className="muted">{t('territory.flags.none')}</span>;
  return (
    <>
      {flags.map((f) => (
        <span key={f} className="badge badge-warn territory-flag">
          <span aria-hidden="true">⚑ </span>
          {t(`territory.flags.${f}`)}
        </span>
      ))}
    </>
  );
}
