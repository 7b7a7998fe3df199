import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Area, AreaGeoJson } from '../../api/client';
import { Loading } from '../../components/Status';
import { ValueMap, type ValueMapClass, type ValueMapItem } from '../../components/ValueMap';
import { formatNumber } from '../../lib/format';
import type { ConflictSummary } from './api';
import { joinNames } from './parts';

type ClassKey = 'none' | 'one' | 'two' | 'many';
const COLORS: Record<ClassKey, string> = {
  none: '#ffffff',
  one: '#9cd3cd',
  two: '#3b9ba3',
  many: '#0b5570',
};
const classOf = (n: number): ClassKey => (n <= 0 ? 'none' : n === 1 ? 'one' : n === 2 ? 'two' : 'many');

type Props = {
  items: ConflictSummary[];
  municipalities: Area[];
  geojson: AreaGeoJson | undefined;
  /** The address of the list filtered to one place (the table's links and map clicks). */
  placeHref: (code: string) => string;
  onSelectPlace: (code: string) => void;
};

/**
 * The county's municipalities coloured by how many of the listed conflicts affect them, with a
 * table of the same numbers (the map's text alternative) and the samebyar named in words, since
 * sameby areas are not drawn on the map.
 */
export function ConflictMap({ items, municipalities, geojson, placeHref, onSelectPlace }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [active, setActive] = useState<string | null>(null);

  const counts = useMemo(() => {
    const byPlace = new Map<string, { name: string; type: string; titles: string[] }>();
    for (const c of items) {
      for (const p of c.places) {
        const entry = byPlace.get(p.code) ?? { name: p.name, type: p.type, titles: [] };
        entry.titles.push(c.title);
        byPlace.set(p.code, entry);
      }
    }
    return byPlace;
  }, [items]);

  const rows = municipalities.map((m) => ({
    code: m.code,
    name: m.name,
    count: counts.get(m.code)?.titles.length ?? 0,
  }));
  const samebyar = [...counts.entries()]
    .filter(([, v]) => v.type === 'sameby')
    .map(([code, v]) => ({ code, name: v.name, count: v.titles.length }))
    .sort((a, b) => new Intl.Collator('sv').compare(a.name, b.name));

  const classes = useMemo<ValueMapClass[]>(
    () => [
      { key: 'none', label: t('conflicts.map.classes.none'), color: COLORS.none, hatched: true },
      { key: 'one', label: t('conflicts.map.classes.one'), color: COLORS.one },
      { key: 'two', label: t('conflicts.map.classes.two'), color: COLORS.two },
      { key: 'many', label: t('conflicts.map.classes.many'), color: COLORS.many },
    ],
    [t],
  );
  const mapItems = useMemo<ValueMapItem[]>(
    () =>
      municipalities.map((m) => {
        const entry = counts.get(m.code);
        const n = entry?.titles.length ?? 0;
        return {
          code: m.code,
          classKey: classOf(n),
          valueLabel: formatNumber(n, lang),
          tooltip: [
            t('conflicts.map.count', { count: n, formatted: formatNumber(n, lang) }),
            ...(entry?.titles.slice(0, 4) ?? []),
            ...(n > 4 ? [t('conflicts.map.more', { count: n - 4 })] : []),
          ],
        };
      }),
    [municipalities, counts, lang, t],
  );
  const activeRow = rows.find((r) => r.code === active);
  const none = rows.filter((r) => r.count === 0);

  return (
    <section className="section tight" aria-labelledby="conflict-map-title">
      <h2 id="conflict-map-title">{t('conflicts.map.title')}</h2>
      <div className="map-layout conflict-map-layout">
        <figure className="map-figure">
          {geojson ? (
            <ValueMap
              geojson={geojson}
              label={t('conflicts.map.label')}
              classes={classes}
              items={mapItems}
              legendTitle={t('conflicts.map.legendTitle')}
              activeCode={active}
              onHover={setActive}
              onSelect={onSelectPlace}
              height={400}
              testId="conflict-map"
            />
          ) : (
            <Loading />
          )}
          <figcaption>
            <p className="map-hint">{t('conflicts.map.hint')}</p>
            <p className="map-active" aria-live="polite" data-testid="conflict-map-active">
              {activeRow ? (
                <>
                  <strong>{activeRow.name}</strong>
                  {': '}
                  {t('conflicts.map.count', {
                    count: activeRow.count,
                    formatted: formatNumber(activeRow.count, lang),
                  })}
                </>
              ) : null}
            </p>
          </figcaption>
        </figure>
        <div className="panel conflict-map-text" data-testid="conflict-map-table">
          <div className="table-wrap">
            <table className="data-table compact">
              <caption>{t('conflicts.map.tableCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('conflicts.map.municipality')}</th>
                  <th scope="col" className="num">
                    {t('conflicts.map.conflicts')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr
                    key={r.code}
                    className={r.code === active ? 'is-active' : undefined}
                    onMouseEnter={() => setActive(r.code)}
                    onMouseLeave={() => setActive(null)}
                  >
                    <th scope="row">
                      <Link
                        to={placeHref(r.code)}
                        onFocus={() => setActive(r.code)}
                        onBlur={() => setActive(null)}
                        aria-label={t('conflicts.map.filterTo', { name: r.name })}
                      >
                        {r.name}
                      </Link>
                    </th>
                    <td className="num">{formatNumber(r.count, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="conflict-map-note">
            {none.length === 0
              ? t('conflicts.map.allAffected')
              : t('conflicts.map.noneIn', {
                  names: joinNames(
                    none.map((r) => r.name),
                    lang,
                  ),
                })}
          </p>
          <p className="conflict-map-note">
            {samebyar.length === 0
              ? t('conflicts.map.noSamebyar')
              : t('conflicts.map.samebyar', {
                  names: joinNames(
                    samebyar.map((s) => `${s.name} (${formatNumber(s.count, lang)})`),
                    lang,
                  ),
                })}
          </p>
        </div>
      </div>
    </section>
  );
}
