import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Reach } from './api';
import { formatPercent, formatPerInhabitant } from './format';
import { reachLimits } from './reachClasses';

/**
 * The municipalities no effort reaches and those far below the county's level, with the rule
 * spelled out. Built from the same rows as the table, so the two always agree.
 */
export function FlaggedBox({ reach }: { reach: Reach }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const level = reach.county.sekPerInhabitant;
  const limits = reachLimits(level);
  const rows = new Map(reach.municipalities.map((m) => [m.code, m]));
  const notReached = reach.flagged.filter((m) => m.flags.includes('not_reached'));
  const farBelow = reach.flagged
    .filter((m) => m.flags.includes('far_below_county'))
    .map((m) => ({ ...m, sekPerInhabitant: rows.get(m.code)?.sekPerInhabitant ?? null }));
  const any = notReached.length + farBelow.length > 0;

  return (
    <section
      className={any ? 'flag-box flag-box-alert' : 'flag-box'}
      aria-labelledby="flagged-title"
      data-testid="flagged-box"
    >
      <h2 id="flagged-title">
        <span className="flag-box-icon" aria-hidden="true">
          ⚑
        </span>{' '}
        {t('territory.flagged.title')}
      </h2>
      <p className="flag-box-rule">
        {limits
          ? t('territory.flagged.rule', {
              level: formatPerInhabitant(level, lang),
              limit: formatPerInhabitant((level ?? 0) / 2, lang),
            })
          : t('territory.flagged.ruleNoLevel')}
      </p>
      <div className="flag-box-groups">
        <div>
          <h3 id="flagged-not-reached">{t('territory.flagged.notReachedTitle')}</h3>
          {notReached.length === 0 ? (
            <p data-testid="flagged-not-reached">{t('territory.flagged.noneNotReached')}</p>
          ) : (
            <ul aria-labelledby="flagged-not-reached" data-testid="flagged-not-reached">
              {notReached.map((m) => (
                <li key={m.code}>
                  <Link to={`/kommuner/${m.code}`}>{m.name}</Link>
                </li>
              ))}
            </ul>
          )}
        </div>
        <div>
          <h3 id="flagged-far-below">{t('territory.flagged.farBelowTitle')}</h3>
          {farBelow.length === 0 ? (
            <p data-testid="flagged-far-below">{t('territory.flagged.noneFarBelow')}</p>
          ) : (
            <ul aria-labelledby="flagged-far-below" data-testid="flagged-far-below">
              {farBelow.map((m) => (
                <li key={m.code}>
                  <Link to={`/kommuner/${m.code}`}>{m.name}</Link>
                  {': '}
                  {t('territory.flagged.farBelowItem', {
                    value: formatPerInhabitant(m.sekPerInhabitant, lang),
                    share:
                      m.sekPerInhabitant !== null && level
                        ? formatPercent((100 * m.sekPerInhabitant) / level, lang)
                        : '–',
                  })}
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </section>
  );
}
