/** Words for the indicator pages' codes (polarity, sex, measures, statuses). */
import type { TFunction } from 'i18next';
import type { DisparityYear, Indicator, Sex } from './api';

export const SEXES: Sex[] = ['total', 'women', 'men'];

export const sexLabel = (t: TFunction, sex: Sex) => t(`indicators.sex.${sex}`);
export const polarityLabel = (t: TFunction, polarity: Indicator['polarity']) =>
  t(`indicators.polarity.${polarity}`);

/** The disparity measures shown, in the order of the table. */
export const MEASURES = [
  'cv',
  'williamson',
  'gini',
  'giniWeighted',
  'theil',
  'theilWeighted',
  'maxMinRatio',
] as const;
export type MeasureKey = (typeof MEASURES)[number];
export const measureOf = (year: DisparityYear, key: MeasureKey) => year[key];

/** The county's name: "Jämtlands län" comes from the API; Sweden is "Riket". */
export const SWEDEN = 'SE';

/** The indicator's name in the UI language (Swedish when there is no English name). */
export const titleOf = (i: Indicator, lang: string): string =>
  (lang === 'en' ? (i.title.en ?? i.title.sv) : i.title.sv) ?? i.id;

/** Server explanations are English: mark them so screen readers read them as English (WCAG 3.1.2). */
export const serverLang = 'en';
