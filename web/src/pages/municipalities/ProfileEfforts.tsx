import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatNumber } from '../../lib/format';
import { formatSek } from '../efforts/labels';
import type { AreaProfile } from '../territory/api';
import { FlagBadges } from '../territory/FlagBadges';
import { formatPercent, formatPerInhabitant } from '../territory/format';

type Props = {
  profile: AreaProfile;
  /** The municipality's share of the county's population (0–100), for whole-county efforts. */
  populationShare: number | null;
};

/** The efforts that reach the municipality in the period, its money and flags against the county. */
export function ProfileEfforts({ profile, populationShare }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { name } = profile.area;
  const { from, to } = profile.period;
  const e = profile.efforts;
  const share =
    e.sekPerInhabitant !== null && e.countySekPerInhabitant
      ? formatPercent((100 * e.sekPerInhabitant) / e.countySekPerInhabitant, lang)
      : null;

  return (
    <>
      <dl className="stat-grid">
        <div className="stat">
          <dt>{t('territory.profile.effortCount', { from, to })}</dt>
          <dd data-testid="profile-effort-count">{formatNumber(e.count, lang)}</dd>
        </div>
        <div className="stat">
          <dt>{t('territory.profile.funding')}</dt>
          <dd className="stat-text" data-testid="profile-funding">
            {formatSek(e.fundingSek, lang)}
          </dd>
        </div>
        <div className="stat">
          <dt>{t('territory.profile.perInhabitant')}</dt>
          <dd className="stat-text" data-testid="profile-per-inhabitant">
            {t('territory.perInhabitant', { value: formatPerInhabitant(e.sekPerInhabitant, lang) })}
          </dd>
        </div>
        <div className="stat">
          <dt>{t('territory.profile.countyLevel')}</dt>
          <dd className="stat-text" data-testid="profile-county-level">
            {t('territory.perInhabitant', { value: formatPerInhabitant(e.countySekPerInhabitant, lang) })}
          </dd>
        </div>
      </dl>

      <div
        className={e.flags.length > 0 ? 'flag-box flag-box-alert profile-flags' : 'flag-box profile-flags'}
        data-testid="profile-flags"
      >
        <p>
          <strong>{t('territory.profile.flagsLabel')}</strong> <FlagBadges flags={e.flags} />
        </p>
        <p>
          {e.flags.includes('not_reached')
            ? t('territory.profile.notReachedText', { name })
            : e.flags.includes('far_below_county')
              ? t('territory.profile.farBelowText', {
                  name,
                  value: formatPerInhabitant(e.sekPerInhabitant, lang),
                  county: formatPerInhabitant(e.countySekPerInhabitant, lang),
                  share: share ?? '–',
                })
              : share
                ? t('territory.profile.notFlaggedText', { name, share })
                : t('territory.profile.notFlaggedNoShare', { name })}{' '}
          <Link to={`/hela-lanet?from=${from}&to=${to}`}>{t('territory.profile.compareLink')}</Link>
        </p>
      </div>

      {e.items.length === 0 ? (
        <p className="muted" data-testid="profile-efforts-empty">
          {t('territory.profile.noEfforts', { name, from, to })}
        </p>
      ) : (
        <div className="table-wrap">
          <table className="data-table compact-table" data-testid="profile-efforts">
            <caption>{t('territory.profile.effortsCaption', { name, from, to })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('territory.profile.effortColumn')}</th>
                <th scope="col" className="num">
                  {t('territory.profile.shareColumn', { name })}
                </th>
              </tr>
            </thead>
            <tbody>
              {e.items.map((item) => (
                <tr key={item.id}>
                  <th scope="row">
                    <Link to={`/insatser/${item.id}`}>{item.title}</Link>
                  </th>
                  <td className="num effort-share">
                    {item.wholeCounty ? (
                      <>
                        {populationShare !== null ? formatPercent(populationShare, lang) : null}
                        <span className="cell-note">{t('territory.profile.wholeCounty')}</span>
                      </>
                    ) : item.sharePercent === null ? (
                      '–'
                    ) : (
                      formatPercent(item.sharePercent, lang, 2)
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {e.count > e.items.length ? (
        <p className="source-note">
          {t('territory.profile.moreEfforts', { shown: e.items.length, count: e.count })}
        </p>
      ) : null}
      <p className="source-note">{t('territory.profile.effortsNote')}</p>
    </>
  );
}
