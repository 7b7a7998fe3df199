import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Area, AreaGeoJson } from '../api/client';
import { formatNumber, sortByName } from '../lib/format';
import { MunicipalityMap } from './MunicipalityMap';
import { ScbSource } from './SourceNote';

type Props = {
  geojson: AreaGeoJson;
  areas: Area[];
  showSami?: boolean;
};

/**
 * The county map with a keyboard-reachable table of municipalities next to it.
 * Focusing or hovering a municipality in the table highlights it on the map and shows its tooltip;
 * the table is also the text alternative of the map.
 */
export function MunicipalityOverview({ geojson, areas, showSami = false }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const navigate = useNavigate();
  const [active, setActive] = useState<string | null>(null);
  const rows = useMemo(() => sortByName(areas), [areas]);
  const year = rows.find((r) => r.population)?.population?.year;
  const total = rows.reduce((sum, r) => sum + (r.population?.value ?? 0), 0);
  const activeArea = rows.find((r) => r.code === active);

  return (
    <div className="map-layout">
      <figure className="map-figure">
        <MunicipalityMap
          geojson={geojson}
          mode="choropleth"
          label={t('map.label', { count: rows.length })}
          activeCode={active}
          onHover={setActive}
          onSelect={(code) => navigate(`/kommuner/${code}`)}
        />
        <figcaption>
          <p className="map-hint">{t('map.hint')}</p>
          <p className="map-active" aria-live="polite" data-testid="map-active">
            {activeArea ? (
              <>
                <strong>{activeArea.name}</strong>
                {': '}
                {activeArea.population
                  ? t('map.tooltipPopulation', {
                      value: formatNumber(activeArea.population.value, lang),
                      year: activeArea.population.year,
                    })
                  : t('map.noPopulation')}
              </>
            ) : null}
          </p>
          <ScbSource what={t('source.scbGeoAndPopulation')} />
        </figcaption>
      </figure>
      <div className="table-wrap">
        <table className="data-table municipality-table" data-testid="municipality-table">
          <caption>{t('map.tableCaption', { year: year ?? '' })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('municipality.name')}</th>
              <th scope="col" className="num">
                {t('municipality.population')}
              </th>
              {showSami ? <th scope="col">{t('municipality.samiAdministrativeShort')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr
                key={r.code}
                className={active === r.code ? 'is-active' : undefined}
                onMouseEnter={() => setActive(r.code)}
                onMouseLeave={() => setActive(null)}
              >
                <th scope="row">
                  <Link
                    to={`/kommuner/${r.code}`}
                    onFocus={() => setActive(r.code)}
                    onBlur={() => setActive(null)}
                  >
                    {r.name}
                  </Link>
                </th>
                <td className="num">{r.population ? formatNumber(r.population.value, lang) : '–'}</td>
                {showSami ? <td>{r.samiAdministrative ? t('common.yes') : t('common.no')}</td> : null}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('municipality.countyTotal')}</th>
              <td className="num">{formatNumber(total, lang)}</td>
              {showSami ? <td /> : null}
            </tr>
          </tfoot>
        </table>
      </div>
    </div>
  );
}
