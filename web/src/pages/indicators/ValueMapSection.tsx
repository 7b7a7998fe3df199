import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AreaGeoJson } from '../../api/client';
import { ValueMap, type ValueMapClass } from '../../components/ValueMap';
import { formatNumber } from '../../lib/format';
import type { Indicator, IndicatorValue } from './api';
import { titleOf } from './labels';
import { SourceLine } from './SourceLine';

const COLORS = ['#d6eeec', '#8fcfca', '#3b9ba3', '#0b5570'];

/** Four classes at the quartiles of the year's values, so each class holds about as many areas. */
export function valueClasses(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
  return [...new Set([at(0.25), at(0.5), at(0.75)])].filter((limit) => limit > (sorted[0] as number));
}

type Props = {
  indicator: Indicator;
  geojson: AreaGeoJson;
  years: number[];
  year: number;
  onYear: (year: number) => void;
  values: IndicatorValue[];
  names: Map<string, string>;
  countyCode: string;
};

/** The municipalities coloured by the year's value, a year slider, and the same as text. */
export function ValueMapSection({
  indicator,
  geojson,
  years,
  year,
  onYear,
  values,
  names,
  countyCode,
}: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [active, setActive] = useState<string | null>(null);
  const unit = (lang === 'en' ? indicator.unit.en : indicator.unit.sv) ?? indicator.unit.sv ?? '';
  const fmt = (v: number) => `${formatNumber(v, lang)}${unit ? ` ${unit}` : ''}`;
  const ofYear = values.filter((v) => v.year === year);
  const municipal = ofYear.filter((v) => v.areaCode.length === 4);
  const county = ofYear.find((v) => v.areaCode === countyCode);

  // biome-ignore lint/correctness/useExhaustiveDependencies: derived from the year's values and language
  const { classes, items } = useMemo(() => {
    const limits = valueClasses(municipal.map((v) => v.value));
    const bounds = [Number.NEGATIVE_INFINITY, ...limits, Number.POSITIVE_INFINITY];
    const classes: ValueMapClass[] = bounds.slice(0, -1).map((low, i) => {
      const high = bounds[i + 1] as number;
      const label =
        i === 0
          ? t('indicators.map.below', { value: formatNumber(high, lang) })
          : high === Number.POSITIVE_INFINITY
            ? t('indicators.map.atLeast', { value: formatNumber(low, lang) })
            : `${formatNumber(low, lang)}–${formatNumber(high, lang)}`;
      return { key: String(i), label, color: COLORS[i + (4 - (bounds.length - 1))] ?? '#0b5570' };
    });
    classes.push({ key: 'none', label: t('indicators.map.noValue'), color: '#ffffff', hatched: true });
    const byCode = new Map(municipal.map((v) => [v.areaCode, v]));
    const items = geojson.features.map((f) => {
      const code = String(f.properties.code);
      const v = byCode.get(code);
      const index = v
        ? bounds.findIndex((low, i) => v.value >= low && v.value < (bounds[i + 1] as number))
        : -1;
      return {
        code,
        classKey: v ? String(Math.max(0, index)) : 'none',
        valueLabel: v ? formatNumber(v.value, lang) : '–',
        tooltip: v
          ? [fmt(v.value), ...(v.status === 'preliminary' ? [t('indicators.preliminary')] : [])]
          : [t('indicators.map.noValue')],
      };
    });
    return { classes, items };
  }, [municipal, geojson, lang, t]);

  const highest = [...municipal].sort((a, b) => b.value - a.value)[0];
  const lowest = [...municipal].sort((a, b) => a.value - b.value)[0];
  const first = years[0] ?? year;
  const last = years.at(-1) ?? year;

  return (
    <section className="section" aria-labelledby="map-title">
      <h2 id="map-title">{t('indicators.map.title', { year })}</h2>
      {years.length > 1 ? (
        <div className="field year-slider">
          <label htmlFor="year-slider">
            {t('indicators.map.year')}: <strong>{year}</strong>
          </label>
          <input
            id="year-slider"
            type="range"
            // The slider moves over the years that have values, so every arrow key press lands on one.
            min={0}
            max={years.length - 1}
            step={1}
            value={Math.max(0, years.indexOf(year))}
            aria-valuetext={String(year)}
            onChange={(e) => onYear(years[Number(e.target.value)] ?? year)}
          />
          <p className="field-hint">{t('indicators.map.yearsHint', { first, last, count: years.length })}</p>
        </div>
      ) : null}
      {municipal.length === 0 ? (
        <p>{t('indicators.map.noMunicipalValues', { year })}</p>
      ) : (
        <>
          <p data-testid="map-summary">
            {t('indicators.map.summary', {
              high: names.get(highest?.areaCode ?? '') ?? highest?.areaCode,
              highValue: highest ? fmt(highest.value) : '',
              low: names.get(lowest?.areaCode ?? '') ?? lowest?.areaCode,
              lowValue: lowest ? fmt(lowest.value) : '',
              year,
            })}
            {county ? ` ${t('indicators.map.county', { value: fmt(county.value) })}` : ''}
          </p>
          <ValueMap
            geojson={geojson}
            label={t('indicators.map.label', { title: titleOf(indicator, lang), year })}
            classes={classes}
            items={items}
            legendTitle={unit || t('indicators.map.legend')}
            activeCode={active}
            onHover={setActive}
            testId="indicator-map"
          />
        </>
      )}
      <SourceLine indicator={indicator} />
    </section>
  );
}
