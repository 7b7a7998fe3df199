/**
 * The participation charts, each followed by a table with the same numbers (the text
 * alternative): organisations by helix type, women and men, new and returning organisations,
 * municipalities represented.
 */
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import type { TFunction } from 'i18next';
import { type ReactNode, useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../../components/EChart';
import { type EChartsOption, echarts } from '../../../components/echarts';
import { TableScroll } from '../../../components/TableScroll';
import { formatNumber } from '../../../lib/format';
import type { ParticipationPeriod } from './api';
import { HELIX_TYPES, periodLabel } from './labels';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent]);

const HELIX_COLOURS = ['#12507a', '#0f7f7a', '#b7791f', '#7a4a9e'];
const SEX_COLOURS = ['#7a4a9e', '#0f7f7a', '#8a99a6'];
const NEW_COLOURS = ['#0f7f7a', '#12507a'];

const narrow = () => typeof window !== 'undefined' && window.matchMedia('(max-width: 40rem)').matches;

type Series = { name: string; values: number[]; colour: string };

function barOption(categories: string[], series: Series[], lang: string, stacked: boolean): EChartsOption {
  return {
    animation: false,
    textStyle: { fontFamily: 'system-ui, sans-serif' },
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => formatNumber(Number(v), lang) },
    // A plain legend wraps on a phone; the plot starts below it.
    legend: { top: 0 },
    grid: { left: 8, right: 8, top: narrow() && series.length > 2 ? 76 : 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: categories, axisLabel: { hideOverlap: true } },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: (v: number) => formatNumber(v, lang) } },
    series: series.map((s) => ({
      type: 'bar',
      name: s.name,
      data: s.values,
      itemStyle: { color: s.colour },
      ...(stacked ? { stack: 'total' } : {}),
      barMaxWidth: 48,
    })),
  };
}

function ChartBlock({
  title,
  caption,
  option,
  table,
  testId,
  headingLevel,
}: {
  title: string;
  caption: string;
  option: EChartsOption;
  /** The table, labelled by the caption shown above its scrolling box (a caption inside the box scrolls out of view on a phone). */
  table: (captionId: string) => ReactNode;
  testId: string;
  headingLevel: 2 | 3;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const captionId = useId();
  const H = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className="s3l-chart-block" aria-labelledby={headingId} data-testid={testId}>
      <H id={headingId}>{title}</H>
      <EChart
        option={option}
        label={t('s3Learning.participation.chartLabel', { title: caption })}
        height={280}
      />
      <p className="s3l-table-caption" id={captionId}>
        {caption}
      </p>
      <TableScroll label={caption}>{table(captionId)}</TableScroll>
    </section>
  );
}

const useCategories = (periods: ParticipationPeriod[], t: TFunction) =>
  useMemo(() => periods.map((p) => periodLabel(t, p.period)), [periods, t]);

const SEX_KEYS = ['women', 'men', 'other'] as const;

type ChartProps = { periods: ParticipationPeriod[]; headingLevel?: 2 | 3 };

export function HelixChart({ periods, headingLevel = 2 }: ChartProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const n = (v: number) => formatNumber(v, lang);
  const categories = useCategories(periods, t);
  const caption = t('s3Learning.participation.helixCaption');
  const option = useMemo(
    () =>
      barOption(
        categories,
        HELIX_TYPES.map((h, i) => ({
          name: t(`s3Learning.participation.helix.${h}`),
          values: periods.map((p) => p.organisations[h]),
          colour: HELIX_COLOURS[i] ?? '#12507a',
        })),
        lang,
        true,
      ),
    [categories, periods, lang, t],
  );
  return (
    <ChartBlock
      title={t('s3Learning.participation.helixTitle')}
      caption={caption}
      option={option}
      testId="s3l-helix"
      headingLevel={headingLevel}
      table={(captionId) => (
        <table className="data-table" data-testid="s3l-helix-table" aria-labelledby={captionId}>
          <thead>
            <tr>
              <th scope="col">{t('s3Learning.participation.periodLabel')}</th>
              {HELIX_TYPES.map((h) => (
                <th scope="col" className="num" key={h}>
                  {t(`s3Learning.participation.helix.${h}`)}
                </th>
              ))}
              <th scope="col" className="num">
                {t('s3Learning.participation.total')}
              </th>
            </tr>
          </thead>
          <tbody>
            {periods.map((p, i) => (
              <tr key={p.period}>
                <th scope="row">{categories[i]}</th>
                {HELIX_TYPES.map((h) => (
                  <td className="num" key={h}>
                    {n(p.organisations[h])}
                  </td>
                ))}
                <td className="num">{n(p.organisations.total)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    />
  );
}

export function SexChart({ periods, headingLevel = 2 }: ChartProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const n = (v: number) => formatNumber(v, lang);
  const categories = useCategories(periods, t);
  const caption = t('s3Learning.participation.sexCaption');
  const option = useMemo(
    () =>
      barOption(
        categories,
        SEX_KEYS.map((k, i) => ({
          name: t(`s3Learning.participation.${k}`),
          values: periods.map((p) => p.participants[k]),
          colour: SEX_COLOURS[i] ?? '#12507a',
        })),
        lang,
        false,
      ),
    [categories, periods, lang, t],
  );
  const anyWithout = periods.some((p) => p.meetingsWithoutCounts > 0);
  return (
    <ChartBlock
      title={t('s3Learning.participation.sexTitle')}
      caption={caption}
      option={option}
      testId="s3l-sex"
      headingLevel={headingLevel}
      table={(captionId) => (
        <>
          <table className="data-table" data-testid="s3l-sex-table" aria-labelledby={captionId}>
            <thead>
              <tr>
                <th scope="col">{t('s3Learning.participation.periodLabel')}</th>
                <th scope="col" className="num">
                  {t('s3Learning.participation.meetings')}
                </th>
                {SEX_KEYS.map((k) => (
                  <th scope="col" className="num" key={k}>
                    {t(`s3Learning.participation.${k}`)}
                  </th>
                ))}
                <th scope="col" className="num">
                  {t('s3Learning.participation.total')}
                </th>
                <th scope="col" className="num">
                  {t('s3Learning.participation.withoutCounts')}
                </th>
              </tr>
            </thead>
            <tbody>
              {periods.map((p, i) => (
                <tr key={p.period}>
                  <th scope="row">{categories[i]}</th>
                  <td className="num">{n(p.meetings)}</td>
                  {SEX_KEYS.map((k) => (
                    <td className="num" key={k}>
                      {n(p.participants[k])}
                    </td>
                  ))}
                  <td className="num">{n(p.participants.total)}</td>
                  <td className="num">{n(p.meetingsWithoutCounts)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {anyWithout ? <p className="muted">{t('s3Learning.participation.withoutCountsNote')}</p> : null}
        </>
      )}
    />
  );
}

export function NewReturningChart({ periods, headingLevel = 2 }: ChartProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const n = (v: number) => formatNumber(v, lang);
  const categories = useCategories(periods, t);
  const caption = t('s3Learning.participation.newCaption');
  const option = useMemo(
    () =>
      barOption(
        categories,
        [
          {
            name: t('s3Learning.participation.new'),
            values: periods.map((p) => p.newOrganisations),
            colour: NEW_COLOURS[0] as string,
          },
          {
            name: t('s3Learning.participation.returning'),
            values: periods.map((p) => p.returningOrganisations),
            colour: NEW_COLOURS[1] as string,
          },
        ],
        lang,
        true,
      ),
    [categories, periods, lang, t],
  );
  return (
    <ChartBlock
      title={t('s3Learning.participation.newTitle')}
      caption={caption}
      option={option}
      testId="s3l-new"
      headingLevel={headingLevel}
      table={(captionId) => (
        <table className="data-table" data-testid="s3l-new-table" aria-labelledby={captionId}>
          <thead>
            <tr>
              <th scope="col">{t('s3Learning.participation.periodLabel')}</th>
              <th scope="col" className="num">
                {t('s3Learning.participation.new')}
              </th>
              <th scope="col" className="num">
                {t('s3Learning.participation.returning')}
              </th>
              <th scope="col" className="num">
                {t('s3Learning.participation.total')}
              </th>
            </tr>
          </thead>
          <tbody>
            {periods.map((p, i) => (
              <tr key={p.period}>
                <th scope="row">{categories[i]}</th>
                <td className="num">{n(p.newOrganisations)}</td>
                <td className="num">{n(p.returningOrganisations)}</td>
                <td className="num">{n(p.organisations.total)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    />
  );
}

export function MunicipalityChart({ periods, headingLevel = 2 }: ChartProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const n = (v: number) => formatNumber(v, lang);
  const categories = useCategories(periods, t);
  const caption = t('s3Learning.participation.municipalitiesCaption');
  const option = useMemo(
    () =>
      barOption(
        categories,
        [
          {
            name: t('s3Learning.participation.municipalitiesCount'),
            values: periods.map((p) => p.municipalities.length),
            colour: '#12507a',
          },
        ],
        lang,
        false,
      ),
    [categories, periods, lang, t],
  );
  return (
    <ChartBlock
      title={t('s3Learning.participation.municipalitiesTitle')}
      caption={caption}
      option={option}
      testId="s3l-municipalities"
      headingLevel={headingLevel}
      table={(captionId) => (
        <table className="data-table" data-testid="s3l-municipalities-table" aria-labelledby={captionId}>
          <thead>
            <tr>
              <th scope="col">{t('s3Learning.participation.periodLabel')}</th>
              <th scope="col" className="num">
                {t('s3Learning.participation.municipalitiesCount')}
              </th>
              <th scope="col">{t('s3Learning.participation.municipalityNames')}</th>
            </tr>
          </thead>
          <tbody>
            {periods.map((p, i) => (
              <tr key={p.period}>
                <th scope="row">{categories[i]}</th>
                <td className="num">{n(p.municipalities.length)}</td>
                <td>{p.municipalities.map((m) => m.name).join(', ') || '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    />
  );
}
