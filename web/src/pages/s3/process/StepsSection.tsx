import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import { useSession } from '../../../auth/session';
import { FormField } from '../../../components/FormField';
import { ErrorMessage, Loading } from '../../../components/Status';
import { formatDate } from '../../../lib/format';
import { useApi } from '../../../lib/useApi';
import type { S3AreaSectionProps } from '../S3AreaSectionProps';
import { getFramework, getSteps, putStep, type Step, type StepKey, type StepStatus } from './api';
import { isStaffRole, STATUS_ICON, STEP_STATUSES, todayInSweden, validDate, WEB_ADDRESS } from './labels';
import { FORM, saveErrors } from './problems';
import './process.css';

type Draft = {
  status: StepStatus;
  startedOn: string;
  dueOn: string;
  responsible: string;
  deliverables: Array<{ title: string; url: string }>;
  note: string;
};

const draftOf = (s: Step): Draft => ({
  status: s.status,
  startedOn: s.startedOn ?? '',
  dueOn: s.dueOn ?? '',
  responsible: s.responsible ?? '',
  deliverables: s.deliverables.map((d) => ({ title: d.title, url: d.url ?? '' })),
  note: s.note ?? '',
});

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

/** The step's rules, checked before saving (the server checks them again). */
function validate(d: Draft, t: (key: string) => string, today: string): Record<string, string> {
  const errors: Record<string, string> = {};
  const v = (key: string) => t(`s3Process.validation.${key}`);
  if (d.startedOn && !validDate(d.startedOn)) errors.startedOn = v('date');
  if (d.dueOn && !validDate(d.dueOn)) errors.dueOn = v('date');
  if (!errors.startedOn && !errors.dueOn) {
    if (d.startedOn && d.dueOn && d.dueOn < d.startedOn) errors.dueOn = v('dueBeforeStart');
    if (d.status === 'done') {
      if (!d.dueOn) errors.dueOn = v('doneNeedsDate');
      else if (d.dueOn > today) errors.dueOn = v('doneInFuture');
    }
    if (d.startedOn && d.startedOn > today && d.status !== 'not_started')
      errors.startedOn = v('startInFuture');
  }
  d.deliverables.forEach((x, i) => {
    if (!x.title.trim()) errors[`deliverables.${i}.title`] = v('deliverableTitle');
    if (x.url.trim() && !WEB_ADDRESS.test(x.url.trim())) errors[`deliverables.${i}.url`] = v('url');
  });
  return errors;
}

/**
 * The six steps of the area's work (RIS3 Guide) in order: status in words with a sign, dates,
 * responsible and deliverables. Editors change a step in place; the change is saved with the
 * version read, and when a colleague saved first the form keeps what was typed and shows theirs.
 */
export function StepsSection({ slug, name }: S3AreaSectionProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { session } = useSession();
  const staff = isStaffRole(session?.role);
  const headingId = useId();
  const steps = useApi(() => getSteps(slug), [slug]);
  const framework = useApi(() => getFramework(), []);
  const [changed, setChanged] = useState<Partial<Record<StepKey, Step>>>({});
  const [editing, setEditing] = useState<StepKey | null>(null);
  const [savedStep, setSavedStep] = useState<StepKey | null>(null);
  const returnFocus = useRef<StepKey | null>(null);

  useEffect(() => {
    if (editing === null && returnFocus.current) {
      document.getElementById(`s3-step-edit-${returnFocus.current}`)?.focus();
      returnFocus.current = null;
    }
  }, [editing]);

  if (steps.status === 'loading' || framework.status === 'loading') return <Loading />;
  if (steps.status === 'error') return <ErrorMessage error={steps.error} />;
  if (framework.status === 'error') return <ErrorMessage error={framework.error} />;
  const stepName = (key: StepKey) => {
    const n = framework.data.steps.find((s) => s.step === key)?.name;
    return n ? (lang.startsWith('en') ? n.en : n.sv) : key;
  };
  const items = steps.data.items.map((s) => changed[s.step] ?? s);
  const date = (iso: string | null) => (iso ? formatDate(iso, lang) : null);

  return (
    <section className="section s3p-steps" aria-labelledby={headingId} id="steg">
      <h2 id={headingId}>{t('s3Process.steps.title')}</h2>
      <p className="muted">{t('s3Process.steps.lead', { name })}</p>
      <div role="status" aria-live="polite" className="s3p-step-saved">
        {savedStep ? t('s3Process.steps.saved', { step: stepName(savedStep) }) : ''}
      </div>
      <ol className="s3p-step-list" data-testid="s3-steps">
        {items.map((s) => {
          const nameOfStep = stepName(s.step);
          return (
            <li key={s.step} className={`s3p-step s3p-step-${s.status}`} data-testid={`s3-step-${s.step}`}>
              <div className="s3p-step-head">
                <span className="s3p-step-number" aria-hidden="true">
                  {s.number}
                </span>
                <h3>
                  <span className="visually-hidden">
                    {t('s3Process.steps.stepNumber', { number: s.number })}{' '}
                  </span>
                  {nameOfStep}
                </h3>
                {s.isExample ? <span className="badge">{t('s3Process.example')}</span> : null}
              </div>
              {editing === s.step ? (
                <StepForm
                  slug={slug}
                  step={s}
                  name={nameOfStep}
                  onSaved={(saved) => {
                    setChanged((c) => ({ ...c, [saved.step]: saved }));
                    setSavedStep(saved.step);
                    returnFocus.current = saved.step;
                    setEditing(null);
                  }}
                  onSeen={(theirs) => setChanged((c) => ({ ...c, [theirs.step]: theirs }))}
                  onCancel={() => {
                    returnFocus.current = s.step;
                    setEditing(null);
                  }}
                />
              ) : (
                <>
                  <p className={`s3p-status s3p-status-${s.status}`} data-testid="s3-step-status">
                    <span className="s3p-status-icon" aria-hidden="true">
                      {STATUS_ICON[s.status]}
                    </span>{' '}
                    {t(`s3Process.status.${s.status}`)}
                  </p>
                  <dl className="s3p-step-facts">
                    {s.startedOn ? (
                      <div>
                        <dt>{t('s3Process.steps.startedOn')}</dt>
                        <dd>{date(s.startedOn)}</dd>
                      </div>
                    ) : null}
                    {s.dueOn ? (
                      <div>
                        <dt>
                          {s.status === 'done' ? t('s3Process.steps.doneOn') : t('s3Process.steps.plannedBy')}
                        </dt>
                        <dd>{date(s.dueOn)}</dd>
                      </div>
                    ) : null}
                    {s.responsible ? (
                      <div>
                        <dt>{t('s3Process.steps.responsible')}</dt>
                        <dd lang="sv">{s.responsible}</dd>
                      </div>
                    ) : null}
                  </dl>
                  {s.deliverables.length > 0 ? (
                    <div className="s3p-deliverables">
                      <p className="s3p-deliverables-title">{t('s3Process.steps.deliverables')}</p>
                      <ul>
                        {s.deliverables.map((d, i) => (
                          // biome-ignore lint/suspicious/noArrayIndexKey: titles may repeat; the list is replaced whole
                          <li key={i} lang="sv">
                            {d.url ? (
                              <a href={d.url} rel="noopener noreferrer">
                                {d.title}
                              </a>
                            ) : (
                              d.title
                            )}
                          </li>
                        ))}
                      </ul>
                    </div>
                  ) : null}
                  {s.note ? (
                    <p className="s3p-step-note" lang="sv">
                      {s.note}
                    </p>
                  ) : null}
                  {staff ? (
                    <button
                      type="button"
                      className="button button-secondary button-small"
                      id={`s3-step-edit-${s.step}`}
                      onClick={() => {
                        setSavedStep(null);
                        setEditing(s.step);
                      }}
                    >
                      {t('s3Process.steps.edit')}
                      <span className="visually-hidden">: {nameOfStep}</span>
                    </button>
                  ) : null}
                </>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

type FormProps = {
  slug: string;
  step: Step;
  name: string;
  onSaved: (step: Step) => void;
  /** The colleague's version read after a refused save. */
  onSeen: (step: Step) => void;
  onCancel: () => void;
};

function StepForm({ slug, step, name, onSaved, onSeen, onCancel }: FormProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [draft, setDraft] = useState<Draft>(() => draftOf(step));
  // The version the save is based on: the one read, or the colleague's after a refused save.
  const [base, setBase] = useState<Step>(step);
  const [theirs, setTheirs] = useState<Step>();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const statusName = useId();

  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('input[type="radio"]:checked')?.focus();
  }, []);
  useEffect(() => {
    if (!errors[FORM]) return;
    const field = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    (theirs || !field ? summaryRef.current : field)?.focus();
  }, [errors, theirs]);

  const d = draft;
  const set = (patch: Partial<Draft>) => setDraft({ ...d, ...patch });
  const setDeliverable = (i: number, patch: Partial<Draft['deliverables'][number]>) =>
    set({ deliverables: d.deliverables.map((x, j) => (j === i ? { ...x, ...patch } : x)) });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems = validate(d, t, todayInSweden());
    if (Object.keys(problems).length > 0) {
      setErrors({ ...problems, [FORM]: t('s3Process.form.fixErrors') });
      return;
    }
    setSaving(true);
    try {
      const saved = await putStep(slug, step.step, base.version, {
        status: d.status,
        startedOn: d.startedOn || null,
        dueOn: d.dueOn || null,
        responsible: orNull(d.responsible),
        deliverables: d.deliverables.map((x) => ({ title: x.title.trim(), url: orNull(x.url) })),
        note: orNull(d.note),
      });
      onSaved(saved);
    } catch (e) {
      if (e instanceof ApiError && e.status === 412) {
        // A colleague saved first: keep the draft, show their version, base the next save on it.
        try {
          const now = (await getSteps(slug)).items.find((s) => s.step === step.step);
          if (now) {
            setBase(now);
            setTheirs(now);
            onSeen(now);
          }
          setErrors({ [FORM]: t('s3Process.form.stale') });
        } catch (again) {
          setErrors(saveErrors(t, again));
        }
      } else {
        setErrors(saveErrors(t, e));
      }
    } finally {
      setSaving(false);
    }
  };

  const date = (iso: string | null) => (iso ? formatDate(iso, lang) : '–');
  return (
    <form
      className="form s3p-step-form"
      onSubmit={submit}
      noValidate
      aria-busy={saving}
      ref={formRef}
      aria-label={t('s3Process.form.label', { step: name })}
      data-testid="s3-step-form"
    >
      {errors[FORM] ? (
        <div className="form-error" role="alert" tabIndex={-1} ref={summaryRef} data-testid="form-error">
          {errors[FORM]}
        </div>
      ) : null}
      {theirs ? (
        <section
          className="panel s3p-theirs"
          aria-label={t('s3Process.form.theirsTitle')}
          data-testid="s3-theirs"
        >
          <p>
            <strong>{t('s3Process.form.theirsTitle')}</strong>
          </p>
          <dl className="s3p-step-facts">
            <div>
              <dt>{t('s3Process.fields.status')}</dt>
              <dd>
                <span aria-hidden="true">{STATUS_ICON[theirs.status]}</span>{' '}
                {t(`s3Process.status.${theirs.status}`)}
              </dd>
            </div>
            <div>
              <dt>{t('s3Process.steps.startedOn')}</dt>
              <dd>{date(theirs.startedOn)}</dd>
            </div>
            <div>
              <dt>
                {theirs.status === 'done' ? t('s3Process.steps.doneOn') : t('s3Process.steps.plannedBy')}
              </dt>
              <dd>{date(theirs.dueOn)}</dd>
            </div>
            <div>
              <dt>{t('s3Process.steps.responsible')}</dt>
              <dd lang="sv">{theirs.responsible ?? '–'}</dd>
            </div>
            <div>
              <dt>{t('s3Process.steps.deliverables')}</dt>
              <dd lang="sv">{theirs.deliverables.map((x) => x.title).join('; ') || '–'}</dd>
            </div>
            {theirs.note ? (
              <div>
                <dt>{t('s3Process.fields.note')}</dt>
                <dd lang="sv">{theirs.note}</dd>
              </div>
            ) : null}
          </dl>
          <p className="field-hint">{t('s3Process.form.theirsHint')}</p>
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => {
              setDraft(draftOf(theirs));
              setErrors({});
              setTheirs(undefined);
            }}
          >
            {t('s3Process.form.takeTheirs')}
          </button>
        </section>
      ) : null}

      <fieldset className="s3p-status-choice">
        <legend>{t('s3Process.fields.status')}</legend>
        {STEP_STATUSES.map((status) => (
          <label key={status} className="checkbox">
            <input
              type="radio"
              name={statusName}
              value={status}
              checked={d.status === status}
              onChange={() => set({ status })}
            />{' '}
            <span aria-hidden="true">{STATUS_ICON[status]}</span> {t(`s3Process.status.${status}`)}
          </label>
        ))}
      </fieldset>
      <div className="form-grid">
        <FormField label={t('s3Process.steps.startedOn')} error={errors.startedOn}>
          {(p) => (
            <input
              {...p}
              type="date"
              value={d.startedOn}
              onChange={(e) => set({ startedOn: e.target.value })}
            />
          )}
        </FormField>
        <FormField
          label={d.status === 'done' ? t('s3Process.steps.doneOn') : t('s3Process.steps.plannedBy')}
          error={errors.dueOn}
          hint={d.status === 'done' ? t('s3Process.form.doneOnHint') : undefined}
        >
          {(p) => (
            <input {...p} type="date" value={d.dueOn} onChange={(e) => set({ dueOn: e.target.value })} />
          )}
        </FormField>
      </div>
      <FormField label={t('s3Process.steps.responsible')} error={errors.responsible}>
        {(p) => (
          <input
            {...p}
            type="text"
            maxLength={300}
            value={d.responsible}
            onChange={(e) => set({ responsible: e.target.value })}
          />
        )}
      </FormField>

      <fieldset className="s3p-deliverable-rows">
        <legend>{t('s3Process.steps.deliverables')}</legend>
        <p className="field-hint">{t('s3Process.form.deliverablesHint')}</p>
        {d.deliverables.map((x, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place by position
          <fieldset key={i} className="s3p-deliverable-row" data-testid={`deliverable-${i}`}>
            <legend>{t('s3Process.form.deliverableN', { n: i + 1 })}</legend>
            <div className="row-fields">
              <FormField label={t('s3Process.fields.title')} error={errors[`deliverables.${i}.title`]}>
                {(p) => (
                  <input
                    {...p}
                    type="text"
                    maxLength={300}
                    value={x.title}
                    onChange={(e) => setDeliverable(i, { title: e.target.value })}
                  />
                )}
              </FormField>
              <FormField label={t('s3Process.fields.url')} error={errors[`deliverables.${i}.url`]}>
                {(p) => (
                  <input
                    {...p}
                    type="url"
                    inputMode="url"
                    maxLength={2000}
                    value={x.url}
                    onChange={(e) => setDeliverable(i, { url: e.target.value })}
                  />
                )}
              </FormField>
            </div>
            <button
              type="button"
              className="button button-secondary button-small"
              onClick={() => set({ deliverables: d.deliverables.filter((_, j) => j !== i) })}
            >
              {t('s3Process.form.removeDeliverable', { n: i + 1 })}
            </button>
          </fieldset>
        ))}
        <button
          type="button"
          className="button button-secondary button-small"
          onClick={() => set({ deliverables: [...d.deliverables, { title: '', url: '' }] })}
        >
          {t('s3Process.form.addDeliverable')}
        </button>
      </fieldset>

      <FormField label={t('s3Process.fields.note')} error={errors.note}>
        {(p) => <textarea {...p} rows={3} value={d.note} onChange={(e) => set({ note: e.target.value })} />}
      </FormField>
      <div className="form-actions">
        <button type="submit" className="button" disabled={saving}>
          {saving ? t('s3Process.form.saving') : t('s3Process.form.save')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('s3Process.form.cancel')}
        </button>
      </div>
    </form>
  );
}
