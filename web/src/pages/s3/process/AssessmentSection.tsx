import { Fragment, type ReactNode, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { useSession } from '../../../auth/session';
import { ErrorMessage, Loading } from '../../../components/Status';
import { TableScroll } from '../../../components/TableScroll';
import { formatDate } from '../../../lib/format';
import { useApi } from '../../../lib/useApi';
import type { S3AreaSectionProps } from '../S3AreaSectionProps';
import { AssessmentRadar } from './AssessmentRadar';
import { type Assessment, assessmentsDownloadUrl, type Framework, getAssessments, getFramework } from './api';
import { changeWords, formatChange, formatScore, isStaffRole } from './labels';
import './process.css';

/** "12 maj 2026 14:05" in Swedish time. */
const formatDateTime = (iso: string, lang: string) =>
  new Intl.DateTimeFormat(lang.startsWith('en') ? 'en-GB' : 'sv-SE', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Stockholm',
  }).format(new Date(iso));

const pick = (text: { sv: string; en: string }, lang: string) => (lang.startsWith('en') ? text.en : text.sv);

/**
 * The area's self-assessment in the manner of the RIS3 assessment wheel: the six steps' mean
 * scores of the latest assessment and of an earlier one in a radar chart, and the same numbers
 * (with the change, and every factor's score and comment) in a table as the text alternative.
 */
export function AssessmentSection({ slug, name }: S3AreaSectionProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { session } = useSession();
  const staff = isStaffRole(session?.role);
  const headingId = useId();
  const selectId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const location = useLocation();
  const navigate = useNavigate();
  // The form sends { saved: true } along: say so once, then clear it (not again on reload).
  const arrivedSaved = (location.state as { saved?: boolean } | null)?.saved === true;
  const [saved, setSaved] = useState(arrivedSaved);
  useEffect(() => {
    if (!arrivedSaved) return;
    setSaved(true);
    navigate(`${location.pathname}${location.search}${location.hash}`, { replace: true, state: null });
  }, [arrivedSaved, location.pathname, location.search, location.hash, navigate]);
  const assessments = useApi(() => getAssessments(slug), [slug]);
  const framework = useApi(() => getFramework(), []);
  const [earlierId, setEarlierId] = useState<string>();

  const ready = assessments.status === 'ok' && framework.status === 'ok';
  // Coming back from recording an assessment (…#sjalvskattning): show this section.
  useEffect(() => {
    if (ready && location.hash === '#sjalvskattning') {
      headingRef.current?.scrollIntoView({ block: 'start' });
      headingRef.current?.focus();
    }
  }, [ready, location.hash]);

  const newLink = staff ? (
    <p>
      <Link
        className="button"
        to={`/smart-specialisering/${slug}/sjalvskattning/ny`}
        data-testid="s3-new-assessment"
      >
        {t('s3Process.assessment.new')}
      </Link>
    </p>
  ) : null;

  let body: ReactNode;
  if (assessments.status === 'loading' || framework.status === 'loading') body = <Loading />;
  else if (assessments.status === 'error') body = <ErrorMessage error={assessments.error} />;
  else if (framework.status === 'error') body = <ErrorMessage error={framework.error} />;
  else if (assessments.data.length === 0) {
    body = (
      <>
        <p className="s3p-empty" data-testid="s3-no-assessment">
          {t('s3Process.assessment.none')}
        </p>
        {newLink}
      </>
    );
  } else {
    const list = assessments.data;
    const latest = list[0] as Assessment;
    const earlierList = list.slice(1);
    const earlier = earlierList.find((a) => a.id === earlierId) ?? earlierList[0];
    // Date and assessor; when a date repeats, also the mean and when it was recorded.
    const repeated = (a: Assessment) => list.filter((x) => x.assessedOn === a.assessedOn).length > 1;
    const optionText = (a: Assessment) =>
      [
        formatDate(a.assessedOn, lang),
        a.assessedBy,
        repeated(a)
          ? t('s3Process.assessment.optionDetails', {
              mean: formatScore(a.means.overall, lang),
              recorded: formatDateTime(a.createdAt, lang),
            })
          : null,
      ]
        .filter(Boolean)
        .join(' – ');
    body = (
      <>
        <AssessmentView
          framework={framework.data}
          latest={latest}
          earlier={earlier}
          name={name}
          earlierPicker={
            earlierList.length > 0 ? (
              <p className="s3p-compare">
                <label htmlFor={selectId}>{t('s3Process.assessment.compareWith')}</label>{' '}
                <select
                  id={selectId}
                  value={earlier?.id ?? ''}
                  onChange={(e) => setEarlierId(e.target.value)}
                  data-testid="s3-compare-select"
                >
                  {earlierList.map((a) => (
                    <option key={a.id} value={a.id}>
                      {optionText(a)}
                    </option>
                  ))}
                </select>
              </p>
            ) : (
              <p className="muted">{t('s3Process.assessment.onlyOne')}</p>
            )
          }
        />
        {newLink}
        <p className="export-links">
          {t('s3Process.assessment.download')}{' '}
          <a href={assessmentsDownloadUrl(slug, 'csv')} download>
            CSV
          </a>{' '}
          <a href={assessmentsDownloadUrl(slug, 'xlsx')} download>
            Excel
          </a>
        </p>
      </>
    );
  }

  return (
    <section className="section s3p-assessment" aria-labelledby={headingId} id="sjalvskattning">
      <h2 id={headingId} ref={headingRef} tabIndex={-1}>
        {t('s3Process.assessment.title')}
      </h2>
      <p className="muted">{t('s3Process.assessment.lead')}</p>
      {saved ? (
        <p className="form-ok" role="status" data-testid="s3-assessment-saved">
          {t('s3Process.assessment.saved')}
        </p>
      ) : null}
      {body}
    </section>
  );
}

function AssessmentView({
  framework,
  latest,
  earlier,
  name,
  earlierPicker,
}: {
  framework: Framework;
  latest: Assessment;
  earlier: Assessment | undefined;
  name: string;
  earlierPicker: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  // The series and the table's columns are named by the assessments' dates; two of the same
  // day by when they were recorded, so the legend and the columns still tell them apart.
  const sameDay = earlier !== undefined && earlier.assessedOn === latest.assessedOn;
  const when = (a: Assessment) =>
    sameDay ? formatDateTime(a.createdAt, lang) : formatDate(a.assessedOn, lang);
  const latestDate = when(latest);
  const earlierDate = earlier ? when(earlier) : '';
  const latestName = t('s3Process.assessment.seriesName', { date: latestDate });
  const earlierName = earlier ? t('s3Process.assessment.seriesName', { date: earlierDate }) : '';
  const meanOf = (a: Assessment | undefined, step: string) =>
    a?.means.steps.find((s) => s.step === step)?.mean ?? null;
  // The change is taken between the exact means (3,67 − 3,33 is +0,33, not +0,34).
  const exactMean = (a: Assessment | undefined, step?: string) => {
    const scores = (a?.scores ?? []).filter((s) => step === undefined || s.step === step);
    return scores.length ? scores.reduce((sum, s) => sum + s.score, 0) / scores.length : null;
  };
  const scoreOf = (a: Assessment | undefined, step: string, factor: number) =>
    a?.scores.find((s) => s.step === step && s.factor === factor);
  const diff = (a: number | null, b: number | null) =>
    a === null || b === null ? null : Math.round((a - b) * 100) / 100;

  const axes = useMemo(
    () => framework.steps.map((s) => `${s.number}. ${t(`s3Process.shortStep.${s.step}`)}`),
    [framework, t],
  );
  const latestSeries = useMemo(
    () => ({ name: latestName, values: latest.means.steps.map((s) => s.mean) }),
    [latest, latestName],
  );
  const earlierSeries = useMemo(
    () => (earlier ? { name: earlierName, values: earlier.means.steps.map((s) => s.mean) } : undefined),
    [earlier, earlierName],
  );

  return (
    <>
      <p className="s3p-assessment-meta" data-testid="s3-latest-meta">
        {t('s3Process.assessment.latestMeta', { date: formatDate(latest.assessedOn, lang) })}
        {latest.assessedBy ? (
          <>
            {' '}
            {t('s3Process.assessment.by', { who: '' })}
            <span lang="sv">{latest.assessedBy}</span>
          </>
        ) : null}
        . {t('s3Process.assessment.overall', { mean: formatScore(latest.means.overall, lang) })}
        {latest.isExample ? (
          <>
            {' '}
            <span className="badge">{t('s3Process.example')}</span>
          </>
        ) : null}
      </p>
      {latest.note ? (
        <p className="s3p-step-note" lang="sv">
          {latest.note}
        </p>
      ) : null}
      {earlierPicker}
      <div className="s3p-assessment-layout">
        <figure className="s3p-radar-figure">
          <AssessmentRadar
            axes={axes}
            latest={latestSeries}
            earlier={earlierSeries}
            lang={lang}
            label={t('s3Process.assessment.chartLabel', { name })}
          />
          <figcaption className="muted">{t('s3Process.assessment.chartCaption')}</figcaption>
        </figure>
        <div className="s3p-assessment-table">
          <TableScroll label={t('s3Process.assessment.tableCaption')}>
            <table className="data-table" data-testid="s3-means-table">
              <caption>{t('s3Process.assessment.tableCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('s3Process.assessment.step')}</th>
                  <th scope="col" className="num">
                    {latestDate}
                  </th>
                  {earlier ? (
                    <>
                      <th scope="col" className="num">
                        {earlierDate}
                      </th>
                      <th scope="col" className="num">
                        {t('s3Process.assessment.change')}
                      </th>
                    </>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {framework.steps.map((s) => {
                  const change = diff(exactMean(latest, s.step), exactMean(earlier, s.step));
                  return (
                    <tr key={s.step} data-testid={`s3-mean-${s.step}`}>
                      <th scope="row">
                        {s.number}. {pick(s.name, lang)}
                      </th>
                      <td className="num">{formatScore(meanOf(latest, s.step), lang)}</td>
                      {earlier ? (
                        <>
                          <td className="num">{formatScore(meanOf(earlier, s.step), lang)}</td>
                          <td className="num">
                            <span aria-hidden="true">{formatChange(change, lang)}</span>
                            <span className="visually-hidden">
                              {formatChange(change, lang)} ({changeWords(t, change)})
                            </span>
                          </td>
                        </>
                      ) : null}
                    </tr>
                  );
                })}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t('s3Process.assessment.allSteps')}</th>
                  <td className="num">{formatScore(latest.means.overall, lang)}</td>
                  {earlier ? (
                    <>
                      <td className="num">{formatScore(earlier.means.overall, lang)}</td>
                      <td className="num">
                        {formatChange(diff(exactMean(latest), exactMean(earlier)), lang)}
                      </td>
                    </>
                  ) : null}
                </tr>
              </tfoot>
            </table>
          </TableScroll>
        </div>
      </div>

      <h3 className="s3p-factors-title">{t('s3Process.assessment.factorsTitle')}</h3>
      <p className="muted">{pick(framework.note, lang)}</p>
      {framework.steps.map((s) => (
        <details
          key={s.step}
          className="table-details s3p-factor-details"
          data-testid={`s3-factors-${s.step}`}
        >
          <summary>
            {s.number}. {pick(s.name, lang)}
          </summary>
          <TableScroll label={t('s3Process.assessment.factorsCaption', { step: pick(s.name, lang) })}>
            <table className="data-table s3p-factor-table">
              <caption className="visually-hidden">
                {t('s3Process.assessment.factorsCaption', { step: pick(s.name, lang) })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('s3Process.assessment.factor')}</th>
                  <th scope="col" className="num">
                    {latestDate}
                  </th>
                  {earlier ? (
                    <>
                      <th scope="col" className="num">
                        {earlierDate}
                      </th>
                      <th scope="col" className="num">
                        {t('s3Process.assessment.change')}
                      </th>
                    </>
                  ) : null}
                  <th scope="col">{t('s3Process.assessment.comment')}</th>
                </tr>
              </thead>
              <tbody>
                {s.factors.map((f) => {
                  const l = scoreOf(latest, s.step, f.factor);
                  const e = scoreOf(earlier, s.step, f.factor);
                  return (
                    <tr key={f.factor}>
                      <th scope="row">
                        <span className="s3p-factor-name">{pick(f.name, lang)}</span>
                        <span className="s3p-factor-description">{pick(f.description, lang)}</span>
                      </th>
                      <td className="num">{l ? scoreText(t, l.score) : '–'}</td>
                      {earlier ? (
                        <>
                          <td className="num">{e ? scoreText(t, e.score) : '–'}</td>
                          <td className="num">
                            {formatChange(diff(l?.score ?? null, e?.score ?? null), lang)}
                          </td>
                        </>
                      ) : null}
                      <td>
                        {l?.comment ? <span lang="sv">{l.comment}</span> : null}
                        {earlier && e?.comment ? (
                          <span className="s3p-earlier-comment">
                            {t('s3Process.assessment.earlierComment')} <span lang="sv">{e.comment}</span>
                          </span>
                        ) : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableScroll>
        </details>
      ))}
    </>
  );
}

const scoreText = (t: (key: string) => string, score: number) => (
  <Fragment>
    {score} <span className="s3p-score-word">({t(`s3Process.scale.${score}`)})</span>
  </Fragment>
);
