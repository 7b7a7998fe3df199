import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { AreaGeoJson } from '../../api/client';
import { Loading } from '../../components/Status';
import { ValueMap, type ValueMapClass, type ValueMapItem } from '../../components/ValueMap';
import { collatorFor, formatNumber } from '../../lib/format';
import { formatSek } from '../efforts/labels';
import type { Reach } from './api';
import { formatPerInhabitant } from './format';
import { REACH_CLASS_COLORS, type ReachClassKey, reachClass, reachLimits } from './reachClasses';

type Props = {
  reach: Reach;
  geojson: AreaGeoJson | undefined;
  populationYear: number | null;
  active: string | null;
  onActive: (code: string | null) => void;
};

/** The map of SEK per inhabitant with its legend, source and a text summary beside it. */
export function ReachMapSection({ reach, geojson, populationYear, active, onActive }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const navigate = useNavigate();
  const level = reach.county.sekPerInhabitant;
  const { from, to } = reach.period;

  const classes = useMemo<ValueMapClass[]>(() => {
    const limits = reachLimits(level);
    const used = new Set(reach.municipalities.map((m) => reachClass(m, level)));
    const fmt = (n: number) => formatNumber(n, lang);
    const cls = (key: ReachClassKey, label: string): ValueMapClass => ({
      key,
      label,
      color: REACH_CLASS_COLORS[key],
      ...(key === 'not_reached' ? { hatched: true } : {}),
    });
    const list: ValueMapClass[] = [cls('not_reached', t('territory.map.classes.not_reached'))];
    if (limits) {
      list.push(
        cls('far_below', t('territory.map.classes.far_below', { half: fmt(limits.half) })),
        cls('below', t('territory.map.classes.below', { half: fmt(limits.half), level: fmt(limits.level) })),
        cls(
          'above',
          t('territory.map.classes.above', { level: fmt(limits.level), oneAndHalf: fmt(limits.oneAndHalf) }),
        ),
        cls('far_above', t('territory.map.classes.far_above', { oneAndHalf: fmt(limits.oneAndHalf) })),
      );
    } else if (used.has('below')) {
      list.push(cls('below', t('territory.map.classes.reachedNoLevel')));
    }
    if (used.has('unknown')) list.push(cls('unknown', t('territory.map.classes.unknown')));
    return list;
  }, [reach, level, lang, t]);

  const items = useMemo<ValueMapItem[]>(
    () =>
      reach.municipalities.map((m) => ({
        code: m.code,
        classKey: reachClass(m, level),
        valueLabel: m.flags.includes('not_reached')
          ? t('territory.flags.not_reached')
          : t('territory.perInhabitant', { value: formatPerInhabitant(m.sekPerInhabitant, lang) }),
        tooltip: [
          t('territory.map.tooltipPerInhabitant', { value: formatPerInhabitant(m.sekPerInhabitant, lang) }),
          t('territory.map.tooltipEfforts', {
            count: m.effortCount,
            formatted: formatNumber(m.effortCount, lang),
          }),
          formatSek(m.fundingSek, lang),
          ...m.flags.map((f) => `⚑ ${t(`territory.flags.${f}`)}`),
        ],
      })),
    [reach, level, lang, t],
  );

  const activeRow = reach.municipalities.find((m) => m.code === active);
  const limits = reachLimits(level);

  return (
    <section className="section tight" aria-labelledby="reach-map-title">
      <h2 id="reach-map-title">{t('territory.map.title', { from, to })}</h2>
      <div className="map-layout territory-map-layout">
        <figure className="map-figure">
          {geojson ? (
            <ValueMap
              geojson={geojson}
              label={t('territory.map.label', { from, to })}
              classes={classes}
              items={items}
              legendTitle={t('territory.map.legendTitle')}
              activeCode={active}
              onHover={onActive}
              onSelect={(code) => navigate(`/kommuner/${code}`)}
              testId="reach-map"
            />
          ) : (
            <Loading />
          )}
          <figcaption>
            {limits ? (
              <p className="map-hint">
                {t('territory.map.legendNote', { level: formatNumber(limits.level, lang) })}
              </p>
            ) : null}
            <p className="map-hint">{t('territory.map.hint')}</p>
            <p className="map-active" aria-live="polite" data-testid="reach-map-active">
              {activeRow ? (
                <>
                  <strong>{activeRow.name}</strong>
                  {': '}
                  {t('territory.map.activeText', {
                    value: formatPerInhabitant(activeRow.sekPerInhabitant, lang),
                    count: activeRow.effortCount,
                    formatted: formatNumber(activeRow.effortCount, lang),
                  })}
                </>
              ) : null}
            </p>
            <p className="source-note" data-testid="reach-source">
              {t('territory.map.source', { year: populationYear ?? '' })}{' '}
              <a
                href="https://creativecommons.org/licenses/by/4.0/deed.sv"
                hrefLang="sv"
                rel="license noopener"
              >
                {t('source.ccby')}
              </a>
            </p>
          </figcaption>
        </figure>
        <ReachSummary reach={reach} />
      </div>
    </section>
  );
}

/** The map in words: the accessible alternative to the picture. */
function ReachSummary({ reach }: { reach: Reach }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { from, to } = reach.period;
  const level = reach.county.sekPerInhabitant;
  const rows = reach.municipalities;
  const names = (list: { name: string }[]) =>
    new Intl.ListFormat(lang.startsWith('en') ? 'en-GB' : 'sv-SE', { type: 'conjunction' }).format(
      list.map((m) => m.name),
    );
  // Most and least among the municipalities reached; those not reached are named on their own.
  const ranked = rows
    .filter((m) => m.sekPerInhabitant !== null && !m.flags.includes('not_reached'))
    .sort(
      (a, b) =>
        (b.sekPerInhabitant ?? 0) - (a.sekPerInhabitant ?? 0) || collatorFor(lang).compare(a.name, b.name),
    );
  const most = ranked[0];
  const least = ranked[ranked.length - 1];
  const notReached = rows.filter((m) => m.flags.includes('not_reached'));
  const farBelow = rows.filter((m) => m.flags.includes('far_below_county'));
  const aboveLevel = level === null ? [] : rows.filter((m) => (m.sekPerInhabitant ?? 0) >= level);

  return (
    <div className="panel territory-summary" data-testid="reach-summary">
      <h3>{t('territory.summary.title')}</h3>
      {reach.county.effortCount === 0 ? (
        <p>{t('territory.summary.noEfforts', { from, to })}</p>
      ) : (
        <>
          <p>
            {t('territory.summary.totals', {
              from,
              to,
              count: reach.county.effortCount,
              formatted: formatNumber(reach.county.effortCount, lang),
              sek: formatSek(reach.county.fundingSek, lang),
              level: formatPerInhabitant(level, lang),
            })}
          </p>
          {most && least && most !== least ? (
            <p>
              {t('territory.summary.mostLeast', {
                most: most.name,
                mostValue: formatPerInhabitant(most.sekPerInhabitant, lang),
                least: least.name,
                leastValue: formatPerInhabitant(least.sekPerInhabitant, lang),
              })}
            </p>
          ) : null}
          {level !== null ? (
            <p>
              {t('territory.summary.aboveLevel', {
                count: aboveLevel.length,
                formatted: formatNumber(aboveLevel.length, lang),
                total: rows.length,
              })}
            </p>
          ) : null}
          <p>
            {notReached.length === 0
              ? t('territory.summary.allReached', { count: rows.length })
              : t('territory.summary.notReached', {
                  names: names(notReached),
                  count: notReached.length,
                })}{' '}
            {farBelow.length === 0
              ? t('territory.summary.noneFarBelow')
              : t('territory.summary.farBelow', { names: names(farBelow), count: farBelow.length })}
          </p>
        </>
      )}
    </div>
  );
}
