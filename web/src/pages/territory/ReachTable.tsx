import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatNumber } from '../../lib/format';
import { type Reach, type ReachFilters, reachDownloadUrl } from './api';
import { FlagBadges } from './FlagBadges';
import { formatPerInhabitant } from './format';

type Props = {
  reach: Reach;
  filters: ReachFilters;
  active: string | null;
  onActive: (code: string | null) => void;
};

/**
 * Efforts and money per municipality with the county row, and the same table as CSV or Excel.
 * Focus or hover on a municipality highlights it on the map.
 */
export function ReachTable({ reach, filters, active, onActive }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { from, to } = reach.period;
  // The file holds what is on screen: the period shown and the same filters.
  const fileFilters = { ...filters, from, to };

  return (
    <section className="section tight" aria-labelledby="reach-table-title">
      <div className="territory-table-head">
        <h2 id="reach-table-title">{t('territory.table.title')}</h2>
        <p className="export-links territory-downloads" data-testid="reach-downloads">
          {t('territory.table.download')}
          <a href={reachDownloadUrl(fileFilters, 'csv')} download>
            {t('territory.table.csv')}
          </a>
          <a href={reachDownloadUrl(fileFilters, 'xlsx')} download>
            {t('territory.table.xlsx')}
          </a>
        </p>
      </div>
      <div className="table-wrap">
        <table className="data-table territory-table sticky-first" data-testid="reach-table">
          <caption>{t('territory.table.caption', { from, to })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('territory.table.municipality')}</th>
              <th scope="col" className="num">
                {t('territory.table.population')}
              </th>
              <th scope="col" className="num">
                {t('territory.table.efforts')}
              </th>
              <th scope="col" className="num">
                {t('territory.table.funding')}
              </th>
              <th scope="col" className="num">
                {t('territory.table.perInhabitant')}
              </th>
              <th scope="col">{t('territory.table.flags')}</th>
            </tr>
          </thead>
          <tbody>
            {reach.municipalities.map((m) => (
              <tr
                key={m.code}
                data-code={m.code}
                className={[active === m.code ? 'is-active' : '', m.flags.length > 0 ? 'is-flagged' : '']
                  .filter(Boolean)
                  .join(' ')}
                onMouseEnter={() => onActive(m.code)}
                onMouseLeave={() => onActive(null)}
              >
                <th scope="row">
                  <Link
                    to={`/kommuner/${m.code}?from=${from}&to=${to}`}
                    onFocus={() => onActive(m.code)}
                    onBlur={() => onActive(null)}
                  >
                    {m.name}
                  </Link>
                </th>
                <td className="num">{m.population === null ? '–' : formatNumber(m.population, lang)}</td>
                <td className="num">{formatNumber(m.effortCount, lang)}</td>
                <td className="num">{formatNumber(m.fundingSek, lang)}</td>
                <td className="num">{formatPerInhabitant(m.sekPerInhabitant, lang)}</td>
                <td className="territory-flags-cell">
                  <FlagBadges flags={m.flags} />
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr data-testid="reach-county-row">
              <th scope="row">{t('territory.table.countyRow')}</th>
              <td className="num">{formatNumber(reach.county.population, lang)}</td>
              <td className="num">{formatNumber(reach.county.effortCount, lang)}</td>
              <td className="num">{formatNumber(reach.county.fundingSek, lang)}</td>
              <td className="num">{formatPerInhabitant(reach.county.sekPerInhabitant, lang)}</td>
              <td />
            </tr>
          </tfoot>
        </table>
      </div>
      <p className="source-note">{t('territory.table.notes')}</p>
    </section>
  );
}
