import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../../api/client';
import { useSession } from '../../../auth/session';
import { FormField } from '../../../components/FormField';
import { NotAllowed } from '../../../components/NotAllowed';
import { PageHeader } from '../../../components/PageHeader';
import { ErrorMessage, Loading } from '../../../components/Status';
import { formatDate } from '../../../lib/format';
import { useApi } from '../../../lib/useApi';
import { NotFoundPage } from '../../not-found/NotFoundPage';
import { S3SubNav } from '../S3SubNav';
import {
  type Assessment,
  createAssessment,
  type Framework,
  getAssessments,
  getFramework,
  getSteps,
} from './api';
import { isStaffRole, todayInSweden, validDate } from './labels';
import { FORM, saveErrors } from './problems';
import './process.css';

type Score = { step: string; factor: number; score: number | null; comment: string };
type Draft = { assessedOn: string; assessedBy: string; note: string; scores: Score[] };

/**
 * A new assessment prefilled from the latest one. From example data only the scores are taken:
 * its assessor and comments ("… (exempel)") would otherwise end up in a real record.
 */
function draftOf(framework: Framework, latest: Assessment | undefined): Draft {
  const copyTexts = latest !== undefined && !latest.isExample;
  return {
    assessedOn: todayInSweden(),
    assessedBy: copyTexts ? (latest.assessedBy ?? '') : '',
    note: '',
    scores: framework.steps.flatMap((s) =>
      s.factors.map((f) => {
        const before = latest?.scores.find((x) => x.step === s.step && x.factor === f.factor);
        return {
          step: s.step,
          factor: f.factor,
          score: before?.score ?? null,
          comment: copyTexts ? (before?.comment ?? '') : '',
        };
      }),
    ),
  };
}

const pick = (text: { sv: string; en: string }, lang: string) => (lang.startsWith('en') ? text.en : text.sv);

/**
 * A new self-assessment of a strength area: the 18 factors grouped by step, each scored 0–5 with
 * an optional comment, prefilled from the latest assessment. Saving goes back to the area page.
 */
export function AssessmentFormPage() {
  const { slug = '' } = useParams();
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { session } = useSession();
  const navigate = useNavigate();
  const staff = isStaffRole(session?.role);
  const area = useApi(async () => (staff ? getSteps(slug) : undefined), [slug, staff]);
  const framework = useApi(() => getFramework(), []);
  const latest = useApi(async () => (staff ? (await getAssessments(slug))[0] : undefined), [slug, staff]);
  const [draft, setDraft] = useState<Draft>();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const baseId = useId();

  useEffect(() => {
    if (draft || framework.status !== 'ok' || latest.status !== 'ok') return;
    setDraft(draftOf(framework.data, latest.data));
  }, [draft, framework.status, framework.data, latest.status, latest.data]);

  useEffect(() => {
    if (!errors[FORM]) return;
    const field = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    (field ?? summaryRef.current)?.focus();
  }, [errors]);

  if (!session) return <Loading />;
  if (!session.user) return <NotAllowed signedIn={false} />;
  if (!staff) return <NotAllowed signedIn />;
  if (area.status === 'error') {
    if (area.error instanceof ApiError && area.error.status === 404)
      return (
        <NotFoundPage
          title={t('s3Process.form.areaNotFound')}
          backTo="/smart-specialisering"
          backLabel={t('s3Process.form.backToAreas')}
        />
      );
    return <ErrorMessage error={area.error} />;
  }
  if (framework.status === 'error') return <ErrorMessage error={framework.error} />;
  if (latest.status === 'error') return <ErrorMessage error={latest.error} />;
  if (!draft || area.status !== 'ok' || !area.data || framework.status !== 'ok') return <Loading />;

  const areaName =
    (lang.startsWith('en') ? area.data.area.name.en : area.data.area.name.sv) ??
    area.data.area.name.sv ??
    slug;
  const d = draft;
  const set = (patch: Partial<Draft>) => setDraft({ ...d, ...patch });
  const setScore = (i: number, patch: Partial<Score>) =>
    set({ scores: d.scores.map((s, j) => (j === i ? { ...s, ...patch } : s)) });
  const back = `/smart-specialisering/${slug}`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!validDate(d.assessedOn)) problems.assessedOn = t('s3Process.validation.date');
    else if (d.assessedOn > todayInSweden()) problems.assessedOn = t('s3Process.validation.future');
    d.scores.forEach((s, i) => {
      if (s.score === null) problems[`scores.${i}.score`] = t('s3Process.validation.chooseScore');
    });
    if (Object.keys(problems).length > 0) {
      setErrors({ ...problems, [FORM]: t('s3Process.form.fixErrors') });
      return;
    }
    setSaving(true);
    try {
      await createAssessment(slug, {
        assessedOn: d.assessedOn,
        assessedBy: d.assessedBy.trim() || null,
        note: d.note.trim() || null,
        scores: d.scores.map((s) => ({
          step: s.step,
          factor: s.factor,
          score: s.score ?? 0,
          comment: s.comment.trim() || null,
        })),
      });
      navigate(`${back}#sjalvskattning`, { state: { saved: true } });
    } catch (e) {
      setErrors(saveErrors(t, e));
    } finally {
      setSaving(false);
    }
  };

  let index = -1;
  return (
    <>
      <PageHeader
        title={t('s3Process.form.title', { name: areaName })}
        kicker={t('s3Process.assessment.title')}
        lead={t('s3Process.form.lead')}
      />
      <S3SubNav />
      <p>
        <Link to={`${back}#sjalvskattning`}>{t('s3Process.form.back', { name: areaName })}</Link>
      </p>
      <p className="muted">{pick(framework.data.note, lang)}</p>
      {latest.data ? (
        <p className="field-hint">
          {t(latest.data.isExample ? 's3Process.form.prefilledExample' : 's3Process.form.prefilled', {
            date: formatDate(latest.data.assessedOn, lang),
          })}
        </p>
      ) : null}
      <form
        className="form s3p-assessment-form"
        onSubmit={submit}
        noValidate
        aria-busy={saving}
        ref={formRef}
      >
        {errors[FORM] ? (
          <div className="form-error" role="alert" tabIndex={-1} ref={summaryRef} data-testid="form-error">
            {errors[FORM]}
          </div>
        ) : null}
        <div className="form-grid">
          <FormField label={t('s3Process.fields.assessedOn')} error={errors.assessedOn}>
            {(p) => (
              <input
                {...p}
                type="date"
                required
                value={d.assessedOn}
                onChange={(e) => set({ assessedOn: e.target.value })}
              />
            )}
          </FormField>
          <FormField
            label={t('s3Process.fields.assessedBy')}
            hint={t('s3Process.form.assessedByHint')}
            error={errors.assessedBy}
          >
            {(p) => (
              <input
                {...p}
                type="text"
                maxLength={300}
                value={d.assessedBy}
                onChange={(e) => set({ assessedBy: e.target.value })}
              />
            )}
          </FormField>
        </div>
        {errors.scores ? (
          <p className="field-error" role="alert">
            {errors.scores}
          </p>
        ) : null}
        {framework.data.steps.map((s) => (
          <fieldset key={s.step} className="s3p-assessment-step" data-testid={`s3-form-step-${s.step}`}>
            <legend>
              {t('s3Process.steps.stepNumber', { number: s.number })}: {pick(s.name, lang)}
            </legend>
            {s.factors.map((f) => {
              index += 1;
              const i = index;
              const score = d.scores[i];
              if (!score) return null;
              const key = `scores.${i}`;
              const error = errors[`${key}.score`] ?? errors[`${key}.factor`] ?? errors[`${key}.step`];
              const hintId = `${baseId}-${i}-hint`;
              const errorId = `${baseId}-${i}-error`;
              return (
                <div
                  key={f.factor}
                  className={error ? 's3p-factor field-invalid' : 's3p-factor'}
                  data-testid={`s3-factor-${s.step}-${f.factor}`}
                >
                  <fieldset
                    className="s3p-scale"
                    aria-describedby={[hintId, error ? errorId : ''].filter(Boolean).join(' ')}
                    aria-invalid={error ? true : undefined}
                  >
                    <legend>
                      {s.number}.{f.factor} {pick(f.name, lang)}
                    </legend>
                    <p className="field-hint" id={hintId}>
                      {pick(f.description, lang)}
                    </p>
                    <div className="s3p-scale-options">
                      {framework.data.scale.map((option) => (
                        <label key={option.score} className="s3p-scale-option">
                          <input
                            type="radio"
                            name={`${baseId}-${i}`}
                            value={option.score}
                            checked={score.score === option.score}
                            aria-invalid={error ? true : undefined}
                            onChange={() => setScore(i, { score: option.score })}
                          />
                          <span className="s3p-scale-number">{option.score}</span>{' '}
                          <span className="s3p-scale-word">{pick(option.name, lang)}</span>
                        </label>
                      ))}
                    </div>
                    {error ? (
                      <p className="field-error" id={errorId}>
                        {error}
                      </p>
                    ) : null}
                  </fieldset>
                  <FormField
                    label={t('s3Process.fields.commentFor', { factor: pick(f.name, lang) })}
                    error={errors[`${key}.comment`]}
                  >
                    {(p) => (
                      <textarea
                        {...p}
                        rows={2}
                        maxLength={5000}
                        value={score.comment}
                        onChange={(e) => setScore(i, { comment: e.target.value })}
                      />
                    )}
                  </FormField>
                </div>
              );
            })}
          </fieldset>
        ))}
        <FormField label={t('s3Process.fields.note')} error={errors.note}>
          {(p) => <textarea {...p} rows={3} value={d.note} onChange={(e) => set({ note: e.target.value })} />}
        </FormField>
        <div className="form-actions">
          <button type="submit" className="button" disabled={saving} data-testid="s3-save-assessment">
            {saving ? t('s3Process.form.saving') : t('s3Process.form.saveAssessment')}
          </button>
          <Link className="button button-secondary" to={`${back}#sjalvskattning`}>
            {t('s3Process.form.cancel')}
          </Link>
        </div>
      </form>
    </>
  );
}
